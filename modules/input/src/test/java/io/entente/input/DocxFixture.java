package io.entente.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-written DOCX containers for the inputs POI's writer will not produce (bombs, deep nesting, broken XML). */
final class DocxFixture {
    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "wordprocessingml.document.main+xml\"/></Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    static final String DOC_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    static final String DOC_END = "</w:body></w:document>";

    private DocxFixture() {
    }

    static String para(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    /** A DOCX whose body is {@code bodyXml}. */
    static byte[] docx(String bodyXml) throws IOException {
        return zip(Map.of("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", RELS,
                "word/document.xml", DOC_START + bodyXml + DOC_END));
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Tables nested {@code depth} deep, each cell holding "level N" before its inner table. */
    static String nestedTables(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            sb.append("<w:tbl><w:tr><w:tc>").append(para("level " + i));
        }
        for (int i = 1; i <= depth; i++) {
            sb.append("<w:p/></w:tc></w:tr></w:tbl>");
        }
        return sb.toString();
    }

    /**
     * A DOCX-like ZIP whose word/document.xml inflates to {@code bytes} bytes of repetitive XML, streamed so
     * that neither the test nor the file holds it in memory.
     */
    static void bomb(Path file, long bytes) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(1);
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("_rels/.rels"));
            z.write(RELS.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] head = DOC_START.getBytes(StandardCharsets.UTF_8);
            z.write(head);
            byte[] chunk = para("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").repeat(16384)
                    .getBytes(StandardCharsets.UTF_8);
            long written = head.length;
            while (written < bytes) {
                z.write(chunk);
                written += chunk.length;
            }
            z.write(DOC_END.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    /**
     * Rewrites the central directory's declared uncompressed size of {@code name} (a lying header): the
     * first line of defence passes, the inflation guard must catch it.
     */
    static void lieAboutSize(Path file, String name, int declared) throws IOException {
        byte[] b = Files.readAllBytes(file);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + n.length <= b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                int nameLen = (b[i + 28] & 0xFF) | (b[i + 29] & 0xFF) << 8;
                if (nameLen == n.length && new String(b, i + 46, nameLen, StandardCharsets.UTF_8).equals(name)) {
                    b[i + 24] = (byte) declared;
                    b[i + 25] = (byte) (declared >> 8);
                    b[i + 26] = (byte) (declared >> 16);
                    b[i + 27] = (byte) (declared >> 24);
                }
            }
        }
        Files.write(file, b);
    }
}
