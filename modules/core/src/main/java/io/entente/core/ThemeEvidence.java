package io.entente.core;

import java.util.List;

/**
 * A sentence that carries a theme.
 *
 * @param sentence index of the sentence
 * @param score    the sentence's calibrated score for the theme, in [0, 1]
 * @param actors   ISO alpha-3 codes of the countries the sentence involves
 * @param cues     the codebook cues that fired
 */
public record ThemeEvidence(int sentence, int start, int end, String text, double score,
                            List<String> actors, List<CueMatch> cues) {
    public ThemeEvidence {
        actors = List.copyOf(actors);
        cues = List.copyOf(cues);
    }
}
