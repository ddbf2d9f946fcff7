package io.entente.semantic;

import io.entente.themes.Codebook;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeScorerProvider;
import java.nio.file.Path;

/** Registers the learned classifier as theme scorer {@code hybrid} (see {@link ThemeScorerProvider}). */
public final class LearnedScorerProvider implements ThemeScorerProvider {
    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public String description() {
        return "the learned classifier: sentence embeddings, lexicon and context features, trained by 'entente train'";
    }

    @Override
    public SentenceThemeScorer create(Codebook codebook, Path model) {
        return model == null ? HybridThemeClassifier.loadPackaged(codebook) : HybridThemeClassifier.load(codebook, model);
    }

    @Override
    public String modelSha256(Codebook codebook, Path model) {
        return model != null ? io.entente.core.Resources.load(model, null).sha256()
                : io.entente.core.Resources.load(null, HybridModel.packagedResource(codebook.id())).sha256();
    }
}
