package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.entente.gold.GoldCorpus;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's "lexicon only" row decides as analyze does: a heading carries no theme. */
class LexiconReferenceRowTest {
    @TempDir
    Path tmp;

    /** Six documents: a heading with a cue (gold: no theme), then a sentence that argues the theme, then one that does not. */
    private GoldCorpus goldWithHeadings() throws IOException {
        Path g = Files.createDirectories(tmp.resolve("gold"));
        String[] lines = {"Disputed islands", "Both governments claim the small islands between them.",
            "The meeting ended early on the second day."};
        for (int d = 0; d < 6; d++) {
            StringBuilder text = new StringBuilder();
            StringBuilder sents = new StringBuilder();
            String[] labels = {"[]", "[\"maritime.dispute\"]", "[]"};
            for (int k = 0; k < lines.length; k++) {
                int start = text.length();
                text.append(lines[k]);
                sents.append(k > 0 ? "," : "").append("{\"start\": ").append(start).append(", \"end\": ")
                        .append(text.length()).append(", \"themes\": ").append(labels[k]).append('}');
                text.append('\n');
            }
            Files.writeString(g.resolve("doc" + d + ".txt"), text.toString());
            Files.writeString(g.resolve("doc" + d + ".gold.json"), "{\"id\": \"doc" + d + "\", \"sentences\": [" + sents + "]}");
        }
        return GoldCorpus.read(g);
    }

    private static Trainer.Scores lexiconRow(Codebook codebook, GoldCorpus gold) {
        // No embedding group: the encoder is never loaded.
        Trainer.Options options = new Trainer.Options(3, 1, new double[] {1}, EnumSet.of(Features.Group.LEXICON, Features.Group.SHAPE), true, 1);
        try (SentenceEncoder encoder = new SentenceEncoder(0)) {
            return Trainer.train(codebook, gold, options, encoder).cv().stream()
                    .filter(s -> s.name().equals("lexicon only")).findFirst().orElseThrow();
        }
    }

    @Test
    void headingsAreNoEvidenceInTheLexiconRow() throws IOException {
        GoldCorpus gold = goldWithHeadings();
        Codebook codebook = ToyData.codebook(tmp); // headingMaxWords: the default, 5
        Trainer.Scores row = lexiconRow(codebook, gold);
        assertEquals(6, row.sentence().tp());
        assertEquals(0, row.sentence().fp());

        Path off = tmp.resolve("toy-headings-off.json");
        Files.writeString(off, ToyData.CODEBOOK.replaceFirst("\"themes\"", "\"settings\": {\"headingMaxWords\": 0}, \"themes\""));
        Trainer.Scores withoutRule = lexiconRow(CodebookLoader.load(off), gold);
        assertEquals(6, withoutRule.sentence().tp());
        assertEquals(6, withoutRule.sentence().fp(), "with the rule off every heading's cue counts");
    }
}
