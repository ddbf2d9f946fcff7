package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PermutationTestTest {
    @Test
    void exactByHand() {
        // {1,2,3} vs {4,5,6}: of the C(6,3) = 20 splits only the two extreme ones reach |difference| 3.
        PermutationTest.Result r = PermutationTest.meanDifference(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 1);
        assertEquals(-3.0, r.difference(), 1e-12);
        assertEquals(2.0 / 20, r.pValue(), 1e-12);
        assertEquals(PermutationTest.EXACT, r.test());
        // {0,0} vs {1,1}: C(4,2) = 6 splits, 2 as extreme.
        assertEquals(1.0 / 3, PermutationTest.meanDifference(new double[] {0, 0}, new double[] {1, 1}, 1).pValue(), 1e-12);
        // {0.1, 0.5, 0.2} vs {0.3}: differences of the 4 splits (B = one value): B=0.3 -> |0.2667-0.3| = 0.0333,
        // B=0.1 -> |0.3333-0.1| = 0.2333, B=0.5 -> |0.2-0.5| = 0.3, B=0.2 -> |0.3-0.2| = 0.1: all 4 reach 0.0333.
        assertEquals(1.0, PermutationTest.meanDifference(new double[] {0.1, 0.5, 0.2}, new double[] {0.3}, 1).pValue(), 1e-12);
        // One document per side: two assignments, both as extreme: no evidence at all.
        assertEquals(1.0, PermutationTest.meanDifference(new double[] {0.9}, new double[] {0.0}, 1).pValue(), 1e-12);
    }

    @Test
    void identicalGroupsGiveOne() {
        assertEquals(1.0, PermutationTest.meanDifference(new double[] {0.2, 0.2, 0.2}, new double[] {0.2, 0.2}, 1).pValue(), 0.0);
    }

    @Test
    void monteCarloForLargeGroupsIsReproducibleAndClose() {
        double[] a = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            a[i] = 0.30 + 0.01 * (i % 7);
            b[i] = 0.25 + 0.01 * (i % 5);
        }
        PermutationTest.Result r1 = PermutationTest.meanDifference(a, b, 7);
        PermutationTest.Result r2 = PermutationTest.meanDifference(a, b, 7);
        assertEquals(PermutationTest.MONTE_CARLO, r1.test());
        assertEquals(r1.pValue(), r2.pValue(), 0.0);
        // Welch's t on these values gives p < 1e-8; the Monte Carlo p cannot go below 1/(N+1).
        assertEquals(1.0 / (PermutationTest.RANDOM_PERMUTATIONS + 1), r1.pValue(), 1e-12);
        // No difference: p near 1.
        assertTrue(PermutationTest.meanDifference(a, a.clone(), 7).pValue() > 0.9);
    }

    @Test
    void emptyGroupIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.meanDifference(new double[0], new double[] {1}, 1));
    }

    @Test
    void bootstrapIntervalByHand() {
        // Constant groups: every resample gives the same difference.
        double[] ci = ClusterBootstrap.meanDifference(new double[] {0.4, 0.4}, new double[] {0.1, 0.1, 0.1}, 0.95, 1);
        assertEquals(0.3, ci[0], 1e-12);
        assertEquals(0.3, ci[1], 1e-12);
        // Two documents {0, 1} against {0}: resampled means of A are 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4,
        // so the 2.5 % and 97.5 % quantiles are 0 and 1.
        double[] wide = ClusterBootstrap.meanDifference(new double[] {0, 1}, new double[] {0}, 0.95, 1);
        assertEquals(0.0, wide[0], 1e-12);
        assertEquals(1.0, wide[1], 1e-12);
        assertEquals(0.5, ClusterBootstrap.quantile(new double[] {0, 1}, 0.5), 1e-12);
    }

    @Test
    void documentComparisonUsesThePermutationTestForSmallGroupsAndWelchForLargeOnes() {
        DocumentComparison small = DocumentComparison.compare(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(PermutationTest.EXACT, small.test());
        assertEquals(0.1, small.pValue(), 1e-12);
        assertEquals(-3.0, small.difference(), 1e-12);
        assertTrue(small.ciLow() <= -3.0 && small.ciHigh() >= -3.0);

        // Welch by hand: A = 30 values alternating 0.2/0.4 (mean 0.3, variance 0.01034483), B = 30 values of
        // 0.1/0.3 (mean 0.2, same variance): se = sqrt(2 * 0.01034483 / 30) = 0.0262613, t = 3.80789,
        // df = 58, two-sided p = 0.0003405 (numerical integration of the t density).
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i % 2 == 0 ? 0.2 : 0.4;
            b[i] = i % 2 == 0 ? 0.1 : 0.3;
        }
        DocumentComparison large = DocumentComparison.compare(a, b);
        assertEquals(DocumentComparison.WELCH, large.test());
        assertEquals(3.80789, large.statistic(), 1e-4);
        assertEquals(0.0003405, large.pValue(), 1e-6);
        assertEquals(0.1 - 2.001717 * 0.0262613, large.ciLow(), 1e-4);
    }
}
