package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed paper as plain text, PDF, DOCX and HTML through the whole pipeline: the formats must not
 * change what Entente finds.
 */
class FormatsEndToEndTest {
    private static final List<String> THEMES = List.of("threat.shared", "alliance.dynamics", "history.legacy",
            "territorial.dispute", "mutual.distrust", "institutional.mechanisms");

    @TempDir
    static Path dir;

    private static final Map<String, Document> DOCS = new LinkedHashMap<>();
    private static int pdfPages;

    @BeforeAll
    static void runAllFormats() throws Exception {
        Path seed = Path.of(System.getProperty("entente.root", "../.."), "seeds", "rok-japan-security-cooperation.txt");
        String text = Files.readString(seed);
        List<String> lines = List.of(text.split("\r?\n", -1));
        Path txt = dir.resolve("seed.txt");
        Files.writeString(txt, text);
        Path pdf = dir.resolve("seed.pdf");
        Files.write(pdf, pdf(lines));
        Path docx = dir.resolve("seed.docx");
        Files.write(docx, docx(lines));
        Path html = dir.resolve("seed.html");
        Files.writeString(html, html(lines));

        Pipeline pipeline = StandardPipeline.build(PipelineConfig.defaults()).pipeline();
        DocumentReader reader = new DocumentReader();
        for (Path p : List.of(txt, pdf, docx, html)) {
            DocumentReader.Result r = reader.read(new InputFiles.InputFile(p, InputFiles.idFor(p)));
            String format = p.getFileName().toString().replaceAll(".*\\.", "");
            assertEquals(format.equals("txt") ? "text" : format, r.document().info().format());
            DOCS.put(format, pipeline.process(r.document()));
        }
    }

    /** Letter pages of Helvetica 10 pt, lines wrapped at about 90 characters, a new page every 40 lines. */
    private static byte[] pdf(List<String> lines) throws IOException {
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            String l = encodable(font, line).strip();
            if (l.isEmpty()) {
                wrapped.add("");
                continue;
            }
            StringBuilder cur = new StringBuilder();
            for (String word : l.split(" +")) {
                if (cur.length() > 0 && cur.length() + 1 + word.length() > 90) {
                    wrapped.add(cur.toString());
                    cur.setLength(0);
                }
                if (cur.length() > 0) {
                    cur.append(' ');
                }
                cur.append(word);
            }
            wrapped.add(cur.toString());
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPageContentStream cs = null;
            int onPage = 40;
            for (String l : wrapped) {
                if (onPage == 40) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.LETTER);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    onPage = 0;
                }
                if (!l.isEmpty()) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(54, PDRectangle.LETTER.getHeight() - 60 - onPage * 15);
                    cs.showText(l);
                    cs.endText();
                }
                onPage++;
            }
            cs.close();
            pdfPages = doc.getNumberOfPages();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Straight quotes and dashes for what WinAnsi cannot hold; anything else the font cannot encode becomes a space. */
    private static String encodable(PDFont font, String s) {
        String t = s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace("\u2026", "...").replace('\u00A0', ' ');
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            try {
                font.encode(String.valueOf(c));
                sb.append(c);
            } catch (IllegalArgumentException | IOException e) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String l : lines) {
                doc.createParagraph().createRun().setText(l);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** One paragraph per line inside an article, with navigation and scripts that name other countries around it. */
    private static String html(List<String> lines) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>ROK-Japan Security Cooperation</title><script>var region = \"Canada\";</script></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/brazil\">Brazil desk</a> <a href=\"/m\">Mexico news</a></nav>"
                + "<article>\n");
        for (String l : lines) {
            if (!l.isBlank()) {
                sb.append("<p>").append(l.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
            }
        }
        sb.append("</article><footer>Argentina office</footer><script>track(\"Peru\")</script></body></html>\n");
        return sb.toString();
    }

    private static Set<String> entities(String format, EntityType type) {
        return DOCS.get(format).entities().stream().filter(e -> e.type() == type)
                .map(e -> type == EntityType.COUNTRY ? e.code() : e.canonical()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> themes(String format) {
        return DOCS.get(format).themes().stream().map(ThemeResult::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyFormatFindsTheSameCountries() {
        Set<String> text = entities("txt", EntityType.COUNTRY);
        assertTrue(text.containsAll(Set.of("KOR", "JPN", "PRK", "CHN", "USA", "RUS")), text.toString());
        for (String f : List.of("pdf", "docx", "html")) {
            assertEquals(text, entities(f, EntityType.COUNTRY), f);
        }
    }

    @Test
    void everyFormatFindsTheSamePeople() {
        Set<String> text = entities("txt", EntityType.PERSON);
        assertFalse(text.isEmpty());
        for (String f : List.of("pdf", "docx", "html")) {
            assertEquals(text, entities(f, EntityType.PERSON), f);
        }
    }

    @Test
    void thePdfKeepsMostOrganizations() {
        Set<String> text = entities("txt", EntityType.ORGANIZATION);
        assertTrue(text.size() >= 5, text.toString());
        for (String f : List.of("pdf", "docx", "html")) {
            Set<String> found = new HashSet<>(text);
            found.retainAll(entities(f, EntityType.ORGANIZATION));
            assertTrue(found.size() >= 0.8 * text.size(), f + " finds " + found + " of " + text);
        }
    }

    @Test
    void everyFormatCarriesTheSeedsThemes() {
        assertTrue(themes("txt").containsAll(THEMES), themes("txt").toString());
        for (String f : List.of("pdf", "docx", "html")) {
            assertTrue(themes(f).containsAll(THEMES), f + ": " + themes(f));
        }
    }

    @Test
    void pdfEvidenceMapsToPages() {
        Document pdf = DOCS.get("pdf");
        assertTrue(pdfPages >= 2, "the seed spans pages: " + pdfPages);
        assertEquals(pdfPages, pdf.pageStarts().size());
        Set<Integer> pagesSeen = new TreeSet<>();
        int evidence = 0;
        for (ThemeResult t : pdf.themes()) {
            for (ThemeEvidence e : t.evidence()) {
                Integer page = pdf.pageOf(e.start());
                assertNotNull(page);
                assertTrue(page >= 1 && page <= pdfPages, "page " + page);
                pagesSeen.add(page);
                evidence++;
            }
        }
        assertTrue(evidence > 0);
        for (Entity e : pdf.entities()) {
            e.mentions().forEach(m -> assertTrue(pdf.pageOf(m.start()) >= 1 && pdf.pageOf(m.start()) <= pdfPages));
        }
        assertTrue(pdf.text().indexOf("Abstract") < pdf.pageStarts().get(1), "the abstract is on page 1");
    }
}
