package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProportionsTest {
    private static final double EPS = 1e-4;

    // --- Wilson -------------------------------------------------------------------------------

    @Test
    void wilsonMatchesNewcombeSingleProportionExamples() {
        // Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of
        // seven methods", Stat Med 17:857-872, Table II, method 3 (score, no continuity correction);
        // 81/263 is also the worked example of the Wikipedia article "Binomial proportion confidence
        // interval". Checked with the closed form (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²))/(1 + z²/n),
        // z = 1.959964: 81/263 -> (0.255289, 0.366210).
        assertInterval(Wilson.interval(81, 263, 0.95), 0.2553, 0.3662);
        assertInterval(Wilson.interval(15, 148, 0.95), 0.0624, 0.1605);
        assertInterval(Wilson.interval(0, 20, 0.95), 0.0, 0.1611);
        assertInterval(Wilson.interval(1, 29, 0.95), 0.0061, 0.1718);
        assertEquals(81.0 / 263, Wilson.interval(81, 263, 0.95).share(), 1e-12);
    }

    @Test
    void wilsonAllSuccessesIsMirrorOfNone() {
        // 0/10: upper bound z²/(n + z²) = 3.841459/13.841459 = 0.277533 (closed form); 10/10 mirrors it.
        assertInterval(Wilson.interval(0, 10, 0.95), 0.0, 0.277533);
        assertInterval(Wilson.interval(10, 10, 0.95), 1 - 0.277533, 1.0);
    }

    @Test
    void wilsonOfEmptyGroupIsWholeRange() {
        ProportionInterval empty = Wilson.interval(0, 0, 0.95);
        assertEquals(0.0, empty.share(), 0.0);
        assertInterval(empty, 0.0, 1.0);
    }

    @Test
    void wilsonRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(5, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 4, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 4, Double.NaN));
    }

    // --- Newcombe hybrid score interval --------------------------------------------------------

    @Test
    void newcombeHybridScoreTableIIExampleA() {
        // Newcombe RG (1998) "Interval estimation for the difference between independent proportions:
        // comparison of eleven methods", Stat Med 17:873-890, Table II, example (a) 56/70 - 48/80,
        // method 10: 0.2000, 95% CI (0.0524, 0.3339).
        ProportionComparison c = Proportions.compare(56, 70, 48, 80, 0.95);
        assertEquals(0.8, c.shareA(), 1e-12);
        assertEquals(0.6, c.shareB(), 1e-12);
        assertEquals(0.2000, c.difference(), EPS);
        assertEquals(0.0524, c.ciLow(), EPS);
        assertEquals(0.3339, c.ciHigh(), EPS);
        assertEquals(ProportionComparison.NEWCOMBE, c.method());
        // Expected counts 48.53, 21.47, 55.47, 24.53 are all >= 5: chi-square without correction.
        // R: chisq.test(matrix(c(56,48,14,32),2), correct=FALSE) -> X-squared = 7.0234, p = 0.008045.
        assertEquals(ProportionComparison.CHI_SQUARE, c.test());
        assertEquals(7.0234, c.statistic(), EPS);
        assertEquals(0.008045, c.pValue(), 1e-6);
    }

    @Test
    void newcombeHybridScoreOtherTableIIExamples() {
        // Newcombe (1998) Table II, method 10, examples (b), (c), (g), (h); each reproduced by the
        // closed form from the two Wilson intervals (z = 1.959964).
        assertCi(Proportions.compare(9, 10, 3, 10, 0.95), 0.1705, 0.8090);
        assertCi(Proportions.compare(6, 7, 2, 7, 0.95), 0.0582, 0.8062);
        assertCi(Proportions.compare(10, 10, 0, 20, 0.95), 0.6791, 1.0000);
        assertCi(Proportions.compare(10, 10, 0, 10, 0.95), 0.6075, 1.0000);
    }

    @Test
    void allZeroColumnGivesDefinedIntervalAndPOne() {
        // Newcombe (1998) Table II, examples (e) 0/10 - 0/20 and (f) 0/10 - 0/10, method 10:
        // (-0.1611, 0.2775) and (-0.2775, 0.2775). No successes anywhere: X² = 0, Fisher, p = 1.
        ProportionComparison e = Proportions.compare(0, 10, 0, 20, 0.95);
        assertEquals(0.0, e.difference(), 0.0);
        assertCi(e, -0.1611, 0.2775);
        assertEquals(ProportionComparison.FISHER_EXACT, e.test());
        assertEquals(1.0, e.pValue(), 0.0);
        assertEquals(0.0, e.statistic(), 0.0);
        assertCi(Proportions.compare(0, 10, 0, 10, 0.95), -0.2775, 0.2775);
        // Only successes in both groups is the mirror image.
        ProportionComparison all = Proportions.compare(10, 10, 20, 20, 0.95);
        assertCi(all, -0.2775, 0.1611);
        assertEquals(1.0, all.pValue(), 0.0);
    }

    @Test
    void emptyGroupGivesWholeRangeAndPOne() {
        ProportionComparison c = Proportions.compare(0, 0, 7, 20, 0.95);
        assertEquals(ProportionComparison.EMPTY_GROUP, c.method());
        assertEquals(0.0, c.shareA(), 0.0);
        assertEquals(0.35, c.shareB(), 1e-12);
        assertEquals(0.0, c.difference(), 0.0);
        assertEquals(-1.0, c.ciLow(), 0.0);
        assertEquals(1.0, c.ciHigh(), 0.0);
        assertEquals(ProportionComparison.FISHER_EXACT, c.test());
        assertEquals(1.0, c.pValue(), 0.0);
        assertEquals(0.0, c.statistic(), 0.0);

        ProportionComparison both = Proportions.compare(0, 0, 0, 0, 0.95);
        assertEquals(1.0, both.pValue(), 0.0);
        assertEquals(-1.0, both.ciLow(), 0.0);
        assertEquals(1.0, both.ciHigh(), 0.0);
    }

    @Test
    void smallExpectedCountsUseFisher() {
        // Tea tasting (Fisher 1935): 3/4 against 1/4, expected counts 2 < 5 -> Fisher, p = 34/70 = 0.4857.
        ProportionComparison c = Proportions.compare(3, 4, 1, 4);
        assertEquals(ProportionComparison.FISHER_EXACT, c.test());
        assertEquals(0.485714, c.pValue(), 1e-6);
        // Pearson X² of [[3,1],[1,3]] = 8·(9-1)²/(4·4·4·4) = 2.0, reported for information.
        assertEquals(2.0, c.statistic(), 1e-12);
    }

    @Test
    void compareRejectsBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> Proportions.compare(3, 2, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Proportions.compare(1, 2, 1, -4));
        assertThrows(IllegalArgumentException.class, () -> Proportions.compare(1, 2, 1, 4, 0.0));
    }

    private static void assertInterval(ProportionInterval i, double low, double high) {
        assertEquals(low, i.low(), EPS, "low");
        assertEquals(high, i.high(), EPS, "high");
    }

    private static void assertCi(ProportionComparison c, double low, double high) {
        assertEquals(low, c.ciLow(), EPS, "ciLow");
        assertEquals(high, c.ciHigh(), EPS, "ciHigh");
    }
}
