package io.entente.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void sharesPerPeriodInTheFixture() {
        Trends t = yearly();
        assertEquals("document", t.methods().unit());
        Trends.ThemeTrend rise = t.themeTrend("d.rise").orElseThrow();
        Trends.ThemePeriod p2015 = rise.periods().get(0);
        assertEquals(15, p2015.themeSentences());
        assertEquals(300, p2015.sentences());
        assertEquals(3, p2015.documentsWithSentences());
        assertEquals(0.05, p2015.meanShare(), 1e-12);
        assertEquals(0.05, p2015.sentenceShare(), 1e-12);
        // Three documents with the same share: no spread, a zero-width interval.
        assertEquals(0.05, p2015.ciLow(), 1e-12);
        assertEquals(0.05, p2015.ciHigh(), 1e-12);
        assertEquals(1.0, p2015.documentShare(), 1e-12);
        Trends.ThemePeriod p2017 = rise.periods().get(2);
        assertNull(p2017.meanShare());
        assertNull(p2017.sentenceShare());
        assertNull(p2017.ciLow());
        assertNull(p2017.documentShare());
        Trends.ThemePeriod p2018 = rise.periods().get(3);
        assertEquals(3 * 20 + 20, p2018.themeSentences());
        assertEquals(400, p2018.sentences());
        Trends.ThemePeriod p2019 = rise.periods().get(4);
        assertEquals(0.25, p2019.meanShare(), 1e-12);
        assertNull(p2019.ciLow()); // one document: no interval
        assertTrue(p2019.sparse());
    }

    @Test
    void periodSharesAreMeansOverDocumentsWithTIntervals() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("means"));
        // 2010: three papers of 100 sentences with 10, 20 and 60 theme sentences, and a paper whose only sentences
        // are references (no argument sentences: counted as a document, not in the mean).
        // Mean 0.3, sd sqrt(0.07), t(0.975, 2) = 4.302653: half-width 0.6572411, interval [0, 0.9572411].
        Reports.doc("a1", 100).date("2010-01-01").theme("x", 10).write(other);
        Reports.doc("a2", 100).date("2010-02-01").theme("x", 20).write(other);
        Reports.doc("a3", 100).date("2010-03-01").theme("x", 60).write(other);
        Reports refs = Reports.doc("a4", 3).date("2010-04-01");
        for (int i = 0; i < 3; i++) {
            refs.section(i, "references");
        }
        refs.write(other);
        // 2011: one paper of 1,000 sentences, half with the theme, and two of 10 with one each. Mean of the document
        // shares (0.5 + 0.1 + 0.1) / 3 = 0.2333333 (the pooled sentence share, 502 / 1020 = 0.4921569, would let the
        // long paper speak for the period); sd 0.2309401, half-width 0.5736871: [0, 0.8070204].
        Reports.doc("b1", 1000).date("2011-01-01").theme("x", 500).write(other);
        Reports.doc("b2", 10).date("2011-02-01").theme("x", 1).write(other);
        Reports.doc("b3", 10).date("2011-03-01").theme("x", 1).write(other);
        // 2012: a single paper, no interval.
        Reports.doc("c1", 40).date("2012-01-01").theme("x", 10).write(other);
        Reports.corpusJson(other);
        Trends t = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty());
        Trends.ThemeTrend x = t.themeTrend("x").orElseThrow();

        Trends.ThemePeriod p2010 = x.periods().get(0);
        assertEquals(4, p2010.documents());
        assertEquals(3, p2010.documentsWithSentences());
        assertEquals(0.3, p2010.meanShare(), 1e-12);
        assertEquals(0.0, p2010.ciLow(), 0.0);
        assertEquals(0.9572411, p2010.ciHigh(), 1e-6);
        assertEquals(0.75, p2010.documentShare(), 1e-12); // three of the four documents carry the theme
        assertEquals(4, t.periods().get(0).documents());
        assertEquals(3, t.periods().get(0).documentsWithSentences());
        assertFalse(t.periods().get(0).sparse());

        Trends.ThemePeriod p2011 = x.periods().get(1);
        assertEquals(0.7 / 3, p2011.meanShare(), 1e-12);
        assertEquals(502.0 / 1020, p2011.sentenceShare(), 1e-12);
        assertEquals(0.0, p2011.ciLow(), 0.0);
        assertEquals(0.8070204, p2011.ciHigh(), 1e-6);

        Trends.ThemePeriod p2012 = x.periods().get(2);
        assertEquals(0.25, p2012.meanShare(), 1e-12);
        assertNull(p2012.ciLow());
        assertNull(p2012.ciHigh());
        assertTrue(p2012.sparse());

        String csv = t.toCsv();
        assertTrue(csv.contains("\r\n2010,2010-01-01,4,300,x,driver,3,document,0.300000,0.000000,0.957241,t-by-document,90,"
                + "0.300000,3,0.750000,false\r\n"), csv);
        assertTrue(csv.contains("\r\n2012,2012-01-01,1,40,x,driver,1,document,0.250000,,,t-by-document,10,0.250000,1,"
                + "1.000000,true\r\n"), csv);
        String md = t.toMarkdown();
        assertTrue(md.contains("Unit of inference: the document."), md);
        assertTrue(md.contains("| 2011 | 3 | 23.3 | [0.0, 80.7] | 3 | 100.0 | 502 | 1020 | 49.2 |  |"), md);
        assertTrue(md.contains("| 2012 | 1 | 25.0 | \u2013 | 1 | 100.0 | 10 | 40 | 25.0 | \u2020 |"), md);
        var json = Reports.MAPPER.readTree(t.toJson());
        assertEquals("document", json.get("methods").get("unit").asText());
        assertTrue(json.get("methods").get("interval").asText().contains("t interval"));
        assertEquals(3, json.get("themes").get(0).get("periods").get(0).get("documentsWithSentences").asInt());
    }

    @Test
    void mannKendallAndTheLinearTrendUseTheDocumentMeans() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("means-trend"));
        // 2010..2013: one paper of 1,000 sentences with a share a = 0.1, 0.2, 0.3, 0.4 (rising) and two of 10 sentences
        // with b = 0.9, 0.6, 0.3, 0.0 (falling). The pooled sentence share follows the long paper and rises; the mean
        // of the document shares (a + 2b) / 3 = 0.6333, 0.4667, 0.3, 0.1333 falls by 1/6 a year.
        // Mann-Kendall on the means: S = -6, tau = -1, Var(S) = 4*3*13/18 = 26/3, z = (S + 1)/sqrt(26/3) = -1.6984,
        // p = 0.0894; the linear trend (weights 3, 3, 3, 3) and Sen's slope are -1/6.
        int[] a = {100, 200, 300, 400};
        int[] b = {9, 6, 3, 0};
        for (int y = 0; y < 4; y++) {
            String year = Integer.toString(2010 + y);
            Reports.doc("long" + y, 1000).date(year + "-01-01").theme("x", a[y]).write(other);
            for (int k = 0; k < 2; k++) {
                Reports.doc("short" + y + k, 10).date(year + "-0" + (k + 2) + "-01").theme("x", b[y]).write(other);
            }
        }
        Reports.corpusJson(other);
        Trends.ThemeTrend x = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty())
                .themeTrend("x").orElseThrow();
        for (int y = 1; y < 4; y++) {
            assertTrue(x.periods().get(y).sentenceShare() > x.periods().get(y - 1).sentenceShare());
            assertEquals((a[y] / 1000.0 + 2 * b[y] / 10.0) / 3, x.periods().get(y).meanShare(), 1e-12);
        }
        assertEquals(-6, x.mannKendall().s());
        assertEquals(-1.0, x.mannKendall().tau(), 1e-12);
        assertEquals(-1.6984156, x.mannKendall().z(), 1e-6);
        assertEquals(0.0894294, x.mannKendall().pValue(), 1e-6);
        assertFalse(x.mannKendall().significant());
        assertEquals(-1.0 / 6, x.linear().slope(), 1e-9);
        assertEquals(-1.0 / 6, x.senSlope(), 1e-9);
    }

    @Test
    void countryPairTrendsAverageDocuments() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("pairs"));
        // Each year three papers: one with 100 theme sentences, two with one. Which of them name Japan and Korea in
        // their evidence: 2010 the long one; 2011 one short one; 2012 both short ones. Per document, the share of
        // its evidence naming the pair is 1 or 0, so the yearly means are 1/3, 1/3, 2/3 (the pooled shares of
        // evidence sentences would be 100/102, 1/102, 2/102: a falling series).
        // Mann-Kendall on 1/3, 1/3, 2/3: S = 2, Var(S) = (3*2*11 - 2*1*9)/18 = 8/3, z = 1/sqrt(8/3) = 0.6124, p = 0.5403.
        boolean[][] names = {{true, false, false}, {false, true, false}, {false, true, true}};
        for (int y = 0; y < 3; y++) {
            String year = Integer.toString(2010 + y);
            for (int k = 0; k < 3; k++) {
                Reports r = Reports.doc("p" + y + k, 200).date(year + "-0" + (k + 1) + "-01").theme("x", k == 0 ? 100 : 1)
                        .country("KOR", List.of(0)).country("JPN", List.of(0));
                r.actors("x", names[y][k] ? new String[] {"JPN", "KOR"} : new String[] {"CHN"});
                r.write(other);
            }
        }
        Reports.corpusJson(other);
        Trends t = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty());
        Trends.ThemeTrend x = t.themeTrend("x").orElseThrow();
        Trends.PairTrend pair = x.pairs().stream().filter(p -> p.pair().equals("JPN-KOR")).findFirst().orElseThrow();
        assertEquals(List.of(100, 1, 2), pair.counts());
        assertEquals(List.of(1, 1, 2), pair.documentCounts());
        assertEquals(1.0 / 3, pair.shares().get(0), 1e-12);
        assertEquals(1.0 / 3, pair.shares().get(1), 1e-12);
        assertEquals(2.0 / 3, pair.shares().get(2), 1e-12);
        assertEquals(2, pair.mannKendall().s());
        assertEquals(0.6123724, pair.mannKendall().z(), 1e-6);
        assertEquals(0.5402914, pair.mannKendall().pValue(), 1e-6);
        assertEquals(3, x.periods().get(0).evidenceDocuments());
        assertTrue(t.toMarkdown().contains("| Country JPN \u2013 Country KOR (JPN-KOR) | 4 | 103 | +0.67 | 0.540 |"),
                t.toMarkdown());
    }

    @Test
    void oneEvidenceSentenceCanNameThePairInADocument() throws IOException {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("pair-sentences"));
        // One paper with four evidence sentences, one of them naming Japan and Korea: its share is 1/4; another paper
        // with two, both naming them: 1; the period's mean is (1/4 + 1) / 2 = 0.625 (pooled: 3/6 = 0.5).
        Reports.doc("q1", 10).date("2010-01-01").theme("x", 4).actors("x", "CHN").actors("x", 2, "JPN", "KOR")
                .country("KOR", List.of(2)).country("JPN", List.of(2)).write(other);
        Reports.doc("q2", 10).date("2010-02-01").theme("x", 2).actors("x", "JPN", "KOR")
                .country("KOR", List.of(0)).country("JPN", List.of(0)).write(other);
        Reports.corpusJson(other);
        Trends.ThemeTrend x = Trends.compute(Corpus.load(other), Period.YEAR, Optional.empty(), Optional.empty())
                .themeTrend("x").orElseThrow();
        Trends.PairTrend pair = x.pairs().stream().filter(p -> p.pair().equals("JPN-KOR")).findFirst().orElseThrow();
        assertEquals(List.of(3), pair.counts());
        assertEquals(List.of(2), pair.documentCounts());
        assertEquals(0.625, pair.shares().get(0), 1e-12);
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
        assertEquals(3, chnKor.documentCounts().get(5));
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
        assertEquals("period,period_start,documents,sentences,theme_id,polarity,documents_with_sentences,unit,mean_share,"
                + "ci_low,ci_high,ci_method,theme_sentences,sentence_share,documents_with_theme,document_share,sparse", lines[0]);
        assertEquals("", lines[lines.length - 1]); // ends with a line break
        assertEquals(1 + 8 * 2, lines.length - 1);
        assertEquals("2015,2015-01-01,3,300,d.rise,driver,3,document,0.050000,0.050000,0.050000,t-by-document,15,0.050000,"
                + "3,1.000000,false", lines[1]);
        assertEquals("2017,2017-01-01,0,0,d.rise,driver,0,document,,,,t-by-document,0,,0,,true", lines[5]);
        for (int i = 1; i < lines.length - 1; i++) {
            assertEquals(17, lines[i].split(",", -1).length, lines[i]);
        }
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
        assertTrue(svg.contains("mean document share by year"), svg);
        assertTrue(svg.contains("unit: document"), svg);
        assertTrue(svg.contains("95 % CI by document"), svg);
        assertFalse(svg.contains("Wilson"), svg);
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
        assertTrue(md.contains("| 2017 | 0 | \u2013 | \u2013 | 0 | \u2013 | 0 | 0 | \u2013 | \u2020 |"), md);
        assertTrue(md.contains("![Theme d.rise <&>](charts/d.rise.svg)"), md);
        assertTrue(md.contains("- Linear trend: +"), md);
        assertTrue(md.contains("Mann\u2013Kendall"), md);
        var json = Reports.MAPPER.readTree(t.toJson());
        assertEquals(2, json.get("undatedDocuments").asInt());
        assertEquals(8, json.get("periods").size());
        var rise = json.get("themes").get(0);
        assertEquals("d.rise", rise.get("id").asText());
        assertTrue(rise.get("periods").get(2).get("meanShare").isNull());
        assertEquals(0.05, rise.get("periods").get(0).get("meanShare").asDouble(), 1e-12);
        assertEquals("document", json.get("methods").get("unit").asText());
        assertTrue(rise.get("linear").get("slope").asDouble() > 0);
    }
}
