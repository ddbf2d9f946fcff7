package io.entente.tokenize;

import io.entente.core.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into blocks at line breaks before any statistical splitting: a line break ends a
 * segment (headings, datelines and list items have no final period), except where a paragraph was
 * hard-wrapped. Blank lines, including lines of no-break spaces, always end a block.
 */
final class LineBlocks {
    /** A wrapped line is long; shorter lines without a final period are headings or labels. */
    private static final int WRAPPED_LINE_MIN_LENGTH = 50;

    private LineBlocks() {
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /** A character that ends a line (a Windows CRLF is two of them, read as one break by {@link #split}). */
    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f';
    }

    static List<Span> split(String text) {
        List<Span> lines = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || isLineBreak(text.charAt(i))) {
                Span trimmed = trim(text, lineStart, i);
                if (trimmed != null) {
                    lines.add(trimmed);
                } else {
                    lines.add(null); // blank line
                }
                if (i < n - 1 && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                    i++; // CRLF is one line break, not a blank line between \r and \n
                }
                lineStart = i + 1;
            }
        }
        List<Span> blocks = new ArrayList<>();
        Span current = null;
        for (Span line : lines) {
            if (line == null) {
                if (current != null) {
                    blocks.add(current);
                    current = null;
                }
                continue;
            }
            if (current != null && continues(text, current, line)) {
                current = new Span(current.start(), line.end());
            } else {
                if (current != null) {
                    blocks.add(current);
                }
                current = line;
            }
        }
        if (current != null) {
            blocks.add(current);
        }
        return blocks;
    }

    /** Whether {@code next} continues the sentence that the block's last line left open. */
    private static boolean continues(String text, Span block, Span next) {
        char last = text.charAt(block.end() - 1);
        if (".?!:;\u2026".indexOf(last) >= 0 || ((last == '"' || last == '\u201D' || last == ')')
                && block.end() >= 2 && ".?!".indexOf(text.charAt(block.end() - 2)) >= 0)) {
            return false;
        }
        char first = text.charAt(next.start());
        if (Character.isLowerCase(first)) {
            return true;
        }
        int lineStart = lastLineStart(text, block);
        boolean longLine = block.end() - lineStart >= WRAPPED_LINE_MIN_LENGTH;
        boolean openEnd = last == ',' || last == '-' || last == '\u2013' || last == '(' || Character.isLowerCase(last);
        return longLine && openEnd && !isListItem(text, next) && !looksLikeHeading(text, lineStart, block.end())
                && !looksLikeHeading(text, next.start(), next.end());
    }

    /** A title-case line ("Converging Interests and Implications for the United States") is a heading. */
    private static boolean looksLikeHeading(String text, int start, int end) {
        int words = 0;
        int capitalized = 0;
        for (String w : text.substring(start, end).split("\\s+")) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            words++;
            if (Character.isUpperCase(w.charAt(0))) {
                capitalized++;
            } else if (w.length() > 4) {
                return false; // headings lower-case only short function words
            }
        }
        return words > 0 && capitalized * 2 > words;
    }

    private static boolean isListItem(String text, Span line) {
        char c = text.charAt(line.start());
        return c == '-' || c == '*' || c == '\u2022' || c == '#' || Character.isDigit(c);
    }

    private static int lastLineStart(String text, Span block) {
        for (int i = block.end() - 1; i > block.start(); i--) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                return i + 1;
            }
        }
        return block.start();
    }

    /** The span without leading and trailing white space (including no-break spaces), or null if blank. */
    static Span trim(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        return s < e ? new Span(s, e) : null;
    }
}
