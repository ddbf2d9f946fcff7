package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookInteropCommandTest {
    @TempDir
    Path tmp;

    private static Path shared(String f) {
        Path p = Path.of(System.getProperty("entente.shared", "../../../shared")).resolve("interop").resolve(f);
        assertTrue(Files.isRegularFile(p), "missing fixture " + p.toAbsolutePath().normalize());
        return p;
    }

    @Test
    void importWritesACodebookThatValidatesAndPrintsItsNotes() throws Exception {
        Path out = tmp.resolve("mary.json");
        Papers.Run r = Papers.run("codebook", "import", shared("quanteda/mary.yml").toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("note: polarity") && r.err().contains("2 themes, 6 cues"), r.err());
        assertEquals(0, Papers.run("codebook", "validate", out.toString()).status());

        Path map = Files.writeString(tmp.resolve("pol.tsv"), "south obstacle\n");
        Path cat = tmp.resolve("cat.json");
        r = Papers.run("codebook", "import", shared("quanteda/issue-459.cat").toString(), "--polarity-map", map.toString(),
                "--out", cat.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(CodebookLoader.load(cat).themes().stream().allMatch(t -> t.polarity() == io.entente.core.Polarity.OBSTACLE));
    }

    @Test
    void exportToRefiQdaAndImportGiveTheSameThemesAndCues() throws Exception {
        Path qdc = tmp.resolve("cb.qdc");
        Papers.Run r = Papers.run("codebook", "export", "../../models/codebooks/climate-cooperation.json", "--format", "refi-qda",
                "--out", qdc.toString());
        assertEquals(0, r.status(), r.err());
        Path back = tmp.resolve("back.json");
        assertEquals(0, Papers.run("codebook", "import", qdc.toString(), "--out", back.toString()).status());
        Codebook a = CodebookLoader.load(Path.of("../../models/codebooks/climate-cooperation.json"));
        Codebook b = CodebookLoader.load(back);
        for (Codebook.Theme t : a.themes()) {
            assertEquals(t.cues(), b.theme(t.id()).cues(), t.id());
            assertEquals(t.definition(), b.theme(t.id()).definition(), t.id());
        }
    }

    @Test
    void badFilesAndReadOnlyFormatsAreUsageErrors() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yml"), "a: [x\n");
        Papers.Run r = Papers.run("codebook", "import", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.yml") && r.err().contains("line"), r.err());
        r = Papers.run("codebook", "export", "../../models/codebooks/climate-cooperation.json", "--format", "wordstat");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("read-only"), r.err());
    }

    @Test
    void reviewImportOfAProjectWithoutTextSourcesIsAUsageErrorThatWritesNothing() {
        Path gold = tmp.resolve("gold");
        Papers.Run r = Papers.run("review", "import", shared("refi-qda/atlasti-23.2-project.qdpx").toString(), "--out", gold.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("no text source to import"), r.err());
        assertFalse(Files.exists(gold));
    }
}
