package io.entente.tokenize;

import java.nio.file.Path;

/**
 * Configuration of the tokenize stage.
 *
 * @param abbreviations a user's abbreviation table, or {@code null} for the packaged
 *                      {@code models/tokenize/abbreviations.tsv}
 * @param sections      a user's section headings and cues, or {@code null} for the packaged
 *                      {@code models/tokenize/sections.tsv} (see {@link SectionDetector})
 */
public record TokenizerConfig(Path abbreviations, Path sections) {
    public TokenizerConfig(Path abbreviations) {
        this(abbreviations, null);
    }

    public static TokenizerConfig defaults() {
        return new TokenizerConfig(null, null);
    }
}
