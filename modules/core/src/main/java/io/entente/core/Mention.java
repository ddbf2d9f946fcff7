package io.entente.core;

/**
 * One place where an entity is named.
 *
 * @param sentence index of the sentence that holds the mention
 * @param source   what found it (e.g. {@code gazetteer}, {@code ner}, {@code pattern}), for debugging and provenance
 */
public record Mention(int start, int end, String text, int sentence, String source) {
    public Mention {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid mention span [" + start + ", " + end + ")");
        }
    }

    public Span span() {
        return new Span(start, end);
    }
}
