package io.entente.cli;

import io.entente.gold.GoldCorpus;
import io.entente.semantic.HybridModel;
import io.entente.semantic.EncoderSpec;
import io.entente.semantic.Features;
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
 * {@code entente train}: fits the learned theme classifier (modules/semantic) on gold sentences, prints
 * the cross-validated scores (k folds by document) of the lexicon alone and of the learned classifier,
 * and writes the model file with its {@code .sha256} sidecar. Same input, same bytes.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the learned theme classifier (sentence embeddings, lexicon scores of the sentence, its "
                + "neighbours and the document, sentence shape; per-theme logistic regression, calibrated) on the "
                + "NAME.txt / NAME.gold.json pairs of a folder, print cross-validated scores (folds by document) and "
                + "write the model file. The file holds weights, never sentences of the gold folder."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder with NAME.txt and NAME.gold.json pairs; "
            + "repeat it to learn from several (e.g. ../shared/corpus/train and a folder written by 'entente review import').")
    List<Path> golds;

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook JSON file (default: the packaged security-cooperation codebook).")
    Path codebook;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: models/semantic/<codebook-id>.model.json).")
    Path out;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = Trainer.DEFAULT_ENCODER, completionCandidates = EncoderNames.class,
            description = "Sentence encoder, one of those listed in models/semantic/encoders.json: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    String encoder;

    /** The names of the listed sentence encoders, for {@code --help}. */
    static final class EncoderNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return EncoderSpec.registry().names().iterator();
        }
    }

    @Option(names = "--features", paramLabel = "GROUPS", defaultValue = "embedding,lexicon,neighbours,document,shape",
            description = "Feature groups, comma-separated: embedding, lexicon, neighbours, document, shape (default: ${DEFAULT-VALUE}).")
    String featureGroups;

    @Option(names = "--lambda", paramLabel = "L", split = ",",
            description = "Candidate L2 penalties, comma-separated, chosen by cross-validation (default: 100,300,1000).")
    double[] lambdas;

    @Option(names = "--fraction", defaultValue = "1", paramLabel = "F",
            description = "Train on a seeded sample of this share of the documents (for learning curves; default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds, by document, at least 3 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment and of --fraction's sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
            description = "Also repeat the cross-validation over R fold assignments (seeds SEED .. SEED+R-1) and print "
                    + "the mean, standard deviation and range of every F1: how much of a difference is noise "
                    + "(default: ${DEFAULT-VALUE}; the model file is the same for any R).")
    int repeats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path gold : golds) {
            if (!Files.isDirectory(gold)) {
                throw new CommandLine.ParameterException(spec.commandLine(), gold + ": no such folder");
            }
        }
        String gold = golds.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" + "));
        if (folds < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 3, got " + folds);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fraction must be in (0, 1], got " + fraction);
        }
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        Codebook cb;
        try {
            cb = CodebookLoader.load(codebook);
        } catch (CodebookException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        java.util.Set<Features.Group> groups;
        EncoderSpec spec0;
        try {
            groups = Features.parse(featureGroups);
            spec0 = EncoderSpec.registry().forName(encoder, Map.of());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GoldCorpus corpus = read(golds);
        if (corpus.documents().size() * fraction < folds) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": " + corpus.documents().size()
                    + " gold documents (x --fraction " + fraction + "), fewer than --folds " + folds);
        }
        GoldThemes.requireKnown(corpus.documents(), d -> folderOf.get(d.id()), cb);
        Trainer.Options options = new Trainer.Options(folds, seed, lambdas != null ? lambdas : Trainer.LAMBDAS, groups,
                true, fraction);
        // one encoder for the fit and every repeat: its model loads once, and is released at the end
        Trainer.Result result;
        List<Long> seeds = new ArrayList<>(List.of(seed));
        List<List<Trainer.Scores>> runs;
        try (SentenceEncoder enc = spec0.open(Map.of(EncoderSpec.CACHE, "100000"))) {
            result = Trainer.train(cb, corpus, options, enc);
            runs = new ArrayList<>(List.of(result.cv()));
            // the sample of --fraction stays that of the base seed: only the fold assignment changes
            GoldCorpus base = fraction < 1 ? corpus.sample(fraction, seed) : corpus;
            for (int r = 1; r < repeats; r++) {
                long s = seed + r;
                spec.commandLine().getErr().printf("cross-validation %d of %d (seed %d)%n", r + 1, repeats, s);
                spec.commandLine().getErr().flush();
                Trainer.Options again = new Trainer.Options(folds, s, options.lambdas(), groups, true, 1);
                runs.add(Trainer.train(cb, base, again, enc).cv());
                seeds.add(s);
            }
        }
        Path file = out != null ? out : Path.of("models", "semantic", cb.id() + ".model.json");
        String sha = result.model().write(file);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s, %s, %d folds by document (seed %d); codebook %s %s; encoder %s; features %s; "
                        + "penalty %s (chosen by CV)%n%n",
                CodebookCommand.plural(result.model().training().path("documents").asInt(), "document"),
                CodebookCommand.plural(result.model().training().path("sentences").asInt(), "sentence"),
                folds, seed, cb.id(), cb.version(), spec0.name(), Features.labels(groups),
                result.model().training().path("lambda").asText());
        w.print(result.table());
        w.printf("%nCross-validated: each fold decided with thresholds chosen on the other folds; the penalty was chosen "
                + "on the same folds (slightly optimistic). 'lexicon only' fits nothing (in-sample for the codebook's cues).%n");
        if (repeats > 1) {
            w.println();
            w.print(Trainer.repeatedTable(seeds, runs, cb.themes().stream().map(Codebook.Theme::id).toList()));
        }
        w.printf("%nwrote %s (sha256 %s, sidecar %s)%n", file, sha, HybridModel.sidecar(file).getFileName());
        w.flush();
        return Main.OK;
    }

    /** The folder each gold document was read from (for messages that name its file). */
    private final java.util.Map<String, Path> folderOf = new java.util.HashMap<>();

    /** The documents of every folder, in folder order (one folder: as GoldCorpus.read gives them); one id in two folders is refused. */
    private GoldCorpus read(List<Path> folders) throws java.io.IOException {
        List<io.entente.gold.GoldDocument> docs = new ArrayList<>();
        for (Path f : folders) {
            for (io.entente.gold.GoldDocument d : GoldCorpus.read(f).documents()) {
                Path before = folderOf.putIfAbsent(d.id(), f);
                if (before != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "document " + d.id() + " is in both " + before
                            + " and " + f + "; give each document once");
                }
                docs.add(d);
            }
        }
        return new GoldCorpus(List.copyOf(docs));
    }
}
