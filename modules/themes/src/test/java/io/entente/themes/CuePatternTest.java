package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CuePatternTest {
    private static List<String> words(String s) {
        return SentenceWords.of(s, 0, s.length()).words();
    }

    @Test
    void matchesPhrasesPrefixesAndAlternatives() {
        assertArrayEquals(new int[] {1, 2}, CuePattern.compile("comfort women").find(words("The comfort women issue")));
        assertArrayEquals(new int[] {0, 1}, CuePattern.compile("missile launch*").find(words("Missile launches continued")));
        assertArrayEquals(new int[] {0, 1}, CuePattern.compile("nuclear test*|weapon*").find(words("nuclear weapons")));
        assertNull(CuePattern.compile("comfort women").find(words("women of comfort")));
    }

    @Test
    void suffixAndInfixGlobsMatchWordEndsAndInsides() {
        assertArrayEquals(new int[] {1, 1}, CuePattern.compile("*ism").find(words("Chinese expansionism grows")));
        assertNull(CuePattern.compile("*ism").find(words("Chinese isms grow")));
        assertArrayEquals(new int[] {2, 3}, CuePattern.compile("*lateral talks").find(words("the new trilateral talks")));
        assertArrayEquals(new int[] {0, 0}, CuePattern.compile("*operat*").find(words("Cooperation deepened")));
        assertArrayEquals(new int[] {0, 0}, CuePattern.compile("*operat*").find(words("Operators left")));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("*a"));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("*"));
    }

    @Test
    void gapAllowsUpToNWords() {
        CuePattern p = CuePattern.compile("lack ~2 trust");
        assertArrayEquals(new int[] {0, 2}, p.find(words("lack of trust")));
        assertArrayEquals(new int[] {0, 3}, p.find(words("lack of mutual trust")));
        assertNull(p.find(words("lack of any real mutual trust")));
    }

    @Test
    void hyphensAndApostrophesSplitWords() {
        assertArrayEquals(new int[] {0, 1}, CuePattern.compile("self defense").find(words("Self-Defense Forces")));
        assertArrayEquals(new int[] {0, 0}, CuePattern.compile("japan").find(words("Japan's")));
    }

    @Test
    void malformedPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile(""));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("Capital"));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("~2 trust"));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("a* b"));
        assertThrows(IllegalArgumentException.class, () -> CuePattern.compile("u.s."));
    }
}
