package io.entente.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.stats.ProportionInterval;
import io.entente.stats.Wilson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrendsTest {
    @TempDir
    Path dir;
    Corpus corpus;

    /** Years 2015..2022 without 2017; 2019 has one document (sparse), the others three of 100 sentences. */
    static final int[] YEARS = {2015, 2016, 2018, 2019, 2020, 2021, 2022};
    /** d.rise sentences per document by year: the share rises 5 points a year. */
    static final int[] RISE = {5, 10, 20, 25, 30, 35, 40};
    /** o.flat sentences per document: no trend, some noise. */
    static final int[] FLAT = {10, 12, 9, 11, 10, 12, 9};

    @BeforeEach
    void reports() throws IOException {
        for (int y = 0; y < YEARS.length; y++) {
            int docs = YEARS[y] == 2019 ? 1 : 3;
            for (int k = 0; k < docs; k++) {
                Reports r = Reports.doc("d" + YEARS[y] + "-" + k, 100).date(YEARS[y] + "-0" + (k + 1) + "-15")
                        .theme("d.rise", RISE[y]).theme("o.flat", Reports.range(50, 50 + FLAT[y]))
                        .country("KOR", List.of(0, 1)).country("JPN", List.of(1));
                r.actors("d.rise", YEARS[y] >= 2020 ? new String[] {"KOR", "JPN", "CHN"} : new String[] {"KOR", "JPN"});
                if (k == 0 && YEARS[y] >= 2020) {
                    r.country("CHN", List.of(5));
                }
                r.write(dir);
            }
        }
        Reports.doc("undated-1", 50).theme("d.rise", 40).write(dir);
        Reports.doc("undated-2", 50).write(dir);
        Reports.doc("year-only", 100).date("2018").theme("d.rise", 20).theme("o.flat", 10).write(dir);
        Reports.corpusJson(dir);
        corpus = Corpus.load(dir);
    }

    private Trends yearly() {
        return Trends.compute(corpus, Period.YEAR, Optional.empty(), Optional.empty());
    }

    @Test
    void periodsIncludeEmptyOnesAndSparseFlags() {
        Trends t = yearly();
        assertEquals("year", t.by());
        assertEquals(2, t.undatedDocuments());
        assertEquals(0, t.impreciseDocuments());
        assertEquals(20, t.documents());
        List<String> names = t.periods().stream().map(Trends.PeriodSummary::period).toList();
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022"), names);
        Trends.PeriodSummary empty = t.periods().get(2);
        assertEquals(0, empty.documents());
        assertEquals(0, empty.sentences());
        assertTrue(empty.sparse());
        assertEquals("2017-01-01", empty.start());
        assertTrue(t.periods().get(4).sparse()); // 2019: one document
        assertFalse(t.periods().get(0).sparse());
        assertEquals(4, t.periods().get(3).documents()); // 2018: three plus the year-only one
        assertEquals(List.of("d.rise", "o.flat"), t.themeIds());
    }

    @Test
    void sharesAndWilsonIntervalsPerPeriod() {
        Trends.ThemeTrend rise = yearly().themeTrend("d.rise").orElseThrow();
        Trends.ThemePeriod p2015 = rise.periods().get(0);
        assertEquals(15, p2015.themeSentences());
        assertEquals(300, p2015.sentences());
        assertEquals(0.05, p2015.share(), 1e-12);
        ProportionInterval w = Wilson.interval(15, 300, 0.95);
        assertEquals(w.low(), p2015.ciLow(), 0.0);
        assertEquals(w.high(), p2015.ciHigh(), 0.0);
        assertEquals(1.0, p2015.documentShare(), 1e-12);
        Trends.ThemePeriod p2017 = rise.periods().get(2);
        assertNull(p2017.share());
        assertNull(p2017.ciLow());
        assertNull(p2017.documentShare());
        Trends.ThemePeriod p2018 = rise.periods().get(3);
        assertEquals(3 * 20 + 20, p2018.themeSentences());
        assertEquals(400, p2018.sentences());
    }

    @Test
    void risingShareHasAPositiveSignificantTrendAndFlatDoesNot() {
        Trends t = yearly();
        Trends.ThemeTrend rise = t.themeTrend("d.rise").orElseThrow();
        assertTrue(rise.linear().slope() > 0.03, rise.linear().toString());
        assertTrue(rise.linear().ciLow() > 0);
        assertTrue(rise.linear().pValue() < 0.05);
        assertTrue(rise.linear().significant());
        assertEquals(7, rise.linear().points()); // the empty period is left out
        assertTrue(rise.mannKendall().pValue() < 0.05, rise.mannKendall().toString());
        assertEquals(7, rise.mannKendall().points());
        assertTrue(rise.senSlope() > 0);
        // Periods are compared by documents: three documents against three can reach p = 2/20 at best, so no
        // step from one year to the next is a change point, however many sentences the papers have.
        assertTrue(rise.changePoints().isEmpty(), rise.changePoints().toString());

        Trends.ThemeTrend flat = t.themeTrend("o.flat").orElseThrow();
        assertTrue(flat.linear().pValue() >= 0.05, flat.linear().toString());
        assertFalse(flat.linear().significant());
        assertTrue(flat.mannKendall().pValue() >= 0.05, flat.mannKendall().toString());
        assertTrue(flat.changePoints().isEmpty());
    }

    @Test
    void changePointsCompareDocumentsNotSentences() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("steps"));
        // 2010: six documents with 1 of 20 sentences; 2011: six with 8 of 20: exact permutation p = 2 / C(12,6) = 2/924.
        // 2012: one long paper with half of its 1,000 sentences, against 2011's six documents: p = 1/7 (7 assignments)
        // (a sentence-level test of 500/1000 against 48/120 would call it significant).
        for (int k = 0; k < 6; k++) {
            Reports.doc("a" + k, 20).date("2010-0" + (k + 1) + "-01").theme("x", 1).write(other);
            Reports.doc("b" + k, 20).date("2011-0" + (k + 1) + "-01").theme("x", 8).write(other);
        }
        Reports.doc("long", 1000).date("2012-05-01").theme("x", 500).write(other);
        Reports.corpusJson(other);
        Trends.ThemeTrend x = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty())
                .themeTrend("x").orElseThrow();
        assertEquals(1, x.changePoints().size(), x.changePoints().toString());
        Trends.Change c = x.changePoints().get(0);
        assertEquals("2010", c.from());
        assertEquals("2011", c.to());
        assertEquals(0.05, c.shareFrom(), 1e-12);
        assertEquals(0.40, c.shareTo(), 1e-12);
        assertEquals(2.0 / 924, c.pValue(), 1e-12);
        assertEquals(2 * 2.0 / 924, c.adjustedPValue(), 1e-12); // Holm over the two steps: the smaller p doubled
        assertEquals(io.entente.stats.PermutationTest.EXACT, c.test());
    }

    @Test
    void theLinearTrendWeighsPeriodsByDocuments() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("weights"));
        // 2010: one paper of 1,000 sentences, half with the theme; 2011 and 2012: four papers of 100, a tenth each.
        // Weighted least squares with weights 1, 4, 4 (documents): slope = Sxy / Sxx = -0.5333 / 4 = -2/15; with
        // sentence weights (1000, 400, 400) it would be -2/9.
        Reports.doc("long", 1000).date("2010-06-01").theme("x", 500).write(other);
        for (int k = 0; k < 4; k++) {
            Reports.doc("b" + k, 100).date("2011-0" + (k + 1) + "-01").theme("x", 10).write(other);
            Reports.doc("c" + k, 100).date("2012-0" + (k + 1) + "-01").theme("x", 10).write(other);
        }
        Reports.corpusJson(other);
        Trends.ThemeTrend x = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty())
                .themeTrend("x").orElseThrow();
        assertEquals(-2.0 / 15, x.linear().slope(), 1e-9);
    }

    @Test
    void constantShareIsNotATrend() throws IOException {
        Path other = dir.resolve("constant");
        java.nio.file.Files.createDirectories(other);
        for (int y = 2015; y <= 2020; y++) {
            for (int k = 0; k < 3; k++) {
                Reports.doc("c" + y + k, 70 + 10 * k).date(Integer.toString(y)).theme("d.same", 7 + k).write(other);
            }
        }
        Trends t = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty());
        Trends.ThemeTrend same = t.themes().get(0);
        assertFalse(same.linear().significant(), same.linear().toString());
        assertEquals(1.0, same.mannKendall().pValue(), 0.0);
    }

    @Test
    void countryPairsInTheEvidence() {
        Trends.ThemeTrend rise = yearly().themeTrend("d.rise").orElseThrow();
        Trends.PairTrend jpnKor = rise.pairs().stream().filter(p -> p.pair().equals("JPN-KOR")).findFirst().orElseThrow();
        assertEquals(rise.themeSentences() - 20, jpnKor.total()); // the year-only document names no actors
        Trends.PairTrend chnKor = rise.pairs().stream().filter(p -> p.pair().equals("CHN-KOR")).findFirst().orElseThrow();
        assertEquals(0, chnKor.counts().get(0));
        assertEquals(0.0, chnKor.shares().get(0), 0.0);
        assertNull(chnKor.shares().get(2));
        assertEquals(1.0, chnKor.shares().get(5), 0.0);
        // [0, 0, 0, 0, 1, 1, 1]: S = 12, Var(S) = 32 with the ties, z = 11/√32, p ≈ 0.052.
        assertEquals(12, chnKor.mannKendall().s());
        assertEquals(0.0518, chnKor.mannKendall().pValue(), 1e-3);
        assertEquals("JPN-KOR", rise.pairs().get(0).pair()); // the largest total first
    }

    @Test
    void quartersMonthsAndFilters() {
        Trends q = Trends.compute(corpus, Period.QUARTER, Optional.empty(), Optional.empty());
        assertEquals(1, q.impreciseDocuments()); // the year-only document
        assertEquals("2015-Q1", q.periods().get(0).period());
        assertEquals("2022-Q1", q.periods().get(q.periods().size() - 1).period());
        assertEquals(29, q.periods().size());
        Trends m = Trends.compute(corpus, Period.MONTH, Optional.of("o.flat"), Optional.empty());
        assertEquals("2015-01", m.periods().get(0).period());
        assertEquals("2022-03", m.periods().get(m.periods().size() - 1).period());
        assertEquals(List.of("o.flat"), m.themeIds());

        Trends chn = Trends.compute(corpus, Period.YEAR, Optional.empty(), Optional.of("chn"));
        assertEquals("CHN", chn.country());
        assertEquals(3, chn.documents());
        assertEquals(List.of("2020", "2021", "2022"), chn.periods().stream().map(Trends.PeriodSummary::period).toList());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trends.compute(corpus, Period.YEAR, Optional.of("no.such"), Optional.empty()));
        assertTrue(e.getMessage().contains("no.such"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trends.compute(corpus, Period.YEAR, Optional.empty(), Optional.of("FRA")));
    }

    @Test
    void noDatedDocumentsIsAnError(@TempDir Path empty) throws IOException {
        Reports.doc("u", 10).theme("d.x", 2).write(empty);
        Corpus c = Corpus.load(empty);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trends.compute(c, Period.YEAR, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("no dated documents"), e.getMessage());
    }

    @Test
    void csvIsTidy() {
        Trends t = yearly();
        String csv = t.toCsv();
        String[] lines = csv.split("\r\n", -1);
        assertEquals("period,period_start,documents,sentences,theme_id,polarity,theme_sentences,sentence_share,ci_low,"
                + "ci_high,document_share,sparse", lines[0]);
        assertEquals("", lines[lines.length - 1]); // ends with a line break
        assertEquals(1 + 8 * 2, lines.length - 1);
        assertEquals("2015,2015-01-01,3,300,d.rise,driver,15,0.050000," + fixed(Wilson.interval(15, 300, 0.95).low()) + ","
                + fixed(Wilson.interval(15, 300, 0.95).high()) + ",1.000000,false", lines[1]);
        assertEquals("2017,2017-01-01,0,0,d.rise,driver,0,,,,,true", lines[5]);
        for (int i = 1; i < lines.length - 1; i++) {
            assertEquals(12, lines[i].split(",", -1).length, lines[i]);
        }
    }

    private static String fixed(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    @Test
    void svgIsWellFormedWithOneCirclePerNonEmptyPeriod() throws Exception {
        Trends t = yearly();
        String svg = t.svg("d.rise");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        NodeList circles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        long nonEmpty = t.periods().stream().filter(p -> p.documents() > 0).count();
        assertEquals(7, nonEmpty);
        assertEquals(nonEmpty, circles.getLength());
        int hollow = 0;
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            if (c.getAttribute("class").contains("sparse")) {
                hollow++;
                assertEquals("#ffffff", c.getAttribute("fill"));
            }
        }
        assertEquals(1, hollow);
        // Circle area ∝ documents: 2018 (4 documents) against 2019 (1): radius ratio 2.
        double r2018 = Double.parseDouble(((Element) circles.item(2)).getAttribute("r"));
        double r2019 = Double.parseDouble(((Element) circles.item(3)).getAttribute("r"));
        assertEquals(2.0, r2018 / r2019, 0.01);
        // The theme name is escaped ("Theme d.rise <&>"), and the trend line is dashed.
        assertTrue(svg.contains("Theme d.rise &lt;&amp;&gt;"), svg);
        assertTrue(svg.contains("stroke-dasharray"));
        assertNotNull(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polygon").item(0));
        assertThrows(IllegalArgumentException.class, () -> t.svg("no.such"));
    }

    @Test
    void renderingTwiceIsByteIdentical() throws IOException {
        Trends a = yearly();
        Trends b = Trends.compute(Corpus.load(dir), Period.YEAR, Optional.empty(), Optional.empty());
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a.toCsv(), b.toCsv());
        assertEquals(a.toMarkdown("charts/"), b.toMarkdown("charts/"));
        assertEquals(a.svg("d.rise"), b.svg("d.rise"));
        assertEquals(a.svg("o.flat"), b.svg("o.flat"));
    }

    @Test
    void markdownAndJson() throws IOException {
        Trends t = yearly();
        String md = t.toMarkdown("charts/");
        assertTrue(md.startsWith("# Theme trends by year"), md);
        assertTrue(md.contains("2 undated documents"), md);
        assertTrue(md.contains("| 2017 | \u2013 | \u2013 | 0 | 0 | 0 | \u2013 | \u2020 |"), md);
        assertTrue(md.contains("![Theme d.rise <&>](charts/d.rise.svg)"), md);
        assertTrue(md.contains("- Linear trend: +"), md);
        assertTrue(md.contains("Mann\u2013Kendall"), md);
        var json = Reports.MAPPER.readTree(t.toJson());
        assertEquals(2, json.get("undatedDocuments").asInt());
        assertEquals(8, json.get("periods").size());
        var rise = json.get("themes").get(0);
        assertEquals("d.rise", rise.get("id").asText());
        assertTrue(rise.get("periods").get(2).get("share").isNull());
        assertTrue(rise.get("linear").get("slope").asDouble() > 0);
    }
}
