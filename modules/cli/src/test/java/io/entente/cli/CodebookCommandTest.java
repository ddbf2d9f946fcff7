package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CodebookCommandTest {
    private static final Path CLIMATE = Path.of(System.getProperty("entente.root", "../.."),
            "models", "codebooks", "climate-cooperation.json");
    private static final Path SECURITY = Path.of(System.getProperty("entente.root", "../.."),
            "models", "codebooks", "security-cooperation.json");
    private static final String SMALL = """
            {"id": "small", "version": "2", "name": "Small",
             "themes": [
               {"id": "x.one", "polarity": "driver", "name": "One", "definition": "the first",
                "cues": [{"pattern": "alpha", "weight": 1.0}, {"pattern": "beta ~1 gamma", "weight": 0.5, "note": "weak"}],
                "examples": ["Alpha came.", "Beta and gamma met."]},
               {"id": "y.two", "polarity": "obstacle", "name": "Two", "definition": "the second",
                "cues": [{"pattern": "delta", "weight": 0.9}]}
             ]}""";

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CodebookCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void validatePrintsTheSummaryOfAValidCodebook() throws Exception {
        Run r = run("validate", write("small.json", SMALL).toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("2 themes, 3 cues, 2 examples (small 2)\n", r.out().replace("\r\n", "\n"));
        Run climate = run("validate", CLIMATE.toString());
        assertEquals(0, climate.status(), climate.err());
        assertTrue(climate.out().matches("8 themes, \\d+ cues, 24 examples \\(climate-cooperation 1\\.0\\.0\\)\\R"), climate.out());
        assertEquals(0, run("validate", SECURITY.toString()).status());
    }

    @Test
    void validateNamesFileEntryAndProblemOfAnInvalidCodebook() throws Exception {
        Path bad = write("bad.json", SMALL.replace("\"weight\": 0.9", "\"weight\": 12"));
        Run r = run("validate", bad.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("themes[1] (y.two) cues[0] 'delta'")
                && r.err().contains("weight must be a number above 0 and at most 10"), r.err());
        Run missing = run("validate", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
        assertEquals(2, run("validate").status(), "FILE is required");
        assertEquals(2, run().status(), "a subcommand is required");
    }

    @Test
    void showListsThemesCuesExamplesAndALearnedPlaceholder() throws Exception {
        Run r = run("show", write("small.json", SMALL).toString());
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("x.one (driver): One\n  definition: the first\n"), out);
        assertTrue(out.contains("  cues:\n     1.00  alpha\n     0.50  beta ~1 gamma  (weak)\n"), out);
        assertTrue(out.contains("    - Beta and gamma met.\n"), out);
        assertTrue(out.contains("y.two (obstacle): Two\n"), out);
        assertTrue(out.contains("  examples: none\n"), out);
        assertEquals(2, out.split("  learned: none \\(no trained model", -1).length - 1, out);
    }

    @Test
    void showReportsWhatTheTrainedModelLearnedPerTheme() throws Exception {
        Path codebook = Path.of(System.getProperty("entente.root", "../..")).resolve("models/codebooks/security-cooperation.json");
        Run r = run("show", codebook.toString());
        assertEquals(0, r.status(), r.err());
        String history = r.out().substring(r.out().indexOf("history.legacy (obstacle)"));
        String learned = history.substring(history.indexOf("  learned: "), history.indexOf('\n', history.indexOf("  learned: ")));
        assertTrue(learned.contains("hybrid model v2") && learned.contains("positive training sentences")
                && learned.contains("lexicon.history.legacy") && learned.contains("cross-validated sentence F1"), learned);
        assertFalse(learned.contains("lexicon.threat.shared"), "other themes' weights are left out: " + learned);

        JsonNode n = new ObjectMapper().readTree(run("show", "--json", codebook.toString()).out());
        JsonNode l = n.at("/themes/0/learned");
        assertEquals("hybrid", l.get("model").asText());
        assertTrue(l.get("positives").asInt() > 0 && l.get("threshold").asDouble() > 0 && l.get("threshold").asDouble() < 1);
        assertTrue(l.at("/weights/lexicon.threat.shared").isNumber());
    }

    @Test
    void showJsonIsMachineReadable() throws Exception {
        Run r = run("show", "--json", CLIMATE.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("climate-cooperation", n.get("id").asText());
        assertEquals(8, n.get("themes").size());
        assertEquals(8, n.at("/counts/themes").asInt());
        JsonNode first = n.at("/themes/0");
        assertEquals("shared.vulnerability", first.get("id").asText());
        assertEquals("driver", first.get("polarity").asText());
        assertTrue(first.at("/cues/0/weight").isNumber());
        assertEquals(3, first.get("examples").size());
        assertTrue(first.has("learned") && first.get("learned").isNull());
        assertEquals(0.8, n.at("/settings/modalityWeights/recommended").asDouble());
        assertEquals(2, run("show", "--json", write("bad.json", "{").toString()).status());
    }

    @Test
    void helpWorks() {
        assertEquals(0, run("--help").status());
        assertEquals(0, run("validate", "--help").status());
        assertEquals(0, run("show", "--help").status());
    }
}
