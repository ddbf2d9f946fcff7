package io.entente.input;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and Markdown: UTF-8, or UTF-16 with a byte-order mark; the mark is dropped and line
 * ends are kept as they are (CRLF stays CRLF), so offsets index the text exactly as decoded.
 * Invalid UTF-8 becomes U+FFFD with a warning; a NUL byte means the file is binary.
 */
final class PlainTextReader implements FormatReader {
    @Override
    public ExtractedText read(Path path, byte[] bytes) throws DocumentReadException {
        List<String> warnings = new ArrayList<>();
        TextDecoding.Bom bom = TextDecoding.bom(bytes);
        String text;
        if (bom != null && bom.charset() != StandardCharsets.UTF_8) {
            text = TextDecoding.decode(bytes, bom.length(), bom.charset(), warnings);
        } else {
            int offset = bom == null ? 0 : bom.length();
            for (int i = offset; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw new DocumentReadException(path, "binary content, not text (NUL byte at offset " + i + ")");
                }
            }
            text = TextDecoding.decode(bytes, offset, StandardCharsets.UTF_8, warnings);
        }
        return new ExtractedText(text, List.of(), FileMetadata.NONE, warnings);
    }
}
