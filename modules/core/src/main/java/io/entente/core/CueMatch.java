package io.entente.core;

/** A codebook cue found in a sentence: the pattern, where it matched, and whether a negation preceded it. */
public record CueMatch(String pattern, int start, int end, boolean negated) {
}
