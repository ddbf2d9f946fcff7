package io.entente.tokenize;

import java.nio.file.Path;

/**
 * Configuration of the tokenize stage.
 *
 * @param abbreviations a user's abbreviation table, or {@code null} for the packaged
 *                      {@code models/tokenize/abbreviations.tsv}
 */
public record TokenizerConfig(Path abbreviations) {
    public static TokenizerConfig defaults() {
        return new TokenizerConfig(null);
    }
}
