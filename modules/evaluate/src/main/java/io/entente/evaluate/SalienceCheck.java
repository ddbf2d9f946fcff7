package io.entente.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Whether the document theme scores rank a paper's themes by how much of it argues them: per
 * document, Spearman's rank correlation (ties get their average rank) between the predicted document
 * score of each theme (0 when the report does not name it) and the theme's gold sentence share (gold
 * sentences carrying it / all gold sentences), over the themes present in the gold file or the report.
 * A document with fewer than two such themes, or where either side gives them all the same value,
 * has no ranking to check and is left out.
 *
 * @param perDocument    every document's correlation, NaN where undefined, in evaluation order
 * @param documents      how many documents have a defined correlation
 * @param mean           their mean (NaN when none)
 * @param median         their median (NaN when none)
 * @param meanInterval   bootstrap interval of the mean over documents (null when off or undefined)
 * @param medianInterval bootstrap interval of the median
 */
public record SalienceCheck(Map<String, Double> perDocument, int documents, double mean, double median,
                            Bootstrap.Interval meanInterval, Bootstrap.Interval medianInterval) {

    /**
     * Spearman's correlation between predicted scores and gold shares over the themes that are in
     * either map (and in {@code themes}, when not null); NaN when fewer than two or one side is constant.
     */
    public static double rankCorrelation(Map<String, Double> predicted, Map<String, Double> goldShare, Set<String> themes) {
        Set<String> ids = new TreeSet<>(predicted.keySet());
        ids.addAll(goldShare.keySet());
        if (themes != null) {
            ids.retainAll(themes);
        }
        if (ids.size() < 2) {
            return Double.NaN;
        }
        double[] x = new double[ids.size()];
        double[] y = new double[ids.size()];
        int i = 0;
        for (String id : ids) {
            x[i] = predicted.getOrDefault(id, 0.0);
            y[i++] = goldShare.getOrDefault(id, 0.0);
        }
        if (constant(x) || constant(y)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(x, y);
    }

    private static boolean constant(double[] v) {
        return Arrays.stream(v).allMatch(d -> d == v[0]);
    }

    /** Mean of the defined values, each counted {@code weights[i]} times; NaN when none. */
    static double mean(double[] values, int[] weights) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                sum += weights[i] * values[i];
                n += weights[i];
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Median of the defined values, each counted {@code weights[i]} times; NaN when none. */
    static double median(double[] values, int[] weights) {
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                for (int k = 0; k < weights[i]; k++) {
                    all.add(values[i]);
                }
            }
        }
        return all.isEmpty() ? Double.NaN : new Median().evaluate(all.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
