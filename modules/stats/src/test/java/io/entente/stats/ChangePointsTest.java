package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChangePointsTest {

    @Test
    void holmAdjustment() {
        // Holm (1979) step-down by hand (what R's p.adjust(p, "holm") computes):
        // 0.01, 0.04, 0.03 -> sorted 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> running max 0.06
        // -> 0.03, 0.06, 0.06 in the input order.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
        // 0.04, 0.2, 0.009, 0.03 -> 0.009·4 = 0.036, 0.03·3 = 0.09, 0.04·2 = 0.08 -> 0.09, 0.2·1 = 0.2.
        assertArrayEquals(new double[] {0.09, 0.2, 0.036, 0.09},
                Holm.adjust(new double[] {0.04, 0.2, 0.009, 0.03}), 1e-12);
        // Capped at 1: 0.5, 0.2, 0.9, 0.01 -> 0.04, 0.6, min(1, 1.0), max(0.9, 1.0) -> 1, 0.6, 1, 0.04.
        assertArrayEquals(new double[] {1.0, 0.6, 1.0, 0.04}, Holm.adjust(new double[] {0.5, 0.2, 0.9, 0.01}), 1e-12);
        assertArrayEquals(new double[0], Holm.adjust(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {0.1, 1.2}));
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {Double.NaN}));
    }

    @Test
    void changePointsWithHolmCorrection() {
        // Periods 50/100, 35/100, 36/100, 10/100, 3/40. Consecutive pairs (later vs earlier), raw p from
        // scipy.stats.chi2_contingency(correction=False) or fisher_exact when an expected count is < 5:
        //   0->1 chi-square 0.0319053, 1->2 chi-square 0.882523, 2->3 chi-square 1.250065e-5,
        //   3->4 fisher 0.757740 (expected 3.71 < 5).
        // Holm over 4: 1.250065e-5·4 = 5.00026e-5; 0.0319053·3 = 0.0957158; 0.757740·2 = 1.515 -> 1; 1.
        // At alpha 0.05 only 2->3 is a change point; 0->1 (raw 0.032) does not survive the correction.
        int[] successes = {50, 35, 36, 10, 3};
        int[] totals = {100, 100, 100, 100, 40};
        List<ChangePoint> all = ChangePoints.compareConsecutive(successes, totals, 0.05, 0.95);
        assertEquals(4, all.size());
        double[] raw = {0.0319053, 0.882523, 1.250065e-5, 0.757740};
        double[] adjusted = {0.0957158, 1.0, 5.00026e-5, 1.0};
        String[] tests = {"chi-square", "chi-square", "chi-square", "fisher-exact"};
        for (int i = 0; i < 4; i++) {
            ChangePoint c = all.get(i);
            assertEquals(i, c.fromPeriod());
            assertEquals(i + 1, c.toPeriod());
            assertEquals(raw[i], c.pValue(), raw[i] * 1e-5);
            assertEquals(adjusted[i], c.adjustedPValue(), adjusted[i] * 1e-5);
            assertEquals(tests[i], c.test());
            assertEquals(i == 2, c.significant());
        }
        ChangePoint first = all.get(0);
        assertEquals(0.50, first.shareFrom(), 1e-12);
        assertEquals(0.35, first.shareTo(), 1e-12);
        assertEquals(-0.15, first.difference(), 1e-12);
        // Same interval as Proportions.compare(35, 100, 50, 100).
        ProportionComparison direct = Proportions.compare(35, 100, 50, 100, 0.95);
        assertEquals(direct.ciLow(), first.ciLow(), 1e-12);
        assertEquals(direct.ciHigh(), first.ciHigh(), 1e-12);
        assertTrue(first.ciLow() < -0.15 && first.ciHigh() > -0.15 && first.ciHigh() < 0);

        List<ChangePoint> significant = ChangePoints.detect(successes, totals, 0.05);
        assertEquals(1, significant.size());
        assertEquals(2, significant.get(0).fromPeriod());
        assertEquals(-0.26, significant.get(0).difference(), 1e-12);
        // Without much correction (alpha 0.1) the first drop is a change point too.
        assertEquals(2, ChangePoints.detect(successes, totals, 0.1).size());
    }

    @Test
    void degenerateSeries() {
        assertTrue(ChangePoints.compareConsecutive(new int[] {3}, new int[] {10}, 0.05, 0.95).isEmpty());
        assertTrue(ChangePoints.detect(new int[0], new int[0], 0.05).isEmpty());
        // An empty period: p = 1, no change, no NaN.
        List<ChangePoint> withEmpty = ChangePoints.compareConsecutive(new int[] {5, 0, 5}, new int[] {10, 0, 10},
                0.05, 0.95);
        for (ChangePoint c : withEmpty) {
            assertEquals(1.0, c.pValue(), 0.0);
            assertEquals(1.0, c.adjustedPValue(), 0.0);
            assertFalse(c.significant());
            assertEquals(-1.0, c.ciLow(), 0.0);
            assertEquals(1.0, c.ciHigh(), 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new int[] {1, 2}, new int[] {3}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new int[] {4, 2}, new int[] {3, 3}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new int[] {1, 2}, new int[] {3, 3}, 0));
    }
}
