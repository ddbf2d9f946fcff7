package io.entente.semantic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.Span;
import io.entente.gold.Counts;
import io.entente.gold.GoldCorpus;
import io.entente.gold.GoldDocument;
import io.entente.themes.Codebook;
import io.entente.themes.SegmentShape;
import io.entente.themes.ThemeScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Trains the learned theme classifier on gold sentences and measures it honestly by k-fold
 * cross-validation by document.
 *
 * <p>Every sentence becomes one feature row ({@link Features}: its embedding, the lexicon's scores, the
 * neighbouring sentences' and the document's lexicon scores, its shape). Per theme, an L2-regularized
 * logistic regression (standardized features, fitted by L-BFGS) learns from the rows. The procedure:
 * <ol>
 *   <li>for every candidate penalty, out-of-fold logits of every row (each fold's models fitted on the other
 *       folds); the penalty with the best cross-validated sentence micro-F1 is kept (ties: the stronger);</li>
 *   <li>per theme, Platt scaling of the out-of-fold logits gives calibrated probabilities, and the
 *       decision threshold is the calibrated probability with the best out-of-fold F1;</li>
 *   <li>the saved model is fitted on all rows with the chosen penalty.</li>
 * </ol>
 * The cross-validated scores decide each held-out fold with thresholds chosen on the other folds only.
 * The penalty is chosen on the same folds, so they are slightly optimistic; a held-out set (dev) is the
 * estimate for new papers. Deterministic: the same input gives a byte-identical model file.
 */
public final class Trainer {
    /** The encoder {@code entente train} uses unless told otherwise (the best in cross-validation on the training corpus). */
    public static final String DEFAULT_ENCODER = "e5-small-v2-q";

    /** Candidate L2 penalties (standardized features), chosen by cross-validation. */
    public static final double[] LAMBDAS = {100, 300, 1000};

    /**
     * @param fraction share of the gold documents to train on (a seeded sample by document; 1 = all), for
     *                 learning curves
     */
    public record Options(int folds, long seed, double[] lambdas, Set<Features.Group> groups,
                          boolean crossValidatedScores, double fraction) {
        public Options {
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
            }
            if (lambdas.length == 0) {
                throw new IllegalArgumentException("no penalty to choose from");
            }
        }

        public static Options defaults() {
            return new Options(5, 1, LAMBDAS, Features.DEFAULT_GROUPS, true, 1);
        }

        /** The model only: the penalty and thresholds still come from out-of-fold predictions, no scores. */
        public Options withoutScores() {
            return new Options(folds, seed, lambdas, groups, false, fraction);
        }

