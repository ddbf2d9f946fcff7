package io.entente.semantic;

import io.entente.themes.Codebook;
import io.entente.themes.ThemeClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of one sentence for one theme. Layout (see {@link #names(boolean)}): the 384 embedding
 * dimensions (full hybrid only), then
 * <ol>
 *   <li>{@code lexicon.score}: the lexicon score {@code 1 - exp(-S)} of {@link ThemeClassifier};</li>
 *   <li>{@code lexicon.assigned}: 1 when that score reaches the theme's codebook threshold;</li>
 *   <li>{@code lexicon.cues}: {@code log(1 + number of matched cues)};</li>
 *   <li>{@code prototype.max}, {@code prototype.mean}: max and mean cosine to the theme's example sentences;</li>
 *   <li>{@code prototype.margin}: {@code prototype.max} minus the best {@code prototype.max} of the other themes;</li>
 *   <li>{@code segment.short}: 1 for a segment of at most five words (headings, datelines).</li>
 * </ol>
 */
public final class Features {
    public static final List<String> LEXICAL = List.of("lexicon.score", "lexicon.assigned", "lexicon.cues",
            "prototype.max", "prototype.mean", "prototype.margin", "segment.short");

    /** Cosine at or above which a prototype is taken to be the sentence itself. */
    static final double SELF = 0.99999;

    private final ThemeClassifier lexicon;
    private final List<String> themeIds;
    private final List<float[][]> prototypes;

    /** @param examples per theme id, the prototype sentences (codebook examples plus extra ones) */
    public Features(Codebook codebook, Map<String, List<String>> examples, SentenceEncoder encoder) {
        this.lexicon = new ThemeClassifier(codebook);
        this.themeIds = codebook.themes().stream().map(Codebook.Theme::id).toList();
        List<float[][]> protos = new ArrayList<>();
        for (String id : themeIds) {
            List<String> ex = examples.getOrDefault(id, List.of());
            protos.add(ex.isEmpty() ? new float[0][] : encoder.encode(ex));
        }
        this.prototypes = List.copyOf(protos);
    }

    public static List<String> names(boolean withEmbedding) {
        List<String> out = new ArrayList<>();
        if (withEmbedding) {
            for (int i = 0; i < SentenceEncoder.DIMENSION; i++) {
                out.add("embedding[" + i + "]");
            }
        }
        out.addAll(LEXICAL);
        return out;
    }

    public ThemeClassifier lexicon() {
        return lexicon;
    }

    /** Everything computed once per sentence. */
    public record SentenceInput(float[] embedding, Map<String, ThemeClassifier.SentenceScore> lexicon,
                                double[] protoMax, double[] protoMean, int words) {
    }

    public SentenceInput prepare(String text, int start, int end, float[] embedding) {
        return prepare(text, start, end, embedding, false);
    }

    /**
     * @param leaveSelfOut when the sentence is itself one of the prototypes (a training row made from an
     *                     example), its own vector (cosine ≥ {@value #SELF}) is left out of the prototype
     *                     features, so they say what they would say of an unseen sentence
     */
    public SentenceInput prepare(String text, int start, int end, float[] embedding, boolean leaveSelfOut) {
        Map<String, ThemeClassifier.SentenceScore> lex = new HashMap<>();
        for (ThemeClassifier.SentenceScore s : lexicon.score(text, start, end)) {
            lex.put(s.themeId(), s);
        }
        double[] max = new double[themeIds.size()];
        double[] mean = new double[themeIds.size()];
        for (int t = 0; t < themeIds.size(); t++) {
            float[][] p = prototypes.get(t);
            double m = p.length == 0 ? 0 : -1;
            double sum = 0;
            int used = 0;
            for (float[] v : p) {
                double c = Vectors.dot(embedding, v);
                if (leaveSelfOut && c >= SELF) {
                    continue;
                }
                m = Math.max(m, c);
                sum += c;
                used++;
            }
            max[t] = used == 0 ? 0 : m;
            mean[t] = used == 0 ? 0 : sum / used;
        }
        int words = text.substring(start, end).strip().split("[^\\p{L}\\p{N}]+").length;
        return new SentenceInput(embedding, lex, max, mean, words);
    }

    /** Feature vector of theme number {@code t} (codebook order). */
    public double[] vector(SentenceInput in, int t, boolean withEmbedding) {
        int base = withEmbedding ? SentenceEncoder.DIMENSION : 0;
        double[] x = new double[base + LEXICAL.size()];
        if (withEmbedding) {
            for (int i = 0; i < base; i++) {
                x[i] = in.embedding()[i];
            }
        }
        ThemeClassifier.SentenceScore s = in.lexicon().get(themeIds.get(t));
        double otherMax = -1;
        for (int u = 0; u < themeIds.size(); u++) {
            if (u != t) {
                otherMax = Math.max(otherMax, in.protoMax()[u]);
            }
        }
        x[base] = s == null ? 0 : s.score();
        x[base + 1] = s != null && s.assigned() ? 1 : 0;
        x[base + 2] = s == null ? 0 : Math.log1p(s.cues().size());
        x[base + 3] = in.protoMax()[t];
        x[base + 4] = in.protoMean()[t];
        x[base + 5] = in.protoMax()[t] - otherMax;
        x[base + 6] = in.words() <= 5 ? 1 : 0;
        return x;
    }
}
