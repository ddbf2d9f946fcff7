package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Sentence;
import io.entente.core.ThemeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeClassifierTest {
    private final ThemeClassifier classifier = new ThemeClassifier(CodebookLoaderTest.parse(CodebookLoaderTest.VALID));

    private ThemeScore only(String text, String theme) {
        return classifier.score(text, 0, text.length()).stream().filter(s -> s.themeId().equals(theme)).findFirst().orElse(null);
    }

    @Test
    void scoreIsOneMinusExpOfTheSummedWeights() {
        ThemeScore s = only("Alphas everywhere.", "a.one");
        assertEquals(1 - Math.exp(-1.0), s.score(), 1e-9);
        assertTrue(s.assigned());
    }

    @Test
    void weakCuesNeedCompany() {
        assertFalse(only("Only beta here.", "b.two").assigned());
        ThemeScore both = only("Beta and gamma together.", "b.two");
        assertEquals(1 - Math.exp(-0.8), both.score(), 1e-9);
        assertTrue(both.assigned());
    }

    @Test
    void negationWithinTheWindowHalvesTheWeight() {
        ThemeScore s = only("There is not alpha.", "a.one");
        assertTrue(s.cues().get(0).negated());
        assertEquals(1 - Math.exp(-0.5), s.score(), 1e-9);
        assertFalse(s.assigned());
        assertFalse(only("Not that, but then much later alpha.", "a.one").cues().get(0).negated());
    }

    @Test
    void cueOffsetsPointIntoTheText() {
        String text = "So beta and gamma.";
        ThemeScore s = only(text, "b.two");
        assertEquals("beta", text.substring(s.cues().get(0).start(), s.cues().get(0).end()));
    }

    @Test
    void stageGathersEvidenceAndDocumentScore() {
        String text = "Alpha first. Nothing here. Alpha again.";
        Document d = Document.of(new DocumentInfo("t", "t", null, null, "0"), text).withSentences(List.of(
                new Sentence(0, 0, 12, List.of()), new Sentence(1, 13, 26, List.of()), new Sentence(2, 27, 39, List.of())), false);
        Document out = new ThemeStage(classifier).process(d);
        assertEquals(1, out.themes().size());
        ThemeResult t = out.themes().get(0);
        assertEquals(List.of(0, 2), t.sentences());
        double s = 1 - Math.exp(-1.0);
        assertEquals(1 - (1 - s) * (1 - s), t.presence(), 1e-3, "presence: noisy-or of the evidence");
        assertEquals(2 * s / 3, t.score(), 1e-3, "salience: the mean sentence score over the three sentences");
        assertEquals("Alpha again.", t.evidence().get(1).text());
    }

    private static Document lines(String text) {
        List<Sentence> sentences = new java.util.ArrayList<>();
        int start = 0;
        for (String line : text.split("\n", -1)) {
            sentences.add(new Sentence(sentences.size(), start, start + line.length(), List.of()));
            start += line.length() + 1;
        }
        return Document.of(new DocumentInfo("t", "t", null, null, "0"), text).withSentences(sentences, false);
    }

    @Test
    void aHeadingKeepsItsCuesButCarriesNoTheme() {
        List<List<ThemeScore>> s = classifier.score(lines("Alpha Policy Today\nAlpha matters here.\nAlpha policy in five short words"));
        assertFalse(s.get(0).get(0).assigned(), "three words, no closing punctuation: a heading");
        assertEquals(1, s.get(0).get(0).cues().size());
        assertTrue(s.get(1).get(0).assigned(), "a sentence");
        assertTrue(s.get(2).get(0).assigned(), "six words are not a heading");
    }

    @Test
    void theTitleBlockBeforeTheFirstSentenceCarriesNoThemeWhateverItsLength() {
        List<List<ThemeScore>> s = classifier.score(lines("Alpha Policy in an Age of Long Titles and Longer Subtitles\n"
                + "Updated for Alpha readers on the first day of the month\nAlpha matters here.\nAlpha policy in five short words"));
        assertFalse(s.get(0).get(0).assigned(), "the title");
        assertFalse(s.get(1).get(0).assigned(), "the date line under it");
        assertTrue(s.get(2).get(0).assigned(), "the first sentence");
        assertTrue(s.get(3).get(0).assigned(), "after the first sentence only short lines are headings");
        assertTrue(java.util.Arrays.equals(new boolean[] {true, false, true, false},
                SegmentShape.headings(List.of("A long title of many words here", "", "Short One", "Then a sentence."), 5)),
                "a blank segment does not end the title block");
        assertTrue(java.util.Arrays.equals(new boolean[] {false, false}, SegmentShape.headings(List.of("A long title of many words here", "More"), 0)));
    }

    @Test
    void theHeadingRuleFollowsTheCodebook() {
        ThemeClassifier off = new ThemeClassifier(CodebookLoaderTest.parse(CodebookLoaderTest.VALID.replace(
                "\"negatedWeight\": 0.5}", "\"negatedWeight\": 0.5, \"headingMaxWords\": 0}")));
        assertEquals(0, off.codebook().settings().headingMaxWords());
        assertTrue(off.score(lines("Alpha Policy Today")).get(0).get(0).assigned());
        assertEquals(Codebook.Settings.DEFAULT_HEADING_MAX_WORDS, classifier.codebook().settings().headingMaxWords());
    }

    @Test
    void segmentShapes() {
        assertTrue(SegmentShape.heading("  Second Alpha Policy  ", 5));
        assertFalse(SegmentShape.heading("Alpha helps.", 5));
        assertFalse(SegmentShape.heading("Who helps?", 5));
        assertFalse(SegmentShape.heading("   ", 5));
        assertFalse(SegmentShape.heading("Second Alpha Policy", 0));
        assertEquals(3, SegmentShape.words("Second Alpha-Policy"));
        assertTrue(SegmentShape.terminated("He said \u201cno.\u201d"));
    }
}
