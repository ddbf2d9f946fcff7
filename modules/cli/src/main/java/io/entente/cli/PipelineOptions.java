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

    @Option(names = "--classifier", paramLabel = "lexicon|hybrid", defaultValue = "lexicon",
            description = "Theme classifier: the codebook's cues alone (default), or hybrid: cues with sentence "
                    + "embeddings (all-MiniLM-L6-v2) and a layer trained by 'entente train'.")
    String classifier;

    @Option(names = "--semantic-model", paramLabel = "FILE",
            description = "Model written by 'entente train', for --classifier hybrid (default: the one packaged for the codebook).")
    Path semanticModel;

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

    PipelineConfig config() {
        PipelineConfig.Classifier kind;
        try {
            kind = PipelineConfig.Classifier.valueOf(classifier.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--classifier must be lexicon or hybrid, not '" + classifier + "'", e);
        }
        if (semanticModel != null && !Files.isRegularFile(semanticModel)) {
            throw new ConfigurationException("semantic model " + semanticModel + ": no such file", null);
        }
        return PipelineConfig.defaults().withThemes(new ThemeConfig(codebook)).withClassifier(kind, semanticModel);
    }

    /**
     * The identity of the theme configuration, for incremental runs: the codebook's bytes, and for the
     * hybrid classifier its model's bytes too. A change reclassifies every document.
     */
    String themeConfigSha256() {
        String sha = codebookSha256();
        PipelineConfig c = config();
        if (c.classifier() == PipelineConfig.Classifier.HYBRID) {
            String model = c.semanticModel() != null ? io.entente.core.Resources.load(c.semanticModel(), null).sha256()
                    : io.entente.core.Resources.load(null, io.entente.semantic.HybridModel.packagedResource(codebook().id())).sha256();
            sha = io.entente.core.Resources.sha256(sha + ":hybrid:" + model);
        }
        return sha;
    }

    /** The theme stage alone (codebook-only reclassification). */
    io.entente.themes.ThemeStage themeStage() {
        try {
            return StandardPipeline.themeStage(config(), codebook());
        } catch (CodebookException | KnowledgeFileException | IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    StandardPipeline build() {
        try {
            return StandardPipeline.build(config(), codebook()); // parsed once, in codebook()
        } catch (CodebookException | KnowledgeFileException | IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    static PipelineInfo info(StandardPipeline p) {
        return new PipelineInfo(StandardPipeline.VERSION, p.codebook().id(), p.codebook().sha256(), p.pipeline().models());
    }
}
