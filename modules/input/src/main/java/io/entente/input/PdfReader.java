package io.entente.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * PDF files (Apache PDFBox 3). The glyphs of each page are collected with their positions and laid
 * out by {@link PdfLayout}: lines, columns, running headers and footers, paragraphs, hyphenation and
 * footnote markers. The document keeps where each page starts in the text.
 *
 * <p>Loaded from the bytes already read (at most the reader's size limit) with a temp-file-only
 * stream cache, so decoded streams do not pile up on the heap. Refused, each with its own cause:
 * a PDF encrypted with a user password ("encrypted PDF: cannot read without the password"; PDFs
 * encrypted with an empty user password are read), a truncated or corrupt file ("corrupt PDF: ..."),
 * and a PDF without a text layer ("PDF has no text layer (scanned images?): OCR it first").
 *
 * <p>Metadata: title, author(s) and creation date from the info dictionary, completed from XMP
 * ({@code dc:title}, {@code dc:creator}, {@code xmp:CreateDate}); titles that are file names
 * ("Microsoft Word - x.docx") are ignored.
 */
final class PdfReader implements FormatReader {
    static final String ENCRYPTED = "encrypted PDF: cannot read without the password";
    static final String NO_TEXT = "PDF has no text layer (scanned images?): OCR it first";

    private final ReaderOptions options;

    PdfReader(ReaderOptions options) {
        this.options = options;
    }

    @Override
    public ExtractedText read(Path path, byte[] bytes) throws DocumentReadException {
        if (!hasEndMarker(bytes)) {
            throw new DocumentReadException(path, "corrupt PDF: truncated (no %%EOF end marker)");
        }
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new DocumentReadException(path, "corrupt PDF: no pages");
            }
            Collector collector = new Collector(options.maxTextChars());
            try {
                collector.writeText(doc, java.io.Writer.nullWriter());
            } catch (TooMuchText e) {
                throw new DocumentReadException(path, "PDF holds more than " + options.maxTextChars()
                        + " characters of text, over the limit");
            }
            if (collector.letters == 0) {
                if (collector.unmapped > 0) {
                    throw new DocumentReadException(path, "PDF text cannot be decoded (its fonts have no Unicode "
                            + "mapping): OCR it first");
                }
                throw new DocumentReadException(path, NO_TEXT);
            }
            if (collector.letters < 20L * pages && hasImages(doc)) {
                throw new DocumentReadException(path, NO_TEXT);
            }
            List<String> warnings = new ArrayList<>();
            if (collector.unmapped > collector.letters) {
                warnings.add("most of the PDF's glyphs have no Unicode mapping; the text is incomplete");
            }
            PdfLayout.Result laid = PdfLayout.layout(collector.pages);
            return new ExtractedText(laid.text(), laid.pageStarts(), metadata(doc), warnings);
        } catch (InvalidPasswordException e) {
            throw new DocumentReadException(path, ENCRYPTED);
        } catch (DocumentReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (m.toLowerCase(Locale.ROOT).contains("password") || m.toLowerCase(Locale.ROOT).contains("decrypt")) {
                throw new DocumentReadException(path, ENCRYPTED);
            }
            int nl = m.indexOf('\n');
            throw new DocumentReadException(path, "corrupt PDF: " + (nl < 0 ? m : m.substring(0, nl)));
        }
    }

    /** A complete PDF ends with {@code %%EOF} (possibly followed by a little whitespace or junk). */
    static boolean hasEndMarker(byte[] b) {
        int from = Math.max(0, b.length - 2048);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static boolean hasImages(PDDocument doc) {
        for (PDPage page : doc.getPages()) {
            PDResources r = page.getResources();
            if (r == null) {
                continue;
            }
            for (var name : r.getXObjectNames()) {
                try {
                    if (r.isImageXObject(name)) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // a broken resource is no image
                }
            }
        }
        return false;
    }

    /** Thrown from inside PDFBox's callbacks when a file holds more text than allowed. */
    private static final class TooMuchText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooMuchText() {
            super(null, null, false, false);
        }
    }

    /** Collects each page's glyphs; writes nothing. */
    private static final class Collector extends PDFTextStripper {
        final List<PdfLayout.Page> pages = new ArrayList<>();
        private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
        private final long maxChars;
        private List<PdfLayout.Glyph> current = new ArrayList<>();
        long letters;
        long unmapped;
        long total;

        Collector(long maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        protected void startPage(PDPage page) {
            current = new ArrayList<>();
        }

        @Override
        protected void endPage(PDPage page) {
            pages.add(PdfLayout.page(current));
            current = new ArrayList<>();
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String u = t.getUnicode();
            if (u == null || u.isEmpty() || u.indexOf('\uFFFD') >= 0) {
                unmapped++;
                return;
            }
            if (++total > maxChars) {
                throw new TooMuchText();
            }
            for (int i = 0; i < u.length(); i++) {
                if (Character.isLetter(u.charAt(i))) {
                    letters++;
                    break;
                }
            }
            float fs = t.getFontSizeInPt();
            if (!(fs > 0.5f && fs < 500f)) {
                float h = t.getHeightDir();
                fs = h > 0.5f && h < 500f ? h / 0.7f : 10f;
            }
            float x = t.getXDirAdj();
            float y = t.getYDirAdj();
            float w = t.getWidthDirAdj();
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                return;
            }
            if (!Float.isFinite(w) || w < 0) {
                w = 0;
            }
            if (t.isDiacritic() && !current.isEmpty()) {
                PdfLayout.Glyph prev = current.get(current.size() - 1);
                if (Math.abs(prev.x() - x) < Math.max(prev.w(), fs * 0.6f)) {
                    current.set(current.size() - 1, prev.withText(prev.text() + u));
                    return;
                }
            }
            current.add(new PdfLayout.Glyph(u, x, y, w, fs, bold(t.getFont()), Math.round(t.getDir())));
        }

        private boolean bold(PDFont font) {
            if (font == null) {
                return false;
            }
            return boldFonts.computeIfAbsent(font, f -> {
                String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
                if (name.contains("bold") || name.contains("black") || name.contains("heavy")
                        || name.contains("semibold") || name.contains("demi")) {
                    return true;
                }
                PDFontDescriptor d = f.getFontDescriptor();
                return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
            });
        }
    }

    // ---------------------------------------------------------------- metadata

    private static FileMetadata metadata(PDDocument doc) {
        String title = null;
        List<String> authors = new ArrayList<>();
        String date = null;
        try {
            PDDocumentInformation info = doc.getDocumentInformation();
            title = usefulTitle(info.getTitle());
            authors.addAll(Authors.split(info.getAuthor()));
            try {
                date = Dates.iso(info.getCreationDate());
            } catch (RuntimeException e) {
                date = null;
            }
        } catch (RuntimeException e) {
            // a broken info dictionary: fall through to XMP
        }
        Xmp xmp = xmp(doc);
        if (xmp != null) {
            if (title == null) {
                title = usefulTitle(xmp.title);
            }
            if (!xmp.creators.isEmpty()) {
                authors = xmp.creators;
            }
            if (date == null) {
                date = Dates.iso(xmp.created);
            }
        }
        return new FileMetadata(title, authors, date);
    }

    static String usefulTitle(String t) {
        if (t == null) {
            return null;
        }
        String s = t.replace('\u0000', ' ').strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.length() < 3 || lower.startsWith("microsoft word - ") || lower.startsWith("microsoft powerpoint - ")
                || lower.matches(".*\\.(docx?|pdf|indd|tex|dvi|rtf|odt|pptx?|txt|qxd|ps)$")
                || lower.equals("untitled") || lower.equals("title") || lower.startsWith("untitled document")
                || lower.equals("powerpoint presentation")) {
            return null;
        }
        return s;
    }

    private static final class Xmp {
        String title;
        List<String> creators = new ArrayList<>();
        String created;
    }

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private static Xmp xmp(PDDocument doc) {
        try {
            PDMetadata md = doc.getDocumentCatalog().getMetadata();
            if (md == null) {
                return null;
            }
            byte[] raw;
            try (InputStream in = md.exportXMPMetadata()) {
                raw = in.readNBytes(1 << 20);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            org.w3c.dom.Document x = b.parse(new java.io.ByteArrayInputStream(raw));
            Xmp out = new Xmp();
            NodeList titles = x.getElementsByTagNameNS(DC, "title");
            if (titles.getLength() > 0) {
                List<String> li = items((Element) titles.item(0));
                out.title = li.isEmpty() ? titles.item(0).getTextContent() : li.get(0);
            }
            NodeList creators = x.getElementsByTagNameNS(DC, "creator");
            if (creators.getLength() > 0) {
                List<String> li = items((Element) creators.item(0));
                if (li.isEmpty()) {
                    out.creators.addAll(Authors.split(creators.item(0).getTextContent()));
                } else {
                    for (String c : li) {
                        out.creators.addAll(Authors.split(c));
                    }
                }
            }
            NodeList created = x.getElementsByTagNameNS(XMP, "CreateDate");
            if (created.getLength() > 0) {
                out.created = created.item(0).getTextContent();
            } else {
                NodeList descs = x.getElementsByTagNameNS(RDF, "Description");
                for (int i = 0; i < descs.getLength() && out.created == null; i++) {
                    NamedNodeMap attrs = descs.item(i).getAttributes();
                    Node a = attrs == null ? null : attrs.getNamedItemNS(XMP, "CreateDate");
                    if (a != null) {
                        out.created = a.getNodeValue();
                    }
                }
            }
            return out;
        } catch (Exception e) {
            return null; // XMP is optional; broken XMP is ignored
        }
    }

    private static List<String> items(Element e) {
        List<String> out = new ArrayList<>();
        NodeList li = e.getElementsByTagNameNS(RDF, "li");
        for (int i = 0; i < li.getLength(); i++) {
            String s = li.item(i).getTextContent();
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
