package io.entente.themes;

import io.entente.core.Modality;
import io.entente.core.Resources;
import java.nio.file.Path;

/**
 * The words that make a sentence a recommendation ("should", "we recommend", "calls for") or a
 * hypothesis ("if", "would", "whether"), from {@code models/themes/modality.tsv} (columns
 * {@code phrase modality}). A sentence ending with '?' is hypothetical too. Negation is not listed
 * here: it comes from the codebook's negators, per theme (see {@link ThemeStage}). Immutable and
 * thread-safe.
 */
public final class ModalityCues {
    public static final String DEFAULT_RESOURCE = "models/themes/modality.tsv";

    private final PhraseLexicon<Modality> lexicon;

    private ModalityCues(PhraseLexicon<Modality> lexicon) {
        this.lexicon = lexicon;
    }

    /** Loads a user's file, or the packaged default when {@code path} is null. */
    public static ModalityCues load(Path path) {
        return parse(Resources.load(path, DEFAULT_RESOURCE));
    }

    public static ModalityCues parse(Resources.Loaded file) {
        return new ModalityCues(PhraseLexicon.parse(file, "phrase", "modality", ModalityCues::value));
    }

    private static Modality value(String s) {
        if (s.equals("negated")) {
            throw new IllegalArgumentException("'negated' is not listed here: negation comes from the codebook's "
                    + "settings.negators, per theme");
        }
        if (s.equals("stated")) {
            throw new IllegalArgumentException("'stated' is not listed here: it is what a sentence without other cues is");
        }
        if (!s.equals("recommended") && !s.equals("hypothetical")) {
            throw new IllegalArgumentException("modality must be recommended or hypothetical, not '" + s + "'");
        }
        return Modality.parse(s);
    }

    public int size() {
        return lexicon.size();
    }

    /**
     * The sentence's modality before negation, which depends on the theme: hypothetical, recommended
     * or stated, the strongest that applies.
     */
    public Modality of(String text, int start, int end) {
        return of(text, start, end, SentenceWords.of(text, start, end));
    }

    Modality of(String text, int start, int end, SentenceWords sw) {
        Modality m = Modality.STATED;
        if (endsWithQuestionMark(text, start, end)) {
            m = Modality.HYPOTHETICAL;
        }
        for (PhraseLexicon.Match<Modality> match : lexicon.find(text, sw)) {
            m = Modality.strongest(m, match.value());
        }
        return m;
    }

    private static boolean endsWithQuestionMark(String text, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || "\"'”’»)]*_".indexOf(c) >= 0) {
                continue;
            }
            return c == '?';
        }
        return false;
    }
}
