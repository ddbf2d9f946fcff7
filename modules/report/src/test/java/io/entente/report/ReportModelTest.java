package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.ModelInfo;
import io.entente.core.PartialDate;
import io.entente.report.model.CorpusReport;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportFormatException;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed report model: what JsonReport and CorpusSummary write reads back, writes again the same, and validates. */
class ReportModelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema reportSchema;
    private static JsonSchema corpusSchema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ReportModelTest.class.getClassLoader().getResourceAsStream("models/schemas/report.schema.json")) {
            assertNotNull(in);
            reportSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        // Loaded from a stream, without a location: it must validate on its own (as a user's validator sees it).
        try (InputStream in = ReportModelTest.class.getClassLoader().getResourceAsStream("models/schemas/corpus.schema.json")) {
            assertNotNull(in);
            corpusSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void theCorpusSchemasCopiesOfReportDefinitionsAreTheReportSchemas() throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode report;
        JsonNode corpus;
        try (InputStream r = ReportModelTest.class.getClassLoader().getResourceAsStream("models/schemas/report.schema.json");
             InputStream c = ReportModelTest.class.getClassLoader().getResourceAsStream("models/schemas/corpus.schema.json")) {
            report = om.readTree(r);
            corpus = om.readTree(c);
        }
        assertEquals(report.at("/properties/pipeline"), corpus.at("/$defs/pipeline"));
        assertEquals(report.at("/properties/document/properties/date"), corpus.at("/$defs/date"));
        assertEquals(report.at("/$defs/sha256"), corpus.at("/$defs/sha256"));
        assertTrue(corpus.findValuesAsText("$ref").stream().allMatch(ref -> ref.startsWith("#/")),
                "only references inside the file: " + corpus.findValuesAsText("$ref"));
    }

    /** Every optional part present: pages, encoding, sections, metadata, a territory with its sovereign, pairs. */
    static Document full() {
        Document d = CooperationAndModalityReportTest.document();
        DocumentInfo info = new DocumentInfo("full", "in/full.pdf", "Full \"quoted\" title — ünïcode", "2020-02",
                d.info().sha256(), List.of("Kim, Ji-ho", "Sato, Aiko"), "Some Institute", List.of("east-asia", "alliances"),
                "pdf", "eng", Map.of("title", "sidecar", "date", "file-name"), null);
        List<Entity> entities = new ArrayList<>(d.entities());
        entities.add(new Entity(EntityType.COUNTRY, "Hong Kong", "HKG",
                List.of(new Mention(16, 20, "face", 0, "gazetteer", "territory")), "territory", "CHN"));
        return Document.of(info, d.text(), List.of(0, 30)).withSentences(d.sentences(), true).withEntities(entities)
                .withThemes(d.themes()).withCooperation(d.cooperation()).withSections(Map.of(1, "notes"));
    }

    /** The least: no title, no date, no themes, no entities, a plain-text encoding. */
    static Document bare() {
        Document d = Fixtures.document("bare", "in/bare.txt", null, null, 0.1, 0.1);
        DocumentInfo info = new DocumentInfo("bare", "in/bare.txt", null, null, d.info().sha256(), List.of(), null,
                List.of(), "text", null, Map.of(), "windows-1252");
        return d.withInfo(info).withEntities(List.of()).withThemes(List.of());
    }

    private static List<Document> documents() {
        return List.of(Fixtures.document(), CooperationAndModalityReportTest.document(), full(), bare());
    }

    @Test
    void aRenderedReportReadsBackAndWritesAgainByteForByte() throws IOException {
        for (Document d : documents()) {
            String rendered = JsonReport.render(d, Fixtures.PIPELINE);
            Path file = Files.writeString(dir.resolve(d.id() + ".json"), rendered);
            DocumentReport read = ReportJson.readDocument(file);
            assertEquals(JsonReport.model(d, Fixtures.PIPELINE), read, d.id());
            assertEquals(rendered, ReportJson.write(read), d.id());
        }
    }

    @Test
    void theModelHoldsWhatTheDocumentSays() throws IOException {
        DocumentReport r = ReportJson.readDocument(JsonReport.render(full(), Fixtures.PIPELINE), "full.json");
        assertEquals(PartialDate.of(2020, 2), r.document().date());
        assertEquals(2, r.document().pages());
        assertNull(r.document().encoding());
        assertEquals(List.of("date", "title"), List.copyOf(r.document().metadataSources().keySet()));
        assertEquals("notes", r.sentences().get(1).section());
        assertTrue(r.sentences().get(0).isArgument());
        DocumentReport.Entity hk = r.entities().get(r.entities().size() - 1);
        assertEquals("CHN", hk.sovereign());
        assertEquals("territory", hk.mentions().get(0).form());
        assertNull(r.entities().get(2).kind(), "a person has no kind");
        assertEquals("recommended", r.themes().get(1).evidence().get(0).modality());
        assertEquals(2, r.themes().get(1).evidence().get(0).page());
        assertEquals("JPN-KOR", r.cooperation().get(0).pair());
        assertEquals(List.of(new ModelInfo("opennlp:en-sentence", "1.3.0"),
                new ModelInfo("abbreviations:classpath:models/tokenize/abbreviations.tsv", "0123456789ab")), r.pipeline().models());

        DocumentReport bare = ReportJson.readDocument(JsonReport.render(bare(), Fixtures.PIPELINE), "bare.json");
        assertNull(bare.document().date());
        assertNull(bare.document().title());
        assertEquals("windows-1252", bare.document().encoding());
        assertNull(bare.document().pages());
    }

    @Test
    void renderedReportsValidateAgainstTheSchema() throws IOException {
        for (Document d : documents()) {
            Set<ValidationMessage> errors = reportSchema.validate(MAPPER.readTree(JsonReport.render(d, Fixtures.PIPELINE)));
            assertTrue(errors.isEmpty(), d.id() + ": " + errors);
        }
    }

    @Test
    void aReportWrittenBeforeTheOptionalFieldsReadsAndLeavesThemOut() throws IOException {
        ObjectNode n = (ObjectNode) MAPPER.readTree(JsonReport.render(Fixtures.document(), Fixtures.PIPELINE));
        n.remove("cooperation");
        ObjectNode d = (ObjectNode) n.get("document");
        for (String f : List.of("authors", "publisher", "tags", "format", "language", "metadataSources")) {
            d.remove(f);
        }
        for (JsonNode t : n.get("themes")) {
            ((ObjectNode) t).remove("presence");
            for (JsonNode e : t.get("evidence")) {
                ((ObjectNode) e).remove("modality");
            }
        }
        for (JsonNode s : n.get("sentences")) {
            ((ObjectNode) s).remove("text");
        }
        assertTrue(reportSchema.validate(n).isEmpty(), "still a valid report");
        DocumentReport r = ReportJson.readDocument(MAPPER.writeValueAsString(n), "old.json");
        assertNull(r.cooperation());
        assertNull(r.themes().get(0).presence());
        assertEquals(List.of(), r.document().authors());
        JsonNode again = MAPPER.readTree(ReportJson.write(r));
        assertTrue(again.path("cooperation").isMissingNode());
        assertTrue(again.at("/themes/0/evidence/0/modality").isMissingNode());
        assertTrue(reportSchema.validate(again).isEmpty());
    }

    // --- strict reading: every error names the file and the field ---

    private ReportFormatException broken(Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode n = (ObjectNode) MAPPER.readTree(JsonReport.render(full(), Fixtures.PIPELINE));
        breakIt.accept(n);
        Path file = Files.writeString(dir.resolve("broken.json"), MAPPER.writeValueAsString(n));
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> ReportJson.readDocument(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(file.toString(), e.file());
        return e;
    }

    private void assertProblem(String expected, Consumer<ObjectNode> breakIt) throws IOException {
        assertEquals("malformed report: " + expected, broken(breakIt).problem());
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void anUnknownFieldIsAnError() throws IOException {
        assertProblem("colour is not a field of the report format (schema version 1)", n -> n.put("colour", "red"));
        assertProblem("document.colour is not a field of the report format (schema version 1)",
                n -> at(n, "/document").put("colour", "red"));
        assertProblem("themes[1].evidence[0].colour is not a field of the report format (schema version 1)",
                n -> at(n, "/themes/1/evidence/0").put("colour", "red"));
        assertProblem("sentences[0].page is not a field of the report format (schema version 1)",
                n -> at(n, "/sentences/0").put("page", 1));
    }

    @Test
    void aMissingRequiredFieldIsAnError() throws IOException {
        assertProblem("document.sha256 is missing", n -> at(n, "/document").remove("sha256"));
        assertProblem("document.date is missing", n -> at(n, "/document").remove("date"));
        assertProblem("themes[0].score is missing", n -> at(n, "/themes/0").remove("score"));
        assertProblem("entities[0].mentions[1].sentence is missing", n -> at(n, "/entities/0/mentions/1").remove("sentence"));
        assertProblem("pipeline is missing", n -> n.remove("pipeline"));
        assertProblem("document.source is missing or null", n -> at(n, "/document").putNull("source"));
        assertProblem("entities[0].code is missing or null", n -> at(n, "/entities/0").remove("code"));
    }

    @Test
    void aMalformedDateIsAnError() throws IOException {
        assertProblem("document.date: '2019-02-30' is not a calendar date", n -> at(n, "/document").put("date", "2019-02-30"));
        assertProblem("document.date: '22 August 2019' is not YYYY, YYYY-MM or YYYY-MM-DD",
                n -> at(n, "/document").put("date", "22 August 2019"));
        assertProblem("document.date is not a string", n -> at(n, "/document").put("date", 2019));
    }

    @Test
    void aValueOfTheWrongTypeOrOutOfRangeIsAnError() throws IOException {
        assertProblem("document.characters is not an integer", n -> at(n, "/document").put("characters", "70"));
        assertProblem("document.characters is not an integer", n -> at(n, "/document").put("characters", 70.5));
        assertProblem("document.characters is not an integer", n -> at(n, "/document").putNull("characters"));
        assertProblem("document.title is not a string", n -> at(n, "/document").put("title", 7));
        assertProblem("themes[0].score is not a number", n -> at(n, "/themes/0").put("score", "0.5"));
        assertProblem("themes[0].sentences is not an array", n -> at(n, "/themes/0").put("sentences", 0));
        assertProblem("entities[0].type is 'STATE', not one of [COUNTRY, ORGANIZATION, PERSON]",
                n -> at(n, "/entities/0").put("type", "STATE"));
        assertProblem("themes[0].polarity is 'neutral', not driver or obstacle", n -> at(n, "/themes/0").put("polarity", "neutral"));
        assertProblem("themes[1].evidence[0].modality is 'maybe', not stated, recommended, hypothetical or negated",
                n -> at(n, "/themes/1/evidence/0").put("modality", "maybe"));
        assertProblem("sentences[0].start is -1, not a count (0 or more)", n -> at(n, "/sentences/0").put("start", -1));
        assertProblem("themes[0].sentences[1] is 7 but the report has 2 sentences",
                n -> ((ArrayNode) n.at("/themes/0/sentences")).add(7));
        assertProblem("themes[1].id 'shared-threat' appears twice", n -> at(n, "/themes/1").put("id", "shared-threat"));
        assertProblem("schemaVersion is 2; this version of Entente reads 1", n -> n.put("schemaVersion", 2));
    }

    @Test
    void invalidJsonAndDuplicateKeysAreErrors() throws IOException {
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"schemaVersion\": 1, ");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> ReportJson.readDocument(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": not valid JSON"), e.getMessage());

        String whole = JsonReport.render(Fixtures.document(), Fixtures.PIPELINE);
        String cut = whole.substring(0, whole.indexOf("\"entities\"") + 20);
        e = assertThrows(ReportFormatException.class, () -> ReportJson.readDocument(cut, "cut.json"));
        assertTrue(e.getMessage().startsWith("cut.json: not valid JSON: Unexpected end-of-input"), e.getMessage());

        String twice = JsonReport.render(Fixtures.document(), Fixtures.PIPELINE).replaceFirst("\"schemaVersion\" : 1,",
                "\"schemaVersion\" : 1, \"schemaVersion\" : 1,");
        e = assertThrows(ReportFormatException.class, () -> ReportJson.readDocument(twice, "twice.json"));
        assertTrue(e.getMessage().startsWith("twice.json: not valid JSON: Duplicate field 'schemaVersion'"), e.getMessage());

        e = assertThrows(ReportFormatException.class, () -> ReportJson.readDocument("[]", "array.json"));
        assertEquals("array.json: malformed report: the file is not an object", e.getMessage());
    }

    @Test
    void aDocumentWhoseDateIsNotADateIsNotRendered() {
        Document d = Fixtures.document("odd", "in/odd.txt", "Odd", "2019-02-30", 0.5, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReport.render(d, Fixtures.PIPELINE));
        assertEquals("document odd: date '2019-02-30' is not a calendar date", e.getMessage());
    }

    // --- the corpus summary ---

    private static CorpusSummary summary() {
        CorpusSummary s = new CorpusSummary();
        documents().forEach(s::add);
        s.fail("in/zz-broken.txt", "binary content, not text");
        s.fail("in/empty.txt", null);
        return s;
    }

    @Test
    void aRenderedCorpusSummaryReadsBackAndWritesAgainByteForByte() throws IOException {
        String rendered = summary().render(Fixtures.PIPELINE);
        Path file = Files.writeString(dir.resolve("corpus.json"), rendered);
        CorpusReport read = ReportJson.readCorpus(file);
        assertEquals(summary().model(Fixtures.PIPELINE), read);
        assertEquals(rendered, ReportJson.write(read));
        // What the CLI reads of a previous run: the models of its pipeline block.
        assertEquals(Fixtures.PIPELINE.models(), read.pipeline().models());
        assertEquals(PartialDate.of(2020, 2), read.documentList().stream().filter(d -> d.id().equals("full")).findFirst()
                .orElseThrow().date());
        assertNull(read.failures().get(0).reason());

        String empty = new CorpusSummary().render(Fixtures.PIPELINE);
        assertEquals(empty, ReportJson.write(ReportJson.readCorpus(empty.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "empty.json")));
    }

    @Test
    void renderedCorpusSummariesValidateAgainstTheirSchema() throws IOException {
        for (CorpusSummary s : List.of(summary(), new CorpusSummary())) {
            JsonNode n = MAPPER.readTree(s.render(Fixtures.PIPELINE));
            Set<ValidationMessage> errors = corpusSchema.validate(n);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        // The schema does check: a bad date, a stray field, a missing count.
        ObjectNode n = (ObjectNode) MAPPER.readTree(summary().render(Fixtures.PIPELINE));
        ((ObjectNode) n.at("/documentList/0")).put("date", "2019-13");
        assertTrue(corpusSchema.validate(n).toString().contains("documentList[0].date"), corpusSchema.validate(n).toString());
        ((ObjectNode) n.at("/documentList/0")).put("date", "2019-12");
        assertTrue(corpusSchema.validate(n).isEmpty());
        ((ObjectNode) n.at("/countries/0")).put("share", 0.5);
        assertTrue(corpusSchema.validate(n).toString().contains("share"), corpusSchema.validate(n).toString());
        ((ObjectNode) n.at("/countries/0")).remove("share");
        ((ObjectNode) n.at("/pipeline")).remove("models");
        assertTrue(corpusSchema.validate(n).toString().contains("models"), corpusSchema.validate(n).toString());
    }

    @Test
    void aCorpusSummaryIsReadStrictly() throws IOException {
        ObjectNode n = (ObjectNode) MAPPER.readTree(summary().render(Fixtures.PIPELINE));
        ((ObjectNode) n.at("/documentList/0")).put("date", "2019-13");
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> ReportJson.readCorpus(MAPPER.writeValueAsBytes(n), "corpus.json"));
        assertEquals("corpus.json: malformed corpus summary: documentList[0].date: '2019-13' is not a calendar date",
                e.getMessage());
        ((ObjectNode) n.at("/documentList/0")).put("date", "2019-12");
        ((ObjectNode) n.at("/countries/0")).put("share", 0.5);
        e = assertThrows(ReportFormatException.class, () -> ReportJson.readCorpus(MAPPER.writeValueAsBytes(n), "corpus.json"));
        assertEquals("corpus.json: malformed corpus summary: countries[0].share is not a field of the report format"
                + " (schema version 1)", e.getMessage());
        ((ObjectNode) n.at("/countries/0")).remove("share");
        n.put("failed", 3);
        e = assertThrows(ReportFormatException.class, () -> ReportJson.readCorpus(MAPPER.writeValueAsBytes(n), "corpus.json"));
        assertEquals("corpus.json: malformed corpus summary: failed is 3 but failures has 2", e.getMessage());
    }

    @Test
    void headTellsReportsFromOtherJson() throws IOException {
        Path report = Files.writeString(dir.resolve("a.json"), JsonReport.render(Fixtures.document(), Fixtures.PIPELINE));
        assertEquals(new ReportJson.Head(1, true, "paper"), ReportJson.head(report));
        assertTrue(ReportJson.head(report).isDocumentReport());
        Path corpus = Files.writeString(dir.resolve("corpus.json"), summary().render(Fixtures.PIPELINE));
        assertEquals(new ReportJson.Head(1, false, null), ReportJson.head(corpus));
        Path future = Files.writeString(dir.resolve("f.json"), "{\"document\": {\"id\": \"x\"}, \"schemaVersion\": 2}");
        assertTrue(ReportJson.head(future).isOtherVersion());
        Path list = Files.writeString(dir.resolve("l.json"), "[1, 2]");
        assertEquals(new ReportJson.Head(null, false, null), ReportJson.head(list));
        Path bad = Files.writeString(dir.resolve("b.json"), "{\"schemaVersion\": 1, \"document\": {");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> ReportJson.head(bad));
        assertTrue(e.getMessage().startsWith(bad + ": not valid JSON"), e.getMessage());
    }
}
