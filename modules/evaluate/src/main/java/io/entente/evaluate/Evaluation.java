package io.entente.evaluate;

import io.entente.gold.GoldDocument;

import io.entente.gold.Counts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.Document;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.Stage;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the pipeline over a gold folder and aggregates the scores of every document: micro-averaged
 * counts, with percentile bootstrap intervals over documents ({@link Bootstrap}), the calibration of
 * the sentence theme scores ({@link Calibration}) and whether document scores rank themes by their
 * gold share ({@link SalienceCheck}). Immutable.
 */
public final class Evaluation {
    /** The level of every interval. */
    public static final double LEVEL = 0.95;

    private final List<Scorer.Result> results;
    private final Set<String> themes;
    private final Bootstrap bootstrap;

    private Evaluation(List<Scorer.Result> results, Set<String> themes, Bootstrap bootstrap) {
        this.results = List.copyOf(results);
        this.themes = themes == null ? null : Set.copyOf(themes);
        this.bootstrap = bootstrap;
    }

    private Evaluation(List<Scorer.Result> results) {
        this(results, null, results.isEmpty() ? null
                : new Bootstrap(results.size(), Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED));
    }

    /** Results scored elsewhere, evaluated together (default bootstrap, themes taken from the results). */
    public static Evaluation of(List<Scorer.Result> results) {
        return new Evaluation(results);
    }

    /**
     * This evaluation with {@code resamples} bootstrap draws from {@code seed} ({@link Bootstrap#DEFAULT_RESAMPLES}
     * and {@link Bootstrap#DEFAULT_SEED} unless changed); 0 resamples turns the intervals off.
     */
    public Evaluation withBootstrap(int resamples, long seed) {
        if (resamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be 0 or more, got " + resamples);
        }
        return new Evaluation(results, themes, resamples == 0 || results.isEmpty() ? null
                : new Bootstrap(results.size(), resamples, seed));
    }

    /**
     * This evaluation with the codebook's theme ids: calibration then covers every (gold sentence,
     * theme) pair of them, and the salience check only them. Without, the themes that occur in a gold
     * file or a report are used.
     */
    public Evaluation withThemes(Collection<String> themeIds) {
        return new Evaluation(results, new TreeSet<>(themeIds), bootstrap);
    }

    /** The bootstrap in use, or null when intervals are off. */
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    /** Every {@code NAME.txt} in {@code goldDir} that has a {@code NAME.gold.json} beside it, in name order. */
    public static List<Path> goldTexts(Path goldDir) throws IOException {
        try (Stream<Path> files = Files.list(goldDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> Files.exists(goldFile(p))).sorted().toList();
        }
    }

    static Path goldFile(Path text) {
        return text.resolveSibling(stem(text) + ".gold.json");
    }

