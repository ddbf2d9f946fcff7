package io.entente.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Byte-order marks and strict-then-lenient decoding, shared by the text and HTML readers. */
final class TextDecoding {
    private TextDecoding() {
    }

    /** A charset found from a byte-order mark, and the length of the mark. */
    record Bom(Charset charset, int length) {
    }

    /** The byte-order mark at the start of {@code bytes}, or {@code null}. */
    static Bom bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /**
     * Decodes {@code bytes[offset..]}: strictly first; on malformed input again with U+FFFD for the
     * bad bytes and a warning.
     */
    static String decode(byte[] bytes, int offset, Charset charset, List<String> warnings) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("invalid " + charset.name() + "; undecodable bytes were replaced with U+FFFD");
            return new String(bytes, offset, bytes.length - offset, charset);
        }
    }

    /** A short prefix decoded for sniffing (BOM honoured, BOM itself skipped). */
    static String head(byte[] b, int maxBytes) {
        Bom bom = bom(b);
        int off = bom == null ? 0 : bom.length();
        int len = Math.min(b.length - off, maxBytes);
        Charset cs = bom == null ? StandardCharsets.ISO_8859_1 : bom.charset();
        return new String(b, off, Math.max(0, len), cs);
    }
}
