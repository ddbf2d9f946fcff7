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

    /** Decides that the entry matched over tokens [start, end] (inclusive) gives way to a shorter one. */
    interface Yield<V> {
        boolean test(List<GazToken> tokens, int start, int end, Gazetteer<V> gazetteer);
    }

    List<Match<V>> find(List<GazToken> tokens) {
        return find(tokens, (t, s, e, g) -> false);
    }

    /** The longest entries left to right; where {@code yield} says so, the longest entry ending earlier instead. */
    List<Match<V>> find(List<GazToken> tokens, Yield<V> yield) {
        List<Match<V>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node<V> n = root;
            int bestEnd = -1;
            V best = null;
            List<Integer> ends = new ArrayList<>();
            List<V> values = new ArrayList<>();
            for (int j = i; j < tokens.size(); j++) {
                n = n.next.get(tokens.get(j).text());
                if (n == null) {
                    break;
                }
                if (n.value != null && endsOnWordBoundary(tokens, j)) {
                    ends.add(j);
                    values.add(n.value);
                }
            }
            for (int k = ends.size() - 1; k >= 0; k--) {
                if (k == 0 || !yield.test(tokens, i, ends.get(k), this)) {
                    bestEnd = ends.get(k);
                    best = values.get(k);
                    break;
                }
            }
            if (best != null) {
                out.add(new Match<>(tokens.get(i).start(), tokens.get(bestEnd).end(), best));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The last token index of the longest entry starting at token {@code i}, or -1. */
    int longestEndAt(List<GazToken> tokens, int i) {
        Node<V> n = root;
        int best = -1;
        for (int j = i; j < tokens.size(); j++) {
            n = n.next.get(tokens.get(j).text());
            if (n == null) {
                break;
            }
            if (n.value != null && endsOnWordBoundary(tokens, j)) {
                best = j;
            }
        }
        return best;
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
