/**
 * Small, pure statistics for comparing theme shares between groups of documents and over time.
 *
 * <p>Every class is a stateless utility with static methods; every result is an immutable record.
 * Nothing here returns {@code NaN}: a quantity that is not defined for the input (too few points,
 * no variation) is reported as {@code null} in a {@link java.lang.Double} field, or, where a
 * conventional value exists, as that value (p = 1 for a table or series that carries no
 * information). Invalid input (negative counts, successes above the total, arrays of different
 * lengths, non-finite values, a confidence or alpha outside (0, 1)) throws
 * {@link java.lang.IllegalArgumentException}.
 *
 * <ul>
 *   <li>{@link io.entente.stats.Wilson}: Wilson score interval of one proportion.</li>
 *   <li>{@link io.entente.stats.ShareMean}: mean of per-document shares with a t interval over the
 *       documents.</li>
 *   <li>{@link io.entente.stats.Proportions}: difference of two proportions with Newcombe's hybrid
 *       score interval and a chi-square or Fisher exact test.</li>
 *   <li>{@link io.entente.stats.ChiSquare}, {@link io.entente.stats.FisherExact}: tests on a 2×2 table.</li>
 *   <li>{@link io.entente.stats.Trend}: (weighted) least-squares linear trend with a slope interval.</li>
 *   <li>{@link io.entente.stats.MannKendall}, {@link io.entente.stats.SenSlope}: monotonic trend
 *       test and robust slope.</li>
 *   <li>{@link io.entente.stats.Spearman}: rank correlation with a t-approximation p-value.</li>
 *   <li>{@link io.entente.stats.Similarity}: cosine similarity of vectors and sparse maps.</li>
 *   <li>{@link io.entente.stats.Holm}, {@link io.entente.stats.ChangePoints}: Holm–Bonferroni
 *       adjustment and periods of significant change in a share.</li>
 * </ul>
 */
package io.entente.stats;
