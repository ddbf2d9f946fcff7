package io.entente.core.registry;

import java.util.Map;

/**
 * A kind of component chosen by name at run time (a theme scorer, a sentence encoder, a codebook
 * format), in the style of Lucene's analysis factories: it says what it is called, what it does and
 * which options it takes, and a {@link Registry} finds it and refuses options it does not know.
 */
public interface NamedComponent {

    /** The name users give ({@code --classifier NAME}, {@code --format NAME}); lower case. */
    String name();

    /** One line for {@code --help}, listings and error messages. */
    String description();

    /** The options this component takes, each with a one-line description (empty when none). */
    default Map<String, String> options() {
        return Map.of();
    }
}
