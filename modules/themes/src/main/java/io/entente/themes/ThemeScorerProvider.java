package io.entente.themes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * A named kind of theme scorer, found by name at run time: the lexicon is built in, others (the learned
 * classifier of modules/semantic) register through {@code META-INF/services/io.entente.themes.ThemeScorerProvider}.
 * So the pipeline can build any scorer without depending on the module that implements it, and a
 * lexicon-only installation carries no sentence encoder.
 */
public interface ThemeScorerProvider {

    /** The name the command line uses ({@code --classifier NAME}). */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * A scorer for the codebook.
     *
     * @param model a model file of this kind of scorer, or null for the one packaged for the codebook
     *              (kinds without a model refuse a file)
     * @throws IllegalArgumentException when the model does not fit the codebook or cannot be read
     */
    SentenceThemeScorer create(Codebook codebook, Path model);

    /**
     * The SHA-256 of the model {@link #create} would load, for the run identity (a retrained model
     * redoes the themes), without loading it; null for kinds without a model.
     */
    default String modelSha256(Codebook codebook, Path model) {
        return null;
    }

    /** The built-in lexicon scorer: the codebook's cues. */
    final class Lexicon implements ThemeScorerProvider {
        @Override
        public String name() {
            return "lexicon";
        }

        @Override
        public String description() {
            return "the codebook's cues";
        }

        @Override
        public SentenceThemeScorer create(Codebook codebook, Path model) {
            if (model != null) {
                throw new IllegalArgumentException("the lexicon classifier takes no model file (" + model + ")");
            }
            return new ThemeClassifier(codebook);
        }
    }

    /** Every provider on the class path, the built-in lexicon first, then in class-path order. */
    static List<ThemeScorerProvider> available() {
        List<ThemeScorerProvider> out = new ArrayList<>(List.of(new Lexicon()));
        for (ThemeScorerProvider p : ServiceLoader.load(ThemeScorerProvider.class, ThemeScorerProvider.class.getClassLoader())) {
            if (out.stream().noneMatch(q -> q.name().equals(p.name()))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The provider of that name. */
    static ThemeScorerProvider forName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<ThemeScorerProvider> all = available();
        return all.stream().filter(p -> p.name().equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no theme classifier named '" + name + "' is installed; available: "
                        + String.join(", ", all.stream().map(ThemeScorerProvider::name).toList())));
    }
}
