package io.entente.stats;

import java.util.Arrays;

/**
 * Sen's (Theil–Sen) slope: the median of all pairwise slopes (Sen 1968, "Estimates of the
 * regression coefficient based on Kendall's tau", JASA 63:1379–1389). Robust to outliers; the
 * usual companion of {@link MannKendall}. O(n²) memory and time.
 */
public final class SenSlope {
    private SenSlope() {
    }

    /**
     * The median of (y_j − y_i)/(x_j − x_i) over all pairs i &lt; j with x_i ≠ x_j, and the
     * intercept median(y) − slope·median(x) (as scipy's {@code theilslopes}).
     *
     * @throws IllegalArgumentException for arrays of different lengths or non-finite values
     */
    public static SenSlopeResult estimate(double[] x, double[] y) {
        Checks.paired(x, y);
        int n = x.length;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    count++;
                }
            }
        }
        if (count == 0) {
            return new SenSlopeResult(null, null, 0, n);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many points for Sen's slope: " + n);
        }
        double[] slopes = new double[(int) count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        double slope = median(slopes);
        double intercept = median(y.clone()) - slope * median(x.clone());
        return new SenSlopeResult(slope, intercept, count, n);
    }

    /** The middle value, or the mean of the two middle values; sorts {@code values} in place. */
    private static double median(double[] values) {
        Arrays.sort(values);
        int m = values.length / 2;
        return values.length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }
}
