package io.entente.core;

import java.util.List;

/**
 * A sentence that carries a theme.
 *
 * @param sentence index of the sentence
 * @param score    the sentence's calibrated score for the theme, in [0, 1]
 * @param actors   ISO alpha-3 codes of the countries the sentence involves: those it names and those
 *                 its references ("the two countries", "both sides") point back to
 * @param cues     the codebook cues that fired
 * @param modality how the sentence puts the theme forward (stated, recommended, hypothetical, negated)
 */
public record ThemeEvidence(int sentence, int start, int end, String text, double score,
                            List<String> actors, List<CueMatch> cues, Modality modality) {
    public ThemeEvidence {
        actors = List.copyOf(actors);
        cues = List.copyOf(cues);
        modality = modality == null ? Modality.STATED : modality;
    }

    /** Evidence stated as a fact (the form before modality was recorded). */
    public ThemeEvidence(int sentence, int start, int end, String text, double score,
                         List<String> actors, List<CueMatch> cues) {
        this(sentence, start, end, text, score, actors, cues, Modality.STATED);
    }
}
