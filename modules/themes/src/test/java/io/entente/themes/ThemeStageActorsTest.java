package io.entente.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.CooperationPair;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.Modality;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Actors resolved through references, modality of evidence and the modality-weighted document score,
 * on invented sentences with hand-made country mentions (no tagger needed).
 */
class ThemeStageActorsTest {
    private static final String CODEBOOK = """
            {"id": "mini", "version": "1", "name": "Mini",
             "settings": {"threshold": 0.5, "negators": ["not", "no", "never"], "negationWindow": 3},
             "themes": [
               {"id": "trust", "polarity": "obstacle", "name": "Trust", "definition": "trust",
                "cues": [{"pattern": "trust|distrust", "weight": 1.0}]},
               {"id": "dispute", "polarity": "obstacle", "name": "Dispute", "definition": "dispute",
                "cues": [{"pattern": "dispute|disputes", "weight": 1.0}]},
               {"id": "drill", "polarity": "driver", "name": "Drill", "definition": "drill",
                "cues": [{"pattern": "drill|drills", "weight": 1.0}]}
             ]}""";
    private static final ThemeStage STAGE = new ThemeStage(new ThemeClassifier(CodebookLoaderTest.parse(CODEBOOK)));
    /** Country names the test documents use, and their codes. */
    private static final Map<String, String> COUNTRIES = Map.of("Japan", "JPN", "Korea", "KOR", "America", "USA",
            "China", "CHN", "Russia", "RUS", "France", "FRA");

    /** One sentence per array element; every country name above becomes a mention. */
    static Document document(String... sentences) {
        StringBuilder text = new StringBuilder();
        List<Sentence> ss = new ArrayList<>();
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        Pattern names = Pattern.compile(String.join("|", COUNTRIES.keySet()));
        for (String s : sentences) {
            int start = text.length();
            text.append(s);
            ss.add(new Sentence(ss.size(), start, text.length(), List.of()));
            Matcher m = names.matcher(s);
            while (m.find()) {
                mentions.computeIfAbsent(m.group(), k -> new ArrayList<>())
                        .add(new Mention(start + m.start(), start + m.end(), m.group(), ss.size() - 1, "test"));
            }
            text.append(' ');
        }
        List<Entity> entities = new ArrayList<>();
        mentions.forEach((name, ms) -> entities.add(new Entity(EntityType.COUNTRY, name, COUNTRIES.get(name), ms)));
        return Document.of(new DocumentInfo("t", "t.txt", null, null, "0".repeat(64)), text.toString())
                .withSentences(ss, true).withEntities(entities);
    }

