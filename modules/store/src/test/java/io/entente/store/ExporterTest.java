package io.entente.store;

import static io.entente.store.TestReports.alpha;
import static io.entente.store.TestReports.count;
import static io.entente.store.TestReports.counts;
import static io.entente.store.TestReports.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    @TempDir
    Path dir;
    private Path db;
    private Path out;
    private Map<String, Long> counts;

    @BeforeEach
    void store() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        TestReports.writeCorpus(reports);
        new TestReports.Doc("paged", "2018-01-01").pages(3).sentences("Seoul, page one.", "Tokyo, page two.")
                .theme("threat.shared", "driver", TestReports.ev(1, 0.5)).write(reports);
        db = reports.resolve(CorpusStore.DEFAULT_FILE_NAME);
        CorpusStore.update(reports);
        counts = counts(db);
        out = dir.resolve("export");
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        return rows(c, "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position");
    }

    @Test
    void csvHasAHeaderRowAndEveryRowQuotedAsRfc4180Says() throws Exception {
        List<Path> files = Exporter.export(db, ExportFormat.CSV, out);

        assertEquals(CorpusStore.TABLES.stream().map(t -> out.resolve(t + ".csv")).toList(), files);
        try (Connection c = CorpusStore.open(db, true)) {
            for (String table : CorpusStore.TABLES) {
                byte[] bytes = Files.readAllBytes(out.resolve(table + ".csv"));
                assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, "no byte-order mark");
                List<List<String>> records = Rfc4180.parse(new String(bytes, StandardCharsets.UTF_8));
                assertEquals(columns(c, table), records.get(0), "header of " + table);
                assertEquals(counts.get(table).longValue(), records.size() - 1, "rows of " + table);
                for (List<String> r : records) {
                    assertEquals(records.get(0).size(), r.size(), "every record of " + table + " has every field");
                }
            }
        }
        // Commas, quotes, line breaks and non-ASCII text come back exactly.
        List<List<String>> sentences = Rfc4180.parse(Files.readString(out.resolve("sentences.csv")));
        List<String> alphaTexts = sentences.stream().filter(r -> r.get(0).equals("alpha")).map(r -> r.get(4)).toList();
        assertEquals(alpha().sentences, alphaTexts);
        String raw = Files.readString(out.resolve("sentences.csv"));
        assertTrue(raw.contains("\"Seoul and Tokyo share the \"\"North Korean\"\" threat, analysts say.\""), raw);
        assertTrue(raw.contains("Japan’s wartime past"));
        // Lists are joined strings; NULL is an empty field; dates are ISO.
        List<List<String>> documents = Rfc4180.parse(Files.readString(out.resolve("documents.csv")));
        List<String> header = documents.get(0);
        List<String> alphaRow = documents.stream().filter(r -> r.get(0).equals("alpha")).findFirst().orElseThrow();
        assertEquals("Kim, Ji-ho; Sato, Aiko", alphaRow.get(header.indexOf("authors")));
        assertEquals("2019-03-15", alphaRow.get(header.indexOf("date")));
        assertEquals("", alphaRow.get(header.indexOf("publisher")));
        List<List<String>> evidence = Rfc4180.parse(Files.readString(out.resolve("evidence.csv")));
        assertEquals("KOR,JPN", evidence.stream().filter(r -> r.get(0).equals("beta") && r.get(2).equals("1"))
                .findFirst().orElseThrow().get(evidence.get(0).indexOf("actors")));
        // The page of the paged document's evidence, and of its evidence sentence.
        assertEquals("2", evidence.stream().filter(r -> r.get(0).equals("paged")).findFirst().orElseThrow()
                .get(evidence.get(0).indexOf("page")));
        assertEquals(List.of("", "2"), sentences.stream().filter(r -> r.get(0).equals("paged")).map(r -> r.get(5))
                .toList());
        // DuckDB's own CSV reader agrees on the row count.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertEquals(counts.get("sentences").longValue(), count(c, "SELECT count(*) FROM read_csv("
                    + Exporter.sqlString(out.resolve("sentences.csv").toString()) + ", header = true)"));
        }
    }

    @Test
    void parquetReadsBackWithItsRowsAndTypes() throws Exception {
        List<Path> files = Exporter.export(db, ExportFormat.PARQUET, out);
        assertEquals(7, files.size());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String table : CorpusStore.TABLES) {
                Path f = out.resolve(table + ".parquet");
                assertTrue(files.contains(f));
                assertEquals(counts.get(table).longValue(),
                        count(c, "SELECT count(*) FROM " + Exporter.sqlString(f.toString())), table);
            }
            String documents = Exporter.sqlString(out.resolve("documents.parquet").toString());
            assertEquals(List.of("DATE | INTEGER | VARCHAR"),
                    rows(c, "SELECT typeof(date), typeof(year), typeof(authors) FROM " + documents + " LIMIT 1"));
            assertEquals(List.of("2019-03-15 | Kim, Ji-ho; Sato, Aiko"),
                    rows(c, "SELECT date, authors FROM " + documents + " WHERE document_id = 'alpha'"));
        }
    }

    @Test
    void jsonLinesHoldOneObjectPerRow() throws Exception {
        List<Path> files = Exporter.export(db, ExportFormat.JSONL, out);
        assertEquals(7, files.size());
        try (Connection c = CorpusStore.open(db, true)) {
            for (String table : CorpusStore.TABLES) {
                List<String> lines = Files.readAllLines(out.resolve(table + ".jsonl"), StandardCharsets.UTF_8);
                assertEquals(counts.get(table).longValue(), lines.size(), table);
                List<String> keys = new ArrayList<>();
                TestReports.JSON.readTree(lines.get(0)).fieldNames().forEachRemaining(keys::add);
                assertEquals(columns(c, table), keys, table);
            }
        }
        JsonNode alphaDoc = Files.readAllLines(out.resolve("documents.jsonl")).stream().map(l -> {
            try {
                return TestReports.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(n -> n.get("document_id").asText().equals("alpha")).findFirst().orElseThrow();
        assertEquals("2019-03-15", alphaDoc.get("date").asText());
        assertEquals(2019, alphaDoc.get("year").asInt());
        assertTrue(alphaDoc.get("publisher").isNull());
    }

    @Test
    void exportReplacesOldFilesAndLeavesNoTemporaryFiles() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("documents.csv"), "old");
        Files.writeString(out.resolve("unrelated.txt"), "keep");
        Exporter.export(db, ExportFormat.CSV, out);
        Exporter.export(db, ExportFormat.CSV, out); // twice: the same files again
        assertTrue(Files.readString(out.resolve("documents.csv")).startsWith("document_id,"));
        assertEquals("keep", Files.readString(out.resolve("unrelated.txt")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void aFailedExportReplacesNoFile() throws Exception {
        Exporter.export(db, ExportFormat.CSV, out);
        byte[] documentsBefore = Files.readAllBytes(out.resolve("documents.csv"));
        // A database holding a documents table but none of the others: documents would export, sentences fails.
        Path partial = dir.resolve("partial.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + partial); var st = c.createStatement()) {
            st.execute("CREATE TABLE documents (document_id VARCHAR, title VARCHAR)");
            st.execute("INSERT INTO documents VALUES ('x', 'X')");
        }
        StoreException e = assertThrows(StoreException.class, () -> Exporter.export(partial, ExportFormat.CSV, out));
        assertTrue(e.getMessage().contains("sentences"), e.getMessage());
        assertArrayEquals(documentsBefore, Files.readAllBytes(out.resolve("documents.csv")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Exporter.export(dir.resolve("missing.duckdb"), ExportFormat.CSV, out));
    }
}
