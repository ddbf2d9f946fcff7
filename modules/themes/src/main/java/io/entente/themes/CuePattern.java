package io.entente.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled cue: whitespace-separated terms matched against a sentence's word tokens. A term is
 * alternatives joined by {@code |}, each a lower-case word, optionally ending in {@code *} (prefix),
 * starting with {@code *} (suffix: {@code *ism}, the glob of dictionaries made for quanteda and
 * WordStat) or both ({@code *eco*}: the word contains it);
 * {@code ~N} lets up to N words stand between its neighbours.
 * Example: {@code nuclear ~2 test*|weapon*}.
 */
final class CuePattern {
    private final String source;
    private final Term[] terms;

    private record Term(String[] exact, String[] prefixes, String[] suffixes, String[] infixes, int gap) {
        boolean matches(String word) {
            for (String p : suffixes) {
                if (word.endsWith(p)) {
                    return true;
                }
            }
            for (String p : infixes) {
                if (word.contains(p)) {
                    return true;
                }
            }
            for (String e : exact) {
                if (e.equals(word)) {
                    return true;
                }
            }
            for (String p : prefixes) {
                if (word.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    private CuePattern(String source, Term[] terms) {
        this.source = source;
        this.terms = terms;
    }

    /** Compiles a pattern; throws {@link IllegalArgumentException} with the reason when it is malformed. */
    static CuePattern compile(String pattern) {
        String[] parts = pattern.strip().split("\\s+");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.matches("~[1-9]")) {
                if (i == 0 || i == parts.length - 1 || parts[i - 1].startsWith("~")) {
                    throw new IllegalArgumentException("gap '" + part + "' must stand between two words");
                }
                terms.add(new Term(new String[0], new String[0], new String[0], new String[0], part.charAt(1) - '0'));
                continue;
            }
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<String> suffixes = new ArrayList<>();
            List<String> infixes = new ArrayList<>();
            for (String alt : part.split("\\|", -1)) {
                boolean prefix = alt.endsWith("*");
                boolean suffix = alt.startsWith("*") && alt.length() > 1;
                String word = alt.substring(suffix ? 1 : 0, prefix ? alt.length() - 1 : alt.length());
                if (!word.matches("[\\p{Ll}\\p{Lo}\\p{N}]+") || !word.equals(word.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("'" + alt + "' is not a lower-case word (letters and digits, optional * at either end)");
                }
                if ((prefix || suffix) && word.length() < 2) {
                    throw new IllegalArgumentException("glob '" + alt + "' needs at least two letters besides *");
                }
                (prefix && suffix ? infixes : prefix ? prefixes : suffix ? suffixes : exact).add(word);
            }
            terms.add(new Term(exact.toArray(String[]::new), prefixes.toArray(String[]::new), suffixes.toArray(String[]::new),
                    infixes.toArray(String[]::new), 0));
        }
        return new CuePattern(pattern, terms.toArray(Term[]::new));
    }

    String source() {
        return source;
    }

    /** The first match at or after word {@code from}: {first word, last word} or null. */
    int[] find(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            int end = matchAt(words, i, 0);
            if (end >= 0) {
                return new int[] {i, end};
            }
        }
        return null;
    }

    /** Matches terms[t..] starting at word i; returns the index of the last word matched or -1. */
    private int matchAt(List<String> words, int i, int t) {
        if (t == terms.length) {
            return i - 1;
        }
        Term term = terms[t];
        if (term.gap() > 0) {
            for (int skip = 0; skip <= term.gap(); skip++) {
                int end = matchAt(words, i + skip, t + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (i >= words.size() || !term.matches(words.get(i))) {
            return -1;
        }
        return matchAt(words, i + 1, t + 1);
    }
}
