package io.entente.core;

import java.util.List;

/**
 * One theme found in a document.
 *
 * @param score     salience in [0, 1]: the expected share of the document's sentences that carry the theme
 *                  (the mean over all sentences of their modality-weighted sentence scores), so it grows with
 *                  how much of the paper argues the theme and ranks a paper's themes
 * @param presence  in [0, 1]: how sure it is that the document carries the theme at all (noisy-or of the
 *                  modality-weighted evidence scores, {@code 1 - prod(1 - w_i s_i)}); saturates with one strong sentence
 * @param sentences indexes of the sentences that carry it, ascending
 * @param actors    countries involved across the evidence, most frequent first
 */
public record ThemeResult(String id, Polarity polarity, String name, double score, double presence,
                          List<Integer> sentences, List<ThemeEvidence> evidence, List<String> actors) {
    public ThemeResult {
        sentences = List.copyOf(sentences);
        evidence = List.copyOf(evidence);
        actors = List.copyOf(actors);
    }

    /** A result whose presence equals its score (hand-built documents, tests). */
    public ThemeResult(String id, Polarity polarity, String name, double score, List<Integer> sentences,
                       List<ThemeEvidence> evidence, List<String> actors) {
        this(id, polarity, name, score, score, sentences, evidence, actors);
    }
}
