package io.entente.themes;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list of word phrases, each with a value, read from a two-column TSV knowledge file and matched
 * on a sentence's words (the words cues match). A match with a capitalized word anywhere but at the
 * start of the sentence is taken for a name and skipped ("in May" is a month, "the Allies" a
 * proper name). Immutable and thread-safe.
 *
 * @param <V> what a phrase stands for
 */
final class PhraseLexicon<V> {
    private static final String PHRASE = "[\\p{Ll}\\p{Lo}\\p{N}]+( [\\p{Ll}\\p{Lo}\\p{N}]+)*";

    /** A phrase found in a sentence: its value and the first and last word it covers. */
    record Match<V>(String phrase, V value, int firstWord, int lastWord) {
    }

    private record Entry<V>(String phrase, String[] words, V value) {
    }

    private final String origin;
    private final List<Entry<V>> entries;

    private PhraseLexicon(String origin, List<Entry<V>> entries) {
        this.origin = origin;
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses {@code file} with the header {@code phraseColumn valueColumn}; {@code value} turns a
     * cell into a value or throws {@link IllegalArgumentException} with the reason. Errors name the
     * file and the line.
     */
    static <V> PhraseLexicon<V> parse(Resources.Loaded file, String phraseColumn, String valueColumn,
                                      Function<String, V> value) {
        Map<String, Integer> seen = new HashMap<>();
        List<Entry<V>> entries = new ArrayList<>();
        for (Tsv.Row row : Tsv.parse(file, phraseColumn, valueColumn)) {
            String phrase = row.get(0);
            if (!phrase.matches(PHRASE)) {
                throw new KnowledgeFileException(file.origin(), row.line(), "phrase '" + phrase
                        + "' must be lower-case words (letters and digits) separated by single spaces");
            }
            Integer before = seen.putIfAbsent(phrase, row.line());
            if (before != null) {
                throw new KnowledgeFileException(file.origin(), row.line(),
                        "phrase '" + phrase + "' is already listed on line " + before);
            }
            V v;
            try {
                v = value.apply(row.get(1));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(file.origin(), row.line(), e.getMessage());
            }
            entries.add(new Entry<>(phrase, phrase.split(" "), v));
        }
        if (entries.isEmpty()) {
            throw new KnowledgeFileException(file.origin(), 0, "no phrases");
        }
        return new PhraseLexicon<>(file.origin(), entries);
    }

    String origin() {
        return origin;
    }

    int size() {
        return entries.size();
    }

    /** Every occurrence of every phrase in the sentence, in phrase-list order. */
    List<Match<V>> find(String text, SentenceWords sw) {
        List<Match<V>> out = new ArrayList<>();
        List<String> words = sw.words();
        for (Entry<V> e : entries) {
            for (int i = 0; i + e.words().length <= words.size(); i++) {
                boolean ok = true;
                for (int k = 0; k < e.words().length && ok; k++) {
                    ok = words.get(i + k).equals(e.words()[k]);
                }
                for (int k = 0; k < e.words().length && ok; k++) {
                    ok = i + k == 0 || !Character.isUpperCase(text.charAt(sw.starts()[i + k]));
                }
                if (ok) {
                    out.add(new Match<>(e.phrase(), e.value(), i, i + e.words().length - 1));
                }
            }
        }
        return out;
    }
}
