package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareTrendsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;
    Path reports;

    private record Run(int status, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Writes a report: {@code sentences} sentences, the theme in the first {@code themed}, KOR and JPN in sentence 0. */
    private void report(String id, String date, String tag, int sentences, String theme, int themed) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode d = root.putObject("document");
        d.put("id", id).put("source", id + ".txt").putNull("title");
        if (date == null) {
            d.putNull("date");
        } else {
            d.put("date", date);
        }
        d.put("sha256", "0".repeat(64)).put("characters", 100).put("tokens", 10);
        d.putArray("tags").add(tag);
        ObjectNode pipeline = root.putObject("pipeline").put("version", "0.1.0");
        pipeline.putObject("codebook").put("id", "test").put("sha256", "0".repeat(64));
        pipeline.putArray("models");
        ArrayNode s = root.putArray("sentences");
        for (int i = 0; i < sentences; i++) {
            s.addObject().put("index", i).put("start", i).put("end", i + 1).put("text", "S" + i).putArray("themes");
        }
        ArrayNode entities = root.putArray("entities");
        for (String code : List.of("KOR", "JPN")) {
            ObjectNode e = entities.addObject().put("type", "COUNTRY").put("canonical", code).put("code", code).put("count", 1);
            e.putArray("mentions").addObject().put("start", 0).put("end", 1).put("text", code).put("sentence", 0);
        }
        ArrayNode themes = root.putArray("themes");
        if (themed > 0) {
            ObjectNode t = themes.addObject().put("id", theme).put("polarity", "driver").put("name", "Shared threat").put("score", 0.9);
            ArrayNode ts = t.putArray("sentences");
            ArrayNode ev = t.putArray("evidence");
            t.putArray("actors").add("KOR").add("JPN");
            for (int i = 0; i < themed; i++) {
                ts.add(i);
                ObjectNode e = ev.addObject().put("sentence", i).put("start", i).put("end", i + 1).put("text", "S" + i).put("score", 0.7);
                e.putArray("actors").add("KOR").add("JPN");
                e.putArray("cues");
            }
        }
        MAPPER.writeValue(reports.resolve(id + ".json").toFile(), root);
    }

    @BeforeEach
    void reports() throws IOException {
        reports = Files.createDirectories(tmp.resolve("reports"));
        int[] rising = {5, 8, 12, 0, 20, 25, 30, 35};
        for (int y = 2015; y <= 2022; y++) {
            if (y == 2018) {
                continue; // an empty year
            }
            for (int k = 0; k < 3; k++) {
                report("p" + y + "-" + k, y + "-0" + (k + 1), y < 2019 ? "early" : "late", 100, "threat.shared", rising[y - 2015]);
            }
        }
        report("undated", null, "early", 50, "threat.shared", 10);
        Files.writeString(reports.resolve("corpus.json"), "{\"schemaVersion\": 1, \"documents\": 22}");
    }

    @Test
    void helpIsClean() {
        for (Object command : List.of(new CompareCommand(), new TrendsCommand())) {
            Run r = run(command, "--help");
            assertEquals(0, r.status());
            assertTrue(r.out().contains("95 % ") && !r.out().contains("%n") && r.err().isEmpty(), r.out() + r.err());
        }
    }

    @Test
    void compareTwoDocumentsPrintsMarkdown() {
        Run r = run(new CompareCommand(), "p2015-0", "p2022-0", "--reports", reports.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("# Comparison: p2015-0 vs p2022-0"), r.out());
        assertTrue(r.out().contains("| A | p2015-0 | 1 | 100 |"), r.out());
        assertTrue(r.out().contains("permutation (exact, by document)"), r.out());
        assertTrue(r.out().contains("**Warning:** group A has 1 document, fewer than 5"), r.out());
    }

    @Test
    void compareGroupsAsJsonToAFile() throws IOException {
        Path file = tmp.resolve("out").resolve("cmp.json");
        Run r = run(new CompareCommand(), "--a-from", "2015", "--a-to", "2017", "--b-from", "2019-01-01", "--b-to", "2022-12-31",
                "--format", "json", "--out", file.toString(), "--reports", reports.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        JsonNode json = MAPPER.readTree(file.toFile());
        assertEquals(9, json.get("a").get("documents").asInt());
        assertEquals(12, json.get("b").get("documents").asInt());
        JsonNode theme = json.get("themes").get(0);
        assertEquals("threat.shared", theme.get("id").asText());
        assertEquals(75.0 / 900, theme.get("shareA").asDouble(), 1e-12);
        assertEquals(330.0 / 1200, theme.get("shareB").asDouble(), 1e-12);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList()); // no temporary file left behind
        }

        Run tags = run(new CompareCommand(), "--a-tag", "early", "--b-tag", "late", "--reports", reports.toString(), "--format", "json");
        assertEquals(0, tags.status(), tags.err());
        assertEquals(10, MAPPER.readTree(tags.out()).get("a").get("documents").asInt());
    }

    @Test
    void compareErrorsExitTwo() {
        Run missing = run(new CompareCommand(), "a", "b", "--reports", tmp.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope"), missing.err());
        Run unknown = run(new CompareCommand(), "p2015-0", "zzz", "--reports", reports.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("'zzz'"), unknown.err());
        Run empty = run(new CompareCommand(), "--a-from", "2030", "--b-tag", "late", "--reports", reports.toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("group A is empty"), empty.err());
        Run oneSide = run(new CompareCommand(), "--a-tag", "early", "--reports", reports.toString());
        assertEquals(2, oneSide.status());
        Run badDate = run(new CompareCommand(), "--a-from", "15", "--b-tag", "late", "--reports", reports.toString());
        assertEquals(2, badDate.status());
        assertTrue(badDate.err().contains("'15'"), badDate.err());
        Run badFormat = run(new CompareCommand(), "a", "b", "--format", "xml", "--reports", reports.toString());
        assertEquals(2, badFormat.status());
    }

    @Test
    void trendsWritesEveryFile() throws Exception {
        Run r = run(new TrendsCommand(), "--reports", reports.toString());
        assertEquals(0, r.status(), r.err());
        Path dir = reports.resolve("trends");
        assertTrue(r.out().contains(dir.resolve("trends.md").toString()), r.out());
        assertTrue(r.out().contains("1 undated document left out"), r.out());
        for (String f : List.of("trends.json", "trends.csv", "trends.md", "charts/threat.shared.svg")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(dir.resolve("trends.csv"));
        assertTrue(csv.get(0).startsWith("period,period_start,documents,sentences,theme_id"));
        assertEquals(1 + 8, csv.size());
        JsonNode json = MAPPER.readTree(dir.resolve("trends.json").toFile());
        JsonNode theme = json.get("themes").get(0);
        assertTrue(theme.get("linear").get("slope").asDouble() > 0);
        assertTrue(theme.get("linear").get("pValue").asDouble() < 0.05);
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("charts/threat.shared.svg"))));
        assertEquals(7, svg.getElementsByTagName("circle").getLength());

        // A second run writes the same bytes.
        String md = Files.readString(dir.resolve("trends.md"), StandardCharsets.UTF_8);
        byte[] chart = Files.readAllBytes(dir.resolve("charts/threat.shared.svg"));
        assertEquals(0, run(new TrendsCommand(), "--reports", reports.toString()).status());
        assertEquals(md, Files.readString(dir.resolve("trends.md"), StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(chart, Files.readAllBytes(dir.resolve("charts/threat.shared.svg"))));

        Path other = tmp.resolve("by-quarter");
        Run q = run(new TrendsCommand(), "--reports", reports.toString(), "--by", "quarter", "--theme", "threat.shared",
                "--country", "kor", "--out", other.toString());
        assertEquals(0, q.status(), q.err());
        assertTrue(Files.isRegularFile(other.resolve("trends.csv")));
    }

    @Test
    void aChartOfAThemeNoLongerInTheTrendsIsRemoved() throws Exception {
        report("p2016-9", "2016-05", "early", 100, "history.legacy", 10);
        assertEquals(0, run(new TrendsCommand(), "--reports", reports.toString()).status());
        Path charts = reports.resolve("trends/charts");
        assertTrue(Files.isRegularFile(charts.resolve("history.legacy.svg")));
        Files.writeString(charts.resolve("my-notes.txt"), "mine"); // not a chart: left alone
        Run r = run(new TrendsCommand(), "--reports", reports.toString(), "--theme", "threat.shared");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(charts.resolve("threat.shared.svg")));
        assertFalse(Files.exists(charts.resolve("history.legacy.svg")), "a chart that trends.json no longer holds");
        assertTrue(Files.exists(charts.resolve("my-notes.txt")));
    }

    @Test
    void trendsIntoTheReportsFolderTakesItsLockAndCompareDoesNot() throws Exception {
        try (io.entente.report.OutputLock held = io.entente.report.OutputLock.acquire(reports, 0)) {
            Run busy = run(new TrendsCommand(), "--reports", reports.toString());
            assertEquals(3, busy.status(), busy.err());
            assertTrue(busy.err().contains("--wait SECONDS"), busy.err());
            assertFalse(Files.exists(reports.resolve("trends")));
            Run timedOut = run(new TrendsCommand(), "--reports", reports.toString(), "--wait", "1");
            assertEquals(3, timedOut.status(), timedOut.err());
            // Elsewhere it only reads, as compare does: no lock needed.
            Run elsewhere = run(new TrendsCommand(), "--reports", reports.toString(), "--out", tmp.resolve("t").toString());
            assertEquals(0, elsewhere.status(), elsewhere.err());
            assertEquals(0, run(new CompareCommand(), "p2015-0", "p2022-0", "--reports", reports.toString()).status());
        }
        assertEquals(0, run(new TrendsCommand(), "--reports", reports.toString(), "--wait", "5").status());
        assertTrue(Files.isRegularFile(reports.resolve("trends/trends.md")));
    }

    @Test
    void trendsErrorsExitTwo() throws IOException {
        Run missing = run(new TrendsCommand(), "--reports", tmp.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope"), missing.err());
        Run theme = run(new TrendsCommand(), "--reports", reports.toString(), "--theme", "no.such");
        assertEquals(2, theme.status());
        assertTrue(theme.err().contains("no.such"), theme.err());
        assertFalse(Files.exists(reports.resolve("trends")));

        Path undated = Files.createDirectories(tmp.resolve("undated"));
        Files.copy(reports.resolve("undated.json"), undated.resolve("undated.json"));
        Run none = run(new TrendsCommand(), "--reports", undated.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no dated documents"), none.err());
    }
}
