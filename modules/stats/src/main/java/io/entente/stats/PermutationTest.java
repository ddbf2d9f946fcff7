package io.entente.stats;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Two-sample permutation test of a difference in means, for clustered data summarized per cluster
 * (for example one share per document): the documents, not their sentences, are exchanged between
 * the groups, so a group of a few long papers does not count as hundreds of independent draws.
 *
 * <p>Exact (every assignment of the pooled values to a group of size n<sub>A</sub>) when there are
 * at most {@link #EXACT_LIMIT} assignments; otherwise {@link #RANDOM_PERMUTATIONS} random
 * assignments with a fixed seed, p = (k + 1) / (N + 1) (Phipson and Smyth 2010), so the result is
 * reproducible. Two-sided: an assignment counts when |mean A − mean B| is at least the observed one
 * (with a relative tolerance of 1e-9 for rounding).
 */
public final class PermutationTest {
    /** Largest number of assignments enumerated exactly. */
    public static final long EXACT_LIMIT = 50_000;
    /** Random assignments beyond that. */
    public static final int RANDOM_PERMUTATIONS = 20_000;
    /** Name of the test, exact. */
    public static final String EXACT = "permutation (exact, by document)";
    /** Name of the test, Monte Carlo. */
    public static final String MONTE_CARLO = "permutation (20000 random, by document)";

    /**
     * @param difference mean A − mean B
     * @param pValue     two-sided p-value
     * @param test       {@link #EXACT} or {@link #MONTE_CARLO}
     */
    public record Result(double difference, double pValue, String test) {
    }

    private PermutationTest() {
    }

    /**
     * @throws IllegalArgumentException when a group is empty or a value is not finite
     */
    public static Result meanDifference(double[] a, double[] b, long seed) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both groups need at least one value, have " + a.length + " and " + b.length);
        }
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        int n = a.length + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double total = 0;
        for (double v : pooled) {
            total += v;
        }
        double observed = mean(a) - mean(b);
        double threshold = Math.abs(observed) * (1 - 1e-9) - 1e-12;
        double binom = binomial(n, a.length);
        if (binom <= EXACT_LIMIT) {
            long[] counts = new long[2]; // {as extreme, all}
            enumerate(pooled, a.length, 0, 0, 0.0, total, b.length, threshold, counts);
            return new Result(observed, (double) counts[0] / counts[1], EXACT);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] work = pooled.clone();
        int extreme = 0;
        for (int r = 0; r < RANDOM_PERMUTATIONS; r++) {
            double sumA = 0;
            for (int i = 0; i < a.length; i++) { // partial Fisher–Yates: the first nA values form group A
                int j = i + random.nextInt(n - i);
                double t = work[i];
                work[i] = work[j];
                work[j] = t;
                sumA += work[i];
            }
            double d = sumA / a.length - (total - sumA) / b.length;
            if (Math.abs(d) >= threshold) {
                extreme++;
            }
        }
        return new Result(observed, (extreme + 1.0) / (RANDOM_PERMUTATIONS + 1.0), MONTE_CARLO);
    }

    private static void enumerate(double[] v, int nA, int start, int chosen, double sumA, double total, int nB,
                                  double threshold, long[] counts) {
        if (chosen == nA) {
            double d = sumA / nA - (total - sumA) / nB;
            if (Math.abs(d) >= threshold) {
                counts[0]++;
            }
            counts[1]++;
            return;
        }
        for (int i = start; i <= v.length - (nA - chosen); i++) {
            enumerate(v, nA, i + 1, chosen + 1, sumA + v[i], total, nB, threshold, counts);
        }
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.round(r);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
