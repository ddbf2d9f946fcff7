package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class TwoByTwoTest {

    @Test
    void fisherTeaTasting() {
        // Fisher (1935) "The Design of Experiments", the lady tasting tea: [[3,1],[1,3]].
        // Tables with a = 0..4 have probabilities 1, 16, 36, 16, 1 (/70); two-sided p = 34/70 = 0.485714.
        assertEquals(34.0 / 70, FisherExact.twoSided(3, 1, 1, 3), 1e-9);
        assertEquals(16.0 / 70, FisherExact.probability(3, 1, 1, 3), 1e-12);
    }

    @Test
    void fisherUnbalancedTable() {
        // R: fisher.test(matrix(c(1,11,9,3),2))$p.value = 0.002759456 (scipy.stats.fisher_exact agrees).
        assertEquals(0.002759456, FisherExact.twoSided(1, 9, 11, 3), 1e-8);
        // Transposed and row-swapped tables give the same two-sided p.
        assertEquals(0.002759456, FisherExact.twoSided(1, 11, 9, 3), 1e-8);
        assertEquals(0.002759456, FisherExact.twoSided(11, 3, 1, 9), 1e-8);
    }

    @Test
    void fisherDegenerateTablesGiveOne() {
        assertEquals(1.0, FisherExact.twoSided(0, 0, 0, 0), 0.0);
        assertEquals(1.0, FisherExact.twoSided(0, 5, 0, 7), 0.0);
        assertEquals(1.0, FisherExact.twoSided(0, 0, 3, 4), 0.0);
        assertThrows(IllegalArgumentException.class, () -> FisherExact.twoSided(-1, 0, 3, 4));
    }

    @Test
    void fisherSymmetricTableSumsTiedTables() {
        // [[2,2],[2,2]]: the observed table is the most probable; every table counts, p = 1
        // (needs the tolerance on equal probabilities: probabilities 1,16,36,16,1 /70 again).
        assertEquals(1.0, FisherExact.twoSided(2, 2, 2, 2), 1e-12);
        // [[4,0],[0,4]]: probability 1/70 and its mirror [[0,4],[4,0]] also 1/70 -> p = 2/70.
        assertEquals(2.0 / 70, FisherExact.twoSided(4, 0, 0, 4), 1e-12);
        // [[0,2],[6,4]] (margins 2, 10 / 6, 6): tables a = 0, 1, 2 have C(6,a)C(6,2-a)/C(12,2) = 15, 36, 15
        // (/66); the mirror table a = 2 is exactly as likely but its log-factorials round differently,
        // so it is only counted thanks to the relative tolerance: p = 30/66 = 5/11 = 0.454545
        // (scipy.stats.fisher_exact agrees). Likewise [[1,0],[2,3]]: tables a = 0, 1 both 1/2 -> p = 1.
        assertEquals(5.0 / 11, FisherExact.twoSided(0, 2, 6, 4), 1e-12);
        assertEquals(1.0, FisherExact.twoSided(1, 0, 2, 3), 1e-12);
    }

    @Test
    void chiSquareWithoutCorrection() {
        // [[20,30],[30,20]]: X² = 100·(400-900)²/(50·50·50·50) = 4.0 by hand;
        // p = P(chi²_1 >= 4) = 0.0455003 (R: chisq.test(matrix(c(20,30,30,20),2), correct=FALSE)).
        ChiSquareResult r = ChiSquare.test2x2(20, 30, 30, 20);
        assertEquals(4.0, r.statistic(), 1e-12);
        assertEquals(0.0455003, r.pValue(), 1e-7);
        assertEquals(25.0, r.minExpected(), 1e-12);
    }

    @Test
    void chiSquareAgreesWithCommonsMath() {
        // Cross-check of the closed form against commons-math's ChiSquareTest (no continuity correction).
        long[][] table = {{56, 14}, {48, 32}};
        ChiSquareTest reference = new ChiSquareTest();
        ChiSquareResult r = ChiSquare.test2x2(56, 14, 48, 32);
        assertEquals(reference.chiSquare(table), r.statistic(), 1e-9);
        assertEquals(reference.chiSquareTest(table), r.pValue(), 1e-9);
    }

    @Test
    void chiSquareEmptyMarginGivesZeroAndOne() {
        ChiSquareResult r = ChiSquare.test2x2(0, 10, 0, 20);
        assertEquals(0.0, r.statistic(), 0.0);
        assertEquals(1.0, r.pValue(), 0.0);
        assertEquals(0.0, r.minExpected(), 0.0);
        assertEquals(1.0, ChiSquare.test2x2(0, 0, 0, 0).pValue(), 0.0);
    }
}
