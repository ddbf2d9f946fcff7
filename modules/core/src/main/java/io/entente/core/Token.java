package io.entente.core;

/** A token: its span in the document text and its surface form. */
public record Token(int start, int end, String text) {
    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid token span [" + start + ", " + end + ")");
        }
    }

    public Span span() {
        return new Span(start, end);
    }
}
