package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void orthogonalIdenticalAndKnownAngles() {
        assertEquals(0.0, Similarity.cosine(new double[] {1, 0}, new double[] {0, 3}), 1e-12);
        assertEquals(1.0, Similarity.cosine(new double[] {0.2, 0.5, 0.9}, new double[] {0.2, 0.5, 0.9}), 1e-12);
        // Scale does not matter.
        assertEquals(1.0, Similarity.cosine(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        // 45 degrees: cos = 1/sqrt(2) = 0.707107.
        assertEquals(Math.sqrt(0.5), Similarity.cosine(new double[] {1, 0}, new double[] {1, 1}), 1e-12);
        // 60 degrees: (1,0) and (1, sqrt 3), cos = 1/2.
        assertEquals(0.5, Similarity.cosine(new double[] {1, 0}, new double[] {1, Math.sqrt(3)}), 1e-12);
        // By hand: (1,2,3)·(4,5,6) = 32, norms sqrt(14), sqrt(77) -> 32/sqrt(1078) = 0.974632.
        assertEquals(0.974632, Similarity.cosine(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-6);
        // Opposite: -1.
        assertEquals(-1.0, Similarity.cosine(new double[] {1, -2}, new double[] {-1, 2}), 1e-12);
    }

    @Test
    void zeroVectorGivesZero() {
        assertEquals(0.0, Similarity.cosine(new double[] {0, 0}, new double[] {1, 2}), 0.0);
        assertEquals(0.0, Similarity.cosine(new double[] {0, 0}, new double[] {0, 0}), 0.0);
        assertEquals(0.0, Similarity.cosine(new double[0], new double[0]), 0.0);
        assertEquals(0.0, Similarity.cosine(Map.of(), Map.of("a", 1.0)), 0.0);
    }

    @Test
    void hugeAndTinyValuesDoNotOverflow() {
        assertEquals(Math.sqrt(0.5), Similarity.cosine(new double[] {1e200, 0}, new double[] {1e200, 1e200}), 1e-12);
        assertEquals(Math.sqrt(0.5), Similarity.cosine(new double[] {1e-200, 0}, new double[] {1e-200, 1e-200}), 1e-12);
    }

    @Test
    void mapsUseTheUnionOfKeys() {
        // {a:1, b:2} against {b:2, c:3}: union a,b,c -> (1,2,0)·(0,2,3) = 4; norms sqrt(5), sqrt(13)
        // -> 4/sqrt(65) = 0.496139.
        Map<String, Double> a = Map.of("a", 1.0, "b", 2.0);
        Map<String, Double> b = Map.of("b", 2.0, "c", 3.0);
        assertEquals(0.496139, Similarity.cosine(a, b), 1e-6);
        assertEquals(0.0, Similarity.cosine(Map.of("a", 1.0), Map.of("b", 1.0)), 1e-12);
        assertEquals(1.0, Similarity.cosine(a, Map.of("a", 2.0, "b", 4.0)), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Similarity.cosine(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Similarity.cosine(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> Similarity.cosine(withNull, Map.of("a", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> Similarity.cosine(Map.of("a", Double.NaN), Map.of("a", 1.0)));
    }
}
