package io.entente.stats;

/**
 * Two proportions compared: A = successesA / totalA against B = successesB / totalB.
 *
 * @param shareA     successesA / totalA (0 when totalA is 0)
 * @param shareB     successesB / totalB (0 when totalB is 0)
 * @param difference shareA − shareB (0 when either group is empty)
 * @param ciLow      lower bound of the confidence interval of the difference, in [−1, 1]
 * @param ciHigh     upper bound of the confidence interval of the difference, in [−1, 1]
 * @param method     how the interval was computed: {@value #NEWCOMBE} (Newcombe's hybrid score
 *                   interval), or {@value #EMPTY_GROUP} when a total is 0 and the interval is the
 *                   whole of [−1, 1]
 * @param test       the significance test used: {@value #CHI_SQUARE} when every expected count of
 *                   the 2×2 table is at least 5, otherwise {@value #FISHER_EXACT}
 * @param statistic  Pearson's X² of the 2×2 table (1 df), whatever the test; 0 when a row or
 *                   column of the table is empty. For Fisher's test it is descriptive only.
 * @param pValue     the two-sided p-value of the test, in [0, 1]
 */
public record ProportionComparison(double shareA, double shareB, double difference, double ciLow, double ciHigh,
                                   String method, String test, double statistic, double pValue) {
    /** {@link #method()} of Newcombe's hybrid score interval (method 10 of Newcombe 1998). */
    public static final String NEWCOMBE = "newcombe-hybrid-score";
    /** {@link #method()} when a group has no trials: the interval is [−1, 1]. */
    public static final String EMPTY_GROUP = "empty-group";
    /** {@link #test()} of Pearson's chi-square test without continuity correction. */
    public static final String CHI_SQUARE = "chi-square";
    /** {@link #test()} of Fisher's exact test, two-sided. */
    public static final String FISHER_EXACT = "fisher-exact";
}
