package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "Puerto Rico and the United States agree.";

    @TempDir
    Path tmp;
    Path reports;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = new CommandLine(new ExportCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** One report: Puerto Rico (a territory of the United States) and the United States in one sentence. */
    @BeforeEach
    void report() throws Exception {
        reports = Files.createDirectories(tmp.resolve("reports"));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode d = root.putObject("document");
        d.put("id", "islands").put("source", "islands.txt").putNull("title").put("date", "2024-02-01");
        d.put("sha256", "0".repeat(64)).put("characters", TEXT.length()).put("tokens", 7);
        ObjectNode pipeline = root.putObject("pipeline").put("version", "0.2.0");
        pipeline.putObject("codebook").put("id", "cb").put("sha256", "1".repeat(64));
        pipeline.putArray("models");
        root.putArray("sentences").addObject().put("index", 0).put("start", 0).put("end", TEXT.length())
                .put("text", TEXT).putArray("themes").add("trade");
        ArrayNode entities = root.putArray("entities");
        ObjectNode pr = entities.addObject().put("type", "COUNTRY").put("canonical", "Puerto Rico").put("code", "PRI")
                .put("kind", "territory").put("sovereign", "USA").put("count", 1);
        pr.putArray("mentions").addObject().put("start", 0).put("end", 11).put("text", "Puerto Rico").put("sentence", 0);
        ObjectNode us = entities.addObject().put("type", "COUNTRY").put("canonical", "United States").put("code", "USA")
                .put("kind", "state").put("count", 1);
        us.putArray("mentions").addObject().put("start", 20).put("end", 33).put("text", "United States").put("sentence", 0);
        ObjectNode t = root.putArray("themes").addObject().put("id", "trade").put("polarity", "driver").put("name", "Trade")
                .put("score", 0.5);
        t.putArray("sentences").add(0);
        t.putArray("actors").add("PRI").add("USA");
        ObjectNode ev = t.putArray("evidence").addObject().put("sentence", 0).put("start", 0).put("end", TEXT.length())
                .put("text", TEXT).put("score", 0.5);
        ev.putArray("actors").add("PRI").add("USA");
        ev.putArray("cues");
        Files.writeString(reports.resolve("islands.json"), MAPPER.writeValueAsString(root));
    }

    private static List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    private static String csv(Path dir, String table) {
        return "read_csv('" + dir.resolve(table + ".csv").toAbsolutePath().toString().replace("'", "''")
                + "', header = true, all_varchar = true)";
    }

    @Test
    void exportKeepsTerritoriesByDefaultAndFoldsThemOnRequest() throws Exception {
        Path kept = tmp.resolve("kept");
        Run r = run("--reports", reports.toString(), "--out", kept.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(kept.resolve("entities.csv").toString()), r.out());
        assertEquals(List.of("0|Puerto Rico|PRI|territory|USA|1", "1|United States|USA|state|null|1"),
                query("SELECT entity_id, canonical, code, kind, sovereign, mention_count FROM " + csv(kept, "entities")
                        + " ORDER BY entity_id"));
        assertEquals(List.of("PRI,USA"), query("SELECT actors FROM " + csv(kept, "evidence")));

        Path folded = tmp.resolve("folded");
        r = run("--reports", reports.toString(), "--out", folded.toString(), "--fold-territories");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("0|United States|USA|state|null|2"),
                query("SELECT entity_id, canonical, code, kind, sovereign, mention_count FROM " + csv(folded, "entities")));
        assertEquals(List.of("0|0|Puerto Rico", "0|1|United States"),
                query("SELECT entity_id, mention_index, text FROM " + csv(folded, "mentions") + " ORDER BY mention_index"));
        assertEquals(List.of("USA"), query("SELECT actors FROM " + csv(folded, "evidence")));
        assertEquals(List.of("USA"), query("SELECT actors FROM " + csv(folded, "themes")));
    }
}
