package io.entente.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.tokenize.TokenizeStage;
import io.entente.tokenize.TokenizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityStageTest {
    private static TokenizeStage tokenize;
    private static EntityStage entities;

    @BeforeAll
    static void load() {
        tokenize = new TokenizeStage(TokenizerConfig.defaults());
        entities = new EntityStage(EntityConfig.defaults());
    }

    static Document tokenize(String text) {
        return tokenize.process(Document.of(new DocumentInfo("t", "t", null, null, "0"), text));
    }

    static Document analyze(String text) {
        return entities.process(tokenize.process(Document.of(new DocumentInfo("t", "t", null, null, "0"), text)));
    }

    static Set<String> names(Document d, EntityType type) {
        Set<String> out = new TreeSet<>();
        for (Entity e : d.entities()) {
            if (e.type() == type) {
                out.add(type == EntityType.COUNTRY ? e.code() : e.canonical());
            }
        }
        return out;
    }

    static Entity entity(Document d, String codeOrName) {
        return d.entities().stream().filter(e -> codeOrName.equals(e.code()) || codeOrName.equals(e.canonical()))
                .findFirst().orElseThrow(() -> new AssertionError(codeOrName + " not in " + d.entities()));
    }

    @Test
    void countryFormsNormalizeToOneCode() {
        Document d = analyze("The ROK and Japan met. South Korea said Seoul would act. South Korean officials "
                + "and the Republic of Korea agreed with Tokyo and the U.S. on North Korea and the DPRK.");
        assertEquals(Set.of("KOR", "JPN", "USA", "PRK"), names(d, EntityType.COUNTRY));
        List<String> kor = entity(d, "KOR").mentions().stream().map(Mention::text).toList();
        assertEquals(List.of("ROK", "South Korea", "Seoul", "South Korean", "Republic of Korea"), kor);
        assertEquals("South Korea", entity(d, "KOR").canonical());
    }

    @Test
    void regionsAreNotCountries() {
        Document d = analyze("Peace on the Korean Peninsula matters for Northeast Asia and the South China Sea.");
        assertTrue(names(d, EntityType.COUNTRY).isEmpty(), names(d, EntityType.COUNTRY).toString());
    }

    @Test
    void mentionOffsetsMatchTheText() {
        String text = "Beijing and Moscow disagreed with Washington about Pyongyang.";
        Document d = analyze(text);
        for (Entity e : d.entities()) {
            for (Mention m : e.mentions()) {
                assertEquals(m.text(), text.substring(m.start(), m.end()));
                assertTrue(m.start() < m.end());
            }
        }
        assertTrue(names(d, EntityType.COUNTRY).containsAll(Set.of("CHN", "RUS", "PRK")));
    }

    @Test
    void titledAndBareSurnameAreOnePerson() {
        Document d = analyze("Dr. Chung graduated from the Korea Military Academy. Later, Chung taught at Hanyang University. "
                + "Lt Gen (Ret.) Izumi was an advisor. Izumi retired.");
        assertEquals(Set.of("Chung", "Izumi"), names(d, EntityType.PERSON));
        assertEquals(2, entity(d, "Chung").count());
        assertTrue(names(d, EntityType.ORGANIZATION).containsAll(Set.of("Korea Military Academy", "Hanyang University")));
    }

    @Test
    void shortNameJoinsTheFullestName() {
        Document d = analyze("Prime Minister Shinzo Abe visited Seoul. Abe met President Moon Jae-in. Moon spoke.");
        assertTrue(names(d, EntityType.PERSON).containsAll(Set.of("Shinzo Abe", "Moon Jae-in")), names(d, EntityType.PERSON).toString());
        assertFalse(names(d, EntityType.PERSON).contains("Abe"));
        assertEquals(2, entity(d, "Shinzo Abe").count());
    }

    @Test
    void definedAcronymsJoinTheirOrganization() {
        Document d = analyze("The Self-Defense Forces (SDF) trained with the Ministry of National Defense. The SDF returned.");
        Entity sdf = entity(d, "Self-Defense Forces");
        assertEquals(3, sdf.count());
        assertTrue(names(d, EntityType.ORGANIZATION).contains("Ministry of National Defense"));
    }

    @Test
    void agreementsAndIslandsAreNotEntities() {
        Document d = analyze("Seoul ended GSOMIA. Both claim Dokdo, which Japan calls Takeshima.");
        assertFalse(names(d, EntityType.ORGANIZATION).contains("GSOMIA"));
        assertFalse(names(d, EntityType.PERSON).contains("Dokdo"));
        assertFalse(names(d, EntityType.PERSON).contains("Takeshima"));
    }

    @Test
    void concurrentResultsEqualSequentialOnes() throws Exception {
        List<String> texts = List.of(
                "Japan and South Korea signed GSOMIA in 2016.",
                "Dr. Chung taught at the Korea National Defense University.",
                "President Donald Trump met Kim Jong Un in Singapore.",
                "China and Russia opposed the UN Security Council statement.");
        List<List<Entity>> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(analyze(t).entities());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int k = i % texts.size();
                checks.add(pool.submit(() -> analyze(texts.get(k)).entities().equals(expected.get(k))));
            }
            for (Future<Boolean> f : checks) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
