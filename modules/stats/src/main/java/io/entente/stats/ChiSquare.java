package io.entente.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Pearson's chi-square test of independence on a 2×2 table, without Yates' continuity correction
 * (R: {@code chisq.test(m, correct = FALSE)}).
 *
 * <pre>
 *        | col 1 | col 2
 *   row 1|   a   |   b
 *   row 2|   c   |   d          X² = N (ad − bc)² / (r₁ r₂ c₁ c₂),  1 df
 * </pre>
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /**
     * Tests the table [[a, b], [c, d]]. A table with an empty row or column carries no
     * information about association: X² = 0 and p = 1 (rather than 0/0).
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static ChiSquareResult test2x2(int a, int b, int c, int d) {
        Checks.cells(a, b, c, d);
        double r1 = (double) a + b;
        double r2 = (double) c + d;
        double c1 = (double) a + c;
        double c2 = (double) b + d;
        double n = r1 + r2;
        double minExpected = minExpected(a, b, c, d);
        if (r1 == 0 || r2 == 0 || c1 == 0 || c2 == 0) {
            return new ChiSquareResult(0.0, 1.0, minExpected);
        }
        double cross = (double) a * d - (double) b * c;
        // Divide step by step: the product of the four margins overflows long for large tables.
        double statistic = n * (cross / r1) * (cross / r2) / c1 / c2;
        // For 1 df, P(χ² ≥ x) = erfc(sqrt(x/2)); erfc keeps precision for small p.
        double p = Math.min(1.0, Erf.erfc(Math.sqrt(statistic / 2)));
        return new ChiSquareResult(statistic, p, minExpected);
    }

    /** The smallest expected cell count r_i c_j / N of [[a, b], [c, d]] (0 when N = 0). */
    public static double minExpected(int a, int b, int c, int d) {
        Checks.cells(a, b, c, d);
        double n = (double) a + b + c + d;
        if (n == 0) {
            return 0.0;
        }
        double minRow = Math.min((double) a + b, (double) c + d);
        double minCol = Math.min((double) a + c, (double) b + d);
        return minRow * minCol / n;
    }
}
