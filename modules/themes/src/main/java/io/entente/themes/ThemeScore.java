package io.entente.themes;

import io.entente.core.CueMatch;
import java.util.List;

/**
 * One theme's score in one sentence, as every theme scorer returns it.
 *
 * @param score    in [0, 1]; for a learned scorer a calibrated probability that the sentence carries the
 *                 theme, for the lexicon {@code 1 - exp(-S)} of the matched cue weights
 * @param assigned whether the sentence carries the theme (the score reached the theme's decision threshold)
 * @param cues     the lexicon cues that matched (evidence for a reader; may be empty for a learned scorer)
 */
public record ThemeScore(String themeId, double score, boolean assigned, List<CueMatch> cues) {
    public ThemeScore {
        cues = List.copyOf(cues);
    }
}
