package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Polarity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second codebook, of another domain: packaged, valid, and its own examples carry their themes. */
class ClimateCodebookTest {
    private static final Codebook CLIMATE = CodebookLoader.parse(
            io.entente.core.Resources.load(null, "models/codebooks/climate-cooperation.json"));

    @Test
    void hasEightThemesOfBothPolaritiesWithCuesAndExamples() {
        assertEquals("climate-cooperation", CLIMATE.id());
        assertEquals(List.of("shared.vulnerability", "finance.transfers", "technology.cooperation", "institutional.regimes",
                "free.riding", "equity.responsibility", "domestic.opposition", "economic.competitiveness"),
                CLIMATE.themes().stream().map(Codebook.Theme::id).toList());
        assertEquals(4, CLIMATE.themes().stream().filter(t -> t.polarity() == Polarity.DRIVER).count());
        for (Codebook.Theme t : CLIMATE.themes()) {
            assertTrue(t.cues().size() >= 15 && t.cues().size() <= 40, t.id() + ": " + t.cues().size() + " cues");
            assertEquals(3, t.examples().size(), t.id());
        }
    }

    @Test
    void everyExampleCarriesItsTheme() {
        ThemeClassifier classifier = new ThemeClassifier(CLIMATE);
        StringBuilder misses = new StringBuilder();
        for (Codebook.Theme t : CLIMATE.themes()) {
            for (String example : t.examples()) {
                boolean assigned = classifier.score(example, 0, example.length()).stream()
                        .anyMatch(s -> s.themeId().equals(t.id()) && s.assigned());
                if (!assigned) {
                    misses.append('\n').append(t.id()).append(" misses its example: ").append(example).append(' ')
                            .append(classifier.score(example, 0, example.length()));
                }
            }
        }
        assertEquals("", misses.toString());
    }
}
