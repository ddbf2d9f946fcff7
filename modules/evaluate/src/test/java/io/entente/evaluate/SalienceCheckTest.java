package io.entente.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalienceCheckTest {
    @Test
    void spearmanByHand() {
        // gold ranks a > b > c > d, predicted a > b > d > c: d^2 sums to 2, rho = 1 - 6 x 2 / (4 x 15)
        double rho = SalienceCheck.rankCorrelation(Map.of("a", 0.9, "b", 0.8, "d", 0.7),
                Map.of("a", 0.5, "b", 0.3, "c", 0.2), null);
        assertEquals(0.8, rho, 1e-12);
    }

    @Test
    void tiedScoresShareTheirAverageRank() {
        // predicted ranks (2.5, 2.5, 1) against gold (3, 2, 1): Pearson of ranks = 1.5 / sqrt(1.5 x 2)
        double rho = SalienceCheck.rankCorrelation(Map.of("a", 1.0, "b", 1.0), Map.of("a", 0.5, "b", 0.3, "c", 0.2), null);
        assertEquals(Math.sqrt(3) / 2, rho, 1e-12);
    }

    @Test
    void noRankingToCheck() {
        assertTrue(Double.isNaN(SalienceCheck.rankCorrelation(Map.of("a", 0.9), Map.of("a", 1.0), null)), "one theme");
        assertTrue(Double.isNaN(SalienceCheck.rankCorrelation(Map.of("a", 0.9, "b", 0.2), Map.of("a", 0.5, "b", 0.5), null)),
                "gold tied throughout");
        // the codebook filter: x is not a theme of it, so only a and b count (and they rank inversely)
        assertEquals(-1.0, SalienceCheck.rankCorrelation(Map.of("a", 0.9, "b", 0.2, "x", 0.1),
                Map.of("a", 0.1, "b", 0.6, "x", 0.3), Set.of("a", "b")), 1e-12);
    }

    @Test
    void weightedMeanAndMedianSkipUndefinedDocuments() {
        double[] rho = {0.2, Double.NaN, 0.8, 0.5};
        assertEquals((0.2 + 0.8 + 0.5) / 3, SalienceCheck.mean(rho, new int[] {1, 1, 1, 1}), 1e-12);
        assertEquals((2 * 0.2 + 0.5) / 3, SalienceCheck.mean(rho, new int[] {2, 2, 0, 1}), 1e-12);
        assertEquals(0.5, SalienceCheck.median(rho, new int[] {1, 1, 1, 1}), 1e-12);
        assertEquals(0.35, SalienceCheck.median(rho, new int[] {1, 0, 0, 1}), 1e-12);
        assertTrue(Double.isNaN(SalienceCheck.mean(rho, new int[] {0, 3, 0, 0})));
    }

    @Test
    void evaluationChecksEveryDocument() {
        // p: gold shares a 2/3, b 1/3; scores a 0.9, b 0.4 -> rho 1. q: same shares, scores inverted -> -1.
        // r: a single theme -> undefined
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a"), Set.of("b"));
        List<Map<String, Double>> none = List.of(Map.of(), Map.of(), Map.of());
        Scorer.Result p = Papers.paper("p", gold, none, Map.of("a", 0.9, "b", 0.4));
        Scorer.Result q = Papers.paper("q", gold, none, Map.of("a", 0.3, "b", 0.7));
        Scorer.Result r = Papers.paper("r", List.of(Set.of("a")), List.of(Map.of()), Map.of("a", 0.5));
        assertEquals(Map.of("a", 2 / 3.0, "b", 1 / 3.0), p.goldShares());
        SalienceCheck s = Evaluation.of(List.of(p, q, r)).salience();
        assertEquals(2, s.documents());
        assertEquals(1.0, s.perDocument().get("p"), 1e-12);
        assertEquals(-1.0, s.perDocument().get("q"), 1e-12);
        assertTrue(Double.isNaN(s.perDocument().get("r")));
        assertEquals(0.0, s.mean(), 1e-12);
        assertEquals(0.0, s.median(), 1e-12);
        assertEquals(-1.0, s.meanInterval().low(), 1e-12, "a resample of q and r alone");
        assertEquals(1.0, s.meanInterval().high(), 1e-12);
    }
}
