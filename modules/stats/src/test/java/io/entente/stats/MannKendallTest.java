package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MannKendallTest {

    @Test
    void strictlyIncreasingSeries() {
        // By hand (formulas of Gilbert 1987, §16.4): y = 1..5, all 10 pairs increase, S = 10;
        // Var(S) = n(n-1)(2n+5)/18 = 5·4·15/18 = 16.6667; Z = (S-1)/sqrt(Var) = 9/4.082483 = 2.204541;
        // two-sided p = 2(1 - Φ(2.204541)) = 0.027486; tau-a = 10/10 = 1.
        MannKendallResult r = MannKendall.test(new double[] {1, 2, 3, 4, 5});
        assertEquals(10, r.s());
        assertEquals(16.666667, r.varS(), 1e-6);
        assertEquals(2.204541, r.z(), 1e-6);
        assertEquals(0.027486, r.pValue(), 1e-6);
        assertEquals(1.0, r.tau(), 1e-12);
        assertEquals(5, r.n());
        assertTrue(r.enough());
    }

    @Test
    void tiesCorrectTheVariance() {
        // By hand: y = 1,2,2,3,3,3,4 (n = 7): 21 pairs, 1 + 3 = 4 tied, the other 17 increase -> S = 17.
        // Var(S) = [7·6·19 - (2·1·9 + 3·2·11)]/18 = (798 - 84)/18 = 714/18 = 39.6667.
        // Z = 16/sqrt(39.6667) = 2.540429, p = 0.011072, tau-a = 17/21 = 0.809524.
        MannKendallResult r = MannKendall.test(new double[] {1, 2, 2, 3, 3, 3, 4});
        assertEquals(17, r.s());
        assertEquals(39.666667, r.varS(), 1e-6);
        assertEquals(2.540429, r.z(), 1e-6);
        assertEquals(0.011072, r.pValue(), 1e-6);
        assertEquals(0.809524, r.tau(), 1e-6);
    }

    @Test
    void decreasingSeriesHasNegativeZ() {
        // Mirror of 1..5: S = -10, Z = (S+1)/sqrt(Var) = -2.204541, same p.
        MannKendallResult r = MannKendall.test(new double[] {5, 4, 3, 2, 1});
        assertEquals(-10, r.s());
        assertEquals(-2.204541, r.z(), 1e-6);
        assertEquals(0.027486, r.pValue(), 1e-6);
        assertEquals(-1.0, r.tau(), 1e-12);
    }

    @Test
    void noTrendGivesZeroZ() {
        // 1,3,2: pairs (1,3)+, (1,2)+, (3,2)- -> S = 1; Var = 3·2·11/18 = 3.6667; Z = 0 by continuity
        // correction, p = 1.
        MannKendallResult r = MannKendall.test(new double[] {1, 3, 2});
        assertEquals(1, r.s());
        assertEquals(3.666667, r.varS(), 1e-6);
        assertEquals(0.0, r.z(), 0.0);
        assertEquals(1.0, r.pValue(), 1e-12);
    }

    @Test
    void allEqualHasZeroVarianceAndPOne() {
        MannKendallResult r = MannKendall.test(new double[] {0.4, 0.4, 0.4, 0.4});
        assertEquals(0, r.s());
        assertEquals(0.0, r.varS(), 0.0);
        assertEquals(0.0, r.z(), 0.0);
        assertEquals(1.0, r.pValue(), 0.0);
        assertEquals(0.0, r.tau(), 0.0);
    }

    @Test
    void fewerThanThreeIsNotEnough() {
        MannKendallResult two = MannKendall.test(new double[] {1, 2});
        assertEquals(1, two.s());
        assertEquals(1.0, two.varS(), 1e-12); // 2·1·9/18
        assertNull(two.z());
        assertNull(two.pValue());
        assertNull(two.tau());
        assertFalse(two.enough());
        MannKendallResult none = MannKendall.test(new double[0]);
        assertEquals(0, none.s());
        assertEquals(0.0, none.varS(), 0.0);
        assertNull(none.pValue());
        assertThrows(IllegalArgumentException.class, () -> MannKendall.test(new double[] {1, Double.NaN, 2}));
    }

    @Test
    void senSlopeByHand() {
        // x = 1..5, y = 2,4,5,4,5: the 10 pairwise slopes sorted are -1, 0, 0, 1/3, 2/3, 3/4, 1, 1, 1.5, 2;
        // median = (2/3 + 3/4)/2 = 0.708333; intercept = median(y) - slope·median(x) = 4 - 3·0.708333
        // = 1.875 (scipy.stats.theilslopes gives the same).
        SenSlopeResult r = SenSlope.estimate(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertEquals(0.708333, r.slope(), 1e-6);
        assertEquals(1.875, r.intercept(), 1e-6);
        assertEquals(10, r.pairs());
        assertEquals(5, r.n());
    }

    @Test
    void senSlopeIsRobustAndSkipsEqualX() {
        // y = 2x except one outlier: the median slope stays 2 (pairs with the outlier are 4 of 10).
        SenSlopeResult robust = SenSlope.estimate(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 100, 10});
        assertEquals(2.0, robust.slope(), 1e-12);
        // Pairs with equal x are skipped: x = 1,1,2, y = 0,2,2: pairs (0,2) slope 2, (1,2) slope 0 -> median 1;
        // intercept = median(y) - 1·median(x) = 2 - 1 = 1.
        SenSlopeResult skip = SenSlope.estimate(new double[] {1, 1, 2}, new double[] {0, 2, 2});
        assertEquals(1.0, skip.slope(), 1e-12);
        assertEquals(1.0, skip.intercept(), 1e-12);
        assertEquals(2, skip.pairs());
        SenSlopeResult none = SenSlope.estimate(new double[] {1, 1}, new double[] {0, 2});
        assertNull(none.slope());
        assertNull(none.intercept());
    }
}
