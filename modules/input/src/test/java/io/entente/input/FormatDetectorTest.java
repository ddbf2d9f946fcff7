package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {
    private static Format detect(String name, String content) throws Exception {
        return FormatDetector.detect(Path.of(name), content.getBytes(StandardCharsets.UTF_8)).format();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.txt | Plain text. | TEXT",
        "a.md | Plain text. | MARKDOWN",
        "a.markdown | # Title | MARKDOWN",
        "a.txt | ---\\ntitle: X\\n---\\nBody | MARKDOWN",
        "README | ---\\r\\ntitle: X\\r\\n---\\r\\nBody | MARKDOWN",
        "a.txt | <!DOCTYPE html><p>x</p> | HTML",
        "a.txt | \\n  <html lang='en'><body>x</body></html> | HTML",
        "a | <?xml version='1.0'?><!-- c --><HTML><BODY>x</BODY></HTML> | HTML",
        "a.txt | <div><meta charset='utf-8'><p>x</p></div> | HTML",
        "a.txt | <b>bold</b> only | TEXT",
        "a.html | <p>fragment</p> | HTML",
        "a.htm | no tags at all | TEXT",
        "a.txt | Text that mentions <html> later on. | TEXT",
        "a.txt | junk before %PDF-1.4 header | PDF",
        "a.md | %PDF-1.7 | PDF",
    })
    void detectsByContent(String name, String content, Format expected) throws Exception {
        assertEquals(expected, detect(name, content.replace("\\n", "\n").replace("\\r", "\r")));
    }

    @Test
    void pdfMagicMustBeWithinTheFirstKilobyte() throws Exception {
        assertEquals(Format.TEXT, detect("a.txt", "x".repeat(1020) + "%PDF-1.4"));
        assertEquals(Format.PDF, detect("a.txt", "x".repeat(1010) + "%PDF-1.4"));
    }

    @Test
    void htmlAfterAByteOrderMark() throws Exception {
        byte[] body = "<!DOCTYPE html><p>x</p>".getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals(Format.HTML, FormatDetector.detect(Path.of("x.txt"), bytes).format());
    }

    @Test
    void wrongExtensionsAreWarnedAbout() throws Exception {
        FormatDetector.Detection d = FormatDetector.detect(Path.of("paper.pdf"), "Words.".getBytes(StandardCharsets.UTF_8));
        assertEquals(Format.TEXT, d.format());
        assertEquals(List.of("the extension .pdf does not match the content, which is plain text; read as plain text"),
                d.warnings());
        assertEquals(List.of(), FormatDetector.detect(Path.of("paper.md"), "Words.".getBytes(StandardCharsets.UTF_8))
                .warnings());
        assertEquals(List.of(), FormatDetector.detect(Path.of("paper.rtf2"), "%PDF-1.4".getBytes(StandardCharsets.UTF_8))
                .warnings(), "unknown extensions claim nothing");
    }

    @Test
    void zipsOtherThanDocxAreUnsupported() throws Exception {
        byte[] zip = DocxFixture.zip(Map.of("a.txt", "hello"));
        DocumentReadException e = assertThrows(DocumentReadException.class,
                () -> FormatDetector.detect(Path.of("x.zip"), zip));
        assertTrue(e.getMessage().startsWith("x.zip: unsupported format: zip archive"), e.getMessage());
        assertEquals(Format.DOCX, FormatDetector.detect(Path.of("x.bin"), DocxFixture.docx(DocxFixture.para("x")))
                .format());
    }

    @Test
    void legacyOfficeAndRtfAreRefusedWithAHint() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        DocumentReadException e = assertThrows(DocumentReadException.class,
                () -> FormatDetector.detect(Path.of("old.doc"), ole));
        assertTrue(e.getMessage().contains("unsupported format: legacy Office file"), e.getMessage());
        DocumentReadException r = assertThrows(DocumentReadException.class,
                () -> FormatDetector.detect(Path.of("x.txt"), "{\\rtf1\\ansi hello}".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(r.getMessage().contains("unsupported format: RTF"), r.getMessage());
    }

    @Test
    void zipDirectoryReadsDeclaredSizes() throws Exception {
        byte[] zip = DocxFixture.zip(Map.of("a.txt", "x".repeat(5000), "b/c.xml", "<c/>"));
        ZipDirectory d = ZipDirectory.read(zip, 100);
        assertEquals(2, d.entries().size());
        assertEquals(5004, d.totalUncompressed());
        assertTrue(d.contains("b/c.xml"));
        assertThrows(ZipDirectory.ZipFormatException.class, () -> ZipDirectory.read(new byte[] {'P', 'K', 3, 4}, 100));
    }
}
