package io.entente.pipeline;

import io.entente.entities.EntityConfig;
import io.entente.themes.ThemeConfig;
import io.entente.tokenize.TokenizerConfig;
import java.nio.file.Path;

/**
 * The configuration of every stage of the standard pipeline, in one immutable value.
 *
 * @param classifier    which sentence scorer the theme stage uses
 * @param semanticModel a model file written by {@code entente train} for the hybrid classifier, or
 *                      {@code null} for the one packaged for the codebook
 */
public record PipelineConfig(TokenizerConfig tokenizer, EntityConfig entities, ThemeConfig themes,
                             Classifier classifier, Path semanticModel) {

    /** The theme classifiers: the codebook's cues alone, or cues with sentence embeddings and a trained layer. */
    public enum Classifier { LEXICON, HYBRID }

    public PipelineConfig(TokenizerConfig tokenizer, EntityConfig entities, ThemeConfig themes) {
        this(tokenizer, entities, themes, Classifier.LEXICON, null);
    }

    public static PipelineConfig defaults() {
        return new PipelineConfig(TokenizerConfig.defaults(), EntityConfig.defaults(), ThemeConfig.defaults());
    }

    public PipelineConfig withThemes(ThemeConfig newThemes) {
        return new PipelineConfig(tokenizer, entities, newThemes, classifier, semanticModel);
    }

    public PipelineConfig withClassifier(Classifier newClassifier, Path newSemanticModel) {
        return new PipelineConfig(tokenizer, entities, themes, newClassifier, newSemanticModel);
    }
}
