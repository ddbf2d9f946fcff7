package io.entente.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path dir;
    Corpus corpus;

    /**
     * Early (2015, 2016; tag "early"): 200 sentences, d.threat in 30 + 20, o.history in 1 + 0.
     * Late (2021, 2022; tag "late"): 200 sentences, d.threat in 10 + 0, o.history in 0 + 0, d.inst in 5.
     */
    @BeforeEach
    void reports() throws IOException {
        Reports.doc("e1", 100).date("2015-03-01").tags("early").theme("d.threat", 30).theme("o.history", List.of(50))
                .score("d.threat", 3, 0.99).score("d.threat", 4, 0.95)
                .country("KOR", Reports.range(0, 40)).country("JPN", Reports.range(20, 50)).write(dir);
        Reports.doc("e2", 100).date("2016").tags("early").theme("d.threat", 20).score("d.threat", 0, 0.99)
                .country("KOR", Reports.range(0, 10)).write(dir);
        Reports.doc("l1", 150).date("2021-06-30").tags("late").theme("d.threat", 10).theme("d.inst", List.of(100, 101, 102, 103, 104))
                .country("CHN", Reports.range(0, 30)).country("KOR", Reports.range(0, 5)).write(dir);
        Reports.doc("l2", 50).date("2022").tags("late").country("CHN", Reports.range(0, 10)).write(dir);
        Reports.doc("undated", 20).tags("early").theme("d.threat", 20).write(dir);
        corpus = Corpus.load(dir);
    }

    @Test
    void documentIsTheUnitOfInference() {
        Comparison c = Comparison.compare(corpus, Selection.dates("2015", "2016"), Selection.dates("2021", "2022"));
        assertEquals(List.of("e1", "e2"), c.a().documentIds());
        assertEquals(List.of("l1", "l2"), c.b().documentIds());
        assertEquals(200, c.a().sentences());
        assertEquals(200, c.b().sentences());
        assertEquals("document", c.unit());

        // d.threat: document shares A = {30/100, 20/100}, B = {10/150, 0/50}; means 0.25 and 1/30.
        Comparison.ThemeDifference threat = theme(c, "d.threat");
        assertEquals(50, threat.sentencesA());
        assertEquals(10, threat.sentencesB());
        assertEquals(0.25, threat.shareA(), 1e-12);
        assertEquals(1.0 / 30, threat.shareB(), 1e-12);
        assertEquals(0.25 - 1.0 / 30, threat.difference(), 1e-12);
        // Exact permutation over the C(4,2) = 6 splits of {0.3, 0.2, 0.0667, 0}: only the observed split and its
        // mirror reach |difference| 0.2167, so p = 2/6, however many sentences the papers have.
        assertEquals(io.entente.stats.PermutationTest.EXACT, threat.test());
        assertEquals(1.0 / 3, threat.pValue(), 1e-12);
        assertTrue(!threat.significant(), "46 or 460 sentences from 4 papers are 4 observations");
        // Holm over the three themes: the smallest p times 3.
        assertEquals(1.0, threat.pAdjusted(), 1e-12);
        assertEquals(2, threat.documentsA());
        assertEquals(1, threat.documentsB());
        assertEquals(1.0, threat.documentShareA(), 1e-12);
        assertEquals(0.5, threat.documentShareB(), 1e-12);
        assertTrue(threat.ciLow() <= threat.difference() && threat.difference() <= threat.ciHigh());

        // Sorted by |difference|: d.threat first.
        assertEquals("d.threat", c.themes().get(0).id());
        assertEquals(2, c.warnings().size(), "both groups have fewer than 5 documents");
        assertTrue(c.warnings().get(0).startsWith("group A has 2 documents, fewer than 5"), c.warnings().get(0));
        assertTrue(c.warnings().get(0).contains("0.333"), c.warnings().get(0));

        // Evidence: by score, then document id.
        List<Comparison.Quote> quotes = threat.evidenceA();
        assertEquals(3, quotes.size());
        assertEquals("e1", quotes.get(0).documentId());
        assertEquals(3, quotes.get(0).sentence());
        assertEquals("e2", quotes.get(1).documentId());
        assertEquals(0, quotes.get(1).sentence());
        assertEquals(4, quotes.get(2).sentence());

        Comparison.EntityDifference kor = entity(c.countries(), "KOR");
        assertEquals(50, kor.sentencesA());
        assertEquals(5, kor.sentencesB());
        assertEquals((0.4 + 0.1) / 2, kor.shareA(), 1e-12);
        assertEquals((5.0 / 150 + 0) / 2, kor.shareB(), 1e-12);
        Comparison.EntityDifference pair = entity(c.pairs(), "JPN-KOR");
        assertEquals(20, pair.sentencesA());
        assertEquals((0.2 + 0) / 2, pair.shareA(), 1e-12);
        assertEquals(0, pair.sentencesB());
        Comparison.EntityDifference chnKor = entity(c.pairs(), "CHN-KOR");
        assertEquals(5, chnKor.sentencesB());
    }

    @Test
    void starsFollowTheHolmAdjustedP() throws IOException {
        // 6 + 6 documents: theme x in every early document (a third of its sentences), in no late one, so the
        // exact permutation p is 2 / C(12,6) = 2/924; theme y differs less.
        Path big = java.nio.file.Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i < 6; i++) {
            Reports.doc("early" + i, 30).date("2010").theme("x", 10).theme("y", 1 + i % 2).write(big);
            Reports.doc("late" + i, 30).date("2020").theme("y", i % 3 == 0 ? 2 : 0).write(big);
        }
        Comparison c = Comparison.compare(Corpus.load(big), Selection.dates("2010", "2010"), Selection.dates("2020", "2020"));
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
        Comparison.ThemeDifference x = theme(c, "x");
        assertEquals(2.0 / 924, x.pValue(), 1e-12);
        assertEquals(Math.min(1, 2 * 2.0 / 924), x.pAdjusted(), 1e-12);
        assertTrue(x.significant());
        Comparison.ThemeDifference y = theme(c, "y");
        assertEquals(y.pValue() < x.pValue() ? y.pValue() * 2 : Math.max(y.pValue(), x.pAdjusted()), y.pAdjusted(), 1e-12);
        assertEquals(y.pAdjusted() < 0.05, y.significant());
        String md = c.toMarkdown();
        assertTrue(md.contains("Unit of inference: the document (6 documents in A, 6 documents in B)"), md);
        assertTrue(md.contains("\\* Holm-adjusted p < 0.05"), md);
    }

    @Test
    void identicalGroupsHaveCosineOne() {
        Comparison c = Comparison.compare(corpus, Selection.dates("2015", "2016"), Selection.dates("2015-01-01", "2016-12-31"));
        assertEquals(1.0, c.similarity().themes(), 1e-12);
        assertEquals(1.0, c.similarity().countries(), 1e-12);
        assertEquals(2, c.overlap());
        assertTrue(c.themes().stream().allMatch(t -> t.difference() == 0 && t.pValue() == 1.0));
        assertTrue(c.toMarkdown().contains("in both groups"));
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("in both groups")), c.warnings().toString());
    }

    @Test
    void groupsByTagAndDocumentId() {
        Comparison c = Comparison.compare(corpus, Selection.tagged("EARLY"), Selection.document("l1"));
        assertEquals(List.of("e1", "e2", "undated"), c.a().documentIds());
        assertEquals(220, c.a().sentences());
        assertEquals(List.of("l1"), c.b().documentIds());
        // Date range and tag together: both must hold.
        Comparison d = Comparison.compare(corpus, new Selection(null, "2015", "2030", "early"), Selection.tagged("late"));
        assertEquals(List.of("e1", "e2"), d.a().documentIds());
        // A year-only date is in a range only when the whole year is.
        assertEquals(List.of("e1"), Selection.dates("2015", "2016-06").select(corpus).stream().map(CorpusDocument::id).toList());
        assertEquals(List.of("l1", "l2"), Selection.dates("2021", null).select(corpus).stream().map(CorpusDocument::id).toList());
    }

    @Test
    void emptyGroupsAreErrorsNamingTheSelection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(corpus, Selection.dates("2017", "2019"), Selection.tagged("late")));
        assertTrue(e.getMessage().contains("group A") && e.getMessage().contains("2017\u20132019"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(corpus, Selection.tagged("late"), Selection.tagged("nope")));
        assertTrue(e.getMessage().contains("group B") && e.getMessage().contains("nope"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(corpus, Selection.document("missing"), Selection.tagged("late")));
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Selection.dates("2019", "2015"));
        assertThrows(IllegalArgumentException.class, () -> Selection.dates("19", null));
    }

    @Test
    void renderersAreDeterministicAndComplete() throws IOException {
        Comparison c = Comparison.compare(corpus, Selection.tagged("early"), Selection.tagged("late"));
        Comparison again = Comparison.compare(Corpus.load(dir), Selection.tagged("early"), Selection.tagged("late"));
        assertEquals(c.toJson(), again.toJson());
        assertEquals(c.toMarkdown(), again.toMarkdown());

        JsonNode json = Reports.MAPPER.readTree(c.toJson());
        assertEquals("tag 'early'", json.get("a").get("label").asText());
        JsonNode t = json.get("themes").get(0);
        assertEquals("document", json.get("unit").asText());
        assertTrue(json.get("warnings").isArray());
        for (String field : List.of("id", "name", "polarity", "shareA", "shareB", "difference", "ciLow", "ciHigh", "test",
                "statistic", "pValue", "significant", "documentShareA", "documentShareB", "evidenceA", "evidenceB")) {
            assertTrue(t.has(field), field);
        }
        assertTrue(json.get("similarity").has("themes"));

        String md = c.toMarkdown();
        assertTrue(md.startsWith("# Comparison: tag 'early' vs tag 'late'"), md);
        assertTrue(md.contains("| A | tag 'early' | 3 | 220 |"), md);
        assertTrue(md.contains("## Themes") && md.contains("## Countries") && md.contains("## Country pairs")
                && md.contains("## Similarity") && md.contains("## Evidence"), md);
        assertTrue(md.contains("permutation (exact, by document)"), md);
        assertTrue(md.contains("**Warning:** group A has 3 documents, fewer than 5"), md);
    }

    private static Comparison.ThemeDifference theme(Comparison c, String id) {
        return c.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static Comparison.EntityDifference entity(List<Comparison.EntityDifference> list, String code) {
        return list.stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }
}
