package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Sentence;
import io.entente.core.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The theme scorers this module registers (the lexicon alone: modules/semantic is not on this class path). */
class ThemeScorerRegistryTest {
    static Document lines(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        for (String line : text.split("\n")) {
            sentences.add(new Sentence(sentences.size(), start, start + line.length(), List.of()));
            start += line.length() + 1;
        }
        return Document.of(new DocumentInfo("d", "d.txt", null, null, "0"), text).withSentences(sentences, false);
    }

    @Test
    void theLexiconIsBuiltInAndListed() {
        Registry<ThemeScorerProvider> r = ThemeScorerProvider.registry();
        assertEquals("theme classifier", r.kind());
        assertEquals(List.of("lexicon"), r.names());
        assertTrue(r.describe().startsWith("lexicon: the codebook's cues"), r.describe());
    }

    @Test
    void unknownNamesAndOptionsAreRefusedNamingWhatThereIs() {
        Registry<ThemeScorerProvider> r = ThemeScorerProvider.registry();
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> r.forName("bert", Map.of()));
        assertEquals("no theme classifier named 'bert' is installed; available: lexicon", name.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> r.forName("lexicon", Map.of("model", "x.json")));
        assertEquals("the theme classifier 'lexicon' takes no option model (it takes none)", option.getMessage());
        assertEquals("lexicon", r.forName("LEXICON", Map.of()).name(), "names are case-insensitive");
    }

    @Test
    void theLexiconScoresADocumentWithItsDefaults() {
        Codebook cb = CodebookLoader.load(null);
        try (ThemeStage stage = new ThemeStage(ThemeScorerProvider.registry().forName("lexicon", Map.of()).create(cb, Map.of()))) {
            Document d = stage.process(lines("Missile launches by the North pushed both capitals to sign an intelligence-sharing pact.\n"
                    + "The hotel's garden was replanted in spring."));
            assertTrue(d.themes().stream().anyMatch(t -> t.sentences().contains(0)), d.themes().toString());
            assertTrue(d.themes().stream().noneMatch(t -> t.sentences().contains(1)), d.themes().toString());
        }
    }
}
