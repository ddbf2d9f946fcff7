package io.entente.themes;

import io.entente.core.Modality;
import io.entente.core.Polarity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /**
     * How cues add up and what negates them. Every setting a codebook leaves out takes its value from
     * {@link #DEFAULTS}, key by key, whether the {@code settings} object is missing, empty or partial
     * (an imported dictionary that sets only a threshold keeps negation).
     *
     * @param modalityWeights how much an evidence sentence of each modality counts in the document
     *                        score (the noisy-or uses weight x sentence score); modalities left out
     *                        get {@link #DEFAULT_MODALITY_WEIGHTS}
     */
    public record Settings(double threshold, List<String> negators, int negationWindow, double negatedWeight,
                           Map<Modality, Double> modalityWeights, int headingMaxWords) {
        /** stated 1.0, recommended 0.8, hypothetical 0.5, negated 0.0. */
        public static final Map<Modality, Double> DEFAULT_MODALITY_WEIGHTS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
                Modality.STATED, 1.0, Modality.RECOMMENDED, 0.8, Modality.HYPOTHETICAL, 0.5, Modality.NEGATED, 0.0)));

        /**
         * The one set of defaults: threshold 0.5; negators not, no, never, without; negation window 3;
         * negated weight 1.0 (negation is recorded, not discounted); {@link #DEFAULT_MODALITY_WEIGHTS}.
         */
        public static final Settings DEFAULTS = new Settings(0.5, List.of("not", "no", "never", "without"), 3, 1.0);

        /**
         * A segment of at most this many words without closing punctuation is a heading, dateline or
         * figure title and carries no theme (the codebook's Conventions); 0 turns the rule off.
         */
        public static final int DEFAULT_HEADING_MAX_WORDS = 5;

        public Settings {
            if (headingMaxWords < 0) {
                throw new IllegalArgumentException("headingMaxWords must not be negative, got " + headingMaxWords);
            }
            negators = List.copyOf(negators);
            EnumMap<Modality, Double> w = new EnumMap<>(DEFAULT_MODALITY_WEIGHTS);
            if (modalityWeights != null) {
                w.putAll(modalityWeights);
            }
            modalityWeights = Collections.unmodifiableMap(w);
        }

        /** Settings with the default modality weights. */
        public Settings(double threshold, List<String> negators, int negationWindow, double negatedWeight) {
            this(threshold, negators, negationWindow, negatedWeight, null);
        }

        /** Settings with the default heading rule. */
        public Settings(double threshold, List<String> negators, int negationWindow, double negatedWeight,
                        Map<Modality, Double> modalityWeights) {
            this(threshold, negators, negationWindow, negatedWeight, modalityWeights, DEFAULT_HEADING_MAX_WORDS);
        }

        public double weight(Modality modality) {
            return modalityWeights.get(modality);
        }

        /** These settings with another threshold. */
        public Settings withThreshold(double t) {
            return new Settings(t, negators, negationWindow, negatedWeight, modalityWeights, headingMaxWords);
        }
    }

    /**
     * One theme with its cues and example sentences.
     *
     * @param color the colour QDA tools show the theme's code in ({@code #RRGGBB}), or null
     */
    public record Theme(String id, Polarity polarity, String name, String definition, List<Cue> cues,
                        List<String> examples, Double threshold, String color) {
        public Theme {
            cues = List.copyOf(cues);
            examples = List.copyOf(examples);
        }

        /** A theme without a colour. */
        public Theme(String id, Polarity polarity, String name, String definition, List<Cue> cues,
                     List<String> examples, Double threshold) {
            this(id, polarity, name, definition, cues, examples, threshold, null);
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
