package io.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner end to end on three tiny documents, Entente configurations only (stock CoreNLP's
 * default pipeline takes half a minute to load on two cores, so it is left to real runs).
 */
class BenchTest {
    private static final String TEXT = """
            Japan and South Korea signed the General Security of Military Information Agreement in 2016.
            Officials in Seoul and Tokyo said the shared threat from North Korea made cooperation urgent.
            Historical legacies of the colonial period still weigh on the relationship, said Moon Jae-in.
            The United States has urged its two allies to deepen trilateral cooperation with NATO partners.
            Territorial disputes over Dokdo continue to fuel mutual distrust between the two governments.
            China and Russia held joint bomber patrols over the Sea of Japan, alarming both capitals.
            """;

    @Test
    @Timeout(120)
    void runsEveryRequestedConfigurationAndReportsPositiveNumbers(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src.txt");
        Files.writeString(src, TEXT);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("--docs", "3", "--tokens", "120", "--threads", "2",
                "--sources", src.toString(), "--out", out.toString(), "--configs", "entente-full,entente-entities"));
        Path gold = tmp.resolve("gold");
        Files.createDirectories(gold);
        Files.writeString(gold.resolve("tiny.txt"), TEXT);
        Files.writeString(gold.resolve("tiny.gold.json"), """
                {"id": "tiny", "entities": {"COUNTRY": ["JPN", "KOR", "PRK", "USA", "CHN", "RUS"],
                 "ORGANIZATION": ["NATO"], "PERSON": ["Moon Jae-in"]}, "sentences": []}
                """);
        args.addAll(List.of("--gold", gold.toString()));

        long t0 = System.nanoTime();
        Bench.run(Bench.parse(args.toArray(String[]::new)));
        System.out.println("bench test took " + Duration.ofNanos(System.nanoTime() - t0));

        JsonNode root = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertTrue(root.get("machine").get("cores").asInt() > 0);
        assertEquals(3, root.get("corpus").get("documents").asInt());
        JsonNode configs = root.get("configurations");
        assertEquals(2, configs.size());
        assertEquals("entente-full", configs.get(0).get("name").asText());
        assertEquals("entente-entities", configs.get(1).get("name").asText());
        for (JsonNode c : configs) {
            assertTrue(c.get("modelLoadSeconds").asDouble() > 0, c.toString());
            assertEquals(2, c.get("runs").size(), "one run with 1 thread, one with 2");
            for (JsonNode r : c.get("runs")) {
                assertEquals(3, r.get("documents").asInt());
                assertEquals(0, r.get("failed").asInt());
                for (String k : List.of("tokens", "wallSeconds", "cpuSeconds", "documentsPerSecond", "tokensPerSecond",
                        "wordsPerSecond", "peakHeapMiB")) {
                    assertTrue(r.get(k).asDouble() > 0, k + " in " + r);
                }
                assertTrue(r.get("stageThreadSeconds").get("entities").asDouble() > 0);
            }
            JsonNode f1 = c.get("entityF1");
            assertTrue(f1.get("micro").get("f1").asDouble() > 0, f1.toString());
        }
        assertTrue(configs.get(0).get("runs").get(0).get("stageThreadSeconds").has("reports"));
        String md = Files.readString(out.resolve("bench.md"));
        assertTrue(md.contains("| entente-full | 2 |"), md);
        assertTrue(md.contains("cores"), md);
    }

    @Test
    void corpusIsReproducibleAndUnique() {
        List<String> sentences = List.of(TEXT.strip().split("\n"));
        Corpus a = Corpus.fromSentences(sentences, 5, 200, 7);
        Corpus b = Corpus.fromSentences(sentences, 5, 200, 7);
        assertEquals(a.docs(), b.docs());
        assertEquals(5, a.docs().stream().map(Corpus.Doc::text).distinct().count());
        assertTrue(a.docs().get(0).words() >= 150);
    }

    @Test
    void countryLookupForStockCoreNlpSpans() {
        var table = CoreNlpConfig.countryTable();
        assertEquals("KOR", table.get(CoreNlpConfig.fold("South Korea")));
        assertEquals("KOR", table.get(CoreNlpConfig.fold("Seoul")));
        assertEquals("USA", table.get(CoreNlpConfig.fold("the United  States")));
        assertEquals(null, table.get(CoreNlpConfig.fold("Asia")));
    }

    @Test
    void rejectsUnknownConfigurations() {
        try {
            Bench.parse(new String[] {"--sources", "x", "--configs", "spacy"});
            throw new AssertionError("accepted an unknown configuration");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("spacy"));
        }
    }
}