    public static Evaluation run(Pipeline pipeline, Path goldDir) throws IOException {
        List<Path> texts = goldTexts(goldDir);
        if (texts.isEmpty()) {
            throw new IOException(goldDir + ": no NAME.txt with NAME.gold.json found");
        }
        DocumentReader reader = new DocumentReader();
        List<Scorer.Result> results = new ArrayList<>();
        for (Path text : texts) {
            GoldDocument gold = GoldDocument.read(goldFile(text));
            Document doc;
            try {
                doc = pipeline.process(reader.read(new InputFiles.InputFile(text, InputFiles.idFor(text))).document());
            } catch (DocumentReadException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
            results.add(Scorer.score(doc, gold));
        }
        return new Evaluation(results);
    }

    /**
     * Cross-validated evaluation of a trained theme stage, through the pipeline's own segmentation: the
     * gold documents are split into folds by document; for each fold, {@code themeStageWithout} builds
     * a theme stage trained without that fold's documents (given their ids, the gold file names without
     * {@code .gold.json}), which then classifies the fold's documents after {@code upstream} (tokens and
     * entities). Entity scores are those of {@code upstream}, which is not trained here. Each fold's
     * stage is closed once its fold is scored (a stage over a model the caller keeps leaves it open).
     *
     * @param foldOfDocument the fold of every gold document id
     */
    public static Evaluation crossValidated(Pipeline upstream, Path goldDir, Map<String, Integer> foldOfDocument,
                                            java.util.function.Function<Set<String>, Stage> themeStageWithout)
            throws IOException {
        List<Path> texts = goldTexts(goldDir);
        if (texts.isEmpty()) {
            throw new IOException(goldDir + ": no NAME.txt with NAME.gold.json found");
        }
        DocumentReader reader = new DocumentReader();
        Map<String, Document> tagged = new TreeMap<>();
        Map<String, GoldDocument> golds = new TreeMap<>();
        for (Path text : texts) {
            String id = stem(text);
            if (!foldOfDocument.containsKey(id)) {
                throw new IllegalArgumentException("no fold for gold document " + id);
            }
            golds.put(id, GoldDocument.read(goldFile(text)));
            try {
                tagged.put(id, upstream.process(reader.read(new InputFiles.InputFile(text, InputFiles.idFor(text))).document()));
            } catch (DocumentReadException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }
        Map<String, Scorer.Result> byId = new TreeMap<>();
        for (int fold : new TreeSet<>(foldOfDocument.values())) {
            Set<String> heldOut = new TreeSet<>();
            foldOfDocument.forEach((id, f) -> {
                if (f == fold && tagged.containsKey(id)) {
                    heldOut.add(id);
                }
            });
            if (heldOut.isEmpty()) {
                continue;
            }
            try (Stage themes = themeStageWithout.apply(heldOut)) { // each fold's stage is closed after its fold
                for (String id : heldOut) {
                    byId.put(id, Scorer.score(themes.process(tagged.get(id)), golds.get(id)));
                }
            }
        }
        List<Scorer.Result> results = new ArrayList<>();
        for (Path text : texts) {
            results.add(byId.get(stem(text)));
        }
        return new Evaluation(results);
    }

    /** NAME of NAME.txt: the gold document's id. */
    private static String stem(Path text) {
        String name = text.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    public List<Scorer.Result> results() {
        return results;
    }

    /** Summed over the documents whose gold files label entities (see {@link #entityLabelledDocuments}). */
    public Counts entities(EntityType type) {
        return results.stream().map(r -> r.entities().getOrDefault(type, Counts.ZERO)).reduce(Counts.ZERO, Counts::plus);
    }

    /** How many documents' gold files label entities; the others are scored on themes only. */
    public int entityLabelledDocuments() {
        return (int) results.stream().filter(r -> !r.entities().isEmpty()).count();
    }

    public Counts documentThemes() {
        return sum(true).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    public Counts sentenceThemes() {
        return sum(false).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** Per theme, summed over documents. */
    public Map<String, Counts> perTheme(boolean documentLevel) {
        return sum(documentLevel);
    }

    private Map<String, Counts> sum(boolean documentLevel) {
        Map<String, Counts> out = new TreeMap<>();
        for (Scorer.Result r : results) {
            (documentLevel ? r.documentThemes() : r.sentenceThemes()).forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        return out;
    }

    public Map<String, Integer> confusions() {
        Map<String, Integer> out = new TreeMap<>();
        results.forEach(r -> r.confusions().forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    /** Bootstrap interval of an entity type's micro F1; null when intervals are off or undefined. */
    public Bootstrap.Interval entitiesInterval(EntityType type) {
        return f1Interval(r -> r.entities().getOrDefault(type, Counts.ZERO));
    }

    public Bootstrap.Interval documentThemesInterval() {
        return f1Interval(r -> sumOf(r.documentThemes()));
    }

    public Bootstrap.Interval sentenceThemesInterval() {
        return f1Interval(r -> sumOf(r.sentenceThemes()));
    }

    /**
     * Per theme of {@link #perTheme}, the bootstrap interval of its F1 (absent when off). Resamples in
     * which the theme has neither gold nor prediction say nothing about it and are left out.
     */
    public Map<String, Bootstrap.Interval> perThemeIntervals(boolean documentLevel) {
        Map<String, Bootstrap.Interval> out = new TreeMap<>();
        if (bootstrap != null) {
            for (String theme : perTheme(documentLevel).keySet()) {
                Bootstrap.Interval ci = f1Interval(r -> (documentLevel ? r.documentThemes() : r.sentenceThemes())
                        .getOrDefault(theme, Counts.ZERO));
                if (ci != null) {
                    out.put(theme, ci);
                }
            }
        }
        return out;
    }

    private static Counts sumOf(Map<String, Counts> counts) {
        return counts.values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** The micro F1 of the counts summed over each resample's documents (empty sums are undefined). */
    private Bootstrap.Interval f1Interval(Function<Scorer.Result, Counts> countsOf) {
        if (bootstrap == null) {
            return null;
        }
        List<Counts> perDocument = results.stream().map(countsOf).toList();
        return bootstrap.interval(w -> {
            Counts sum = Counts.ZERO;
            for (int i = 0; i < w.length; i++) {
                if (w[i] > 0) {
                    sum = sum.plus(perDocument.get(i).times(w[i]));
                }
            }
            return sum.isEmpty() ? Double.NaN : sum.f1();
        }, LEVEL);
    }

    /** The theme ids of calibration and the salience check (see {@link #withThemes}). */
    public Set<String> themes() {
        if (themes != null) {
            return themes;
        }
        Set<String> seen = new TreeSet<>();
        for (Scorer.Result r : results) {
            r.sentences().forEach(s -> seen.addAll(s.gold()));
            seen.addAll(r.themeScores().keySet());
        }
        return seen;
    }

    /**
     * Calibration of the sentence theme scores over every (gold sentence, theme) pair: the score of
     * the matched predicted evidence (0 when the sentence is not evidence for the theme) against
     * whether the gold sentence carries the theme.
     */
    public Calibration calibration() {
        Set<String> ids = themes();
        Calibration.Builder b = Calibration.builder();
        for (Scorer.Result r : results) {
            for (Scorer.ScoredSentence s : r.sentences()) {
                for (String t : ids) {
                    b.add(s.score(t), s.gold().contains(t));
                }
            }
        }
        return b.build();
    }

    /** The salience ranking check of every document, with bootstrap intervals of its mean and median. */
    public SalienceCheck salience() {
        Set<String> ids = themes();
        double[] rho = new double[results.size()];
        Map<String, Double> perDocument = new LinkedHashMap<>();
        for (int i = 0; i < rho.length; i++) {
            Scorer.Result r = results.get(i);
            rho[i] = SalienceCheck.rankCorrelation(r.themeScores(), r.goldShares(), ids);
            perDocument.put(r.id(), rho[i]);
        }
        int[] once = new int[rho.length];
        Arrays.fill(once, 1);
        int defined = (int) Arrays.stream(rho).filter(v -> !Double.isNaN(v)).count();
        Bootstrap.Interval mean = null;
        Bootstrap.Interval median = null;
        if (bootstrap != null) {
            mean = bootstrap.interval(w -> SalienceCheck.mean(rho, w), LEVEL);
            median = bootstrap.interval(w -> SalienceCheck.median(rho, w), LEVEL);
        }
        return new SalienceCheck(perDocument, defined, SalienceCheck.mean(rho, once), SalienceCheck.median(rho, once),
                mean, median);
    }

    public String table(boolean details) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Entente evaluation: %d documents%n%n", results.size()));
        String ci = bootstrap == null ? "" : "   95% CI";
        int labelled = entityLabelledDocuments();
        if (labelled == 0) {
            b.append("entities: not scored (no gold file has an 'entities' field)\n");
        } else {
            b.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %5s %5s %5s%s%n", "entities (document sets)", "P", "R", "F1", "TP", "FP", "FN", ci));
            for (EntityType t : EntityType.values()) {
                row(b, t.name(), entities(t));
                b.append(ciCell(entitiesInterval(t))).append('\n');
            }
            if (labelled < results.size()) {
                b.append(String.format(Locale.ROOT, "(entities of the %d documents whose gold files label them; %d have theme labels only)%n",
                        labelled, results.size() - labelled));
            }
        }
        b.append(String.format(Locale.ROOT, "%n%-28s %6s %6s %6s %5s %5s %5s%s%n", "themes (micro-averaged)", "P", "R", "F1", "TP", "FP", "FN", ci));
        row(b, "document level", documentThemes());
        b.append(ciCell(documentThemesInterval())).append('\n');
        row(b, "sentence level", sentenceThemes());
        b.append(ciCell(sentenceThemesInterval())).append('\n');
        b.append(String.format(Locale.ROOT, "%n%-28s %6s %6s %6s %5s %5s %5s   %s%s%n", "per theme (sentence level)", "P", "R", "F1", "TP", "FP", "FN", "doc F1",
                bootstrap == null ? "" : String.format(Locale.ROOT, "%-16s%s", "  95% CI", "doc 95% CI")));
        Map<String, Counts> docLevel = perTheme(true);
        Map<String, Bootstrap.Interval> sentenceCi = perThemeIntervals(false);
        Map<String, Bootstrap.Interval> docCi = perThemeIntervals(true);
        perTheme(false).forEach((theme, c) -> {
            row(b, theme, c);
            b.append(String.format(Locale.ROOT, "   %.3f", docLevel.getOrDefault(theme, Counts.ZERO).f1()));
            if (bootstrap != null) {
                b.append(String.format(Locale.ROOT, "%-14s", ciCell(sentenceCi.get(theme)))).append(ciCell(docCi.get(theme)));
            }
            b.append('\n');
        });
        if (bootstrap != null) {
            b.append(String.format(Locale.ROOT, "(95%% CI: percentile bootstrap over documents, %d resamples, seed %d)%n",
                    bootstrap.resamples(), bootstrap.seed()));
        }
        b.append(String.format(Locale.ROOT, "%nmost frequent confusions (gold -> predicted, sentence level)%n"));
        confusions().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(10)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));

        Calibration cal = calibration();
        int sentences = results.stream().mapToInt(r -> r.sentences().size()).sum();
        b.append(String.format(Locale.ROOT, "%ncalibration of sentence theme scores (%d gold sentences x %d themes = %d pairs;"
                + " score 0 where a sentence is not evidence)%n", sentences, themes().size(), cal.pairs()));
        b.append(String.format(Locale.ROOT, "  %-10s %6s %10s %9s%n", "score", "pairs", "predicted", "observed"));
        for (Calibration.Bin bin : cal.bins()) {
            String range = String.format(Locale.ROOT, "[%.1f, %.1f%s", bin.from(), bin.to(), bin.to() == 1.0 ? "]" : ")");
            b.append(String.format(Locale.ROOT, "  %-10s %6d %10s %9s%n", range, bin.count(), decimal(bin.meanPredicted()),
                    decimal(bin.observed())));
        }
        b.append(String.format(Locale.ROOT, "  expected calibration error %s, Brier score %s%n", decimal(cal.ece()), decimal(cal.brier())));

        SalienceCheck sal = salience();
        b.append(String.format(Locale.ROOT, "%ntheme salience ranking (per document, Spearman: document theme score vs gold sentence share)%n"));
        b.append(String.format(Locale.ROOT, "  %d of %d documents ranked (the others have fewer than two themes or one side tied throughout)%n",
                sal.documents(), results.size()));
        b.append(String.format(Locale.ROOT, "  mean   %6s%s%n", decimal(sal.mean()), bootstrap == null ? "" : "   95% CI " + ciCell(sal.meanInterval()).strip()));
        b.append(String.format(Locale.ROOT, "  median %6s%s%n", decimal(sal.median()), bootstrap == null ? "" : "   95% CI " + ciCell(sal.medianInterval()).strip()));
        if (details) {
            b.append(String.format(Locale.ROOT, "%nper document: missed (-) and spurious (+) entities%n"));
            for (Scorer.Result r : results) {
                StringBuilder line = new StringBuilder();
                for (EntityType t : EntityType.values()) {
                    r.missed().get(t).forEach(m -> line.append(" -").append(t.name().charAt(0)).append(':').append(m));
                    r.spurious().get(t).forEach(m -> line.append(" +").append(t.name().charAt(0)).append(':').append(m));
                }
                if (line.length() > 0) {
                    b.append("  ").append(r.id()).append(':').append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** "   low-high", or "   -" when undefined; empty when intervals are off. */
    private String ciCell(Bootstrap.Interval ci) {
        if (bootstrap == null) {
            return "";
        }
        return ci == null ? "   -" : String.format(Locale.ROOT, "   %.3f-%.3f", ci.low(), ci.high());
    }

    private static String decimal(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void row(StringBuilder b, String label, Counts c) {
        b.append(String.format(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %5d %5d %5d", label, c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn()));
    }

    public String json() {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("documents", results.size());
        if (bootstrap != null) {
            ObjectNode bs = root.putObject("bootstrap");
            bs.put("unit", "document");
            bs.put("resamples", bootstrap.resamples());
            bs.put("seed", bootstrap.seed());
            bs.put("level", LEVEL);
            bs.put("method", "percentile (R-7 quantiles)");
        }
        ObjectNode ents = root.putObject("entities");
        ents.put("documents", entityLabelledDocuments()); // the documents whose gold files label entities
        if (entityLabelledDocuments() > 0) {
            for (EntityType t : EntityType.values()) {
                put(ents.putObject(t.name()), entities(t), entitiesInterval(t));
            }
        }
        ObjectNode themesNode = root.putObject("themes");
        put(themesNode.putObject("document"), documentThemes(), documentThemesInterval());
        put(themesNode.putObject("sentence"), sentenceThemes(), sentenceThemesInterval());
        ObjectNode per = themesNode.putObject("perTheme");
        Map<String, Counts> docLevel = perTheme(true);
        Map<String, Bootstrap.Interval> sentenceCi = perThemeIntervals(false);
        Map<String, Bootstrap.Interval> docCi = perThemeIntervals(true);
        perTheme(false).forEach((k, v) -> {
            ObjectNode n = per.putObject(k);
            put(n.putObject("sentence"), v, sentenceCi.get(k));
            put(n.putObject("document"), docLevel.getOrDefault(k, Counts.ZERO), docCi.get(k));
        });
        ObjectNode conf = root.putObject("confusions");
        confusions().forEach(conf::put);

        Calibration cal = calibration();
        ObjectNode calNode = root.putObject("calibration");
        calNode.put("pairs", cal.pairs());
        themes().forEach(calNode.putArray("themes")::add);
        number(calNode, "ece", cal.ece());
        number(calNode, "brier", cal.brier());
        ArrayNode bins = calNode.putArray("bins");
        for (Calibration.Bin bin : cal.bins()) {
            ObjectNode n = bins.addObject();
            n.put("from", bin.from());
            n.put("to", bin.to());
            n.put("count", bin.count());
            number(n, "meanPredicted", bin.meanPredicted());
            number(n, "observed", bin.observed());
        }

        SalienceCheck sal = salience();
        ObjectNode salNode = root.putObject("salience");
        salNode.put("measure", "Spearman rank correlation of document theme scores with gold sentence shares, per document");
        salNode.put("documents", sal.documents());
        number(salNode, "mean", sal.mean());
        interval(salNode, "meanCi95", sal.meanInterval());
        number(salNode, "median", sal.median());
        interval(salNode, "medianCi95", sal.medianInterval());

        ArrayNode docs = root.putArray("perDocument");
        for (Scorer.Result r : results) {
            ObjectNode n = docs.addObject();
            n.put("id", r.id());
            for (EntityType t : EntityType.values()) {
                if (!r.entities().containsKey(t)) {
                    continue; // theme labels only
                }
                ObjectNode e = n.putObject(t.name());
                put(e, r.entities().get(t), null);
                r.missed().get(t).forEach(e.putArray("missed")::add);
                ArrayNode sp = e.putArray("spurious");
                r.spurious().get(t).forEach(sp::add);
            }
            number(n, "themeRankCorrelation", sal.perDocument().get(r.id()));
        }
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode n, Counts c, Bootstrap.Interval ci) {
        n.put("precision", round(c.precision()));
        n.put("recall", round(c.recall()));
        n.put("f1", round(c.f1()));
        interval(n, "f1Ci95", ci);
        n.put("tp", c.tp());
        n.put("fp", c.fp());
        n.put("fn", c.fn());
    }

    /** {@code [low, high]}; nothing when there is no interval. */
    private static void interval(ObjectNode n, String field, Bootstrap.Interval ci) {
        if (ci != null) {
            n.putArray(field).add(round(ci.low())).add(round(ci.high()));
        }
    }

    /** A rounded number, or null when undefined (JSON has no NaN). */
    private static void number(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, round(v));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
