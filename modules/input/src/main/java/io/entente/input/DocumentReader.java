package io.entente.input;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a file into a {@link Document}: detects its format from the content ({@link FormatDetector}),
 * extracts the text with the format's {@link FormatReader} (plain text and Markdown, PDF, DOCX,
 * HTML), refuses what holds no usable text, guesses the language, and fills the metadata: title,
 * authors and date from the file's own metadata where it has them (origin {@code file}), else title
 * and date sniffed from the text (origin {@code text}).
 *
 * <p>Offsets in all later layers index the extracted text (for plain text: the decoded text without
 * a byte-order mark, line ends as in the file). For PDF the document keeps where each page starts.
 *
 * <p>Every problem with the input ends as a {@link DocumentReadException} whose message is
 * {@code path: cause}. Stateless and thread-safe; the language model is loaded once per process.
 */
public final class DocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentReader.class);

    /** Default largest file read, in bytes; larger files are refused rather than exhausting memory. */
    public static final long DEFAULT_MAX_BYTES = ReaderOptions.DEFAULT_MAX_BYTES;

    private final ReaderOptions options;
    private final PlainTextReader text;
    private final PdfReader pdf;
    private final DocxReader docx;
    private final HtmlReader html;

    /** Default limits; refuses clearly non-English documents. */
    public DocumentReader() {
        this(ReaderOptions.defaults());
    }

    /** Default limits but the file size; refuses clearly non-English documents. */
    public DocumentReader(long maxBytes) {
        this(ReaderOptions.defaults().withMaxBytes(maxBytes));
    }

    public DocumentReader(ReaderOptions options) {
        this.options = options;
        this.text = new PlainTextReader(options.encoding());
        this.pdf = new PdfReader(options);
        this.docx = new DocxReader(options);
        this.html = new HtmlReader(options);
    }

    public ReaderOptions options() {
        return options;
    }

    /** The outcome of a read: the document and any warnings (e.g. invalid UTF-8 replaced, wrong extension). */
    public record Result(Document document, List<String> warnings) {
    }

    public Result read(InputFiles.InputFile file) throws DocumentReadException {
        return read(file, () -> Files.newInputStream(file.path()));
    }

    /** Opens an input's content, wherever it lies (a local file, an object in a store). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /**
     * Reads a document whose bytes come from {@code content}; {@code file} names it (its path, for
     * messages, the report's source and the format's extension, and its id).
     */
    public Result read(InputFiles.InputFile file, Content source) throws DocumentReadException {
        Path path = file.path();
        byte[] bytes = readBounded(path, source);
        if (bytes.length == 0) {
            throw new DocumentReadException(path, "empty file");
        }
        FormatDetector.Detection detection = FormatDetector.detect(path, bytes, options.maxZipEntries());
        Format format = detection.format();
        List<String> warnings = new ArrayList<>(detection.warnings());
        ExtractedText extracted = extract(format, path, bytes);
        bytes = null; // the raw bytes are not needed past this point
        warnings.addAll(extracted.warnings());
        String content = extracted.text();
        checkText(path, format, content);

        String language = null;
        LanguageGuesser.Guess guess = LanguageGuesser.guess(content);
        if (guess != null) {
            if (!options.acceptAnyLanguage() && guess.clearlyNotEnglish()) {
                throw new DocumentReadException(path, "not English (detected: " + guess.language()
                        + "); use --lang-any to analyze it anyway");
            }
            language = guess.recorded();
        }

        FileMetadata meta = extracted.metadata();
        Map<String, String> origins = new LinkedHashMap<>();
        String title = meta.title();
        if (title != null) {
            origins.put("title", "file");
        } else {
            title = TextChecks.title(content);
            if (title != null) {
                origins.put("title", "text");
            }
        }
        String date = meta.date();
        if (date != null) {
            origins.put("date", "file");
        } else {
            date = TextChecks.date(content);
            if (date != null) {
                origins.put("date", "text");
            }
        }
        if (!meta.authors().isEmpty()) {
            origins.put("authors", "file");
        }
        for (String w : warnings) {
            LOG.debug("{}: {}", path, w); // callers report warnings to the user (Result.warnings)
        }
        DocumentInfo info = new DocumentInfo(file.id(), path.toString(), title, date, Resources.sha256(content),
                meta.authors(), null, List.of(), format.id(), language, origins, extracted.encoding());
        return new Result(Document.of(info, content, extracted.pageStarts()), List.copyOf(warnings));
    }

    private ExtractedText extract(Format format, Path path, byte[] bytes) throws DocumentReadException {
        FormatReader reader = switch (format) {
            case TEXT, MARKDOWN -> text;
            case PDF -> pdf;
            case DOCX -> docx;
            case HTML -> html;
        };
        try {
            ExtractedText out = reader.read(path, bytes);
            // Compressed formats can hold far more text than bytes; plain text and HTML are bounded by the file size.
            if ((format == Format.PDF || format == Format.DOCX) && out.text().length() > options.maxTextChars()) {
                throw new DocumentReadException(path, "the text is " + out.text().length()
                        + " characters, over the limit of " + options.maxTextChars() + " characters");
            }
            return out;
        } catch (StackOverflowError e) {
            throw new DocumentReadException(path, format.name() + " is nested too deeply to read");
        } catch (RuntimeException e) {
            // A reader's own checks turn bad input into DocumentReadExceptions; this is the last line.
            LOG.debug("unexpected failure reading {}", path, e);
            throw new DocumentReadException(path, "corrupt " + format.name() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static void checkText(Path path, Format format, String content) throws DocumentReadException {
        boolean plain = format == Format.TEXT || format == Format.MARKDOWN;
        if (content.isEmpty()) {
            throw new DocumentReadException(path, plain ? "empty file" : format.name() + " holds no text");
        }
        if (TextChecks.isBlank(content)) {
            throw new DocumentReadException(path, plain ? "holds only whitespace" : format.name() + " holds no text");
        }
        if (TextChecks.looksBinary(content)) {
            throw new DocumentReadException(path, plain ? "binary content, not text"
                    : format.name() + " text is garbled (mostly control or undecodable characters)");
        }
    }

    /** Reads the file, refusing it when it holds more than the limit (checked before reading and while reading). */
    private byte[] readBounded(Path path, Content content) throws DocumentReadException {
        long max = options.maxBytes();
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                // A named pipe or device would block or never end; a pipe could not be read twice (hash, then text).
                throw new DocumentReadException(path, "not a regular file (a named pipe, socket, device or folder): "
                        + "copy it into a file first");
            }
            long size = Files.isRegularFile(path) ? Files.size(path) : -1; // -1: not a local file
            if (size > max) {
                throw overLimit(path, size, max);
            }
            try (InputStream in = content.open()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max));
                if (in.read() >= 0) {
                    throw overLimit(path, Files.isRegularFile(path) ? Files.size(path) : max + 1 + in.transferTo(OutputStream.nullOutputStream()), max);
                }
                return bytes;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DocumentReadException(path, "cannot read: no such file (deleted or moved during the run?)");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DocumentReadException(path, "cannot read: permission denied");
        } catch (IOException e) {
            throw new DocumentReadException(path, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static DocumentReadException overLimit(Path path, long size, long max) {
        return new DocumentReadException(path, "file is " + size + " bytes, over the limit of " + max
                + " bytes (raise it with --max-bytes)");
    }
}
