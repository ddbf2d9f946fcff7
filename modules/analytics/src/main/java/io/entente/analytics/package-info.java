/**
 * Corpus analytics over the per-document JSON reports.
 *
 * <ul>
 *   <li>{@link io.entente.analytics.Corpus}: loads a reports folder, keeping per document only what the
 *       analyses need ({@link io.entente.analytics.CorpusDocument}).</li>
 *   <li>{@link io.entente.analytics.Comparison}: two groups of documents
 *       ({@link io.entente.analytics.Selection}: a document id, a date range and/or a tag) compared per theme,
 *       country and country pair, with intervals, tests and profile similarity; JSON and Markdown.</li>
 *   <li>{@link io.entente.analytics.Trends}: theme shares per {@link io.entente.analytics.Period} with the
 *       document as the unit (mean document shares with t intervals over the documents), trends,
 *       Mann–Kendall, Sen's slope, change points and country-pair trends; JSON, CSV, Markdown and SVG charts.</li>
 * </ul>
 *
 * <p>The statistics come from {@code io.entente.stats}; every rendering is deterministic (numbers with
 * {@code Locale.ROOT} and fixed decimals, "\n" line ends except the RFC 4180 CSV).
 */
package io.entente.analytics;
