package io.entente.analytics;

import io.entente.stats.DocumentComparison;
import io.entente.stats.Holm;
import io.entente.stats.LinearTrend;
import io.entente.stats.MannKendall;
import io.entente.stats.MannKendallResult;
import io.entente.stats.MeanInterval;
import io.entente.stats.PermutationTest;
import io.entente.stats.SenSlope;
import io.entente.stats.SenSlopeResult;
import io.entente.stats.ShareMean;
import io.entente.stats.Trend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Theme shares over time, with the document as the unit of inference: per period (year, quarter or
 * month) and theme, the mean over the period's documents of the share of each document's argument
 * sentences carrying the theme, with a 95 % t interval over those documents ({@link ShareMean}), and
 * the share of documents carrying it; per theme a linear trend, a Mann–Kendall test and Sen's slope
 * of those per-period means, change points (periods compared by documents) and the trends of the
 * country pairs in the theme's evidence (again per document). The pooled share of sentences is kept
 * as a descriptive figure only: no test or star rests on it. {@link #methods} says all this in the
 * output.
 *
 * <p>Build it with {@link #compute}; render it with {@link #toJson()}, {@link #toCsv()},
 * {@link #toMarkdown()} and {@link #svg(String)}. Every rendering is deterministic.
 *
 * @param by                    "year", "quarter" or "month"
 * @param theme                 the theme filter, or null for every theme
 * @param country               the country filter (code), or null
 * @param documents             the documents counted: dated (precisely enough for the period) and,
 *                              with a country filter, mentioning the country
 * @param undatedDocuments      documents left out because they have no date
 * @param impreciseDocuments    documents left out because their date has no month (by quarter or month)
 * @param otherCountryDocuments documents left out because they do not mention the filter country
 * @param methods               the unit of inference and the methods, as the renderings state them
 * @param periods               every period from the first to the last, empty ones included
 * @param themes                per theme, by id
 */
public record Trends(String by, String theme, String country, int documents, int undatedDocuments,
                     int impreciseDocuments, int otherCountryDocuments, Methods methods, List<PeriodSummary> periods,
                     List<ThemeTrend> themes) {
    /** Periods with fewer documents than this are {@code sparse}. */
    public static final int SPARSE_BELOW = 3;
    /** Significance level of the tests and change points. */
    public static final double ALPHA = 0.05;
    /** Country pairs kept per theme. */
    public static final int TOP_PAIRS = 10;
    /** What the figures and tests rest on (the same for every series). */
    public static final Methods METHODS = new Methods("document",
            "mean over the period's documents of the share of each document's argument sentences carrying the theme",
            "95 % " + ShareMean.METHOD + "; none with a single document",
            "linear trend (least squares weighted by documents), Mann-Kendall and Sen's slope on the per-period mean "
                    + "document shares",
            "consecutive periods with sentences compared by documents: permutation test exchanging documents (exact up "
                    + "to " + PermutationTest.EXACT_LIMIT + " assignments, else " + PermutationTest.RANDOM_PERMUTATIONS
                    + " seeded random ones), Welch's t from " + DocumentComparison.LARGE + " documents a period; "
                    + "Holm-adjusted, alpha " + ALPHA,
            "per period, the mean over the documents with the theme's evidence of the share of their evidence "
                    + "sentences naming both countries; Mann-Kendall on those means",
            "theme sentences / sentences of the period, pooled; descriptive only, no test uses it");

    /**
     * The unit of inference and the methods.
     *
     * @param unit          "document": documents, not sentences, are the independent observations
     * @param share         what a period's share is
     * @param interval      its interval
     * @param trend         the trend tests
     * @param changePoints  the change points
     * @param pairs         the country-pair trends
     * @param sentenceShare the descriptive sentence share
     */
    public record Methods(String unit, String share, String interval, String trend, String changePoints, String pairs,
                          String sentenceShare) {
    }

    /**
     * One period of the series.
     *
     * @param period    its name: "2019", "2019-Q3", "2019-08"
     * @param start     its first day, ISO
     * @param index     its position in the series, from 0 (the x of the trends)
     * @param documents              the documents in it
     * @param documentsWithSentences those with at least one argument sentence: the n behind the period's shares
     * @param sentences              their sentences
     * @param sparse                 fewer than {@value #SPARSE_BELOW} documents with sentences
     */
    public record PeriodSummary(String period, String start, int index, int documents, int documentsWithSentences,
                                int sentences, boolean sparse) {
    }

    /**
     * A theme in one period. Shares are null when their denominator is 0 (an empty period).
     *
     * @param documents              documents in the period
     * @param documentsWithSentences those with argument sentences: the n of {@code meanShare} and its interval
     * @param themeSentences         sentences carrying the theme
     * @param meanShare              the mean over documentsWithSentences of (a document's theme sentences /
     *                               its sentences)
     * @param ciLow                  lower bound of the 95 % t interval of meanShare over the documents (null
     *                               with a single document)
     * @param ciHigh                 upper bound of that interval
     * @param sentenceShare          themeSentences / sentences, pooled: descriptive only
     * @param documentsWithTheme     documents carrying the theme
     * @param documentShare          documentsWithTheme / documents
     * @param evidenceSentences      evidence sentences of the theme
     * @param evidenceDocuments      documents with evidence of the theme (the n of the pair shares)
     */
    public record ThemePeriod(String period, String start, int documents, int documentsWithSentences, int sentences,
                              int themeSentences, Double meanShare, Double ciLow, Double ciHigh, Double sentenceShare,
                              int documentsWithTheme, Double documentShare, int evidenceSentences,
                              int evidenceDocuments, boolean sparse) {
    }

    /**
     * Weighted least-squares line of the mean document share on the period index (weights: documents
     * with sentences per period; empty periods left out). Slopes are shares per period (0.01 = one percentage point).
     * Null fields: not enough periods.
     */
    public record Linear(Double slope, Double ciLow, Double ciHigh, Double pValue, Double intercept, int points,
                         boolean significant) {
    }

    /** The Mann–Kendall test of a series (null fields: fewer than 3 points). */
    public record MannKendallSummary(long s, Double z, Double tau, Double pValue, int points, boolean significant) {
    }

    /**
     * A significant change between two consecutive periods that have sentences (empty periods in
     * between are skipped), Holm-adjusted over all such pairs of the theme. The periods are compared
     * by documents (see {@link DocumentComparison}): {@code shareFrom} and {@code shareTo} are the mean
     * share of a document's sentences carrying the theme, the test exchanges documents between the two
     * periods, so one long paper cannot make a change on its own.
     */
    public record Change(String from, String to, double shareFrom, double shareTo, double difference, double ciLow,
                         double ciHigh, String test, double pValue, double adjustedPValue) {
    }

    /**
     * A pair of countries named together in the theme's evidence sentences.
     *
     * @param pair        "JPN-KOR" (codes in order)
     * @param name        "Japan – South Korea"
     * @param total          evidence sentences naming both, over the series
     * @param counts         per period, evidence sentences naming both
     * @param documentCounts per period, documents whose evidence names both
     * @param shares         per period, the mean over the documents with the theme's evidence of the share of
     *                       their evidence sentences naming both (null when no document has evidence)
     * @param mannKendall    the Mann–Kendall test of the shares over the periods with evidence
     */
    public record PairTrend(String pair, String name, int total, List<Integer> counts, List<Integer> documentCounts,
                            List<Double> shares, MannKendallSummary mannKendall) {
    }

    /**
     * One theme over the series.
     *
     * @param themeSentences     sentences carrying it, over the series
     * @param documentsWithTheme documents carrying it, over the series
     * @param periods            per period, in time order, empty ones included
     * @param linear             the linear trend of the mean document share
     * @param mannKendall        the Mann–Kendall test of the mean document share over the periods with sentences
     * @param senSlope           Sen's slope of the share on the period index, same periods (null with fewer than 2)
     * @param changePoints       the significant changes
     * @param pairs              the top {@value #TOP_PAIRS} country pairs of the evidence, by total
     */
    public record ThemeTrend(String id, String name, String polarity, int themeSentences, int documentsWithTheme,
                             List<ThemePeriod> periods, Linear linear, MannKendallSummary mannKendall, Double senSlope,
                             List<Change> changePoints, List<PairTrend> pairs) {
        /** Whether any sentence in the series carries the theme. */
        public boolean hasData() {
            return themeSentences > 0;
        }
    }

    /**
     * Computes the series.
     *
     * @param by      the period length
     * @param theme   only this theme (it must occur in the corpus)
     * @param country only documents mentioning this country (ISO alpha-3, any case)
     * @throws IllegalArgumentException for an unknown theme, a country no document mentions, or when
     *                                  no document is dated (precisely enough for the period)
     */
    public static Trends compute(Corpus corpus, Period by, Optional<String> theme, Optional<String> country) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(by, "by");
        String themeFilter = theme == null ? null : theme.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String countryFilter = country == null ? null
                : country.map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse(null);
        if (themeFilter != null && !corpus.themes().containsKey(themeFilter)) {
            throw new IllegalArgumentException("unknown theme '" + themeFilter + "': no report carries it"
                    + (corpus.themes().isEmpty() ? "" : "; themes in the reports: " + String.join(", ", corpus.themes().keySet())));
        }
        if (countryFilter != null && corpus.documents().stream().noneMatch(d -> d.mentions(countryFilter))) {
            throw new IllegalArgumentException("no document mentions country '" + countryFilter + "'");
        }
        int undated = 0;
        int imprecise = 0;
        int otherCountry = 0;
        TreeMap<Integer, List<CorpusDocument>> byKey = new TreeMap<>();
        for (CorpusDocument d : corpus.documents()) {
            if (countryFilter != null && !d.mentions(countryFilter)) {
                otherCountry++;
            } else if (!d.dated()) {
                undated++;
            } else if (!by.places(d)) {
                imprecise++;
            } else {
                byKey.computeIfAbsent(by.key(d), k -> new ArrayList<>()).add(d);
            }
        }
        if (byKey.isEmpty()) {
            String why = corpus.size() == 0 ? "there are no reports"
                    : undated + " undated" + (imprecise > 0 ? ", " + imprecise + " dated only to the year" : "")
                    + (otherCountry > 0 ? ", " + otherCountry + " not mentioning " + countryFilter : "");
            throw new IllegalArgumentException("no dated documents to show by " + by.label() + " (" + why + ")");
        }
        int firstKey = byKey.firstKey();
        int lastKey = byKey.lastKey();
        int n = lastKey - firstKey + 1;
        List<List<CorpusDocument>> docs = new ArrayList<>(n);
        List<PeriodSummary> periods = new ArrayList<>(n);
        int included = 0;
        for (int i = 0; i < n; i++) {
            int key = firstKey + i;
            List<CorpusDocument> list = byKey.getOrDefault(key, List.of());
            docs.add(list);
            included += list.size();
            int sentences = list.stream().mapToInt(CorpusDocument::sentenceCount).sum();
            int withSentences = (int) list.stream().filter(d -> d.sentenceCount() > 0).count();
            periods.add(new PeriodSummary(by.label(key), by.start(key).toString(), i, list.size(), withSentences,
                    sentences, withSentences < SPARSE_BELOW));
        }

        TreeMap<String, Corpus.ThemeInfo> themeInfo = new TreeMap<>();
        if (themeFilter != null) {
            themeInfo.put(themeFilter, corpus.themes().get(themeFilter));
        } else {
            docs.forEach(list -> list.forEach(d -> d.themes().values().forEach(
                    t -> themeInfo.putIfAbsent(t.id(), corpus.themes().get(t.id())))));
        }
        List<ThemeTrend> themes = new ArrayList<>();
        for (Corpus.ThemeInfo info : themeInfo.values()) {
            themes.add(theme(info, periods, docs, corpus));
        }
        return new Trends(by.label(), themeFilter, countryFilter, included, undated, imprecise, otherCountry, METHODS,
                List.copyOf(periods), List.copyOf(themes));
    }

    private static ThemeTrend theme(Corpus.ThemeInfo info, List<PeriodSummary> periods, List<List<CorpusDocument>> docs,
                                    Corpus corpus) {
        int n = periods.size();
        List<ThemePeriod> rows = new ArrayList<>(n);
        int[] hits = new int[n];
        int[] totals = new int[n];
        int[] evidence = new int[n];
        int[] evidenceDocs = new int[n];
        double[] y = new double[n];
        Map<String, int[]> pairCounts = new TreeMap<>();
        Map<String, int[]> pairDocuments = new TreeMap<>();
        // Per pair and period: the sum over documents of the share of their evidence naming the pair.
        Map<String, double[]> pairShareSums = new TreeMap<>();
        int allSentences = 0;
        int allDocuments = 0;
        for (int i = 0; i < n; i++) {
            PeriodSummary p = periods.get(i);
            int withTheme = 0;
            for (CorpusDocument d : docs.get(i)) {
                DocumentTheme t = d.themes().get(info.id());
                if (t == null) {
                    continue;
                }
                hits[i] += t.sentences().size();
                if (!t.sentences().isEmpty()) {
                    withTheme++;
                }
                Map<String, Integer> inDocument = new TreeMap<>();
                for (Evidence e : t.evidence()) {
                    evidence[i]++;
                    for (String pair : CorpusDocument.pairs(e.actors())) {
                        pairCounts.computeIfAbsent(pair, k -> new int[n])[i]++;
                        inDocument.merge(pair, 1, Integer::sum);
                    }
                }
                if (!t.evidence().isEmpty()) {
                    evidenceDocs[i]++;
                    double size = t.evidence().size();
                    for (Map.Entry<String, Integer> e : inDocument.entrySet()) {
                        pairDocuments.computeIfAbsent(e.getKey(), k -> new int[n])[i]++;
                        pairShareSums.computeIfAbsent(e.getKey(), k -> new double[n])[i] += e.getValue() / size;
                    }
                }
            }
            totals[i] = p.sentences();
            allSentences += hits[i];
            allDocuments += withTheme;
            Double mean = null;
            Double low = null;
            Double high = null;
            double[] shares = documentShares(docs.get(i), info.id());
            if (shares.length > 0) {
                MeanInterval m = ShareMean.interval(shares, 0.95);
                mean = m.mean();
                low = m.low();
                high = m.high();
                y[i] = m.mean();
            }
            Double sentenceShare = totals[i] == 0 ? null : (double) hits[i] / totals[i];
            Double documentShare = p.documents() == 0 ? null : (double) withTheme / p.documents();
            rows.add(new ThemePeriod(p.period(), p.start(), p.documents(), p.documentsWithSentences(), totals[i], hits[i],
                    mean, low, high, sentenceShare, withTheme, documentShare, evidence[i], evidenceDocs[i], p.sparse()));
        }

        // Linear trend of the mean document shares on all periods, weighted by the documents behind each mean
        // (weight 0 leaves empty periods out): a period's share is as trustworthy as the number of papers behind it,
        // not the number of their sentences.
        double[] x = new double[n];
        double[] w = new double[n];
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = i;
            w[i] = totals[i] == 0 ? 0 : periods.get(i).documentsWithSentences();
            if (totals[i] > 0) {
                nonEmpty.add(i);
            }
        }
        LinearTrend lt = Trend.linear(x, y, w, 0.95);
        Linear linear = new Linear(lt.slope(), lt.slopeCiLow(), lt.slopeCiHigh(), lt.pValue(), lt.intercept(), lt.n(),
                lt.pValue() != null && lt.pValue() < ALPHA);
        if (lt.pValue() != null && nonEmpty.stream().mapToDouble(i -> y[i]).distinct().count() == 1) {
            // Every share equal: a perfect flat fit. Rounding in the weighted means can leave a slope of
            // 1e-18 that Trend would call a perfect non-zero fit (p = 0); report it as flat.
            double level = y[nonEmpty.get(0)];
            linear = new Linear(0.0, 0.0, 0.0, 1.0, level, lt.n(), false);
        }

        double[] xs = nonEmpty.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] ys = nonEmpty.stream().mapToDouble(i -> y[i]).toArray();
        MannKendallSummary mk = mannKendall(ys);
        SenSlopeResult sen = SenSlope.estimate(xs, ys);

        // Consecutive periods with sentences, compared by documents (later against earlier), Holm over the pairs.
        List<DocumentComparison> steps = new ArrayList<>();
        for (int k = 0; k + 1 < nonEmpty.size(); k++) {
            steps.add(DocumentComparison.compare(documentShares(docs.get(nonEmpty.get(k + 1)), info.id()),
                    documentShares(docs.get(nonEmpty.get(k)), info.id())));
        }
        double[] adjusted = Holm.adjust(steps.stream().mapToDouble(DocumentComparison::pValue).toArray());
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            DocumentComparison c = steps.get(k);
            if (adjusted[k] < ALPHA) {
                changes.add(new Change(periods.get(nonEmpty.get(k)).period(), periods.get(nonEmpty.get(k + 1)).period(),
                        c.meanB(), c.meanA(), c.difference(), c.ciLow(), c.ciHigh(), c.test(), c.pValue(), adjusted[k]));
            }
        }

        List<PairTrend> pairs = new ArrayList<>();
        for (Map.Entry<String, int[]> e : pairCounts.entrySet()) {
            int[] counts = e.getValue();
            int[] documentCounts = pairDocuments.get(e.getKey());
            double[] sums = pairShareSums.get(e.getKey());
            int total = 0;
            List<Integer> countList = new ArrayList<>(n);
            List<Integer> documentList = new ArrayList<>(n);
            List<Double> shares = new ArrayList<>(n);
            List<Double> series = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                total += counts[i];
                countList.add(counts[i]);
                documentList.add(documentCounts[i]);
                Double s = evidenceDocs[i] == 0 ? null : sums[i] / evidenceDocs[i];
                shares.add(s);
                if (s != null) {
                    series.add(s);
                }
            }
            String pair = e.getKey();
            int dash = pair.indexOf('-');
            String name = corpus.countryName(pair.substring(0, dash)) + " \u2013 " + corpus.countryName(pair.substring(dash + 1));
            pairs.add(new PairTrend(pair, name, total, countList, List.copyOf(documentList),
                    java.util.Collections.unmodifiableList(shares),
                    mannKendall(series.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        pairs.sort(Comparator.comparingInt((PairTrend p) -> -p.total()).thenComparing(PairTrend::pair));
        List<PairTrend> top = List.copyOf(pairs.subList(0, Math.min(TOP_PAIRS, pairs.size())));
        return new ThemeTrend(info.id(), info.name(), info.polarity(), allSentences, allDocuments, List.copyOf(rows),
                linear, mk, sen.slope(), List.copyOf(changes), top);
    }

    /** Per document with sentences: the share of its sentences carrying the theme. */
    private static double[] documentShares(List<CorpusDocument> docs, String themeId) {
        return docs.stream().filter(d -> d.sentenceCount() > 0).mapToDouble(d -> {
            DocumentTheme t = d.themes().get(themeId);
            return t == null ? 0 : (double) t.sentences().size() / d.sentenceCount();
        }).toArray();
    }

    private static MannKendallSummary mannKendall(double[] series) {
        MannKendallResult r = MannKendall.test(series);
        return new MannKendallSummary(r.s(), r.z(), r.tau(), r.pValue(), r.n(), r.pValue() != null && r.pValue() < ALPHA);
    }

    /** The theme with this id. */
    public Optional<ThemeTrend> themeTrend(String themeId) {
        return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
    }

    /** The series as pretty-printed JSON (this record's fields), ending with a line break. */
    public String toJson() {
        return Format.json(this);
    }

    /** The CSV header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "period,period_start,documents,sentences,theme_id,polarity,"
            + "documents_with_sentences,unit,mean_share,ci_low,ci_high,ci_method,theme_sentences,sentence_share,"
            + "documents_with_theme,document_share,sparse";
    /** The {@code ci_method} column of {@link #toCsv()}. */
    public static final String CSV_CI_METHOD = "t-by-document";

    /**
     * Tidy long CSV (RFC 4180, CRLF line ends, UTF-8): a header, then one row per period and theme,
     * in period order and theme id order within a period. {@code unit} is {@code document};
     * {@code mean_share} is the mean of the documents' theme shares and {@code ci_low}/{@code ci_high}
     * its 95 % t interval over the documents ({@code ci_method} {@value #CSV_CI_METHOD}; empty with a
     * single document); {@code sentence_share} is the pooled share of sentences, descriptive only.
     * Shares have 6 decimals and are empty when their denominator is 0; {@code sparse} is
     * {@code true} or {@code false}.
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("\r\n");
        for (int i = 0; i < periods.size(); i++) {
            for (ThemeTrend t : themes) {
                ThemePeriod p = t.periods().get(i);
                b.append(Format.csv(p.period())).append(',').append(p.start()).append(',').append(p.documents()).append(',')
                        .append(p.sentences()).append(',').append(Format.csv(t.id())).append(',')
                        .append(Format.csv(t.polarity())).append(',').append(p.documentsWithSentences()).append(',')
                        .append(methods.unit()).append(',').append(decimal(p.meanShare())).append(',')
                        .append(decimal(p.ciLow())).append(',').append(decimal(p.ciHigh())).append(',').append(CSV_CI_METHOD)
                        .append(',').append(p.themeSentences()).append(',').append(decimal(p.sentenceShare())).append(',')
                        .append(p.documentsWithTheme()).append(',').append(decimal(p.documentShare())).append(',')
                        .append(p.sparse()).append("\r\n");
            }
        }
        return b.toString();
    }

    private static String decimal(Double v) {
        return v == null ? "" : Format.fixed(v, 6);
    }

    /** {@link #toMarkdown(String)} without chart links. */
    public String toMarkdown() {
        return toMarkdown(null);
    }

    /**
     * The series for people: an overview, then per theme a table of periods and the trend lines.
     *
     * @param chartsPrefix when not null, each theme with data links its chart at
     *                     {@code chartsPrefix + chartFileName(id)} (for example "charts/")
     */
    public String toMarkdown(String chartsPrefix) {
        StringBuilder md = new StringBuilder();
        String unit = by;
        md.append("# Theme trends by ").append(unit).append("\n\n");
        PeriodSummary first = periods.get(0);
        PeriodSummary last = periods.get(periods.size() - 1);
        int empty = (int) periods.stream().filter(p -> p.documents() == 0).count();
        md.append(documents).append(documents == 1 ? " document" : " documents").append(", ").append(first.period());
        if (periods.size() > 1) {
            md.append(" to ").append(last.period());
        }
        md.append(" (").append(periods.size()).append(periods.size() == 1 ? " period" : " periods");
        if (empty > 0) {
            md.append(", ").append(empty).append(" without documents");
        }
        md.append(").");
        if (country != null) {
            md.append(" Only documents mentioning ").append(country).append(" (").append(otherCountryDocuments)
                    .append(" others left out).");
        }
        if (theme != null) {
            md.append(" Theme `").append(theme).append("` only.");
        }
        md.append("\n\n");
        md.append("Left out: ").append(undatedDocuments).append(undatedDocuments == 1 ? " undated document" : " undated documents");
        if (impreciseDocuments > 0) {
            md.append(", ").append(impreciseDocuments).append(" dated only to the year");
        }
        md.append(".\n\n");
        md.append("Unit of inference: the document. A period's share is the mean over its documents of the share of "
                        + "each document's argument sentences carrying the theme, with a 95 % t interval over those "
                        + "documents (n \u2212 1 degrees of freedom, clipped to [0, 100 %]; none for a single document); "
                        + "\u2020 marks sparse periods (fewer than ")
                .append(SPARSE_BELOW).append(" documents with sentences). The pooled share of sentences is shown for "
                        + "description only; no test uses it. Linear trend: least squares of the mean share on the period, "
                        + "weighted by documents. Mann\u2013Kendall test and Sen's slope on the mean shares of the periods "
                        + "with sentences. Change points: consecutive periods with sentences compared by documents "
                        + "(permutation test exchanging documents, Welch's t from "
                        + DocumentComparison.LARGE + " documents a period), Holm-adjusted, \u03b1 = 0.05. Country pairs: "
                        + "per period, the mean over the documents with the theme's evidence of the share of their evidence "
                        + "naming both.\n\n");

        md.append("| ").append(capitalize(unit)).append(" | Documents | With sentences | Sentences | |\n|---|---:|---:|---:|---|\n");
        for (PeriodSummary p : periods) {
            md.append("| ").append(p.period()).append(" | ").append(p.documents()).append(" | ")
                    .append(p.documentsWithSentences()).append(" | ").append(p.sentences())
                    .append(" | ").append(p.sparse() ? "\u2020" : "").append(" |\n");
        }
        md.append('\n');
        if (themes.isEmpty()) {
            md.append("No theme in these documents.\n");
        }
        for (ThemeTrend t : themes) {
            md.append("## ").append(Format.oneLine(t.name())).append(" (`").append(t.id()).append("`, ")
                    .append(t.polarity()).append(")\n\n");
            if (chartsPrefix != null && t.hasData()) {
                md.append("![").append(Format.oneLine(t.name()).replace("]", "\\]")).append("](").append(chartsPrefix)
                        .append(chartFileName(t.id())).append(")\n\n");
            }
            md.append("| ").append(capitalize(unit)).append(" | Documents | Mean share % | 95 % CI (by document) "
                    + "| Documents with theme | Document share % | Theme sentences | Sentences | Sentence share % | |\n");
            md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
            for (ThemePeriod p : t.periods()) {
                md.append("| ").append(p.period()).append(" | ").append(p.documentsWithSentences()).append(" | ")
                        .append(p.meanShare() == null ? "\u2013" : Format.percent(p.meanShare())).append(" | ")
                        .append(p.ciLow() == null ? "\u2013" : "[" + Format.percent(p.ciLow()) + ", " + Format.percent(p.ciHigh()) + "]")
                        .append(" | ").append(p.documentsWithTheme()).append(" | ")
                        .append(p.documentShare() == null ? "\u2013" : Format.percent(p.documentShare())).append(" | ")
                        .append(p.themeSentences()).append(" | ").append(p.sentences()).append(" | ")
                        .append(p.sentenceShare() == null ? "\u2013" : Format.percent(p.sentenceShare())).append(" | ")
                        .append(p.sparse() ? "\u2020" : "").append(" |\n");
            }
            md.append('\n');
            Linear l = t.linear();
            md.append("- Linear trend: ");
            if (l.slope() == null) {
                md.append("not enough periods with sentences.\n");
            } else {
                md.append(Format.points(l.slope(), 2)).append(" pp per ").append(unit);
                if (l.pValue() != null) {
                    md.append(" (95 % CI [").append(Format.points(l.ciLow(), 2)).append(", ").append(Format.points(l.ciHigh(), 2))
                            .append("]), ").append(Format.pIs(l.pValue())).append(l.significant() ? " *" : "");
                }
                md.append('\n');
            }
            MannKendallSummary mk = t.mannKendall();
            md.append("- Mann\u2013Kendall: ");
            if (mk.pValue() == null) {
                md.append("fewer than 3 periods with sentences");
            } else {
                md.append("\u03c4 = ").append(Format.signed(mk.tau(), 2)).append(", ").append(Format.pIs(mk.pValue()))
                        .append(mk.significant() ? " *" : "");
            }
            if (t.senSlope() != null) {
                md.append("; Sen's slope ").append(Format.points(t.senSlope(), 2)).append(" pp per ").append(unit);
            }
            md.append('\n');
            md.append("- Change points: ");
            if (t.changePoints().isEmpty()) {
                md.append("none\n");
            } else {
                List<String> parts = new ArrayList<>();
                for (Change c : t.changePoints()) {
                    parts.add(c.from() + " \u2192 " + c.to() + ": " + Format.percent(c.shareFrom()) + " % \u2192 "
                            + Format.percent(c.shareTo()) + " % (" + Format.points(c.difference()) + " pp, Holm-adjusted "
                            + Format.pIs(c.adjustedPValue()) + ")");
                }
                md.append(String.join("; ", parts)).append('\n');
            }
            md.append('\n');
            if (!t.pairs().isEmpty()) {
                md.append("Country pairs named together in the evidence (top ").append(t.pairs().size())
                        .append("; trend of the mean over documents of the share of their evidence naming both):\n\n");
                md.append("| Pair | Documents | Evidence sentences | Mann\u2013Kendall \u03c4 | p |\n|---|---:|---:|---:|---:|\n");
                for (PairTrend p : t.pairs()) {
                    md.append("| ").append(Format.cell(p.name())).append(" (").append(p.pair()).append(") | ")
                            .append(p.documentCounts().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                            .append(p.total()).append(" | ")
                            .append(p.mannKendall().tau() == null ? "n/a" : Format.signed(p.mannKendall().tau(), 2))
                            .append(" | ").append(Format.p(p.mannKendall().pValue())).append(" |\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /**
     * A standalone SVG chart of the theme's mean document share: see {@link TrendsSvg}.
     *
     * @throws IllegalArgumentException for a theme not in the series
     */
    public String svg(String themeId) {
        ThemeTrend t = themeTrend(themeId).orElseThrow(() -> new IllegalArgumentException(
                "theme '" + themeId + "' is not in the series"));
        return TrendsSvg.render(this, t);
    }

    /**
     * The file name of a theme's chart: the id with characters other than letters, digits, '.', '_'
     * and '-' replaced by '-', and ".svg" ({@code history.legacy} → {@code history.legacy.svg}).
     */
    public static String chartFileName(String themeId) {
        String safe = themeId.replaceAll("[^A-Za-z0-9._-]", "-").replace("..", "-");
        if (safe.startsWith(".")) {
            safe = "-" + safe.substring(1);
        }
        return safe + ".svg";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Theme ids in the series (for callers that write one chart per theme). */
    public List<String> themeIds() {
        return themes.stream().map(ThemeTrend::id).toList();
    }
}
