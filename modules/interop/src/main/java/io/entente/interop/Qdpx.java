package io.entente.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Document;

/** The zip side of a {@code .qdpx}: {@code project.qde} and the {@code sources/} it refers to. */
final class Qdpx {
    static final String PROJECT = "project.qde";
    /** Larger entries are refused: a zip bomb must not fill the memory. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    private Qdpx() {
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** Every entry of the archive by name; a file that is not a zip is an error naming it. */
    static Map<String, byte[]> entries(String origin, byte[] bytes) {
        if (!isZip(bytes)) {
            throw new InteropException(origin, "", "not a .qdpx file: a .qdpx is a zip archive holding project.qde");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] buf = new byte[65536];
                long total = 0;
                for (int n; (n = z.read(buf)) > 0; ) {
                    total += n;
                    if (total > MAX_ENTRY_BYTES) {
                        throw new InteropException(origin, "entry " + e.getName(), "larger than " + (MAX_ENTRY_BYTES >> 20) + " MB; refused");
                    }
                    b.write(buf, 0, n);
                }
                out.put(e.getName(), b.toByteArray());
            }
        } catch (ZipException e) {
            throw new InteropException(origin, "", "a damaged zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InteropException(origin, "", "cannot read the archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InteropException(origin, "", "not a .qdpx file: an empty zip archive (no project.qde)");
        }
        return out;
    }

    /** The parsed {@code project.qde} of an archive. */
    static Document project(String origin, byte[] bytes) {
        return project(origin, entries(origin, bytes));
    }

    static Document project(String origin, Map<String, byte[]> entries) {
        byte[] qde = entries.get(PROJECT);
        if (qde == null) {
            throw new InteropException(origin, "", "no " + PROJECT + " in the archive (entries: "
                    + String.join(", ", entries.keySet().stream().limit(10).toList()) + ")");
        }
        Document d = Xml.parse(origin + "!/" + PROJECT, qde);
        if (!"Project".equals(d.getDocumentElement().getLocalName())) {
            throw new InteropException(origin + "!/" + PROJECT, "root element", "expected <Project>, found <"
                    + d.getDocumentElement().getLocalName() + ">");
        }
        return d;
    }
}
