package io.entente.interop;

import io.entente.themes.Codebook;
import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary as quanteda, WordStat, LIWC and REFI-QDA files hold it: nested keys with values (words,
 * globs, phrases), optional weights, descriptions and colours. The formats read into it and write from
 * it; {@link DictionaryMapping} turns it into a codebook and back. Mutable while a reader builds it.
 */
final class Dictionary {
    private Dictionary() {
    }

    /** One value with its weight (null when the format has none) and its line in the file (0 when unknown). */
    record Value(String text, Double weight, int line) {
    }

    /** A key: its original name, values, sub-keys, and what REFI-QDA adds. */
    static final class Key {
        final String name;
        final int line;
        final List<Value> values = new ArrayList<>();
        final List<Key> children = new ArrayList<>();
        String description;
        String color;
        /** A theme written by Entente itself (REFI-QDA description block): taken as it is. */
        Codebook.Theme theme;
        /** The polarity a parent code written by Entente gives its children, or null. */
        io.entente.core.Polarity polarity;

        Key(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Key child(String childName, int childLine) {
            for (Key k : children) {
                if (k.name.equals(childName)) {
                    return k; // quanteda merges the values of duplicate keys
                }
            }
            Key k = new Key(childName, childLine);
            children.add(k);
            return k;
        }
    }

    /** A parsed file: its keys, and codebook-level fields when the file carries them (REFI-QDA written by Entente). */
    static final class Parsed {
        final List<Key> roots = new ArrayList<>();
        String codebookId;
        String codebookVersion;
        String codebookName;
        String codebookDescription;
        String codebookLanguage;
        /** The settings, when the file carries them; else the defaults apply. */
        Codebook.Settings settings;

        Key root(String name, int line) {
            for (Key k : roots) {
                if (k.name.equals(name)) {
                    return k;
                }
            }
            Key k = new Key(name, line);
            roots.add(k);
            return k;
        }
    }
}
