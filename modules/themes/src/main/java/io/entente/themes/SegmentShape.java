package io.entente.themes;

import java.util.regex.Pattern;

/**
 * The shape of one segment of text, for the segments the codebook says carry no theme: headings,
 * datelines, figure titles and by-lines are short lines without closing punctuation.
 */
public final class SegmentShape {
    /** Characters that close a sentence (or a quotation or parenthesis that ends one). */
    private static final String CLOSING = ".!?\"'\u201d\u2019:;)";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SegmentShape() {
    }

    /** Words of a stripped segment: the pieces between runs of non-letters and non-digits (1 for an empty text). */
    public static int words(String segment) {
        return NON_WORD.split(segment).length;
    }

    /** Whether a stripped segment ends with closing punctuation. */
    public static boolean terminated(String segment) {
        return !segment.isEmpty() && CLOSING.indexOf(segment.charAt(segment.length() - 1)) >= 0;
    }

    /**
     * Whether a segment is a heading: not blank, at most {@code maxWords} words and no closing
     * punctuation. {@code maxWords} 0: nothing is.
     */
    public static boolean heading(String segment, int maxWords) {
        String s = segment.strip();
        return maxWords > 0 && !s.isEmpty() && words(s) <= maxWords && !terminated(s);
    }

    /**
     * For the segments of a document, in order, whether each carries no theme as a heading: a {@link #heading},
     * or one of the segments without closing punctuation before the document's first terminated one (its title
     * block: title, subtitle, date line), whatever their length. {@code maxWords} 0: none does.
     */
    public static boolean[] headings(java.util.List<String> segments, int maxWords) {
        boolean[] out = new boolean[segments.size()];
        boolean titleBlock = maxWords > 0;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (terminated(s)) {
                titleBlock = false;
            }
            out[i] = titleBlock || heading(s, maxWords);
        }
        return out;
    }
}
