package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path tmp;

    private static final String CODEBOOK = """
            {"id": "toy", "version": "0.1.0", "name": "Toy codebook",
             "themes": [
              {"id": "maritime.dispute", "polarity": "obstacle", "name": "Maritime disputes", "definition": "Quarrels over islands.",
               "cues": [{"pattern": "island|islands|islets", "weight": 1.0}],
               "examples": ["The two states both claim the small islands between them."]},
              {"id": "disaster.relief", "polarity": "driver", "name": "Disaster relief", "definition": "Joint help after disasters.",
               "cues": [{"pattern": "earthquake", "weight": 1.0}],
               "examples": ["Both militaries delivered aid after the earthquake."]}
             ]}
            """;

    private static final String[][] SENTENCES = {
        {"Fishing boats clashed near the contested islets again.", "maritime.dispute"},
        {"Army engineers from both sides rebuilt bridges after the earthquake.", "disaster.relief"},
        {"The conference took place in a hotel near the airport.", ""},
        {"Each government insists that the rocky islands belong to it.", "maritime.dispute"},
        {"Navy ships carried food and water to the flooded towns.", "disaster.relief"},
        {"Tickets for the concert sold out within an hour.", ""}};

    private Path gold() throws Exception {
        return gold(4);
    }

    private Path gold(int documents) throws Exception {
        Path g = Files.createDirectories(tmp.resolve("gold"));
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder();
            StringBuilder json = new StringBuilder("{\"id\": \"doc" + d + "\", \"sentences\": [");
            for (int k = 0; k < SENTENCES.length; k++) {
                String[] s = SENTENCES[(k + d) % SENTENCES.length];
                int start = text.length();
                text.append(s[0]).append('\n');
                json.append(k > 0 ? "," : "").append("{\"start\": ").append(start).append(", \"end\": ")
                        .append(start + s[0].length()).append(", \"themes\": [")
                        .append(s[1].isEmpty() ? "" : "\"" + s[1] + "\"").append("]}");
            }
            Files.writeString(g.resolve("doc" + d + ".txt"), text.toString());
            Files.writeString(g.resolve("doc" + d + ".gold.json"), json.append("]}").toString());
        }
        return g;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        return execute(new TrainCommand(), args);
    }

    private static Run execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void trainsPrintsTheCvTableAndWritesAReproducibleModel() throws Exception {
        Path gold = gold();
        Path codebook = tmp.resolve("toy.json");
        Files.writeString(codebook, CODEBOOK);
        Path out = tmp.resolve("models/toy.model.json");
        Run r = run("--gold", gold.toString(), "--codebook", codebook.toString(), "--out", out.toString(),
                "--folds", "3", "--seed", "3", "--encoder", "all-minilm-l6-v2-q", "--lambda", "1,10");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("4 documents, 24 sentences, 3 folds by document (seed 3)"), r.out());
        assertTrue(r.out().contains("lexicon only") && r.out().contains("learned"), r.out());
        assertTrue(r.out().contains("encoder all-minilm-l6-v2-q"), r.out());
        byte[] first = Files.readAllBytes(out);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first));
        assertTrue(Files.readString(out.resolveSibling("toy.model.json.sha256")).startsWith(sha));
        String json = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        for (String[] s : SENTENCES) {
            assertFalse(json.contains(s[0]), "training sentence in the model: " + s[0]);
        }
        assertEquals(0, run("--gold", gold.toString(), "--codebook", codebook.toString(), "--out", out.toString(),
                "--folds", "3", "--seed", "3", "--encoder", "all-minilm-l6-v2-q", "--lambda", "1,10").status());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(out)), "same input, same bytes");
    }

    @Test
    void repeatedCrossValidationReportsTheSpreadAndKeepsTheModel() throws Exception {
        Path gold = gold(6);
        Path codebook = tmp.resolve("toy.json");
        Files.writeString(codebook, CODEBOOK);
        Path once = tmp.resolve("once/toy.model.json");
        Path thrice = tmp.resolve("thrice/toy.model.json");
        Run single = run("--gold", gold.toString(), "--codebook", codebook.toString(), "--out", once.toString(), "--folds", "3",
                "--encoder", "all-minilm-l6-v2-q");
        Run r = run("--gold", gold.toString(), "--codebook", codebook.toString(), "--out", thrice.toString(),
                "--folds", "3", "--repeats", "3", "--encoder", "all-minilm-l6-v2-q");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("repeated cross-validation: 3 fold assignments (seeds 1, 2, 3)"), r.out());
        assertTrue(r.err().contains("cross-validation 3 of 3 (seed 3)"), r.err());
        assertTrue(r.out().contains("maritime.dispute") && r.out().contains("mean"), r.out());
        assertFalse(single.out().contains("repeated"), single.out());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(once), Files.readAllBytes(thrice)),
                "the model does not depend on the number of repeats");
        assertEquals(2, run("--gold", gold.toString(), "--repeats", "0").status());
    }

    @Test
    void learnsFromSeveralGoldFoldersAndRefusesADocumentInTwo() throws Exception {
        Path all = gold(4);
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        for (int d = 0; d < 4; d++) {
            Path to = d < 2 ? a : b;
            Files.copy(all.resolve("doc" + d + ".txt"), to.resolve("doc" + d + ".txt"));
            Files.copy(all.resolve("doc" + d + ".gold.json"), to.resolve("doc" + d + ".gold.json"));
        }
        Path codebook = Files.writeString(tmp.resolve("toy.json"), CODEBOOK);
        Run r = run("--gold", a.toString(), "--gold", b.toString(), "--codebook", codebook.toString(), "--out",
                tmp.resolve("two.model.json").toString(), "--folds", "3", "--encoder", "all-minilm-l6-v2-q", "--lambda", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("4 documents, 24 sentences"), r.out());
        Run twice = run("--gold", a.toString(), "--gold", all.toString(), "--codebook", codebook.toString(), "--folds", "3");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("doc0") && twice.err().contains("both"), twice.err());
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(2, run("--gold", tmp.resolve("nope").toString()).status());
        assertEquals(2, run("--gold", gold().toString(), "--folds", "2").status(), "nested CV needs 3 folds");
        assertEquals(2, run("--gold", gold().toString(), "--folds", "9").status(), "more folds than documents");
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--seed"));
    }

    private static Run evaluate(String... args) {
        return execute(new EvaluateCommand(), args);
    }

    @Test
    void evaluateCrossValidatesTheHybridThroughThePipeline() throws Exception {
        Path gold = gold(6);
        Path codebook = tmp.resolve("toy.json");
        Files.writeString(codebook, CODEBOOK);
        Run r = evaluate(gold.toString(), "--codebook", codebook.toString(), "--classifier", "hybrid", "--cross-validate", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("fold 3 of 3"), r.err());
        assertTrue(r.out().contains("sentence level") && r.out().contains("maritime.dispute"), r.out());
    }

    @Test
    void crossValidationIsRefusedForTheLexiconAndForTooFewFolds() throws Exception {
        Path gold = gold();
        Run lexicon = evaluate(gold.toString(), "--cross-validate", "3");
        assertEquals(2, lexicon.status());
        assertTrue(lexicon.err().contains("--classifier hybrid"), lexicon.err());
        Run two = evaluate(gold.toString(), "--classifier", "hybrid", "--cross-validate", "2");
        assertEquals(2, two.status());
        Run tooMany = evaluate(gold.toString(), "--classifier", "hybrid", "--cross-validate", "9");
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().contains("fewer than --cross-validate"), tooMany.err());
        // 4 documents in 3 folds: one split trains on 2 documents, too few to tune its thresholds
        Run smallSplit = evaluate(gold.toString(), "--classifier", "hybrid", "--cross-validate", "3");
        assertEquals(2, smallSplit.status());
        assertTrue(smallSplit.err().contains("fewer than 3 training documents"), smallSplit.err());
    }
}
