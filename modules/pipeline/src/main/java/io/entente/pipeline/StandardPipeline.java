package io.entente.pipeline;

import io.entente.core.Pipeline;
import io.entente.entities.EntityStage;
import io.entente.themes.Codebook;
import io.entente.themes.ThemeStage;
import io.entente.tokenize.TokenizeStage;
import java.util.List;

/**
 * Entente's chain: tokenize, entities, themes. Built once per process (this loads every model);
 * the result is thread-safe and meant to be shared by all workers.
 */
public final class StandardPipeline {
    /** The pipeline's version, written into every report. */
    public static final String VERSION = "0.1.0";

    private final Pipeline pipeline;
    private final Codebook codebook;

    private StandardPipeline(Pipeline pipeline, Codebook codebook) {
        this.pipeline = pipeline;
        this.codebook = codebook;
    }

    public static StandardPipeline build(PipelineConfig config) {
        // The codebook loads first: a malformed one fails before the slow model loading.
        ThemeStage themes = new ThemeStage(config.themes());
        TokenizeStage tokenize = new TokenizeStage(config.tokenizer());
        EntityStage entities = new EntityStage(config.entities());
        return new StandardPipeline(Pipeline.of(List.of(tokenize, entities, themes)), themes.codebook());
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Codebook codebook() {
        return codebook;
    }
}
