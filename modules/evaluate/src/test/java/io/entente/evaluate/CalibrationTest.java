package io.entente.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void reliabilityTableEceAndBrierByHand() {
        Calibration c = Calibration.of(new double[] {0.05, 0.05, 0.15, 0.95, 1.0, 0.55},
                new boolean[] {false, true, false, true, true, false});
        assertEquals(6, c.pairs());
        assertEquals(10, c.bins().size());
        Calibration.Bin first = c.bins().get(0);
        assertEquals(2, first.count());
        assertEquals(0.05, first.meanPredicted(), 1e-12);
        assertEquals(0.5, first.observed(), 1e-12);
        Calibration.Bin last = c.bins().get(9);
        assertEquals(2, last.count(), "1.0 falls into the last, closed bin");
        assertEquals(0.975, last.meanPredicted(), 1e-12);
        assertEquals(1.0, last.observed(), 1e-12);
        assertEquals(0, c.bins().get(3).count());
        assertTrue(Double.isNaN(c.bins().get(3).observed()));
        // (2 x 0.45 + 1 x 0.15 + 1 x 0.55 + 2 x 0.025) / 6
        assertEquals(1.65 / 6, c.ece(), 1e-12);
        // (0.0025 + 0.9025 + 0.0225 + 0.0025 + 0 + 0.3025) / 6
        assertEquals(1.2325 / 6, c.brier(), 1e-12);
    }

    @Test
    void perfectlyCalibratedScoresHaveNoError() {
        // in the bin around 0.25, one pair in four is positive
        Calibration c = Calibration.of(new double[] {0.25, 0.25, 0.25, 0.25, 0.0, 1.0},
                new boolean[] {true, false, false, false, false, true});
        assertEquals(0.0, c.ece(), 1e-12);
        assertEquals((0.5625 + 3 * 0.0625) / 6, c.brier(), 1e-12);
    }

    @Test
    void binEdgesBelongToTheBinAbove() {
        for (int k = 1; k < 10; k++) {
            Calibration c = Calibration.of(new double[] {k / 10.0}, new boolean[] {false});
            assertEquals(1, c.bins().get(k).count(), "score " + k / 10.0);
        }
    }

    @Test
    void outOfRangeAndEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.builder().add(1.2, true));
        assertThrows(IllegalArgumentException.class, () -> Calibration.builder().add(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new double[] {0.1}, new boolean[0]));
        assertTrue(Double.isNaN(Calibration.builder().build().ece()));
    }

    @Test
    void evaluationPairsEveryGoldSentenceWithEveryCodebookTheme() {
        // two sentences; the first carries t in gold and is evidence for t at 0.8; u is in the codebook only
        Scorer.Result r = Papers.paper("p", List.of(Set.of("t"), Set.of()), List.of(Map.of("t", 0.8), Map.of()), Map.of());
        Calibration c = Evaluation.of(List.of(r)).withThemes(List.of("t", "u")).calibration();
        assertEquals(4, c.pairs());
        assertEquals(3, c.bins().get(0).count(), "the three non-evidence pairs score 0");
        assertEquals(0.0, c.bins().get(0).observed());
        assertEquals(1, c.bins().get(8).count());
        assertEquals(0.8, c.bins().get(8).meanPredicted(), 1e-12);
        assertEquals(0.2 / 4, c.ece(), 1e-12);
        assertEquals(0.04 / 4, c.brier(), 1e-12);
        // without the codebook's themes only those that occur count
        assertEquals(2, Evaluation.of(List.of(r)).calibration().pairs());
    }
}
