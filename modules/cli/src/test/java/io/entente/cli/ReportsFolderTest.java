package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of papers given where a reports folder belongs must stay untouched, and analyze must never drop a
 * document whose file still exists; an unchanged document whose report file was deleted is redone.
 */
class ReportsFolderTest {
    @TempDir
    Path tmp;

    private static Set<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return new TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
        }
    }

    @Test
    void everyCommandThatReadsReportsRefusesAFolderOfPapersAndCreatesNothingThere() throws Exception {
        Path papers = tmp.resolve("papers");
        Papers.write(papers, 0, 3);
        Files.writeString(papers.resolve("note-00.meta.json"), "{\"title\": \"A sidecar is no report\"}");
        Set<String> before = listing(papers);
        List<List<String>> commands = List.of(
                List.of("export", "--reports", papers.toString()),
                List.of("export", "--format", "qdpx", "--reports", papers.toString()),
                List.of("site", "--reports", papers.toString()),
                List.of("trends", "--reports", papers.toString()),
                List.of("compare", "note-00", "note-01", "--reports", papers.toString()));
        for (List<String> command : commands) {
            Papers.Run r = Papers.run(command.toArray(String[]::new));
            assertEquals(2, r.status(), command + ": " + r.err());
            assertTrue(r.err().contains(papers + " is not an Entente reports folder (no .entente/manifest.tsv): "
                    + "pass the --out folder of analyze"), command + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), command + ": one line: " + r.err());
            assertEquals(before, listing(papers), command + " created something in the papers folder");
        }
        assertFalse(ReportsFolder.isReportsFolder(papers));
        Files.createDirectories(tmp.resolve("r/.entente"));
        Files.writeString(tmp.resolve("r/.entente/manifest.tsv"), "id\n");
        assertTrue(ReportsFolder.isReportsFolder(tmp.resolve("r")), "an analyzed folder, even of no documents");
    }

    @Test
    void analyzeKeepsTheDocumentsOfAFolderItSkipsAndDropsOnlyThoseWhoseFileIsGone() throws Exception {
        Path papers = tmp.resolve("papers");
        Papers.write(papers, 0, 3);
        Path reports = tmp.resolve("reports");
        Papers.Run first = Papers.run("analyze", papers.toString(), "--out", reports.toString(), "--no-site", "--threads", "1");
        assertEquals(0, first.status(), first.err());
        assertEquals(2, Papers.run("export", "--reports", papers.toString()).status());
        assertFalse(Files.exists(papers.resolve(".entente")), "the refused export created the state folder");

        // What the refused export used to leave: the papers folder now looks like an output folder and is skipped.
        Files.createDirectories(papers.resolve(".entente"));
        Papers.Run skipped = Papers.run("analyze", papers.toString(), "--out", reports.toString(), "--no-site", "--threads", "1");
        assertEquals(0, skipped.status(), skipped.err());
        assertTrue(skipped.err().contains("not reading Entente's output folder"), skipped.err());
        assertFalse(skipped.err().contains("removing"), skipped.err());
        assertTrue(skipped.err().contains("0 removed"), skipped.err());
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.exists(reports.resolve(String.format("note-%02d.json", i))), skipped.err());
        }

        // A file that is really gone is still removed, and said so.
        Files.delete(papers.resolve(".entente"));
        Files.delete(papers.resolve("note-02.txt"));
        Papers.Run gone = Papers.run("analyze", papers.toString(), "--out", reports.toString(), "--no-site", "--threads", "1");
        assertEquals(0, gone.status(), gone.err());
        assertTrue(gone.err().contains("removing note-02: ") && gone.err().contains("note-02.txt is no longer there"), gone.err());
        assertTrue(gone.err().contains("1 removed"), gone.err());
        assertFalse(Files.exists(reports.resolve("note-02.json")));
        assertTrue(Files.exists(reports.resolve("note-00.json")) && Files.exists(reports.resolve("note-01.json")));
    }

    @Test
    void aDeletedReportFileIsNoticedAndRedone() throws Exception {
        Path papers = tmp.resolve("papers");
        Papers.write(papers, 0, 3);
        Path reports = tmp.resolve("reports");
        String[] analyze = {"analyze", papers.toString(), "--out", reports.toString(), "--no-site", "--threads", "1"};
        assertEquals(0, Papers.run(analyze).status());
        String markdown = Files.readString(reports.resolve("note-01.md"));

        Files.delete(reports.resolve("note-01.md"));
        Papers.Run md = Papers.run(analyze);
        assertEquals(0, md.status(), md.err());
        assertTrue(md.err().contains("report missing: " + reports.resolve("note-01.md")), md.err());
        assertTrue(md.err().contains("1 analyzed") && md.err().contains("2 unchanged"), md.err());
        assertEquals(markdown, Files.readString(reports.resolve("note-01.md")));

        Files.delete(reports.resolve("note-02.json"));
        Papers.Run json = Papers.run(analyze);
        assertEquals(0, json.status(), json.err());
        assertTrue(json.err().contains("report missing: " + reports.resolve("note-02.json")), json.err());
        assertFalse(json.err().contains("models, knowledge files or options changed"), json.err());
        assertTrue(Files.exists(reports.resolve("note-02.json")));

        Papers.Run again = Papers.run(analyze);
        assertTrue(again.err().contains("0 analyzed") && again.err().contains("3 unchanged"), again.err());
        assertFalse(again.err().contains("report missing"), again.err());
    }

    @Test
    void aWriteErrorNamesItsCause() throws Exception {
        Path papers = tmp.resolve("papers");
        Papers.write(papers, 0, 1);
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "a file where a folder should be");
        Papers.Run r = Papers.run("analyze", papers.toString(), "--out", plain.resolve("reports").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(plain.resolve("reports") + ": Not a directory"), r.err());
    }
}
