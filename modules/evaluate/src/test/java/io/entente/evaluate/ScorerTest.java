package io.entente.evaluate;

import io.entente.gold.Counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.EntityType;
import java.util.ArrayList;
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
}
