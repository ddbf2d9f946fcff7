package io.entente.themes;

import io.entente.core.registry.NamedComponent;
import io.entente.core.registry.Registry;
import java.util.List;
import java.util.Map;

/**
 * A named kind of theme scorer ({@code --classifier NAME}), chosen from {@link #registry()}: the
 * lexicon is built in, others (the learned classifier of modules/semantic) register through
 * {@code META-INF/services/io.entente.themes.ThemeScorerProvider}. So the pipeline builds any scorer by
 * name and options without depending on the module that implements it, and a lexicon-only
 * installation carries no sentence encoder.
 */
public interface ThemeScorerProvider extends NamedComponent {

    /** What users call these components, in listings and errors. */
    String KIND = "theme classifier";

    /**
     * A scorer for the codebook. The caller closes it ({@link SentenceThemeScorer#close()}): a scorer may
     * hold native resources (a sentence encoder's model).
     *
     * @param options values of the options this kind declares in {@link #options()} (those not given
     *                take their defaults); {@link Registry#forName} has refused any other
     * @throws IllegalArgumentException when an option's value or the model does not fit the codebook
     *                                  or cannot be read
     */
    SentenceThemeScorer create(Codebook codebook, Map<String, String> options);

    /**
     * The SHA-256 of the model {@link #create} would load with these options, for the run identity (a
     * retrained model redoes the themes), without loading it; null for kinds without a model.
     */
    default String modelSha256(Codebook codebook, Map<String, String> options) {
        return null;
    }

    /** Every installed theme scorer: the built-in lexicon first, then those on the class path. */
    static Registry<ThemeScorerProvider> registry() {
        return Registry.load(KIND, ThemeScorerProvider.class, List.of(new Lexicon()));
    }

    /** The built-in lexicon scorer: the codebook's cues. Takes no options. */
    final class Lexicon implements ThemeScorerProvider {
        public static final String NAME = "lexicon";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "the codebook's cues alone";
        }

        @Override
        public SentenceThemeScorer create(Codebook codebook, Map<String, String> options) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("the lexicon classifier takes no options: " + options.keySet());
            }
            return new ThemeClassifier(codebook);
        }
    }
}
