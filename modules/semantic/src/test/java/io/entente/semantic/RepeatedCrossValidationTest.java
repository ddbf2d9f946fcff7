package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedCrossValidationTest {
    private static Trainer.Scores scores(String name, int tp, int fp, int fn) {
        io.entente.gold.Counts c = new io.entente.gold.Counts(tp, fp, fn);
        return new Trainer.Scores(name, c, c, Map.of("a.theme", c), Map.of("a.theme", c));
    }

    @Test
    void meanSdAndRangeOverFoldAssignments() {
        // F1 = 2tp / (2tp + fp + fn): 0.8 (8/10) and 0.6 (6/10)
        List<List<Trainer.Scores>> runs = List.of(List.of(scores("full hybrid", 4, 1, 1)), List.of(scores("full hybrid", 3, 2, 2)));
        String table = Trainer.repeatedTable(List.of(1L, 2L), runs, List.of("a.theme"));
        assertTrue(table.contains("2 fold assignments (seeds 1, 2)"), table);
        // mean 0.7, sample sd sqrt(0.02) = 0.141, min 0.6, max 0.8
        assertTrue(table.contains("full hybrid            0.700   0.141  0.600  0.800"), table);
        assertTrue(table.contains("a.theme                      0.700   0.141  0.600  0.800"), table);
    }

    @Test
    void oneListOfScoresPerSeed() {
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.repeatedTable(List.of(1L), List.of(), List.of("a.theme")));
    }
}
