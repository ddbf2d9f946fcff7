package io.entente.analytics;

import io.entente.stats.Holm;
import io.entente.stats.DocumentComparison;
import io.entente.stats.Similarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two groups of documents compared: per theme, per country and per pair of countries, the share on
 * each side, the difference A − B with its 95 % interval and a test, with the <b>document</b> as the
 * unit of inference (see {@link DocumentComparison}): each document's share of its sentences, their
 * mean per group, a permutation test that exchanges documents between the groups (Welch's t from 30
 * documents a side) and a bootstrap interval by document. Sentences of one paper are not
 * independent draws, so testing sentence counts would overstate significance. {@code significant}
 * and the Markdown star use the Holm-adjusted p; a group of fewer than {@link #FEW_DOCUMENTS}
 * documents gets a warning. Also the cosine similarity of the two theme and country profiles.
 *
 * <p>Build it with {@link #compare}; render it with {@link #toJson()} or {@link #toMarkdown()}.
 * Every field is serializable by Jackson; the output is deterministic.
 *
 * @param a          group A
 * @param b          group B
 * @param overlap    the number of documents in both groups (normally 0)
 * @param themes     every theme carried on either side, by |difference| descending, then id
 * @param countries  every country mentioned on either side, by shareA + shareB descending, then code
 * @param pairs      every pair of countries mentioned in one sentence on either side, likewise
 * @param similarity cosine similarities of the two sides' profiles
 * @param unit       the unit of inference, {@value #UNIT}
 * @param warnings   what limits the comparison (small groups, overlap), for the reader
 */
public record Comparison(Group a, Group b, int overlap, List<ThemeDifference> themes,
                         List<EntityDifference> countries, List<EntityDifference> pairs,
                         ProfileSimilarity similarity, String unit, List<String> warnings) {
    /** The unit of inference. */
    public static final String UNIT = "document";
    /** Groups smaller than this get a warning. */
    public static final int FEW_DOCUMENTS = 5;
    /** Significance level of the {@code significant} flags. */
    public static final double ALPHA = 0.05;
    /** Evidence sentences kept per theme and side. */
    public static final int QUOTES = 3;
    /** Rows of the country and pair tables in the Markdown rendering. */
    public static final int MARKDOWN_ENTITIES = 15;
    /** Themes with evidence quotes in the Markdown rendering. */
    public static final int MARKDOWN_EVIDENCE_THEMES = 5;

    /**
     * One side of the comparison.
     *
     * @param label       a short description of the selection
     * @param selection   the selection
     * @param documents   the number of documents
     * @param sentences   the number of sentences over those documents
     * @param documentIds the documents, in id order
     */
    public record Group(String label, Selection selection, int documents, int sentences, List<String> documentIds) {
    }

    /**
     * An evidence sentence.
     *
     * @param documentId the document
     * @param sentence   the sentence index in the document
     * @param text       the sentence
     * @param score      its score for the theme
     */
    public record Quote(String documentId, int sentence, String text, double score) {
    }

    /**
     * A theme on both sides. Shares are per document: the mean over the group's documents of the
     * share of each document's sentences carrying the theme; {@code difference = shareA − shareB}.
     *
     * @param sentencesA      sentences carrying the theme in A (descriptive)
     * @param shareA          mean document share in A
     * @param ciLow           lower bound of the 95 % interval of the difference
     * @param method          how the interval was computed (bootstrap by document, or Welch)
     * @param test            the permutation test by document (exact or random), or Welch's t
     * @param statistic       the observed difference (permutation) or Welch's t
     * @param pValue          the two-sided p-value of the test
     * @param pAdjusted       the p-value Holm-adjusted over all themes of the comparison
     * @param significant     {@code pAdjusted < 0.05}
     * @param documentsA      documents of A carrying the theme
     * @param documentShareA  documentsA / documents of A
     * @param evidenceA       the strongest evidence sentences of A (by score, then document id)
     */
    public record ThemeDifference(String id, String name, String polarity, int sentencesA, int sentencesB,
                                  double shareA, double shareB, double difference, double ciLow, double ciHigh,
                                  String method, String test, double statistic, double pValue, double pAdjusted,
                                  boolean significant, int documentsA, int documentsB, double documentShareA,
                                  double documentShareB, List<Quote> evidenceA, List<Quote> evidenceB) {
    }

    /**
     * A country (code "KOR") or a pair of countries (code "JPN-KOR", codes in order, counted in the
     * sentences mentioning both) on both sides; fields as in {@link ThemeDifference}, documents
     * counting those with at least one such sentence.
     */
    public record EntityDifference(String code, String name, int sentencesA, int sentencesB, double shareA,
                                   double shareB, double difference, double ciLow, double ciHigh, String method,
                                   String test, double statistic, double pValue, double pAdjusted,
                                   boolean significant, int documentsA, int documentsB) {
    }

    /**
     * Cosine similarities of the two sides' profiles (1 = the same proportions, 0 = nothing in common
     * or an empty profile).
     *
     * @param themes    over theme id → sentence share
     * @param countries over country code → share of sentences mentioning it
     */
    public record ProfileSimilarity(double themes, double countries) {
    }

    /**
     * Compares the documents selected by {@code a} with those selected by {@code b}.
     *
     * @throws IllegalArgumentException when a selection matches no document (the message names it)
     */
    public static Comparison compare(Corpus corpus, Selection a, Selection b) {
        Objects.requireNonNull(corpus, "corpus");
        List<CorpusDocument> docsA = select(corpus, a, "A");
        List<CorpusDocument> docsB = select(corpus, b, "B");
        Side sa = new Side(docsA);
        Side sb = new Side(docsB);
        Set<String> idsA = new HashSet<>();
        docsA.forEach(d -> idsA.add(d.id()));
        int overlap = (int) docsB.stream().filter(d -> idsA.contains(d.id())).count();

        Map<String, Corpus.ThemeInfo> themeInfo = new TreeMap<>();
        for (Side s : List.of(sa, sb)) {
            s.docs.forEach(d -> d.themes().values().forEach(
                    t -> themeInfo.putIfAbsent(t.id(), new Corpus.ThemeInfo(t.id(), t.polarity(), t.name()))));
        }
        List<String> themeIds = List.copyOf(themeInfo.keySet());
        List<DocumentComparison> themeTests = new ArrayList<>();
        for (String id : themeIds) {
            themeTests.add(test(sa.shares(d -> {
                DocumentTheme t = d.themes().get(id);
                return t == null ? 0 : t.sentences().size();
            }), sb.shares(d -> {
                DocumentTheme t = d.themes().get(id);
                return t == null ? 0 : t.sentences().size();
            })));
        }
        double[] themeAdjusted = Holm.adjust(themeTests.stream().mapToDouble(DocumentComparison::pValue).toArray());
        List<ThemeDifference> themes = new ArrayList<>();
        for (int i = 0; i < themeIds.size(); i++) {
            String id = themeIds.get(i);
            Corpus.ThemeInfo info = themeInfo.get(id);
            DocumentComparison c = themeTests.get(i);
            int da = sa.themeDocuments.getOrDefault(id, 0);
            int db = sb.themeDocuments.getOrDefault(id, 0);
            themes.add(new ThemeDifference(id, info.name(), info.polarity(), sa.themeSentences.getOrDefault(id, 0),
                    sb.themeSentences.getOrDefault(id, 0), c.meanA(), c.meanB(), c.difference(), c.ciLow(),
                    c.ciHigh(), c.method(), c.test(), c.statistic(), c.pValue(), themeAdjusted[i], themeAdjusted[i] < ALPHA,
                    da, db, share(da, sa.docs.size()), share(db, sb.docs.size()), sa.quotes(id), sb.quotes(id)));
        }
        themes.sort(Comparator.comparingDouble((ThemeDifference t) -> -Math.abs(t.difference()))
                .thenComparing(ThemeDifference::id));

        List<EntityDifference> countries = entities(sa, sb, sa.countrySentences, sb.countrySentences, sa.countryDocuments,
                sb.countryDocuments, (d, code) -> d.countries().containsKey(code) ? d.countries().get(code).size() : 0,
                corpus::countryName);
        // computed once per document, not once per pair and document (the pairs of a large corpus are many)
        Map<CorpusDocument, Map<String, Integer>> pairsOf = new java.util.IdentityHashMap<>();
        List<EntityDifference> pairs = entities(sa, sb, sa.pairSentences, sb.pairSentences, sa.pairDocuments,
                sb.pairDocuments, (d, pair) -> pairsOf.computeIfAbsent(d, CorpusDocument::countryPairSentences)
                        .getOrDefault(pair, 0), pair -> {
                    int dash = pair.indexOf('-');
                    return corpus.countryName(pair.substring(0, dash)) + " \u2013 " + corpus.countryName(pair.substring(dash + 1));
                });

        Map<String, Double> themeProfileA = new TreeMap<>();
        Map<String, Double> themeProfileB = new TreeMap<>();
        for (ThemeDifference t : themes) {
            themeProfileA.put(t.id(), t.shareA());
            themeProfileB.put(t.id(), t.shareB());
        }
        Map<String, Double> countryProfileA = new TreeMap<>();
        Map<String, Double> countryProfileB = new TreeMap<>();
        for (EntityDifference c : countries) {
            countryProfileA.put(c.code(), c.shareA());
            countryProfileB.put(c.code(), c.shareB());
        }
        ProfileSimilarity similarity = new ProfileSimilarity(Similarity.cosine(themeProfileA, themeProfileB),
                Similarity.cosine(countryProfileA, countryProfileB));
        List<String> warnings = new ArrayList<>();
        for (Side s : List.of(sa, sb)) {
            String side = s == sa ? "A" : "B";
            if (s.docs.size() < FEW_DOCUMENTS) {
                warnings.add("group " + side + " has " + (s.docs.size() == 1 ? "1 document" : s.docs.size() + " documents")
                        + ", fewer than " + FEW_DOCUMENTS + ": the document is the unit of inference, so no test can show "
                        + "a difference reliably (the smallest p a permutation test can reach here is "
                        + Format.p(smallestP(sa.docs.size(), sb.docs.size())) + ")");
            }
        }
        if (overlap > 0) {
            warnings.add((overlap == 1 ? "1 document is" : overlap + " documents are")
                    + " in both groups; the groups are not independent and the tests assume they are");
        }
        return new Comparison(group(a, sa), group(b, sb), overlap, List.copyOf(themes), countries, pairs, similarity,
                UNIT, List.copyOf(warnings));
    }

    /** Two-sided exact permutation test: the two most extreme of C(nA + nB, nA) assignments. */
    static double smallestP(int nA, int nB) {
        double c = 1;
        for (int i = 1; i <= nA; i++) {
            c = c * (nB + i) / i;
        }
        return Math.min(1.0, 2.0 / Math.round(c));
    }

    /** The document-level comparison; a side without a document that has sentences cannot be tested. */
    private static DocumentComparison test(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return new DocumentComparison(a.length == 0 ? 0 : mean(a), b.length == 0 ? 0 : mean(b), 0, -1, 1,
                    "none (a group has no sentences)", "none", 0, 1);
        }
        return DocumentComparison.compare(a, b);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static List<CorpusDocument> select(Corpus corpus, Selection selection, String side) {
        Objects.requireNonNull(selection, "selection " + side);
        List<CorpusDocument> docs = selection.select(corpus);
        if (docs.isEmpty()) {
            String what = selection.documentId() != null
                    ? "no document with id '" + selection.documentId() + "'"
                    : "no document matches " + selection.label();
            throw new IllegalArgumentException("group " + side + " is empty: " + what + " (among " + corpus.size()
                    + " documents" + (corpus.folder() == null ? "" : " in " + corpus.folder()) + ")");
        }
        return docs;
    }

    private static Group group(Selection s, Side side) {
        return new Group(s.label(), s, side.docs.size(), side.sentences, side.docs.stream().map(CorpusDocument::id).toList());
    }

    private static List<EntityDifference> entities(Side sa, Side sb, Map<String, Integer> sentencesA, Map<String, Integer> sentencesB,
                                                   Map<String, Integer> documentsA, Map<String, Integer> documentsB,
                                                   java.util.function.ToIntBiFunction<CorpusDocument, String> count,
                                                   java.util.function.Function<String, String> names) {
        Set<String> codes = new TreeSet<>(sentencesA.keySet());
        codes.addAll(sentencesB.keySet());
        List<String> list = List.copyOf(codes);
        List<DocumentComparison> tests = new ArrayList<>();
        for (String code : list) {
            tests.add(test(sa.shares(d -> count.applyAsInt(d, code)), sb.shares(d -> count.applyAsInt(d, code))));
        }
        double[] adjusted = Holm.adjust(tests.stream().mapToDouble(DocumentComparison::pValue).toArray());
        List<EntityDifference> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i);
            DocumentComparison c = tests.get(i);
            out.add(new EntityDifference(code, names.apply(code), sentencesA.getOrDefault(code, 0),
                    sentencesB.getOrDefault(code, 0), c.meanA(), c.meanB(), c.difference(), c.ciLow(), c.ciHigh(),
                    c.method(), c.test(), c.statistic(), c.pValue(), adjusted[i], adjusted[i] < ALPHA,
                    documentsA.getOrDefault(code, 0), documentsB.getOrDefault(code, 0)));
        }
        out.sort(Comparator.comparingDouble((EntityDifference e) -> -(e.shareA() + e.shareB()))
                .thenComparing(EntityDifference::code));
        return List.copyOf(out);
    }

    private static double share(int part, int total) {
        return total == 0 ? 0.0 : (double) part / total;
    }

    /** Counts over one group. */
    private static final class Side {
        final List<CorpusDocument> docs;
        int sentences;
        final Map<String, Integer> themeSentences = new TreeMap<>();
        final Map<String, Integer> themeDocuments = new TreeMap<>();
        final Map<String, Integer> countrySentences = new TreeMap<>();
        final Map<String, Integer> countryDocuments = new TreeMap<>();
        final Map<String, Integer> pairSentences = new TreeMap<>();
        final Map<String, Integer> pairDocuments = new TreeMap<>();

        Side(List<CorpusDocument> docs) {
            this.docs = docs;
            for (CorpusDocument d : docs) {
                sentences += d.sentenceCount();
                d.themes().forEach((id, t) -> {
                    if (!t.sentences().isEmpty()) {
                        themeSentences.merge(id, t.sentences().size(), Integer::sum);
                        themeDocuments.merge(id, 1, Integer::sum);
                    }
                });
                d.countries().forEach((code, s) -> {
                    countrySentences.merge(code, s.size(), Integer::sum);
                    countryDocuments.merge(code, 1, Integer::sum);
                });
                d.countryPairSentences().forEach((pair, n) -> {
                    pairSentences.merge(pair, n, Integer::sum);
                    pairDocuments.merge(pair, 1, Integer::sum);
                });
            }
        }

        /** Per document with sentences: count(document) / its sentences. */
        double[] shares(java.util.function.ToIntFunction<CorpusDocument> count) {
            return docs.stream().filter(d -> d.sentenceCount() > 0)
                    .mapToDouble(d -> (double) count.applyAsInt(d) / d.sentenceCount()).toArray();
        }

        List<Quote> quotes(String themeId) {
            List<Quote> all = new ArrayList<>();
            for (CorpusDocument d : docs) {
                DocumentTheme t = d.themes().get(themeId);
                if (t != null) {
                    t.evidence().forEach(e -> all.add(new Quote(d.id(), e.sentence(), e.text(), e.score())));
                }
            }
            all.sort(Comparator.comparingDouble((Quote q) -> -q.score()).thenComparing(Quote::documentId)
                    .thenComparingInt(Quote::sentence));
            return List.copyOf(all.subList(0, Math.min(QUOTES, all.size())));
        }
    }

    /** The comparison as pretty-printed JSON (this record's fields), ending with a line break. */
    public String toJson() {
        return Format.json(this);
    }

    /** The comparison for people: groups, theme table, countries, pairs, similarities, evidence. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison: ").append(Format.oneLine(a.label())).append(" vs ").append(Format.oneLine(b.label()))
                .append("\n\n");
        md.append("| Group | Selection | Documents | Sentences |\n|---|---|---:|---:|\n");
        md.append("| A | ").append(Format.cell(a.label())).append(" | ").append(a.documents()).append(" | ")
                .append(a.sentences()).append(" |\n");
        md.append("| B | ").append(Format.cell(b.label())).append(" | ").append(b.documents()).append(" | ")
                .append(b.sentences()).append(" |\n\n");
        for (String w : warnings) {
            md.append("**Warning:** ").append(Format.oneLine(w)).append(".\n\n");
        }
        md.append("Unit of inference: the document (").append(a.documents()).append(a.documents() == 1 ? " document" : " documents")
                .append(" in A, ").append(b.documents()).append(b.documents() == 1 ? " document" : " documents")
                .append(" in B). Shares are per document: the mean over the group's documents of each document's share "
                + "of sentences. Difference A \u2212 B in percentage points with its 95 % interval (bootstrap by document; "
                + "Welch with " + DocumentComparison.LARGE + " or more documents a side); test: permutation test exchanging "
                + "documents between the groups (exact when feasible), or Welch's t with " + DocumentComparison.LARGE
                + " or more documents a side. p (Holm): adjusted over the rows of the table. \\* Holm-adjusted p < 0.05.\n\n");

        md.append("## Themes\n\n");
        if (themes.isEmpty()) {
            md.append("No theme on either side.\n\n");
        } else {
            md.append("| Theme | Polarity | A % | B % | Difference (pp) | 95 % CI | Docs A | Docs B | Test | p | p (Holm) | |\n");
            md.append("|---|---|---:|---:|---:|---|---:|---:|---|---:|---:|---|\n");
            for (ThemeDifference t : themes) {
                md.append("| ").append(Format.cell(t.name())).append(" (`").append(Format.cell(t.id())).append("`) | ")
                        .append(t.polarity()).append(" | ").append(Format.percent(t.shareA())).append(" | ")
                        .append(Format.percent(t.shareB())).append(" | ").append(Format.points(t.difference()))
                        .append(" | ").append(ci(t.ciLow(), t.ciHigh())).append(" | ")
                        .append(t.documentsA()).append('/').append(a.documents()).append(" | ")
                        .append(t.documentsB()).append('/').append(b.documents()).append(" | ")
                        .append(t.test()).append(" | ").append(Format.p(t.pValue())).append(" | ")
                        .append(Format.p(t.pAdjusted())).append(" | ").append(t.significant() ? "*" : "").append(" |\n");
            }
            md.append('\n');
        }
        entityTable(md, "Countries", "Country", "Mean share of a document's sentences mentioning the country.", countries);
        entityTable(md, "Country pairs", "Pair", "Mean share of a document's sentences mentioning both countries.", pairs);

        md.append("## Similarity\n\n");
        md.append("Cosine similarity of the two groups' profiles (1 = the same proportions, 0 = nothing in common).\n\n");
        md.append("| Profile | Cosine |\n|---|---:|\n");
        md.append("| Themes (sentence share per theme) | ").append(Format.fixed(similarity.themes(), 3)).append(" |\n");
        md.append("| Countries (sentence share per country) | ").append(Format.fixed(similarity.countries(), 3)).append(" |\n\n");

        List<ThemeDifference> quoted = themes.subList(0, Math.min(MARKDOWN_EVIDENCE_THEMES, themes.size()));
        if (!quoted.isEmpty()) {
            md.append("## Evidence\n\n");
            md.append("The strongest evidence sentences of the ").append(quoted.size())
                    .append(" themes that differ most, per group.\n\n");
            for (ThemeDifference t : quoted) {
                md.append("### ").append(Format.oneLine(t.name())).append(" (`").append(t.id()).append("`, ")
                        .append(Format.points(t.difference())).append(" pp)\n\n");
                quotes(md, "A", a, t.evidenceA());
                quotes(md, "B", b, t.evidenceB());
            }
        }
        return md.toString();
    }

    private static void entityTable(StringBuilder md, String title, String column, String what,
                                    List<EntityDifference> rows) {
        md.append("## ").append(title).append("\n\n");
        if (rows.isEmpty()) {
            md.append("None on either side.\n\n");
            return;
        }
        List<EntityDifference> top = rows.subList(0, Math.min(MARKDOWN_ENTITIES, rows.size()));
        md.append(what);
        if (top.size() < rows.size()) {
            md.append(" The ").append(top.size()).append(" of ").append(rows.size())
                    .append(" with the largest share on both sides together.");
        }
        md.append("\n\n| ").append(column).append(" | A % | B % | Difference (pp) | 95 % CI | Test | p | p (Holm) | |\n");
        md.append("|---|---:|---:|---:|---|---|---:|---:|---|\n");
        for (EntityDifference e : top) {
            md.append("| ").append(Format.cell(e.name())).append(" (").append(e.code()).append(") | ")
                    .append(Format.percent(e.shareA())).append(" | ").append(Format.percent(e.shareB())).append(" | ")
                    .append(Format.points(e.difference())).append(" | ").append(ci(e.ciLow(), e.ciHigh())).append(" | ")
                    .append(e.test()).append(" | ").append(Format.p(e.pValue())).append(" | ")
                    .append(Format.p(e.pAdjusted())).append(" | ").append(e.significant() ? "*" : "").append(" |\n");
        }
        md.append('\n');
    }

    private static void quotes(StringBuilder md, String side, Group g, List<Quote> quotes) {
        md.append("**").append(side).append(" (").append(Format.oneLine(g.label())).append(")**");
        if (quotes.isEmpty()) {
            md.append(": none.\n\n");
            return;
        }
        md.append("\n\n");
        for (Quote q : quotes) {
            md.append("> ").append(Format.shorten(q.text(), 400)).append("\n>\n> \u2014 ").append(q.documentId())
                    .append(", sentence ").append(q.sentence()).append(", score ").append(Format.fixed(q.score(), 2))
                    .append("\n\n");
        }
    }

    private static String ci(double low, double high) {
        return "[" + Format.points(low) + ", " + Format.points(high) + "]";
    }
}
