package io.entente.stats;

/**
 * Spearman's rank correlation with its test.
 *
 * <p>{@code rho} and {@code pValue} are {@code null} with fewer than 3 pairs or when x or y has no
 * variation (every value tied): the correlation is not defined then.
 *
 * @param rho    Pearson's correlation of the ranks (ties get their average rank), in [−1, 1]
 * @param pValue two-sided p-value of H₀: rho = 0 from t = rho·sqrt((n − 2)/(1 − rho²)) with n − 2
 *               df; 0 when |rho| = 1
 * @param n      the number of pairs
 */
public record SpearmanResult(Double rho, Double pValue, int n) {
    /** Whether rho and the p-value are defined. */
    public boolean enough() {
        return rho != null;
    }
}
