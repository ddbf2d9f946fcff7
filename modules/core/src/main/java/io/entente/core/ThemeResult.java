package io.entente.core;

import java.util.List;

/**
 * One theme found in a document.
 *
 * @param score     document-level strength in [0, 1]
 * @param sentences indexes of the sentences that carry it, ascending
 * @param actors    countries involved across the evidence, most frequent first
 */
public record ThemeResult(String id, Polarity polarity, String name, double score, List<Integer> sentences,
                          List<ThemeEvidence> evidence, List<String> actors) {
    public ThemeResult {
        sentences = List.copyOf(sentences);
        evidence = List.copyOf(evidence);
        actors = List.copyOf(actors);
    }
}
