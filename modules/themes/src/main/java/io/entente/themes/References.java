package io.entente.themes;

import io.entente.core.Resources;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Phrases that refer back to countries named before ("the two countries", "both sides", "the three
 * countries", "the common ally"), from {@code models/themes/references.tsv} (columns
 * {@code phrase refers}). Language knowledge, kept apart from the codebook. Immutable and thread-safe.
 */
public final class References {
    public static final String DEFAULT_RESOURCE = "models/themes/references.tsv";

    /** What a reference stands for. */
    public enum Refers {
        /** Two countries: the last pair named together nearby, else the document's main pair. */
        PAIR,
        /** Three countries: the document's main trilateral group, else the last three named together nearby. */
        GROUP,
        /** The common ally: the member of the main trilateral group outside the pair. */
        ALLY;

        static Refers parse(String s) {
            for (Refers r : values()) {
                if (r.name().toLowerCase(Locale.ROOT).equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("refers must be pair, group or ally, not '" + s + "'");
        }
    }

    private final PhraseLexicon<Refers> lexicon;

    private References(PhraseLexicon<Refers> lexicon) {
        this.lexicon = lexicon;
    }

    /** Loads a user's file, or the packaged default when {@code path} is null. */
    public static References load(Path path) {
        return parse(Resources.load(path, DEFAULT_RESOURCE));
    }

    public static References parse(Resources.Loaded file) {
        return new References(PhraseLexicon.parse(file, "phrase", "refers", Refers::parse));
    }

    public int size() {
        return lexicon.size();
    }

    /** The kinds of reference in the sentence {@code [start, end)} of {@code text}. */
    public Set<Refers> find(String text, int start, int end) {
        return find(text, SentenceWords.of(text, start, end));
    }

    Set<Refers> find(String text, SentenceWords sw) {
        Set<Refers> out = EnumSet.noneOf(Refers.class);
        for (PhraseLexicon.Match<Refers> m : lexicon.find(text, sw)) {
            out.add(m.value());
        }
        return out;
    }

    /** The phrases found, for tests and debugging. */
    List<String> phrases(String text) {
        return lexicon.find(text, SentenceWords.of(text, 0, text.length())).stream().map(PhraseLexicon.Match::phrase).toList();
    }
}
