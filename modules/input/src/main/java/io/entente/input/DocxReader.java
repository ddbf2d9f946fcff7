package io.entente.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word documents (Apache POI). Paragraphs in document order, each its own line (headings too), a blank
 * line between blocks; table rows become lines of cells joined with {@code " | "} (nested tables are
 * flattened into their cell). Headers, footers, comments and footnotes are not read, and footnote
 * reference marks are dropped (as in PDFs). Core properties
 * give title, creator(s) and creation date.
 *
 * <p>Protection, in this order, before anything is inflated:
 * <ol>
 *   <li>the ZIP central directory is read from the bytes and the declared sizes checked: at most
 *       {@link ReaderOptions#maxZipEntries()} entries, {@link ReaderOptions#maxZipUncompressedBytes()} in total,
 *       {@link ReaderOptions#maxZipEntryBytes()} per entry, and no entry over 1 MB compressed more than
 *       100:1;</li>
 *   <li>POI's {@link ZipSecureFile} guards the inflation itself (minimum inflate ratio 0.01, maximum entry
 *       size, maximum text size) against sizes that lie. These are process-wide settings of POI: every
 *       read sets them from its reader's options;</li>
 *   <li>the main document part is streamed once (StAX, DTDs off) to measure the nesting of tables and
 *       elements and the amount of text: more than {@link ReaderOptions#maxNesting()} nested tables or
 *       8 times that in element depth is refused, so POI's recursive model never overflows the stack.</li>
 * </ol>
 */
final class DocxReader implements FormatReader {
    private static final long GRACE_BYTES = 1L << 20;
    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final String MAIN_PART = "/word/document.xml";
    private static final java.util.regex.Pattern NOTE_REF = java.util.regex.Pattern.compile("\\[(?:footnote|endnote)Ref:\\d+\\]");

    private final ReaderOptions options;

    DocxReader(ReaderOptions options) {
        this.options = options;
    }

    @Override
    public ExtractedText read(Path path, byte[] bytes) throws DocumentReadException {
        checkDirectory(path, bytes);
        synchronized (ZipSecureFile.class) {
            // Set only when different: POI logs a warning on every call with a large text size.
            if (ZipSecureFile.getMinInflateRatio() != MIN_INFLATE_RATIO) {
                ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
            }
            if (ZipSecureFile.getMaxEntrySize() != options.maxZipEntryBytes()) {
                ZipSecureFile.setMaxEntrySize(options.maxZipEntryBytes());
            }
            if (ZipSecureFile.getMaxTextSize() != options.maxTextChars()) {
                ZipSecureFile.setMaxTextSize(options.maxTextChars());
            }
            if (ZipSecureFile.getMaxFileCount() != options.maxZipEntries()) {
                ZipSecureFile.setMaxFileCount(options.maxZipEntries());
            }
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw failure(path, e);
        }
        try {
            PackagePart main = mainPart(pkg);
            if (main == null) {
                throw new DocumentReadException(path, "corrupt DOCX: no main document part");
            }
            prescan(path, main);
            FileMetadata meta = metadata(pkg);
            XWPFDocument doc = new XWPFDocument(pkg);
            List<String> blocks = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                block(e, blocks);
            }
            String text = blocks.isEmpty() ? "" : String.join("\n\n", blocks) + "\n";
            return new ExtractedText(text, List.of(), meta, List.of());
        } catch (DocumentReadException e) {
            throw e;
        } catch (Exception e) {
            throw failure(path, e);
        } finally {
            pkg.revert();
        }
    }

    private void checkDirectory(Path path, byte[] bytes) throws DocumentReadException {
        ZipDirectory dir;
        try {
            dir = ZipDirectory.read(bytes, options.maxZipEntries());
        } catch (ZipDirectory.ZipFormatException e) {
            throw new DocumentReadException(path, "corrupt DOCX: " + e.getMessage());
        }
        if (dir.declaredEntries() > options.maxZipEntries()) {
            throw new DocumentReadException(path, "DOCX holds " + dir.declaredEntries() + " ZIP entries, over the limit of "
                    + options.maxZipEntries() + " (zip bomb?)");
        }
        long total;
        try {
            total = dir.totalUncompressed();
        } catch (ArithmeticException e) {
            total = Long.MAX_VALUE;
        }
        if (total > options.maxZipUncompressedBytes()) {
            throw new DocumentReadException(path, "DOCX unpacks to " + total + " bytes, over the limit of "
                    + options.maxZipUncompressedBytes() + " bytes (zip bomb?)");
        }
        for (ZipDirectory.Entry e : dir.entries()) {
            if (e.uncompressedSize() > options.maxZipEntryBytes()) {
                throw new DocumentReadException(path, "DOCX entry " + e.name() + " unpacks to " + e.uncompressedSize()
                        + " bytes, over the limit of " + options.maxZipEntryBytes() + " bytes (zip bomb?)");
            }
            if (e.uncompressedSize() > GRACE_BYTES && e.compressedSize() < e.uncompressedSize() * MIN_INFLATE_RATIO) {
                throw new DocumentReadException(path, "DOCX entry " + e.name() + " is compressed "
                        + (e.uncompressedSize() / Math.max(1, e.compressedSize())) + ":1, beyond the limit of 100:1 (zip bomb?)");
            }
        }
    }

    private static PackagePart mainPart(OPCPackage pkg) throws Exception {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        for (PackageRelationship rel : rels) {
            PackagePart part = pkg.getPart(rel);
            if (part != null) {
                return part;
            }
        }
        return pkg.getPart(PackagingURIHelper.createPartName(MAIN_PART));
    }

    /** Streams the main part once: nesting depth of tables and elements, and the amount of text. */
    private void prescan(Path path, PackagePart main) throws DocumentReadException, IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int maxTables = options.maxNesting();
        int maxDepth = options.maxNesting() * 8;
        try (Recording in = new Recording(main.getInputStream())) {
            XMLStreamReader r = null;
            try {
                r = f.createXMLStreamReader(in);
                int depth = 0;
                int tables = 0;
                long chars = 0;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        if (++depth > maxDepth) {
                            throw new DocumentReadException(path, "DOCX nests elements more than " + maxDepth
                                    + " deep, over the limit");
                        }
                        if ("tbl".equals(r.getLocalName()) && ++tables > maxTables) {
                            throw new DocumentReadException(path, "DOCX nests tables more than " + maxTables
                                    + " deep, over the limit of " + maxTables);
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                        if ("tbl".equals(r.getLocalName())) {
                            tables--;
                        }
                    } else if (ev == XMLStreamConstants.CHARACTERS) {
                        chars += r.getTextLength();
                        if (chars > options.maxTextChars()) {
                            throw new DocumentReadException(path, "DOCX holds more than " + options.maxTextChars()
                                    + " characters of text, over the limit");
                        }
                    }
                }
            } catch (XMLStreamException e) {
                if (in.failure != null) {
                    throw in.failure; // the inflation guard stopped the stream, e.g. a zip bomb
                }
                throw new DocumentReadException(path, "corrupt DOCX: malformed XML in the document part: "
                        + firstLine(e.getMessage()));
            } finally {
                if (r != null) {
                    try {
                        r.close();
                    } catch (XMLStreamException e) {
                        // nothing left to release
                    }
                }
            }
        }
    }

    /** Remembers the I/O failure under a parser, which would otherwise report it as malformed XML. */
    private static final class Recording extends java.io.FilterInputStream {
        IOException failure;

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    private static FileMetadata metadata(OPCPackage pkg) {
        try {
            PackageProperties p = pkg.getPackageProperties();
            String title = p.getTitleProperty().orElse(null);
            List<String> authors = Authors.split(p.getCreatorProperty().orElse(null));
            String date = p.getCreatedProperty().map(Dates::iso).orElse(null);
            return new FileMetadata(title, authors, date);
        } catch (Exception e) {
            return FileMetadata.NONE;
        }
    }

    private static void block(IBodyElement e, List<String> blocks) {
        if (e instanceof XWPFParagraph p) {
            String t = tidy(paragraphText(p));
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        } else if (e instanceof XWPFTable table) {
            List<String> rows = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                String r = rowText(row);
                if (!r.isEmpty()) {
                    rows.add(r);
                }
            }
            if (!rows.isEmpty()) {
                blocks.add(String.join("\n", rows));
            }
        } else if (e instanceof XWPFSDT sdt) {
            String t = tidy(sdt.getContent().getText());
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        }
    }

    private static String rowText(XWPFTableRow row) {
        List<String> cells = new ArrayList<>();
        for (XWPFTableCell cell : row.getTableCells()) {
            cells.add(cellText(cell));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells.stream().allMatch(String::isEmpty) ? "" : String.join(" | ", cells);
    }

    /** A cell's paragraphs joined by spaces; a nested table's rows joined by "; ". Depth is bounded by the prescan. */
    private static String cellText(XWPFTableCell cell) {
        List<String> parts = new ArrayList<>();
        for (IBodyElement e : cell.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                parts.add(tidy(paragraphText(p)).replace('\n', ' '));
            } else if (e instanceof XWPFTable t) {
                List<String> rows = new ArrayList<>();
                for (XWPFTableRow row : t.getRows()) {
                    String r = rowText(row);
                    if (!r.isEmpty()) {
                        rows.add(r);
                    }
                }
                parts.add(String.join("; ", rows));
            } else if (e instanceof XWPFSDT sdt) {
                parts.add(tidy(sdt.getContent().getText()).replace('\n', ' '));
            }
        }
        return String.join(" ", parts.stream().filter(s -> !s.isEmpty()).toList());
    }

    private static String paragraphText(XWPFParagraph p) {
        StringBuilder sb = new StringBuilder();
        for (IRunElement r : p.getIRuns()) {
            if (r instanceof XWPFRun run) {
                String t = run.text();
                if (run.getCTR().sizeOfFootnoteReferenceArray() > 0 || run.getCTR().sizeOfEndnoteReferenceArray() > 0) {
                    // POI renders a note reference as "[footnoteRef:3]"; the reference mark is dropped, as in PDFs.
                    t = NOTE_REF.matcher(t).replaceAll("");
                }
                sb.append(t);
            } else if (r instanceof XWPFSDT sdt) {
                sb.append(sdt.getContent().getText());
            }
        }
        return sb.toString();
    }

    /** Spaces tidied; line breaks inside a paragraph kept. */
    private static String tidy(String s) {
        return s.replace('\u00A0', ' ').replace("\r", "").replaceAll("[ \\x0B\\f]+", " ").replaceAll(" *\n *", "\n")
                .strip();
    }

    private static DocumentReadException failure(Path path, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("zip bomb") || lower.contains("max entry size") || lower.contains("exceeds the max")) {
                return new DocumentReadException(path, "DOCX refused as a possible zip bomb: " + firstLine(m));
            }
            if (t instanceof StackOverflowError) {
                return new DocumentReadException(path, "DOCX is nested too deeply to read");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
        return new DocumentReadException(path, "corrupt DOCX: " + m);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String l = nl < 0 ? s : s.substring(0, nl);
        return l.length() > 200 ? l.substring(0, 200) + "..." : l;
    }
}
