package io.entente.stats;

/**
 * Sen's slope estimate.
 *
 * @param slope     the median of the pairwise slopes (y_j − y_i)/(x_j − x_i) over pairs with
 *                  x_i ≠ x_j; null when there is no such pair
 * @param intercept median(y) − slope·median(x) (Conover 1980); null when the slope is null
 * @param pairs     the number of pairwise slopes
 * @param n         the number of points
 */
public record SenSlopeResult(Double slope, Double intercept, long pairs, int n) {
}
