package io.entente.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void aThemeThatNeitherOccursNorIsPredictedScoresOne() {
        assertTrue(Counts.ZERO.isEmpty());
        assertEquals(1.0, Counts.ZERO.f1());
        assertEquals(1.0, Counts.ZERO.precision());
        assertEquals(1.0, Counts.ZERO.recall());
    }

    @Test
    void onlyMissesOrOnlyFalseAlarmsScoreZero() {
        Counts missed = new Counts(0, 0, 3);
        assertFalse(missed.isEmpty());
        assertEquals(1.0, missed.precision(), "nothing predicted, nothing wrongly claimed");
        assertEquals(0.0, missed.recall());
        assertEquals(0.0, missed.f1());
        Counts spurious = new Counts(0, 2, 0);
        assertEquals(0.0, spurious.precision());
        assertEquals(1.0, spurious.recall());
        assertEquals(0.0, spurious.f1());
    }

    @Test
    void f1Is2TpOver2TpPlusErrors() {
        assertEquals(2.0 * 5 / (10 + 3 + 4), new Counts(5, 3, 4).f1(), 1e-15);
        assertEquals(new Counts(15, 9, 12), new Counts(5, 3, 4).times(3));
        assertEquals(new Counts(5, 3, 4).f1(), new Counts(5, 3, 4).times(7).f1(), "scale-free, exactly");
        assertThrows(IllegalArgumentException.class, () -> new Counts(-1, 0, 0));
    }

    @Test
    void setsAndSingleDecisionsCount() {
        assertEquals(new Counts(1, 1, 2), Counts.ofSets(java.util.Set.of("a", "b"), java.util.Set.of("a", "c", "d")));
        assertEquals(new Counts(1, 0, 0), Counts.of(true, true));
        assertEquals(new Counts(0, 1, 0), Counts.of(true, false));
        assertEquals(new Counts(0, 0, 1), Counts.of(false, true));
        assertTrue(Counts.of(false, false).isEmpty());
    }
}
