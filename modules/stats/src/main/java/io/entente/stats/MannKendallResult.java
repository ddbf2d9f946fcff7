package io.entente.stats;

/**
 * The Mann–Kendall test for a monotonic trend in a series.
 *
 * <p>With fewer than 3 values there is not enough for a test: {@code z}, {@code pValue} and
 * {@code tau} are {@code null} (S and Var(S) are still reported). When every value is equal,
 * Var(S) = 0 and the result is S = 0, z = 0, p = 1, tau = 0.
 *
 * @param s      S = Σ_{i&lt;j} sign(y_j − y_i); positive for an increasing series
 * @param varS   Var(S) under H₀ with the tie correction,
 *               [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over the groups of t tied values
 * @param z      the continuity-corrected statistic: (S − 1)/√Var for S &gt; 0, (S + 1)/√Var for
 *               S &lt; 0, 0 for S = 0
 * @param pValue two-sided p-value from the standard normal distribution
 * @param tau    Kendall's tau-a, S / (n(n−1)/2)
 * @param n      the length of the series
 */
public record MannKendallResult(long s, double varS, Double z, Double pValue, Double tau, int n) {
    /** Whether the series had at least 3 values, so that z, p and tau are reported. */
    public boolean enough() {
        return pValue != null;
    }
}
