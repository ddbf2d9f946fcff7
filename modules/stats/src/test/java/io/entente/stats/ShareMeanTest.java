package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShareMeanTest {
    // t quantiles from the tables: t(0.975, 2) = 4.302653, t(0.975, 3) = 3.182446.

    @Test
    void fourDocumentsByHand() {
        // mean 0.35, sd = sqrt(0.05 / 3) = 0.1290994, se = 0.0645497, half = 3.182446 * se = 0.2054267.
        MeanInterval m = ShareMean.interval(new double[] {0.2, 0.3, 0.4, 0.5}, 0.95);
        assertEquals(4, m.n());
        assertEquals(0.35, m.mean(), 1e-12);
        assertEquals(Math.sqrt(0.05 / 3), m.sd(), 1e-12);
        assertEquals(0.35 - 0.2054267, m.low(), 1e-6);
        assertEquals(0.35 + 0.2054267, m.high(), 1e-6);
    }

    @Test
    void threeDocumentsAreWideAndClippedAtZero() {
        // mean 0.3, sd = sqrt(0.07) = 0.2645751, se = 0.1527525, half = 4.302653 * se = 0.6572411: [0, 0.9572411].
        MeanInterval m = ShareMean.interval(new double[] {0.1, 0.2, 0.6}, 0.95);
        assertEquals(0.3, m.mean(), 1e-12);
        assertEquals(0.0, m.low(), 0.0);
        assertEquals(0.9572411, m.high(), 1e-6);
    }

    @Test
    void clippedAtOne() {
        // mean 0.9, sd = 0.1, se = 0.0577350, half = 0.2484138: the upper bound 1.148 is clipped to 1.
        MeanInterval m = ShareMean.interval(new double[] {0.8, 0.9, 1.0}, 0.95);
        assertEquals(0.9 - 0.2484138, m.low(), 1e-6);
        assertEquals(1.0, m.high(), 0.0);
    }

    @Test
    void oneDocumentHasNoIntervalAndEqualSharesAZeroWidthOne() {
        MeanInterval one = ShareMean.interval(new double[] {0.25}, 0.95);
        assertEquals(0.25, one.mean(), 0.0);
        assertNull(one.sd());
        assertNull(one.low());
        assertNull(one.high());
        MeanInterval same = ShareMean.interval(new double[] {0.2, 0.2}, 0.95);
        assertEquals(0.2, same.low(), 1e-15);
        assertEquals(0.2, same.high(), 1e-15);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> ShareMean.interval(new double[0], 0.95));
        assertThrows(IllegalArgumentException.class, () -> ShareMean.interval(new double[] {0.5, 1.5}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ShareMean.interval(new double[] {0.5, Double.NaN}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ShareMean.interval(new double[] {0.5}, 1.0));
    }
}