    private static ThemeResult theme(Document d, String id) {
        return d.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static ThemeEvidence evidence(Document d, String theme, int sentence) {
        return theme(d, theme).evidence().stream().filter(e -> e.sentence() == sentence).findFirst().orElseThrow();
    }

    @Test
    void countriesNamedOnceThenReferredToAsTheTwoCountriesAreTheActors() {
        Document d = STAGE.process(document(
                "Japan and Korea signed a new agreement in the spring.",
                "The two countries still distrust their intentions.",
                "Analysts expect more contacts."));
        assertEquals(List.of("JPN", "KOR"), evidence(d, "trust", 1).actors());
        assertEquals(List.of("JPN", "KOR"), theme(d, "trust").actors());
    }

    @Test
    void aPairReferenceTakesTheLastPairNamedTogetherNearbyBeforeTheMainPair() {
        Document d = STAGE.process(document(
                "Japan and Korea met in January.",
                "Japan and Korea met again in March.",
                "Japan and Korea met a third time in June.",
                "Meanwhile China and Russia announced joint patrols.",
                "Both sides deny any dispute over the patrols.",
                "Filler sentence one.", "Filler sentence two.", "Filler sentence three.",
                "Both sides distrust the new radar."));
        assertEquals(List.of("CHN", "RUS"), evidence(d, "dispute", 4).actors(), "the last pair within three sentences");
        assertEquals(List.of("JPN", "KOR"), evidence(d, "trust", 8).actors(), "beyond the window: the main pair");
    }

    @Test
    void aSentenceNamingOneCountryKeepsItInTheResolvedPair() {
        Document d = STAGE.process(document(
                "Japan and Korea met in January.",
                "Japan and Korea met again in March.",
                "America, Japan and Korea held talks.",
                "Korea does not hide that the partners distrust each other."));
        assertEquals(List.of("KOR", "JPN"), evidence(d, "trust", 3).actors());
    }

    @Test
    void groupAndAllyReferencesResolveToTheMainTrilateral() {
        Document d = STAGE.process(document(
                "Japan and Korea met in January with America.",
                "Japan and Korea met again in March, and America joined.",
                "Japan and Korea met a third time in June.",
                "The three countries then announced a drill.",
                "Their common ally keeps a dispute at bay."));
        assertEquals(List.of("JPN", "KOR", "USA"), evidence(d, "drill", 3).actors());
        assertEquals(List.of("USA"), evidence(d, "dispute", 4).actors());
        assertEquals("JPN-KOR", d.cooperation().get(0).pair());
        assertEquals("JPN-KOR-USA", d.cooperation().get(1).pair());
        assertEquals(List.of(new CooperationPair.PairTheme("drill", 1)), d.cooperation().get(1).themes());
    }

    @Test
    void evidenceCarriesItsModality() {
        Document d = STAGE.process(document(
                "Japan and Korea distrust each other.",
                "Japan and Korea should hold a drill every year.",
                "If a dispute arises, Japan and Korea would talk.",
                "Japan and Korea have no dispute over the reef."));
        assertEquals(Modality.STATED, evidence(d, "trust", 0).modality());
        assertEquals(Modality.RECOMMENDED, evidence(d, "drill", 1).modality());
        assertEquals(Modality.HYPOTHETICAL, evidence(d, "dispute", 2).modality());
        assertEquals(Modality.NEGATED, evidence(d, "dispute", 3).modality());
    }

    @Test
    void negationOutranksHypothesisAndRecommendation() {
        Document d = STAGE.process(document(
                "Japan should not expect a dispute if talks go well.",
                "The dispute over the reef lingers."));
        assertEquals(Modality.STATED, evidence(d, "dispute", 1).modality());
        assertEquals(Modality.NEGATED, evidence(d, "dispute", 0).modality());
    }

    @Test
    void theDocumentScoreWeightsEvidenceByModality() {
        double s = 1 - Math.exp(-1.0); // one cue of weight 1
        Document d = STAGE.process(document(
                "The two navies should hold a drill.",
                "A drill could follow in autumn.",
                "There is no drill planned by the army, only a dispute.",
                "Trust is rising."));
        ThemeResult drill = theme(d, "drill");
        assertEquals(List.of(0, 1, 2), drill.sentences(), "negated evidence stays listed under a listed theme");
        double expected = 1 - (1 - 0.8 * s) * (1 - 0.5 * s) * (1 - 0.0 * s);
        assertEquals(expected, drill.presence(), 1e-4);
        assertEquals((0.8 * s + 0.5 * s + 0.0 * s) / 4, drill.score(), 1e-4, "salience weights evidence by modality too");
        assertEquals(s, theme(d, "trust").presence(), 1e-4, "stated evidence counts fully");
        assertEquals(s / 4, theme(d, "trust").score(), 1e-4);
    }

    @Test
    void aThemeWithOnlyNegatedEvidenceIsLeftOut() {
        Document d = STAGE.process(document(
                "There is no dispute between the two navies.",
                "They never had a dispute either.",
                "Trust is rising."));
        assertNull(theme(d, "dispute"));
        assertTrue(theme(d, "trust") != null);
    }

    @Test
    void modalityWeightsComeFromTheCodebookSettings() {
        String cb = CODEBOOK.replace("\"negationWindow\": 3}", "\"negationWindow\": 3, \"modalityWeights\": {\"negated\": 0.5}}");
        ThemeStage stage = new ThemeStage(new ThemeClassifier(CodebookLoaderTest.parse(cb)));
        Document d = stage.process(document("There is no dispute between the two navies."));
        assertEquals(0.5 * (1 - Math.exp(-1.0)), theme(d, "dispute").score(), 1e-4);
    }
}
