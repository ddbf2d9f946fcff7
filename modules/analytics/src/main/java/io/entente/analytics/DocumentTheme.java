package io.entente.analytics;

import java.util.List;

/**
 * A theme as one document carries it.
 *
 * @param id        the theme id, for example {@code history.legacy}
 * @param polarity  {@code driver} or {@code obstacle}
 * @param name      the theme's name
 * @param sentences the indexes of the sentences carrying it, ascending and distinct
 * @param evidence  the evidence sentences
 */
public record DocumentTheme(String id, String polarity, String name, List<Integer> sentences, List<Evidence> evidence) {
    public DocumentTheme {
        sentences = List.copyOf(sentences);
        evidence = List.copyOf(evidence);
    }
}
