package io.entente.themes;

import io.entente.gold.GoldDocument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTunerTest {
    private static final String BASE = """
            {"id": "demo", "version": "1.0.0", "name": "Demo",
             "themes": [
               {"id": "a.one", "polarity": "driver", "name": "One", "definition": "first",
                "cues": [{"pattern": "alpha", "weight": 1.0}, {"pattern": "noise", "weight": 1.0},
                         {"pattern": "never seen", "weight": 0.6, "note": "kept"}],
                "examples": ["Alpha helps."]}
             ]}""";

    private static final LexiconTuner.Options NO_RESCALE = new LexiconTuner.Options(5, 3, 0.5, 2.0, 1.0, 40, false, 0, false);

    /** Sentences of our own: each document has a widget sentence (theme), a noise sentence and a name sentence (none). */
    private static List<GoldDocument> corpus() {
        List<GoldDocument> docs = new ArrayList<>();
        String[] lines = {
            "The old widget broke down again.", "a.one",
            "Some noise came from the street.", "",
            "We met Zorblat in the hall.", "",
            "Alpha teams fixed the widget.", "a.one",
            "Then Zorblat fixed the widget too.", "a.one",
        };
        for (int d = 0; d < 6; d++) {
            StringBuilder text = new StringBuilder();
            List<GoldDocument.GoldSentence> sents = new ArrayList<>();
            for (int i = 0; i < lines.length; i += 2) {
                int start = text.length();
                text.append(lines[i]);
                sents.add(new GoldDocument.GoldSentence(start, text.length(),
                        lines[i + 1].isEmpty() ? Set.of() : Set.of(lines[i + 1])));
                text.append(' ');
            }
            docs.add(new GoldDocument("doc" + d, text.toString(), sents));
        }
        return docs;
    }

    private static Codebook.Cue cue(Codebook cb, String pattern) {
        return cb.theme("a.one").cues().stream().filter(c -> c.pattern().equals(pattern)).findFirst().orElse(null);
    }

    @Test
    void minesPreciseWordsDropsCuesThatOnlyMisfireAndKeepsUnseenCues() {
        Codebook base = CodebookLoaderTest.parse(BASE);
        LexiconTuner.Result r = LexiconTuner.load(NO_RESCALE).derive(base, corpus());
        Codebook cb = r.codebook();
        assertTrue(cue(cb, "widget") != null, "a word found in every theme sentence's documents is mined: " + cb.theme("a.one").cues());
        assertNull(cue(cb, "noise"), "a cue that matches only sentences without the theme is dropped");
        assertEquals(0.6, cue(cb, "never seen").weight(), 1e-9, "a cue the corpus never shows keeps its weight");
        assertEquals("kept", cue(cb, "never seen").note());
        assertTrue(cue(cb, "alpha") != null);
        for (Codebook.Cue c : cb.theme("a.one").cues()) {
            assertTrue(!c.pattern().contains("zorblat"), "a capitalized name is never mined: " + c.pattern());
            assertTrue(!c.pattern().matches("(the|then|too)( .*)?|.* (the|then|too)"), "no phrase starts or ends with a function word: " + c.pattern());
        }
        LexiconTuner.ThemeReport report = r.themes().get(0);
        assertEquals(1, report.dropped());
        assertEquals(18, report.positives());
        LexiconTuner.CueStat noise = report.cues().stream().filter(c -> c.pattern().equals("noise")).findFirst().orElseThrow();
        assertEquals(6, noise.matches());
        assertEquals(0, noise.correct());
        assertTrue(noise.dropped());
        // the derived codebook finds the theme sentences without the spurious one
        io.entente.gold.Counts[] s = LexiconTuner.score(cb, corpus());
        assertEquals(0, s[0].fp());
        assertEquals(0, s[0].fn());
        io.entente.gold.Counts[] before = LexiconTuner.score(base, corpus());
        assertEquals(6, before[0].fp());
    }

    @Test
    void aReviewedRejectionIsNeverMined() {
        Codebook base = CodebookLoaderTest.parse(BASE);
        LexiconTuner tuner = new LexiconTuner(Set.of("the", "then", "too"), Map.of("a.one", Set.of("widget")), NO_RESCALE);
        Codebook cb = tuner.derive(base, corpus()).codebook();
        assertNull(cue(cb, "widget"));
        assertTrue(cue(cb, "fixed ~2 widget") != null || cue(cb, "fixed") != null, cb.theme("a.one").cues().toString());
    }

    @Test
    void sameInputSameCodebook() {
        Codebook base = CodebookLoaderTest.parse(BASE);
        LexiconTuner tuner = LexiconTuner.load(LexiconTuner.Options.defaults());
        assertEquals(tuner.derive(base, corpus()).codebook(), tuner.derive(base, corpus()).codebook());
    }

    @Test
    void noisyOrWeightOfALoneCueIsMinusLogOfOneMinusItsPrecision() {
        // one cue matching 10 sentences, 7 of them positive, no penalty: P = 1 - exp(-w - leak) = 0.7
        boolean[] y = new boolean[20];
        int[] rows = new int[10];
        for (int i = 0; i < 10; i++) {
            rows[i] = i;
            y[i] = i < 7;
        }
        double[] w = {0.1};
        LexiconTuner.fitNoisyOr(w, new double[] {0}, new double[] {0}, List.of(rows), y);
        assertEquals(-Math.log(0.3) - 0.01, w[0], 1e-4);
        // a strong pull towards the prior keeps it near the prior
        double[] pulled = {0.1};
        LexiconTuner.fitNoisyOr(pulled, new double[] {0.3}, new double[] {1000}, List.of(rows), y);
        assertEquals(0.3, pulled[0], 0.01);
    }

    @Test
    void scaleFactorMovesTheDecisionToTheBestTrainingF1() {
        // two cues: 0.4 alone on 5 positives, 0.2 alone on 5 negatives; at 0.5 the threshold (ln 2) needs a factor >= 1.75
        boolean[] y = new boolean[10];
        for (int i = 0; i < 5; i++) {
            y[i] = true;
        }
        double c = LexiconTuner.bestScale(new double[] {0.4, 0.2}, List.of(new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}), y, Math.log(2));
        assertTrue(c * 0.4 >= Math.log(2) && c * 0.2 < Math.log(2), "factor " + c);
    }

    @Test
    void foldsAreByDocumentDeterministicAndCoverEveryDocument() {
        List<String> ids = List.of("d", "a", "c", "b", "e");
        Map<String, Integer> f = LexiconTuner.folds(ids, 2, 1);
        assertEquals(f, LexiconTuner.folds(List.of("a", "b", "c", "d", "e"), 2, 1));
        assertEquals(Set.copyOf(ids), f.keySet());
        assertTrue(f.values().stream().allMatch(v -> v == 0 || v == 1));
        assertEquals(3, f.values().stream().filter(v -> v == 0).count(), "dealt round-robin");
    }

    @Test
    void writerReplacesCuesAndVersionAndKeepsEverythingElse() {
        Codebook base = CodebookLoaderTest.parse(BASE);
        Codebook derived = LexiconTuner.load(NO_RESCALE).derive(base, corpus()).codebook();
        String json = CodebookWriter.withCues(new Resources.Loaded("base.json", BASE.getBytes(StandardCharsets.UTF_8)), derived, "2.0.0");
        Codebook back = CodebookLoaderTest.parse(json);
        assertEquals("2.0.0", back.version());
        assertEquals(derived.theme("a.one").cues(), back.theme("a.one").cues());
        assertEquals(List.of("Alpha helps."), back.theme("a.one").examples());
        assertTrue(json.contains("\"pattern\": \"widget\""), json);
    }
}
