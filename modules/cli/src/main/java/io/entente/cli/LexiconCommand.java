package io.entente.cli;

import io.entente.core.Pipeline;
import io.entente.core.Resources;
import io.entente.evaluate.Evaluation;
import io.entente.gold.Counts;
import io.entente.gold.GoldCorpus;
import io.entente.gold.GoldDocument;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import io.entente.themes.CodebookWriter;
import io.entente.themes.LexiconTuner;
import io.entente.themes.ThemeClassifier;
import io.entente.themes.ThemeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entente lexicon}: re-derives the codebook's cues and weights from a gold folder
 * ({@link LexiconTuner}), estimates the procedure by k-fold cross-validation by document through the
 * pipeline's own sentences (derive on k-1 folds, score the held-out fold), then derives on the whole
 * folder and writes the new codebook.
 */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = {"Re-derive the codebook's cues from the NAME.txt / NAME.gold.json pairs of a folder: cue "
                + "statistics, weights refitted (noisy-or, pulled towards the codebook's weights), new cues mined "
                + "from the training words; print the cross-validated scores (folds by document) before and after "
                + "and write the derived codebook. The codebook holds cue patterns and weights, never sentences "
                + "of the gold folder."})
final class LexiconCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder with NAME.txt and NAME.gold.json pairs.")
    Path gold;

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook to start from (default: the packaged security-cooperation codebook).")
    Path codebook;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the derived codebook (not written without it).")
    Path out;

    @Option(names = "--new-version", paramLabel = "V", description = "Version of the derived codebook (default: the next major version).")
    String newVersion;

    @Option(names = "--stats", paramLabel = "FILE", description = "Also write every cue's statistics on the whole folder (TSV).")
    Path stats;

    @Option(names = "--stopwords", paramLabel = "FILE",
            description = "Function words a mined cue may not start or end with (default: models/themes/lexicon-stopwords.txt).")
    Path stopwords;

    @Option(names = "--rejected", paramLabel = "FILE",
            description = "Candidate cues a reviewer rejected, 'theme<TAB>pattern<TAB>reason' (default: models/themes/lexicon-rejected.tsv).")
    Path rejected;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds, by document; 0 skips the estimate (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-positives", defaultValue = "5", description = "A mined cue matches at least this many theme sentences (default: ${DEFAULT-VALUE}).")
    int minPositives;

    @Option(names = "--min-documents", defaultValue = "3", description = "... in at least this many documents (default: ${DEFAULT-VALUE}).")
    int minDocuments;

    @Option(names = "--min-precision", defaultValue = "0.6", description = "... with at least this precision (default: ${DEFAULT-VALUE}).")
    double minPrecision;

    @Option(names = "--prior-penalty", defaultValue = "2.0", description = "L2 pull of an existing cue towards its weight (default: ${DEFAULT-VALUE}).")
    double priorPenalty;

    @Option(names = "--mined-penalty", defaultValue = "1.0", description = "L2 pull of a mined cue towards 0 (default: ${DEFAULT-VALUE}).")
    double minedPenalty;

    @Option(names = "--max-mined", defaultValue = "40", description = "At most this many mined cues per theme; 0 mines none (default: ${DEFAULT-VALUE}).")
    int maxMined;

    @Option(names = "--rescale", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Scale each theme's weights for the best training F1 at the threshold (default: on).")
    boolean rescale;

    @Option(names = "--gold-spans", description = "Cross-validate on the gold sentence spans instead of through the "
            + "pipeline (faster; for comparing options).")
    boolean goldSpans;

    @Option(names = "--scale-folds", defaultValue = "4", paramLabel = "K",
            description = "Choose that scale on K inner folds by document (out-of-fold sums); below 2: on the training sums (default: ${DEFAULT-VALUE}).")
    int scaleFolds;

    @Option(names = "--keep-better", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --scale-folds: keep a theme's cues as given when they score at least the out-of-fold F1 "
                    + "of the derived ones on the training sentences (default: on).")
    boolean keepBetter;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(gold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": no such folder");
        }
        if (folds == 1 || folds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be 0 or at least 2, got " + folds);
        }
        Resources.Loaded baseFile;
        Codebook base;
        try {
            baseFile = Resources.load(codebook, CodebookLoader.DEFAULT_RESOURCE);
            base = CodebookLoader.parse(baseFile);
        } catch (CodebookException e) {
            throw new ConfigurationException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        LexiconTuner tuner = LexiconTuner.load(stopwords, rejected, new LexiconTuner.Options(minPositives, minDocuments,
                minPrecision, priorPenalty, minedPenalty, maxMined, rescale, scaleFolds, keepBetter));
        List<GoldDocument> docs = read(gold);
        if (docs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": no NAME.txt with NAME.gold.json found");
        }
        if (folds > docs.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), gold + ": " + docs.size()
                    + " gold documents, fewer than --folds " + folds);
        }
        GoldThemes.requireKnown(gold, docs, base);
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int sentences = docs.stream().mapToInt(d -> d.sentences().size()).sum();
        w.printf(Locale.ROOT, "%d documents, %d sentences; codebook %s %s%n", docs.size(), sentences, base.id(), base.version());
        PipelineConfig config = PipelineConfig.defaults().withThemes(new ThemeConfig(codebook));
        if (folds >= 2 && goldSpans) {
            Counts[] before = LexiconTuner.score(base, docs);
            Counts[] after = tuner.crossValidate(base, docs, folds, seed);
            w.printf(Locale.ROOT, "%ncross-validation: %d folds by document (seed %d), gold sentence spans%n", folds, seed);
            w.printf(Locale.ROOT, "%-16s %-22s %-22s%n", "", "codebook as given", "re-derived (CV)");
            w.printf(Locale.ROOT, "%-16s %-22s %-22s%n", "sentence level", prf(before[0]), prf(after[0]));
            w.printf(Locale.ROOT, "%-16s %-22s %-22s%n", "document level", prf(before[1]), prf(after[1]));
        } else if (folds >= 2) {
            try (Pipeline upstream = StandardPipeline.upstream(config)) {
                Map<String, Integer> foldOf = LexiconTuner.folds(docs.stream().map(GoldDocument::id).toList(), folds, seed);
                err.println("entente: scoring the codebook as given ...");
                err.flush();
                Evaluation before = Evaluation.crossValidated(upstream, gold, foldOf,
                        heldOut -> StandardPipeline.themeStage(config, new ThemeClassifier(base)));
                int[] done = {0};
                Evaluation after = Evaluation.crossValidated(upstream, gold, foldOf, heldOut -> {
                    err.printf(Locale.ROOT, "entente: fold %d of %d: deriving without %d documents ...%n", ++done[0], folds, heldOut.size());
                    err.flush();
                    List<GoldDocument> training = docs.stream().filter(d -> !heldOut.contains(d.id())).toList();
                    return StandardPipeline.themeStage(config, new ThemeClassifier(tuner.derive(base, training).codebook()));
                });
                w.printf(Locale.ROOT, "%ncross-validation: %d folds by document (seed %d), through the pipeline's sentences%n", folds, seed);
                w.print(compare(before, after));
            }
        }
        LexiconTuner.Result result = tuner.derive(base, docs);
        w.printf(Locale.ROOT, "%nderived on all %d documents: cues per theme%n", docs.size());
        w.printf(Locale.ROOT, "%-26s %5s %6s %6s %8s %9s %6s %6s%n", "theme", "gold", "before", "after", "added", "dropped", "rewt", "scale");
        List<String> kept = new ArrayList<>();
        for (LexiconTuner.ThemeReport r : result.themes()) {
            long old = r.cues().stream().filter(c -> !c.mined()).count();
            long now = result.codebook().theme(r.themeId()).cues().size();
            w.printf(Locale.ROOT, "%-26s %5d %6d %6d %8d %9d %6d %6.2f%n", r.themeId(), r.positives(), old, now,
                    r.added(), r.dropped(), r.reweighted(), r.scale());
            if (r.keptGiven()) {
                kept.add(r.themeId());
            }
        }
        if (!kept.isEmpty()) {
            w.printf(Locale.ROOT, "cues kept as given (they score at least the derived ones out of fold): %s%n", String.join(", ", kept));
        }
        if (stats != null) {
            writeAtomically(stats, statsTsv(result));
            w.printf(Locale.ROOT, "%nwrote %s%n", stats);
        }
        if (out != null) {
            String version = newVersion != null ? newVersion : nextMajor(base.version());
            String json = CodebookWriter.withCues(baseFile, result.codebook(), version);
            CodebookLoader.parse(new Resources.Loaded(out.toString(), json.getBytes(StandardCharsets.UTF_8))); // must load
            writeAtomically(out, json);
            w.printf(Locale.ROOT, "wrote %s (version %s, sha256 %s)%n", out, version,
                    Resources.sha256(json.getBytes(StandardCharsets.UTF_8)));
        }
        w.flush();
        return Main.OK;
    }

    /** The gold documents of the folder (one reader for every command: {@link GoldCorpus}). */
    static List<GoldDocument> read(Path dir) throws IOException {
        return GoldCorpus.read(dir).documents();
    }

    private static String compare(Evaluation before, Evaluation after) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-28s %-20s %-20s%n", "", "codebook as given", "re-derived (CV)"));
        b.append(String.format(Locale.ROOT, "%-28s %-20s %-20s%n", "micro P / R / F1", "", ""));
        b.append(String.format(Locale.ROOT, "%-28s %-20s %-20s%n", "sentence level", prf(before.sentenceThemes()), prf(after.sentenceThemes())));
        b.append(String.format(Locale.ROOT, "%-28s %-20s %-20s%n", "document level", prf(before.documentThemes()), prf(after.documentThemes())));
        b.append(String.format(Locale.ROOT, "%nper theme, sentence F1%n"));
        Map<String, Counts> a = after.perTheme(false);
        before.perTheme(false).forEach((theme, c) -> b.append(String.format(Locale.ROOT, "%-28s %-20.3f %-20.3f%n",
                theme, c.f1(), a.getOrDefault(theme, Counts.ZERO).f1())));
        return b.toString();
    }

    private static String prf(Counts c) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", c.precision(), c.recall(), c.f1());
    }

    private static String statsTsv(LexiconTuner.Result result) {
        StringBuilder b = new StringBuilder("theme\tpattern\tstatus\told_weight\tnew_weight\tmatches\tcorrect\tprecision\n");
        for (LexiconTuner.ThemeReport r : result.themes()) {
            for (LexiconTuner.CueStat c : r.cues()) {
                String status = c.mined() ? (c.dropped() ? "mined-rejected" : "added") : c.dropped() ? "dropped"
                        : Math.abs(c.newWeight() - c.oldWeight()) >= 0.05 ? "reweighted" : "kept";
                b.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.2f\t%d\t%d\t%s%n", r.themeId(), c.pattern(), status,
                        c.mined() ? "" : String.format(Locale.ROOT, "%.2f", c.oldWeight()), c.newWeight(), c.matches(),
                        c.correct(), c.matches() == 0 ? "" : String.format(Locale.ROOT, "%.3f", c.precision())));
            }
        }
        return b.toString();
    }

    static String nextMajor(String version) {
        String[] p = version.split("\\.");
        try {
            return (Integer.parseInt(p[0]) + 1) + ".0.0";
        } catch (NumberFormatException e) {
            return version + "-derived";
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
