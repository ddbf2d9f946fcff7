package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Sentence;
import io.entente.core.ThemeResult;
import io.entente.core.registry.NamedComponent;
import io.entente.core.registry.Registry;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import io.entente.themes.SentenceThemeScorer;
import io.entente.themes.ThemeScore;
import io.entente.themes.ThemeScorerProvider;
import io.entente.themes.ThemeStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered component is complete (in the style of Lucene's analysis-factory tests): each one
 * installed with this module, theme scorers and sentence encoders, describes itself, is created with
 * its defaults, does its job on a small document written for this test, and refuses an option it does
 * not take. A component added to the service file or to encoders.json is tested without a line here.
 */
class RegisteredComponentsTest {
    private static final String THREAT = "North Korea fired two ballistic missiles over Japan, and Seoul and Tokyo "
            + "condemned the launches together.";
    private static final String NEUTRAL = "The museum café serves tea and cake until six.";

    private static Document lines(String... sentences) {
        String text = String.join("\n", sentences);
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        for (String s : sentences) {
            out.add(new Sentence(out.size(), start, start + s.length(), List.of()));
            start += s.length() + 1;
        }
        return Document.of(new DocumentInfo("d", "d.txt", null, null, "0"), text).withSentences(out, false);
    }

    private static void describesItself(Registry<?> registry, NamedComponent c) {
        assertFalse(c.description().isBlank(), c.name());
        c.options().forEach((k, v) -> assertFalse(v.isBlank(), c.name() + " option " + k));
        assertTrue(registry.describe().contains(c.name() + ": " + c.description()), registry.describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.forName(c.name(), Map.of("no-such-option", "1")));
        assertTrue(e.getMessage().contains("takes no option no-such-option"), e.getMessage());
    }

    @Test
    void theShippedComponentsAreRegistered() {
        assertEquals(List.of("lexicon", "hybrid"), ThemeScorerProvider.registry().names());
        assertTrue(EncoderSpec.registry().names().containsAll(List.of(EncoderSpec.DEFAULT, Trainer.DEFAULT_ENCODER)));
        assertEquals(Map.of(LearnedScorerProvider.MODEL, new LearnedScorerProvider().options().get("model")),
                ThemeScorerProvider.registry().get("hybrid").options());
    }

    @TestFactory
    Stream<DynamicTest> everyThemeScorerScoresADocumentWithItsDefaults() {
        Codebook cb = CodebookLoader.load(null);
        Registry<ThemeScorerProvider> registry = ThemeScorerProvider.registry();
        return registry.available().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            describesItself(registry, p);
            String sha = p.modelSha256(cb, Map.of());
            assertTrue(sha == null || sha.matches("[0-9a-f]{64}"), p.name() + ": " + sha);
            SentenceThemeScorer scorer = registry.forName(p.name(), Map.of()).create(cb, Map.of());
            try (ThemeStage stage = new ThemeStage(scorer)) {
                Document doc = lines(THREAT, NEUTRAL);
                List<List<ThemeScore>> scores = scorer.score(doc);
                assertEquals(2, scores.size(), "one list of scores per sentence");
                double threat = score(scores.get(0), "threat.shared");
                assertTrue(threat > score(scores.get(1), "threat.shared"), p.name() + ": " + scores);
                assertTrue(scores.get(0).stream().anyMatch(s -> s.themeId().equals("threat.shared") && s.assigned()),
                        p.name() + ": " + scores.get(0));
                assertTrue(scores.get(1).stream().noneMatch(ThemeScore::assigned), p.name() + ": " + scores.get(1));
                Document out = stage.process(doc);
                assertTrue(out.themes().stream().filter(t -> t.id().equals("threat.shared")).map(ThemeResult::sentences)
                        .anyMatch(s -> s.contains(0)), p.name() + ": " + out.themes());
                assertFalse(stage.models().isEmpty(), p.name() + " names its models");
            }
        }));
    }

    private static double score(List<ThemeScore> scores, String theme) {
        return scores.stream().filter(s -> s.themeId().equals(theme)).mapToDouble(ThemeScore::score).findFirst().orElse(0);
    }

    @TestFactory
    Stream<DynamicTest> everySentenceEncoderEncodesWithItsDefaults() {
        Registry<EncoderSpec> registry = EncoderSpec.registry();
        return registry.available().stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
            describesItself(registry, spec);
            try (SentenceEncoder enc = registry.forName(spec.name(), Map.of()).open(Map.of())) {
                float[][] v = enc.encode(List.of(THREAT, "Pyongyang launched another missile test off its east coast.", NEUTRAL));
                for (float[] x : v) {
                    assertEquals(spec.dimension(), x.length, spec.name());
                    assertEquals(1.0, Math.sqrt(Vectors.dot(x, x)), 1e-5, spec.name());
                }
                assertTrue(Vectors.dot(v[0], v[1]) > Vectors.dot(v[0], v[2]), spec.name() + ": missiles closer to missiles than to cake");
                assertEquals(3, enc.cachedSentences(), "the default cache keeps them");
                assertEquals(spec.identity(), enc.spec().identity());
            }
        }));
    }

    @Test
    void theHybridModelOptionNamesAFile() {
        Codebook cb = CodebookLoader.load(null);
        ThemeScorerProvider hybrid = ThemeScorerProvider.registry().forName("hybrid", Map.of("model", "no/such.model.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hybrid.create(cb, Map.of("model", "no/such.model.json")));
        assertEquals("semantic model " + java.nio.file.Path.of("no/such.model.json") + ": no such file", e.getMessage());
        assertEquals(hybrid.modelSha256(cb, Map.of()), io.entente.core.Resources.load(null,
                HybridModel.packagedResource(cb.id())).sha256(), "by default, the packaged model");
    }

    @Test
    void encoderOptionsAreChecked() {
        EncoderSpec spec = EncoderSpec.registry().get(EncoderSpec.DEFAULT);
        try (SentenceEncoder none = spec.open(Map.of(EncoderSpec.CACHE, "0"))) {
            assertFalse(none.loaded());
            none.encode("A sentence.");
            assertEquals(0, none.cachedSentences());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.open(Map.of(EncoderSpec.CACHE, "-2")));
        assertTrue(e.getMessage().contains("cache must be a count of sentences"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> EncoderSpec.named("word2vec"));
        assertTrue(unknown.getMessage().startsWith("no sentence encoder named 'word2vec' is installed; available: "
                + EncoderSpec.DEFAULT), unknown.getMessage());
    }
}
