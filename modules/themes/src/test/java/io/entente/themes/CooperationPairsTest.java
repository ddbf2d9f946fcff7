package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.entente.core.CooperationPair;
import io.entente.core.CueMatch;
import io.entente.core.Modality;
import io.entente.core.Polarity;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CooperationPairsTest {
    /** {@code n} sentences that each involve {@code countries}. */
    private static List<List<String>> times(int n, String... countries) {
        return Collections.nCopies(n, List.of(countries));
    }

    @SafeVarargs
    private static List<List<String>> doc(List<List<String>>... parts) {
        List<List<String>> out = new ArrayList<>();
        for (List<List<String>> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    @Test
    void pairsAreRankedBySharedSentences() {
        List<CooperationPairs.Ranked> r = CooperationPairs.rankPairs(doc(times(3, "KOR", "JPN"), times(2, "USA", "JPN"),
                times(4, "CHN"), times(1, "KOR", "JPN", "USA")));
        assertEquals("JPN-KOR", r.get(0).key());
        assertEquals(4, r.get(0).sentences());
        assertEquals("JPN-USA", r.get(1).key());
        assertEquals(3, r.get(1).sentences());
        assertEquals("KOR-USA", r.get(2).key());
        assertEquals(3, r.size());
    }

    @Test
    void tiesGoToTheMoreProminentPair() {
        // CHN-IND and IND-USA share 2 sentences each; USA is in 5 sentences, CHN in 2
        List<CooperationPairs.Ranked> r = CooperationPairs.rankPairs(doc(times(2, "IND", "CHN"), times(2, "IND", "USA"),
                times(3, "USA")));
        assertEquals("IND-USA", r.get(0).key());
        assertEquals("CHN-IND", r.get(1).key());
    }

    @Test
    void aThirdCountryInThirtyPercentOfThePairsSentencesMakesATrilateral() {
        // USA in 3 of JPN-KOR's 10 sentences: 30%
        CooperationPairs.Main m = CooperationPairs.main(doc(times(7, "JPN", "KOR"), times(3, "JPN", "KOR", "USA")));
        assertEquals(List.of("JPN", "KOR", "USA"), m.group().countries());
        assertEquals("USA", m.third());
        // USA in 2 of 10: 20%, no group
        m = CooperationPairs.main(doc(times(8, "JPN", "KOR"), times(2, "JPN", "KOR", "USA")));
        assertEquals("JPN-KOR", m.pair().key());
        assertNull(m.group());
        // 1 of 2 is 50% but a group needs two sentences
        m = CooperationPairs.main(doc(times(1, "JPN", "KOR"), times(1, "JPN", "KOR", "USA")));
        assertNull(m.group());
    }

    @Test
    void noPairWithoutTwoSharedSentences() {
        assertNull(CooperationPairs.main(doc(times(1, "JPN", "KOR"), times(5, "JPN"))));
        assertEquals(List.of(), CooperationPairs.compute(doc(times(1, "JPN", "KOR")), List.of()));
    }

    @Test
    void computeListsMainPairGroupAndCloseSecondPairsWithTheirThemes() {
        List<List<String>> sentences = doc(times(6, "JPN", "KOR"), times(4, "JPN", "KOR", "USA"),
                times(2, "CHN", "RUS"), times(2, "KOR", "USA"));
        ThemeEvidence both = new ThemeEvidence(0, 0, 1, "x", 0.8, List.of("KOR", "JPN"),
                List.of(new CueMatch("x", 0, 1, false)), Modality.STATED);
        ThemeEvidence three = new ThemeEvidence(1, 0, 1, "x", 0.8, List.of("USA", "KOR", "JPN"),
                List.of(new CueMatch("x", 0, 1, false)), Modality.STATED);
        ThemeEvidence one = new ThemeEvidence(2, 0, 1, "x", 0.8, List.of("KOR"),
                List.of(new CueMatch("x", 0, 1, false)), Modality.STATED);
        List<ThemeResult> themes = List.of(
                new ThemeResult("a", Polarity.DRIVER, "A", 0.8, List.of(2), List.of(one), List.of("KOR")),
                new ThemeResult("b", Polarity.DRIVER, "B", 0.9, List.of(0, 1), List.of(both, three), List.of("KOR", "JPN")),
                new ThemeResult("c", Polarity.OBSTACLE, "C", 0.8, List.of(1), List.of(three), List.of("KOR", "JPN")));
        List<CooperationPair> c = CooperationPairs.compute(sentences, themes);
        // JPN-KOR 10; group with USA (4 of 10); KOR-USA 6 >= 5 is a second pair; JPN-USA 4 < 5 and CHN-RUS 2 are not
        assertEquals(List.of("JPN-KOR", "JPN-KOR-USA", "KOR-USA"), c.stream().map(CooperationPair::pair).toList());
        assertEquals(10, c.get(0).sentences());
        assertEquals(4, c.get(1).sentences());
        assertEquals(List.of(new CooperationPair.PairTheme("b", 2), new CooperationPair.PairTheme("c", 1)), c.get(0).themes());
        assertEquals(List.of(new CooperationPair.PairTheme("b", 1), new CooperationPair.PairTheme("c", 1)), c.get(1).themes());
    }
}
