package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Modality;
import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One set of settings defaults, whether a codebook has no settings, empty settings or some of them. */
class CodebookDefaultsTest {
    private static final String THEMES = """
            "themes": [{"id": "a", "polarity": "driver", "name": "A", "definition": "d",
                        "cues": [{"pattern": "alpha", "weight": 1.0}]}]""";

    private static Codebook parse(String settings) {
        String json = "{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", " + (settings == null ? "" : "\"settings\": " + settings + ", ")
                + THEMES + "}";
        return CodebookLoader.parse(new Resources.Loaded("x.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyMissingSettingTakesTheOneDefault() {
        Codebook.Settings d = Codebook.Settings.DEFAULTS;
        assertEquals(List.of("not", "no", "never", "without"), d.negators());
        for (String settings : new String[] {null, "{}", "{\"threshold\": 0.6}", "{\"negationWindow\": 2}"}) {
            Codebook.Settings s = parse(settings).settings();
            assertEquals(d.negators(), s.negators(), settings);
            assertEquals(d.negatedWeight(), s.negatedWeight(), settings);
            assertEquals(d.modalityWeights(), s.modalityWeights(), settings);
        }
        assertEquals(0.6, parse("{\"threshold\": 0.6}").settings().threshold());
        assertEquals(d.negationWindow(), parse("{\"threshold\": 0.6}").settings().negationWindow());
        assertEquals(2, parse("{\"negationWindow\": 2}").settings().negationWindow());
        assertEquals(d.threshold(), parse("{\"negationWindow\": 2}").settings().threshold());
    }

    @Test
    void givenSettingsOverrideTheDefaultsIncludingNoNegatorsAtAll() {
        assertEquals(List.of(), parse("{\"negators\": []}").settings().negators());
        assertEquals(List.of("nor"), parse("{\"negators\": [\"nor\"]}").settings().negators());
        assertEquals(0.3, parse("{\"modalityWeights\": {\"hypothetical\": 0.3}}").settings().weight(Modality.HYPOTHETICAL));
        assertEquals(0.8, parse("{\"modalityWeights\": {\"hypothetical\": 0.3}}").settings().weight(Modality.RECOMMENDED));
    }

    @Test
    void theWholeCodebookWriterWritesWhatTheLoaderReadsBack() {
        for (Codebook cb : List.of(CodebookLoader.load(null), parse("{\"threshold\": 0.6}"))) {
            String json = CodebookWriter.write(cb);
            Codebook back = CodebookLoader.parse(new Resources.Loaded("back.json", json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(cb.themes(), back.themes());
            assertEquals(cb.settings(), back.settings());
            assertEquals(List.of(cb.id(), cb.version(), cb.name()), List.of(back.id(), back.version(), back.name()));
        }
    }

    @Test
    void colourIsOptionalAndChecked() {
        String json = "{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", " + THEMES.replace("\"name\": \"A\"", "\"name\": \"A\", \"color\": \"#12AB9f\"") + "}";
        Codebook cb = CodebookLoader.parse(new Resources.Loaded("x.json", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("#12AB9f", cb.theme("a").color());
        String bad = json.replace("#12AB9f", "teal");
        String m = assertThrows(CodebookException.class,
                () -> CodebookLoader.parse(new Resources.Loaded("x.json", bad.getBytes(StandardCharsets.UTF_8)))).getMessage();
        assertTrue(m.contains("x.json") && m.contains("color") && m.contains("teal"), m);
    }
}
