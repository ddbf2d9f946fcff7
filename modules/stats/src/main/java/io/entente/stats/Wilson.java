package io.entente.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilson score interval for a single proportion (Wilson 1927; method 3 of Newcombe 1998,
 * "Two-sided confidence intervals for the single proportion", Stat Med 17:857–872), without
 * continuity correction:
 *
 * <pre>
 *   (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)
 * </pre>
 *
 * <p>Unlike the Wald interval it never leaves [0, 1] and is not degenerate at 0 or n successes.
 */
public final class Wilson {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Wilson() {
    }

    /**
     * The Wilson score interval of {@code successes / total}.
     *
     * @param confidence in (0, 1), for example 0.95
     * @return the interval; for {@code total == 0} the share is reported as 0 and the interval is
     *         the whole of [0, 1] (nothing is known)
     * @throws IllegalArgumentException for negative counts, successes above the total or a
     *                                  confidence outside (0, 1)
     */
    public static ProportionInterval interval(int successes, int total, double confidence) {
        Checks.counts(successes, total, "");
        double z = z(Checks.alphaOf(confidence));
        if (total == 0) {
            return new ProportionInterval(0, 0, 0.0, 0.0, 1.0, confidence);
        }
        double n = total;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
        double high = successes == total ? 1.0 : Math.min(1.0, centre + half);
        return new ProportionInterval(successes, total, p, low, high, confidence);
    }

    /** The two-sided standard normal quantile for {@code alpha}: Φ⁻¹(1 − alpha/2). */
    static double z(double alpha) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }
}
