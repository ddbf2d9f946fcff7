package io.entente.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a file's format from its content; the extension only decides between formats the content
 * leaves open (Markdown or text, an HTML fragment) and otherwise earns a warning when it is wrong.
 *
 * <ul>
 *   <li>PDF: {@code %PDF-} within the first 1024 bytes;</li>
 *   <li>DOCX: ZIP magic {@code PK\3\4} and an entry {@code word/document.xml} in the central
 *       directory; any other ZIP is refused ("unsupported format: zip archive");</li>
 *   <li>HTML: after an optional byte-order mark, whitespace, XML declaration and comments,
 *       {@code <!DOCTYPE html}, {@code <html}, or a {@code <head>}, {@code <body>} or {@code <meta>}
 *       tag within the first 1024 characters; a {@code .html}/{@code .htm} file that starts with a
 *       tag;</li>
 *   <li>MARKDOWN: text with a {@code .md}/{@code .markdown} extension or YAML front matter
 *       ({@code ---} as the first line);</li>
 *   <li>TEXT: everything else (binary content is refused later, by the text checks).</li>
 * </ul>
 * Legacy Word (OLE2) and RTF files are refused with a hint to convert them.
 */
public final class FormatDetector {
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final Pattern HTML_START = Pattern.compile(
            "^(?:\\s|<\\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\\s+html|html[\\s>/]|html$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EARLY_TAG = Pattern.compile("<(?:head|body|meta)[\\s>/]", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONT_MATTER = Pattern.compile("^---[ \\t]*\\r?\\n");

    /** The detected format and the warnings detection raised (a wrong extension). */
    public record Detection(Format format, List<String> warnings) {
        public Detection {
            warnings = List.copyOf(warnings);
        }
    }

    private FormatDetector() {
    }

    /** Detects with the default ZIP entry limit. */
    public static Detection detect(Path path, byte[] bytes) throws DocumentReadException {
        return detect(path, bytes, ReaderOptions.DEFAULT_MAX_ZIP_ENTRIES);
    }

    static Detection detect(Path path, byte[] bytes, int maxZipEntries) throws DocumentReadException {
        String ext = extension(path);
        Format claimed = Format.ofExtension(ext);
        Format found = sniff(path, bytes, claimed, maxZipEntries);
        List<String> warnings = new ArrayList<>();
        if (claimed != null && claimed != found && !(isTextual(claimed) && isTextual(found))) {
            warnings.add("the extension ." + ext + " does not match the content, which is " + describe(found)
                    + "; read as " + describe(found));
        }
        return new Detection(found, warnings);
    }

    private static boolean isTextual(Format f) {
        return f == Format.TEXT || f == Format.MARKDOWN;
    }

    private static String describe(Format f) {
        return switch (f) {
            case TEXT -> "plain text";
            case MARKDOWN -> "Markdown";
            default -> f.name();
        };
    }

    private static Format sniff(Path path, byte[] b, Format claimed, int maxZipEntries) throws DocumentReadException {
        if (indexOf(b, PDF_MAGIC, 1024) >= 0) {
            return Format.PDF;
        }
        if (ZipDirectory.startsLikeZip(b)) {
            ZipDirectory dir;
            try {
                dir = ZipDirectory.read(b, maxZipEntries);
            } catch (ZipDirectory.ZipFormatException e) {
                if (claimed == Format.DOCX) {
                    throw new DocumentReadException(path, "corrupt DOCX: " + e.getMessage());
                }
                throw new DocumentReadException(path, "unsupported format: zip archive (" + e.getMessage() + ")");
            }
            if (dir.contains("word/document.xml")) {
                return Format.DOCX;
            }
            throw new DocumentReadException(path, "unsupported format: zip archive" + zipKind(dir)
                    + "; Entente reads PDF, DOCX, HTML, Markdown and plain text");
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            throw new DocumentReadException(path,
                    "unsupported format: legacy Office file (OLE2, e.g. .doc): save it as DOCX or PDF");
        }
        String head = TextDecoding.head(b, 2048);
        if (head.startsWith("{\\rtf")) {
            throw new DocumentReadException(path, "unsupported format: RTF: save it as DOCX, PDF or plain text");
        }
        if (looksLikeHtml(head)) {
            return Format.HTML;
        }
        if (claimed == Format.HTML && head.stripLeading().startsWith("<")) {
            return Format.HTML;
        }
        if (claimed == Format.MARKDOWN || FRONT_MATTER.matcher(head).find()) {
            return Format.MARKDOWN;
        }
        return Format.TEXT;
    }

    static boolean looksLikeHtml(String head) {
        String h = head.length() > 1024 ? head.substring(0, 1024) : head;
        if (HTML_START.matcher(h).find()) {
            return true;
        }
        String s = h.stripLeading();
        return s.startsWith("<") && EARLY_TAG.matcher(h).find();
    }

    private static String zipKind(ZipDirectory dir) {
        for (ZipDirectory.Entry e : dir.entries()) {
            String n = e.name();
            if (n.startsWith("xl/")) {
                return " (an XLSX spreadsheet, not a DOCX)";
            }
            if (n.startsWith("ppt/")) {
                return " (a PPTX presentation, not a DOCX)";
            }
            if (n.equals("content.xml") || n.equals("mimetype")) {
                return " (an OpenDocument or EPUB file, not a DOCX)";
            }
        }
        return " (not a DOCX: no word/document.xml)";
    }

    static String extension(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return null;
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && dot < n.length() - 1 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int end = Math.min(b.length, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
