package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.input.ReaderOptions;
import io.entente.pipeline.MetadataSources;
import io.entente.report.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Batches that never lose work: own outputs never read back, additive runs, interrupts at random points. */
class BatchSafetyTest {
    @TempDir
    Path tmp;

    private static JsonNode corpus(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("corpus.json").toFile());
    }

    private static Set<String> reportIds(Path out) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> s = Files.list(out)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("corpus.json"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
        }
        return ids;
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsNeverReadBack() throws Exception {
        Path in = tmp.resolve("papers");
        Papers.write(in, 0, 1);
        Path out = in.resolve("reports");
        for (int run = 0; run < 3; run++) {
            Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString());
            assertEquals(0, r.status(), r.err());
            assertEquals(1, corpus(out).get("documents").asInt(), r.err());
            assertEquals(Set.of("note-00"), reportIds(out));
            if (run > 0) {
                assertTrue(r.err().contains("not reading Entente's output folder " + out), r.err());
                assertTrue(r.err().contains("entente: 1 document in "), r.err()); // singular
            }
        }
        // An older output folder elsewhere in the tree (recognized by .entente/) is skipped too.
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", tmp.resolve("elsewhere").toString());
        assertEquals(Set.of("note-00"), reportIds(tmp.resolve("elsewhere")), r.err());
        assertTrue(r.err().contains("not reading Entente's output folder"), r.err());
    }

    @Test
    void batchesAddUpAndOnlyFilesGoneFromAFolderGivenAgainAreRemoved() throws Exception {
        Path a = tmp.resolve("A");
        Path b = tmp.resolve("B");
        List<Path> inA = Papers.write(a, 0, 3);
        Papers.write(b, 3, 2);
        Files.writeString(b.resolve("note-00.txt"), Papers.paper(7)); // same file name as one in A: a paper of its own
        Path out = tmp.resolve("R");
        assertEquals(0, Papers.run("analyze", a.toString(), "--out", out.toString()).status());
        Papers.Run rb = Papers.run("analyze", b.toString(), "--out", out.toString());
        assertEquals(0, rb.status(), rb.err());
        assertEquals(Set.of("note-00", "note-01", "note-02", "note-03", "note-04", "note-00-2"), reportIds(out), rb.err());
        assertEquals(6, corpus(out).get("documents").asInt());
        assertTrue(rb.err().contains("0 removed") && rb.err().contains("3 kept from other inputs"), rb.err());
        String aReport = Files.readString(out.resolve("note-00.json"));
        assertTrue(aReport.contains(a.resolve("note-00.txt").toString()), "A's note-00 keeps its id and report");

        // Rerunning B changes nothing; ids stay with their files.
        Papers.Run again = Papers.run("analyze", b.toString(), "--out", out.toString());
        assertTrue(again.err().contains("0 analyzed") && again.err().contains("3 unchanged"), again.err());

        // A file gone from A, and A given again: that document alone is removed, named before it goes.
        Files.delete(inA.get(1));
        Papers.Run ra = Papers.run("analyze", a.toString(), "--out", out.toString());
        assertTrue(ra.err().contains("entente: removing note-01: " + inA.get(1).toAbsolutePath() + " is no longer there"), ra.err());
        assertEquals(Set.of("note-00", "note-02", "note-03", "note-04", "note-00-2"), reportIds(out));
        assertEquals(5, corpus(out).get("documents").asInt());

        // --prune drops everything not given.
        Papers.Run rp = Papers.run("analyze", b.toString(), "--out", out.toString(), "--prune");
        assertTrue(rp.err().contains("entente: removing note-00: ") && rp.err().contains("(--prune)"), rp.err());
        assertEquals(Set.of("note-03", "note-04", "note-00-2"), reportIds(out));
        assertEquals(3, corpus(out).get("documents").asInt());
    }

    // ---- interrupts -------------------------------------------------------------------------------------------

    private AnalyzeJob job(Path in, Path out, StringWriter err) throws Exception {
        AnalyzeCommand cmd = new AnalyzeCommand();
        new CommandLine(cmd).parseArgs(in.toString(), "--out", out.toString());
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(in), AnalyzeJob.RESERVED_IDS,
                InputFiles.Selection.papers(List.of(out))).files();
        return new AnalyzeJob(new AnalyzeJob.Options(files, out, cmd.pipelineOptions, 1,
                new DocumentReader(ReaderOptions.defaults()), MetadataSources.none(), false, 0, false, List.of(in), false,
                Map.of()), new PrintWriter(err, true));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void anInterruptedBatchResumesWithExactlyTheUnfinishedDocumentsAndEndsLikeAnUninterruptedRun() throws Exception {
        int total = 9;
        Path in = tmp.resolve("in");
        Papers.write(in, 0, total);
        Path reference = tmp.resolve("reference");
        io.entente.engine.BatchEngine.Result whole = job(in, reference, new StringWriter()).run();
        assertEquals(total, whole.processed());
        Map<String, String> expected = Papers.outputs(reference);

        Random random = new Random(12);
        for (int trial = 0; trial < 3; trial++) {
            int stopAfter = 1 + random.nextInt(total - 1);
            boolean hardKill = trial % 2 == 1;
            Path out = tmp.resolve("out" + trial);
            Path killed = tmp.resolve("killed" + trial);
            AnalyzeJob first = job(in, out, new StringWriter());
            AtomicInteger count = new AtomicInteger();
            first.afterDocument = id -> {
                if (count.incrementAndGet() == stopAfter) {
                    if (hardKill) {
                        try {
                            copyTree(out, killed); // the folder as kill -9 would leave it at this instant
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    first.interrupt(); // what the Ctrl-C / SIGTERM shutdown hook does
                }
            };
            io.entente.engine.BatchEngine.Result r1 = first.run();
            Path resumed = hardKill ? killed : out;
            Set<String> finished = new HashSet<>(Manifest.load(resumed).entries().keySet());
            if (hardKill) {
                assertEquals(stopAfter, finished.size(), "the journal holds every document finished before the kill");
                assertTrue(Files.exists(Manifest.journalFile(resumed)));
            } else {
                assertTrue(r1.interrupted(), "trial " + trial);
                assertEquals(r1.processed(), finished.size());
                assertTrue(finished.size() >= stopAfter && finished.size() < total, finished + " after " + stopAfter);
                assertEquals(total - finished.size(), r1.left());
                // A normal interrupt still leaves the summary of what is done, and no journal.
                assertEquals(finished.size(), corpus(out).get("documents").asInt());
                assertFalse(Files.exists(Manifest.journalFile(out)));
                assertTrue(Files.exists(out.resolve("entente.duckdb")));
            }
            assertEquals(finished, reportIds(resumed));

            AnalyzeJob second = job(in, resumed, new StringWriter());
            List<String> redone = new ArrayList<>();
            second.afterDocument = redone::add;
            io.entente.engine.BatchEngine.Result r2 = second.run();
            assertEquals(total - finished.size(), r2.processed(), "trial " + trial);
            for (String id : redone) {
                assertFalse(finished.contains(id), id + " was finished before the interrupt and redone");
            }
            assertEquals(finished.size(), r2.unchanged());
            assertEquals(expected, Papers.outputs(resumed), "trial " + trial + (hardKill ? " (kill -9)" : " (interrupt)"));
        }
    }
}
