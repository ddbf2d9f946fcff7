package io.entente.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.themes.Codebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains the hybrid classifier on gold sentences and measures it honestly: everything fitted or tuned
 * on the gold labels is scored by k-fold cross-validation by document (nested: the decision threshold of
 * an outer fold is chosen on inner out-of-fold predictions of its training documents only).
 *
 * <p>Three configurations are scored on the gold sentences' own spans: the lexicon alone (nothing
 * fitted: its figure is the same for every fold, and its cues were written with the dev set in view,
 * so it is in-sample), lexicon + prototype (logistic regression on the seven lexical/prototype features),
 * and the full hybrid (the 384 embedding dimensions plus those seven). The saved model is the full hybrid
 * fitted on all documents, with thresholds chosen on the outer out-of-fold probabilities.
 */
public final class Trainer {
    /** L2 penalty (standardized features) of the seven lexicon and prototype features. */
    public static final double LAMBDA_SMALL = 1.0;
    /** Candidate L2 penalties of the 384 embedding dimensions; chosen per theme by (nested) cross-validation. */
    public static final double[] LAMBDA_EMBEDDING = {30, 300, 3000};

    /**
     * @param trainOnExamples the prototype sentences (codebook examples and extra examples) also become
     *                        training rows, positive for their theme and negative for the others; they
     *                        are in every training fold and never scored
     */
    public record Options(int folds, long seed, double lambdaSmall, double[] lambdaEmbedding, boolean trainOnExamples,
                          boolean crossValidatedScores) {
        public Options(int folds, long seed, double lambdaSmall, double[] lambdaEmbedding, boolean trainOnExamples) {
            this(folds, seed, lambdaSmall, lambdaEmbedding, trainOnExamples, true);
        }

        public static Options defaults() {
            return new Options(6, 1, LAMBDA_SMALL, LAMBDA_EMBEDDING, true, true);
        }

        /** The model only: penalties and thresholds still come from out-of-fold predictions, but the
         *  nested cross-validation that scores the procedure is skipped (about five times faster). */
        public Options withoutScores() {
            return new Options(folds, seed, lambdaSmall, lambdaEmbedding, trainOnExamples, false);
        }

        /** The same procedure over another fold assignment. */
        public Options withSeed(long otherSeed) {
            return new Options(folds, otherSeed, lambdaSmall, lambdaEmbedding, trainOnExamples, crossValidatedScores);
        }
    }

    /** Counts for F1. */
    public record Counts(int tp, int fp, int fn) {
        public Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        public double f1() {
            return 2 * tp + fp + fn == 0 ? 0 : 2 * tp / (double) (2 * tp + fp + fn);
        }
    }

    /** Scores of one configuration. */
    public record Scores(String name, Counts sentence, Counts document, Map<String, Counts> perThemeSentence,
                         Map<String, Counts> perThemeDocument) {
    }

    public record Result(HybridModel model, List<Scores> cv, String table) {
    }

    private record Row(int doc, Set<String> gold, double[] small, double[] full, boolean[] lexiconAssigned) {
    }

    private Trainer() {
    }

    /** One training row: the sentence's feature vectors for every theme, with and without the embedding. */
    private static Row row(Features features, Features.SentenceInput in, List<String> themeIds, int doc, Set<String> gold) {
        int nt = themeIds.size();
        double[][] small = new double[nt][];
        double[][] full = new double[nt][];
        boolean[] lex = new boolean[nt];
        for (int t = 0; t < nt; t++) {
            small[t] = features.vector(in, t, false);
            full[t] = features.vector(in, t, true);
            var ls = in.lexicon().get(themeIds.get(t));
            lex[t] = ls != null && ls.assigned();
        }
        return new Row(doc, gold, flatten(small), flatten(full), lex);
    }

