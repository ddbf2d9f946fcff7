package io.entente.stats;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;

/**
 * The Mann–Kendall trend test (Mann 1945; Kendall 1975) on a series in time order, with the
 * normal approximation, the tie correction of the variance and a continuity correction (as in
 * Gilbert 1987, "Statistical Methods for Environmental Pollution Monitoring", §16.4). The order of
 * the values is the time order; the times themselves do not matter.
 */
public final class MannKendall {
    private MannKendall() {
    }

    /**
     * Tests the series {@code y} for a monotonic trend. O(n²) comparisons.
     *
     * @throws IllegalArgumentException for a non-finite value
     */
    public static MannKendallResult test(double[] y) {
        Checks.finite(y, "y");
        int n = y.length;
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += y[j] > y[i] ? 1 : y[j] < y[i] ? -1 : 0;
            }
        }
        double varS = variance(y);
        if (n < 3) {
            return new MannKendallResult(s, varS, null, null, null, n);
        }
        double tau = s / ((double) n * (n - 1) / 2);
        if (varS <= 0) {
            return new MannKendallResult(s, 0.0, 0.0, 1.0, tau, n);
        }
        double z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0.0;
        // Two-sided normal p-value: 2·(1 − Φ(|z|)) = erfc(|z|/√2), precise for small p.
        double p = Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
        return new MannKendallResult(s, varS, z, p, tau, n);
    }

    /** [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over the groups of t tied values. */
    static double variance(double[] y) {
        double n = y.length;
        double v = n * (n - 1) * (2 * n + 5);
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            v -= t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        return Math.max(0.0, v / 18);
    }
}
