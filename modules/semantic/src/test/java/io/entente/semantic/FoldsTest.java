package io.entente.semantic;

import io.entente.gold.GoldDocument;

import io.entente.gold.GoldCorpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FoldsTest {
    private static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("doc-" + (char) ('a' + i));
        }
        return out;
    }

    @Test
    void everyDocumentInExactlyOneFoldOfEqualSize() {
        Map<String, Integer> f = Folds.byDocument(ids(24), 6, 1);
        assertEquals(24, f.size());
        Map<Integer, Integer> sizes = new TreeMap<>();
        f.values().forEach(k -> sizes.merge(k, 1, Integer::sum));
        assertEquals(Map.of(0, 4, 1, 4, 2, 4, 3, 4, 4, 4, 5, 4), sizes);
    }

    @Test
    void deterministicAndIndependentOfInputOrder() {
        List<String> shuffled = ids(24);
        Collections.reverse(shuffled);
        assertEquals(Folds.byDocument(ids(24), 6, 1), Folds.byDocument(shuffled, 6, 1));
        assertNotEquals(Folds.byDocument(ids(24), 6, 1), Folds.byDocument(ids(24), 6, 2));
    }

    @Test
    void sentencesFollowTheirDocument() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("folds");
        try {
            GoldCorpus gold = GoldCorpus.read(ToyData.gold(dir));
            Map<String, Integer> f = Folds.byDocument(gold.documents().stream().map(GoldDocument::id).toList(), 3, 1);
            assertEquals(6, f.size(), "one entry per document, not per sentence");
            assertEquals(36, gold.sentenceCount());
        } finally {
            try (var s = java.nio.file.Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void tooFewDocumentsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Folds.byDocument(ids(3), 6, 1));
    }
}
