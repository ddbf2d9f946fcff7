package io.entente.cli;

import io.entente.core.KnowledgeFileException;
import io.entente.core.registry.Registry;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.PipelineSetup;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.PipelineInfo;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.ThemeConfig;
import io.entente.themes.ThemeScorerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the pipeline. */
public final class PipelineOptions {
    @Option(names = "--codebook", paramLabel = "FILE",
            description = "Theme codebook (JSON). Default: the packaged security-cooperation codebook.")
    Path codebook;

    @Option(names = "--classifier", paramLabel = "NAME", defaultValue = "lexicon", completionCandidates = ThemeScorerNames.class,
            description = "Theme classifier, one of those installed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "lexicon: the codebook's cues alone; hybrid: cues with sentence embeddings and a layer trained by "
                    + "'entente train'.")
    String classifier;

    @Option(names = "--semantic-model", paramLabel = "FILE",
            description = "Model written by 'entente train', for --classifier hybrid (default: the one packaged for the codebook).")
    Path semanticModel;

    @Option(names = "--models", paramLabel = "DIR",
            description = "A folder laid out like models/ (tokenize/abbreviations.tsv, gazetteers/countries.tsv, "
                    + "tokenize/sections.tsv, gazetteers/regions.tsv, gazetteers/organizations.tsv, entities/titles.tsv, entities/function-words.tsv, "
                    + "entities/org-heads.tsv, entities/non-entities.tsv, themes/references.tsv, themes/modality.tsv): each file found there replaces "
                    + "the packaged one.")
    Path models;

    @Option(names = {"-v", "--verbose"}, description = "Log model loading and other details to stderr.")
    boolean verbose;

    private PipelineSetup setup;

    /** The configured pipeline (its codebook loads once); configuration errors become exit code 2. */
    public synchronized PipelineSetup setup() {
        if (setup == null) {
            try {
                setup = new PipelineSetup(config());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }
        return setup;
    }

    /** The hash of the codebook file's bytes (the same as {@code codebook().sha256()}), without parsing it. */
    String codebookSha256() {
        return setup().codebookSha256();
    }

    /** The codebook, loaded and validated once. */
    Codebook codebook() {
        try {
            return setup().codebook();
        } catch (CodebookException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** The names of the installed theme classifiers, for {@code --help}. */
    static final class ThemeScorerNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ThemeScorerProvider.registry().names().iterator();
        }
    }

    PipelineConfig config() {
        Registry<ThemeScorerProvider> scorers = ThemeScorerProvider.registry();
        ThemeScorerProvider kind;
        try {
            kind = scorers.get(classifier);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--classifier: " + e.getMessage(), e);
        }
        if (semanticModel != null && !Files.isRegularFile(semanticModel)) {
            throw new ConfigurationException("semantic model " + semanticModel + ": no such file", null);
        }
        // --semantic-model is the 'model' option of a classifier that takes one; the others ignore it, as
        // they always have
        Map<String, String> options = new TreeMap<>();
        if (semanticModel != null && kind.options().containsKey("model")) {
            options.put("model", semanticModel.toString());
        }
        if (models != null && !Files.isDirectory(models)) {
            throw new ConfigurationException("--models " + models + ": no such folder", null);
        }
        return new PipelineConfig(new io.entente.tokenize.TokenizerConfig(knowledge("tokenize/abbreviations.tsv"),
                knowledge("tokenize/sections.tsv")),
                new io.entente.entities.EntityConfig(knowledge("gazetteers/countries.tsv"), knowledge("gazetteers/regions.tsv"),
                        knowledge("gazetteers/organizations.tsv"), knowledge("entities/titles.tsv"),
                        knowledge("entities/function-words.tsv"), knowledge("entities/org-heads.tsv"),
                        knowledge("entities/non-entities.tsv"),
                        io.entente.entities.EntityConfig.DEFAULT_NER_MODEL),
                new ThemeConfig(codebook, knowledge("themes/references.tsv"), knowledge("themes/modality.tsv")),
                kind.name(), options);
    }

    /** The user's replacement of a packaged knowledge file under --models, or null for the packaged one. */
    private Path knowledge(String relative) {
        if (models == null) {
            return null;
        }
        Path p = models.resolve(relative);
        return Files.isRegularFile(p) ? p : null;
    }

    StandardPipeline build() {
        try {
            return setup().build(); // the codebook is parsed once, in setup()
        } catch (CodebookException | KnowledgeFileException | IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    static PipelineInfo info(StandardPipeline p) {
        return new PipelineInfo(StandardPipeline.VERSION, p.codebook().id(), p.codebook().sha256(), p.pipeline().models());
    }
}
