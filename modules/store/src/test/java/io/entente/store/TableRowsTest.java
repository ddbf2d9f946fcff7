package io.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain rows other engines write are the store's rows, column for column. */
class TableRowsTest {
    @TempDir
    Path dir;

    @Test
    void columnsAreTheStoresAndRowsAreWhatTheStoreHolds() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        Map<String, List<TableRows.Column>> columns = TableRows.columns();
        assertEquals(CorpusStore.TABLES, List.copyOf(columns.keySet()));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(CorpusStore.DEFAULT_FILE_NAME));
             Statement st = c.createStatement()) {
            for (String table : CorpusStore.TABLES) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                        + table + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                assertEquals(names, columns.get(table).stream().map(TableRows.Column::name).toList(), table);
                List<List<String>> expected = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= names.size(); i++) {
                            row.add(String.valueOf(rs.getObject(i)));
                        }
                        expected.add(row);
                    }
                }
                List<String> reports = new ArrayList<>();
                try (Statement s2 = c.createStatement(); ResultSet rs = s2.executeQuery("SELECT report_file FROM documents")) {
                    while (rs.next()) {
                        reports.add(rs.getString(1));
                    }
                }
                List<List<String>> actual = new ArrayList<>();
                for (String name : reports) {
                    for (List<Object> row : TableRows.of(Files.readAllBytes(dir.resolve(name)), name).get(table)) {
                        actual.add(row.stream().map(String::valueOf).toList());
                    }
                }
                java.util.Comparator<List<String>> order = java.util.Comparator.comparing(Object::toString);
                assertEquals(expected.stream().sorted(order).toList(), actual.stream().sorted(order).toList(), table);
            }
        }
    }
}
