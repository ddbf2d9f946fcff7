package io.entente.pipeline;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ThemeScorerProvider;
import io.entente.themes.ThemeStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One configured pipeline, ready to be opened by any engine (the local batch, a Spark executor): the
 * configuration, its codebook loaded and validated once, the run identity computed without loading a
 * model, and the stages built on demand. The command line makes one from its options; nothing here
 * knows about command lines. Thread-safe.
 */
public final class PipelineSetup {
    private final PipelineConfig config;
    private final ThemeScorerProvider provider;
    private Codebook codebook;

    /**
     * @throws IllegalArgumentException when a file the configuration names does not exist, or the theme
     *                                  scorer is not installed or refuses an option
     */
    public PipelineSetup(PipelineConfig config) {
        Path cb = config.themes().codebook();
        if (cb != null && !Files.isRegularFile(cb)) {
            throw new IllegalArgumentException("codebook " + cb + ": no such file");
        }
        this.provider = ThemeScorerProvider.registry().forName(config.classifierName(), config.classifierOptions());
        this.config = config;
    }

    public PipelineConfig config() {
        return config;
    }

    /**
     * The codebook, loaded and validated once.
     *
     * @throws io.entente.themes.CodebookException when it is malformed
     */
    public synchronized Codebook codebook() {
        if (codebook == null) {
            codebook = CodebookLoader.load(config.themes().codebook());
        }
        return codebook;
    }

    /** The hash of the codebook file's bytes (the same as {@code codebook().sha256()}), without parsing it. */
    public String codebookSha256() {
        synchronized (this) {
            if (codebook != null) {
                return codebook.sha256();
            }
        }
        return Resources.load(config.themes().codebook(), CodebookLoader.DEFAULT_RESOURCE).sha256();
    }

    /** The theme scorer's kind, found by name among the installed ones (its options checked). */
    public ThemeScorerProvider scorerProvider() {
        return provider;
    }

    /**
     * The run's identity: every stage's models and knowledge files, the theme scorer's own model, and
     * the options that change output (see {@link RunIdentity}).
     *
     * @param readingOptions options of the reader that change what is read, by name
     */
    public RunIdentity identity(Map<String, String> readingOptions) {
        RunIdentity id = RunIdentity.of(config, readingOptions);
        String model = provider.modelSha256(codebook(), config.classifierOptions());
        return model == null ? id : id.withThemeModel("semantic-model", model);
    }

    /** The theme stage alone (for reclassifying cached documents when only the theme stage changed). */
    public ThemeStage themeStage() {
        return StandardPipeline.themeStage(config, codebook());
    }

    /** Every stage: loads the models (seconds); build once, share between threads, close when done. */
    public StandardPipeline build() {
        return StandardPipeline.build(config, codebook());
    }

    /** Every stage, around a theme stage already built (its models are not loaded twice); closing the result closes it. */
    public StandardPipeline build(ThemeStage themes) {
        return StandardPipeline.build(config, themes);
    }
}
