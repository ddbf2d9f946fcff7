package io.entente.stats;

/**
 * The mean of per-cluster values (for example one theme share per document) with a confidence
 * interval that treats the clusters, not their sentences, as the independent draws.
 *
 * @param n          the number of values (clusters)
 * @param mean       their mean
 * @param sd         their sample standard deviation (n − 1 in the denominator); null with one value
 * @param low        lower bound of the interval; null with one value (no spread to estimate)
 * @param high       upper bound of the interval; null with one value
 * @param confidence the confidence level, for example 0.95
 */
public record MeanInterval(int n, double mean, Double sd, Double low, Double high, double confidence) {
}
