package io.entente.cli;

import io.entente.core.KnowledgeFileException;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.PipelineInfo;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import io.entente.themes.ThemeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the pipeline. */
final class PipelineOptions {
    @Option(names = "--codebook", paramLabel = "FILE",
            description = "Theme codebook (JSON). Default: the packaged security-cooperation codebook.")
    Path codebook;

    @Option(names = {"-v", "--verbose"}, description = "Log model loading and other details to stderr.")
    boolean verbose;

    private Codebook loaded;

    /** The hash of the codebook file's bytes (the same as {@code codebook().sha256()}), without parsing it. */
    String codebookSha256() {
        if (loaded != null) {
            return loaded.sha256();
        }
        if (codebook != null && !Files.isRegularFile(codebook)) {
            throw new ConfigurationException("codebook " + codebook + ": no such file", null);
        }
        return io.entente.core.Resources.load(codebook, CodebookLoader.DEFAULT_RESOURCE).sha256();
    }

    /** The codebook, loaded and validated once. */
    synchronized Codebook codebook() {
        if (loaded == null) {
            if (codebook != null && !Files.isRegularFile(codebook)) {
                throw new ConfigurationException("codebook " + codebook + ": no such file", null);
            }
            try {
                loaded = CodebookLoader.load(codebook);
            } catch (CodebookException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }
        return loaded;
    }

    StandardPipeline build() {
        codebook();
        try {
            return StandardPipeline.build(PipelineConfig.defaults().withThemes(new ThemeConfig(codebook)));
        } catch (CodebookException | KnowledgeFileException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    static PipelineInfo info(StandardPipeline p) {
        return new PipelineInfo(StandardPipeline.VERSION, p.codebook().id(), p.codebook().sha256(), p.pipeline().models());
    }
}
