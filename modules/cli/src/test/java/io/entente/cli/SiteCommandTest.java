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
}
