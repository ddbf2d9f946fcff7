package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente site}: the site of an analyzed folder, its default place, and its exit codes. */
class SiteCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheSiteBesideTheReportsAndRewritesNothingTheSecondTime() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        Papers.write(in, 0, 3);
        assertEquals(Main.OK, Papers.run("analyze", in.toString(), "--out", out.toString()).status());
        assertEquals(Main.OK, Papers.run("site", "--reports", out.toString()).status());
        assertTrue(Files.isRegularFile(out.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("site/docs/note-00.html")));
        long before = Files.getLastModifiedTime(out.resolve("site/docs/note-00.html")).toMillis();
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(Main.OK, Main.run("site", "--reports", out.toString(), "--out", out.resolve("site").toString()));
        } finally {
            System.setOut(old);
        }
        assertTrue(buf.toString(java.nio.charset.StandardCharsets.UTF_8).contains("3 documents, 0 files written,"), buf.toString());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("site/docs/note-00.html")).toMillis());
    }

    @Test
    void aMissingFolderOrABrokenReportIsAUsageError() throws Exception {
        Papers.Run missing = Papers.run("site", "--reports", tmp.resolve("nowhere").toString());
        assertEquals(Main.USAGE, missing.status());
        assertTrue(missing.err().contains("no such reports folder"), missing.err());
        Path reports = tmp.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("bad.json"), "{\"schemaVersion\": 1, \"document\": {\"id\": \"x\"}}");
        Papers.Run bad = Papers.run("site", "--reports", reports.toString());
        assertEquals(Main.USAGE, bad.status());
        assertTrue(bad.err().contains("bad.json"), bad.err());
        assertTrue(!Files.exists(reports.resolve("site/index.html")));
    }

    @Test
    void aLockedFolderExitsThreeOrIsWaitedFor() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        Papers.write(in, 0, 2);
        assertEquals(Main.OK, Papers.run("analyze", in.toString(), "--out", out.toString(), "--no-site").status());
        io.entente.report.OutputLock held = io.entente.report.OutputLock.acquire(out, 0); // as a running analyze holds it
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            Papers.Run busy = Papers.run("site", "--reports", out.toString());
            assertEquals(Main.LOCKED, busy.status(), busy.err());
            assertTrue(busy.err().contains("--wait SECONDS"), busy.err());
            assertTrue(!Files.exists(out.resolve("site/index.html")));
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(600);
                    if (released.compareAndSet(false, true)) {
                        held.close();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            Papers.Run waited = Papers.run("site", "--reports", out.toString(), "--wait", "20");
            release.join();
            assertEquals(Main.OK, waited.status(), waited.err());
            assertTrue(Files.isRegularFile(out.resolve("site/index.html")));
        } finally {
            if (released.compareAndSet(false, true)) {
                held.close();
            }
        }
    }
}
