package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CooperationAndModalityModelTest {
    private static final String TEXT = "Korea and Japan met.";
    private static final DocumentInfo INFO = new DocumentInfo("doc", "doc.txt", null, null, Resources.sha256(TEXT));
    private static final CooperationPair PAIR = new CooperationPair("JPN-KOR", List.of("JPN", "KOR"), 3,
            List.of(new CooperationPair.PairTheme("history.legacy", 2)));

    @Test
    void cooperationSurvivesEveryLaterLayer() {
        Document d = Document.of(INFO, TEXT).withCooperation(List.of(PAIR));
        assertEquals(EnumSet.of(Layer.TEXT), d.layers(), "withCooperation adds no layer");
        d = d.withSentences(List.of(new Sentence(0, 0, 20, List.of())), false).withEntities(List.of())
                .withThemes(List.of()).withInfo(INFO);
        assertEquals(List.of(PAIR), d.cooperation());
    }

    @Test
    void theOlderConstructorsStillWorkAndHaveNoPairs() {
        Document seven = new Document(INFO, TEXT, List.of(), List.of(), List.of(), List.of(), EnumSet.of(Layer.TEXT));
        Document six = new Document(INFO, TEXT, List.of(), List.of(), List.of(), EnumSet.of(Layer.TEXT));
        assertEquals(List.of(), seven.cooperation());
        assertEquals(seven, six);
        assertEquals(List.of(), new Document(INFO, TEXT, null, List.of(), List.of(), List.of(), layers(), null).cooperation());
    }

    private static java.util.Set<Layer> layers() {
        return EnumSet.of(Layer.TEXT);
    }

    @Test
    void aPairIsItsCountriesJoined() {
        assertThrows(IllegalArgumentException.class, () -> new CooperationPair("KOR-JPN", List.of("JPN", "KOR"), 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CooperationPair("JPN", List.of("JPN"), 1, List.of()));
    }

    @Test
    void evidenceWithoutModalityIsStated() {
        ThemeEvidence e = new ThemeEvidence(0, 0, 20, TEXT, 0.7, List.of("KOR"), List.of());
        assertEquals(Modality.STATED, e.modality());
        assertEquals(Modality.STATED, new ThemeEvidence(0, 0, 20, TEXT, 0.7, List.of(), List.of(), null).modality());
    }

    @Test
    void precedenceIsNegatedHypotheticalRecommendedStated() {
        assertEquals(Modality.NEGATED, Modality.strongest(Modality.HYPOTHETICAL, Modality.NEGATED));
        assertEquals(Modality.HYPOTHETICAL, Modality.strongest(Modality.RECOMMENDED, Modality.HYPOTHETICAL));
        assertEquals(Modality.RECOMMENDED, Modality.strongest(Modality.STATED, Modality.RECOMMENDED));
        assertEquals(Modality.STATED, Modality.strongest(Modality.STATED, Modality.STATED));
        assertEquals(Modality.HYPOTHETICAL, Modality.parse("hypothetical"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Modality.parse("maybe")).getMessage().contains("'maybe'"));
    }
}
