package io.entente.core;

import java.util.List;

/** A sentence (or heading, or other line segment): its position in the document and its tokens. */
public record Sentence(int index, int start, int end, List<Token> tokens) {
    public Sentence {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid sentence span [" + start + ", " + end + ")");
        }
        tokens = List.copyOf(tokens);
    }

    public Span span() {
        return new Span(start, end);
    }

    public String text(String documentText) {
        return documentText.substring(start, end);
    }
}
