package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrendTest {
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void ordinaryLeastSquaresByHand() {
        // By hand: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = (-2)(-2) + (-1)(0) + 0 + (1)(0) + (2)(1) = 6,
        // slope = 0.6, intercept = 4 - 0.6·3 = 2.2. Fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals
        // -0.8, 0.6, 1.0, -0.6, -0.2; SSE = 2.4; s² = 2.4/3 = 0.8; SE(slope) = sqrt(0.8/10) = 0.282843.
        // t(0.975, 3) = 3.182446 -> CI 0.6 ± 0.900132 = (-0.300132, 1.500132).
        // t = 0.6/0.282843 = 2.121320, two-sided p (3 df) = 0.124027 (R: summary(lm(y ~ x))).
        LinearTrend t = Trend.linear(X, Y, null, 0.95);
        assertEquals(0.6, t.slope(), 1e-12);
        assertEquals(2.2, t.intercept(), 1e-12);
        assertEquals(-0.300132, t.slopeCiLow(), 1e-6);
        assertEquals(1.500132, t.slopeCiHigh(), 1e-6);
        assertEquals(0.124027, t.pValue(), 1e-6);
        assertEquals(5, t.n());
        assertTrue(t.enough());
    }

    @Test
    void confidenceLevelIsUsed() {
        // 90%: t(0.95, 3) = 2.353363 -> 0.6 - 2.353363·0.282843 = -0.065632.
        LinearTrend t = Trend.linear(X, Y, null, 0.90);
        assertEquals(-0.065632, t.slopeCiLow(), 1e-6);
        assertEquals(1.265632, t.slopeCiHigh(), 1e-6);
    }

    @Test
    void weightedLeastSquaresByHand() {
        // w = 1,2,1,3,1. By hand: Σw = 8, x̄w = 25/8 = 3.125, ȳw = 32/8 = 4,
        // Sxx = 4.515625 + 2·1.265625 + 0.015625 + 3·0.765625 + 3.515625 = 12.875,
        // Sxy = 4.25 + 0 - 0.125 + 0 + 1.875 = 6, slope = 6/12.875 = 0.466019, intercept = 4 - 0.466019·3.125
        // = 2.543689. SE, CI and p from the weighted normal equations (X'WX)⁻¹ with s² = r'Wr/3, solved
        // independently with numpy (as R's lm(y ~ x, weights = w)): SE = 0.288008, CI (-0.450550, 1.382588),
        // p = 0.204075.
        LinearTrend t = Trend.linear(X, Y, new double[] {1, 2, 1, 3, 1}, 0.95);
        assertEquals(0.466019, t.slope(), 1e-6);
        assertEquals(2.543689, t.intercept(), 1e-6);
        assertEquals(-0.450550, t.slopeCiLow(), 1e-6);
        assertEquals(1.382588, t.slopeCiHigh(), 1e-6);
        assertEquals(0.204075, t.pValue(), 1e-6);
    }

    @Test
    void equalWeightsGiveOrdinaryLeastSquares() {
        LinearTrend ols = Trend.linear(X, Y, null, 0.95);
        LinearTrend wls = Trend.linear(X, Y, new double[] {3, 3, 3, 3, 3}, 0.95);
        assertEquals(ols.slope(), wls.slope(), 1e-12);
        assertEquals(ols.intercept(), wls.intercept(), 1e-12);
        assertEquals(ols.slopeCiLow(), wls.slopeCiLow(), 1e-9);
        assertEquals(ols.slopeCiHigh(), wls.slopeCiHigh(), 1e-9);
        assertEquals(ols.pValue(), wls.pValue(), 1e-9);
    }

    @Test
    void zeroWeightDropsThePoint() {
        LinearTrend dropped = Trend.linear(X, Y, new double[] {1, 1, 1, 1, 0}, 0.95);
        LinearTrend four = Trend.linear(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 4}, null, 0.95);
        assertEquals(4, dropped.n());
        assertEquals(four.slope(), dropped.slope(), 1e-12);
        assertEquals(four.pValue(), dropped.pValue(), 1e-9);
    }

    @Test
    void twoPointsGiveSlopeButNoInference() {
        LinearTrend t = Trend.linear(new double[] {2000, 2001}, new double[] {0.1, 0.3}, null, 0.95);
        assertEquals(0.2, t.slope(), 1e-9);
        assertEquals(0.1 - 0.2 * 2000, t.intercept(), 1e-6);
        assertNull(t.slopeCiLow());
        assertNull(t.slopeCiHigh());
        assertNull(t.pValue());
        assertFalse(t.enough());
        assertEquals(2, t.n());
        // Same with weights.
        LinearTrend w = Trend.linear(new double[] {2000, 2001}, new double[] {0.1, 0.3}, new double[] {1, 2}, 0.95);
        assertEquals(0.2, w.slope(), 1e-9);
        assertNull(w.pValue());
    }

    @Test
    void tooFewPointsOrNoSpreadInX() {
        LinearTrend one = Trend.linear(new double[] {1}, new double[] {1}, null, 0.95);
        assertNull(one.slope());
        assertNull(one.intercept());
        assertNull(one.pValue());
        assertEquals(1, one.n());
        LinearTrend none = Trend.linear(new double[0], new double[0], null, 0.95);
        assertNull(none.slope());
        assertEquals(0, none.n());
        LinearTrend sameX = Trend.linear(new double[] {3, 3, 3}, new double[] {1, 2, 3}, null, 0.95);
        assertNull(sameX.slope());
        assertNull(sameX.pValue());
        assertNull(Trend.linear(new double[] {3, 3, 3}, new double[] {1, 2, 3}, new double[] {1, 1, 1}, 0.95).slope());
    }

    @Test
    void perfectFitHasNoNaN() {
        // Constant y: slope 0 exactly, zero residuals: CI (0, 0) and p = 1.
        LinearTrend flat = Trend.linear(X, new double[] {2, 2, 2, 2, 2}, null, 0.95);
        assertEquals(0.0, flat.slope(), 0.0);
        assertEquals(0.0, flat.slopeCiLow(), 0.0);
        assertEquals(0.0, flat.slopeCiHigh(), 0.0);
        assertEquals(1.0, flat.pValue(), 0.0);
        LinearTrend flatW = Trend.linear(X, new double[] {2, 2, 2, 2, 2}, new double[] {1, 2, 1, 2, 1}, 0.95);
        assertEquals(1.0, flatW.pValue(), 0.0);
        // Exact line y = 2x + 1: slope 2, p essentially 0.
        LinearTrend line = Trend.linear(X, new double[] {3, 5, 7, 9, 11}, null, 0.95);
        assertEquals(2.0, line.slope(), 1e-12);
        assertEquals(1.0, line.intercept(), 1e-12);
        assertEquals(0.0, line.pValue(), 1e-9);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Trend.linear(X, new double[] {1, 2}, null, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Trend.linear(X, Y, new double[] {1, 1}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Trend.linear(X, Y, new double[] {1, 1, -1, 1, 1}, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> Trend.linear(X, new double[] {1, 2, Double.NaN, 4, 5}, null, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Trend.linear(X, Y, null, 1.5));
    }
}
