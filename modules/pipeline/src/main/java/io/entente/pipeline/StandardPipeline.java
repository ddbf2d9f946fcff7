package io.entente.pipeline;

import io.entente.core.Pipeline;
import io.entente.core.Stage;
import io.entente.entities.EntityStage;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ModalityCues;
import io.entente.themes.References;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeClassifier;
import io.entente.themes.ThemeConfig;
import io.entente.themes.ThemeStage;
import io.entente.tokenize.TokenizeStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Entente's chain: tokenize, entities, themes. Built once per run (this loads every model); the
 * result is thread-safe and meant to be shared by all workers, and closed by whoever built it when
 * the run is over (closing releases the models that hold native memory, such as a sentence encoder).
 */
public final class StandardPipeline implements AutoCloseable {
    /** The pipeline's version, written into every report. */
    public static final String VERSION = "0.1.0";

    private final Pipeline pipeline;
    private final Codebook codebook;
    private final ThemeStage themes;

    private StandardPipeline(Pipeline pipeline, Codebook codebook, ThemeStage themes) {
        this.pipeline = pipeline;
        this.codebook = codebook;
        this.themes = themes;
    }

    public static StandardPipeline build(PipelineConfig config) {
        // The codebook loads first: a malformed one fails before the slow model loading.
        return build(config, CodebookLoader.load(config.themes().codebook()));
    }

    /** Builds the pipeline with a codebook the caller has already loaded and validated from the configuration. */
    public static StandardPipeline build(PipelineConfig config, Codebook codebook) {
        return build(config, themeStage(config, codebook));
    }

    /** Tokenize and entities, then the given theme stage (e.g. one with another sentence scorer). */
    public static StandardPipeline build(PipelineConfig config, ThemeStage themes) {
        List<Stage> stages = new ArrayList<>(upstream(config).stages());
        stages.add(themes);
        return new StandardPipeline(Pipeline.of(stages), themes.codebook(), themes);
    }

    /** Everything before the theme stage: tokenize, entities. */
    public static Pipeline upstream(PipelineConfig config) {
        return Pipeline.of(List.of(new TokenizeStage(config.tokenizer()), new EntityStage(config.entities())));
    }

    /** The theme stage with the configured sentence scorer. */
    public static ThemeStage themeStage(PipelineConfig config) {
        return themeStage(config, CodebookLoader.load(config.themes().codebook()));
    }

    /** The theme stage with the configured sentence scorer, over an already loaded codebook; the caller closes it. */
    public static ThemeStage themeStage(PipelineConfig config, Codebook codebook) {
        // found by name: the pipeline does not depend on the module of a learned scorer
        SentenceThemeScorer scorer = io.entente.themes.ThemeScorerProvider.registry()
                .forName(config.classifierName(), config.classifierOptions()).create(codebook, config.classifierOptions());
        try {
            return themeStage(config, scorer);
        } catch (RuntimeException e) {
            scorer.close(); // e.g. a malformed references file: do not leave the scorer's model loaded
            throw e;
        }
    }

    /** The theme stage with the given sentence scorer and the configured references and modality cues. */
    public static ThemeStage themeStage(PipelineConfig config, SentenceThemeScorer scorer) {
        ThemeConfig tc = config.themes();
        return new ThemeStage(scorer, References.load(tc.references()), ModalityCues.load(tc.modality()));
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The theme stage of this pipeline (for reclassifying cached documents). */
    public ThemeStage themes() {
        return themes;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** Closes every stage (the theme stage's scorer with it). */
    @Override
    public void close() {
        pipeline.close();
    }
}
