package io.entente.evaluate;

import io.entente.gold.Counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationIntervalsTest {
    @Test
    void identicalDocumentsGiveZeroWidthIntervals() {
        List<Scorer.Result> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(Papers.themeHits("d" + i, "t", 4, 3)); // tp 3, fn 1 in every document
        }
        Evaluation e = Evaluation.of(same);
        Bootstrap.Interval ci = e.sentenceThemesInterval();
        assertEquals(6 / 7.0, e.sentenceThemes().f1(), 1e-12);
        assertEquals(e.sentenceThemes().f1(), ci.low(), 1e-12);
        assertEquals(e.sentenceThemes().f1(), ci.high(), 1e-12);
        assertEquals(Bootstrap.DEFAULT_RESAMPLES, ci.resamples());
    }

    @Test
    void twoDocumentsByHand() {
        // A: tp 2 (F1 1); B: tp 1, fn 1 (F1 2/3); pooled: tp 3, fn 1 (F1 6/7). Resamples AA, AB, BB have
        // probabilities 1/4, 1/2, 1/4, so the 2.5 % and 97.5 % quantiles are the F1 of BB and of AA.
        Evaluation e = Evaluation.of(List.of(Papers.themeHits("a", "t", 2, 2), Papers.themeHits("b", "t", 2, 1)));
        Bootstrap.Interval ci = e.sentenceThemesInterval();
        assertEquals(2 / 3.0, ci.low(), 1e-12);
        assertEquals(1.0, ci.high(), 1e-12);
        assertTrue(ci.contains(e.sentenceThemes().f1()));
        // at document level both papers get t right
        assertEquals(1.0, e.documentThemesInterval().low(), 1e-12);
    }

    @Test
    void resamplesWithoutTheThemeAreLeftOutOfItsInterval() {
        // u occurs only in b (tp 1, fn 1): every resample that draws b gives F1 2/3, the others say nothing
        Scorer.Result a = Papers.themeHits("a", "t", 2, 2);
        Scorer.Result b = Papers.paper("b", List.of(Set.of("u"), Set.of("u")), List.of(Map.of("u", 0.7), Map.of()), Map.of());
        Bootstrap.Interval u = Evaluation.of(List.of(a, b)).perThemeIntervals(false).get("u");
        assertEquals(2 / 3.0, u.low(), 1e-12);
        assertEquals(2 / 3.0, u.high(), 1e-12);
        assertTrue(u.resamples() < Bootstrap.DEFAULT_RESAMPLES * 0.9 && u.resamples() > Bootstrap.DEFAULT_RESAMPLES * 0.6,
                "about 3/4 of the resamples draw b: " + u.resamples());
    }

    private static List<Scorer.Result> varied() {
        List<Scorer.Result> papers = new ArrayList<>();
        String[] themes = {"t", "u", "v"};
        for (int i = 0; i < 9; i++) {
            List<Set<String>> gold = new ArrayList<>();
            List<Map<String, Double>> predicted = new ArrayList<>();
            for (int s = 0; s < 3 + i % 4; s++) {
                String g = themes[(i + s) % 3];
                String p = themes[(i * s + 1) % 3];
                gold.add(s % 3 == 2 ? Set.of() : Set.of(g));
                predicted.add(s % 4 == 3 ? Map.of() : Map.of(p, 0.1 * (1 + (i + s) % 9)));
            }
            papers.add(Papers.paper("p" + i, gold, predicted, Map.of()));
        }
        return papers;
    }

    @Test
    void aFixedSeedGivesTheSameIntervalsAndTheyHoldThePointEstimates() throws Exception {
        Evaluation e = Evaluation.of(varied());
        assertEquals(e.json(), Evaluation.of(varied()).json(), "same seed, same output");
        assertEquals(e.table(false), Evaluation.of(varied()).table(false));
        assertFalse(e.json().equals(e.withBootstrap(Bootstrap.DEFAULT_RESAMPLES, 7).json()), "another seed, other draws");

        Bootstrap.Interval micro = e.sentenceThemesInterval();
        assertTrue(micro.low() < micro.high(), "documents differ, so the interval has width");
        assertTrue(micro.contains(e.sentenceThemes().f1()));
        assertTrue(e.documentThemesInterval().contains(e.documentThemes().f1()));
        for (boolean documentLevel : new boolean[] {false, true}) {
            Map<String, Bootstrap.Interval> per = e.perThemeIntervals(documentLevel);
            assertEquals(e.perTheme(documentLevel).keySet(), per.keySet());
            e.perTheme(documentLevel).forEach((theme, c) ->
                    assertTrue(per.get(theme).contains(c.f1()), theme + " " + c + " " + per.get(theme)));
        }

        JsonNode json = new ObjectMapper().readTree(e.json());
        assertEquals(1000, json.path("bootstrap").path("resamples").asInt());
        JsonNode ci = json.path("themes").path("sentence").path("f1Ci95");
        assertEquals(2, ci.size());
        assertEquals(Math.round(micro.low() * 10000) / 10000.0, ci.get(0).asDouble(), 1e-12);
        assertTrue(json.path("themes").path("perTheme").path("t").path("document").has("f1Ci95"));
        assertTrue(json.path("calibration").path("ece").isNumber());
        assertEquals(10, json.path("calibration").path("bins").size());
        assertTrue(json.has("salience"));
    }

    @Test
    void aDocumentDrawnTwiceCountsTwice() {
        // recompute every resample's pooled sentence F1 from the draws: tp, fp, fn of each document times
        // how often it was drawn (F1 is scale-free, so only unequal multiplicities tell this apart)
        List<Scorer.Result> papers = varied();
        Bootstrap draws = new Bootstrap(papers.size(), Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED);
        double[] f1 = new double[draws.resamples()];
        for (int b = 0; b < f1.length; b++) {
            int[] w = draws.weights(b);
            int tp = 0;
            int errors = 0;
            for (int i = 0; i < w.length; i++) {
                for (Counts c : papers.get(i).sentenceThemes().values()) {
                    tp += w[i] * c.tp();
                    errors += w[i] * (c.fp() + c.fn());
                }
            }
            f1[b] = 2.0 * tp / (2.0 * tp + errors);
        }
        Bootstrap.Interval expected = Bootstrap.percentileInterval(f1, 0.95);
        Bootstrap.Interval actual = Evaluation.of(papers).sentenceThemesInterval();
        assertEquals(expected.low(), actual.low(), 1e-12);
        assertEquals(expected.high(), actual.high(), 1e-12);
    }

    @Test
    void noBootstrapKeepsTheOldColumns() throws Exception {
        Evaluation e = Evaluation.of(varied()).withBootstrap(0, 1);
        assertNull(e.bootstrap());
        assertNull(e.sentenceThemesInterval());
        assertTrue(e.perThemeIntervals(false).isEmpty());
        String table = e.table(false);
        assertFalse(table.contains("95% CI"), table);
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "%-28s %6s %6s %6s %5s %5s %5s   %s%n",
                "per theme (sentence level)", "P", "R", "F1", "TP", "FP", "FN", "doc F1")), table);
        assertFalse(new ObjectMapper().readTree(e.json()).path("themes").path("sentence").has("f1Ci95"));

        String with = Evaluation.of(varied()).table(false);
        assertTrue(with.contains("95% CI"), with);
        Bootstrap.Interval ci = Evaluation.of(varied()).sentenceThemesInterval();
        assertTrue(with.contains(String.format(java.util.Locale.ROOT, "%.3f-%.3f", ci.low(), ci.high())), with);
    }

    @Test
    void entityIntervalsComeFromTheSameDraws() {
        Evaluation e = Evaluation.of(varied());
        // the made-up papers have no entities: every type is 0/0/0 in every resample, hence undefined
        for (EntityType t : EntityType.values()) {
            assertNull(e.entitiesInterval(t));
        }
        assertNotNull(e.sentenceThemesInterval());
    }
}
