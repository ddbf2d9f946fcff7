package io.entente.store;

import static io.entente.store.TestReports.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Exporter#export(Path, ExportFormat, Path, boolean)} with territories kept and folded into their sovereign. */
class FoldTerritoriesExportTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void store() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        TestReports.alpha().write(reports);
        TestReports.harbour().write(reports);
        // Territories whose sovereign the document does not name: China is named in harbour, Denmark nowhere.
        new TestReports.Doc("port", "2023-01-01").sentences("Macao and Greenland open ports.")
                .country("Macao", "MAC", "territory", "CHN", 0)
                .country("Greenland", "GRL", "territory", "DNK", 0)
                .theme("trade.interdependence", "driver", TestReports.ev(0, 0.5, "MAC", "GRL"))
                .write(reports);
        CorpusStore.update(reports);
        db = reports.resolve(CorpusStore.DEFAULT_FILE_NAME);
    }

    /** The CSV's records of one document, fields joined with {@code |}, the header first. */
    private static List<String> csv(Path out, String table, String document) throws Exception {
        List<List<String>> records = Rfc4180.parse(Files.readString(out.resolve(table + ".csv")));
        return records.stream().filter(r -> r == records.get(0) || r.get(0).equals(document))
                .map(r -> String.join("|", r)).toList();
    }

    @Test
    void withoutFoldingTerritoriesKeepTheirOwnCodes() throws Exception {
        Path out = dir.resolve("kept");
        Exporter.export(db, ExportFormat.CSV, out, false);
        assertEquals(List.of(
                "document_id|entity_id|type|canonical|code|kind|sovereign|mention_count",
                "harbour|0|COUNTRY|Hong Kong|HKG|territory|CHN|3",
                "harbour|1|COUNTRY|United States|USA|state||1",
                "harbour|2|COUNTRY|China|CHN|state||1",
                "harbour|3|COUNTRY|Macao|MAC|territory|CHN|1"), csv(out, "entities", "harbour"));
        assertEquals(List.of("HKG,USA", "CHN,HKG", "MAC,HKG"), actors(out, "evidence", "harbour"));
        assertEquals(List.of("HKG,USA,CHN,MAC"), actors(out, "themes", "harbour"));
        // The same files as the export without the argument.
        Path plain = dir.resolve("plain");
        Exporter.export(db, ExportFormat.CSV, plain);
        for (String table : CorpusStore.TABLES) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(table + ".csv")),
                    Files.readAllBytes(out.resolve(table + ".csv")), table);
        }
    }

    @Test
    void foldingMergesTerritoriesIntoTheirSovereignsRowsAndActors() throws Exception {
        Path out = dir.resolve("folded");
        Exporter.export(db, ExportFormat.CSV, out, true);
        // Hong Kong (0), China (2) and Macao (3) collide on CHN: one row, the smallest id, China's name, counts added.
        assertEquals(List.of(
                "document_id|entity_id|type|canonical|code|kind|sovereign|mention_count",
                "harbour|0|COUNTRY|China|CHN|state||5",
                "harbour|1|COUNTRY|United States|USA|state||1"), csv(out, "entities", "harbour"));
        // The merged entity's mentions, numbered again in text order.
        List<List<String>> mentions = Rfc4180.parse(Files.readString(out.resolve("mentions.csv")));
        assertEquals(List.of(
                "0|0|Hong Kong|0", "0|1|China|1", "0|2|Hong Kong|1", "0|3|Macao|2", "0|4|Hong Kong|2",
                "1|0|United States|0"),
                mentions.stream().filter(r -> r.get(0).equals("harbour"))
                        .map(r -> r.get(1) + "|" + r.get(2) + "|" + r.get(5) + "|" + r.get(6)).toList());
        List<Integer> starts = mentions.stream().filter(r -> r.get(0).equals("harbour") && r.get(1).equals("0"))
                .map(r -> Integer.valueOf(r.get(3))).toList();
        assertEquals(starts.stream().sorted().toList(), starts, "text order");
        // Actors: mapped to the sovereign, duplicates dropped, first occurrence kept.
        assertEquals(List.of("CHN,USA", "CHN", "CHN"), actors(out, "evidence", "harbour"));
        assertEquals(List.of("CHN,USA"), actors(out, "themes", "harbour"));
        // A sovereign the document does not name: the name other documents give it, else its code.
        assertEquals(List.of(
                "document_id|entity_id|type|canonical|code|kind|sovereign|mention_count",
                "port|0|COUNTRY|China|CHN|state||1",
                "port|1|COUNTRY|DNK|DNK|state||1"), csv(out, "entities", "port"));
        assertEquals(List.of("CHN,DNK"), actors(out, "evidence", "port"));
        // A document without territories comes out as it is.
        Path kept = dir.resolve("kept");
        Exporter.export(db, ExportFormat.CSV, kept, false);
        for (String table : CorpusStore.TABLES) {
            assertEquals(csv(kept, table, "alpha"), csv(out, table, "alpha"), table);
        }
        for (String table : List.of("documents", "sentences", "sentence_themes")) {
            assertArrayEquals(Files.readAllBytes(kept.resolve(table + ".csv")),
                    Files.readAllBytes(out.resolve(table + ".csv")), table);
        }
    }

    @Test
    void foldedParquetKeepsTheStoresColumnTypes() throws Exception {
        Path out = dir.resolve("parquet");
        Exporter.export(db, ExportFormat.PARQUET, out, true);
        try (Connection store = CorpusStore.open(db, true); Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String table : CorpusStore.TABLES) {
                List<String> expected = rows(store, "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                        + " WHERE table_name = '" + table + "' ORDER BY ordinal_position");
                List<String> actual = rows(c, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
                        + Exporter.sqlString(out.resolve(table + ".parquet").toString()) + ")");
                assertEquals(expected, actual, table);
            }
        }
    }

    private static List<String> actors(Path out, String table, String document) throws Exception {
        List<List<String>> records = Rfc4180.parse(Files.readString(out.resolve(table + ".csv")));
        int at = records.get(0).indexOf("actors");
        return records.stream().skip(1).filter(r -> r.get(0).equals(document)).map(r -> r.get(at)).toList();
    }
}
