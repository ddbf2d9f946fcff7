package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = JsonReportTest.class.getClassLoader().getResourceAsStream("models/schemas/report.schema.json")) {
            assertNotNull(in, "the module packages models/schemas/report.schema.json");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode report(Document d) throws IOException {
        return MAPPER.readTree(JsonReport.render(d, Fixtures.PIPELINE));
    }

    private static Set<ValidationMessage> validate(JsonNode n) {
        return schema.validate(n);
    }

    private static void assertInvalid(Consumer<ObjectNode> breakIt, String expectedInMessage) throws IOException {
        ObjectNode n = (ObjectNode) report(Fixtures.document());
        assertTrue(validate(n).isEmpty(), "valid before the change");
        breakIt.accept(n);
        Set<ValidationMessage> errors = validate(n);
        assertFalse(errors.isEmpty(), "expected a validation error about " + expectedInMessage);
        assertTrue(errors.toString().contains(expectedInMessage), errors.toString());
    }

    @Test
    void hasTheContractFields() throws IOException {
        Document doc = Fixtures.document();
        JsonNode n = report(doc);
        assertEquals(1, n.get("schemaVersion").asInt());

        JsonNode d = n.get("document");
        assertEquals("paper", d.get("id").asText());
        assertEquals("in/paper.txt", d.get("source").asText());
        assertEquals("A Shared Threat", d.get("title").asText());
        assertEquals("2019-08-22", d.get("date").asText());
        assertEquals(Resources.sha256(Fixtures.TEXT), d.get("sha256").asText());
        assertEquals(Fixtures.TEXT.length(), d.get("characters").asInt());
        assertEquals(doc.tokenCount(), d.get("tokens").asInt());
        assertTrue(doc.tokenCount() > 0);

        JsonNode p = n.get("pipeline");
        assertEquals("0.1.0", p.get("version").asText());
        assertEquals("security-cooperation", p.at("/codebook/id").asText());
        assertEquals(Resources.sha256("codebook"), p.at("/codebook/sha256").asText());
        assertEquals(2, p.get("models").size());
        assertEquals("opennlp:en-sentence", p.at("/models/0/name").asText());
        assertEquals("1.3.0", p.at("/models/0/version").asText());

        JsonNode sentences = n.get("sentences");
        assertEquals(2, sentences.size());
        assertEquals(0, sentences.at("/0/index").asInt());
        assertEquals(0, sentences.at("/0/start").asInt());
        assertEquals(37, sentences.at("/0/end").asInt());
        assertEquals("shared-threat", sentences.at("/0/themes/0").asText());
        assertEquals("history", sentences.at("/1/themes/0").asText());
        assertEquals(1, sentences.at("/1/themes").size());

        JsonNode entities = n.get("entities");
        assertEquals(3, entities.size());
        assertEquals("COUNTRY", entities.at("/0/type").asText());
        assertEquals("South Korea", entities.at("/0/canonical").asText());
        assertEquals("KOR", entities.at("/0/code").asText());
        assertEquals(2, entities.at("/0/count").asInt());
        assertEquals("Korea", entities.at("/0/mentions/1/text").asText());
        assertEquals(1, entities.at("/0/mentions/1/sentence").asInt());
        assertEquals("PERSON", entities.at("/2/type").asText());
        assertFalse(entities.get(2).has("code"), "no code for a person");

        JsonNode themes = n.get("themes");
        assertEquals(2, themes.size());
        JsonNode t = themes.get(0);
        assertEquals("shared-threat", t.get("id").asText());
        assertEquals("driver", t.get("polarity").asText());
        assertEquals("Shared threat", t.get("name").asText());
        assertEquals(0.75, t.get("score").asDouble());
        assertEquals("[0]", t.get("sentences").toString());
        assertEquals("[\"KOR\",\"JPN\"]", t.get("actors").toString());
        JsonNode ev = t.at("/evidence/0");
        assertEquals(0, ev.get("sentence").asInt());
        assertEquals("Korea and Japan face a shared threat.", ev.get("text").asText());
        assertEquals("shared threat", ev.at("/cues/0/pattern").asText());
        assertFalse(ev.at("/cues/0/negated").asBoolean());
        assertTrue(ev.at("/cues/0/negated").isBoolean());
        assertEquals("obstacle", themes.at("/1/polarity").asText());
    }

    @Test
    void validatesAgainstTheSchema() throws IOException {
        Set<ValidationMessage> errors = validate(report(Fixtures.document()));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void nullTitleAndDateAndEmptyLayersValidate() throws IOException {
        Document bare = Document.of(new DocumentInfo("bare", "bare.txt", null, null, Resources.sha256("x")), "x");
        JsonNode n = report(bare);
        assertTrue(n.at("/document/title").isNull());
        assertTrue(n.at("/document/date").isNull());
        assertEquals(0, n.get("sentences").size());
        Set<ValidationMessage> errors = validate(n);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void partialDatesValidate() throws IOException {
        for (String date : List.of("2019", "2019-08")) {
            Document d = Fixtures.document("p", "p.txt", "T", date, 0.5, 0.5);
            assertTrue(validate(report(d)).isEmpty(), date);
        }
    }

    @Test
    void additionalPropertiesAreAllowed() throws IOException {
        ObjectNode n = (ObjectNode) report(Fixtures.document());
        n.put("futureField", true);
        ((ObjectNode) n.get("document")).put("language", "en");
        ((ObjectNode) n.at("/themes/0")).put("confidence", 0.9);
        assertTrue(validate(n).isEmpty());
    }

    @Test
    void missingDocumentSha256FailsValidation() throws IOException {
        assertInvalid(n -> ((ObjectNode) n.get("document")).remove("sha256"), "sha256");
    }

    @Test
    void malformedValuesFailValidation() throws IOException {
        assertInvalid(n -> ((ObjectNode) n.get("document")).put("sha256", "abc"), "sha256");
        assertInvalid(n -> n.put("schemaVersion", 2), "schemaVersion");
        assertInvalid(n -> ((ObjectNode) n.get("document")).put("date", "22 August 2019"), "date");
        assertInvalid(n -> ((ObjectNode) n.get("document")).put("characters", -1), "characters");
        assertInvalid(n -> ((ObjectNode) n.at("/themes/0")).put("polarity", "neutral"), "polarity");
        assertInvalid(n -> ((ObjectNode) n.at("/themes/0")).put("score", 1.5), "score");
        assertInvalid(n -> ((ArrayNode) n.at("/themes/0/actors")).add("Korea"), "actors");
        assertInvalid(n -> ((ObjectNode) n.at("/entities/0")).put("type", "PLACE"), "type");
        assertInvalid(n -> ((ObjectNode) n.at("/themes/0/evidence/0/cues/0")).put("negated", "no"), "negated");
        assertInvalid(n -> n.remove("pipeline"), "pipeline");
        assertInvalid(n -> ((ObjectNode) n.at("/sentences/0")).remove("themes"), "themes");
    }

    @Test
    void countryWithoutCodeFailsValidation() throws IOException {
        assertInvalid(n -> ((ObjectNode) n.at("/entities/0")).remove("code"), "code");
        ObjectNode n = (ObjectNode) report(Fixtures.document());
        ((ObjectNode) n.at("/entities/2")).remove("code");
        assertTrue(validate(n).isEmpty(), "a person needs no code");
        assertEquals("PERSON", n.at("/entities/2/type").asText());
    }

    @Test
    void renderingTwiceIsByteIdentical() {
        String a = JsonReport.render(Fixtures.document(), Fixtures.PIPELINE);
        String b = JsonReport.render(Fixtures.document(), Fixtures.PIPELINE);
        assertEquals(a, b);
        assertTrue(a.endsWith("}\n"));
        assertTrue(a.indexOf("\"schemaVersion\"") < a.indexOf("\"document\"")
                && a.indexOf("\"document\"") < a.indexOf("\"pipeline\"")
                && a.indexOf("\"pipeline\"") < a.indexOf("\"sentences\"")
                && a.indexOf("\"sentences\"") < a.indexOf("\"entities\"")
                && a.indexOf("\"entities\"") < a.indexOf("\"themes\" : [ {"), "fixed field order");
    }
}
