package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader();

    private InputFiles.InputFile file(String name, byte[] bytes) throws Exception {
        return TestInputs.write(dir, name, bytes);
    }

    private DocumentReader.Result read(String name, byte[] bytes) throws Exception {
        return reader.read(file(name, bytes));
    }

    private DocumentReadException refused(String name, byte[] bytes, String cause) throws Exception {
        InputFiles.InputFile f = file(name, bytes);
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> reader.read(f));
        assertEquals(f.path() + ": " + cause, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                (f.path() + ": " + cause).length())), e.getMessage());
        return e;
    }

    private static byte[] simplePdf() throws Exception {
        try (PdfFixture pdf = new PdfFixture()) {
            return pdf.page().text(72, 100, "Security cooperation between Korea and Japan improved.").bytes();
        }
    }

    @Test
    void readsASimpleOnePagePdf() throws Exception {
        DocumentReader.Result r = read("one.pdf", simplePdf());
        Document d = r.document();
        assertEquals("Security cooperation between Korea and Japan improved.\n", d.text());
        assertEquals("pdf", d.info().format());
        assertEquals(List.of(0), d.pageStarts());
        assertEquals(1, d.pageOf(10));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    /** Three pages with a running header, page-number footers, a hyphenated word, hard-wrapped lines and a heading. */
    static byte[] journalPdf() throws Exception {
        try (PdfFixture pdf = new PdfFixture()) {
            for (int p = 1; p <= 3; p++) {
                pdf.page();
                pdf.text(230, 40, PdfFixture.HELVETICA, 9, "Journal of Security Studies");
                pdf.text(300, 760, PdfFixture.HELVETICA, 9, String.valueOf(p));
                if (p == 1) {
                    pdf.text(72, 90, PdfFixture.HELVETICA_BOLD, 16, "ROK-Japan Security Cooperation Revisited");
                    float y = pdf.lines(72, 130, 13,
                            "Seoul and Tokyo have long shared a concern about the missile programme of North Korea,",
                            "and both governments say that a closer and more regular form of security coopera-",
                            "tion between them would serve the whole region. The Japan-Korea relationship, however,",
                            "remains hostage to old disputes over history and territory.");
                    pdf.lines(72, y + 13, 13,
                            "A second paragraph follows after a blank line and it is also wrapped by hand across",
                            "two lines of the page.");
                } else if (p == 2) {
                    float y = pdf.lines(72, 90, 13,
                            "The second page begins with this sentence, which continues the argument about the",
                            "alliance with the United States and the role of Washington in the wider region.");
                    pdf.text(72, y + 13, PdfFixture.HELVETICA_BOLD, 12, "Historical Legacies");
                    pdf.lines(72, y + 39, 13,
                            "The comfort women issue and the Dokdo dispute have repeatedly stalled the talks",
                            "between the two defence ministries, whatever the strategic logic says.");
                } else {
                    pdf.lines(72, 90, 13,
                            "Third page text ends the paper with a short conclusion on trust and institutions.");
                }
            }
            return pdf.bytes();
        }
    }

    @Test
    void multiPagePdfReadsLikeThePaper() throws Exception {
        DocumentReader.Result r = read("journal.pdf", journalPdf());
        Document d = r.document();
        String t = d.text();
        assertFalse(t.contains("Journal of Security Studies"), "running header dropped:\n" + t);
        for (String line : t.split("\n")) {
            assertFalse(line.strip().matches("\\d+"), "page number dropped: '" + line + "'\n" + t);
        }
        assertTrue(t.startsWith("ROK-Japan Security Cooperation Revisited\n\n"), "heading on its own line:\n" + t);
        assertTrue(t.contains("regular form of security cooperation between them"), "hyphenation joined:\n" + t);
        assertFalse(t.contains("coopera-"), t);
        assertTrue(t.contains("The Japan-Korea relationship, however, remains hostage"), "real hyphen kept:\n" + t);
        assertTrue(t.contains("North Korea, and both governments"), "hard wrap joined:\n" + t);
        assertTrue(t.contains("territory.\n\nA second paragraph follows after a blank line and it is also wrapped by "
                + "hand across two lines of the page."), "paragraphs kept apart:\n" + t);
        assertTrue(t.contains("\n\nHistorical Legacies\n\nThe comfort women issue"), "sub-heading alone:\n" + t);
        assertEquals(3, d.pageStarts().size(), d.pageStarts().toString());
        assertEquals(0, d.pageStarts().get(0));
        assertTrue(t.substring(d.pageStarts().get(1)).startsWith("The second page begins"), t);
        assertTrue(t.substring(d.pageStarts().get(2)).startsWith("Third page text"), t);
        assertEquals(2, d.pageOf(t.indexOf("Washington")));
        assertEquals(3, d.pageOf(t.indexOf("conclusion")));
        assertEquals(1, d.pageOf(t.indexOf("territory")));
        assertEquals("ROK-Japan Security Cooperation Revisited", d.info().title());
        assertEquals(Map.of("title", "text"), d.info().origins());
        assertEquals("eng", d.info().language());
    }

    @Test
    void paragraphContinuesAcrossAPageBreak() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            pdf.lines(72, 90, 13,
                    "Both navies have exchanged liaison officers since the agreement was signed, and the",
                    "exercises that followed were described by the ministries of both countries as a");
            pdf.page();
            pdf.lines(72, 90, 13, "modest but real step towards trust between the two militaries.");
            bytes = pdf.bytes();
        }
        Document d = read("break.pdf", bytes).document();
        assertTrue(d.text().contains("as a modest but real step"), d.text());
        assertEquals(d.text().indexOf("modest"), d.pageStarts().get(1));
    }

    @Test
    void twoColumnPageIsReadColumnByColumn() throws Exception {
        String[] left = {
            "The left column opens the argument about the",
            "alliance and explains why Seoul and Tokyo need",
            "each other when Pyongyang tests its missiles.",
            "It goes on for several lines so that the page",
            "holds enough text on this side of the gutter",
            "for the reader to see a column of prose here.",
            "This left column ends with this sentence."};
        String[] right = {
            "The right column continues with the obstacles",
            "that history places in the way of cooperation,",
            "from the comfort women issue to the islets,",
            "and it also runs for several lines of text so",
            "that the layout is clearly a two column page",
            "as academic journals print their articles.",
            "The right column ends here at last."};
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            pdf.text(150, 60, PdfFixture.HELVETICA_BOLD, 16, "A Two Column Article About Alliances");
            for (int i = 0; i < left.length; i++) {
                pdf.text(50, 100 + i * 13, left[i]);
                pdf.text(320, 100 + i * 13, right[i]);
            }
            bytes = pdf.bytes();
        }
        String t = read("columns.pdf", bytes).document().text();
        String leftText = String.join(" ", left);
        String rightText = String.join(" ", right);
        assertTrue(t.startsWith("A Two Column Article About Alliances\n\n"), t);
        assertTrue(t.contains(leftText), "left column whole and in order:\n" + t);
        assertTrue(t.contains(rightText), "right column whole and in order:\n" + t);
        assertTrue(t.indexOf(leftText) < t.indexOf(rightText), t);
        for (String line : t.split("\n")) {
            assertFalse(line.contains("gutter") && line.contains("obstacles") && line.indexOf("obstacles") < line.indexOf("gutter"),
                    "lines interleaved: " + line);
        }
    }

    @Test
    void footnoteMarkersAreDropped() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            String a = "The treaty strengthened the alliance.";
            float x = 72 + PdfFixture.width(PdfFixture.HELVETICA, 10, a);
            pdf.text(72, 100, a);
            pdf.text(x, 96, PdfFixture.HELVETICA, 6, "12");
            pdf.text(x + PdfFixture.width(PdfFixture.HELVETICA, 6, "12"), 100, " The 21");
            float x2 = x + PdfFixture.width(PdfFixture.HELVETICA, 6, "12")
                    + PdfFixture.width(PdfFixture.HELVETICA, 10, " The 21");
            pdf.text(x2, 96, PdfFixture.HELVETICA, 6, "st");
            pdf.text(x2 + PdfFixture.width(PdfFixture.HELVETICA, 6, "st"), 100, " century needs more of it.");
            String b = "Cooperation on missile defence";
            float xb = 72 + PdfFixture.width(PdfFixture.HELVETICA, 10, b);
            pdf.text(72, 113, b);
            pdf.text(xb, 113, PdfFixture.HELVETICA, 6, "3");
            pdf.text(xb + PdfFixture.width(PdfFixture.HELVETICA, 6, "3"), 113, " followed soon after that.");
            pdf.text(72, 700, PdfFixture.HELVETICA, 8, "12 See the joint statement of the two ministers.");
            bytes = pdf.bytes();
        }
        String t = read("notes.pdf", bytes).document().text();
        assertTrue(t.contains("strengthened the alliance. The 21st century needs more of it."), t);
        assertTrue(t.contains("missile defence followed soon"), t);
        assertFalse(t.contains("alliance.12") || t.contains("alliance. 12") || t.contains("defence3"), t);
        assertTrue(t.contains("\n\n12 See the joint statement"), "the note itself stays:\n" + t);
    }

    @Test
    void metadataFromTheInfoDictionary() throws Exception {
        Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        created.clear();
        created.set(2019, Calendar.AUGUST, 22, 10, 30);
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page().text(72, 100, "Short body text about the alliance.");
            pdf.info("Alliance Politics in Northeast Asia", "Jane Doe; Kim Min-jun", created);
            bytes = pdf.bytes();
        }
        Document d = read("meta.pdf", bytes).document();
        assertEquals("Alliance Politics in Northeast Asia", d.info().title());
        assertEquals(List.of("Jane Doe", "Kim Min-jun"), d.info().authors());
        assertEquals("2019-08-22", d.info().date());
        assertEquals(Map.of("title", "file", "date", "file", "authors", "file"), d.info().origins());
    }

    @Test
    void fileNameTitlesAreIgnored() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page().text(72, 100, "Alliance Management in Hard Times").text(72, 130, "Body text follows here.");
            pdf.info("Microsoft Word - draft-v3.docx", null, null);
            bytes = pdf.bytes();
        }
        Document d = read("junk.pdf", bytes).document();
        assertEquals("Alliance Management in Hard Times", d.info().title());
        assertEquals("text", d.info().origins().get("title"));
    }

    @Test
    void metadataFromXmp() throws Exception {
        String xmp = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreateDate=\"2021-03-05T09:00:00Z\">"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Deterrence and Reassurance</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>Ann Smith</rdf:li><rdf:li>Lee Jae-won</rdf:li></rdf:Seq></dc:creator>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page().text(72, 100, "Body text of a paper with XMP metadata only.");
            org.apache.pdfbox.pdmodel.common.PDMetadata md = new org.apache.pdfbox.pdmodel.common.PDMetadata(pdf.doc);
            md.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            pdf.doc.getDocumentCatalog().setMetadata(md);
            bytes = pdf.bytes();
        }
        Document d = read("xmp.pdf", bytes).document();
        assertEquals("Deterrence and Reassurance", d.info().title());
        assertEquals(List.of("Ann Smith", "Lee Jae-won"), d.info().authors());
        assertEquals("2021-03-05", d.info().date());
    }

    @Test
    void encryptedPdfIsRefused() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page().text(72, 100, "Secret text about the alliance.");
            bytes = pdf.encrypt("owner-pw", "user-pw").bytes();
        }
        refused("secret.pdf", bytes, "encrypted PDF: cannot read without the password");
    }

    @Test
    void pdfEncryptedWithAnEmptyUserPasswordIsRead() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page().text(72, 100, "Restricted but readable text about the alliance.");
            bytes = pdf.encrypt("owner-pw", "").bytes();
        }
        assertEquals("Restricted but readable text about the alliance.\n",
                read("restricted.pdf", bytes).document().text());
    }

    @Test
    void truncatedPdfIsRefused() throws Exception {
        byte[] whole = journalPdf();
        refused("half.pdf", Arrays.copyOf(whole, whole.length / 2), "corrupt PDF: ");
    }

    @Test
    void pdfWithAnEndMarkerButBrokenBodyIsRefused() throws Exception {
        byte[] bytes = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        refused("broken.pdf", bytes, "corrupt PDF: ");
    }

    @Test
    void imageOnlyPdfHasNoTextLayer() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) {
                for (int y = 0; y < 100; y++) {
                    img.setRGB(x, y, (x * y) % 2 == 0 ? 0xFFFFFF : 0x333333);
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(pdf.doc, img);
            pdf.stream().drawImage(image, 72, 400, 400, 200);
            bytes = pdf.bytes();
        }
        refused("scan.pdf", bytes, "PDF has no text layer (scanned images?): OCR it first");
    }

    @Test
    void blankPdfHasNoTextLayer() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            bytes = pdf.page().bytes();
        }
        refused("blank.pdf", bytes, "PDF has no text layer");
    }

    @Test
    void txtHoldingPdfBytesIsReadAsPdf() throws Exception {
        DocumentReader.Result r = read("actually-a-pdf.txt", simplePdf());
        assertEquals("pdf", r.document().info().format());
        assertEquals("Security cooperation between Korea and Japan improved.\n", r.document().text());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("extension .txt") && r.warnings().get(0).contains("PDF"),
                r.warnings().get(0));
    }

    @Test
    void pdfHoldingTextIsReadAsText() throws Exception {
        DocumentReader.Result r = read("not-really.pdf",
                "Plain words about Korea and Japan.\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("text", r.document().info().format());
        assertEquals("Plain words about Korea and Japan.\n", r.document().text());
        assertTrue(r.document().pageStarts().isEmpty());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("extension .pdf"), r.warnings().get(0));
        assertNull(r.document().pageOf(0));
    }

    @Test
    void wordsPlacedWithoutSpaceGlyphsGetSpaces() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            float x = 72;
            for (String w : "Trilateral exercises resumed in the autumn.".split(" ")) {
                pdf.text(x, 100, w);
                x += PdfFixture.width(PdfFixture.HELVETICA, 10, w) + 2.8f;
            }
            bytes = pdf.bytes();
        }
        assertEquals("Trilateral exercises resumed in the autumn.\n", read("words.pdf", bytes).document().text());
    }

    @Test
    void chapterRunningHeadsAreDroppedToo() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            for (int p = 1; p <= 6; p++) {
                pdf.page();
                int chapter = (p + 1) / 2;
                pdf.text(72, 40, PdfFixture.HELVETICA, 9, "Chapter " + chapter + ": Part " + "ABC".charAt(chapter - 1)
                        + " of the story " + p);
                pdf.lines(72, 90, 13, "Body text of page " + p + " is about " + List.of("deterrence", "the alliance",
                        "history", "trust", "the islands", "institutions").get(p - 1) + ".");
            }
            bytes = pdf.bytes();
        }
        String t = read("chapters.pdf", bytes).document().text();
        assertFalse(t.contains("Chapter"), t);
        assertTrue(t.startsWith("Body text of page 1 is about deterrence."), t);
        assertTrue(t.contains("Body text of page 6 is about institutions."), t);
    }

    @Test
    void hangingIndentsAndBulletsKeepTheirItems() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            pdf.text(72, 100, "A. Preserve the notices of the original agreement between the two ministries of");
            pdf.text(90, 113, "Defense, in the form shown below.");
            pdf.text(72, 126, "B. Include the annex.");
            pdf.text(72, 139, "\u2022 Missile warning data is shared within hours of a launch by the North and the");
            pdf.text(82, 152, "data goes to both capitals at once.");
            pdf.text(72, 165, "\u2022 Liaison officers meet monthly.");
            bytes = pdf.bytes();
        }
        String t = read("list.pdf", bytes).document().text();
        assertEquals("A. Preserve the notices of the original agreement between the two ministries of Defense, in the "
                + "form shown below.\n\nB. Include the annex.\n\n\u2022 Missile warning data is shared within hours of "
                + "a launch by the North and the data goes to both capitals at once.\n\n\u2022 Liaison officers meet "
                + "monthly.\n", t);
    }

    @Test
    void deeplyNestedPageTreeDoesNotOverflowTheStack() throws Exception {
        int depth = 20_000;
        StringBuilder sb = new StringBuilder("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        for (int i = 0; i < depth; i++) {
            int id = 2 + i;
            sb.append(id).append(" 0 obj\n<< /Type /Pages /Kids [").append(id + 1).append(" 0 R] /Count 1")
                    .append(i > 0 ? " /Parent " + (id - 1) + " 0 R" : "").append(" >>\nendobj\n");
        }
        int page = 2 + depth;
        String content = "BT /F1 12 Tf 72 700 Td (Deeply nested page tree text.) Tj ET";
        sb.append(page).append(" 0 obj\n<< /Type /Page /Parent ").append(page - 1)
                .append(" 0 R /MediaBox [0 0 612 792] /Contents ").append(page + 1).append(" 0 R /Resources << /Font << /F1 ")
                .append(page + 2).append(" 0 R >> >> >>\nendobj\n");
        sb.append(page + 1).append(" 0 obj\n<< /Length ").append(content.length()).append(" >>\nstream\n")
                .append(content).append("\nendstream\nendobj\n");
        sb.append(page + 2).append(" 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
        sb.append("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
        InputFiles.InputFile f = file("deep.pdf", sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        try {
            assertEquals("Deeply nested page tree text.\n", reader.read(f).document().text());
        } catch (DocumentReadException e) {
            assertEquals(f.path() + ": PDF is nested too deeply to read", e.getMessage());
        }
    }
}
