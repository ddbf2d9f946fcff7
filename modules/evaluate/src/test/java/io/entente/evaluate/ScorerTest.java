package io.entente.evaluate;

import io.entente.gold.Counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Sentence;
import io.entente.gold.GoldDocument;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static Counts match(EntityType type, Set<String> predicted, Set<String> gold, Set<String> optional) {
        return Scorer.matchEntities(type, new LinkedHashSet<>(predicted), gold, optional, new ArrayList<>(), new ArrayList<>());
    }

    @Test
    void lenientContainmentIsWordBased() {
        assertTrue(Scorer.lenient("Japan's Defense Agency", "Defense Agency"));
        assertTrue(Scorer.lenient("TOYOTA Motor Corporation", "Toyota Motor Corporation"));
        assertTrue(Scorer.lenient("U.S. Army Command and General Staff College", "U.S. Army Command & General Staff College"));
        assertFalse(Scorer.lenient("UN", "UNTAC"));
    }

    @Test
    void oneToOneWithExactMatchesFirst() {
        Counts c = match(EntityType.ORGANIZATION, Set.of("National Defense University", "Korea National Defense University"),
                Set.of("Korea National Defense University", "U.S. National Defense University"), Set.of());
        assertEquals(new Counts(2, 0, 0), c);
        c = match(EntityType.PERSON, Set.of("Abe"), Set.of("Abe Shinzo", "Shinzo Abe"), Set.of());
        assertEquals(new Counts(1, 0, 1), c);
    }

    @Test
    void optionalEntriesCountNeitherWay() {
        List<String> spurious = new ArrayList<>();
        Counts c = Scorer.matchEntities(EntityType.ORGANIZATION, new LinkedHashSet<>(List.of("Six-Party Talks", "Foo Bank")),
                Set.of(), Set.of("Six-Party Talks"), new ArrayList<>(), spurious);
        assertEquals(new Counts(0, 1, 0), c);
        assertEquals(List.of("Foo Bank"), spurious);
    }

    @Test
    void countriesCompareByCode() {
        assertEquals(new Counts(1, 1, 1), match(EntityType.COUNTRY, Set.of("KOR", "CHN"), Set.of("KOR", "JPN"), Set.of()));
        assertEquals(new Counts(1, 0, 0), match(EntityType.COUNTRY, Set.of("KOR", "SGP"), Set.of("KOR"), Set.of("SGP")));
    }

    @Test
    void f1IsTheHarmonicMean() {
        Counts c = new Counts(6, 2, 4);
        assertEquals(0.75, c.precision(), 1e-9);
        assertEquals(0.6, c.recall(), 1e-9);
        assertEquals(2 * 0.75 * 0.6 / 1.35, c.f1(), 1e-9);
    }

    @Test
    void aGoldFileWithoutEntityLabelsScoresThemesOnly() {
        String text = "Japan and Korea drilled together.";
        Document doc = new Document(new DocumentInfo("d", "d.txt", "d", null, "0"), text,
                List.of(new Sentence(0, 0, text.length(), List.of())),
                List.of(new Entity(EntityType.COUNTRY, "Japan", "JPN", List.of()), new Entity(EntityType.COUNTRY, "Korea", "KOR", List.of())),
                List.of(), EnumSet.of(Layer.TEXT, Layer.SENTENCES, Layer.ENTITIES));
        List<GoldDocument.GoldSentence> sentences = List.of(new GoldDocument.GoldSentence(0, text.length(), Set.of()));
        Scorer.Result themesOnly = Scorer.score(doc, new GoldDocument("d", text, sentences));
        assertTrue(themesOnly.entities().isEmpty(), "no entity counts without entity labels");
        Scorer.Result labelled = Scorer.score(doc, new GoldDocument("e", text, sentences,
                Map.of(EntityType.COUNTRY, Set.of("JPN")), Map.of()));
        assertEquals(new Counts(1, 1, 0), labelled.entities().get(EntityType.COUNTRY));

        Evaluation none = Evaluation.of(List.of(themesOnly));
        assertEquals(0, none.entityLabelledDocuments());
        assertEquals(Counts.ZERO, none.entities(EntityType.COUNTRY));
        assertTrue(none.table(false).contains("entities: not scored"), none.table(false));
        assertFalse(none.json().contains("\"COUNTRY\""), "no entity figures in the JSON");
        Evaluation mixed = Evaluation.of(List.of(themesOnly, labelled));
        assertEquals(1, mixed.entityLabelledDocuments());
        assertEquals(new Counts(1, 1, 0), mixed.entities(EntityType.COUNTRY), "the unlabelled paper's countries are not spurious");
        assertTrue(mixed.table(false).contains("1 have theme labels only"), mixed.table(false));
    }
}
