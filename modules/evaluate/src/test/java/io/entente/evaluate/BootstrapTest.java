package io.entente.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void everyResampleDrawsAsManyDocumentsAsThereAre() {
        Bootstrap b = new Bootstrap(7, 200, 3);
        assertEquals(200, b.resamples());
        for (int i = 0; i < b.resamples(); i++) {
            assertEquals(7, Arrays.stream(b.weights(i)).sum());
        }
    }

    @Test
    void theSeedFixesTheDraws() {
        Bootstrap one = new Bootstrap(10, 50, 1);
        Bootstrap again = new Bootstrap(10, 50, 1);
        Bootstrap other = new Bootstrap(10, 50, 2);
        boolean differs = false;
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(one.weights(i), again.weights(i));
            differs |= !Arrays.equals(one.weights(i), other.weights(i));
        }
        assertTrue(differs, "another seed draws other resamples");
    }

    @Test
    void percentileIntervalInterpolatesBetweenOrderStatistics() {
        // R-7 on 1..100: the 2.5 % quantile sits at 1 + 99 x 0.025 = 3.475, the 97.5 % one at 97.525
        double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        Bootstrap.Interval ci = Bootstrap.percentileInterval(values, 0.95);
        assertEquals(3.475, ci.low(), 1e-9);
        assertEquals(97.525, ci.high(), 1e-9);
        assertEquals(100, ci.resamples());
    }

    @Test
    void undefinedResamplesAreLeftOut() {
        Bootstrap b = new Bootstrap(2, 400, 1);
        // defined only where document 0 was drawn at all, and then always 1
        Bootstrap.Interval ci = b.interval(w -> w[0] == 0 ? Double.NaN : 1.0, 0.95);
        assertEquals(1.0, ci.low());
        assertEquals(1.0, ci.high());
        assertTrue(ci.resamples() < 400 && ci.resamples() > 200, "about three quarters defined: " + ci.resamples());
        assertNull(b.interval(w -> Double.NaN, 0.95));
        assertFalse(ci.contains(0.5));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.percentileInterval(new double[0], 0.95));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.percentileInterval(new double[] {1}, 1.0));
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}
