package io.entente.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    @Test
    void loadsReportsAndSkipsOtherJson() throws IOException {
        Reports.doc("b", 10).date("2019-08-22").tags("Japan", "think-tank").theme("d.threat", List.of(1, 3))
                .actors("d.threat", "KOR", "JPN").country("KOR", List.of(1, 2)).country("JPN", List.of(2)).write(dir);
        Reports.doc("a", 5).date("2018").write(dir);
        Reports.doc("c", 4).write(dir);
        Reports.corpusJson(dir);
        Files.writeString(dir.resolve("notes.txt"), "not json at all");
        Files.writeString(dir.resolve("v2.json"), "{\"schemaVersion\": 2, \"document\": {}}");
        Files.createDirectories(dir.resolve("trends"));
        Files.writeString(dir.resolve("trends").resolve("trends.json"), "{}");

        Corpus corpus = Corpus.load(dir);
        assertEquals(List.of("a", "b", "c"), corpus.documents().stream().map(CorpusDocument::id).toList());
        assertEquals(List.of("corpus.json", "v2.json"), corpus.skipped());

        CorpusDocument b = corpus.document("b").orElseThrow();
        assertEquals(2019, b.year());
        assertEquals(3, b.quarter());
        assertEquals(8, b.month());
        assertEquals(22, b.day());
        assertEquals(10, b.sentenceCount());
        assertEquals(List.of(1, 3), b.themes().get("d.threat").sentences());
        assertEquals(2, b.themes().get("d.threat").evidence().size());
        assertEquals(List.of("KOR", "JPN"), b.themes().get("d.threat").evidence().get(0).actors());
        assertEquals(List.of(1, 2), b.countries().get("KOR"));
        assertEquals(java.util.Map.of("JPN-KOR", 1), b.countryPairSentences());
        assertTrue(b.hasTag("japan"));
        assertEquals("Country KOR", corpus.countryName("KOR"));
        assertEquals("driver", corpus.themes().get("d.threat").polarity());

        CorpusDocument a = corpus.document("a").orElseThrow();
        assertEquals(2018, a.year());
        assertNull(a.quarter());
        assertNull(a.month());
        assertEquals(java.time.LocalDate.of(2018, 12, 31), a.lastDay());
        CorpusDocument c = corpus.document("c").orElseThrow();
        assertFalse(c.dated());
        assertNull(c.year());
    }

    @Test
    void malformedReportNamesTheFileAndField() throws IOException {
        Reports.doc("good", 3).write(dir);
        var bad = Reports.doc("bad", 3).theme("d.x", List.of(0)).json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) bad.get("themes").get(0).get("sentences")).add(7);
        Reports.MAPPER.writeValue(dir.resolve("bad.json").toFile(), bad);
        IOException e = assertThrows(IOException.class, () -> Corpus.load(dir));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("themes[0].sentences[1]"), e.getMessage());
    }

    @Test
    void badDateIsMalformed() throws IOException {
        Reports.doc("x", 3).date("2019-02-30").write(dir);
        IOException e = assertThrows(IOException.class, () -> Corpus.load(dir));
        assertEquals(dir.resolve("x.json") + ": malformed report: document.date: '2019-02-30' is not a calendar date",
                e.getMessage());
    }

    @Test
    void aFieldTheReportFormatDoesNotHaveIsAnErrorNotIgnored() throws IOException {
        var odd = Reports.doc("odd", 3).date("2019-05").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) odd.get("document")).put("colour", "red");
        Reports.MAPPER.writeValue(dir.resolve("odd.json").toFile(), odd);
        IOException e = assertThrows(IOException.class, () -> Corpus.load(dir));
        assertEquals(dir.resolve("odd.json") + ": malformed report: document.colour is not a field of the report format"
                + " (schema version 1)", e.getMessage());
    }

    @Test
    void aMonthDateHasAQuarterAndSpansTheMonth() throws IOException {
        Reports.doc("m", 3).date("2020-02").write(dir);
        CorpusDocument m = Corpus.load(dir).documents().get(0);
        assertEquals(io.entente.core.PartialDate.of(2020, 2), m.date());
        assertEquals(1, m.quarter());
        assertNull(m.day());
        assertEquals(java.time.LocalDate.of(2020, 2, 29), m.lastDay());
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, ");
        IOException e = assertThrows(IOException.class, () -> Corpus.load(dir));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void missingFolder() {
        assertThrows(NoSuchFileException.class, () -> Corpus.load(dir.resolve("nope")));
    }

    @Test
    void duplicateIdsAreRefused() throws IOException {
        Reports.doc("same", 3).write(dir);
        Files.copy(dir.resolve("same.json"), dir.resolve("same-copy.json"));
        IOException e = assertThrows(IOException.class, () -> Corpus.load(dir));
        assertTrue(e.getMessage().contains("same"), e.getMessage());
    }

    @Test
    void sentencesOutsideTheArgumentCountNeitherAsSentencesNorAsCountryMentions() throws IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("sections"));
        // 10 sentences, the last 3 an author box; USA named only there, KOR in the argument and the box.
        Reports.doc("paper", 10).date("2020").theme("d.x", 2).country("KOR", List.of(1, 8)).country("USA", List.of(8, 9))
                .section(7, "author").section(8, "author").section(9, "author").write(folder);
        CorpusDocument d = Corpus.load(folder).documents().get(0);
        assertEquals(7, d.sentenceCount());
        assertEquals(List.of(1), d.countries().get("KOR"));
        assertEquals(false, d.mentions("USA"));
    }

    @Test
    void territoriesKeepTheirCodeUnlessFoldedIntoTheirSovereign() throws IOException {
        Path file = Reports.doc("t", 4).theme("d.threat", List.of(0, 1)).actors("d.threat", "HKG", "USA")
                .country("HKG", List.of(0)).country("CHN", List.of(1)).country("USA", List.of(0)).write(dir);
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Reports.MAPPER.readTree(file.toFile());
        for (com.fasterxml.jackson.databind.JsonNode e : root.get("entities")) {
            if ("HKG".equals(e.path("code").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("kind", "territory").put("sovereign", "CHN");
            }
        }
        Reports.MAPPER.writeValue(file.toFile(), root);

        CorpusDocument kept = Corpus.load(dir).document("t").orElseThrow();
        assertEquals(List.of("CHN", "HKG", "USA"), List.copyOf(kept.countries().keySet()));

        CorpusDocument folded = Corpus.load(dir, true).document("t").orElseThrow();
        assertEquals(List.of("CHN", "USA"), List.copyOf(folded.countries().keySet()));
        assertEquals(List.of(0, 1), folded.countries().get("CHN"));
        for (Evidence ev : folded.themes().get("d.threat").evidence()) {
            assertEquals(List.of("CHN", "USA"), ev.actors());
        }
    }
}
