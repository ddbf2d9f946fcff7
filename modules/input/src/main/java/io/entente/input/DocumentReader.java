package io.entente.input;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a plain-text or Markdown file into a {@link Document}: refuses what is not text, decodes
 * UTF-8 (or UTF-16 with a byte-order mark), and reads title and date where the text shows them.
 * Offsets in all later layers index the decoded text, without the byte-order mark.
 * Stateless and thread-safe.
 */
public final class DocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentReader.class);

    /** Default largest file read, in bytes; larger files are refused rather than exhausting memory. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final long maxBytes;

    public DocumentReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The outcome of a read: the document and any warnings (e.g. invalid UTF-8 replaced). */
    public record Result(Document document, List<String> warnings) {
    }

    public Result read(InputFiles.InputFile file) throws DocumentReadException {
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (size > maxBytes) {
                throw new DocumentReadException(file.path(), "file is " + size + " bytes, over the limit of "
                        + maxBytes + " bytes (raise it with --max-bytes)");
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new DocumentReadException(file.path(), "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        List<String> warnings = new ArrayList<>();
        String text = decode(file, bytes, warnings);
        if (text.isEmpty()) {
            throw new DocumentReadException(file.path(), "empty file");
        }
        if (TextChecks.isBlank(text)) {
            throw new DocumentReadException(file.path(), "holds only whitespace");
        }
        if (TextChecks.looksBinary(text)) {
            throw new DocumentReadException(file.path(), "binary content, not text");
        }
        for (String w : warnings) {
            LOG.warn("{}: {}", file.path(), w);
        }
        DocumentInfo info = new DocumentInfo(file.id(), file.path().toString(), TextChecks.title(text),
                TextChecks.date(text), Resources.sha256(text));
        return new Result(Document.of(info, text), List.copyOf(warnings));
    }

    private static String decode(InputFiles.InputFile file, byte[] bytes, List<String> warnings)
            throws DocumentReadException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DocumentReadException(file.path(), "binary content, not text (NUL byte at offset " + i + ")");
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return cb.toString();
        } catch (CharacterCodingException e) {
            warnings.add("invalid UTF-8; undecodable bytes were replaced with U+FFFD");
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
    }
}
