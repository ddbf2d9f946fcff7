package io.entente.interop;

import io.entente.core.Polarity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which imported theme is a driver and which an obstacle, since no dictionary format says: a text file
 * of lines {@code THEME-ID driver|obstacle} ({@code #} starts a comment). An id also covers the themes
 * nested under it ({@code south} covers {@code south.bw}); the longest id that matches wins. Immutable.
 */
public final class PolarityMap {
    public static final PolarityMap EMPTY = new PolarityMap(Map.of(), "(none)");

    private final Map<String, Polarity> byId;
    private final String origin;

    private PolarityMap(Map<String, Polarity> byId, String origin) {
        this.byId = Collections.unmodifiableMap(byId);
        this.origin = origin;
    }

    /** Reads the file; a malformed line is an error naming the file and line. */
    public static PolarityMap read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the polarity map: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    public static PolarityMap parse(String origin, String text) {
        Map<String, Polarity> m = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[\\s,]+");
            if (parts.length != 2) {
                throw new InteropException(origin, "line " + (i + 1), "expected 'THEME-ID driver|obstacle', not '" + line + "'");
            }
            try {
                m.put(parts[0], Polarity.parse(parts[1].toLowerCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InteropException(origin, "line " + (i + 1), e.getMessage());
            }
        }
        return new PolarityMap(m, origin);
    }

    /** The polarity for the theme, from its own id or the longest enclosing one; null when the map has none. */
    public Polarity polarity(String themeId) {
        String id = themeId;
        while (true) {
            Polarity p = byId.get(id);
            if (p != null) {
                return p;
            }
            int dot = id.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            id = id.substring(0, dot);
        }
    }

    /** The ids the map names. */
    public java.util.Set<String> ids() {
        return byId.keySet();
    }

    public String origin() {
        return origin;
    }
}
