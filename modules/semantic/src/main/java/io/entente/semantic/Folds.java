package io.entente.semantic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.Map;

/**
 * k-fold splits by document: all sentences of a document fall in the same fold. Documents are sorted
 * by id, shuffled with {@code new Random(seed)} and dealt round-robin, so the split depends only on the
 * set of ids, k and the seed.
 */
public final class Folds {
    private Folds() {
    }

    /** Fold number (0..k-1) of every document id, sorted by id. */
    public static Map<String, Integer> byDocument(List<String> documentIds, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        if (documentIds.size() < k) {
            throw new IllegalArgumentException(k + " folds need at least " + k + " documents, got " + documentIds.size());
        }
        List<String> ids = new ArrayList<>(new java.util.TreeSet<>(documentIds));
        Collections.shuffle(ids, new Random(seed));
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), i % k);
        }
        return out;
    }
}
