package io.entente.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval of a difference in means over clusters (one value per document):
 * each resample draws the documents of each group with replacement, within the group, so the
 * interval reflects how much documents differ, not how many sentences they have. Deterministic for
 * a seed.
 */
public final class ClusterBootstrap {
    /** Resamples drawn. */
    public static final int RESAMPLES = 4_000;
    /** The method, as reports name it. */
    public static final String METHOD = "bootstrap by document (percentile, 4000 resamples)";

    private ClusterBootstrap() {
    }

    /**
     * The {@code confidence} interval of mean(a) − mean(b), as {low, high}.
     *
     * @throws IllegalArgumentException when a group is empty or confidence is not in (0, 1)
     */
    public static double[] meanDifference(double[] a, double[] b, double confidence, long seed) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both groups need at least one value, have " + a.length + " and " + b.length);
        }
        double alpha = Checks.alphaOf(confidence);
        SplittableRandom random = new SplittableRandom(seed);
        double[] d = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            d[r] = resampledMean(a, random) - resampledMean(b, random);
        }
        Arrays.sort(d);
        return new double[] {quantile(d, alpha / 2), quantile(d, 1 - alpha / 2)};
    }

    private static double resampledMean(double[] x, SplittableRandom random) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[random.nextInt(x.length)];
        }
        return s / x.length;
    }

    /** Linear interpolation between order statistics (type 7, R's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
