package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Polarity;
import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodebookLoaderTest {
    static final String VALID = """
            {"id": "demo", "version": "1", "name": "Demo",
             "settings": {"threshold": 0.5, "negators": ["not"], "negationWindow": 2, "negatedWeight": 0.5},
             "themes": [
               {"id": "a.one", "polarity": "driver", "name": "One", "definition": "first",
                "cues": [{"pattern": "alpha*", "weight": 1.0}], "examples": ["Alpha helps."]},
               {"id": "b.two", "polarity": "obstacle", "name": "Two", "definition": "second",
                "cues": [{"pattern": "beta", "weight": 0.4}, {"pattern": "gamma", "weight": 0.4}]}
             ]}""";

    static Codebook parse(String json) {
        return CodebookLoader.parse(new Resources.Loaded("test.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void loadsAValidCodebook() {
        Codebook cb = parse(VALID);
        assertEquals("demo", cb.id());
        assertEquals(2, cb.themes().size());
        assertEquals(Polarity.OBSTACLE, cb.theme("b.two").polarity());
        assertEquals(List.of("Alpha helps."), cb.theme("a.one").examples());
        assertEquals(64, cb.sha256().length());
    }

    @Test
    void packagedCodebookLoadsWithEveryThemeOfTheCodebook() {
        Codebook cb = CodebookLoader.load(null);
        assertEquals("security-cooperation", cb.id());
        for (String id : List.of("threat.shared", "alliance.dynamics", "regional.stability", "nontraditional.security",
                "shared.values", "institutional.mechanisms", "history.legacy", "territorial.dispute",
                "mutual.distrust", "domestic.politics", "divergent.interests", "economic.friction")) {
            assertTrue(cb.theme(id) != null, id);
            assertFalse(cb.theme(id).cues().isEmpty(), id);
        }
    }

    private static String error(String json) {
        return assertThrows(CodebookException.class, () -> parse(json)).getMessage();
    }

    @Test
    void errorsNameTheFileTheEntryAndTheProblem() {
        String m = error(VALID.replace("\"definition\": \"second\"", "\"definitoin\": \"second\""));
        assertTrue(m.contains("test.json") && m.contains("themes[1] (b.two)") && m.contains("unknown key 'definitoin'"), m);

        m = error(VALID.replace("\"obstacle\"", "\"barrier\""));
        assertTrue(m.contains("themes[1] (b.two)") && m.contains("polarity"), m);

        m = error(VALID.replace("\"beta\"", "\"Beta\""));
        assertTrue(m.contains("cues[0]") && m.contains("'Beta'"), m);

        m = error(VALID.replace("\"id\": \"b.two\"", "\"id\": \"a.one\""));
        assertTrue(m.contains("duplicate theme id"), m);

        m = error(VALID.replace("\"weight\": 1.0", "\"weight\": -1"));
        assertTrue(m.contains("weight"), m);

        m = error(VALID.replace("\"version\": \"1\", ", ""));
        assertTrue(m.contains("missing required key 'version'"), m);

        m = error("{ not json");
        assertTrue(m.contains("not valid JSON") && m.contains("line 1"), m);

        m = error(VALID.replace("\"negationWindow\": 2", "\"negationWindow\": 42"));
        assertTrue(m.contains("settings negationWindow"), m);
        m = error(VALID.replace("\"negationWindow\": 2", "\"negationWindow\": 2, \"headingMaxWords\": -1"));
        assertTrue(m.contains("settings headingMaxWords") && m.contains("0 (off)"), m);
    }

    @Test
    void modalityWeightsDefaultAndOverride() {
        Codebook.Settings defaults = parse(VALID).settings();
        assertEquals(1.0, defaults.weight(io.entente.core.Modality.STATED));
        assertEquals(0.8, defaults.weight(io.entente.core.Modality.RECOMMENDED));
        assertEquals(0.5, defaults.weight(io.entente.core.Modality.HYPOTHETICAL));
        assertEquals(0.0, defaults.weight(io.entente.core.Modality.NEGATED));
        Codebook.Settings custom = parse(VALID.replace("\"negatedWeight\": 0.5", "\"negatedWeight\": 0.5, "
                + "\"modalityWeights\": {\"hypothetical\": 0.25}")).settings();
        assertEquals(0.25, custom.weight(io.entente.core.Modality.HYPOTHETICAL));
        assertEquals(0.8, custom.weight(io.entente.core.Modality.RECOMMENDED), "unlisted modalities keep their default");

        String m = error(VALID.replace("\"negatedWeight\": 0.5", "\"negatedWeight\": 0.5, \"modalityWeights\": {\"maybe\": 0.3}"));
        assertTrue(m.contains("test.json") && m.contains("settings modalityWeights") && m.contains("'maybe'"), m);
        m = error(VALID.replace("\"negatedWeight\": 0.5", "\"negatedWeight\": 0.5, \"modalityWeights\": {\"stated\": 2}"));
        assertTrue(m.contains("settings modalityWeights stated") && m.contains("from 0 to 1"), m);
    }
}
