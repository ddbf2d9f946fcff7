package io.entente.core;

/**
 * One place where an entity is named.
 *
 * @param sentence index of the sentence that holds the mention
 * @param source   what found it (e.g. {@code gazetteer}, {@code ner}, {@code pattern}), for debugging and provenance
 * @param form     for a country, which kind of form named it ({@code name}, {@code official}, {@code alt},
 *                 {@code historical}, {@code abbreviation}, {@code demonym}, {@code capital}, {@code territory});
 *                 {@code null} otherwise
 */
public record Mention(int start, int end, String text, int sentence, String source, String form) {
    public Mention {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid mention span [" + start + ", " + end + ")");
        }
    }

    public Mention(int start, int end, String text, int sentence, String source) {
        this(start, end, text, sentence, source, null);
    }

    public Span span() {
        return new Span(start, end);
    }
}
