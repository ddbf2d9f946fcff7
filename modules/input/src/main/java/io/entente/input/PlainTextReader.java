package io.entente.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and Markdown: the encoding given by the user, else UTF-16 or UTF-8 by byte-order mark,
 * else UTF-8 when the bytes are UTF-8 and windows-1252 when they are not (see
 * {@link TextDecoding#detect}); the mark is dropped and line ends are kept as they are (CRLF stays
 * CRLF), so offsets index the text exactly as decoded. Bytes the chosen encoding cannot decode
 * become U+FFFD with a warning; a NUL byte means the file is binary, unless the NULs show UTF-16
 * without a mark (one in every other byte: read as UTF-16, with a warning).
 */
final class PlainTextReader implements FormatReader {
    private final Charset forced;

    /** @param forced the encoding to read every file with, or {@code null} to detect it */
    PlainTextReader(Charset forced) {
        this.forced = forced;
    }

    PlainTextReader() {
        this(null);
    }

    @Override
    public ExtractedText read(Path path, byte[] bytes) throws DocumentReadException {
        List<String> warnings = new ArrayList<>();
        TextDecoding.Bom bom = TextDecoding.bom(bytes);
        String text;
        Charset charset;
        if (forced != null) {
            charset = forced;
            int offset = bom != null && bom.charset().equals(forced) ? bom.length() : 0;
            text = TextDecoding.decode(bytes, offset, forced, warnings);
        } else if (bom != null && bom.charset() != StandardCharsets.UTF_8) {
            charset = bom.charset();
            text = TextDecoding.decode(bytes, bom.length(), bom.charset(), warnings);
        } else if (bom == null && TextDecoding.utf16WithoutBom(bytes, 0) != null) {
            charset = TextDecoding.utf16WithoutBom(bytes, 0);
            warnings.add("no byte-order mark, but its NUL bytes say UTF-16; read as " + charset.name()
                    + " (--encoding chooses another)");
            text = TextDecoding.decode(bytes, 0, charset, warnings);
        } else {
            int offset = bom == null ? 0 : bom.length();
            for (int i = offset; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw new DocumentReadException(path, "binary content, not text (NUL byte at offset " + i + ")");
                }
            }
            charset = bom != null ? StandardCharsets.UTF_8 : TextDecoding.detect(bytes, offset);
            if (charset != StandardCharsets.UTF_8) {
                warnings.add("not UTF-8; read as " + charset.name() + " (--encoding chooses another)");
            }
            text = TextDecoding.decode(bytes, offset, charset, warnings);
        }
        return new ExtractedText(text, List.of(), FileMetadata.NONE, warnings, charset.name());
    }
}
