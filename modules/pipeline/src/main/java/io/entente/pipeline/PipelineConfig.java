package io.entente.pipeline;

import io.entente.entities.EntityConfig;
import io.entente.themes.ThemeConfig;
import io.entente.themes.ThemeScorerProvider;
import io.entente.tokenize.TokenizerConfig;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The configuration of every stage of the standard pipeline, in one immutable value.
 *
 * @param classifierName    the theme scorer, by its name in {@link ThemeScorerProvider#registry()}
 *                          ({@code lexicon}, {@code hybrid}, ...); lower case
 * @param classifierOptions that scorer's options by name (e.g. {@code model} of {@code hybrid}: a model
 *                          file written by {@code entente train}); sorted, unmodifiable
 */
public record PipelineConfig(TokenizerConfig tokenizer, EntityConfig entities, ThemeConfig themes,
                             String classifierName, Map<String, String> classifierOptions) {

    public PipelineConfig {
        classifierName = Objects.requireNonNull(classifierName, "classifierName").toLowerCase(Locale.ROOT);
        classifierOptions = Collections.unmodifiableMap(new TreeMap<>(classifierOptions));
    }

    /** The lexicon classifier. */
    public PipelineConfig(TokenizerConfig tokenizer, EntityConfig entities, ThemeConfig themes) {
        this(tokenizer, entities, themes, ThemeScorerProvider.Lexicon.NAME, Map.of());
    }

    public static PipelineConfig defaults() {
        return new PipelineConfig(TokenizerConfig.defaults(), EntityConfig.defaults(), ThemeConfig.defaults());
    }

    public PipelineConfig withThemes(ThemeConfig newThemes) {
        return new PipelineConfig(tokenizer, entities, newThemes, classifierName, classifierOptions);
    }

    /** This configuration with another theme scorer, by name and options. */
    public PipelineConfig withClassifier(String name, Map<String, String> options) {
        return new PipelineConfig(tokenizer, entities, themes, name, options);
    }
}
