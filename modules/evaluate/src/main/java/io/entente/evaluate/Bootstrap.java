package io.entente.evaluate;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap over documents: {@code resamples} draws of {@code n} documents with
 * replacement, fixed once from the seed so every statistic of one evaluation sees the same draws and
 * a rerun prints the same intervals. Documents, not sentences, are resampled because a paper's
 * sentences are not independent (one author, one topic, one style).
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final long DEFAULT_SEED = 1;

    /** A two-sided interval; {@code resamples} is how many draws defined the statistic. */
    public record Interval(double low, double high, int resamples) {
        public boolean contains(double v) {
            return v >= low - 1e-12 && v <= high + 1e-12;
        }
    }

    private final int[][] weights;
    private final long seed;

    /**
     * @param n documents
     * @param resamples draws (at least 1)
     */
    public Bootstrap(int n, int resamples, long seed) {
        if (n < 1 || resamples < 1) {
            throw new IllegalArgumentException("bootstrap needs documents and resamples, got " + n + " and " + resamples);
        }
        this.seed = seed;
        RandomGenerator random = new Well19937c(seed);
        weights = new int[resamples][n];
        for (int[] w : weights) {
            for (int i = 0; i < n; i++) {
                w[random.nextInt(n)]++;
            }
        }
    }

    public int resamples() {
        return weights.length;
    }

    public long seed() {
        return seed;
    }

    /** How often each document was drawn into resample {@code b} (a copy). */
    public int[] weights(int b) {
        return weights[b].clone();
    }

    /**
     * The central {@code level} interval (e.g. 0.95) of {@code statistic} over the resamples, each given
     * as how often every document was drawn. A statistic that is undefined on a resample returns NaN
     * there and that resample is left out; {@code null} when it is undefined on all of them.
     */
    public Interval interval(ToDoubleFunction<int[]> statistic, double level) {
        double[] values = new double[weights.length];
        int m = 0;
        for (int[] w : weights) {
            double v = statistic.applyAsDouble(w);
            if (!Double.isNaN(v)) {
                values[m++] = v;
            }
        }
        return m == 0 ? null : percentileInterval(Arrays.copyOf(values, m), level);
    }

    /**
     * The central interval of the values: their (1 − level)/2 and (1 + level)/2 quantiles,
     * interpolated linearly between order statistics (estimation type R-7, the default of R and NumPy).
     */
    public static Interval percentileInterval(double[] values, double level) {
        if (values.length == 0 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need values and a level in (0, 1)");
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(values);
        return new Interval(p.evaluate(50 * (1 - level)), p.evaluate(50 * (1 + level)), values.length);
    }
}
