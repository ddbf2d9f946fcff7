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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path tmp;

    private Path gold;
    private Path codebook;

    private static final String CODEBOOK = """
            {"id": "toy", "version": "0.1.0", "name": "Toy codebook",
             "themes": [
              {"id": "maritime.dispute", "polarity": "obstacle", "name": "Maritime disputes", "definition": "Quarrels over islands.",
               "cues": [{"pattern": "island|islands|islets", "weight": 1.0}]},
              {"id": "disaster.relief", "polarity": "driver", "name": "Disaster relief", "definition": "Joint help after disasters.",
               "cues": [{"pattern": "earthquake", "weight": 1.0}]}
             ]}
            """;

    /** Made-up papers: sentence and gold theme ("" for none); the cues miss the flood and the rocks. */
    private static final String[][][] PAPERS = {
        {{"Fishing boats clashed near the contested islets again.", "maritime.dispute"},
         {"Army engineers rebuilt bridges after the earthquake.", "disaster.relief"},
         {"The meeting took place in a hotel near the airport.", ""}},
        {{"Navy ships carried food and water to the flooded towns.", "disaster.relief"},
         {"Each government insists that the rocks belong to it.", "maritime.dispute"},
         {"A ferry timetable for the islands was printed in spring.", ""},
         {"Rescue teams searched the rubble after the earthquake.", "disaster.relief"}},
        {{"Coast guards shadowed each other around the islands.", "maritime.dispute"},
         {"Tickets for the concert sold out within an hour.", ""}}};

    @BeforeEach
    void writeGold() throws Exception {
        gold = Files.createDirectories(tmp.resolve("gold"));
        for (int d = 0; d < PAPERS.length; d++) {
            StringBuilder text = new StringBuilder();
            StringBuilder json = new StringBuilder("{\"id\": \"paper" + d + "\", \"sentences\": [");
            for (int k = 0; k < PAPERS[d].length; k++) {
                String[] s = PAPERS[d][k];
                int start = text.length();
                text.append(s[0]).append('\n');
                json.append(k > 0 ? "," : "").append("{\"start\": ").append(start).append(", \"end\": ")
                        .append(start + s[0].length()).append(", \"themes\": [")
                        .append(s[1].isEmpty() ? "" : "\"" + s[1] + "\"").append("]}");
            }
            Files.writeString(gold.resolve("paper" + d + ".txt"), text.toString());
            Files.writeString(gold.resolve("paper" + d + ".gold.json"), json.append("]}").toString());
        }
        codebook = tmp.resolve("toy.json");
        Files.writeString(codebook, CODEBOOK);
    }

    private record Run(int status, String out, String err) {
    }

    private Run evaluate(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = gold.toString();
        args[1] = "--codebook";
        args[2] = codebook.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvaluateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void intervalsCalibrationAndSalienceAreReportedAndReproducible() {
        Run r = evaluate();
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("95% CI") && r.out().contains("1000 resamples, seed 1"), r.out());
        // 9 gold sentences x the codebook's 2 themes
        assertTrue(r.out().contains("9 gold sentences x 2 themes = 18 pairs"), r.out());
        assertTrue(r.out().contains("expected calibration error"), r.out());
        assertTrue(r.out().contains("theme salience ranking"), r.out());
        assertEquals(r.out(), evaluate().out(), "a rerun prints the same intervals");
    }

    @Test
    void aGoldThemeTheCodebookLacksIsAConfigurationError() throws Exception {
        Path bad = gold.resolve("paper1.gold.json");
        Files.writeString(bad, Files.readString(bad).replaceFirst("maritime\\.dispute", "maritime.disputes"));
        Papers.Run r = Papers.run("evaluate", gold.toString(), "--codebook", codebook.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("paper1.gold.json: sentence 2 names theme 'maritime.disputes'"), r.err());
        assertTrue(r.err().contains("disaster.relief, maritime.dispute"), r.err());
    }

    @Test
    void bootstrapOption() {
        Run off = evaluate("--bootstrap", "0");
        assertEquals(0, off.status(), off.err());
        assertFalse(off.out().contains("95% CI"), off.out());
        assertTrue(off.out().contains("expected calibration error"), off.out());
        Run few = evaluate("--bootstrap", "200");
        assertTrue(few.out().contains("200 resamples"), few.out());
        Run negative = evaluate("--bootstrap", "-1");
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("--bootstrap"), negative.err());
    }

    @Test
    void jsonCarriesTheSameFigures() throws Exception {
        Run r = evaluate("--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1000, root.path("bootstrap").path("resamples").asInt());
        JsonNode sentence = root.path("themes").path("sentence");
        assertEquals(2, sentence.path("f1Ci95").size(), r.out());
        assertTrue(sentence.path("f1Ci95").get(0).asDouble() <= sentence.path("f1").asDouble());
        assertTrue(sentence.path("f1Ci95").get(1).asDouble() >= sentence.path("f1").asDouble());
        JsonNode calibration = root.path("calibration");
        assertEquals(18, calibration.path("pairs").asInt());
        assertEquals(2, calibration.path("themes").size());
        assertEquals(10, calibration.path("bins").size());
        assertTrue(root.path("salience").has("mean"));
        assertEquals(3, root.path("perDocument").size());
        assertTrue(root.path("perDocument").get(0).has("themeRankCorrelation"));
    }

    /** One gold reader for every command: a sentence outside its text is an error naming the file, never clamped. */
    @Test
    void aGoldOffsetOutsideTheTextStopsEvaluateTrainAndLexiconNamingTheFile() throws Exception {
        Files.writeString(gold.resolve("paper1.gold.json"),
                "{\"id\": \"paper1\", \"sentences\": [{\"start\": 0, \"end\": 9999, \"themes\": []}]}");
        for (String[] args : java.util.List.of(
                new String[] {"evaluate", gold.toString(), "--codebook", codebook.toString()},
                new String[] {"lexicon", "--gold", gold.toString(), "--codebook", codebook.toString(), "--folds", "0"},
                new String[] {"train", "--gold", gold.toString(), "--codebook", codebook.toString(), "--folds", "3",
                    "--out", tmp.resolve("m.json").toString()})) {
            Papers.Run r = Papers.run(args);
            assertEquals(1, r.status(), args[0] + ": " + r.err());
            assertTrue(r.err().contains(gold.resolve("paper1.gold.json") + ": sentence 1 (0-9999) lies outside the text of paper1.txt"),
                    args[0] + ": " + r.err());
        }
        assertFalse(Files.exists(tmp.resolve("m.json")));
    }
}