        /** The same procedure over another fold assignment. */
        public Options withSeed(long otherSeed) {
            return new Options(folds, otherSeed, lambdas, groups, crossValidatedScores, fraction);
        }
    }

    /** Scores of one configuration. */
    public record Scores(String name, Counts sentence, Counts document, Map<String, Counts> perThemeSentence,
                         Map<String, Counts> perThemeDocument) {
    }

    public record Result(HybridModel model, List<Scores> cv, String table) {
    }

    private record Row(int doc, Set<String> gold, double[] x, boolean[] lexiconAssigned) {
    }

    private Trainer() {
    }

    public static Result train(Codebook codebook, GoldCorpus gold, Options options, SentenceEncoder encoder) {
        GoldCorpus corpus = options.fraction() < 1 ? gold.sample(options.fraction(), options.seed()) : gold;
        Features features = new Features(codebook, encoder.dimension(), options.groups());
        List<String> themeIds = codebook.themes().stream().map(Codebook.Theme::id).toList();
        int nt = themeIds.size();
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < corpus.documents().size(); d++) {
            GoldDocument doc = corpus.documents().get(d);
            List<Span> spans = doc.sentences().stream().map(s -> new Span(s.start(), s.end())).toList();
            float[][] emb = features.needsEmbeddings()
                    ? encoder.encode(spans.stream().map(s -> doc.text().substring(s.start(), s.end())).toList()) : null;
            Features.Prepared p = features.prepare(doc.text(), spans, emb);
            boolean[] headings = SegmentShape.headings(spans.stream().map(s -> doc.text().substring(s.start(), s.end())).toList(),
                    codebook.settings().headingMaxWords());
            for (int i = 0; i < spans.size(); i++) {
                Set<String> g = new TreeSet<>(doc.sentences().get(i).themes());
                g.retainAll(themeIds);
                boolean[] lex = new boolean[nt];
                // The lexicon's own decisions, as analyze makes them: a heading carries no theme.
                for (ThemeScore s : p.lexicon().get(i)) {
                    lex[themeIds.indexOf(s.themeId())] = s.assigned() && !headings[i];
                }
                rows.add(new Row(d, g, p.rows()[i], lex));
            }
        }
        int n = rows.size();
        List<String> docIds = corpus.documents().stream().map(GoldDocument::id).toList();
        Map<String, Integer> foldOfDoc = Folds.byDocument(docIds, options.folds(), options.seed());
        int[] fold = new int[n];
        double[][] x = new double[n][];
        boolean[][] y = new boolean[nt][n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            fold[i] = foldOfDoc.get(docIds.get(r.doc()));
            x[i] = r.x();
            for (int t = 0; t < nt; t++) {
                y[t][i] = r.gold().contains(themeIds.get(t));
            }
        }
        int dims = features.names().size();

        // 1. out-of-fold logits per candidate penalty; keep the best by cross-validated sentence micro-F1
        double[][][] oof = new double[options.lambdas().length][][];
        int bestLambda = 0;
        double bestF1 = -1;
        for (int c = 0; c < options.lambdas().length; c++) {
            oof[c] = outOfFold(x, y, fold, options.folds(), penalty(dims, options.lambdas()[c]));
            if (options.lambdas().length > 1) {
                double f1 = scores("", themeIds, rows, nestedPredictions(oof[c], y, fold, options.folds())).sentence().f1();
                if (f1 >= bestF1) {
                    bestF1 = f1;
                    bestLambda = c;
                }
            }
        }
        double lambda = options.lambdas()[bestLambda];
        double[][] logits = oof[bestLambda];

        // 2. Platt scaling and thresholds on the out-of-fold logits; 3. the final fit on all rows
        double[] pen = penalty(dims, lambda);
        HybridModel.ThemeModel[] fitted = new HybridModel.ThemeModel[nt];
        double[][] calibrated = new double[nt][];
        IntStream.range(0, nt).parallel().forEach(t -> {
            LogisticRegression.Model platt = LogisticRegression.fit(column(logits[t]), y[t], 1e-6);
            double slope = platt.weights()[0];
            double intercept = platt.bias();
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = LogisticRegression.sigmoid(slope * logits[t][i] + intercept);
            }
            calibrated[t] = p;
            LogisticRegression.Model m = LogisticRegression.fitQuasiNewton(x, y[t], pen);
            int positives = 0;
            for (boolean g : y[t]) {
                positives += g ? 1 : 0;
            }
            fitted[t] = new HybridModel.ThemeModel(themeIds.get(t), m.weights(), m.bias(), slope, intercept,
                    bestThreshold(p, y[t]), positives);
        });
        List<HybridModel.ThemeModel> themeModels = List.of(fitted);

        List<Scores> cv = List.of();
        if (options.crossValidatedScores()) {
            boolean[][] lexPred = new boolean[nt][n];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < nt; t++) {
                    lexPred[t][i] = rows.get(i).lexiconAssigned()[t];
                }
            }
            cv = List.of(scores("lexicon only", themeIds, rows, lexPred),
                    scores("learned", themeIds, rows, nestedPredictions(calibrated, y, fold, options.folds())));
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode training = f.objectNode();
        training.put("documents", corpus.documents().size());
        training.put("sentences", n);
        training.put("fraction", options.fraction());
        training.put("folds", options.folds());
        training.put("seed", options.seed());
        training.put("split", "k-fold by document: ids sorted, shuffled with java.util.Random(seed), dealt round-robin");
        ArrayNode cands = training.putArray("lambdaCandidates");
        for (double l : options.lambdas()) {
            cands.add(l);
        }
        training.put("lambda", lambda);
        training.put("optimizer", "L-BFGS, L2 on standardized features, bias unpenalized; the penalty chosen by "
                + "cross-validated sentence micro-F1");
        training.put("calibration", "Platt scaling of out-of-fold logits, per theme");
        training.put("thresholds", "per theme, the calibrated probability maximizing F1 on out-of-fold predictions");
        ObjectNode cvNode = f.objectNode();
        cvNode.put("note", "sentence level: the gold sentences' own spans are classified; document level: union "
                + "over a document's gold sentences; each fold decided with thresholds chosen on the other folds. "
                + "'lexicon only' fits nothing.");
        for (Scores s : cv) {
            ObjectNode c = cvNode.putObject(s.name());
            put(c.putObject("sentence"), s.sentence());
            put(c.putObject("document"), s.document());
            ObjectNode per = c.putObject("perTheme");
            for (String id : themeIds) {
                ObjectNode o = per.putObject(id);
                o.put("sentenceF1", round(s.perThemeSentence().getOrDefault(id, Counts.ZERO).f1()));
                o.put("documentF1", round(s.perThemeDocument().getOrDefault(id, Counts.ZERO).f1()));
            }
        }
        HybridModel model = new HybridModel(HybridModel.VERSION, codebook.id(), codebook.version(), codebook.sha256(),
                features.needsEmbeddings() ? encoder.spec() : null, features.groups(), features.names(), themeModels,
                training, cvNode);
        return new Result(model, cv, table(cv, themeIds, rows));
    }

    private static double[] penalty(int dims, double lambda) {
        double[] l = new double[dims];
        Arrays.fill(l, lambda);
        return l;
    }

    private static double[][] column(double[] v) {
        double[][] out = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            out[i][0] = v[i];
        }
        return out;
    }

    /** Out-of-fold logits {@code [theme][row]}: each fold's rows scored by models fitted on the other folds. */
    private static double[][] outOfFold(double[][] x, boolean[][] y, int[] fold, int k, double[] lambda) {
        int nt = y.length;
        int n = x.length;
        double[][] out = new double[nt][n];
        for (int f = 0; f < k; f++) {
            final int ff = f;
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            double[][] xs = new double[train.size()][];
            for (int j = 0; j < xs.length; j++) {
                xs[j] = x[train.get(j)];
            }
            IntStream.range(0, nt).parallel().forEach(t -> {
                boolean[] ys = new boolean[xs.length];
                for (int j = 0; j < ys.length; j++) {
                    ys[j] = y[t][train.get(j)];
                }
                LogisticRegression.Model m = LogisticRegression.fitQuasiNewton(xs, ys, lambda);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == ff) {
                        double z = m.bias();
                        for (int j = 0; j < x[i].length; j++) {
                            z += m.weights()[j] * x[i][j];
                        }
                        out[t][i] = z;
                    }
                }
            });
        }
        return out;
    }

    /** Decisions per held-out fold, each theme's threshold chosen on the other folds' scores only. */
    private static boolean[][] nestedPredictions(double[][] score, boolean[][] y, int[] fold, int k) {
        int nt = y.length;
        int n = fold.length;
        boolean[][] pred = new boolean[nt][n];
        for (int t = 0; t < nt; t++) {
            for (int f = 0; f < k; f++) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    m += fold[i] != f ? 1 : 0;
                }
                double[] p = new double[m];
                boolean[] yy = new boolean[m];
                for (int i = 0, j = 0; i < n; i++) {
                    if (fold[i] != f) {
                        p[j] = score[t][i];
                        yy[j++] = y[t][i];
                    }
                }
                double th = bestThreshold(p, yy);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        pred[t][i] = score[t][i] >= th;
                    }
                }
            }
        }
        return pred;
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
        Counts zero = Counts.ZERO;
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
        b.append(String.format(Locale.ROOT, "%n%-26s %5s   %-16s   %-16s%n", "per theme", "gold", "sentence F1 lex/learned",
                "document F1 lex/learned"));
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

}
