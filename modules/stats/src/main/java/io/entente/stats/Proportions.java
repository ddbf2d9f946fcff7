package io.entente.stats;

/**
 * Compares two proportions, for example the share of documents carrying a theme in two groups.
 *
 * <p><b>Interval.</b> The confidence interval of the difference d = p₁ − p₂ is Newcombe's hybrid
 * score interval (method 10 of Newcombe 1998, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Stat Med 17:873–890). With (l₁, u₁) and
 * (l₂, u₂) the Wilson score intervals of the two groups:
 *
 * <pre>
 *   low  = d − sqrt((p₁ − l₁)² + (u₂ − p₂)²)
 *   high = d + sqrt((u₁ − p₁)² + (p₂ − l₂)²)
 * </pre>
 *
 * <p><b>Test.</b> The table is [[successesA, totalA − successesA], [successesB, totalB − successesB]].
 * When every expected count is at least {@value #MIN_EXPECTED} it is Pearson's chi-square test
 * without continuity correction ({@link ChiSquare#test2x2}); otherwise Fisher's exact test,
 * two-sided ({@link FisherExact#twoSided}).
 *
 * <p><b>Degenerate input.</b> Nothing returned is NaN.
 * <ul>
 *   <li>A group with total 0: its share is reported as 0, the difference as 0, the interval as
 *       [−1, 1] with method {@value ProportionComparison#EMPTY_GROUP}; the test is Fisher's (an
 *       expected count is 0) and gives p = 1.</li>
 *   <li>Both totals 0: likewise, p = 1.</li>
 *   <li>No successes in either group, or only successes (an all-zero column): the difference is 0,
 *       the Newcombe interval is still defined (for 0/10 against 0/20 it is (−0.1611, 0.2775)),
 *       X² = 0, the test is Fisher's and p = 1.</li>
 * </ul>
 */
public final class Proportions {
    /** The smallest expected count for which the chi-square test is used. */
    public static final double MIN_EXPECTED = 5.0;

    private Proportions() {
    }

    /** {@link #compare(int, int, int, int, double)} with 95 % confidence. */
    public static ProportionComparison compare(int successesA, int totalA, int successesB, int totalB) {
        return compare(successesA, totalA, successesB, totalB, 0.95);
    }

    /**
     * Compares successesA / totalA with successesB / totalB.
     *
     * @param confidence the confidence level of the interval, in (0, 1)
     * @throws IllegalArgumentException for negative counts, successes above their total or a
     *                                  confidence outside (0, 1)
     */
    public static ProportionComparison compare(int successesA, int totalA, int successesB, int totalB,
                                               double confidence) {
        Checks.counts(successesA, totalA, "A: ");
        Checks.counts(successesB, totalB, "B: ");
        ProportionInterval a = Wilson.interval(successesA, totalA, confidence);
        ProportionInterval b = Wilson.interval(successesB, totalB, confidence);

        int failuresA = totalA - successesA;
        int failuresB = totalB - successesB;
        ChiSquareResult chi = ChiSquare.test2x2(successesA, failuresA, successesB, failuresB);
        String test;
        double p;
        if (chi.minExpected() >= MIN_EXPECTED) {
            test = ProportionComparison.CHI_SQUARE;
            p = chi.pValue();
        } else {
            test = ProportionComparison.FISHER_EXACT;
            p = FisherExact.twoSided(successesA, failuresA, successesB, failuresB);
        }

        if (totalA == 0 || totalB == 0) {
            return new ProportionComparison(a.share(), b.share(), 0.0, -1.0, 1.0,
                    ProportionComparison.EMPTY_GROUP, test, chi.statistic(), p);
        }
        double d = a.share() - b.share();
        double low = d - Math.hypot(a.share() - a.low(), b.high() - b.share());
        double high = d + Math.hypot(a.high() - a.share(), b.share() - b.low());
        return new ProportionComparison(a.share(), b.share(), d, Math.max(-1.0, low), Math.min(1.0, high),
                ProportionComparison.NEWCOMBE, test, chi.statistic(), p);
    }
}
