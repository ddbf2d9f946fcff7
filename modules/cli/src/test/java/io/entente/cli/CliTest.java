package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private static Papers.Run run(String... args) {
        return Papers.run(args);
    }

    @Test
    void helpForEverySubcommand() {
        assertEquals(0, Main.run("--help"));
        assertEquals(0, Main.run("analyze", "--help"));
        assertEquals(0, Main.run("evaluate", "--help"));
    }

    @Test
    void missingPathIsAUsageError() {
        Papers.Run r = run("analyze", tmp.resolve("nope").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("nope"), r.err());
    }

    @Test
    void malformedCodebookIsAUsageErrorNamingTheFile() throws Exception {
        Path cb = tmp.resolve("bad.json");
        Files.writeString(cb, "{\"id\": \"x\", \"version\": \"1\", \"name\": \"x\", \"themes\": [{\"id\": \"a\", \"polarity\": \"up\"}]}");
        Path doc = tmp.resolve("a.txt");
        Files.writeString(doc, "Japan and Korea met.");
        Papers.Run r = run("analyze", doc.toString(), "--codebook", cb.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.json") && r.err().contains("themes[0] (a)"), r.err());
    }

    @Test
    void emptyAndBinaryFilesFailAloneAndTheRestIsProcessed() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "Japan and South Korea resumed defense talks amid North Korean missile launches.");
        Files.writeString(in.resolve("empty.txt"), "");
        Files.write(in.resolve("binary.txt"), new byte[] {0x00, 0x01, 0x02, (byte) 0xFF, 0x10, 0x00});
        Path out = tmp.resolve("out");
        Papers.Run r = run("analyze", in.toString(), "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("empty.txt") && r.err().contains("empty file"), r.err());
        assertTrue(r.err().contains("binary.txt") && r.err().contains("binary"), r.err());
        assertTrue(Files.exists(out.resolve("good.json")) && Files.exists(out.resolve("good.md")));
        assertFalse(Files.exists(out.resolve("empty.json")));
        JsonNode corpus = new ObjectMapper().readTree(out.resolve("corpus.json").toFile());
        assertEquals(1, corpus.get("documents").asInt());
        assertEquals(2, corpus.get("failures").size());
    }

    /** The seed paper of the repository. */
    private static final Path SEED = Path.of(System.getProperty("entente.root", "../..")).resolve("seeds/rok-japan-security-cooperation.txt");

    /** Analyzes the seed paper into {@code out} (default options, must succeed) and returns its report. */
    private JsonNode analyzeSeed(Path out) throws java.io.IOException {
        Papers.Run r = run("analyze", SEED.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        return seedReport(out);
    }

    private static JsonNode seedReport(Path out) throws java.io.IOException {
        return new ObjectMapper().readTree(out.resolve("rok-japan-security-cooperation.json").toFile());
    }

    /** The real seed paper's report and the store built from it in the same run hold the same rows. */
    @Test
    void seedReportAndItsStoreAgree() throws Exception {
        Path out = tmp.resolve("store");
        JsonNode report = analyzeSeed(out);
        long mentions = 0;
        for (JsonNode e : report.get("entities")) {
            mentions += e.get("mentions").size();
        }
        long evidence = 0;
        for (JsonNode t : report.get("themes")) {
            evidence += t.get("evidence").size();
        }
        long sentenceThemes = 0;
        for (JsonNode s : report.get("sentences")) {
            sentenceThemes += s.get("themes").size();
        }
        java.util.Map<String, Long> expected = java.util.Map.of("documents", 1L, "sentences", (long) report.get("sentences").size(),
                "entities", (long) report.get("entities").size(), "mentions", mentions,
                "themes", (long) report.get("themes").size(), "evidence", evidence, "sentence_themes", sentenceThemes);
        Path db = out.resolve(io.entente.store.CorpusStore.DEFAULT_FILE_NAME);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly());
                java.sql.Statement st = c.createStatement()) {
            for (var e : expected.entrySet()) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + e.getKey())) {
                    rs.next();
                    assertEquals(e.getValue().longValue(), rs.getLong(1), e.getKey());
                }
            }
            JsonNode t0 = report.get("themes").get(0);
            try (java.sql.ResultSet rs = st.executeQuery("SELECT sentence_count FROM themes WHERE theme_id = '" + t0.get("id").asText() + "'")) {
                rs.next();
                assertEquals(t0.get("sentences").size(), rs.getInt(1));
            }
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    /** Switching the classifier only reclassifies themes; the reports must then name the new classifier's models. */
    @Test
    void reclassifiedReportsNameTheModelsThatMadeThem() throws Exception {
        Path out = tmp.resolve("switch");
        assertEquals(0, run("analyze", SEED.toString(), "--out", out.toString()).status());
        Papers.Run r = run("analyze", SEED.toString(), "--out", out.toString(), "--classifier", "hybrid");
        assertEquals(0, r.status(), r.err());
        JsonNode report = seedReport(out);
        Set<String> names = new HashSet<>();
        report.get("pipeline").get("models").forEach(m -> names.add(m.get("name").asText().replaceAll(":.*", ":")));
        assertTrue(names.containsAll(Set.of("corenlp-crf:", "codebook:", "embeddings:", "semantic-model:")), names.toString());
        assertTrue(r.err().contains("0 analyzed, 1 reclassified"), "themes alone were redone: " + r.err());
    }

    @Test
    void hybridRunsKeepTheirSentenceVectorsForTheNextRun() throws Exception {
        Path out = tmp.resolve("hybrid");
        Papers.Run r = run("analyze", SEED.toString(), "--out", out.toString(), "--classifier", "hybrid");
        assertEquals(0, r.status(), r.err());
        Path cache = out.resolve(".entente/embeddings.bin");
        assertTrue(Files.isRegularFile(cache), "no embedding cache");
        io.entente.semantic.HybridModel packaged = io.entente.semantic.HybridModel.readPackaged("security-cooperation");
        io.entente.semantic.SentenceEncoder fresh = io.entente.semantic.HybridThemeClassifier.encoderFor(packaged, 100_000);
        fresh.loadCache(cache);
        // vectors of another encoder are refused, never mixed
        io.entente.semantic.SentenceEncoder other = new io.entente.semantic.SentenceEncoder(
                io.entente.semantic.EncoderSpec.named("all-minilm-l6-v2"), 10);
        assertThrows(java.io.UncheckedIOException.class, () -> other.loadCache(cache));
        JsonNode report = seedReport(out);
        int sentences = report.get("sentences").size();
        assertTrue(sentences > 10 && fresh.cachedSentences() >= sentences, fresh.cachedSentences() + " cached vectors, " + sentences + " sentences");
        // a damaged cache is a warning, not a failure
        Files.write(cache, new byte[] {1, 2, 3});
        Papers.Run again = run("analyze", SEED.toString(), "--out", out.toString(), "--classifier", "hybrid", "--force");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("ignoring the cache"), again.err());
    }

    @Test
    void seedPaperEndToEnd() throws Exception {
        Path out = tmp.resolve("reports");
        JsonNode report = analyzeSeed(out);
        Set<String> countries = new HashSet<>();
        Set<String> people = new HashSet<>();
        Set<String> orgs = new HashSet<>();
        for (JsonNode e : report.get("entities")) {
            switch (e.get("type").asText()) {
                case "COUNTRY" -> countries.add(e.get("code").asText());
                case "PERSON" -> people.add(e.get("canonical").asText());
                default -> orgs.add(e.get("canonical").asText().toLowerCase());
            }
        }
        assertTrue(countries.containsAll(Set.of("KOR", "JPN", "PRK", "CHN", "USA", "RUS")), countries.toString());
        assertEquals(Set.of("Chung", "Izumi"), people);
        assertTrue(orgs.containsAll(Set.of("hanyang university", "korea military academy", "toyota motor corporation")), orgs.toString());
        Set<String> themes = new HashSet<>();
        report.get("themes").forEach(t -> themes.add(t.get("id").asText()));
        assertTrue(themes.containsAll(Set.of("threat.shared", "alliance.dynamics", "history.legacy", "territorial.dispute",
                "mutual.distrust", "institutional.mechanisms")), themes.toString());
        String md = Files.readString(out.resolve("rok-japan-security-cooperation.md"));
        assertTrue(md.contains("Drivers of cooperation") && md.contains("Obstacles to cooperation"));
        for (JsonNode t : report.get("themes")) {
            for (JsonNode ev : t.get("evidence")) {
                assertTrue(ev.get("end").asInt() > ev.get("start").asInt());
            }
        }
    }
}
