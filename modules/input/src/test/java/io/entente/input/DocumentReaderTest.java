package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Layer;
import io.entente.core.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    private static final String PROSE = "Security cooperation between Korea and Japan improved.\n";

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader();

    private InputFiles.InputFile file(String name, byte[] bytes) throws IOException {
        return TestInputs.write(dir, name, bytes);
    }

    private InputFiles.InputFile file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private DocumentReadException refused(InputFiles.InputFile f, String cause) {
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> reader.read(f));
        assertTrue(e.getMessage().contains(f.path().toString()), "names the path: " + e.getMessage());
        assertTrue(e.getMessage().contains(cause), "names the cause '" + cause + "': " + e.getMessage());
        assertEquals(f.path(), e.path());
        return e;
    }

    @Test
    void readsPlainText() throws Exception {
        InputFiles.InputFile f = file("paper.txt", PROSE);
        DocumentReader.Result r = reader.read(f);
        Document d = r.document();
        assertEquals(PROSE, d.text());
        assertEquals("paper", d.id());
        assertEquals(f.path().toString(), d.info().source());
        assertEquals(Resources.sha256(PROSE), d.info().sha256());
        assertTrue(d.has(Layer.TEXT));
        assertFalse(d.has(Layer.SENTENCES));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void refusesEmptyFile() throws Exception {
        refused(file("empty.txt", new byte[0]), "empty");
    }

    @Test
    void refusesWhitespaceOnlyFile() throws Exception {
        refused(file("blank.txt", " \n\t\r\n   \n"), "whitespace");
    }

    @Test
    void refusesNoBreakSpaceOnlyFile() throws Exception {
        refused(file("nbsp.txt", "\u00A0\n\u00A0 \u00A0\n\u2007\u202F\n"), "whitespace");
    }

    @Test
    void refusesByteOrderMarkOnlyFile() throws Exception {
        refused(file("bom.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}), "whitespace");
    }

    @Test
    void refusesFileWithNulBytes() throws Exception {
        byte[] bytes = "Mostly text but\0with a NUL.".getBytes(StandardCharsets.UTF_8);
        DocumentReadException e = refused(file("nul.txt", bytes), "binary");
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void refusesRandomBinary() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x25; // not a byte-order mark
        refused(file("random.bin", bytes), "binary");
    }

    @Test
    void refusesBinaryWithoutNulBytes() throws Exception {
        byte[] bytes = new byte[2000];
        Random random = new Random(7);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + random.nextInt(31)); // control characters, never 0
        }
        refused(file("controls.dat", bytes), "binary");
    }

    @Test
    void stripsUtf8ByteOrderMark() throws Exception {
        byte[] body = PROSE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Document d = reader.read(file("bom.txt", bytes)).document();
        assertEquals(PROSE, d.text());
        assertEquals(Resources.sha256(PROSE), d.info().sha256());
    }

    @Test
    void decodesUtf16LittleEndianWithByteOrderMark() throws Exception {
        String text = "Korea\u2013Japan relations: \u201Ccooperation\u201D and \uD55C\uAD6D.\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        DocumentReader.Result r = reader.read(file("le.txt", bytes));
        assertEquals(text, r.document().text());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void decodesUtf16BigEndianWithByteOrderMark() throws Exception {
        String text = "Korea\u2013Japan relations: \u201Ccooperation\u201D and \u65E5\u672C.\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals(text, reader.read(file("be.txt", bytes)).document().text());
    }

    @Test
    void utf16WithoutByteOrderMarkIsReadByItsNulBytesWithAWarning() throws Exception {
        String text = "Korea and Japan held talks on missile defence \u2013 the first in years.\n";
        for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            DocumentReader.Result r = reader.read(file("nobom-" + cs.name() + ".txt", text.getBytes(cs)));
            assertEquals(text, r.document().text(), cs.name());
            assertEquals(cs.name(), r.document().info().encoding());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("read as " + cs.name())), r.warnings().toString());
        }
        // NULs on both sides of the code units are still binary, not UTF-16
        byte[] both = new byte[64];
        for (int i = 0; i < both.length; i++) {
            both[i] = (byte) (i % 4 == 0 ? 'a' : 0);
        }
        refused(file("nuls.txt", both), "binary");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        refused(new InputFiles.InputFile(fifo, "pipe"), "not a regular file");
    }

    @Test
    void latin1AndWindows1252AreDetectedAndRecorded() throws Exception {
        String text = "Caf\u00e9 culture and the \u201cquiet\u201d security cooperation \u2013 in East Asia.\n";
        DocumentReader.Result r = reader.read(file("cp1252.txt", text.getBytes("windows-1252")));
        assertEquals(text, r.document().text());
        assertEquals("windows-1252", r.document().info().encoding());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("not UTF-8; read as windows-1252"), r.warnings().get(0));

        DocumentReader.Result latin1 = reader.read(file("latin1.txt", "Caf\u00e9 r\u00e9sum\u00e9.\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Caf\u00e9 r\u00e9sum\u00e9.\n", latin1.document().text());

        DocumentReader.Result utf8 = reader.read(file("utf8.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, utf8.document().text());
        assertEquals("UTF-8", utf8.document().info().encoding());
        assertEquals(List.of(), utf8.warnings());
    }

    @Test
    void utf8WithAFewDamagedBytesStaysUtf8WithReplacements() throws Exception {
        byte[] good = "S\u00e9oul et T\u00f4ky\u00f4 \u2013 caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xE9; // one stray Latin-1 byte among valid UTF-8 sequences
        bytes[good.length + 1] = '\n';
        DocumentReader.Result r = reader.read(file("damaged.txt", bytes));
        assertEquals("S\u00e9oul et T\u00f4ky\u00f4 \u2013 caf\u00e9 \uFFFD\n", r.document().text());
        assertEquals("UTF-8", r.document().info().encoding());
        assertTrue(r.warnings().get(0).contains("invalid UTF-8"), r.warnings().get(0));
    }

    @Test
    void aGivenEncodingWins() throws Exception {
        byte[] bytes = "Caf\u00e9 and \u00c6sir.\n".getBytes(StandardCharsets.ISO_8859_1);
        DocumentReader forced = new DocumentReader(ReaderOptions.defaults().withEncoding(java.nio.charset.Charset.forName("ISO-8859-15")));
        DocumentReader.Result r = forced.read(file("given.txt", bytes));
        assertEquals("Caf\u00e9 and \u00c6sir.\n", r.document().text());
        assertEquals("ISO-8859-15", r.document().info().encoding());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void refusesFileOverTheLimit() throws Exception {
        InputFiles.InputFile f = file("big.txt", "x".repeat(101) + "\n");
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> new DocumentReader(100).read(f));
        assertTrue(e.getMessage().contains(f.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("limit of 100 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("102"), "names the size: " + e.getMessage());
    }

    @Test
    void fileAtTheLimitIsRead() throws Exception {
        InputFiles.InputFile f = file("exact.txt", "x".repeat(99) + "\n");
        assertEquals(100, new DocumentReader(100).read(f).document().text().length());
    }

    @Test
    void keepsCrlfAsIs() throws Exception {
        String text = "Title Of The Paper Here\r\n\r\nFirst line.\r\nSecond line.\r\n";
        Document d = reader.read(file("crlf.txt", text)).document();
        assertEquals(text, d.text());
        assertEquals("Title Of The Paper Here", d.info().title());
    }

    @Test
    void titleAndDatelineAreFoundWhateverTheLineEnds() throws Exception {
        for (String end : List.of("\n", "\r\n", "\r")) {
            String text = String.join(end, "Coastal States and the Radar Pact", "March 4, 2021", "", "The patrols began.", "");
            Document d = reader.read(file("ends.txt", text)).document();
            assertEquals(text, d.text());
            assertEquals("Coastal States and the Radar Pact", d.info().title(), end.replace("\r", "CR").replace("\n", "LF"));
            assertEquals("2021-03-04", d.info().date(), end.replace("\r", "CR").replace("\n", "LF"));
        }
    }

    @Test
    void titleFromFirstLineOfThreeToThirtyWords() throws Exception {
        Document d = reader.read(file("t.txt", "\n  ROK-Japan Security Cooperation in a Turbulent Era  \n\nBody text follows here.\n"))
                .document();
        assertEquals("ROK-Japan Security Cooperation in a Turbulent Era", d.info().title());
    }

    @Test
    void noTitleWhenFirstLineEndsWithPeriod() throws Exception {
        Document d = reader.read(file("t.txt", "This is a sentence of prose.\nAnother One Here Now\n")).document();
        assertNull(d.info().title());
    }

    @Test
    void noTitleWhenFirstLineIsTooShortOrTooLong() throws Exception {
        assertNull(reader.read(file("a.txt", "Abstract\n\nChina rose.\n")).document().info().title());
        String longLine = "word ".repeat(31).strip();
        assertNull(reader.read(file("b.txt", longLine + "\n\nBody.\n")).document().info().title());
        String thirty = "word ".repeat(30).strip();
        assertEquals(thirty, reader.read(file("c.txt", thirty + "\n\nBody.\n")).document().info().title());
    }

    @Test
    void titleFromMarkdownHeading() throws Exception {
        Document d = reader.read(file("m.md", "# Alliances\n\nSome paragraph text.\n")).document();
        assertEquals("Alliances", d.info().title());
    }

    @Test
    void dateFromDateline() throws Exception {
        Document d = reader.read(file("d.txt",
                "ROK-Japan Security Cooperation Today\nAugust 22, 2019\n\nBody text goes here.\n")).document();
        assertEquals("2019-08-22", d.info().date());
    }

    @Test
    void otherDateForms() throws Exception {
        assertEquals("2020-03-05", reader.read(file("a.txt", "Seoul, 5 March 2020\n\nText.\n")).document().info().date());
        assertEquals("2018-09-01", reader.read(file("b.txt", "Sept. 1, 2018\nText.\n")).document().info().date());
        assertEquals("2021-11-30", reader.read(file("c.txt", "Published 2021-11-30\nText.\n")).document().info().date());
    }

    @Test
    void noDateWhenNoneNearTheTop() throws Exception {
        Document d = reader.read(file("n.txt", "A Paper Title Here\n\nNo date on any line.\n")).document();
        assertNull(d.info().date());
    }

    @Test
    void fiftyMegabyteFileIsRefusedByTheDefaultLimitWithoutReadingIt() throws Exception {
        Path p = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // sparse: costs no disk and no memory
        }
        InputFiles.InputFile f = new InputFiles.InputFile(p, "huge");
        long t0 = System.nanoTime();
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> reader.read(f));
        assertEquals(p + ": file is 52428800 bytes, over the limit of 20971520 bytes (raise it with --max-bytes)",
                e.getMessage());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused from its size alone");
    }

    @Test
    void fiftyMegabyteTextIsReadWhenTheLimitIsRaised() throws Exception {
        Path p = dir.resolve("long.txt");
        String paragraph = LanguageTest.ENGLISH.replace("\n", "\r\n");
        long target = 50L * 1024 * 1024;
        try (java.io.Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (long n = 0; n < target; n += paragraph.length()) {
                w.write(paragraph);
            }
        }
        long size = Files.size(p);
        Document d = new DocumentReader(60L * 1024 * 1024).read(new InputFiles.InputFile(p, "long")).document();
        assertEquals(size, d.text().length());
        assertTrue(d.text().startsWith(paragraph), "CRLF kept");
        assertEquals("eng", d.info().language());
    }

    @Test
    void fileGivenAsBytesOverTheLimitIsRefusedWhateverItsFormat() throws Exception {
        InputFiles.InputFile f = file("big.pdf", "%PDF-1.4\n" + "x".repeat(200));
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> new DocumentReader(100).read(f));
        assertTrue(e.getMessage().contains("over the limit of 100 bytes (raise it with --max-bytes)"), e.getMessage());
    }

    @Test
    void markdownFormatAndPlainTextFormatAreRecorded() throws Exception {
        assertEquals("markdown", reader.read(file("m.md", "# Alliances\n\nText.\n")).document().info().format());
        assertEquals("markdown", reader.read(file("f.txt", "---\ntitle: X\n---\nText.\n")).document().info().format());
        assertEquals("text", reader.read(file("t.txt", PROSE)).document().info().format());
        assertTrue(reader.read(file("t.txt", PROSE)).document().pageStarts().isEmpty());
    }

    @Test
    void textOriginsAreRecorded() throws Exception {
        Document d = reader.read(file("d.txt",
                "ROK-Japan Security Cooperation Today\nAugust 22, 2019\n\nBody text goes here.\n")).document();
        assertEquals(java.util.Map.of("title", "text", "date", "text"), d.info().origins());
        assertTrue(d.info().authors().isEmpty());
    }

    @Test
    void unreadableFileIsRefused() throws Exception {
        Path missing = dir.resolve("gone.txt");
        DocumentReadException e = assertThrows(DocumentReadException.class,
                () -> reader.read(new InputFiles.InputFile(missing, "gone")));
        // (a file deleted between the folder walk and its turn in the batch)
        assertEquals(missing + ": cannot read: no such file (deleted or moved during the run?)", e.getMessage());
    }
}
