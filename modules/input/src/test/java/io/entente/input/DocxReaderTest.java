package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxReaderTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader();

    private InputFiles.InputFile file(String name, byte[] bytes) throws Exception {
        return TestInputs.write(dir, name, bytes);
    }

    private static DocumentReadException refused(DocumentReader r, InputFiles.InputFile f, String cause) {
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> r.read(f));
        assertTrue(e.getMessage().startsWith(f.path() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(cause), "names the cause '" + cause + "': " + e.getMessage());
        return e;
    }

    static byte[] paperDocx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph h = doc.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText("Security Cooperation in Northeast Asia");
            doc.createParagraph().createRun().setText("Seoul and Tokyo face the same missile threat.");
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("Both rely on the alliance ");
            p.createRun().setText("with the United States.");
            doc.createParagraph(); // empty paragraph: skipped
            XWPFParagraph h2 = doc.createParagraph();
            h2.setStyle("Heading2");
            h2.createRun().setText("Obstacles");
            XWPFTable t = doc.createTable(3, 2);
            t.getRow(0).getCell(0).setText("Issue");
            t.getRow(0).getCell(1).setText("Status");
            t.getRow(1).getCell(0).setText("Comfort women");
            t.getRow(1).getCell(1).setText("Unresolved");
            t.getRow(2).getCell(0).setText("Dokdo");
            t.getRow(2).getCell(1).setText("Disputed");
            doc.createParagraph().createRun().setText("History still divides the two democracies.");
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setTitle("Security Cooperation in Northeast Asia: A Review");
            core.setCreator("Jane Doe; Park Ji-sung");
            core.setCreated(Optional.of(new Date(1566469800000L))); // 2019-08-22T10:30Z
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsHeadingsParagraphsAndTablesInOrder() throws Exception {
        DocumentReader.Result r = reader.read(file("paper.docx", paperDocx()));
        Document d = r.document();
        assertEquals("Security Cooperation in Northeast Asia\n\n"
                + "Seoul and Tokyo face the same missile threat.\n\n"
                + "Both rely on the alliance with the United States.\n\n"
                + "Obstacles\n\n"
                + "Issue | Status\nComfort women | Unresolved\nDokdo | Disputed\n\n"
                + "History still divides the two democracies.\n", d.text());
        assertEquals("docx", d.info().format());
        assertTrue(d.pageStarts().isEmpty());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void corePropertiesBecomeMetadata() throws Exception {
        Document d = reader.read(file("paper.docx", paperDocx())).document();
        assertEquals("Security Cooperation in Northeast Asia: A Review", d.info().title());
        assertEquals(List.of("Jane Doe", "Park Ji-sung"), d.info().authors());
        assertEquals("2019-08-22", d.info().date());
        assertEquals(Map.of("title", "file", "date", "file", "authors", "file"), d.info().origins());
    }

    @Test
    void zipBombIsRefusedQuicklyByTheDeclaredSize() throws Exception {
        Path p = dir.resolve("bomb.docx");
        DocxFixture.bomb(p, 300L * 1024 * 1024);
        assertTrue(Files.size(p) < 5 * 1024 * 1024, "the bomb is small on disk: " + Files.size(p));
        InputFiles.InputFile f = new InputFiles.InputFile(p, "bomb");
        long t0 = System.nanoTime();
        DocumentReadException e = refused(reader, f, "DOCX unpacks to ");
        assertTrue(e.getMessage().contains("over the limit of 209715200 bytes (zip bomb?)"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused before inflating");
    }

    @Test
    void zipBombIsRefusedByTheRatioWhenTheSizeLimitsAreRaised() throws Exception {
        Path p = dir.resolve("bomb.docx");
        DocxFixture.bomb(p, 300L * 1024 * 1024);
        DocumentReader lenient = new DocumentReader(ReaderOptions.defaults()
                .withZipLimits(1L << 40, 10_000, 1L << 40));
        refused(lenient, new InputFiles.InputFile(p, "bomb"), "beyond the limit of 100:1 (zip bomb?)");
    }

    @Test
    void zipBombWithLyingSizesIsStoppedWhileInflating() throws Exception {
        Path p = dir.resolve("liar.docx");
        DocxFixture.bomb(p, 300L * 1024 * 1024);
        DocxFixture.lieAboutSize(p, "word/document.xml", 1000);
        long t0 = System.nanoTime();
        refused(reader, new InputFiles.InputFile(p, "liar"), "zip bomb");
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "stopped early");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        java.util.Map<String, String> entries = new java.util.HashMap<>();
        entries.put("[Content_Types].xml", DocxFixture.CONTENT_TYPES);
        entries.put("_rels/.rels", DocxFixture.RELS);
        entries.put("word/document.xml", DocxFixture.DOC_START + DocxFixture.para("Hello") + DocxFixture.DOC_END);
        for (int i = 0; i < 60; i++) {
            entries.put("word/media/x" + i + ".xml", "<x/>");
        }
        DocumentReader strict = new DocumentReader(ReaderOptions.defaults().withZipLimits(200L << 20, 50, 100L << 20));
        refused(strict, file("many.docx", DocxFixture.zip(entries)), "DOCX holds 63 ZIP entries, over the limit of 50");
    }

    @Test
    void zipThatIsNotADocxIsUnsupported() throws Exception {
        byte[] zip = DocxFixture.zip(Map.of("notes/hello.txt", "Hello there, this is a zip file."));
        refused(reader, file("archive.zip", zip), "unsupported format: zip archive");
        refused(reader, file("pretending.docx", zip), "unsupported format: zip archive");
        byte[] xlsx = DocxFixture.zip(Map.of("xl/workbook.xml", "<workbook/>", "[Content_Types].xml", "<Types/>"));
        refused(reader, file("sheet.docx", xlsx), "unsupported format: zip archive (an XLSX spreadsheet");
    }

    @Test
    void nestedTablesWithinTheLimitAreRead() throws Exception {
        byte[] bytes = DocxFixture.docx(DocxFixture.para("Before the tables.") + DocxFixture.nestedTables(20)
                + DocxFixture.para("After the tables."));
        String t = reader.read(file("nested.docx", bytes)).document().text();
        assertTrue(t.startsWith("Before the tables.\n\nlevel 1 level 2"), t);
        assertTrue(t.contains("level 20"), t);
        assertTrue(t.endsWith("\n\nAfter the tables.\n"), t);
    }

    @Test
    void deeplyNestedTablesAreRefusedWithoutStackOverflow() throws Exception {
        for (int depth : new int[] {100, 5000}) {
            byte[] bytes = DocxFixture.docx(DocxFixture.nestedTables(depth));
            refused(reader, file("deep" + depth + ".docx", bytes), "DOCX nests tables more than 64 deep");
        }
    }

    @Test
    void deeplyNestedElementsAreRefused() throws Exception {
        String open = "<w:sdt><w:sdtContent>".repeat(3000);
        String close = "</w:sdtContent></w:sdt>".repeat(3000);
        byte[] bytes = DocxFixture.docx(open + DocxFixture.para("deep") + close);
        refused(reader, file("sdt.docx", bytes), "DOCX nests elements more than 512 deep");
    }

    @Test
    void corruptDocxIsRefused() throws Exception {
        byte[] whole = paperDocx();
        refused(reader, file("half.docx", Arrays.copyOf(whole, whole.length / 2)), "corrupt DOCX: ");
        byte[] badXml = DocxFixture.zip(Map.of("[Content_Types].xml", DocxFixture.CONTENT_TYPES,
                "_rels/.rels", DocxFixture.RELS, "word/document.xml", DocxFixture.DOC_START + "<w:p><w:r>unclosed"));
        refused(reader, file("badxml.docx", badXml), "corrupt DOCX: ");
        byte[] noTypes = DocxFixture.zip(Map.of("word/document.xml", DocxFixture.DOC_START + DocxFixture.DOC_END));
        refused(reader, file("notypes.docx", noTypes), "corrupt DOCX: ");
    }

    @Test
    void emptyDocxHoldsNoText() throws Exception {
        refused(reader, file("empty.docx", DocxFixture.docx("<w:p/>")), "DOCX holds no text");
    }

    @Test
    void docxWithATextExtensionIsReadAsDocxWithAWarning() throws Exception {
        DocumentReader.Result r = reader.read(file("paper.txt", paperDocx()));
        assertEquals("docx", r.document().info().format());
        assertTrue(r.document().text().startsWith("Security Cooperation in Northeast Asia\n"), r.document().text());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("extension .txt"), r.warnings().get(0));
        assertFalse(r.document().text().contains("PK"));
    }

    @Test
    void footnoteMarksAreDroppedAndLinksAndBreaksKept() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph para = doc.createParagraph();
            para.createRun().setText("The alliance held.");
            org.apache.poi.xwpf.usermodel.XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText("See the joint statement.");
            para.addFootnoteReference(note);
            para.createRun().setText(" Then came trust.");
            XWPFParagraph p2 = doc.createParagraph();
            p2.createHyperlinkRun("https://example.org").setText("A linked phrase");
            p2.createRun().setText(" ends here");
            p2.createRun().addBreak();
            p2.createRun().setText("after the break.");
            doc.write(out);
            bytes = out.toByteArray();
        }
        assertEquals("The alliance held. Then came trust.\n\nA linked phrase ends here\nafter the break.\n",
                reader.read(file("notes.docx", bytes)).document().text());
    }
}
