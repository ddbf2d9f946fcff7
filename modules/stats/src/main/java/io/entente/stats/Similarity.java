package io.entente.stats;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cosine similarity, for example between two documents' theme-score profiles.
 *
 * <p>cos(a, b) = a·b / (‖a‖ ‖b‖), in [−1, 1] (in [0, 1] for non-negative vectors). When either
 * vector is all zero the angle is undefined; the similarity is then reported as 0 (nothing in
 * common), never NaN.
 */
public final class Similarity {
    private Similarity() {
    }

    /**
     * The cosine of the angle between two vectors of the same length.
     *
     * @throws IllegalArgumentException for vectors of different lengths or non-finite values
     */
    public static double cosine(double[] a, double[] b) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors must have the same length but have " + a.length + " and " + b.length);
        }
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        if (scale == 0) {
            return 0.0;
        }
        // Scale by the largest magnitude so that the sums of squares neither overflow nor underflow.
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] / scale;
            double y = b[i] / scale;
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        if (na == 0 || nb == 0) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, dot / (Math.sqrt(na) * Math.sqrt(nb))));
    }

    /**
     * The cosine of two sparse vectors keyed by name (for example theme id → score), over the union
     * of their keys; a key missing from one map counts as 0 there.
     *
     * @throws NullPointerException     for a null map
     * @throws IllegalArgumentException for a null key or value or a non-finite value
     */
    public static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Set<String> keys = new TreeSet<>(); // sorted: the sums do not depend on hash order
        for (Map<String, Double> m : List.of(a, b)) {
            for (Map.Entry<String, Double> e : m.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("null key or value in map: " + e.getKey() + "=" + e.getValue());
                }
                if (!Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("value of '" + e.getKey() + "' must be finite but is " + e.getValue());
                }
                keys.add(e.getKey());
            }
        }
        double[] va = new double[keys.size()];
        double[] vb = new double[keys.size()];
        int i = 0;
        for (String key : keys) {
            va[i] = a.getOrDefault(key, 0.0);
            vb[i] = b.getOrDefault(key, 0.0);
            i++;
        }
        return cosine(va, vb);
    }
}
