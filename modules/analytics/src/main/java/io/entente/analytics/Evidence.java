package io.entente.analytics;

import java.util.List;

/**
 * One evidence sentence of a theme in a document.
 *
 * @param sentence the sentence index in its document
 * @param text     the sentence text
 * @param score    the sentence's score for the theme, in [0, 1]
 * @param actors   the countries (ISO alpha-3) named in the sentence
 */
public record Evidence(int sentence, String text, double score, List<String> actors) {
    public Evidence {
        actors = List.copyOf(actors);
    }
}
