package io.entente.pipeline;

import io.entente.entities.EntityConfig;
import io.entente.themes.ThemeConfig;
import io.entente.tokenize.TokenizerConfig;

/** The configuration of every stage of the standard pipeline, in one immutable value. */
public record PipelineConfig(TokenizerConfig tokenizer, EntityConfig entities, ThemeConfig themes) {
    public static PipelineConfig defaults() {
        return new PipelineConfig(TokenizerConfig.defaults(), EntityConfig.defaults(), ThemeConfig.defaults());
    }

    public PipelineConfig withThemes(ThemeConfig newThemes) {
        return new PipelineConfig(tokenizer, entities, newThemes);
    }
}
