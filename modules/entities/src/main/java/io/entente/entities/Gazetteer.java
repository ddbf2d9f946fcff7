package io.entente.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A token trie built once from a knowledge file, then read by many threads: finds the longest
 * entries left to right, never overlapping. Immutable after {@link Builder#build()}.
 */
final class Gazetteer<V> {

    record Match<V>(int start, int end, V value) {
    }

    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>();
        V value;
    }

    private final Node<V> root;

    private Gazetteer(Node<V> root) {
        this.root = root;
    }

    static final class Builder<V> {
        private final Node<V> root = new Node<>();

        /** Adds a form; returns the value already stored for exactly this form, or null. */
        V add(String form, V value, boolean alsoUpperCase) {
            V previous = put(GazToken.words(form), value);
            if (alsoUpperCase) {
                String upper = form.toUpperCase(Locale.ROOT);
                if (!upper.equals(form)) {
                    put(GazToken.words(upper), value);
                }
            }
            return previous;
        }

        private V put(List<String> words, V value) {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("empty form");
            }
            Node<V> n = root;
            for (String w : words) {
                n = n.next.computeIfAbsent(w, k -> new Node<>());
            }
            V previous = n.value;
            if (previous == null) {
                n.value = value;
            }
            return previous;
        }

        Gazetteer<V> build() {
            return new Gazetteer<>(root);
        }
    }

    List<Match<V>> find(List<GazToken> tokens) {
        List<Match<V>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node<V> n = root;
            int bestEnd = -1;
            V best = null;
            for (int j = i; j < tokens.size(); j++) {
                n = n.next.get(tokens.get(j).text());
                if (n == null) {
                    break;
                }
                if (n.value != null) {
                    bestEnd = j;
                    best = n.value;
                }
            }
            if (best != null && endsOnWordBoundary(tokens, bestEnd)) {
                out.add(new Match<>(tokens.get(i).start(), tokens.get(bestEnd).end(), best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A match must not end inside a word: "US" in "U.S" is fine, but no match may end before a glued letter. */
    private static boolean endsOnWordBoundary(List<GazToken> tokens, int end) {
        if (end + 1 >= tokens.size()) {
            return true;
        }
        GazToken last = tokens.get(end);
        GazToken next = tokens.get(end + 1);
        return next.start() > last.end() || !Character.isLetterOrDigit(next.text().charAt(0))
                || !Character.isLetterOrDigit(last.text().charAt(0));
    }
}
