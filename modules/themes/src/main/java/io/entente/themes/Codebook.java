package io.entente.themes;

import io.entente.core.Polarity;
import java.util.List;

/**
 * A theme codebook: the themes a classifier looks for, with their cues. Loaded and validated by
 * {@link CodebookLoader}; immutable.
 *
 * @param sha256 hash of the file's bytes, for provenance
 */
public record Codebook(String id, String version, String name, String description, String language,
                       Settings settings, List<Theme> themes, String origin, String sha256) {

    public Codebook {
        themes = List.copyOf(themes);
    }

    /** How cues add up and what negates them. */
    public record Settings(double threshold, List<String> negators, int negationWindow, double negatedWeight) {
        public Settings {
            negators = List.copyOf(negators);
        }
    }

    /** One theme with its cues and example sentences. */
    public record Theme(String id, Polarity polarity, String name, String definition, List<Cue> cues,
                        List<String> examples, Double threshold) {
        public Theme {
            cues = List.copyOf(cues);
            examples = List.copyOf(examples);
        }
    }

    /** A cue pattern and how much its match counts. */
    public record Cue(String pattern, double weight, String note) {
    }

    public Theme theme(String themeId) {
        for (Theme t : themes) {
            if (t.id().equals(themeId)) {
                return t;
            }
        }
        return null;
    }
}
