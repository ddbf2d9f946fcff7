package io.entente.semantic;

import io.entente.gold.GoldDocument;

import io.entente.gold.GoldCorpus;

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
import io.entente.themes.ThemeScore;
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
    static SentenceEncoder encoder;
    /** Small penalties: the toy folder has 36 sentences. */
    static final Trainer.Options OPTIONS = new Trainer.Options(3, 1, new double[] {1, 10}, Features.DEFAULT_GROUPS, true, 1);

    @org.junit.jupiter.api.AfterAll
    static void close() {
        encoder.close();
    }

    @BeforeAll
    static void train() throws IOException {
        codebook = ToyData.codebook(tmp);
        gold = GoldCorpus.read(ToyData.gold(tmp));
        encoder = new SentenceEncoder(EncoderSpec.named("all-minilm-l6-v2-q"), 1000);
        result = Trainer.train(codebook, gold, OPTIONS, encoder);
    }

    private static Document lines(String text) {
        List<Sentence> sentences = new java.util.ArrayList<>();
        int start = 0;
        for (String line : text.split("\n")) {
            sentences.add(new Sentence(sentences.size(), start, start + line.length(), List.of()));
            start += line.length() + 1;
        }
        return Document.of(new DocumentInfo("d", "d.txt", null, null, "0"), text).withSentences(sentences, false);
    }

    @Test
    void learnsTheToyThemesUnderCrossValidation() {
        Trainer.Scores learned = result.cv().get(1);
        assertEquals("learned", learned.name());
        // the lexicon cues cover only some positives; the embeddings must find the rest
        Trainer.Scores lexicon = result.cv().get(0);
        assertTrue(lexicon.sentence().recall() < 0.5, "lexicon recall " + lexicon.sentence().recall());
        assertTrue(learned.sentence().f1() > 0.8, "learned F1 " + learned.sentence().f1() + "\n" + result.table());
    }

    @Test
    void modelRecordsItsEncoderAndFeatures() {
        HybridModel m = result.model();
        assertEquals(encoder.spec(), m.encoder());
        assertEquals(new Features(codebook, 384, Features.DEFAULT_GROUPS).names(), m.features());
        assertTrue(m.features().contains("previous.lexicon.maritime.dispute"));
        assertTrue(m.features().contains("document.lexicon.disaster.relief"));
        assertEquals(384 + 2 * 4 + 2, m.features().size());
    }

    @Test
    void saveLoadRoundTripsToIdenticalScores() throws IOException {
        Path file = tmp.resolve("out/toy.model.json");
        String sha = result.model().write(file);
        assertTrue(Files.readString(HybridModel.sidecar(file)).startsWith(sha + "  toy.model.json"));
        HybridThemeClassifier before = new HybridThemeClassifier(codebook, result.model(), encoder);
        HybridThemeClassifier after = HybridThemeClassifier.load(codebook, file); // an encoder of its own, closed below
        Document doc = lines("Rescue teams from both navies reached the coast after the storm.\n"
                + "Both sides sent patrol boats to the disputed reef.\nThe museum opens at nine.");
        List<List<ThemeScore>> a = before.score(doc);
        List<List<ThemeScore>> b = after.score(doc);
        assertEquals(a, b);
        assertTrue(a.get(0).get(1).assigned() && !a.get(0).get(0).assigned(), "relief sentence: " + a.get(0));
        assertTrue(a.get(1).get(0).assigned() && !a.get(1).get(1).assigned(), "dispute sentence: " + a.get(1));
        assertFalse(a.get(2).get(0).assigned() || a.get(2).get(1).assigned(), "neither: " + a.get(2));
        assertTrue(after.encoder().loaded());
        after.close();
        assertFalse(after.encoder().loaded(), "the classifier closes the encoder it loaded");
        before.close();
        assertTrue(encoder.encode(List.of("Still open.")).length == 1, "an encoder passed in stays the caller's");
        for (int i = 0; i < a.size(); i++) {
            for (ThemeScore sc : a.get(i)) {
                HybridModel.ThemeModel tm = result.model().themes().stream().filter(t -> t.id().equals(sc.themeId())).findFirst().orElseThrow();
                assertTrue(sc.score() >= 0 && sc.score() <= 1);
                assertEquals(sc.assigned(), sc.score() >= tm.threshold(), "assigned at the theme's calibrated threshold");
            }
        }
    }

    @Test
    void neighboursChangeTheFeaturesNotTheEmbedding() {
        Features f = new Features(codebook, 384, java.util.EnumSet.of(Features.Group.LEXICON, Features.Group.NEIGHBOURS,
                Features.Group.DOCUMENT, Features.Group.SHAPE));
        String text = "The islands are disputed.\nNothing here\nAn earthquake struck.";
        List<Span> spans = List.of(new Span(0, 25), new Span(26, 38), new Span(39, text.length()));
        double[][] x = f.prepare(text, spans, null).rows();
        List<String> names = f.names();
        int lexDispute = names.indexOf("lexicon.maritime.dispute");
        int prevDispute = names.indexOf("previous.lexicon.maritime.dispute");
        int nextRelief = names.indexOf("next.lexicon.disaster.relief");
        int docDispute = names.indexOf("document.lexicon.maritime.dispute");
        double islands = 1 - Math.exp(-1.0);
        assertEquals(islands, x[0][lexDispute], 1e-12);
        assertEquals(0, x[0][prevDispute], 0.0, "no sentence before the first");
        assertEquals(islands, x[1][prevDispute], 1e-12);
        assertEquals(islands, x[1][nextRelief], 1e-12);
        assertEquals(islands / 3, x[2][docDispute], 1e-12);
        assertEquals(1, x[1][names.indexOf("shape.unterminated")], 0.0);
        assertEquals(0, x[0][names.indexOf("shape.unterminated")], 0.0);
        assertEquals(1, x[1][names.indexOf("shape.short")], 0.0);
    }

    @Test
    void stageGathersEvidenceActorsPresenceAndSalience() {
        io.entente.themes.ThemeStage stage = new io.entente.themes.ThemeStage(new HybridThemeClassifier(codebook, result.model(), encoder));
        String text = "Japanese and Korean army engineers rebuilt roads together after the earthquake.\n"
                + "Japan and Korea both claim the rocky islets in the strait.\n"
                + "Japan and Korea argue again about who owns the islands.\n"
                + "The museum opens at nine.";
        int japan = text.indexOf("Japan and Korea both");
        Document doc = lines(text).withEntities(List.of(new Entity(EntityType.COUNTRY, "Japan", "JPN",
                List.of(new Mention(japan, japan + 5, "Japan", 1, "test")))));
        HybridThemeClassifier scorer = (HybridThemeClassifier) stage.scorer();
        List<List<ThemeScore>> scores = scorer.score(doc);
        Document out = stage.process(doc);
        Map<String, ThemeResult> byId = new java.util.TreeMap<>();
        out.themes().forEach(t -> byId.put(t.id(), t));
        assertEquals(java.util.Set.of("disaster.relief", "maritime.dispute"), byId.keySet());
        ThemeResult dispute = byId.get("maritime.dispute");
        assertEquals(List.of(1, 2), dispute.sentences());
        assertEquals(List.of("JPN"), dispute.actors());
        double none = 1;
        for (var e : dispute.evidence()) {
            none *= 1 - e.score();
        }
        assertEquals(Math.round((1 - none) * 10000) / 10000.0, dispute.presence(), 1e-4, "presence: noisy-or of the evidence");
        double mass = 0;
        for (List<ThemeScore> s : scores) {
            mass += s.get(0).score(); // maritime.dispute is the codebook's first theme; all evidence is 'stated'
        }
        assertEquals(Math.round(mass / 4 * 10000) / 10000.0, dispute.score(), 1e-4, "salience: mean score over all sentences");
        assertTrue(dispute.score() > byId.get("disaster.relief").score(), "two sentences argue the dispute, one the relief");
        assertEquals(List.of(0), byId.get("disaster.relief").sentences());
        assertTrue(stage.models().stream().anyMatch(m -> m.name().startsWith("embeddings:")));
    }

    @Test
    void trainingIsDeterministic() {
        Trainer.Result again = Trainer.train(codebook, gold, OPTIONS, encoder.sharing(0));
        assertArrayEquals(result.model().bytes(), again.model().bytes());
    }

    @Test
    void tamperedFileOtherCodebookOrOtherEncoderIsRefused() throws IOException {
        Path file = tmp.resolve("tamper/toy.model.json");
        result.model().write(file);
        Files.writeString(file, Files.readString(file) + " ");
        assertThrows(java.io.UncheckedIOException.class, () -> HybridThemeClassifier.load(codebook, file));
        Codebook other = new Codebook(codebook.id(), codebook.version(), codebook.name(), codebook.description(),
                codebook.language(), codebook.settings(), codebook.themes(), codebook.origin(), "0".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> new HybridThemeClassifier(other, result.model(), encoder));
        SentenceEncoder e5 = new SentenceEncoder(EncoderSpec.named("e5-small-v2-q"), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HybridThemeClassifier(codebook, result.model(), e5));
        assertTrue(e.getMessage().contains("sentence encoder"), e.getMessage());
    }

    @Test
    void modelFilesAreReadStrictly() throws IOException {
        String json = new String(result.model().bytes(), StandardCharsets.UTF_8);
        String noThreshold = json.replaceFirst("\"threshold\" : [-0-9.E]+,", "");
        assertFalse(noThreshold.equals(json));
        IOException e = assertThrows(IOException.class,
                () -> HybridModel.parse("m.json", noThreshold.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("missing 'threshold'"), e.getMessage());
        String noEncoder = json.replaceFirst("\"encoder\" : \\{", "\"encoderX\" : {");
        assertThrows(IOException.class, () -> HybridModel.parse("m.json", noEncoder.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void modelFileHoldsNoTrainingSentence() {
        String json = new String(result.model().bytes(), StandardCharsets.UTF_8);
        int checked = 0;
        for (GoldDocument d : gold.documents()) {
            for (GoldDocument.GoldSentence s : d.sentences()) {
                assertFalse(json.contains(d.text().substring(s.start(), s.end())));
                checked++;
            }
        }
        assertEquals(36, checked);
    }

    @Test
    void learningCurveSamplesDocuments() {
        GoldCorpus half = gold.sample(0.5, 1);
        assertEquals(Math.round(gold.documents().size() * 0.5), half.documents().size());
        assertEquals(half.documents(), gold.sample(0.5, 1).documents(), "seeded");
    }
}
