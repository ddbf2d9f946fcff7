package io.entente.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The seed paper in the formats papers come in (text, PDF, DOCX, HTML), made by test code, for tests
 * that run every format through an engine (this module's and others', through the test jar).
 */
public final class SeedForms {
    private SeedForms() {
    }

    /** The seed paper of the repository. */
    public static Path seed() {
        return Path.of(System.getProperty("entente.root", "../.."), "seeds", "rok-japan-security-cooperation.txt");
    }

    /** Writes seed.txt, seed.pdf, seed.docx and seed.html into {@code dir}, by extension. */
    public static Map<String, Path> write(Path dir) throws IOException {
        String text = Files.readString(seed());
        List<String> lines = List.of(text.split("\r?\n", -1));
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("txt", Files.writeString(dir.resolve("seed.txt"), text));
        out.put("pdf", Files.write(dir.resolve("seed.pdf"), pdf(lines)));
        out.put("docx", Files.write(dir.resolve("seed.docx"), docx(lines)));
        out.put("html", Files.writeString(dir.resolve("seed.html"), html(lines)));
        return out;
    }

    /** The number of pages of a PDF. */
    public static int pages(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }

    /** Letter pages of Helvetica 10 pt, lines wrapped at about 90 characters, a new page every 40 lines. */
    public static byte[] pdf(List<String> lines) throws IOException {
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

    public static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String l : lines) {
                doc.createParagraph().createRun().setText(l);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** One paragraph per line inside an article, with navigation and scripts that name other countries around it. */
    public static String html(List<String> lines) {
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

}
