package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CorpusSummaryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** "alpha": both themes, KOR 2 and JPN 2 mentions. */
    private static Document alpha() {
        return Fixtures.document("alpha", "in/alpha.txt", "Alpha", "2019-08-22", 0.75, 0.5);
    }

    /** "beta": only the driver theme, KOR 3 mentions and USA 1; no date. */
    private static Document beta() {
        Document d = Fixtures.document("beta", "in/beta.txt", null, null, 0.25, 0.5);
        Entity kor = new Entity(EntityType.COUNTRY, "South Korea", "KOR", List.of(new Mention(0, 5, "Korea", 0, "g"),
                new Mention(44, 49, "Korea", 1, "g"), new Mention(0, 5, "Korea", 0, "ner")));
        Entity usa = new Entity(EntityType.COUNTRY, "United States", "USA", List.of(new Mention(10, 15, "Japan", 0, "g")));
        Entity org = new Entity(EntityType.ORGANIZATION, "NATO", null, List.of(new Mention(16, 20, "face", 0, "g")));
        return d.withEntities(List.of(kor, usa, org)).withThemes(List.of(d.themes().get(0)));
    }

    private static CorpusSummary summary(boolean betaFirst) {
        CorpusSummary s = new CorpusSummary();
        if (betaFirst) {
            s.fail("in/zz-broken.txt", "binary content, not text");
            s.add(beta());
            s.add(alpha());
            s.fail("in/empty.txt", "empty file");
        } else {
            s.add(alpha());
            s.fail("in/empty.txt", "empty file");
            s.add(beta());
            s.fail("in/zz-broken.txt", "binary content, not text");
        }
        return s;
    }

    @Test
    void countsPerThemeAndCountryAcrossDocuments() throws IOException {
        JsonNode n = MAPPER.readTree(summary(false).render(Fixtures.PIPELINE));
        assertEquals(1, n.get("schemaVersion").asInt());
        assertEquals("security-cooperation", n.at("/pipeline/codebook/id").asText());
        assertEquals(2, n.get("documents").asInt());
        assertEquals(2, n.get("failed").asInt());
        assertEquals(4, n.get("sentences").asInt());

        JsonNode themes = n.get("themes");
        assertEquals(2, themes.size());
        assertEquals("shared-threat", themes.at("/0/id").asText(), "most documents first");
        assertEquals("driver", themes.at("/0/polarity").asText());
        assertEquals("Shared threat", themes.at("/0/name").asText());
        assertEquals(2, themes.at("/0/documents").asInt());
        assertEquals(2, themes.at("/0/sentences").asInt());
        assertEquals(0.5, themes.at("/0/sentenceShare").asDouble());
        assertEquals("history", themes.at("/1/id").asText());
        assertEquals(1, themes.at("/1/documents").asInt());
        assertEquals(1, themes.at("/1/sentences").asInt());
        assertEquals(0.25, themes.at("/1/sentenceShare").asDouble());

        JsonNode countries = n.get("countries");
        assertEquals(3, countries.size(), countries.toString());
        assertEquals("KOR", countries.at("/0/code").asText(), "two documents, first");
        assertEquals("South Korea", countries.at("/0/name").asText());
        assertEquals(2, countries.at("/0/documents").asInt());
        assertEquals(5, countries.at("/0/mentions").asInt());
        assertEquals("JPN", countries.at("/1/code").asText(), "one document each, then by code");
        assertEquals(1, countries.at("/1/documents").asInt());
        assertEquals(2, countries.at("/1/mentions").asInt());
        assertEquals("USA", countries.at("/2/code").asText());
        assertEquals("United States", countries.at("/2/name").asText());
        assertEquals(1, countries.at("/2/mentions").asInt());
    }

    @Test
    void listsFailuresSortedByPath() throws IOException {
        JsonNode fails = MAPPER.readTree(summary(true).render(Fixtures.PIPELINE)).get("failures");
        assertEquals(2, fails.size());
        assertEquals("in/empty.txt", fails.at("/0/path").asText());
        assertEquals("empty file", fails.at("/0/reason").asText());
        assertEquals("in/zz-broken.txt", fails.at("/1/path").asText());
        assertEquals("binary content, not text", fails.at("/1/reason").asText());
    }

    @Test
    void documentListIsSortedById() throws IOException {
        JsonNode list = MAPPER.readTree(summary(true).render(Fixtures.PIPELINE)).get("documentList");
        assertEquals(2, list.size());
        assertEquals("alpha", list.at("/0/id").asText());
        assertEquals("in/alpha.txt", list.at("/0/source").asText());
        assertEquals("2019-08-22", list.at("/0/date").asText());
        assertEquals(2, list.at("/0/sentences").asInt());
        assertEquals(2, list.at("/0/themes").size());
        assertEquals("[\"JPN\",\"KOR\"]", list.at("/0/countries").toString());
        assertEquals("beta", list.at("/1/id").asText());
        assertTrue(list.at("/1/title").isNull());
        assertTrue(list.at("/1/date").isNull());
        assertEquals("[\"KOR\",\"USA\"]", list.at("/1/countries").toString(), "organizations are not countries");
        assertEquals(0.25, list.at("/1/themes/0/score").asDouble());
    }

    @Test
    void outputDoesNotDependOnAddOrder() {
        assertEquals(summary(false).render(Fixtures.PIPELINE), summary(true).render(Fixtures.PIPELINE));
        assertEquals(summary(false).renderThemesCsv(), summary(true).renderThemesCsv());
    }

    @Test
    void csvHasHeaderAndOneRowPerDocumentTheme() {
        String csv = summary(true).renderThemesCsv();
        List<String> lines = csv.lines().toList();
        assertEquals("document_id,date,theme_id,polarity,score,sentences,document_sentences", lines.get(0));
        assertEquals(List.of(
                "alpha,2019-08-22,shared-threat,driver,0.75,1,2",
                "alpha,2019-08-22,history,obstacle,0.5,1,2",
                "beta,,shared-threat,driver,0.25,1,2"), lines.subList(1, lines.size()));
        assertTrue(csv.endsWith("\n"));
    }

    @Test
    void csvQuotesUnsafeIds() {
        CorpusSummary s = new CorpusSummary();
        s.add(Fixtures.document("odd, \"id\"", "x.txt", null, null, 0.5, 0.5));
        String row = s.renderThemesCsv().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.startsWith("\"odd, \"\"id\"\"\",,shared-threat,"), row);
    }

    @Test
    void emptySummary() throws IOException {
        CorpusSummary s = new CorpusSummary();
        JsonNode n = MAPPER.readTree(s.render(Fixtures.PIPELINE));
        assertEquals(0, n.get("documents").asInt());
        assertEquals(0, n.get("themes").size());
        assertEquals(0, n.get("documentList").size());
        assertEquals("document_id,date,theme_id,polarity,score,sentences,document_sentences\n", s.renderThemesCsv());
    }

    @Test
    void addsFromManyThreads() throws Exception {
        CorpusSummary s = new CorpusSummary();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                final int k = i;
                futures.add(pool.submit(() -> s.add(Fixtures.document(String.format("doc%03d", k), "in/" + k, null, null,
                        0.5, 0.5))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, s.digests().size());
        JsonNode n = MAPPER.readTree(s.render(Fixtures.PIPELINE));
        assertEquals(200, n.get("documents").asInt());
        assertEquals("doc000", n.at("/documentList/0/id").asText());
        assertEquals("doc199", n.at("/documentList/199/id").asText());
        assertEquals(401, s.renderThemesCsv().lines().count());
    }

    @Test
    void mentionsAndSentencesOutsideTheArgumentAreNotCounted() {
        Document d = beta();
        assertTrue(d.sentences().size() >= 2, "the fixture has a second sentence");
        CorpusSummary.Digest all = CorpusSummary.digestOf(d);
        assertEquals(3, all.countries().get("KOR"));
        CorpusSummary.Digest argument = CorpusSummary.digestOf(d.withSections(java.util.Map.of(1, "author")));
        assertEquals(2, argument.countries().get("KOR"), "the mention in the author box is left out");
        assertEquals(1, argument.countries().get("USA"));
        assertEquals(all.sentences() - 1, argument.sentences());
        CorpusSummary.Digest none = CorpusSummary.digestOf(d.withSections(java.util.Map.of(0, "references", 1, "notes")));
        assertTrue(none.countries().isEmpty(), none.countries().toString());
    }
}
