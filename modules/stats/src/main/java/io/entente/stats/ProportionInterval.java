package io.entente.stats;

/**
 * A proportion with its confidence interval.
 *
 * @param successes  the count of successes
 * @param total      the count of trials; when 0, {@code share} is 0 and the interval is [0, 1]
 * @param share      successes / total (0 when total is 0)
 * @param low        the lower bound, in [0, 1]
 * @param high       the upper bound, in [0, 1]
 * @param confidence the confidence level, for example 0.95
 */
public record ProportionInterval(int successes, int total, double share, double low, double high,
                                 double confidence) {
}