    /** Codebook examples followed by extra ones (duplicates dropped), per theme in codebook order. */
    public static Map<String, List<String>> prototypes(Codebook codebook, Map<String, List<String>> extra) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Codebook.Theme t : codebook.themes()) {
            Set<String> all = new LinkedHashSet<>(t.examples());
            all.addAll(extra.getOrDefault(t.id(), List.of()));
            out.put(t.id(), List.copyOf(all));
        }
        return out;
    }

    /** Reads {@code {"examples": {"theme.id": ["...", ...]}}}; theme ids must be in the codebook. */
    public static Map<String, List<String>> readExamples(Path file, Codebook codebook) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        Map<String, List<String>> out = new LinkedHashMap<>();
        var it = root.path("examples").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (codebook.theme(e.getKey()) == null) {
                throw new IOException(file + ": examples." + e.getKey() + ": no such theme in codebook " + codebook.id());
            }
            List<String> l = new ArrayList<>();
            e.getValue().forEach(n -> l.add(n.asText()));
            out.put(e.getKey(), l);
        }
        return out;
    }

    /**
     * The extra examples packaged with this module for the codebook ({@code models/semantic/<id>.examples.json}
     * on the class path), or none.
     */
    public static Map<String, List<String>> packagedExamples(Codebook codebook) throws IOException {
        String resource = "models/semantic/" + codebook.id() + ".examples.json";
        try (var in = Trainer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Path tmp = Files.createTempFile("entente-examples", ".json");
            try {
                Files.write(tmp, in.readAllBytes());
                return readExamples(tmp, codebook);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static Result train(Codebook codebook, GoldCorpus gold, Map<String, List<String>> extraExamples,
                               Options options, SentenceEncoder encoder) {
        Map<String, List<String>> protos = prototypes(codebook, extraExamples);
        Features features = new Features(codebook, protos, encoder);
        List<String> themeIds = codebook.themes().stream().map(Codebook.Theme::id).toList();
        int nt = themeIds.size();

        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < gold.documents().size(); d++) {
            GoldCorpus.Doc doc = gold.documents().get(d);
            List<String> texts = doc.sentences().stream().map(s -> doc.text().substring(s.start(), s.end())).toList();
            float[][] emb = encoder.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                GoldCorpus.Sent s = doc.sentences().get(i);
                Set<String> g = new TreeSet<>(s.themes());
                g.retainAll(themeIds);
                rows.add(row(features, features.prepare(doc.text(), s.start(), s.end(), emb[i]), themeIds, d, g));
            }
        }
        // Example rows come after the gold rows, with doc = -1: always trained on, never scored.
        List<Row> exampleRows = new ArrayList<>();
        if (options.trainOnExamples()) {
            for (String id : themeIds) {
                List<String> texts = protos.getOrDefault(id, List.of());
                float[][] emb = encoder.encode(texts);
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    exampleRows.add(row(features, features.prepare(text, 0, text.length(), emb[i], true), themeIds, -1, Set.of(id)));
                }
            }
        }
        int n = rows.size();
        int all = n + exampleRows.size();
        if (options.folds() < 3) {
            throw new IllegalArgumentException("nested cross-validation needs at least 3 folds, got " + options.folds());
        }
        List<String> docIds = gold.documents().stream().map(GoldCorpus.Doc::id).toList();
        Map<String, Integer> foldOfDoc = Folds.byDocument(docIds, options.folds(), options.seed());
        int[] fold = new int[all];
        for (int i = 0; i < n; i++) {
            fold[i] = foldOfDoc.get(docIds.get(rows.get(i).doc()));
        }
        Arrays.fill(fold, n, all, -1);
        List<Row> trainRows = new ArrayList<>(rows);
        trainRows.addAll(exampleRows);

        int dSmall = Features.LEXICAL.size();
        int dFull = SentenceEncoder.DIMENSION + dSmall;
        boolean[][] predLex = new boolean[nt][all];
        boolean[][] predSmall = new boolean[nt][all];
        boolean[][] predFull = new boolean[nt][all];
        // Themes are fitted independently: in parallel, each writing only its own slot (same file as serial)
        HybridModel.ThemeModel[] fitted = new HybridModel.ThemeModel[nt];
        double[] penaltyOf = new double[nt];
        java.util.stream.IntStream.range(0, nt).parallel().forEach(t -> {
            boolean[] y = new boolean[all];
            double[][] xs = new double[all][];
            double[][] xf = new double[all][];
            for (int i = 0; i < all; i++) {
                Row r = trainRows.get(i);
                y[i] = r.gold().contains(themeIds.get(t));
                predLex[t][i] = r.lexiconAssigned()[t];
                xs[i] = Arrays.copyOfRange(r.small(), t * dSmall, (t + 1) * dSmall);
                xf[i] = Arrays.copyOfRange(r.full(), t * dFull, (t + 1) * dFull);
            }
            double[] small = new double[dSmall];
            Arrays.fill(small, options.lambdaSmall());
            if (options.crossValidatedScores()) {
                crossValidate(xs, y, fold, options.folds(), List.of(small), predSmall[t]);
            }
            List<double[]> penalties = new ArrayList<>();
            for (double le : options.lambdaEmbedding()) {
                double[] l = new double[dFull];
                Arrays.fill(l, 0, SentenceEncoder.DIMENSION, le);
                Arrays.fill(l, SentenceEncoder.DIMENSION, dFull, options.lambdaSmall());
                penalties.add(l);
            }
            double[][] oof = crossValidate(xf, y, fold, options.folds(), penalties,
                    options.crossValidatedScores() ? predFull[t] : null);
            // penalty and threshold are chosen on the scored (gold) rows only
            boolean[] yGold = Arrays.copyOf(y, n);
            int best = 0;
            double bestF1 = -1;
            for (int c = 0; c < penalties.size(); c++) {
                double f1 = best(Arrays.copyOf(oof[c], n), yGold)[1];
                if (f1 >= bestF1) {
                    bestF1 = f1;
                    best = c;
                }
            }
            LogisticRegression.Model m = LogisticRegression.fit(xf, y, penalties.get(best));
            int positives = 0;
            for (boolean g : yGold) {
                positives += g ? 1 : 0;
            }
            penaltyOf[t] = options.lambdaEmbedding()[best];
            fitted[t] = new HybridModel.ThemeModel(themeIds.get(t), m.weights(), m.bias(),
                    bestThreshold(Arrays.copyOf(oof[best], n), yGold), positives);
        });
        List<HybridModel.ThemeModel> themeModels = List.of(fitted);
        Map<String, Double> chosenPenalty = new LinkedHashMap<>();
        for (int t = 0; t < nt; t++) {
            chosenPenalty.put(themeIds.get(t), penaltyOf[t]);
        }

        List<Scores> cv = !options.crossValidatedScores() ? List.of() : List.of(
                scores("lexicon only", themeIds, rows, predLex),
                scores("lexicon+prototype", themeIds, rows, predSmall),
                scores("full hybrid", themeIds, rows, predFull));

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode training = f.objectNode();
        training.put("documents", gold.documents().size());
        training.put("sentences", n);
        training.put("exampleSentences", exampleRows.size());
        training.put("examples", options.trainOnExamples()
                ? "the prototype sentences are training rows too (positive for their theme, in every training fold, never scored;"
                        + " their own vector left out of their prototype features)"
                : "prototypes only");
        training.put("folds", options.folds());
        training.put("seed", options.seed());
        training.put("split", "k-fold by document: ids sorted, shuffled with java.util.Random(seed), dealt round-robin");
        training.put("lambdaLexical", options.lambdaSmall());
        ArrayNode cands = training.putArray("lambdaEmbeddingCandidates");
        for (double le : options.lambdaEmbedding()) {
            cands.add(le);
        }
        ObjectNode chosen = training.putObject("lambdaEmbedding");
        chosenPenalty.forEach(chosen::put);
        training.put("optimizer", "damped Newton (IRLS), L2 on standardized features, bias unpenalized; the "
                + "embedding penalty per theme chosen by inner cross-validation F1");
        training.put("thresholds", "per theme, maximizing F1 on out-of-fold probabilities (nested for the CV scores)");
        ObjectNode pos = training.putObject("positives");
        for (HybridModel.ThemeModel tm : themeModels) {
            pos.put(tm.id(), tm.positives());
        }
        ObjectNode cvNode = f.objectNode();
        cvNode.put("note", "sentence level: the gold sentences' own spans are classified; document level: union "
                + "over a document's gold sentences. 'lexicon only' fits nothing, but its cues were written with "
                + "the dev set visible: in-sample.");
        for (Scores s : cv) {
            ObjectNode c = cvNode.putObject(s.name());
            put(c.putObject("sentence"), s.sentence());
            put(c.putObject("document"), s.document());
            ObjectNode per = c.putObject("perTheme");
            for (String id : themeIds) {
                ObjectNode o = per.putObject(id);
                o.put("sentenceF1", round(s.perThemeSentence().getOrDefault(id, new Counts(0, 0, 0)).f1()));
                o.put("documentF1", round(s.perThemeDocument().getOrDefault(id, new Counts(0, 0, 0)).f1()));
            }
        }
        HybridModel model = new HybridModel(HybridModel.VERSION, codebook.id(), codebook.version(), codebook.sha256(),
                encoder.name(), Features.names(true), protos, themeModels, training, cvNode);
        return new Result(model, cv, table(cv, themeIds, rows));
    }

    /**
     * Nested cross-validation. For every outer fold: each candidate penalty is scored by inner out-of-fold
     * predictions over the other folds (F1 at its best threshold); the best one (ties: the stronger penalty,
     * later in the list) and its threshold decide the fold's predictions ({@code pred}). Returns the outer
     * out-of-fold probabilities of every candidate, {@code [candidate][row]}.
     */
    static double[][] crossValidate(double[][] x, boolean[] y, int[] fold, int k, List<double[]> penalties, boolean[] pred) {
        // pred == null: only the outer out-of-fold probabilities are wanted, not the nested predictions
        int n = y.length;
        double[][] oof = new double[penalties.size()][n];
        for (int outer = 0; outer < k; outer++) {
            final int f = outer;
            // rows of other folds, for choosing the penalty and threshold (fold -1: trained on, never scored)
            List<Integer> trainIdx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f && fold[i] >= 0) {
                    trainIdx.add(i);
                }
            }
            int chosen = 0;
            double chosenF1 = -1;
            double threshold = 1;
            for (int c = 0; pred != null && c < penalties.size(); c++) {
                double[] inner = new double[n];
                for (int g = 0; g < k; g++) {
                    if (g == f) {
                        continue;
                    }
                    final int gg = g;
                    LogisticRegression.Model m = fitOn(x, y, penalties.get(c), i -> fold[i] != f && fold[i] != gg);
                    for (int i = 0; i < n; i++) {
                        if (fold[i] == g) {
                            inner[i] = m.probability(x[i]);
                        }
                    }
                }
                double[] ip = new double[trainIdx.size()];
                boolean[] iy = new boolean[trainIdx.size()];
                for (int j = 0; j < ip.length; j++) {
                    ip[j] = inner[trainIdx.get(j)];
                    iy[j] = y[trainIdx.get(j)];
                }
                double[] tf = best(ip, iy);
                if (tf[1] >= chosenF1) {
                    chosenF1 = tf[1];
                    chosen = c;
                    threshold = tf[0];
                }
            }
            for (int c = 0; c < penalties.size(); c++) {
                LogisticRegression.Model m = fitOn(x, y, penalties.get(c), i -> fold[i] != f);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        oof[c][i] = m.probability(x[i]);
                        if (pred != null && c == chosen) {
                            pred[i] = oof[c][i] >= threshold;
                        }
                    }
                }
            }
        }
        return oof;
    }

    private static LogisticRegression.Model fitOn(double[][] x, boolean[] y, double[] lambda, java.util.function.IntPredicate use) {
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (use.test(i)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        boolean[] yy = new boolean[ys.size()];
        for (int i = 0; i < yy.length; i++) {
            yy[i] = ys.get(i);
        }
        return LogisticRegression.fit(xs.toArray(new double[0][]), yy, lambda);
    }

    /**
     * The probability threshold with the best F1 over these scores: the midpoint between the lowest score
     * predicted positive and the next lower score. Ties keep the higher threshold. With no positive to
     * find, 1 (never assign).
     */
    public static double bestThreshold(double[] p, boolean[] y) {
        return best(p, y)[0];
    }

    /** {@code {threshold, F1 at it}}; see {@link #bestThreshold}. */
    static double[] best(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i));
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double best = 0;
        double threshold = 1;
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (y[order[k]]) {
                tp++;
            }
            if (k + 1 < order.length && p[order[k + 1]] == p[order[k]]) {
                continue;
            }
            double f1 = 2.0 * tp / (k + 1 + positives);
            if (f1 > best) {
                best = f1;
                threshold = k + 1 < order.length ? (p[order[k]] + p[order[k + 1]]) / 2 : p[order[k]];
            }
        }
        return new double[] {threshold, best};
    }

    private static Scores scores(String name, List<String> themeIds, List<Row> rows, boolean[][] pred) {
        Map<String, Counts> perS = new LinkedHashMap<>();
        Map<String, Counts> perD = new LinkedHashMap<>();
        Counts zero = new Counts(0, 0, 0);
        themeIds.forEach(id -> {
            perS.put(id, zero);
            perD.put(id, zero);
        });
        Map<Integer, Set<String>> docGold = new LinkedHashMap<>();
        Map<Integer, Set<String>> docPred = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            docGold.computeIfAbsent(r.doc(), k -> new TreeSet<>()).addAll(r.gold());
            Set<String> dp = docPred.computeIfAbsent(r.doc(), k -> new TreeSet<>());
            for (int t = 0; t < themeIds.size(); t++) {
                String id = themeIds.get(t);
                boolean g = r.gold().contains(id);
                boolean p = pred[t][i];
                if (p) {
                    dp.add(id);
                }
                perS.merge(id, new Counts(g && p ? 1 : 0, !g && p ? 1 : 0, g && !p ? 1 : 0), Counts::plus);
            }
        }
        for (Integer d : docGold.keySet()) {
            for (String id : themeIds) {
                boolean g = docGold.get(d).contains(id);
                boolean p = docPred.get(d).contains(id);
                perD.merge(id, new Counts(g && p ? 1 : 0, !g && p ? 1 : 0, g && !p ? 1 : 0), Counts::plus);
            }
        }
        Counts s = zero;
        Counts d = zero;
        for (String id : themeIds) {
            s = s.plus(perS.get(id));
            d = d.plus(perD.get(id));
        }
        return new Scores(name, s, d, perS, perD);
    }

    private static String table(List<Scores> cv, List<String> themeIds, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-20s %27s   %27s%n", "", "sentence level (micro)", "document level (micro)"));
        b.append(String.format(Locale.ROOT, "%-20s %6s %6s %6s %7s   %6s %6s %6s %7s%n", "configuration",
                "P", "R", "F1", "TP/FP/FN", "P", "R", "F1", "TP/FP/FN"));
        for (Scores s : cv) {
            b.append(String.format(Locale.ROOT, "%-20s %6.3f %6.3f %6.3f %s   %6.3f %6.3f %6.3f %s%n", s.name(),
                    s.sentence().precision(), s.sentence().recall(), s.sentence().f1(), tpfpfn(s.sentence()),
                    s.document().precision(), s.document().recall(), s.document().f1(), tpfpfn(s.document())));
        }
        b.append(String.format(Locale.ROOT, "%n%-26s %5s   %-23s   %-23s%n", "per theme", "gold", "sentence F1 lex/+pro/hyb",
                "document F1 lex/+pro/hyb"));
        for (String id : themeIds) {
            int g = 0;
            for (Row r : rows) {
                g += r.gold().contains(id) ? 1 : 0;
            }
            b.append(String.format(Locale.ROOT, "%-26s %5d  ", id, g));
            for (Scores s : cv) {
                b.append(String.format(Locale.ROOT, " %6.3f", s.perThemeSentence().get(id).f1()));
            }
            b.append("    ");
            for (Scores s : cv) {
                b.append(String.format(Locale.ROOT, " %6.3f", s.perThemeDocument().get(id).f1()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Repeated cross-validation: the scores of the same procedure under several fold assignments, one
     * list of {@link Scores} (as in {@link Result#cv()}) per assignment. With a few hundred sentences a
     * single split moves a rare theme's F1 by a tenth when one sentence changes fold; the spread over
     * assignments says how much of a difference between two configurations is real.
     */
    public static String repeatedTable(List<Long> seeds, List<List<Scores>> runs, List<String> themeIds) {
        if (runs.isEmpty() || seeds.size() != runs.size()) {
            throw new IllegalArgumentException("one list of scores per seed");
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "repeated cross-validation: %d fold assignments (seeds %s)%n%n", runs.size(),
                seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))));
        b.append(String.format(Locale.ROOT, "%-20s %29s   %29s%n", "", "sentence F1 (micro)", "document F1 (micro)"));
        b.append(String.format(Locale.ROOT, "%-20s %7s %7s %6s %6s   %7s %7s %6s %6s%n", "configuration",
                "mean", "sd", "min", "max", "mean", "sd", "min", "max"));
        for (int c = 0; c < runs.get(0).size(); c++) {
            final int cc = c;
            double[] sent = runs.stream().mapToDouble(r -> r.get(cc).sentence().f1()).toArray();
            double[] doc = runs.stream().mapToDouble(r -> r.get(cc).document().f1()).toArray();
            b.append(String.format(Locale.ROOT, "%-20s %s   %s%n", runs.get(0).get(c).name(), spread(sent), spread(doc)));
        }
        int last = runs.get(0).size() - 1;
        b.append(String.format(Locale.ROOT, "%n%-26s %29s%n", "per theme (" + runs.get(0).get(last).name() + ")",
                "sentence F1 mean / sd / min / max"));
        for (String id : themeIds) {
            double[] f = runs.stream().mapToDouble(r -> r.get(last).perThemeSentence().get(id).f1()).toArray();
            b.append(String.format(Locale.ROOT, "%-26s %s%n", id, spread(f)));
        }
        return b.toString();
    }

    /** Mean, sample standard deviation, min and max. */
    private static String spread(double[] v) {
        var s = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(v);
        return String.format(Locale.ROOT, "%7.3f %7.3f %6.3f %6.3f", s.getMean(), s.getStandardDeviation(), s.getMin(), s.getMax());
    }

    private static String tpfpfn(Counts c) {
        return String.format(Locale.ROOT, "%3d/%2d/%2d", c.tp(), c.fp(), c.fn());
    }

    private static void put(ObjectNode o, Counts c) {
        o.put("precision", round(c.precision()));
        o.put("recall", round(c.recall()));
        o.put("f1", round(c.f1()));
        o.put("tp", c.tp());
        o.put("fp", c.fp());
        o.put("fn", c.fn());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static double[] flatten(double[][] a) {
        int len = 0;
        for (double[] r : a) {
            len += r.length;
        }
        double[] out = new double[len];
        int k = 0;
        for (double[] r : a) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }
}
