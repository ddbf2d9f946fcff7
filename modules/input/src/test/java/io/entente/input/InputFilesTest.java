package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFilesTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Some text.\n");
        return p;
    }

    private static List<String> ids(List<InputFiles.InputFile> files) {
        return files.stream().map(InputFiles.InputFile::id).toList();
    }

    @Test
    void recursesFoldersInSortedOrder() throws IOException {
        Path zeta = touch("papers/zeta.txt");
        Path alpha = touch("papers/alpha.md");
        Path nested = touch("papers/b/inner.markdown");
        Path deeper = touch("papers/b/c/deep.text");
        Path middle = touch("papers/m.txt");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(dir.resolve("papers")), Set.of());
        assertEquals(List.of(alpha, deeper, nested, middle, zeta), files.stream().map(InputFiles.InputFile::path).toList());
        assertEquals(List.of("alpha", "deep", "inner", "m", "zeta"), ids(files));
    }

    @Test
    void foldersYieldOnlyKnownExtensions() throws IOException {
        touch("in/a.txt");
        touch("in/b.MD");
        touch("in/c.pdf");
        touch("in/d.docx");
        touch("in/e");
        touch("in/f.txt.bak");
        touch("in/.hidden.txt");
        touch("in/g.HTML");
        touch("in/h.htm");
        touch("in/i.doc");
        touch("in/j.rtf");
        touch("in/k.xlsx");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(dir.resolve("in")), Set.of());
        assertEquals(List.of("a", "b", "c", "d", "g", "h"), ids(files));
    }

    @Test
    void explicitFileIsTakenWhateverItsExtension() throws IOException {
        Path rtf = touch("notes.rtf");
        Path none = touch("README");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(rtf, none), Set.of());
        assertEquals(List.of(rtf, none), files.stream().map(InputFiles.InputFile::path).toList());
        assertEquals(List.of("notes", "README"), ids(files));
    }

    @Test
    void explicitFilesKeepTheOrderGivenAndFoldersFollowTheirPlace() throws IOException {
        Path b = touch("b.txt");
        touch("dir/a.txt");
        Path c = touch("c.txt");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(c, dir.resolve("dir"), b), Set.of());
        assertEquals(List.of("c", "a", "b"), ids(files));
    }

    @Test
    void duplicateIdsGetNumbered() throws IOException {
        touch("x/report.txt");
        touch("y/report.md");
        touch("z/report.text");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(dir), Set.of());
        assertEquals(List.of("report", "report-2", "report-3"), ids(files));
    }

    @Test
    void idsAreUniqueIgnoringCase() throws IOException {
        touch("x/Report.txt");
        touch("y/report.txt");
        List<String> ids = ids(InputFiles.collect(List.of(dir), Set.of()));
        assertEquals(List.of("Report", "report-2"), ids);
    }

    @Test
    void sameFileGivenTwiceIsReadOnce() throws IOException {
        Path a = touch("a.txt");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(a, dir, dir.resolve("./a.txt")), Set.of());
        assertEquals(List.of("a"), ids(files));
    }

    @Test
    void reservedIdsAreAvoided() throws IOException {
        touch("in/corpus.txt");
        touch("in/summary.md");
        touch("in/other.txt");
        List<String> ids = ids(InputFiles.collect(List.of(dir.resolve("in")), Set.of("corpus", "summary")));
        assertEquals(List.of("corpus-2", "other", "summary-2"), ids);
    }

    @Test
    void reservedIdsAreAvoidedIgnoringTheFileNameCase() throws IOException {
        touch("in/CORPUS.txt");
        assertEquals(List.of("CORPUS-2"), ids(InputFiles.collect(List.of(dir.resolve("in")), Set.of("corpus"))));
    }

    @Test
    void missingPathThrowsNoSuchFile() throws IOException {
        Path a = touch("a.txt");
        Path missing = dir.resolve("missing.txt");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> InputFiles.collect(List.of(a, missing), Set.of()));
        assertEquals(missing.toString(), e.getFile());
    }

    @Test
    void idsOfAwkwardNamesAreSafe() throws IOException {
        touch("in/My Policy Paper (2019).txt");
        touch("in/Über Sicherheit – Ostasien.md");
        touch("in/日本の安全保障.txt");
        touch("in/a..b.txt");
        touch("in/-dash start.txt");
        Path dotted = touch("..txt"); // hidden, so skipped in folders; named explicitly here
        List<String> ids = ids(InputFiles.collect(List.of(dir.resolve("in"), dotted), Set.of()));
        assertEquals(6, ids.size());
        for (String id : ids) {
            assertSafe(id);
        }
        assertTrue(ids.contains("My-Policy-Paper-2019"), ids.toString());
        assertTrue(ids.contains("Uber-Sicherheit-Ostasien"), ids.toString());
        assertTrue(ids.contains("a.b"), ids.toString());
        assertTrue(ids.contains("dash-start"), ids.toString());
        assertEquals(ids.size(), Set.copyOf(ids).size(), "ids are unique");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "...", "../../etc/passwd", "a/../../b.txt", "..\\..\\evil.txt", "x/..hidden..txt",
            "日本.txt", "  .txt", "name with spaces.md", "tab\there.txt", "semi;colon|pipe.txt", "quote\"s'.txt",
            "new\nline.txt", "émigré.txt", ".", "....txt"})
    void idForIsAlwaysSafe(String name) {
        assertSafe(InputFiles.idFor(Path.of(name)));
    }

    @Test
    void idForKeepsOrdinaryNamesAndDropsTheExtension() {
        assertEquals("rok-japan-security-cooperation", InputFiles.idFor(Path.of("seeds/rok-japan-security-cooperation.txt")));
        assertEquals("paper_v1.2", InputFiles.idFor(Path.of("paper_v1.2.md")));
        assertEquals("report", InputFiles.idFor(Path.of("report")));
        assertEquals("document", InputFiles.idFor(Path.of("日本.txt")));
    }

    @Test
    void idForLimitsLength() {
        String id = InputFiles.idFor(Path.of("a".repeat(300) + ".txt"));
        assertTrue(id.length() <= 120, "length " + id.length());
        assertSafe(id);
    }

    private static List<String> names(InputFiles.Collected c) {
        return c.files().stream().map(f -> f.path().getFileName().toString()).toList();
    }

    @Test
    void outputFoldersAreNeverRead() throws IOException {
        touch("papers/paper.txt");
        touch("papers/reports/paper.md"); // the run's own --out folder inside the input folder
        touch("papers/old/.entente/manifest.tsv");
        touch("papers/old/other.md"); // an earlier output folder, recognized by .entente/
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("papers")), Set.of(),
                InputFiles.Selection.papers(List.of(dir.resolve("papers/reports"))));
        assertEquals(List.of("paper.txt"), names(c));
        assertEquals(1, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).contains("reports") && c.notes().get(0).contains("old"), c.notes().toString());
    }

    @Test
    void theOutputFolderGivenAsInputIsSkippedWithANote() throws IOException {
        touch("out/a.md");
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("out")), Set.of(),
                InputFiles.Selection.papers(List.of(dir.resolve("./out"))));
        assertEquals(List.of(), c.files());
        assertTrue(c.notes().get(0).startsWith("not reading Entente's output folder "), c.notes().toString());
    }

    @Test
    void readmeLicenseAndBuildFilesAreSkippedUnlessIncluded() throws IOException {
        touch("in/README.md");
        touch("in/LICENSE.txt");
        touch("in/build/generated.txt");
        touch("in/sub/readme.txt");
        touch("in/paper.txt");
        touch("in/notes.rst");
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("in")), Set.of(), InputFiles.Selection.papers(List.of()));
        assertEquals(List.of("paper.txt"), names(c));
        assertEquals(2, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).startsWith("skipped 4 files that are not papers"), c.notes().get(0));
        assertTrue(c.notes().get(1).contains("notes.rst: not a supported format (.rst)"), c.notes().get(1));
        InputFiles.Collected all = InputFiles.collect(List.of(dir.resolve("in")), Set.of(),
                InputFiles.Selection.papers(List.of()).with(List.of("README*", "build/**", "*.rst"), List.of("paper.txt")));
        assertEquals(List.of("README.md", "generated.txt", "notes.rst"), names(all)); // sorted by path: in/README.md < in/build/
        assertTrue(all.notes().stream().anyMatch(n -> n.contains("--exclude") && n.contains("1 file:")), all.notes().toString());
    }

    @Test
    void filesOfOtherFormatsInFoldersAreNotedWithTheirReason() throws IOException {
        touch("in/paper.txt");
        Path rtf = touch("in/doc.rtf");
        touch("in/word97.doc");
        touch("in/sub/old.DOC");
        touch("in/Makefile");
        touch("in/paper.meta.json"); // a sidecar: read with paper.txt, not a skipped file
        touch("in/.hidden.rtf"); // hidden files stay silent
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("in")), Set.of(), InputFiles.Selection.papers(List.of()));
        assertEquals(List.of("paper.txt"), names(c));
        assertEquals(3, c.notes().size(), c.notes().toString()); // one note per extension
        assertTrue(c.notes().contains("skipped " + rtf + ": not a supported format (.rtf); --include '*.rtf' reads it anyway"),
                c.notes().toString());
        String doc = c.notes().stream().filter(n -> n.contains("(.doc)")).findFirst().orElseThrow();
        assertTrue(doc.startsWith("skipped 2 files, not a supported format (.doc): ") && doc.contains("word97.doc")
                && doc.contains("old.DOC") && doc.endsWith("--include '*.doc' reads them anyway"), doc);
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("Makefile") && n.contains("(no extension)")
                && n.contains("--include 'Makefile'")), c.notes().toString());
        assertFalse(c.notes().toString().contains("meta.json") || c.notes().toString().contains("hidden"), c.notes().toString());

        InputFiles.Collected included = InputFiles.collect(List.of(dir.resolve("in")), Set.of(),
                InputFiles.Selection.papers(List.of()).with(List.of("*.rtf"), List.of()));
        assertEquals(List.of("doc.rtf", "paper.txt"), names(included));
        assertFalse(included.notes().toString().contains(".rtf"), included.notes().toString());
    }

    @Test
    void aFileNamedExplicitlyIsNeverNotedAsSkipped() throws IOException {
        Path rtf = touch("doc.rtf");
        InputFiles.Collected c = InputFiles.collect(List.of(rtf), Set.of(), InputFiles.Selection.papers(List.of()));
        assertEquals(List.of("doc.rtf"), names(c)); // the reader refuses it with its reason, as a failure
        assertEquals(List.of(), c.notes());
    }

    @Test
    void linksInFoldersAreFollowedAndEachFileIsReadOnce() throws IOException {
        Path paper = touch("in/paper.txt");
        touch("elsewhere/linked.txt");
        Files.createSymbolicLink(dir.resolve("in/alias.txt"), paper); // the same file again
        Files.createSymbolicLink(dir.resolve("in/from-elsewhere.txt"), dir.resolve("elsewhere/linked.txt"));
        Files.createSymbolicLink(dir.resolve("in/sub"), dir.resolve("elsewhere")); // a linked folder
        Files.createSymbolicLink(dir.resolve("in/dangling.txt"), dir.resolve("in/nothing.txt"));
        Files.createSymbolicLink(dir.resolve("in/up"), dir.resolve("in")); // a loop
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("in")), Set.of(), InputFiles.Selection.papers(List.of()));
        // elsewhere/linked.txt is reached twice, through in/from-elsewhere.txt and in/sub/: read once (the first in order)
        assertEquals(List.of("from-elsewhere.txt", "paper.txt"), names(c));
        assertEquals(dir.resolve("in/paper.txt"), c.files().get(1).path()); // under its own path, not the alias
        String notes = String.join("\n", c.notes());
        assertTrue(notes.contains("symbolic link to nothing: " + dir.resolve("in/dangling.txt")), notes);
        assertTrue(notes.contains("(a loop): " + dir.resolve("in/up")), notes);
        assertTrue(notes.contains("read once: 2 paths lead") && notes.contains(dir.resolve("in/alias.txt").toString())
                && notes.contains(dir.resolve("in/sub/linked.txt").toString()), notes);
    }

    @Test
    void aFolderItMayNotReadIsNotedAndTheRestIsCollected() throws Exception {
        touch("in/paper.txt");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        touch("locked/hidden-away.txt");
        Files.createSymbolicLink(dir.resolve("in/linked"), locked);
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            // root reads every folder (here it is), so the refusal can only be seen as another user
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "the folder is readable to this user");
            InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("in")), Set.of(), InputFiles.Selection.papers(List.of()));
            assertEquals(List.of("paper.txt"), names(c)); // was: 'cannot list ...', nothing collected
            assertTrue(c.notes().toString().contains("cannot read a folder, left out") && c.notes().toString().contains("permission denied"),
                    c.notes().toString());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void namedPipesInFoldersAreNoted() throws Exception {
        touch("in/paper.txt");
        Path fifo = dir.resolve("in/pipe.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        InputFiles.Collected c = InputFiles.collect(List.of(dir.resolve("in")), Set.of(), InputFiles.Selection.papers(List.of()));
        assertEquals(List.of("paper.txt"), names(c));
        assertTrue(c.notes().toString().contains("skipped 1 entry that is not a regular file (named pipes, sockets, devices): " + fifo), c.notes().toString());
    }

    @Test
    void pluralIsSingularForOne() {
        assertEquals("1 document", InputFiles.plural(1, "document", "documents"));
        assertEquals("0 documents", InputFiles.plural(0, "document", "documents"));
        assertEquals("2 documents", InputFiles.plural(2, "document", "documents"));
    }

    private static void assertSafe(String id) {
        assertTrue(id.matches("[A-Za-z0-9._-]+"), "unsafe id '" + id + "'");
        assertFalse(id.contains(".."), "id contains '..': " + id);
        assertFalse(id.contains("/"), "id contains '/': " + id);
        assertFalse(id.startsWith("."), "id is hidden: " + id);
        assertFalse(id.equals("."), id);
    }
}
