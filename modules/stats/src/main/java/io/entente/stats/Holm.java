package io.entente.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The Holm–Bonferroni step-down adjustment of p-values for multiple comparisons (Holm 1979,
 * "A simple sequentially rejective multiple test procedure", Scand J Statist 6:65–70), as R's
 * {@code p.adjust(p, "holm")}.
 *
 * <p>With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of the i-th is
 * max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎). Rejecting where the adjusted p-value is at most α
 * controls the family-wise error rate at α.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Adjusts {@code p}; the result is in the order of the input.
     *
     * @throws IllegalArgumentException for a value outside [0, 1] or NaN
     */
    public static double[] adjust(double[] p) {
        Objects.requireNonNull(p, "p");
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p[" + i + "] must be in [0, 1] but is " + p[i]);
            }
        }
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
