package io.entente.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two groups of documents compared on a per-document value (for example the share of a document's
 * sentences that carry a theme): the document is the unit of inference, so long papers do not
 * pass for many independent observations.
 *
 * <p>Groups of fewer than {@link #LARGE} documents (either side): a permutation test of the
 * difference in means ({@link PermutationTest}, exact when feasible) and a percentile bootstrap
 * interval by document ({@link ClusterBootstrap}). Both groups of at least {@link #LARGE}
 * documents: Welch's t-test and interval, which the central limit theorem makes adequate there and
 * which costs nothing on corpora of thousands of documents.
 *
 * @param meanA      mean of the values of A
 * @param meanB      mean of the values of B
 * @param difference meanA − meanB
 * @param ciLow      lower bound of the 95 % interval of the difference
 * @param ciHigh     upper bound
 * @param method     how the interval was computed
 * @param test       the test
 * @param statistic  the observed difference (permutation) or Welch's t
 * @param pValue     two-sided p-value
 */
public record DocumentComparison(double meanA, double meanB, double difference, double ciLow, double ciHigh,
                                 String method, String test, double statistic, double pValue) {
    /** From this many documents on each side, Welch's t replaces the permutation test. */
    public static final int LARGE = 30;
    /** {@link #test()} and {@link #method()} of Welch's t. */
    public static final String WELCH = "welch-t (by document)";
    /** Seed of the random permutations and bootstrap resamples: results are reproducible. */
    public static final long SEED = 20_240_601L;

    /**
     * @throws IllegalArgumentException when a group is empty or a value is not finite
     */
    public static DocumentComparison compare(double[] a, double[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length >= LARGE && b.length >= LARGE) {
            return welch(a, b);
        }
        PermutationTest.Result p = PermutationTest.meanDifference(a, b, SEED);
        double[] ci = ClusterBootstrap.meanDifference(a, b, 0.95, SEED);
        double ma = PermutationTest.mean(a);
        double mb = PermutationTest.mean(b);
        return new DocumentComparison(ma, mb, ma - mb, ci[0], ci[1], ClusterBootstrap.METHOD, p.test(), p.difference(), p.pValue());
    }

    static DocumentComparison welch(double[] a, double[] b) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        double ma = PermutationTest.mean(a);
        double mb = PermutationTest.mean(b);
        double va = variance(a, ma) / a.length;
        double vb = variance(b, mb) / b.length;
        double d = ma - mb;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new DocumentComparison(ma, mb, d, d, d, WELCH, WELCH, d == 0 ? 0 : Double.POSITIVE_INFINITY, d == 0 ? 1 : 0);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        TDistribution t = new TDistribution(null, df);
        double stat = d / se;
        double p = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(stat)));
        double q = t.inverseCumulativeProbability(0.975);
        return new DocumentComparison(ma, mb, d, d - q * se, d + q * se, WELCH, WELCH, stat, p);
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
