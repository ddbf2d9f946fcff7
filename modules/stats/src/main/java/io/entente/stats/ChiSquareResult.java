package io.entente.stats;

/**
 * Pearson's chi-square test of a 2×2 table.
 *
 * @param statistic X², with 1 degree of freedom (0 when a row or column total is 0)
 * @param pValue    P(χ²₁ ≥ X²) (1 when a row or column total is 0)
 * @param minExpected the smallest expected cell count under independence (0 for an empty margin);
 *                    the chi-square approximation is usually trusted when it is at least 5
 */
public record ChiSquareResult(double statistic, double pValue, double minExpected) {
}
