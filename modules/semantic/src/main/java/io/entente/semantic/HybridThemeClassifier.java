package io.entente.semantic;

import io.entente.core.Document;
import io.entente.core.ModelInfo;
import io.entente.core.Sentence;
import io.entente.core.Span;
import io.entente.themes.Codebook;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned theme classifier: per theme, a logistic regression over the sentence's embedding, the
 * lexicon's scores, the neighbouring sentences' and the document's lexicon scores and the sentence's
 * shape ({@link Features}), learned by {@code entente train} ({@link HybridModel} for the file). It sees
 * the whole document.
 *
 * <p>A sentence's score for a theme is the calibrated probability that it carries the theme (Platt
 * scaling of out-of-fold logits), so scores of different themes and papers are comparable; a theme is
 * assigned when its probability reaches the theme's threshold. The lexicon cues that matched are
 * reported as evidence. Immutable and thread-safe.
 *
 * <p>The sentence encoder belongs to the classifier when the classifier loaded it ({@link #load},
 * {@link #loadPackaged}): {@link #close()} releases it then. An encoder passed in stays the caller's, so
 * training and the folds of an evaluation can share one model.
 */
public final class HybridThemeClassifier implements SentenceThemeScorer, io.entente.core.RunCache {
    private final Codebook codebook;
    private final HybridModel model;
    private final SentenceEncoder encoder;
    private final Features features;
    /** SHA-256 of the model file's bytes (its serialization is deterministic), for the reports' provenance. */
    private final String modelSha256;
    private final boolean ownsEncoder;

    /**
     * A classifier over an encoder the caller keeps (and closes).
     *
     * @throws IllegalArgumentException when the model was trained for another codebook, another feature
     *                                  layout or another sentence encoder than {@code encoder}
     */
    public HybridThemeClassifier(Codebook codebook, HybridModel model, SentenceEncoder encoder) {
        this(codebook, model, encoder, false);
    }

    private HybridThemeClassifier(Codebook codebook, HybridModel model, SentenceEncoder encoder, boolean ownsEncoder) {
        check(codebook, model);
        if (model.encoder() != null && !model.encoder().identity().equals(encoder.spec().identity())) {
            throw new IllegalArgumentException("the model was trained with sentence encoder " + model.encoder().identity()
                    + ", not the running " + encoder.spec().identity() + ": use that encoder or retrain");
        }
        this.codebook = codebook;
        this.model = model;
        this.encoder = encoder;
        this.features = new Features(codebook, encoder.dimension(), model.groups());
        this.modelSha256 = io.entente.core.Resources.sha256(model.bytes());
        this.ownsEncoder = ownsEncoder;
        if (!model.features().equals(features.names())) {
            throw new IllegalArgumentException("model features do not match this build's layout for groups "
                    + Features.labels(model.groups()) + ": retrain with 'entente train'");
        }
    }

    /** The encoder a model file needs (its own, else the default), with an in-memory cache of {@code capacity}. */
    public static SentenceEncoder encoderFor(HybridModel model, int capacity) {
        return new SentenceEncoder(model.encoder() != null ? model.encoder() : EncoderSpec.defaultSpec(), capacity);
    }

    /** Loads a model file written by {@code entente train} for this codebook, with a fresh encoder of its own. */
    public static HybridThemeClassifier load(Codebook codebook, Path modelFile) {
        try {
            HybridModel m = HybridModel.read(modelFile);
            return owning(codebook, m, 50_000);
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
        return loadPackaged(codebook, 50_000);
    }

    /** {@link #loadPackaged(Codebook)} with an encoder cache of {@code capacity} sentences (0: none, for benchmarks). */
    public static HybridThemeClassifier loadPackaged(Codebook codebook, int capacity) {
        return owning(codebook, packaged(codebook), capacity);
    }

    /** A classifier with an encoder of its own, closed with it (also when the model does not fit). */
    private static HybridThemeClassifier owning(Codebook codebook, HybridModel model, int capacity) {
        SentenceEncoder encoder = encoderFor(model, capacity);
        try {
            return new HybridThemeClassifier(codebook, model, encoder, true);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** Releases the sentence encoder when the classifier loaded it itself. */
    @Override
    public void close() {
        if (ownsEncoder) {
            encoder.close();
        }
    }

    private static HybridModel packaged(Codebook codebook) {
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
        return model;
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
    public String cacheFileName() {
        return "embeddings.bin";
    }

    /** The sentence vectors of earlier runs (hashes and vectors, no text); a file of another encoder is refused. */
    @Override
    public void loadCache(Path file) {
        encoder.loadCache(file);
    }

    @Override
    public void saveCache(Path file) {
        encoder.saveCache(file);
    }

    /** The encoder this classifier embeds with. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    @Override
    public List<ModelInfo> models() {
        List<ModelInfo> out = new ArrayList<>();
        out.add(new ModelInfo("codebook:" + codebook.id(), codebook.version()));
        if (model.encoder() != null) {
            out.add(new ModelInfo("embeddings:" + model.encoder().name(), model.encoder().artifact()));
        }
        out.add(new ModelInfo("semantic-model:" + codebook.id(), model.modelVersion() + " sha256:" + modelSha256));
        return out;
    }

    /** Every theme's score in each sentence of the document, in codebook order. */
    @Override
    public List<List<ThemeScore>> score(Document document) {
        List<Span> spans = new ArrayList<>(document.sentences().size());
        for (Sentence s : document.sentences()) {
            spans.add(s.span());
        }
        return score(document.text(), spans);
    }

    /** Scores of the given spans of a text, as if they were its sentences (training and tests use gold spans). */
    public List<List<ThemeScore>> score(String text, List<Span> spans) {
        float[][] emb = null;
        if (features.needsEmbeddings()) {
            List<String> sentences = new ArrayList<>(spans.size());
            for (Span s : spans) {
                sentences.add(text.substring(s.start(), s.end()));
            }
            emb = encoder.encode(sentences);
        }
        Features.Prepared p = features.prepare(text, spans, emb);
        List<List<ThemeScore>> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            List<ThemeScore> scores = new ArrayList<>();
            for (HybridModel.ThemeModel tm : model.themes()) {
                double prob = tm.probability(p.rows()[i]);
                ThemeScore lex = p.lexicon().get(i).stream().filter(s -> s.themeId().equals(tm.id())).findFirst().orElse(null);
                scores.add(new ThemeScore(tm.id(), prob, prob >= tm.threshold(), lex == null ? List.of() : lex.cues()));
            }
            out.add(List.copyOf(scores));
        }
        return out;
    }
}
