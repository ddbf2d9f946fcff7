package io.entente.store;

import static io.entente.store.TestReports.alpha;
import static io.entente.store.TestReports.beta;
import static io.entente.store.TestReports.count;
import static io.entente.store.TestReports.counts;
import static io.entente.store.TestReports.ev;
import static io.entente.store.TestReports.gamma;
import static io.entente.store.TestReports.rows;
import static io.entente.store.TestReports.snapshot;
import static io.entente.store.TestReports.snapshotOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStoreTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve(CorpusStore.DEFAULT_FILE_NAME);
    }

    @Test
    void loadsEveryTableFromTheReportsAndSkipsOtherFiles() throws Exception {
        TestReports.writeCorpus(dir);

        StoreSummary s = CorpusStore.update(dir);

        assertEquals(new StoreSummary(4, 4, 0, 0), s);
        assertTrue(Files.isRegularFile(db()));
        assertFalse(Files.exists(Path.of(db() + ".wal")), "the commit is checkpointed into the one file");
        assertEquals(Map.of("documents", 4L, "sentences", 14L, "entities", 11L, "mentions", 14L, "themes", 5L,
                "evidence", 8L, "sentence_themes", 8L), counts(db()));
    }

    @Test
    void documentColumnsHoldTheReportsMetadata() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(List.of(
                    "alpha | Alpha: a \"shared\" threat | 2019-03-15 | 2019 | 2019-03-15 | Kim, Ji-ho; Sato, Aiko"
                            + " | east-asia; alliances | 4 | security-cooperation | alpha.json",
                    "beta | Beta | null | 2020 | 2020-07 | null | null | 5 | security-cooperation | beta.json",
                    "delta | null | null | null | null | null | null | 3 | security-cooperation | delta.json",
                    "gamma | Gamma | 2021-11-02 | 2021 | 2021-11-02 | null | null | 2 | security-cooperation"
                            + " | gamma.json"),
                    rows(c, "SELECT document_id, title, date, year, date_text, authors, tags, sentences, codebook_id,"
                            + " report_file FROM documents ORDER BY document_id"));
            assertEquals("DATE", rows(c, "SELECT typeof(date) FROM documents LIMIT 1").get(0));
            assertEquals(List.of(TestReports.CODEBOOK_SHA),
                    rows(c, "SELECT DISTINCT codebook_sha256 FROM documents"));
            assertEquals(
                    List.of(io.entente.core.Resources.sha256(Files.readAllBytes(dir.resolve("alpha.json")))),
                    rows(c, "SELECT report_sha256 FROM documents WHERE document_id = 'alpha'"));
            assertEquals(
                    List.of(io.entente.core.Resources.sha256(alpha().text().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    rows(c, "SELECT sha256 FROM documents WHERE document_id = 'alpha'"));
        }
    }

    @Test
    void rowsOfEveryTableJoinOnTheirKeys() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), true)) {
            // Every mention sits in a sentence of its document, and its text is that sentence's text at its offsets.
            assertEquals(14, count(c, """
                    SELECT count(*) FROM mentions m
                    JOIN sentences s USING (document_id, sentence_index)
                    JOIN entities e USING (document_id, entity_id)
                    WHERE m.start_offset >= s.start_offset AND m.end_offset <= s.end_offset
                      AND substr(s.text, m.start_offset - s.start_offset + 1, m.end_offset - m.start_offset) = m.text"""));
            // Evidence joins its theme and its sentence, whose text it repeats.
            assertEquals(8, count(c, """
                    SELECT count(*) FROM evidence e
                    JOIN themes t USING (document_id, theme_id)
                    JOIN sentences s USING (document_id, sentence_index)
                    WHERE s.text = e.text AND s.start_offset = e.start_offset"""));
            // sentence_themes and evidence agree here (each evidence sentence carries its theme).
            assertEquals(8, count(c, """
                    SELECT count(*) FROM sentence_themes st
                    JOIN evidence e USING (document_id, sentence_index, theme_id)"""));
            // Theme sentence counts and shares.
            assertEquals(List.of(
                    "alpha | history.legacy | obstacle | 1 | 0.25 | JPN",
                    "alpha | threat.shared | driver | 2 | 0.5 | KOR,JPN",
                    "beta | threat.shared | driver | 3 | 0.6 | KOR,JPN,USA",
                    "delta | threat.shared | driver | 1 | 0.3333333333333333 | USA,KOR",
                    "gamma | history.legacy | obstacle | 1 | 0.5 | JPN"),
                    rows(c, "SELECT document_id, theme_id, polarity, sentence_count, sentence_share, actors"
                            + " FROM themes ORDER BY document_id, theme_id"));
            assertEquals(List.of("alpha | 0 | COUNTRY | South Korea | KOR | null | null | 2",
                    "alpha | 1 | COUNTRY | Japan | JPN | null | null | 2",
                    "alpha | 2 | ORGANIZATION | NATO | null | null | null | 1"),
                    rows(c, "SELECT * FROM entities WHERE document_id = 'alpha' ORDER BY entity_id"));
            assertEquals(List.of("beta | threat.shared | 1 | 1 | 0.95 | KOR,JPN"),
                    rows(c, "SELECT document_id, theme_id, evidence_index, sentence_index, score, actors FROM evidence"
                            + " WHERE document_id = 'beta' AND score > 0.9"));
            // Every table's document_id is a document.
            for (String table : CorpusStore.TABLES) {
                assertEquals(0, count(c, "SELECT count(*) FROM " + table
                        + " WHERE document_id NOT IN (SELECT document_id FROM documents)"), table);
            }
        }
    }

    @Test
    void textWithQuotesLineBreaksAndNonAsciiIsKeptExactly() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(alpha().sentences,
                    rows(c, "SELECT text FROM sentences WHERE document_id = 'alpha' ORDER BY sentence_index"));
        }
    }

    @Test
    void secondUpdateChangesOnlyTheRowsOfChangedRemovedAndAddedDocuments() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        Map<String, List<String>> before = snapshot(db());
        Map<String, List<String>> untouchedBefore = snapshotOf(db(), "alpha", "beta");
        Map<String, List<String>> gammaBefore = snapshotOf(db(), "gamma");

        // gamma changes (its text, so document.sha256 too), delta goes, epsilon comes.
        gamma().sentences("Tokyo and Seoul cannot agree.")
                .theme("mutual.distrust", "obstacle", ev(2, 0.7)).write(dir);
        Files.delete(dir.resolve("delta.json"));
        new TestReports.Doc("epsilon", "2021-05-05").sentences("Beijing presses.", "Seoul answers.")
                .entity("COUNTRY", "China", "CHN", 0).theme("threat.shared", "driver", ev(0, 0.6, "CHN"))
                .write(dir);

        StoreSummary s = CorpusStore.update(dir);

        assertEquals(new StoreSummary(4, 1, 1, 1), s);
        assertEquals(2, s.unchanged());
        assertEquals(untouchedBefore, snapshotOf(db(), "alpha", "beta"), "alpha and beta are untouched");
        Map<String, List<String>> gammaAfter = snapshotOf(db(), "gamma");
        assertNotEquals(gammaBefore.get("documents"), gammaAfter.get("documents"));
        assertEquals(3, gammaAfter.get("sentences").size());
        assertEquals(2, gammaAfter.get("themes").size());
        assertTrue(snapshotOf(db(), "delta").values().stream().allMatch(List::isEmpty), "delta is gone everywhere");
        Map<String, List<String>> epsilon = snapshotOf(db(), "epsilon");
        assertEquals(List.of(1, 2, 1, 1, 1, 1, 1), epsilon.values().stream().map(List::size).toList());
        assertEquals(Map.of("documents", 4L, "sentences", 14L - 3 - 2 + 3 + 2, "entities", 11L - 2 + 1,
                "mentions", 14L - 2 + 1, "themes", 5L - 1 + 1 + 1, "evidence", 8L - 1 + 1 + 1,
                "sentence_themes", 8L - 1 + 1 + 1), counts(db()));
        // Rows of alpha and beta are exactly those of before; the rest differs only by gamma, delta, epsilon.
        Map<String, List<String>> after = snapshot(db());
        for (String table : CorpusStore.TABLES) {
            List<String> kept = before.get(table).stream()
                    .filter(r -> r.startsWith("alpha |") || r.startsWith("beta |")).toList();
            assertTrue(after.get(table).containsAll(kept), table);
        }

        // And a run with nothing changed changes nothing.
        assertEquals(new StoreSummary(4, 0, 0, 0), CorpusStore.update(dir));
        assertEquals(after, snapshot(db()));
    }

    @Test
    void changedMetadataAloneCountsAsAnUpdate() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        // Same text (document.sha256) and codebook, new title: the report file changed, so its rows must.
        alpha().title("Alpha, revised").write(dir);
        assertEquals(new StoreSummary(4, 0, 1, 0), CorpusStore.update(dir));
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(List.of("Alpha, revised"), rows(c, "SELECT title FROM documents WHERE document_id = 'alpha'"));
        }
    }

    @Test
    void reportsOfAnotherSchemaVersionAreSkipped() throws Exception {
        TestReports.writeCorpus(dir);
        var json = new TestReports.Doc("future", "2022-01-01").sentences("Later.").json().put("schemaVersion", 2);
        Files.writeString(dir.resolve("future.json"), TestReports.JSON.writeValueAsString(json));
        assertEquals(new StoreSummary(4, 4, 0, 0), CorpusStore.update(dir));
    }

    @Test
    void emptyFolderGivesAnEmptyStoreAndRemovingAllReportsEmptiesIt() throws Exception {
        assertEquals(new StoreSummary(0, 0, 0, 0), CorpusStore.update(dir));
        assertEquals(0L, counts(db()).get("documents"));
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        for (String id : List.of("alpha", "beta", "gamma", "delta")) {
            Files.delete(dir.resolve(id + ".json"));
        }
        assertEquals(new StoreSummary(0, 0, 0, 4), CorpusStore.update(dir));
        assertTrue(counts(db()).values().stream().allMatch(n -> n == 0));
    }

    @Test
    void aStoreElsewhereAndAMissingFolder() throws Exception {
        TestReports.writeCorpus(dir);
        Path elsewhere = dir.resolve("out/store/corpus.duckdb");
        assertEquals(4, CorpusStore.update(dir, elsewhere).documents());
        assertEquals(4L, counts(elsewhere).get("documents"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> CorpusStore.update(dir.resolve("nope"), elsewhere));
    }

    @Test
    void aStoreOfAnOlderLayoutIsRebuilt() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), false); var st = c.createStatement()) {
            st.execute("UPDATE store_info SET value = '0' WHERE key = 'store_schema_version'");
            st.execute("ALTER TABLE themes DROP COLUMN actors");
        }
        assertEquals(new StoreSummary(4, 4, 0, 0), CorpusStore.update(dir));
        assertEquals(5L, counts(db()).get("themes"));
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(List.of(Integer.toString(CorpusStore.STORE_SCHEMA_VERSION)),
                    rows(c, "SELECT value FROM store_info WHERE key = 'store_schema_version'"));
            assertEquals(List.of("KOR,JPN"), rows(c, "SELECT actors FROM themes WHERE document_id = 'alpha'"
                    + " AND theme_id = 'threat.shared'"));
        }
    }

    @Test
    void entitiesCarryTheReportsKindAndSovereignAndNullsForReportsWithout() throws Exception {
        TestReports.writeCorpus(dir);
        TestReports.harbour().write(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(List.of(
                    "0 | HKG | territory | CHN",
                    "1 | USA | state | null",
                    "2 | CHN | state | null",
                    "3 | MAC | territory | CHN"), rows(c, "SELECT entity_id, code, kind, sovereign FROM entities"
                    + " WHERE document_id = 'harbour' ORDER BY entity_id"));
            // alpha is an old-style report: no kind, no sovereign on its entities.
            assertEquals(List.of(
                    "KOR | null | null",
                    "JPN | null | null",
                    "null | null | null"), rows(c, "SELECT code, kind, sovereign FROM entities"
                    + " WHERE document_id = 'alpha' ORDER BY entity_id"));
        }
    }

    @Test
    void aStoreOfTheFirstLayoutGainsKindAndSovereignOnTheNextUpdate() throws Exception {
        TestReports.writeCorpus(dir);
        TestReports.harbour().write(dir);
        CorpusStore.update(dir);
        // The layout of version 1: entities without kind and sovereign.
        try (Connection c = CorpusStore.open(db(), false); var st = c.createStatement()) {
            st.execute("UPDATE store_info SET value = '1' WHERE key = 'store_schema_version'");
            st.execute("ALTER TABLE entities DROP COLUMN kind");
            st.execute("ALTER TABLE entities DROP COLUMN sovereign");
        }
        assertEquals(new StoreSummary(5, 5, 0, 0), CorpusStore.update(dir), "every report loaded again");
        try (Connection c = CorpusStore.open(db(), true)) {
            assertEquals(List.of("HKG | territory | CHN"), rows(c, "SELECT code, kind, sovereign FROM entities"
                    + " WHERE document_id = 'harbour' AND entity_id = 0"));
            assertEquals(List.of(Integer.toString(CorpusStore.STORE_SCHEMA_VERSION)),
                    rows(c, "SELECT value FROM store_info WHERE key = 'store_schema_version'"));
        }
        assertEquals(new StoreSummary(5, 0, 0, 0), CorpusStore.update(dir), "and then incremental again");
    }

    @Test
    void aStoreOfANewerLayoutIsRefused() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), false); var st = c.createStatement()) {
            st.execute("UPDATE store_info SET value = '99' WHERE key = 'store_schema_version'");
        }
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertEquals(4L, counts(db()).get("documents"));
    }

    @Test
    void schemaMarkdownIsSchemaMdAndDocumentsEveryColumn() throws Exception {
        String md = CorpusStore.schemaMarkdown();
        assertEquals(Files.readString(Path.of("SCHEMA.md")), md, "schemaMarkdown() returns modules/store/SCHEMA.md");
        assertTrue(md.startsWith("## "), "a Markdown section");
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        try (Connection c = CorpusStore.open(db(), true)) {
            for (String table : CorpusStore.TABLES) {
                List<String> documented = SchemaDoc.columns(md, table);
                List<String> actual = rows(c, "SELECT column_name || ' ' || data_type"
                        + " || CASE WHEN is_nullable = 'YES' THEN ' NULL' ELSE '' END FROM information_schema.columns"
                        + " WHERE table_name = '" + table + "' ORDER BY ordinal_position");
                assertEquals(actual, documented, "columns of " + table + " in SCHEMA.md");
            }
        }
    }
}
