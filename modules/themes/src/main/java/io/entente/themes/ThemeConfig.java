package io.entente.themes;

import java.nio.file.Path;

/**
 * Configuration of the theme stage.
 *
 * @param codebook   a user's codebook file, or {@code null} for the packaged security-cooperation codebook
 * @param references a user's reference phrases ({@code phrase refers} TSV), or {@code null} for
 *                   the packaged {@code models/themes/references.tsv}
 * @param modality   a user's modality phrases ({@code phrase modality} TSV), or {@code null} for the
 *                   packaged {@code models/themes/modality.tsv}
 */
public record ThemeConfig(Path codebook, Path references, Path modality) {
    /** A codebook with the packaged reference and modality phrases. */
    public ThemeConfig(Path codebook) {
        this(codebook, null, null);
    }

    public static ThemeConfig defaults() {
        return new ThemeConfig(null);
    }
}
