package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site is one more output of analyze: written with the reports, left alone when nothing changed. */
class AnalyzeSiteTest {
    @TempDir
    Path tmp;

    private static Map<Path, FileTime> times(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            Map<Path, FileTime> out = new TreeMap<>();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p, Files.getLastModifiedTime(p));
            }
            return out;
        }
    }

    @Test
    void analyzeWritesTheSiteAndAnUnchangedRerunLeavesItAlone() throws Exception {
        Path in = tmp.resolve("in");
        Papers.write(in, 0, 3);
        Path out = tmp.resolve("out");
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("site/index.html")), "no site after analyze");
        assertTrue(r.err().contains("entente: site " + out.resolve("site") + ": 3 documents, "), r.err());
        String index = Files.readString(out.resolve("site/index.html"));
        assertTrue(index.contains("Content-Security-Policy"), "the site's pages carry their CSP");
        Map<Path, FileTime> before = times(out.resolve("site"));
        Thread.sleep(20);
        Papers.Run again = Papers.run("analyze", in.toString(), "--out", out.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(before, times(out.resolve("site")), "an unchanged corpus rewrote the site");

        Papers.write(in, 3, 1); // a new paper: the site follows
        assertEquals(0, Papers.run("analyze", in.toString(), "--out", out.toString()).status());
        try (Stream<Path> s = Files.walk(out.resolve("site"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().contains("note-03")), "the new paper has no page");
        }
    }

    @Test
    void noSiteWritesNone() throws Exception {
        Path in = tmp.resolve("in");
        Papers.write(in, 0, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, Papers.run("analyze", in.toString(), "--out", out.toString(), "--no-site").status());
        assertFalse(Files.exists(out.resolve("site")));
        assertTrue(Files.isRegularFile(out.resolve("corpus.json")));
    }
}
