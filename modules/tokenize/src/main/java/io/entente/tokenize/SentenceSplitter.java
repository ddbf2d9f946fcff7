package io.entente.tokenize;

import io.entente.core.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetector;

/**
 * Sentence boundaries: line blocks first, then OpenNLP's detector inside each block, then repairs
 * from the abbreviation table (titles, "No.", "U.S." before a name) and footnote markers.
 */
final class SentenceSplitter {
    private static final Pattern INITIAL = Pattern.compile("(\\p{Lu}\\.){1,3}"); // "H.", "B.J.", "S.M." (not "U.S.": maybe-final)
    private static final Pattern LIST_MARKER = Pattern.compile("\\(?[0-9ivxIVX]{1,4}[.)]");
    private static final Pattern ROMAN_OR_NUMBER = Pattern.compile("([0-9]{1,3}|[IVXLC]{1,6})\\.");
    private static final Pattern LEADING_FOOTNOTE = Pattern.compile("\\[\\d{1,3}\\](?=\\s)");
    /** A footnote marker glued after a sentence end, then a new sentence: ".[1] The". */
    private static final Pattern FOOTNOTE_BOUNDARY = Pattern.compile("[.?!][\"'\u201D\u2019)]*\\[\\d{1,3}\\](?=\\s+[\\p{Lu}\"\u201C])");
    private static final Pattern FOOTNOTE_ONLY = Pattern.compile("(\\[\\d{1,3}\\]|\\d{1,3}|[\"'\u201D\u2019)\\]]+)");
    private static final String OPENERS = "(\"'\u201C\u2018[";
    private static final String CLOSERS = ")\"'\u201D\u2019]";

    private final SentenceDetector detector;
    private final Abbreviations abbreviations;

    SentenceSplitter(SentenceDetector detector, Abbreviations abbreviations) {
        this.detector = detector;
        this.abbreviations = abbreviations;
    }

    List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        for (Span block : LineBlocks.split(text)) {
            String blockText = block.of(text);
            List<Span> candidates = new ArrayList<>();
            for (opennlp.tools.util.Span s : detector.sentPosDetect(blockText)) {
                Span t = LineBlocks.trim(text, block.start() + s.getStart(), block.start() + s.getEnd());
                if (t != null) {
                    for (Span piece : splitAtFootnotes(text, t)) {
                        candidates.addAll(splitAfterAbbreviations(text, piece));
                    }
                }
            }
            if (candidates.isEmpty()) {
                candidates.add(block);
            }
            // The detector may leave text between or around its spans; give it to a neighbour.
            candidates = cover(text, block, candidates);
            out.addAll(repair(text, candidates));
        }
        return out;
    }

    /** Splits where a footnote marker follows a sentence end and a capitalized sentence follows it. */
    private static List<Span> splitAtFootnotes(String text, Span span) {
        List<Span> out = new ArrayList<>();
        var m = FOOTNOTE_BOUNDARY.matcher(text).region(span.start(), span.end());
        int start = span.start();
        while (m.find()) {
            Span piece = LineBlocks.trim(text, start, m.end());
            if (piece != null) {
                out.add(piece);
            }
            start = m.end();
        }
        Span rest = LineBlocks.trim(text, start, span.end());
        if (rest != null) {
            out.add(rest);
        }
        return out;
    }

    /**
     * The detector never ends a sentence at "U.S."; the abbreviation table says it does when a
     * sentence starter follows ("... moved to the U.S. The move ...").
     */
    private List<Span> splitAfterAbbreviations(String text, Span span) {
        List<Span> out = new ArrayList<>();
        int start = span.start();
        int i = span.start();
        while (i < span.end()) {
            int wordEnd = i;
            while (wordEnd < span.end() && !LineBlocks.isSpace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = strip(text.substring(i, wordEnd));
            int next = wordEnd;
            while (next < span.end() && LineBlocks.isSpace(text.charAt(next))) {
                next++;
            }
            if (next < span.end() && next > wordEnd && abbreviations.maybeFinal(word)
                    && abbreviations.starter(firstWord(text.substring(next, span.end())))) {
                out.add(new Span(start, wordEnd));
                start = next;
            }
            i = next > wordEnd ? next : wordEnd + 1;
        }
        out.add(new Span(start, span.end()));
        return out;
    }

    /** Extends spans so that every non-space character of the block belongs to one. */
    private static List<Span> cover(String text, Span block, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            int start = i == 0 ? block.start() : spans.get(i).start();
            int end = i == spans.size() - 1 ? block.end() : spans.get(i + 1).start();
            Span t = LineBlocks.trim(text, start, end);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Span> repair(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            // A detached footnote marker "[2]" at the start belongs to the sentence before it.
            var lead = LEADING_FOOTNOTE.matcher(text).region(s.start(), s.end());
            if (!out.isEmpty() && lead.lookingAt() && !containsLineBreak(text, out.get(out.size() - 1).end(), s.start())) {
                Span prev = out.remove(out.size() - 1);
                out.add(new Span(prev.start(), lead.end()));
                s = LineBlocks.trim(text, lead.end(), s.end());
                if (s == null) {
                    continue;
                }
            }
            if (!out.isEmpty() && shouldJoin(text, out.get(out.size() - 1), s)) {
                Span prev = out.remove(out.size() - 1);
                out.add(new Span(prev.start(), s.end()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private boolean shouldJoin(String text, Span prev, Span next) {
        String nextText = next.of(text);
        if (FOOTNOTE_ONLY.matcher(nextText).matches()) {
            return true;
        }
        if (containsLineBreak(text, prev.end(), next.start())) {
            return false;
        }
        if (Character.isLowerCase(nextText.charAt(0))) {
            return true; // sentences do not start in lower case: the split followed an abbreviation ("Ph.D. from")
        }
        String prevText = prev.of(text);
        String lastWord = strip(lastWord(prevText));
        if (lastWord.isEmpty() || !lastWord.endsWith(".")) {
            return false;
        }
        if (abbreviations.neverFinal(lastWord) || (INITIAL.matcher(lastWord).matches() && !abbreviations.maybeFinal(lastWord))) {
            return true;
        }
        if (ROMAN_OR_NUMBER.matcher(lastWord).matches() && abbreviations.label(strip(wordBefore(prevText)))) {
            return true; // "Part II. Security Cooperation ..." is a heading
        }
        if (prevText.equals(lastWord) && LIST_MARKER.matcher(lastWord).matches()) {
            return true; // "1." or "(iv)" at the start of a block labels what follows
        }
        if (abbreviations.maybeFinal(lastWord)) {
            String first = firstWord(nextText);
            return !abbreviations.starter(first) && !first.isEmpty() && !Character.isDigit(first.charAt(0));
        }
        return false;
    }

    private static boolean containsLineBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (LineBlocks.isLineBreak(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String lastWord(String s) {
        int i = s.length();
        while (i > 0 && !LineBlocks.isSpace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }

    private static String wordBefore(String s) {
        String head = s.substring(0, s.length() - lastWord(s).length()).stripTrailing();
        return lastWord(head);
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && OPENERS.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return s.substring(i, j);
    }

    /** Drops opening brackets/quotes and closing brackets/quotes around a word: "(Ret.)" becomes "Ret.". */
    private static String strip(String w) {
        int s = 0;
        int e = w.length();
        while (s < e && OPENERS.indexOf(w.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && CLOSERS.indexOf(w.charAt(e - 1)) >= 0) {
            e--;
        }
        return w.substring(s, e);
    }
}
