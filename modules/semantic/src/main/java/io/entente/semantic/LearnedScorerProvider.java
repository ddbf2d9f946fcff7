package io.entente.semantic;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeScorerProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Registers the learned classifier as theme scorer {@code hybrid} (see {@link ThemeScorerProvider}), with
 * one option, {@value #MODEL}: a model file written by {@code entente train} (default: the one packaged
 * for the codebook). Its sentence encoder is the one the model was trained with.
 */
public final class LearnedScorerProvider implements ThemeScorerProvider {
    public static final String NAME = "hybrid";
    public static final String MODEL = "model";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the learned classifier: sentence embeddings, lexicon and context features, trained by 'entente train'";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(MODEL, "a model file written by 'entente train' (default: the one packaged for the codebook)");
    }

    @Override
    public SentenceThemeScorer create(Codebook codebook, Map<String, String> options) {
        Path model = model(options);
        return model == null ? HybridThemeClassifier.loadPackaged(codebook) : HybridThemeClassifier.load(codebook, model);
    }

    @Override
    public String modelSha256(Codebook codebook, Map<String, String> options) {
        Path model = model(options);
        return model != null ? Resources.load(model, null).sha256()
                : Resources.load(null, HybridModel.packagedResource(codebook.id())).sha256();
    }

    /** The model file of the options, or null for the packaged one. */
    private static Path model(Map<String, String> options) {
        String m = options.get(MODEL);
        if (m == null || m.isBlank()) {
            return null;
        }
        Path p = Path.of(m);
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new IllegalArgumentException("semantic model " + p + ": no such file");
        }
        return p;
    }
}
