package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages as the README promises them. */
class InterfaceTest {
    @TempDir
    Path tmp;

    @Test
    void bareEntenteIsAUsageErrorWithAPointerToHelp() {
        Papers.Run r = Papers.run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("entente: a command is required: analyze, "), r.err());
        assertTrue(r.err().contains("Try 'entente --help' for more information."), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
    }

    @Test
    void aUsageErrorPrintsOneLineAndAPointerNotTheWholeHelp() {
        Papers.Run r = Papers.run("analyze", tmp.toString(), "--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertTrue(r.err().contains("Try 'entente analyze --help' for more information."), r.err());
        assertFalse(r.err().contains("--max-bytes"), "no full help: " + r.err());
        Papers.Run missing = Papers.run("compare", "--format", "xml");
        assertEquals(2, missing.status(), missing.err());
    }

    @Test
    void aCommandGroupWithoutItsSubcommandIsAOneLineUsageError() {
        for (String group : new String[] {"codebook", "review"}) {
            Papers.Run r = Papers.run(group);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("entente: entente " + group + " needs a subcommand: "), r.err());
            assertTrue(r.err().contains("Try 'entente " + group + " --help' for more information."), r.err());
            assertTrue(r.err().strip().lines().count() <= 2, r.err());
        }
    }

    @Test
    void aNegativeWaitOrANonPositiveMaxBytesIsAUsageErrorNamingTheOption() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "Japan and Korea met.");
        String in = tmp.resolve("a.txt").toString();
        String out = tmp.resolve("out").toString();
        for (String[] args : new String[][] {{"analyze", in, "--out", out, "--wait", "-1"},
                {"site", "--reports", out, "--wait", "-2"}, {"export", "--reports", out, "--wait", "-1"},
                {"trends", "--reports", out, "--wait", "-1"}}) {
            Papers.Run r = Papers.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("--wait must be 0 or more seconds"), r.err());
        }
        for (String max : new String[] {"0", "-5"}) { // 0 used to refuse every file as too large, exit 1
            Papers.Run r = Papers.run("analyze", in, "--out", out, "--max-bytes", max);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("--max-bytes must be at least 1"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void evaluateOnAFolderWithoutGoldFilesIsAUsageError() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "Japan and Korea met.");
        Papers.Run r = Papers.run("evaluate", tmp.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("no NAME.txt with a NAME.gold.json"), r.err());
        assertTrue(r.err().contains("Try 'entente evaluate --help'"), r.err());
    }

    @Test
    void dateFromNameFillsTheDateAndSaysWhereItCameFrom() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("brief-2012-05.txt"), "Japan and Australia discussed maritime security cooperation.\n");
        Path out = tmp.resolve("out");
        Papers.Run plain = Papers.run("analyze", in.toString(), "--out", out.toString());
        assertTrue(plain.err().contains("1 document has no date: it is kept"), plain.err());
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString(), "--date-from-name");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("1 analyzed"), "the option changes output, so the document is redone: " + r.err());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("brief-2012-05.json").toFile()).get("document");
        assertEquals("2012-05", doc.get("date").asText());
        assertEquals("file-name", doc.get("metadataSources").get("date").asText());
    }

    @Test
    void filesOfOtherFormatsInAFolderAreNotedAndDoNotFailTheRun() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("note.txt"), Papers.paper(0));
        Files.writeString(in.resolve("doc.rtf"), "{\\rtf1\\ansi A memo on naval talks.}");
        Files.write(in.resolve("word97.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        Path out = tmp.resolve("out");
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("skipped " + in.resolve("doc.rtf") + ": not a supported format (.rtf); "
                + "--include '*.rtf' reads it anyway"), r.err());
        assertTrue(r.err().contains("skipped " + in.resolve("word97.doc") + ": not a supported format (.doc)"), r.err());
        Papers.Run named = Papers.run("analyze", in.resolve("doc.rtf").toString(), "--out", out.toString());
        assertEquals(1, named.status(), "asked for by name, it is a failure: " + named.err());
        assertTrue(named.err().contains("unsupported format"), named.err());
    }

    @Test
    void aMetadataCsvWithABadValueWarnsAndOneWithBrokenQuotingIsAConfigurationError() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("note.txt"), Papers.paper(1));
        Path csv = tmp.resolve("meta.csv");
        Files.writeString(csv, "file,title,date\nnote.txt,A Titled Note,2016-13-45\nghost.pdf,Ghost,2019\n");
        Path out = tmp.resolve("out");
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString(), "--metadata", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(csv + " line 2, column date: '2016-13-45' is not a date"), r.err());
        assertTrue(r.err().contains(csv + " line 3: 'ghost.pdf' matches no input file"), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("note.json").toFile()).get("document");
        assertEquals("A Titled Note", doc.get("title").asText());
        assertEquals("metadata-csv", doc.get("metadataSources").get("title").asText());

        Files.writeString(csv, "file,title\nnote.txt,\"A title never closed\n");
        Papers.Run broken = Papers.run("analyze", in.toString(), "--out", out.toString(), "--metadata", csv.toString());
        assertEquals(2, broken.status(), broken.err());
        assertTrue(broken.err().contains(csv + ": line 2: a quoted field is never closed"), broken.err());
    }

    @Test
    void aWindows1252PaperIsReadRightAndItsEncodingRecorded() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("cafe.txt"), "The Caf\u00e9 talks: Japan and Australia discussed maritime security cooperation.\n"
                .getBytes("windows-1252"));
        Path out = tmp.resolve("out");
        Papers.Run r = Papers.run("analyze", in.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("not UTF-8; read as windows-1252"), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("cafe.json").toFile());
        assertEquals("windows-1252", doc.get("document").get("encoding").asText());
        assertTrue(doc.get("sentences").get(0).get("text").asText().contains("Caf\u00e9"), doc.toString());
        Papers.Run forced = Papers.run("analyze", in.toString(), "--out", out.toString(), "--encoding", "ISO-8859-1");
        assertTrue(forced.err().contains("1 analyzed"), "another encoding redoes the document: " + forced.err());
        assertEquals("ISO-8859-1", new ObjectMapper().readTree(out.resolve("cafe.json").toFile()).get("document").get("encoding").asText());
        assertEquals(2, Papers.run("analyze", in.toString(), "--out", out.toString(), "--encoding", "no-such-charset").status());
    }
}
