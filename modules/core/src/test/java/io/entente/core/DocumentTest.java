package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTest {
    private static final String TEXT = "Korea and Japan met. They agreed.";
    private static final DocumentInfo INFO = new DocumentInfo("doc", "in/doc.txt", "A Title", "2019-08-22",
            Resources.sha256(TEXT));

    private static List<Sentence> sentences() {
        return List.of(
                new Sentence(0, 0, 20, List.of(new Token(0, 5, "Korea"), new Token(6, 9, "and"), new Token(10, 15, "Japan"),
                        new Token(16, 19, "met"), new Token(19, 20, "."))),
                new Sentence(1, 21, 33, List.of(new Token(21, 25, "They"), new Token(26, 32, "agreed"), new Token(32, 33, "."))));
    }

    private static Entity korea() {
        return new Entity(EntityType.COUNTRY, "South Korea", "KOR", List.of(new Mention(0, 5, "Korea", 0, "gazetteer")));
    }

    private static ThemeResult theme() {
        return new ThemeResult("shared-threat", Polarity.DRIVER, "Shared threat", 0.8, List.of(0),
                List.of(new ThemeEvidence(0, 0, 20, "Korea and Japan met.", 0.8, List.of("KOR", "JPN"),
                        List.of(new CueMatch("met", 16, 19, false)))),
                List.of("KOR", "JPN"));
    }

    @Test
    void ofHoldsOnlyText() {
        Document d = Document.of(INFO, TEXT);
        assertEquals(EnumSet.of(Layer.TEXT), d.layers());
        assertTrue(d.has(Layer.TEXT));
        assertFalse(d.has(Layer.SENTENCES));
        assertTrue(d.sentences().isEmpty());
        assertTrue(d.entities().isEmpty());
        assertTrue(d.themes().isEmpty());
        assertEquals("doc", d.id());
        assertEquals(0, d.tokenCount());
    }

    @Test
    void withSentencesAddsSentenceLayerAndTokensOnlyWhenTokenized() {
        Document base = Document.of(INFO, TEXT);
        Document untokenized = base.withSentences(sentences(), false);
        assertTrue(untokenized.has(Layer.SENTENCES));
        assertFalse(untokenized.has(Layer.TOKENS));

        Document tokenized = base.withSentences(sentences(), true);
        assertEquals(EnumSet.of(Layer.TEXT, Layer.SENTENCES, Layer.TOKENS), tokenized.layers());
        assertEquals(2, tokenized.sentences().size());
        assertEquals(8, tokenized.tokenCount());
        assertEquals("They agreed.", tokenized.sentences().get(1).text(TEXT));
    }

    @Test
    void layersAccumulateAndKeepEarlierContent() {
        Document d = Document.of(INFO, TEXT).withSentences(sentences(), true).withEntities(List.of(korea()))
                .withThemes(List.of(theme()));
        assertEquals(EnumSet.allOf(Layer.class), d.layers());
        assertEquals(2, d.sentences().size());
        assertEquals(List.of(korea()), d.entities());
        assertEquals(List.of(theme()), d.themes());
        assertEquals(1, d.entities().get(0).count());
        assertSame(INFO, d.info());
        assertSame(TEXT, d.text());
    }

    @Test
    void withInfoKeepsLayers() {
        Document d = Document.of(INFO, TEXT).withSentences(sentences(), true);
        DocumentInfo other = new DocumentInfo("other", "x", null, null, INFO.sha256());
        Document e = d.withInfo(other);
        assertEquals("other", e.id());
        assertEquals(d.layers(), e.layers());
        assertEquals(d.sentences(), e.sentences());
    }

    @Test
    void enrichingDoesNotChangeTheOriginal() {
        Document base = Document.of(INFO, TEXT);
        Document withSentences = base.withSentences(sentences(), true);
        withSentences.withEntities(List.of(korea())).withThemes(List.of(theme()));
        assertEquals(EnumSet.of(Layer.TEXT), base.layers());
        assertTrue(base.sentences().isEmpty());
        assertEquals(EnumSet.of(Layer.TEXT, Layer.SENTENCES, Layer.TOKENS), withSentences.layers());
        assertTrue(withSentences.entities().isEmpty());
        assertTrue(withSentences.themes().isEmpty());
    }

    @Test
    void listsAreCopiedOnConstruction() {
        List<Sentence> mutable = new ArrayList<>(sentences());
        List<Entity> entities = new ArrayList<>(List.of(korea()));
        Document d = Document.of(INFO, TEXT).withSentences(mutable, true).withEntities(entities);
        mutable.clear();
        entities.add(new Entity(EntityType.PERSON, "Dr. Chung", null, List.of(new Mention(0, 3, "Chu", 0, "ner"))));
        assertEquals(2, d.sentences().size());
        assertEquals(1, d.entities().size());
    }

    @Test
    void listsAreUnmodifiable() {
        Document d = Document.of(INFO, TEXT).withSentences(sentences(), true).withEntities(List.of(korea()))
                .withThemes(List.of(theme()));
        assertThrows(UnsupportedOperationException.class, () -> d.sentences().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.entities().add(korea()));
        assertThrows(UnsupportedOperationException.class, () -> d.themes().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> d.layers().add(Layer.THEMES));
        assertThrows(UnsupportedOperationException.class, () -> d.sentences().get(0).tokens().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.entities().get(0).mentions().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.themes().get(0).evidence().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.themes().get(0).actors().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.themes().get(0).evidence().get(0).cues().clear());
    }

    @Test
    void requiresInfoAndText() {
        assertThrows(NullPointerException.class, () -> Document.of(null, TEXT));
        assertThrows(NullPointerException.class, () -> Document.of(INFO, null));
    }

    @Test
    void countryNeedsCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Entity(EntityType.COUNTRY, "Japan", null, List.of()));
        assertTrue(e.getMessage().contains("Japan"), e.getMessage());
        assertEquals(0, new Entity(EntityType.ORGANIZATION, "NATO", null, List.of()).count());
    }

    @Test
    void layerRecordsRejectEmptyOrInvertedSpans() {
        assertThrows(IllegalArgumentException.class, () -> new Sentence(0, 5, 5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Token(3, 2, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Mention(-1, 2, "x", 0, "ner"));
    }
}
