package io.entente.cli;

import io.entente.gold.GoldDocument;
import io.entente.themes.Codebook;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Gold files must name only themes of the codebook they are scored or trained with. */
final class GoldThemes {
    private GoldThemes() {
    }

    /**
     * Refuses (exit 2) the first gold sentence that names a theme the codebook does not have: scored as it is,
     * such a label would silently count as a miss (a typo, or the gold of another codebook).
     */
    static void requireKnown(Path goldDir, Collection<GoldDocument> documents, Codebook codebook) {
        requireKnown(documents, d -> goldDir, codebook);
    }

    /** As {@link #requireKnown(Path, Collection, Codebook)}, each document read from its own folder. */
    static void requireKnown(Collection<GoldDocument> documents, java.util.function.Function<GoldDocument, Path> folderOf,
                             Codebook codebook) {
        Set<String> known = codebook.themes().stream().map(Codebook.Theme::id).collect(Collectors.toCollection(TreeSet::new));
        for (GoldDocument d : documents) {
            for (int i = 0; i < d.sentences().size(); i++) {
                for (String t : new TreeSet<>(d.sentences().get(i).themes())) {
                    if (!known.contains(t)) {
                        throw new ConfigurationException(folderOf.apply(d).resolve(d.id() + GoldDocument.SUFFIX) + ": sentence " + (i + 1)
                                + " names theme '" + t + "', which codebook " + codebook.id() + " " + codebook.version()
                                + " does not have (its themes: " + String.join(", ", known) + ")", null);
                    }
                }
            }
        }
    }
}
