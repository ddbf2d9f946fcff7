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

    /** The fallback for bytes that are not UTF-8: the Western code page, a superset of Latin-1's printable range. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The charset of text without a byte-order mark: UTF-8 when the bytes are valid UTF-8, or when
     * valid multi-byte sequences outnumber the invalid bytes (a UTF-8 file with a few damaged bytes);
     * otherwise windows-1252 (Latin-1 and Windows files: "Caf\u00e9" stored as one byte).
     */
    static Charset detect(byte[] b, int offset) {
        int valid = 0;
        int invalid = 0;
        int i = offset;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = need > 0 && i + need < b.length;
            for (int k = 1; ok && k <= need; k++) {
                ok = i + k < b.length && (b[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid == 0 || valid >= invalid ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /**
     * UTF-16 without a byte-order mark, told by its NUL bytes: English text in UTF-16 has a NUL in at
     * least half of its code units, all on one side (the high byte), and almost none on the other;
     * {@code null} for anything else (binary content has NULs on both sides or few at all).
     */
    static Charset utf16WithoutBom(byte[] b, int offset) {
        int n = b.length - offset;
        if (n < 8 || n % 2 != 0) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = offset; i < b.length; i += 2) {
            evenNuls += b[i] == 0 ? 1 : 0;
            oddNuls += b[i + 1] == 0 ? 1 : 0;
        }
        int units = n / 2;
        if (oddNuls * 2 >= units && evenNuls * 50 <= units) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNuls * 2 >= units && oddNuls * 50 <= units) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
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
