package io.entente.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens gazetteers match on: runs of letters and digits, and single other characters, with
 * white space ignored. Typographic apostrophes and dashes are folded so that "Japan’s" and
 * "Japan's" look the same.
 */
record GazToken(int start, int end, String text) {

    static List<GazToken> tokenize(String text, int from, int to) {
        List<GazToken> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < to && Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                out.add(new GazToken(i, j, text.substring(i, j)));
                i = j;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else {
                out.add(new GazToken(i, i + 1, String.valueOf(fold(c))));
                i++;
            }
        }
        return out;
    }

    static List<String> words(String form) {
        List<String> out = new ArrayList<>();
        for (GazToken t : tokenize(form, 0, form.length())) {
            out.add(t.text());
        }
        return out;
    }

    static char fold(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '\u02BC', '`' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> '-';
            default -> c;
        };
    }
}
