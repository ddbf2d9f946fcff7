package io.entente.cli;

import io.entente.core.Pipeline;
import io.entente.evaluate.Bootstrap;
import io.entente.evaluate.Evaluation;
import io.entente.gold.GoldCorpus;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.semantic.EncoderSpec;
import io.entente.semantic.Features;
import io.entente.semantic.Folds;
import io.entente.semantic.HybridModel;
import io.entente.semantic.HybridThemeClassifier;
import io.entente.semantic.LearnedScorerProvider;
import io.entente.semantic.SentenceEncoder;
import io.entente.semantic.Trainer;
import io.entente.themes.Codebook;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code entente evaluate}: scores the pipeline against gold files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on every NAME.txt in GOLD_DIR that has a NAME.gold.json and print precision, "
                + "recall and F1 for entities (per-document sets) and themes (per document and per sentence), "
                + "per theme, and the most frequent confusions, with 95%% bootstrap intervals over documents; the calibration "
                + "of the sentence theme scores (reliability table, expected calibration error, Brier score) and how well "
                + "document theme scores rank themes by their gold sentence share (Spearman, per document). "
                + "Gold files are read where they lie."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GOLD_DIR", description = "Folder with NAME.txt and NAME.gold.json pairs.")
    Path goldDir;

    @Option(names = "--json", description = "Print the scores as JSON instead of a table.")
    boolean json;

    @Option(names = "--details", description = "Also list missed and spurious entities per document.")
    boolean details;

    @Option(names = "--cross-validate", paramLabel = "K",
            description = "With --classifier hybrid: K-fold cross-validation by document (seed 1, the folds of "
                    + "'entente train'): each fold is classified by a model trained on the other folds (codebook "
                    + "and packaged examples), through the pipeline's own sentences. Without it, hybrid scores on "
                    + "the set the packaged model was trained on are in-sample.")
    Integer crossValidate;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples of the documents for the 95%% intervals (seed " + Bootstrap.DEFAULT_SEED
                    + ", so reruns print the same intervals; default: ${DEFAULT-VALUE}); 0 turns the intervals off.")
    int bootstrap;

    @Mixin
    PipelineOptions pipelineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(goldDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), goldDir + ": no such folder");
        }
        if (bootstrap < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be 0 or more, got " + bootstrap);
        }
        if (!hasGoldPair(goldDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), goldDir
                    + ": no NAME.txt with a NAME.gold.json beside it, nothing to evaluate");
        }
        Evaluation evaluation;
        if (crossValidate != null) {
            evaluation = crossValidated();
        } else {
            GoldThemes.requireKnown(goldDir, GoldCorpus.read(goldDir).documents(), pipelineOptions.codebook());
            try (StandardPipeline pipeline = pipelineOptions.build()) {
                evaluation = Evaluation.run(pipeline.pipeline(), goldDir);
            }
        }
        // calibration pairs cover every theme of the codebook, also those no gold file or report names
        evaluation = evaluation.withThemes(pipelineOptions.codebook().themes().stream().map(Codebook.Theme::id).toList())
                .withBootstrap(bootstrap, Bootstrap.DEFAULT_SEED);
        spec.commandLine().getOut().print(json ? evaluation.json() : evaluation.table(details));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** At least one NAME.txt with its NAME.gold.json in the folder (the pairs evaluate reads). */
    private static boolean hasGoldPair(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gold.json"))
                    .anyMatch(n -> Files.isRegularFile(dir.resolve(n.substring(0, n.length() - ".gold.json".length()) + ".txt")));
        }
    }

    private Evaluation crossValidated() throws Exception {
        PipelineConfig config = pipelineOptions.config();
        if (!config.classifierName().equals(LearnedScorerProvider.NAME)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cross-validate trains the hybrid classifier per fold: use it with --classifier hybrid");
        }
        if (crossValidate < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cross-validate needs at least 3 folds, got " + crossValidate);
        }
        Codebook codebook = pipelineOptions.codebook();
        GoldCorpus gold = GoldCorpus.read(goldDir);
        if (gold.documents().size() < crossValidate) {
            throw new CommandLine.ParameterException(spec.commandLine(), goldDir + ": " + gold.documents().size()
                    + " gold documents, fewer than --cross-validate " + crossValidate);
        }
        Map<String, Integer> folds = Folds.byDocument(gold.documents().stream().map(io.entente.gold.GoldDocument::id).toList(), crossValidate, 1);
        long largestFold = folds.values().stream().collect(java.util.stream.Collectors.groupingBy(f -> f,
                java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (gold.documents().size() - largestFold < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), goldDir + ": " + gold.documents().size()
                    + " gold documents in " + crossValidate + " folds leave fewer than 3 training documents in a split "
                    + "(thresholds are tuned by inner cross-validation): add documents or use fewer folds");
        }
        GoldThemes.requireKnown(goldDir, gold.documents(), codebook);
        PrintWriter err = spec.commandLine().getErr();
        int[] done = {0};
        // one encoder for every fold: its model loads once, and is released when the evaluation is done
        try (Pipeline upstream = StandardPipeline.upstream(config);
                SentenceEncoder encoder = EncoderSpec.registry().forName(Trainer.DEFAULT_ENCODER, Map.of())
                        .open(Map.of(EncoderSpec.CACHE, "100000"))) {
            return Evaluation.crossValidated(upstream, goldDir, folds, heldOut -> {
                err.printf(Locale.ROOT, "entente: fold %d of %d: training without %d documents ...%n", ++done[0], crossValidate, heldOut.size());
                err.flush();
                // inner folds choose penalties and thresholds on the training documents only
                int inner = Math.min(crossValidate, gold.documents().size() - heldOut.size());
                Trainer.Options options = new Trainer.Options(inner, 1, Trainer.LAMBDAS, Features.DEFAULT_GROUPS, false, 1);
                HybridModel model = Trainer.train(codebook, gold.without(heldOut), options, encoder).model();
                return StandardPipeline.themeStage(config, new HybridThemeClassifier(codebook, model, encoder));
            });
        }
    }
}
