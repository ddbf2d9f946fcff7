package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LexiconCommandTest {
    private static final String BASE = """
            {"id": "small", "version": "1.0.0", "name": "Small",
             "themes": [
               {"id": "x.one", "polarity": "driver", "name": "One", "definition": "the first",
                "cues": [{"pattern": "alpha", "weight": 1.0}, {"pattern": "noise", "weight": 1.0}],
                "examples": ["Alpha came."]}
             ]}""";

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LexiconCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Six gold documents of our own: a widget sentence carries the theme, a noise sentence does not. */
    private Path gold() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("gold"));
        String[] s = {"The old widget broke down again.", "Some noise came from the street.", "Alpha teams fixed the widget."};
        for (int d = 0; d < 6; d++) {
            String text = s[0] + "\n" + s[1] + "\n" + s[2] + "\n";
            int a = s[0].length() + 1;
            int b = a + s[1].length() + 1;
            Files.writeString(dir.resolve("doc" + d + ".txt"), text);
            Files.writeString(dir.resolve("doc" + d + ".gold.json"), """
                    {"id": "doc%d", "sentences": [
                      {"start": 0, "end": %d, "themes": ["x.one"]},
                      {"start": %d, "end": %d, "themes": []},
                      {"start": %d, "end": %d, "themes": ["x.one"]}], "entities": {}}
                    """.formatted(d, s[0].length(), a, a + s[1].length(), b, b + s[2].length()));
        }
        return dir;
    }

    @Test
    void derivesCrossValidatesAndWritesACodebookThatLoads() throws Exception {
        Path base = Files.writeString(tmp.resolve("base.json"), BASE);
        Path out = tmp.resolve("derived.json");
        Path stats = tmp.resolve("stats.tsv");
        Run r = run("--gold", gold().toString(), "--codebook", base.toString(), "--out", out.toString(),
                "--stats", stats.toString(), "--folds", "3", "--gold-spans", "--min-positives", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cross-validation: 3 folds by document"), r.out());
        Codebook cb = CodebookLoader.load(out);
        assertEquals("2.0.0", cb.version());
        assertTrue(cb.theme("x.one").cues().stream().anyMatch(c -> c.pattern().equals("widget")), cb.theme("x.one").cues().toString());
        assertFalse(cb.theme("x.one").cues().stream().anyMatch(c -> c.pattern().equals("noise")));
        assertTrue(Files.readString(stats).contains("x.one\tnoise\tdropped"), Files.readString(stats));
    }

    @Test
    void aMissingFolderOrBadFoldsIsAUsageError() throws Exception {
        assertEquals(2, run("--gold", tmp.resolve("nope").toString()).status());
        assertEquals(2, run("--gold", gold().toString(), "--folds", "1").status());
        assertEquals(2, run("--gold", gold().toString(), "--folds", "9").status());
    }
}
