package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.entente.core.CooperationPair;
import io.entente.core.Document;
import io.entente.core.Modality;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The additive report fields: evidence modality and the document's cooperation pairs. */
class CooperationAndModalityReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = CooperationAndModalityReportTest.class.getClassLoader()
                .getResourceAsStream("models/schemas/report.schema.json")) {
            assertNotNull(in);
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** The fixture with its obstacle evidence turned into a recommendation and a JPN-KOR pair. */
    static Document document() {
        Document d = Fixtures.document();
        List<ThemeResult> themes = new ArrayList<>();
        for (ThemeResult t : d.themes()) {
            List<ThemeEvidence> ev = new ArrayList<>();
            for (ThemeEvidence e : t.evidence()) {
                ev.add(new ThemeEvidence(e.sentence(), e.start(), e.end(), e.text(), e.score(), e.actors(), e.cues(),
                        t.id().equals("history") ? Modality.RECOMMENDED : Modality.STATED));
            }
            themes.add(new ThemeResult(t.id(), t.polarity(), t.name(), t.score(), t.sentences(), ev, t.actors()));
        }
        return d.withThemes(themes).withCooperation(List.of(new CooperationPair("JPN-KOR", List.of("JPN", "KOR"), 2,
                List.of(new CooperationPair.PairTheme("shared-threat", 1), new CooperationPair.PairTheme("history", 1)))));
    }

    @Test
    void jsonCarriesModalityAndCooperationAndValidates() throws IOException {
        JsonNode n = MAPPER.readTree(JsonReport.render(document(), Fixtures.PIPELINE));
        assertEquals("stated", n.at("/themes/0/evidence/0/modality").asText());
        assertEquals("recommended", n.at("/themes/1/evidence/0/modality").asText());
        assertEquals("JPN-KOR", n.at("/cooperation/0/pair").asText());
        assertEquals("[\"JPN\",\"KOR\"]", n.at("/cooperation/0/countries").toString());
        assertEquals(2, n.at("/cooperation/0/sentences").asInt());
        assertEquals("[{\"id\":\"shared-threat\",\"sentences\":1},{\"id\":\"history\",\"sentences\":1}]",
                n.at("/cooperation/0/themes").toString());
        assertTrue(schema.validate(n).isEmpty(), schema.validate(n).toString());
    }

    @Test
    void schemaRejectsAnUnknownModalityAndAMalformedPair() throws IOException {
        ObjectNode n = (ObjectNode) MAPPER.readTree(JsonReport.render(document(), Fixtures.PIPELINE));
        ((ObjectNode) n.at("/themes/0/evidence/0")).put("modality", "likely");
        assertTrue(schema.validate(n).toString().contains("modality"), schema.validate(n).toString());
        n = (ObjectNode) MAPPER.readTree(JsonReport.render(document(), Fixtures.PIPELINE));
        ((ObjectNode) n.at("/cooperation/0")).put("pair", "japan-korea");
        assertTrue(schema.validate(n).toString().contains("pair"), schema.validate(n).toString());
    }

    @Test
    void reportsWithoutTheNewFieldsStillValidate() throws IOException {
        ObjectNode n = (ObjectNode) MAPPER.readTree(JsonReport.render(document(), Fixtures.PIPELINE));
        n.remove("cooperation");
        ((ObjectNode) n.at("/themes/0/evidence/0")).remove("modality");
        assertTrue(schema.validate(n).isEmpty(), "old reports stay valid: " + schema.validate(n));
    }

    @Test
    void markdownNamesTheCooperationPairAndKeepsRecommendationsApart() {
        String md = MarkdownReport.render(document(), Fixtures.PIPELINE);
        assertTrue(md.contains("## Cooperation\n\nMain cooperation pair: **JPN-KOR**"), md);
        assertTrue(md.contains("| JPN-KOR | 2 | `shared-threat` (1), `history` (1) |"), md);
        int obstacles = md.indexOf("### Obstacles to cooperation");
        int recommendations = md.indexOf("### Recommendations");
        assertTrue(obstacles > 0 && recommendations > obstacles, md);
        String history = "History divides Korea and Japan.";
        assertFalse(md.substring(obstacles, recommendations).contains(history), "a recommendation is not listed as stated");
        assertTrue(md.substring(recommendations).contains(history), md);
        assertTrue(md.substring(obstacles, recommendations).contains("Only recommendations"), md);
    }

    @Test
    void noCooperationSectionWithoutAPair() {
        String md = MarkdownReport.render(Fixtures.document(), Fixtures.PIPELINE);
        assertFalse(md.contains("## Cooperation"), md);
        assertFalse(md.contains("### Recommendations"), md);
    }
}
