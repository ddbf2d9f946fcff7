package io.entente.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Deterministic text formatting shared by the renderers: numbers, Markdown, CSV, XML and JSON. */
final class Format {
    private static final ObjectWriter JSON;

    static {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writer(printer);
    }

    private Format() {
    }

    /** Pretty JSON with "\n" line ends (whatever the platform) and a final line break. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} with {@code decimals} fixed decimals, Locale.ROOT, never "-0.00". */
    static String fixed(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            s = s.substring(1);
        }
        return s;
    }

    /** A share as a percentage with one decimal, without the sign: 0.1234 → "12.3". */
    static String percent(double share) {
        return fixed(100 * share, 1);
    }

    /** A difference of shares in percentage points with a sign: 0.052 → "+5.2", -0.01 → "−1.0". */
    static String points(double difference) {
        return points(difference, 1);
    }

    /** A difference of shares in percentage points with a sign and the given decimals. */
    static String points(double difference, int decimals) {
        String s = fixed(100 * difference, decimals);
        if (s.startsWith("-")) {
            return "\u2212" + s.substring(1);
        }
        return s.chars().anyMatch(c -> c >= '1' && c <= '9') ? "+" + s : s;
    }

    /** A p-value for people: "<0.001" or three decimals. */
    static String p(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : fixed(p, 3);
    }

    /** "p = 0.023", "p < 0.001" or "p n/a". */
    static String pIs(Double p) {
        if (p == null) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : "p = " + fixed(p, 3);
    }

    /** A signed number with a true minus sign: "+0.25", "−0.05", "0.00". */
    static String signed(double value, int decimals) {
        String s = fixed(value, decimals);
        if (s.startsWith("-")) {
            return "\u2212" + s.substring(1);
        }
        return s.chars().anyMatch(c -> c >= '1' && c <= '9') ? "+" + s : s;
    }

    /** Text for a Markdown table cell: one line, pipes escaped. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return oneLine(text).replace("\\", "\\\\").replace("|", "\\|");
    }

    /** Whitespace runs (including line breaks) collapsed to single spaces, trimmed. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String shorten(String text, int max) {
        String s = oneLine(text);
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut) + "\u2026";
    }

    /** A CSV field as RFC 4180 wants it: quoted when it holds a comma, quote or line break. */
    static String csv(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** Text escaped for XML content and attribute values. */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // Characters XML 1.0 does not allow are dropped (control characters other than tab, LF, CR).
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
