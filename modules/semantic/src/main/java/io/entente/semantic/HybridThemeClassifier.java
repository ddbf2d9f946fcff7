package io.entente.semantic;

import io.entente.core.ModelInfo;
import io.entente.core.Span;
import io.entente.themes.Codebook;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores sentences with the lexicon of modules/themes, the similarity to the themes' prototype sentences
 * and per-theme logistic regressions over [sentence embedding, lexicon and prototype features] learned
 * by {@code entente train} (see {@link Features} for the layout, {@link HybridModel} for the file).
 *
 * <p>The score of a theme in a sentence is the model's probability rescaled so that the theme's own
 * decision threshold maps to 0.5 (piecewise linear, 0 and 1 fixed): scores are comparable across themes
 * and a theme is assigned when its score reaches 0.5. The matched lexicon cues are reported as evidence.
 * Immutable and thread-safe.
 */
public final class HybridThemeClassifier implements SentenceThemeScorer {
    private final Codebook codebook;
    private final HybridModel model;
    private final SentenceEncoder encoder;
    private final Features features;
    private final boolean withEmbedding;

    public HybridThemeClassifier(Codebook codebook, HybridModel model, SentenceEncoder encoder) {
        check(codebook, model);
        this.codebook = codebook;
        this.model = model;
        this.encoder = encoder;
        this.features = new Features(codebook, model.prototypes(), encoder);
        this.withEmbedding = model.features().size() == Features.names(true).size();
        if (!model.features().equals(Features.names(withEmbedding))) {
            throw new IllegalArgumentException("model features do not match this build's layout: " + model.features());
        }
    }

    /** Loads a model file written by {@code entente train} for this codebook, with the shared encoder. */
    public static HybridThemeClassifier load(Codebook codebook, Path modelFile) {
        try {
            return new HybridThemeClassifier(codebook, HybridModel.read(modelFile), SentenceEncoder.shared());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the model packaged with this module for the codebook ({@code models/semantic/<id>.model.json}
     * on the class path, checked against its {@code .sha256} sidecar when that is packaged too).
     *
     * @throws IllegalArgumentException when no model is packaged for the codebook, or it was trained on
     *                                  another version of the codebook
     */
    public static HybridThemeClassifier loadPackaged(Codebook codebook) {
        return loadPackaged(codebook, SentenceEncoder.shared());
    }

    /** {@link #loadPackaged(Codebook)} with a given encoder (e.g. one without a cache, for benchmarks). */
    public static HybridThemeClassifier loadPackaged(Codebook codebook, SentenceEncoder encoder) {
        HybridModel model;
        try {
            model = HybridModel.readPackaged(codebook.id());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (model == null) {
            throw new IllegalArgumentException("no semantic model packaged for codebook '" + codebook.id() + "' ("
                    + HybridModel.packagedResource(codebook.id()) + "): train one with 'entente train'");
        }
        return new HybridThemeClassifier(codebook, model, encoder);
    }

    private static void check(Codebook cb, HybridModel m) {
        if (!cb.id().equals(m.codebookId())) {
            throw new IllegalArgumentException("model was trained for codebook '" + m.codebookId() + "', not '" + cb.id() + "'");
        }
        if (!cb.sha256().equals(m.codebookSha256())) {
            throw new IllegalArgumentException("model was trained on codebook " + m.codebookId() + " with SHA-256 "
                    + m.codebookSha256() + ", this one has " + cb.sha256() + ": retrain with 'entente train'");
        }
        List<String> ids = cb.themes().stream().map(Codebook.Theme::id).toList();
        List<String> modelIds = m.themes().stream().map(HybridModel.ThemeModel::id).toList();
        if (!ids.equals(modelIds)) {
            throw new IllegalArgumentException("model themes " + modelIds + " differ from codebook themes " + ids);
        }
    }

    @Override
    public Codebook codebook() {
        return codebook;
    }

    public HybridModel model() {
        return model;
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo("codebook:" + codebook.id(), codebook.version()),
                new ModelInfo("embeddings:" + encoder.name(), SentenceEncoder.ARTIFACT),
                new ModelInfo("semantic-model:" + codebook.id(), String.valueOf(model.modelVersion())));
    }

    /** Every theme's score in the sentence, in codebook order. */
    @Override
    public List<ThemeClassifier.SentenceScore> score(String text, int start, int end) {
        return scoreAll(text, List.of(new Span(start, end))).get(0);
    }

    @Override
    public List<List<ThemeClassifier.SentenceScore>> scoreAll(String text, List<Span> spans) {
        List<String> sentences = new ArrayList<>(spans.size());
        for (Span s : spans) {
            sentences.add(text.substring(s.start(), s.end()));
        }
        float[][] emb = encoder.encode(sentences);
        List<List<ThemeClassifier.SentenceScore>> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Features.SentenceInput in = features.prepare(text, spans.get(i).start(), spans.get(i).end(), emb[i]);
            List<ThemeClassifier.SentenceScore> scores = new ArrayList<>();
            for (int t = 0; t < model.themes().size(); t++) {
                HybridModel.ThemeModel tm = model.themes().get(t);
                double p = tm.probability(features.vector(in, t, withEmbedding));
                double score = tm.calibrated(p);
                ThemeClassifier.SentenceScore lex = in.lexicon().get(tm.id());
                scores.add(new ThemeClassifier.SentenceScore(tm.id(), score, p >= tm.threshold(),
                        lex == null ? List.of() : lex.cues()));
            }
            out.add(List.copyOf(scores));
        }
        return out;
    }
}
