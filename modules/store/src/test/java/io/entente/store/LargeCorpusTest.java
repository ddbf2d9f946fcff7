package io.entente.store;

import static io.entente.store.TestReports.counts;
import static io.entente.store.TestReports.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of documents load in seconds: the appenders write in bulk, and an update that changes
 * one report touches only its rows. {@code -Dentente.store.speedDocs=N} sets the corpus size.
 */
class LargeCorpusTest {
    private static final int DOCS = Integer.getInteger("entente.store.speedDocs", 2000);
    private static final int SENTENCES = 40;
    private static final String[] COUNTRIES = {"KOR", "JPN", "USA", "CHN", "RUS", "PRK", "AUS", "IND"};

    @TempDir
    Path dir;

    private static TestReports.Doc doc(int i) {
        String[] s = new String[SENTENCES];
        for (int k = 0; k < SENTENCES; k++) {
            s[k] = "Sentence " + k + " of paper " + i + " names " + COUNTRIES[(i + k) % COUNTRIES.length]
                    + ", which \"matters\", again.";
        }
        TestReports.Doc d = new TestReports.Doc(String.format("paper-%05d", i), (2000 + i % 25) + "-01-01")
                .title("Paper " + i).sentences(s);
        for (int e = 0; e < 10; e++) {
            d.entity("COUNTRY", "Country " + e, COUNTRIES[e % COUNTRIES.length], e, e + 10, e + 20);
        }
        for (int t = 0; t < 5; t++) {
            d.theme("theme." + t, t % 2 == 0 ? "driver" : "obstacle", ev(t, 0.5, "KOR"), ev(t + 10, 0.6, "JPN"),
                    ev(t + 20, 0.7));
        }
        return d;
    }

    @Test
    void thousandsOfDocumentsLoadAndUpdateIncrementally() throws Exception {
        for (int i = 0; i < DOCS; i++) {
            doc(i).write(dir);
        }
        long t0 = System.nanoTime();
        StoreSummary first = CorpusStore.update(dir);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(new StoreSummary(DOCS, DOCS, 0, 0), first);
        Map<String, Long> n = counts(dir.resolve(CorpusStore.DEFAULT_FILE_NAME));
        assertEquals(Map.of("documents", (long) DOCS, "sentences", (long) DOCS * SENTENCES, "entities", DOCS * 10L,
                "mentions", DOCS * 30L, "themes", DOCS * 5L, "evidence", DOCS * 15L, "sentence_themes", DOCS * 15L), n);

        doc(7).title("Paper 7, revised").write(dir);
        Files.delete(dir.resolve("paper-00008.json"));
        long t1 = System.nanoTime();
        StoreSummary second = CorpusStore.update(dir);
        double updateSeconds = (System.nanoTime() - t1) / 1e9;
        assertEquals(new StoreSummary(DOCS - 1, 0, 1, 1), second);

        System.out.printf("store: %d documents (%d rows) loaded in %.1f s; one changed and one removed in %.1f s%n",
                DOCS, n.values().stream().mapToLong(Long::longValue).sum(), loadSeconds, updateSeconds);
    }
}
