package io.entente.semantic;

import io.entente.core.Span;
import io.entente.themes.Codebook;
import io.entente.themes.SegmentShape;
import io.entente.themes.ThemeClassifier;
import io.entente.themes.ThemeScore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The feature vector of one sentence, shared by every theme's model. It is built from the whole
 * document, in named groups ({@link #names()} gives the layout):
 * <ul>
 *   <li>{@code embedding}: the sentence's vector from the encoder ({@code embedding[i]});</li>
 *   <li>{@code lexicon}: the lexicon score {@code 1 - exp(-S)} of every theme ({@code lexicon.<theme>});</li>
 *   <li>{@code neighbours}: the lexicon scores of the sentences before and after ({@code previous.lexicon.<theme>},
 *       {@code next.lexicon.<theme>}; 0 at the document's edges);</li>
 *   <li>{@code document}: the mean lexicon score of every theme over the document ({@code document.lexicon.<theme>}):
 *       what the paper as a whole is about;</li>
 *   <li>{@code shape}: {@code shape.short} (a segment of at most five words: headings, datelines) and
 *       {@code shape.unterminated} (no closing punctuation: headings, figure titles, by-lines).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Features {
    /** The feature groups, by the names used on the command line and in the model file. */
    public enum Group {
        EMBEDDING, LEXICON, NEIGHBOURS, DOCUMENT, SHAPE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Group of(String label) {
            for (Group g : values()) {
                if (g.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown feature group '" + label + "'; known: embedding, lexicon, neighbours, document, shape");
        }
    }

    public static final Set<Group> DEFAULT_GROUPS = EnumSet.allOf(Group.class);

    private final ThemeClassifier lexicon;
    private final List<String> themeIds;
    private final int dimension;
    private final Set<Group> groups;
    private final List<String> names;

    public Features(Codebook codebook, int dimension, Set<Group> groups) {
        this.lexicon = new ThemeClassifier(codebook);
        this.themeIds = codebook.themes().stream().map(Codebook.Theme::id).toList();
        this.dimension = dimension;
        this.groups = groups.isEmpty() ? EnumSet.noneOf(Group.class) : EnumSet.copyOf(groups);
        this.names = List.copyOf(buildNames());
    }

    /** Parses a comma-separated list of group labels. */
    public static Set<Group> parse(String labels) {
        Set<Group> out = EnumSet.noneOf(Group.class);
        for (String s : labels.split(",")) {
            if (!s.isBlank()) {
                out.add(Group.of(s));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no feature group given");
        }
        return out;
    }

    public static String labels(Set<Group> groups) {
        return String.join(",", groups.stream().map(Group::label).toList());
    }

    public Set<Group> groups() {
        return EnumSet.copyOf(groups.isEmpty() ? EnumSet.noneOf(Group.class) : groups);
    }

    public boolean needsEmbeddings() {
        return groups.contains(Group.EMBEDDING);
    }

    public List<String> names() {
        return names;
    }

    private List<String> buildNames() {
        List<String> out = new ArrayList<>();
        if (groups.contains(Group.EMBEDDING)) {
            for (int i = 0; i < dimension; i++) {
                out.add("embedding[" + i + "]");
            }
        }
        if (groups.contains(Group.LEXICON)) {
            themeIds.forEach(t -> out.add("lexicon." + t));
        }
        if (groups.contains(Group.NEIGHBOURS)) {
            themeIds.forEach(t -> out.add("previous.lexicon." + t));
            themeIds.forEach(t -> out.add("next.lexicon." + t));
        }
        if (groups.contains(Group.DOCUMENT)) {
            themeIds.forEach(t -> out.add("document.lexicon." + t));
        }
        if (groups.contains(Group.SHAPE)) {
            out.add("shape.short");
            out.add("shape.unterminated");
        }
        return out;
    }

    /** The rows of one document and the lexicon's own scores (their cues are the evidence a reader sees). */
    public record Prepared(double[][] rows, List<List<ThemeScore>> lexicon) {
    }

    /**
     * Feature rows of the sentences of one text.
     *
     * @param embeddings one vector per span, or null when the groups need none
     */
    public Prepared prepare(String text, List<Span> spans, float[][] embeddings) {
        int n = spans.size();
        int nt = themeIds.size();
        double[][] lex = new double[n][nt];
        List<List<ThemeScore>> lexScores = new ArrayList<>(n);
        double[] docMean = new double[nt];
        for (int i = 0; i < n; i++) {
            List<ThemeScore> scores = lexicon.score(text, spans.get(i).start(), spans.get(i).end());
            lexScores.add(scores);
            for (ThemeScore s : scores) {
                int t = themeIds.indexOf(s.themeId());
                lex[i][t] = s.score();
                docMean[t] += s.score() / n;
            }
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = new double[names.size()];
            int k = 0;
            if (groups.contains(Group.EMBEDDING)) {
                float[] e = embeddings[i];
                for (int j = 0; j < dimension; j++) {
                    x[k++] = e[j];
                }
            }
            if (groups.contains(Group.LEXICON)) {
                for (int t = 0; t < nt; t++) {
                    x[k++] = lex[i][t];
                }
            }
            if (groups.contains(Group.NEIGHBOURS)) {
                for (int t = 0; t < nt; t++) {
                    x[k++] = i > 0 ? lex[i - 1][t] : 0;
                }
                for (int t = 0; t < nt; t++) {
                    x[k++] = i + 1 < n ? lex[i + 1][t] : 0;
                }
            }
            if (groups.contains(Group.DOCUMENT)) {
                for (int t = 0; t < nt; t++) {
                    x[k++] = docMean[t];
                }
            }
            if (groups.contains(Group.SHAPE)) {
                String s = text.substring(spans.get(i).start(), spans.get(i).end()).strip();
                x[k++] = s.isEmpty() || SegmentShape.words(s) <= 5 ? 1 : 0;
                x[k++] = SegmentShape.terminated(s) ? 0 : 1;
            }
            rows[i] = x;
        }
        return new Prepared(rows, lexScores);
    }
}
