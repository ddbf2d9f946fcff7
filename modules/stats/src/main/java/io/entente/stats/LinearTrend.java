package io.entente.stats;

/**
 * A least-squares line y = intercept + slope·x with inference on the slope.
 *
 * <p>Fields that are not defined for the data are {@code null}, never NaN:
 * <ul>
 *   <li>{@code slope} and {@code intercept} are null with fewer than 2 points or when every x is
 *       equal;</li>
 *   <li>{@code slopeCiLow}, {@code slopeCiHigh} and {@code pValue} are null with fewer than 3
 *       points (no residual degree of freedom) or when the slope is null.</li>
 * </ul>
 *
 * @param slope       the estimated slope
 * @param intercept   the estimated intercept
 * @param slopeCiLow  lower bound of the t-based confidence interval of the slope (n − 2 df)
 * @param slopeCiHigh upper bound of that interval
 * @param pValue      two-sided p-value of H₀: slope = 0 (t test, n − 2 df); with a perfect fit it
 *                    is 0 for a non-zero slope and 1 for a zero slope
 * @param n           the number of points used (points with weight 0 are not counted)
 */
public record LinearTrend(Double slope, Double intercept, Double slopeCiLow, Double slopeCiHigh, Double pValue,
                         int n) {
    /** Whether there were enough points (and spread in x) for the interval and p-value. */
    public boolean enough() {
        return pValue != null;
    }
}
