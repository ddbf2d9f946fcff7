package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The packaged codebook on passing words that used to fire a theme alone, and on sentences that do
 * argue those themes (sentences written for this test).
 */
class PassingWordsTest {
    private static final ThemeClassifier LEXICON = new ThemeClassifier(CodebookLoader.load(null));

    private static boolean fires(String sentence, String theme) {
        return LEXICON.score(sentence, 0, sentence.length()).stream()
                .anyMatch(s -> s.themeId().equals(theme) && s.assigned());
    }

    @Test
    void wartimeCommandIsNotAHistoricalGrievance() {
        assertFalse(fires("The transfer of wartime operational control to the combined command is planned for next year.", "history.legacy"));
        assertTrue(fires("Victims of wartime forced labor still demand compensation from the companies.", "history.legacy"));
    }

    @Test
    void civilEnrichmentIsNotAThreat() {
        assertFalse(fires("The agreement lets the country enrich uranium for peaceful purposes under safeguards.", "threat.shared"));
        assertTrue(fires("The regime tested a nuclear warhead and launched two ballistic missiles.", "threat.shared"));
    }

    @Test
    void aHeadingThatNamesTheAllysAdministrationIsNotAlliancePolitics() {
        assertFalse(fires("Second Trump Administration Policy", "alliance.dynamics"));
        assertTrue(fires("Both allies fear abandonment as Washington presses them to share the burden of their defense.", "alliance.dynamics"));
    }
}
