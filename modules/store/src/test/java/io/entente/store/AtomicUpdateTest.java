package io.entente.store;

import static io.entente.store.TestReports.counts;
import static io.entente.store.TestReports.ev;
import static io.entente.store.TestReports.gamma;
import static io.entente.store.TestReports.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update that fails or dies half-way leaves the previous database readable, with the previous content. */
class AtomicUpdateTest {
    @TempDir
    Path dir;
    private Path db;
    private Map<String, List<String>> before;

    @BeforeEach
    void previousStore() throws Exception {
        TestReports.writeCorpus(dir);
        db = dir.resolve(CorpusStore.DEFAULT_FILE_NAME);
        assertEquals(new StoreSummary(4, 4, 0, 0), CorpusStore.update(dir));
        before = snapshot(db);
        assertEquals(4, before.get("documents").size());
    }

    /** Changes that a successful update would apply: gamma changed, delta removed, epsilon added. */
    private void pendingChanges() throws IOException {
        gamma().sentences("Tokyo and Seoul cannot agree.").theme("mutual.distrust", "obstacle", ev(2, 0.7)).write(dir);
        Files.delete(dir.resolve("delta.json"));
        new TestReports.Doc("epsilon", "2021-05-05").sentences("Beijing presses.").write(dir);
    }

    private static final class Recorder implements CorpusStore.UpdateListener {
        final List<String> loaded = new ArrayList<>();

        @Override
        public void documentLoaded(String documentId) {
            loaded.add(documentId);
        }
    }

    @Test
    void aTruncatedReportFailsTheUpdateAfterOthersWereWrittenAndNothingIsCommitted() throws Exception {
        pendingChanges();
        // A report cut off after its document block: its top reads as a report, its body is broken.
        String full = TestReports.JSON.writeValueAsString(new TestReports.Doc("zeta", "2020-01-01")
                .sentences("Cut off.").entity("COUNTRY", "Japan", "JPN", 0).json());
        Files.writeString(dir.resolve("zeta.json"), full.substring(0, full.indexOf("\"entities\"") + 20));
        Recorder rec = new Recorder();

        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir, db, rec));

        assertTrue(e.getMessage().contains("zeta.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals(List.of("epsilon", "gamma"), rec.loaded, "the failure came in the middle of the transaction");
        assertEquals(before, snapshot(db));
    }

    @Test
    void aReportMissingARequiredFieldNamesTheFileAndWhere() throws Exception {
        pendingChanges();
        ObjectNode broken = new TestReports.Doc("zeta", "2020-01-01").sentences("No score.")
                .theme("threat.shared", "driver", ev(0, 0.5)).json();
        ((ObjectNode) broken.get("themes").get(0)).remove("score");
        Files.writeString(dir.resolve("zeta.json"), TestReports.JSON.writeValueAsString(broken));

        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir));

        assertTrue(e.getMessage().contains("zeta.json") && e.getMessage().contains("themes[0].score is missing"), e.getMessage());
        assertEquals(before, snapshot(db));
        // Once the report is fixed (here: removed), the update goes through.
        Files.delete(dir.resolve("zeta.json"));
        assertEquals(new StoreSummary(4, 1, 1, 1), CorpusStore.update(dir));
    }

    @Test
    void aReportWhoseDateIsNotACalendarDateFailsTheUpdateLikeAnyMalformedReport() throws Exception {
        pendingChanges();
        // The store once kept such a date as text with no year; analytics refused it. Both now refuse it.
        Files.writeString(dir.resolve("zeta.json"), TestReports.JSON.writeValueAsString(
                new TestReports.Doc("zeta", "2019-02-30").sentences("A day that never was.").json()));

        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("zeta.json") + " cannot be loaded (malformed report:"
                + " document.date: '2019-02-30' is not a calendar date)"), e.getMessage());
        assertEquals(before, snapshot(db));
    }

    @Test
    void aReportWithAFieldTheFormatDoesNotHaveFailsTheUpdate() throws Exception {
        pendingChanges();
        ObjectNode odd = new TestReports.Doc("zeta", "2019-02").sentences("An extra field.").json();
        ((ObjectNode) odd.get("document")).put("colour", "red");
        Files.writeString(dir.resolve("zeta.json"), TestReports.JSON.writeValueAsString(odd));

        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir));

        assertTrue(e.getMessage().contains("zeta.json cannot be loaded (malformed report: document.colour is not a field"
                + " of the report format (schema version 1))"), e.getMessage());
        assertEquals(before, snapshot(db));
    }

    @Test
    void aFileThatIsNotJsonAtAllFailsBeforeAnythingIsWritten() throws Exception {
        pendingChanges();
        Files.writeString(dir.resolve("aaa.json"), "{\"schemaVersion\": 1, \"docu");
        Recorder rec = new Recorder();
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir, db, rec));
        assertTrue(e.getMessage().contains("aaa.json"), e.getMessage());
        assertEquals(List.of(), rec.loaded);
        assertEquals(before, snapshot(db));
    }

    @Test
    void twoReportsOfTheSameDocumentFailTheUpdate() throws Exception {
        Files.copy(dir.resolve("beta.json"), dir.resolve("beta-copy.json"));
        StoreException e = assertThrows(StoreException.class, () -> CorpusStore.update(dir));
        assertTrue(e.getMessage().contains("beta.json") && e.getMessage().contains("beta-copy.json"), e.getMessage());
        assertEquals(before, snapshot(db));
    }

    @Test
    void aFailureJustBeforeCommitKeepsThePreviousState() throws Exception {
        pendingChanges();
        CorpusStore.UpdateListener failing = new CorpusStore.UpdateListener() {
            @Override
            public void beforeCommit() throws IOException {
                throw new IOException("disk gone");
            }
        };
        IOException e = assertThrows(IOException.class, () -> CorpusStore.update(dir, db, failing));
        assertEquals("disk gone", e.getMessage());
        assertEquals(before, snapshot(db));
        assertEquals(new StoreSummary(4, 1, 1, 1), CorpusStore.update(dir));
    }

    @Test
    void aProcessKilledBeforeCommitLeavesThePreviousDatabase() throws Exception {
        pendingChanges();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingUpdate.class.getName(), dir.toString(), db.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("crash.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        assertEquals(CrashingUpdate.EXIT, p.exitValue(), Files.readString(dir.resolve("crash.log")));
        assertTrue(Files.readString(dir.resolve("crash.log")).contains("halting before commit"));

        assertEquals(before, snapshot(db), "the killed run's rows are not in the database");
        assertEquals(new StoreSummary(4, 1, 1, 1), CorpusStore.update(dir));
        assertEquals(4L, counts(db).get("documents"));
    }

    @Test
    void aFailedFirstUpdateLeavesNoDatabaseBehind() throws Exception {
        Path fresh = dir.resolve("fresh/store.duckdb");
        Files.writeString(dir.resolve("zzz.json"), "{not json");
        assertThrows(StoreException.class, () -> CorpusStore.update(dir, fresh));
        assertFalse(Files.exists(fresh));
        assertFalse(Files.exists(Path.of(fresh + ".wal")));
    }
}
