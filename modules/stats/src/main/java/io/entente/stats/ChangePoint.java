package io.entente.stats;

/**
 * The comparison of one period with the next.
 *
 * @param fromPeriod     index of the earlier period (0-based, in the order given)
 * @param toPeriod       index of the later period, {@code fromPeriod + 1}
 * @param shareFrom      the share in the earlier period (0 when it has no documents)
 * @param shareTo        the share in the later period (0 when it has no documents)
 * @param difference     shareTo − shareFrom (0 when either period has no documents)
 * @param ciLow          lower bound of the Newcombe interval of the difference
 * @param ciHigh         upper bound of that interval
 * @param test           the test used, {@value ProportionComparison#CHI_SQUARE} or
 *                       {@value ProportionComparison#FISHER_EXACT}
 * @param pValue         the raw two-sided p-value of the pair
 * @param adjustedPValue the Holm-adjusted p-value over all consecutive pairs
 * @param significant    whether {@code adjustedPValue < alpha}
 */
public record ChangePoint(int fromPeriod, int toPeriod, double shareFrom, double shareTo, double difference,
                          double ciLow, double ciHigh, String test, double pValue, double adjustedPValue,
                          boolean significant) {
}
