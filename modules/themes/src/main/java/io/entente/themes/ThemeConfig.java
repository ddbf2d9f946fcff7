package io.entente.themes;

import java.nio.file.Path;

/**
 * Configuration of the theme stage.
 *
 * @param codebook a user's codebook file, or {@code null} for the packaged security-cooperation codebook
 */
public record ThemeConfig(Path codebook) {
    public static ThemeConfig defaults() {
        return new ThemeConfig(null);
    }
}
