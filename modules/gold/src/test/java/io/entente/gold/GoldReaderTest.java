package io.entente.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.entente.core.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldReaderTest {
    @TempDir
    Path dir;

    private static final String TEXT = "Two navies drilled together.\nThe talks stalled over fishing rights.\n";

    private Path write(String id, String text, String gold) throws IOException {
        Files.writeString(dir.resolve(id + ".txt"), text);
        return Files.writeString(dir.resolve(id + ".gold.json"), gold);
    }

    @Test
    void readsSentencesThemesAndEntities() throws IOException {
        Path g = write("navies", TEXT, """
                {"id": "navies", "title": "t", "sentences": [
                  {"start": 0, "end": 28, "text": "...", "themes": ["institutional.mechanisms"]},
                  {"start": 29, "end": 67, "themes": ["economic.friction", "mutual.distrust"]}],
                 "entities": {"COUNTRY": ["JPN", "KOR"]}, "optional": {"ORGANIZATION": ["Navy"]}}
                """);
        GoldDocument d = GoldDocument.read(g);
        assertEquals("navies", d.id());
        assertEquals(TEXT, d.text());
        assertEquals("Two navies drilled together.", d.text(d.sentences().get(0)));
        assertEquals(List.of("economic.friction", "mutual.distrust"), List.copyOf(d.sentences().get(1).themes()));
        assertEquals(List.of("institutional.mechanisms", "economic.friction", "mutual.distrust"), List.copyOf(d.themes()));
        assertEquals(Set.of("JPN", "KOR"), d.entities().get(EntityType.COUNTRY));
        assertEquals(Set.of(), d.entities().get(EntityType.PERSON));
        assertEquals(Set.of("Navy"), d.optional().get(EntityType.ORGANIZATION));
    }

    @Test
    void aFileWithoutAnEntitiesFieldDoesNotLabelEntities() throws IOException {
        GoldDocument themesOnly = GoldDocument.read(write("themes", TEXT, "{\"sentences\": [{\"start\": 0, \"end\": 28}]}"));
        assertFalse(themesOnly.entitiesLabelled());
        GoldDocument emptyLabels = GoldDocument.read(write("none", TEXT, "{\"sentences\": [], \"entities\": {}}"));
        assertTrue(emptyLabels.entitiesLabelled(), "an empty entities object says: no entities");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(write("list", TEXT, "{\"entities\": [\"JPN\"]}")))
                .getMessage().contains("'entities' is not an object"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheTextNorOfTheJson() throws IOException {
        Files.write(dir.resolve("bom.txt"), ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("bom.gold.json"), "\uFEFF{\"sentences\": [{\"start\": 0, \"end\": 3, \"themes\": []}]}"
                .getBytes(StandardCharsets.UTF_8));
        GoldDocument d = GoldDocument.read(dir.resolve("bom.gold.json"));
        assertEquals(TEXT, d.text());
        assertEquals("Two", d.text(d.sentences().get(0)));
    }

    @Test
    void anOffsetOutsideTheTextIsAnErrorNamingTheFile() throws IOException {
        Path g = write("short", TEXT, "{\"sentences\": [{\"start\": 0, \"end\": 28}, {\"start\": 29, \"end\": 500}]}");
        GoldFileException e = assertThrows(GoldFileException.class, () -> GoldDocument.read(g));
        assertEquals(g, e.file());
        assertTrue(e.getMessage().contains("short.gold.json") && e.getMessage().contains("sentence 2 (29-500)")
                && e.getMessage().contains(TEXT.length() + " characters"), e.getMessage());
        Path neg = write("neg", TEXT, "{\"sentences\": [{\"start\": 5, \"end\": 2}]}");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(neg)).getMessage().contains("sentence 1 (5-2)"));
    }

    @Test
    void malformedFilesAreErrorsNamingTheFile() throws IOException {
        Path noEnd = write("noend", TEXT, "{\"sentences\": [{\"start\": 0}]}");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(noEnd)).getMessage()
                .contains("noend.gold.json: sentence 1 has no integer start and end"));
        Path notJson = write("broken", TEXT, "{\"sentences\": [");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(notJson)).getMessage().startsWith(notJson + ": not JSON"));
        Path otherId = write("renamed", TEXT, "{\"id\": \"original\", \"sentences\": []}");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(otherId)).getMessage().contains("'original'"));
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Files.writeString(dir.resolve("latin1.gold.json"), "{\"sentences\": []}");
        GoldFileException e = assertThrows(GoldFileException.class, () -> GoldDocument.read(dir.resolve("latin1.gold.json")));
        assertTrue(e.getMessage().contains("latin1.txt: not UTF-8"), e.getMessage());
        Files.writeString(dir.resolve("alone.gold.json"), "{\"sentences\": []}");
        assertTrue(assertThrows(GoldFileException.class, () -> GoldDocument.read(dir.resolve("alone.gold.json"))).getMessage()
                .contains("no alone.txt beside it"));
    }

    @Test
    void aCorpusIsEveryPairOfTheFolderByNameAndSamplesBySeed() throws IOException {
        for (String id : List.of("b", "a-b", "a", "c")) {
            write(id, TEXT, "{\"sentences\": [{\"start\": 0, \"end\": 28, \"themes\": [\"x\"]}]}");
        }
        Files.writeString(dir.resolve("orphan.gold.json"), "{\"sentences\": []}"); // no text: not a gold document
        GoldCorpus c = GoldCorpus.read(dir);
        assertEquals(List.of("a-b", "a", "b", "c"), c.ids());
        assertEquals(4, c.sentenceCount());
        assertEquals(List.of("a", "c"), c.without(Set.of("a-b", "b")).ids());
        assertEquals(c.sample(0.5, 7), c.sample(0.5, 7));
        assertEquals(2, c.sample(0.5, 7).documents().size());
        assertEquals(1, c.sample(0.01, 7).documents().size(), "at least one document");
    }

    /** Every gold file of the shared corpus reads under the strict offsets (when the corpus is there). */
    @Test
    void everySharedGoldFileReads() throws IOException {
        int read = 0;
        for (String set : List.of("train", "dev")) {
            Path d = Path.of(System.getProperty("entente.shared", "../../../shared"), "corpus", set);
            if (Files.isDirectory(d)) {
                GoldCorpus c = GoldCorpus.read(d);
                assertTrue(c.sentenceCount() > 0, set);
                read += c.documents().size();
            }
        }
        assumeTrue(read > 0, "no shared corpus beside the repository");
    }
}
