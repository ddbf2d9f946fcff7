package io.entente.stats;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Fisher's exact test on a 2×2 table, two-sided, conditional on both margins (R:
 * {@code fisher.test(m)$p.value}).
 *
 * <p>With the margins fixed, the top-left cell is hypergeometric. The two-sided p-value is the sum
 * of the probabilities of all tables whose probability is at most that of the observed table;
 * "at most" allows a relative tolerance of 1e-7, as R does, so that tables equally likely in exact
 * arithmetic are not lost to rounding. Probabilities come from log-factorials, so large tables do
 * not overflow.
 */
public final class FisherExact {
    /** Relative tolerance when comparing table probabilities with the observed one (as R). */
    static final double RELATIVE_TOLERANCE = 1e-7;

    private FisherExact() {
    }

    /**
     * The two-sided p-value of [[a, b], [c, d]], in [0, 1]. A table with an empty row or column
     * (only one table is possible) gives 1.
     *
     * @throws IllegalArgumentException for a negative count
     * @throws ArithmeticException      when the table's total overflows {@code int}
     */
    public static double twoSided(int a, int b, int c, int d) {
        Checks.cells(a, b, c, d);
        int row1 = Math.addExact(a, b);
        int row2 = Math.addExact(c, d);
        int col1 = Math.addExact(a, c);
        int col2 = Math.addExact(b, d);
        int n = Math.addExact(row1, row2);
        int lo = Math.max(0, col1 - row2);
        int hi = Math.min(row1, col1);
        double constant = logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(col2)
                - logFactorial(n);
        if (lo == hi) {
            return 1.0; // the margins allow only the observed table
        }
        double observed = logProbability(a, row1, row2, col1, constant);
        double threshold = observed + Math.log1p(RELATIVE_TOLERANCE);
        double[] logP = new double[hi - lo + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int x = lo; x <= hi; x++) {
            logP[x - lo] = logProbability(x, row1, row2, col1, constant);
            max = Math.max(max, logP[x - lo]);
        }
        // Divide by the sum over all tables (1 in exact arithmetic) to cancel the rounding of the
        // log-factorials: a table whose every alternative is included gives exactly 1.
        double selected = 0;
        double all = 0;
        for (double l : logP) {
            double w = Math.exp(l - max);
            all += w;
            if (l <= threshold) {
                selected += w;
            }
        }
        return Math.min(1.0, selected / all);
    }

    /** The hypergeometric probability of [[a, b], [c, d]] given its margins. */
    public static double probability(int a, int b, int c, int d) {
        Checks.cells(a, b, c, d);
        int row1 = Math.addExact(a, b);
        int row2 = Math.addExact(c, d);
        int col1 = Math.addExact(a, c);
        int col2 = Math.addExact(b, d);
        double constant = logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(col2)
                - logFactorial(Math.addExact(row1, row2));
        return Math.exp(logProbability(a, row1, row2, col1, constant));
    }

    private static double logProbability(int x, int row1, int row2, int col1, double constant) {
        return constant - logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x)
                - logFactorial(row2 - col1 + x);
    }

    private static double logFactorial(int k) {
        return CombinatoricsUtils.factorialLog(k);
    }
}
