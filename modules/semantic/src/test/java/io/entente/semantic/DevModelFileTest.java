package io.entente.semantic;

import io.entente.gold.GoldDocument;

import io.entente.gold.GoldCorpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model file (models/semantic): consistent, matching the codebook, and free of corpus sentences. */
class DevModelFileTest {
    private static Path root() {
        return Path.of(System.getProperty("entente.root", "../.."));
    }

    private static Path modelFile() {
        return root().resolve("models/semantic/security-cooperation.model.json");
    }

    @Test
    void shippedModelMatchesItsSidecarAndTheCodebook() throws IOException {
        Path file = modelFile();
        assumeTrue(Files.isRegularFile(file), "no model file at " + file);
        byte[] b = Files.readAllBytes(file);
        String sha = io.entente.core.Resources.sha256(b);
        assertTrue(Files.readString(HybridModel.sidecar(file)).startsWith(sha));
        HybridModel m = HybridModel.read(file);
        Codebook cb = CodebookLoader.load(root().resolve("models/codebooks/security-cooperation.json"));
        assertEquals(cb.sha256(), m.codebookSha256(), "model trained on another version of the codebook: retrain");
        assertEquals(cb.themes().size(), m.themes().size());
        assertEquals(new Features(cb, m.encoder().dimension(), m.groups()).names(), m.features());
        assertEquals(EncoderSpec.named(m.encoder().name()), m.encoder(), "the model's encoder is one this build lists");
        for (HybridModel.ThemeModel t : m.themes()) {
            assertTrue(t.threshold() > 0 && t.threshold() <= 1, t.id());
        }
    }

    @Test
    void shippedModelHoldsNoCorpusSentence() throws IOException {
        Path file = modelFile();
        Path dev = Path.of(System.getProperty("entente.shared", "../../../shared")).resolve("corpus/dev");
        assumeTrue(Files.isRegularFile(file) && Files.isDirectory(dev), "model file or dev folder missing");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        GoldCorpus gold = GoldCorpus.read(dev);
        Path train = dev.resolveSibling("train");
        if (Files.isDirectory(train)) {
            List<GoldDocument> all = new java.util.ArrayList<>(gold.documents());
            all.addAll(GoldCorpus.read(train).documents());
            gold = new GoldCorpus(all);
        }
        int checked = 0;
        for (GoldDocument d : gold.documents()) {
            for (GoldDocument.GoldSentence s : d.sentences()) {
                String sentence = d.text().substring(s.start(), s.end()).strip();
                // headings of one or two words may coincide with ordinary words of the file
                if (sentence.split("\\s+").length >= 4) {
                    assertFalse(json.contains(sentence), "dev sentence in the model file: " + d.id() + " " + s.start());
                    assertFalse(json.contains(jsonEscaped(sentence)), "dev sentence in the model file: " + d.id() + " " + s.start());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void packagedModelClassifiesInventedSentences() {
        Codebook cb = CodebookLoader.load(null);
        assumeTrue(HybridThemeClassifier.class.getClassLoader()
                .getResource("models/semantic/" + cb.id() + ".model.json") != null, "no packaged model");
        try (HybridThemeClassifier c = HybridThemeClassifier.loadPackaged(cb)) {
            String text = "Survivors of wartime sexual slavery still wait for a sincere apology from Tokyo.";
            var scores = c.score(text, List.of(new io.entente.core.Span(0, text.length()))).get(0);
            assertEquals(cb.themes().size(), scores.size());
            var history = scores.stream().filter(s -> s.themeId().equals("history.legacy")).findFirst().orElseThrow();
            assertTrue(history.assigned(), scores.toString());
            String plain = "The hotel restaurant serves breakfast from seven until ten.";
            assertTrue(c.score(plain, List.of(new io.entente.core.Span(0, plain.length()))).get(0).stream().noneMatch(s -> s.assigned()));
        }
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
