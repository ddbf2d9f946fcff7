package io.entente.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Periods of significant change in a share over time, for example the share of documents that
 * carry a theme, year by year.
 *
 * <p>Each period i has {@code successes[i]} of {@code totals[i]}. Every consecutive pair (i, i+1)
 * is compared with {@link Proportions#compare} (later against earlier, so a positive difference is
 * a rise), and the m − 1 raw p-values are adjusted together by {@link Holm#adjust}. A pair is a
 * change point when its adjusted p-value is below alpha. Only consecutive pairs are tested; a slow
 * drift over many periods is a job for {@link MannKendall} or {@link Trend}.
 */
public final class ChangePoints {
    private ChangePoints() {
    }

    /** The significant changes at {@code alpha}, with 95 % intervals. */
    public static List<ChangePoint> detect(int[] successes, int[] totals, double alpha) {
        return detect(successes, totals, alpha, 0.95);
    }

    /**
     * The consecutive pairs whose Holm-adjusted p-value is below {@code alpha}, in time order.
     *
     * @throws IllegalArgumentException see {@link #compareConsecutive}
     */
    public static List<ChangePoint> detect(int[] successes, int[] totals, double alpha, double confidence) {
        return compareConsecutive(successes, totals, alpha, confidence).stream()
                .filter(ChangePoint::significant)
                .toList();
    }

    /**
     * Every consecutive pair, in time order, with raw and Holm-adjusted p-values; empty with fewer
     * than two periods.
     *
     * @param alpha      family-wise significance level, in (0, 1)
     * @param confidence confidence level of the intervals of the differences, in (0, 1)
     * @throws IllegalArgumentException for arrays of different lengths, negative counts, successes
     *                                  above their total, or alpha or confidence outside (0, 1)
     */
    public static List<ChangePoint> compareConsecutive(int[] successes, int[] totals, double alpha,
                                                       double confidence) {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(totals, "totals");
        if (successes.length != totals.length) {
            throw new IllegalArgumentException("successes and totals must have the same length but have "
                    + successes.length + " and " + totals.length);
        }
        Checks.alpha(alpha);
        Checks.alphaOf(confidence);
        for (int i = 0; i < totals.length; i++) {
            Checks.counts(successes[i], totals[i], "period " + i + ": ");
        }
        int pairs = Math.max(0, totals.length - 1);
        ProportionComparison[] comparisons = new ProportionComparison[pairs];
        double[] raw = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            comparisons[i] = Proportions.compare(successes[i + 1], totals[i + 1], successes[i], totals[i], confidence);
            raw[i] = comparisons[i].pValue();
        }
        double[] adjusted = Holm.adjust(raw);
        List<ChangePoint> result = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            ProportionComparison c = comparisons[i];
            result.add(new ChangePoint(i, i + 1, c.shareB(), c.shareA(), c.difference(), c.ciLow(), c.ciHigh(),
                    c.test(), raw[i], adjusted[i], adjusted[i] < alpha));
        }
        return List.copyOf(result);
    }
}
