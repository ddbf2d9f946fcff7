package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.report.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost: a killed run leaves complete reports or none, and two runs never interleave. */
class RobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SENTENCES = {
        "North Korea launched a ballistic missile over Japan on Tuesday.",
        "South Korea and Japan agreed to resume defense ministers' talks.",
        "Historical grievances over comfort women continue to divide Seoul and Tokyo.",
        "Washington urged its two allies to deepen trilateral cooperation.",
        "Public opinion in both countries remains wary of closer military ties.",
        "The dispute over Dokdo flared again after the textbook revision.",
        "China's military build-up worries planners in Canberra and Tokyo.",
        "Analysts at the Korea Institute for Defense Analyses expect more joint exercises.",
    };

    @TempDir
    Path tmp;

    private Path corpus(int n) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder("Paper " + i + "\n\n");
            for (int s = 0; s < 40; s++) {
                b.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(s % 5 == 4 ? "\n\n" : " ");
            }
            Files.writeString(in.resolve(String.format("paper-%03d.txt", i)), b.toString());
        }
        return in;
    }

    private static List<Path> reports(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("corpus.json")).sorted().toList();
        }
    }

    @Test
    void killedRunLeavesCompleteReportsAndTheNextRunFinishes() throws Exception {
        Path in = corpus(80);
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.entente.cli.Main",
                "analyze", in.toString(), "--out", out.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && (!Files.isDirectory(out) || reports(out).size() < 5) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        p.waitFor();
        int before = reports(out).size();
        assertTrue(before >= 5 && before < 80, "reports before the kill: " + before);
        for (Path r : reports(out)) {
            JsonNode n = JSON.readTree(r.toFile()); // a half-written file would not parse
            assertEquals(1, n.get("schemaVersion").asInt(), r.toString());
            assertTrue(n.get("themes").isArray(), r.toString());
        }

        assertEquals(0, Main.run("analyze", in.toString(), "--out", out.toString()));
        assertEquals(80, reports(out).size());
        JsonNode corpus = JSON.readTree(out.resolve("corpus.json").toFile());
        assertEquals(80, corpus.get("documents").asInt());
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
        }
    }

    @Test
    void secondRunOnTheSameFolderRefusesWhileTheFirstHoldsIt() throws Exception {
        Path in = corpus(2);
        Path out = tmp.resolve("out");
        try (OutputLock held = OutputLock.acquire(out, 0)) {
            assertEquals(Main.LOCKED, Main.run("analyze", in.toString(), "--out", out.toString()));
            assertEquals(Main.LOCKED, Main.run("analyze", in.toString(), "--out", out.toString(), "--wait", "1"));
        }
        assertEquals(0, Main.run("analyze", in.toString(), "--out", out.toString()));
        assertEquals(2, reports(out).size());
    }

    @Test
    void incrementalRunsFollowTheCorpus() throws Exception {
        Path in = corpus(4);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.run("analyze", in.toString(), "--out", out.toString()));
        long firstMtime = Files.getLastModifiedTime(out.resolve("paper-000.json")).toMillis();
        Thread.sleep(20);
        // gains one, changes one, loses one
        Files.writeString(in.resolve("paper-new.txt"), "Japan and Australia signed a reciprocal access agreement.");
        Files.writeString(in.resolve("paper-001.txt"), "Tokyo and Seoul exchanged intelligence under GSOMIA.");
        Files.delete(in.resolve("paper-002.txt"));
        assertEquals(0, Main.run("analyze", in.toString(), "--out", out.toString()));
        assertEquals(firstMtime, Files.getLastModifiedTime(out.resolve("paper-000.json")).toMillis(), "unchanged paper was redone");
        assertTrue(Files.exists(out.resolve("paper-new.json")));
        assertTrue(Files.notExists(out.resolve("paper-002.json")) && Files.notExists(out.resolve("paper-002.md")));
        JsonNode changed = JSON.readTree(out.resolve("paper-001.json").toFile());
        assertTrue(changed.get("sentences").get(0).get("text").asText().contains("GSOMIA"));
        assertEquals(4, JSON.readTree(out.resolve("corpus.json").toFile()).get("documents").asInt());

        // a new codebook reclassifies from the cache
        Path cb = tmp.resolve("tiny.json");
        Files.writeString(cb, """
                {"id": "tiny", "version": "1", "name": "Tiny", "themes": [
                  {"id": "pacts", "polarity": "driver", "name": "Pacts", "definition": "agreements",
                   "cues": [{"pattern": "gsomia|agreement", "weight": 1.0}]}]}""");
        assertEquals(0, Main.run("analyze", in.toString(), "--out", out.toString(), "--codebook", cb.toString()));
        JsonNode re = JSON.readTree(out.resolve("paper-001.json").toFile());
        assertEquals("tiny", re.get("pipeline").get("codebook").get("id").asText());
        assertEquals("pacts", re.get("themes").get(0).get("id").asText());
        assertTrue(re.get("entities").size() > 0, "entities survive reclassification");
    }

}
