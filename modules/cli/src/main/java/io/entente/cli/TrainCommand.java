package io.entente.cli;

import io.entente.semantic.GoldCorpus;
import io.entente.semantic.HybridModel;
import io.entente.semantic.SentenceEncoder;
import io.entente.semantic.Trainer;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entente train}: fits the hybrid theme classifier (modules/semantic) on gold sentences, prints
 * the cross-validated scores (k folds by document) of lexicon only, lexicon + prototype and the full
 * hybrid, and writes the model file with its {@code .sha256} sidecar. Same input, same bytes.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the hybrid theme classifier (sentence embeddings + lexicon + prototypes, per-theme "
                + "logistic regression) on the NAME.txt / NAME.gold.json pairs of a folder, print cross-validated "
                + "scores (folds by document) and write the model file. The file holds weights, never sentences "
                + "of the gold folder."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder with NAME.txt and NAME.gold.json pairs.")
    Path gold;

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook JSON file (default: the packaged security-cooperation codebook).")
    Path codebook;

    @Option(names = "--examples", paramLabel = "FILE",
            description = "Extra prototype sentences per theme id, {\"examples\": {\"theme.id\": [...]}} "
                    + "(default: the packaged models/semantic/<codebook-id>.examples.json, if any).")
    Path examples;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: models/semantic/<codebook-id>.model.json).")
    Path out;

    @Option(names = "--folds", defaultValue = "6", description = "Cross-validation folds, by document, at least 3 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
            description = "Also repeat the cross-validation over R fold assignments (seeds SEED .. SEED+R-1) and print "
                    + "the mean, standard deviation and range of every F1: how much of a difference is noise "
                    + "(default: ${DEFAULT-VALUE}; the model file is the same for any R).")
    int repeats;

    @Option(names = "--example-rows", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also train on the prototype sentences (codebook and extra examples) as labeled rows, "
                    + "positive for their own theme (default: on; --no-example-rows: prototypes only).")
    boolean exampleRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(gold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": no such folder");
        }
        if (folds < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--folds must be at least 3 (thresholds are tuned by inner cross-validation), got " + folds);
        }
        Codebook cb;
        Map<String, List<String>> extra;
        try {
            cb = CodebookLoader.load(codebook);
            extra = examples != null ? Trainer.readExamples(examples, cb) : Trainer.packagedExamples(cb);
        } catch (CodebookException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        GoldCorpus corpus = GoldCorpus.read(gold);
        if (corpus.documents().size() < folds) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": " + corpus.documents().size()
                    + " gold documents, fewer than --folds " + folds);
        }
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        Trainer.Options options = new Trainer.Options(folds, seed, Trainer.LAMBDA_SMALL, Trainer.LAMBDA_EMBEDDING, exampleRows);
        Trainer.Result result = Trainer.train(cb, corpus, extra, options, SentenceEncoder.shared());
        List<Long> seeds = new ArrayList<>(List.of(seed));
        List<List<Trainer.Scores>> runs = new ArrayList<>(List.of(result.cv()));
        for (int r = 1; r < repeats; r++) {
            long s = seed + r;
            spec.commandLine().getErr().printf("cross-validation %d of %d (seed %d)%n", r + 1, repeats, s);
            spec.commandLine().getErr().flush();
            runs.add(Trainer.train(cb, corpus, extra, options.withSeed(s), SentenceEncoder.shared()).cv());
            seeds.add(s);
        }
        Path file = out != null ? out : Path.of("models", "semantic", cb.id() + ".model.json");
        String sha = result.model().write(file);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s, %s, %d folds by document (seed %d); codebook %s %s%n%n",
                CodebookCommand.plural(corpus.documents().size(), "document"), CodebookCommand.plural(corpus.sentenceCount(), "sentence"),
                folds, seed, cb.id(), cb.version());
        w.print(result.table());
        w.printf("%nCross-validated (nested: thresholds chosen inside each training split). 'lexicon only' fits "
                + "nothing, but its cues were written with this set in view: in-sample.%n");
        if (repeats > 1) {
            w.println();
            w.print(Trainer.repeatedTable(seeds, runs, cb.themes().stream().map(Codebook.Theme::id).toList()));
        }
        w.printf("%nwrote %s (sha256 %s, sidecar %s)%n", file, sha, HybridModel.sidecar(file).getFileName());
        w.flush();
        return Main.OK;
    }
}
