package io.entente.tokenize;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.util.HashSet;
import java.util.Set;

/** The abbreviation table that guides sentence splitting. Immutable. */
public final class Abbreviations {
    public static final String DEFAULT_RESOURCE = "models/tokenize/abbreviations.tsv";

    private final Set<String> neverFinal;
    private final Set<String> maybeFinal;
    private final Set<String> starters;
    private final Set<String> labels;
    private final String sha256;

    private Abbreviations(Set<String> neverFinal, Set<String> maybeFinal, Set<String> starters, Set<String> labels,
                          String sha256) {
        this.labels = Set.copyOf(labels);
        this.neverFinal = Set.copyOf(neverFinal);
        this.maybeFinal = Set.copyOf(maybeFinal);
        this.starters = Set.copyOf(starters);
        this.sha256 = sha256;
    }

    public static Abbreviations load(Resources.Loaded file) {
        Set<String> never = new HashSet<>();
        Set<String> maybe = new HashSet<>();
        Set<String> start = new HashSet<>();
        Set<String> label = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(file, "form", "kind")) {
            switch (row.get(1)) {
                case "never-final" -> never.add(row.get(0));
                case "maybe-final" -> maybe.add(row.get(0));
                case "starter" -> start.add(row.get(0));
                case "label" -> label.add(row.get(0));
                default -> throw new KnowledgeFileException(file.origin(), row.line(),
                        "kind must be never-final, maybe-final, starter or label, not '" + row.get(1) + "'");
            }
        }
        return new Abbreviations(never, maybe, start, label, file.sha256());
    }

    boolean neverFinal(String word) {
        return neverFinal.contains(word);
    }

    boolean maybeFinal(String word) {
        return maybeFinal.contains(word);
    }

    boolean starter(String word) {
        return starters.contains(word);
    }

    boolean label(String word) {
        return labels.contains(word);
    }

    String sha256() {
        return sha256;
    }
}
