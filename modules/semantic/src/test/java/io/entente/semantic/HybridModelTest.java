package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.Sentence;
import io.entente.core.Span;
import io.entente.core.ThemeResult;
import io.entente.themes.Codebook;
import io.entente.themes.ThemeClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridModelTest {
    @TempDir
    static Path tmp;
    static Codebook codebook;
    static GoldCorpus gold;
    static Trainer.Result result;
    static final Trainer.Options OPTIONS = new Trainer.Options(3, 1, Trainer.LAMBDA_SMALL, Trainer.LAMBDA_EMBEDDING, true);

    @BeforeAll
    static void train() throws IOException {
        codebook = ToyData.codebook(tmp);
        gold = GoldCorpus.read(ToyData.gold(tmp));
        result = Trainer.train(codebook, gold, Map.of(), OPTIONS, SentenceEncoder.shared());
    }

    @Test
    void learnsTheToyThemesUnderCrossValidation() {
        Trainer.Scores hybrid = result.cv().get(2);
        assertEquals("full hybrid", hybrid.name());
        // the lexicon cues cover only some positives; the embeddings must find the rest
        Trainer.Scores lexicon = result.cv().get(0);
        assertTrue(lexicon.sentence().recall() < 0.5, "lexicon recall " + lexicon.sentence().recall());
        assertTrue(hybrid.sentence().f1() > 0.8, "hybrid F1 " + hybrid.sentence().f1() + "\n" + result.table());
        assertTrue(result.table().contains("lexicon+prototype"));
    }

    @Test
    void saveLoadRoundTripsToIdenticalScores() throws IOException {
        Path file = tmp.resolve("out/toy.model.json");
        String sha = result.model().write(file);
        assertTrue(Files.readString(HybridModel.sidecar(file)).startsWith(sha + "  toy.model.json"));
        HybridThemeClassifier before = new HybridThemeClassifier(codebook, result.model(), SentenceEncoder.shared());
        HybridThemeClassifier after = HybridThemeClassifier.load(codebook, file);
        String text = "Rescue teams from both navies reached the coast after the storm.\n"
                + "Both sides sent patrol boats to the disputed reef.\nThe museum opens at nine.";
        int a1 = text.indexOf('\n');
        int a2 = text.indexOf('\n', a1 + 1);
        List<Span> spans = List.of(new Span(0, a1), new Span(a1 + 1, a2), new Span(a2 + 1, text.length()));
        List<List<ThemeClassifier.SentenceScore>> a = before.scoreAll(text, spans);
        List<List<ThemeClassifier.SentenceScore>> b = after.scoreAll(text, spans);
        assertEquals(a, b);
        assertTrue(a.get(0).get(1).assigned() && !a.get(0).get(0).assigned(), "relief sentence: " + a.get(0));
        assertTrue(a.get(1).get(0).assigned() && !a.get(1).get(1).assigned(), "dispute sentence: " + a.get(1));
        assertFalse(a.get(2).get(0).assigned() || a.get(2).get(1).assigned(), "neither: " + a.get(2));
        for (List<ThemeClassifier.SentenceScore> s : a) {
            for (ThemeClassifier.SentenceScore sc : s) {
                assertTrue(sc.score() >= 0 && sc.score() <= 1);
                assertEquals(sc.assigned(), sc.score() >= 0.5, "0.5 is every theme's decision point");
            }
        }
        assertEquals(a.get(1), after.scoreAll(text, List.of(spans.get(1))).get(0), "batching does not change scores");
    }

    @Test
    void stageGathersEvidenceActorsAndNoisyOrScores() {
        io.entente.themes.ThemeStage stage = new io.entente.themes.ThemeStage(new HybridThemeClassifier(codebook, result.model(), SentenceEncoder.shared()));
        String text = "Japanese and Korean army engineers rebuilt roads together after the earthquake.\n"
                + "Japan and Korea both claim the rocky islets in the strait.\n"
                + "Japan and Korea argue again about who owns the islands.\n"
                + "The museum opens at nine.";
        List<Sentence> sentences = new java.util.ArrayList<>();
        int start = 0;
        for (String line : text.split("\n")) {
            sentences.add(new Sentence(sentences.size(), start, start + line.length(), List.of()));
            start += line.length() + 1;
        }
        int japan = text.indexOf("Japan and Korea both");
        Document doc = Document.of(new DocumentInfo("d", "d.txt", null, null, "0"), text)
                .withSentences(sentences, false)
                .withEntities(List.of(new Entity(EntityType.COUNTRY, "Japan", "JPN",
                        List.of(new Mention(japan, japan + 5, "Japan", 1, "test")))));
        Document out = stage.process(doc);
        Map<String, ThemeResult> byId = new java.util.TreeMap<>();
        out.themes().forEach(t -> byId.put(t.id(), t));
        assertEquals(java.util.Set.of("disaster.relief", "maritime.dispute"), byId.keySet());
        ThemeResult dispute = byId.get("maritime.dispute");
        assertEquals(List.of(1, 2), dispute.sentences());
        assertEquals(List.of("JPN"), dispute.actors());
        double none = 1;
        for (var e : dispute.evidence()) {
            assertTrue(e.score() >= 0.5);
            none *= 1 - e.score();
        }
        assertEquals(Math.round((1 - none) * 10000) / 10000.0, dispute.score(), 1e-4);
        assertEquals(List.of(0), byId.get("disaster.relief").sentences());
        assertTrue(stage.models().stream().anyMatch(m -> m.name().startsWith("embeddings:")));
    }

    @Test
    void trainingIsDeterministic() {
        Trainer.Result again = Trainer.train(codebook, gold, Map.of(), OPTIONS, new SentenceEncoder(0));
        assertArrayEquals(result.model().bytes(), again.model().bytes());
    }

    @Test
    void tamperedFileOrOtherCodebookIsRefused() throws IOException {
        Path file = tmp.resolve("tamper/toy.model.json");
        result.model().write(file);
        Files.writeString(file, Files.readString(file) + " ");
        assertThrows(java.io.UncheckedIOException.class, () -> HybridThemeClassifier.load(codebook, file));
        Codebook other = new Codebook(codebook.id(), codebook.version(), codebook.name(), codebook.description(),
                codebook.language(), codebook.settings(), codebook.themes(), codebook.origin(), "0".repeat(64));
        assertThrows(IllegalArgumentException.class,
                () -> new HybridThemeClassifier(other, result.model(), SentenceEncoder.shared()));
    }

    @Test
    void modelFileHoldsNoTrainingSentence() {
        String json = new String(result.model().bytes(), StandardCharsets.UTF_8);
        int checked = 0;
        for (GoldCorpus.Doc d : gold.documents()) {
            for (GoldCorpus.Sent s : d.sentences()) {
                assertFalse(json.contains(d.text().substring(s.start(), s.end())));
                checked++;
            }
        }
        assertEquals(36, checked);
        assertTrue(json.contains("Both militaries delivered aid after the earthquake."), "codebook examples are kept");
    }
}
