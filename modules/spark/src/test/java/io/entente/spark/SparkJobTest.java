package io.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.pipeline.SeedForms;
import io.entente.store.CorpusStore;
import io.entente.store.TableRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] against the local engine on the same inputs (the dev corpus, where it
 * lies, and the seed as text, PDF, DOCX and HTML): the same reports byte for byte, Parquet tables with
 * the DuckDB store's rows, incremental reruns, and a broken input that fails alone.
 */
class SparkJobTest {
    @TempDir
    static Path tmp;

    static Path forms;
    static Path dev;
    static Path local;
    static Path spark;
    static int sparkStatus;

    private static int entente(String... args) {
        return io.entente.cli.Main.run(args);
    }

    private static int job(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--master", "local[2]"));
        return Main.run(a.toArray(String[]::new));
    }

    @BeforeAll
    static void runBothEngines() throws Exception {
        forms = Files.createDirectories(tmp.resolve("forms"));
        SeedForms.write(forms);
        dev = Path.of(System.getProperty("entente.shared", "../../../shared"), "corpus", "dev").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dev), "the dev corpus is not at " + dev);
        local = tmp.resolve("local");
        spark = tmp.resolve("spark");
        assertEquals(0, entente("analyze", forms.toString(), dev.toString(), "--out", local.toString(), "--threads", "2"));
        sparkStatus = job(forms.toString(), dev.toString(), "--out", spark.toString());
    }

    /** Every report file of a folder (not the store, the tables or the state), by name. */
    private static Map<String, String> reports(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|md|csv)$")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
            return out;
        }
    }

    @Test
    void writesTheLocalEnginesReportsByteForByte() throws Exception {
        assertEquals(0, sparkStatus);
        Map<String, String> expected = reports(local);
        Map<String, String> actual = reports(spark);
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.size() > 50, "reports: " + expected.size());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), actual.get(name), name);
        }
        assertTrue(expected.keySet().containsAll(List.of("seed.json", "seed-2.json", "seed-3.json", "seed-4.json")),
                "the seed in four formats: " + expected.keySet());
    }

    @Test
    void theLearnedClassifierGivesTheSameReportsToo() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("hybrid-in"));
        Files.copy(forms.resolve("seed.txt"), in.resolve("seed.txt"));
        Path a = tmp.resolve("hybrid-local");
        Path b = tmp.resolve("hybrid-spark");
        assertEquals(0, entente("analyze", in.toString(), "--out", a.toString(), "--classifier", "hybrid", "--no-site"));
        assertEquals(0, job(in.toString(), "--out", b.toString(), "--classifier", "hybrid"));
        assertEquals(reports(a), reports(b));
        assertTrue(Files.readString(b.resolve("seed.json")).contains("semantic-model:"), "the learned classifier's model is in the provenance");
    }

    @Test
    void trendsCompareAndExportWorkOnTheJobsOutput() throws Exception {
        Path trends = tmp.resolve("trends");
        assertEquals(0, entente("trends", "--reports", spark.toString(), "-o", trends.toString()));
        Path localTrends = tmp.resolve("local-trends");
        assertEquals(0, entente("trends", "--reports", local.toString(), "-o", localTrends.toString()));
        assertEquals(Files.readString(localTrends.resolve("trends.csv")), Files.readString(trends.resolve("trends.csv")));
        assertEquals(0, entente("compare", "seed", "seed-2", "--reports", spark.toString(), "-o", tmp.resolve("cmp").toString()));
        Path export = tmp.resolve("export");
        assertEquals(0, entente("export", "--reports", spark.toString(), "-o", export.toString()));
        Path localExport = tmp.resolve("local-export");
        assertEquals(0, entente("export", "--reports", local.toString(), "-o", localExport.toString()));
        for (String table : List.of("documents.csv", "evidence.csv", "entities.csv")) {
            assertEquals(Files.readString(localExport.resolve(table)), Files.readString(export.resolve(table)), table);
        }
        assertTrue(Files.size(export.resolve("evidence.csv")) > 1000);
    }

    @Test
    void parquetTablesHoldTheStoresRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + local.resolve(CorpusStore.DEFAULT_FILE_NAME));
             Statement st = c.createStatement()) {
            for (Map.Entry<String, List<TableRows.Column>> t : TableRows.columns().entrySet()) {
                String cols = t.getValue().stream().map(col -> col.name().equals("year") ? "TRY_CAST(year AS INTEGER) AS year" : col.name())
                        .collect(Collectors.joining(", "));
                String parquet = "(SELECT " + cols + " FROM read_parquet('" + spark.resolve("tables").resolve(t.getKey())
                        + "/**/*.parquet', hive_partitioning = true))";
                String store = "(SELECT " + cols + " FROM " + t.getKey() + ")";
                assertEquals(count(st, store), count(st, parquet), t.getKey() + " rows");
                assertEquals(0, count(st, "(" + parquet + " EXCEPT ALL " + store + ")"), t.getKey() + ": rows not in the store");
                assertEquals(0, count(st, "(" + store + " EXCEPT ALL " + parquet + ")"), t.getKey() + ": store rows missing");
            }
            assertTrue(count(st, "(SELECT * FROM evidence)") > 100);
        }
        try (Stream<Path> s = Files.list(spark.resolve("tables/documents"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().matches("year=\\d{4}")), "partitioned by year");
        }
    }

    private static long count(Statement st, String relation) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + relation + " AS r")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRerunSkipsUnchangedInputsAndABrokenInputFailsAlone() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("small"));
        Files.copy(forms.resolve("seed.txt"), in.resolve("paper.txt"));
        Files.writeString(in.resolve("broken.txt"), ""); // an empty file: refused by the reader
        Path out = tmp.resolve("small-out");
        // What a killed run leaves: a staging folder that was never committed; the next run discards it.
        Path left = Files.createDirectories(out.resolve("_staging/killed-run/reports"));
        Files.writeString(left.resolve("paper.json"), "{\"half\": ");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int first;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            first = job(in.toString(), "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(1, first, "a failed input gives exit status 1");
        assertTrue(Files.isRegularFile(out.resolve("paper.json")));
        assertFalse(Files.exists(out.resolve("broken.json")));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT document_id, reason FROM read_parquet('" + out.resolve("tables/errors") + "/*.parquet')")) {
            assertTrue(rs.next());
            assertEquals("broken", rs.getString(1));
            assertTrue(rs.getString(2).contains("broken.txt") && rs.getString(2).contains("empty file"), rs.getString(2));
        }
        com.fasterxml.jackson.databind.JsonNode failure = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(out.resolve("corpus.json"))).path("failures").path(0);
        assertTrue(failure.path("path").asText().endsWith("broken.txt"), failure.toString());
        assertFalse(failure.path("reason").asText().contains("broken.txt"), "corpus.json keeps the path out of the reason, as the local engine: " + failure);
        assertTrue(failure.path("reason").asText().contains("empty file"), failure.toString());
        long before = Files.getLastModifiedTime(out.resolve("paper.json")).toMillis();
        String report = Files.readString(out.resolve("paper.json"));
        Files.delete(in.resolve("broken.txt"));
        assertEquals(0, job(in.toString(), "--out", out.toString()));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("paper.json")).toMillis(), "an unchanged input is not redone");
        long tables = Files.getLastModifiedTime(out.resolve("tables/inputs")).toMillis();
        assertEquals(0, job(in.toString(), "--out", out.toString()));
        assertEquals(tables, Files.getLastModifiedTime(out.resolve("tables/inputs")).toMillis(), "nothing changed, yet the tables were rewritten");
        assertEquals(report, Files.readString(out.resolve("paper.json")));
        assertFalse(Files.exists(out.resolve("_staging")), "no staging folder is left after a run");
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
