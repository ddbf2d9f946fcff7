package io.entente.report.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.entente.core.PartialDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the report format: the per-document report ({@link DocumentReport}) and the corpus
 * summary ({@link CorpusReport}). The one place that knows how they look as JSON: field order and
 * inclusion come from the records' annotations, the layout from one configured mapper, so what is
 * written reads back and writes again byte for byte.
 *
 * <p>Reading is strict: a field the format does not have, a required field that is missing, a value of
 * the wrong type (no coercion of {@code "3"} to 3 or 3.5 to 3), a duplicate key, or a date that is not
 * {@code YYYY[-MM[-DD]]} is an error ({@link ReportFormatException}) that names the file and the field.
 * A later version that adds fields raises {@link #SCHEMA_VERSION}.
 */
public final class ReportJson {
    /** The version of the report format this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("entente-report").addSerializer(PartialDate.class, new DateWriter())
                    .addDeserializer(PartialDate.class, new DateReader()))
            .build();

    /** For {@link #head}, which reads a file's first fields only. */
    private static final ObjectMapper HEAD = new ObjectMapper();

    private ReportJson() {
    }

    /** The report as the file holds it: two-space indented JSON and a final newline. */
    public static String write(DocumentReport report) {
        return text(report);
    }

    /** The corpus summary as {@code corpus.json} holds it. */
    public static String write(CorpusReport summary) {
        return text(summary);
    }

    /** The report as a JSON tree (the fields in file order). */
    public static ObjectNode tree(DocumentReport report) {
        return JSON.valueToTree(report);
    }

    /** Reads a per-document report. */
    public static DocumentReport readDocument(Path file) throws IOException {
        return readDocument(Files.readAllBytes(file), file.toString());
    }

    /** Reads a per-document report from its bytes; {@code name} names it in errors. */
    public static DocumentReport readDocument(byte[] bytes, String name) throws ReportFormatException {
        return read(bytes, name, DocumentReport.class, "malformed report");
    }

    /** Reads a per-document report from its text; {@code name} names it in errors. */
    public static DocumentReport readDocument(String json, String name) throws ReportFormatException {
        return readDocument(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
    }

    /** Reads a corpus summary ({@code corpus.json}). */
    public static CorpusReport readCorpus(Path file) throws IOException {
        return readCorpus(Files.readAllBytes(file), file.toString());
    }

    /** Reads a corpus summary from its bytes; {@code name} names it in errors. */
    public static CorpusReport readCorpus(byte[] bytes, String name) throws ReportFormatException {
        return read(bytes, name, CorpusReport.class, "malformed corpus summary");
    }

    /**
     * What a {@code .json} file of a reports folder is, read from its top only (a folder may hold
     * thousands): its schema version and, for a document report, its document id.
     *
     * @param schemaVersion the integer {@code schemaVersion}, -1 when it is not an integer, null when absent
     *                      (or the file is not a JSON object)
     * @param document      whether the file has a {@code document} object
     * @param documentId    {@code document.id} when it is a non-empty string, else null
     */
    public record Head(Integer schemaVersion, boolean document, String documentId) {
        /** A per-document report of the version this code reads (it may still fail {@link #readDocument}). */
        public boolean isDocumentReport() {
            return document && schemaVersion != null && schemaVersion == SCHEMA_VERSION;
        }

        /** A per-document report of another version. */
        public boolean isOtherVersion() {
            return document && schemaVersion != null && schemaVersion != SCHEMA_VERSION;
        }
    }

    /**
     * Reads the top of a file: enough to tell a per-document report from {@code corpus.json} and files
     * of other tools.
     *
     * @throws ReportFormatException when the file is not valid JSON (up to where it was read)
     */
    public static Head head(Path file) throws IOException {
        Integer version = null;
        boolean document = false;
        String id = null;
        try (JsonParser p = HEAD.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Head(null, false, null);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("schemaVersion".equals(field)) {
                    version = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : -1;
                } else if ("document".equals(field) && value == JsonToken.START_OBJECT) {
                    document = true;
                    var node = p.readValueAsTree();
                    var idNode = ((com.fasterxml.jackson.databind.JsonNode) node).get("id");
                    id = idNode != null && idNode.isTextual() && !idNode.textValue().isEmpty() ? idNode.textValue() : null;
                } else {
                    p.skipChildren();
                }
                if (version != null && document) {
                    break;
                }
            }
            if (t == null) {
                throw new java.io.EOFException("unexpected end of input");
            }
        } catch (JsonProcessingException | java.io.EOFException e) {
            throw new ReportFormatException(file.toString(), "not valid JSON: " + firstLine(e.getMessage()), e);
        }
        return new Head(version, document, id);
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(byte[] bytes, String name, Class<T> type, String what) throws ReportFormatException {
        T value;
        try {
            value = JSON.readValue(bytes, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException bad) { // the mapper wraps a syntax error met mid-object
                throw new ReportFormatException(name, "not valid JSON: " + firstLine(bad.getOriginalMessage())
                        + location(bad), e);
            }
            throw new ReportFormatException(name, what + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(name, "not valid JSON: " + firstLine(e.getOriginalMessage())
                    + location(e), e);
        } catch (IOException e) {
            throw new ReportFormatException(name, "cannot be read: " + e.getMessage(), e);
        }
        if (value == null) {
            throw new ReportFormatException(name, what + ": the file holds null", null);
        }
        return value;
    }

    /** "themes[0].evidence[2].score is missing or null": where, then what. */
    static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return path + " is not a field of the report format (schema version " + SCHEMA_VERSION + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return join(path, e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == PartialDate.class) {
            return path + ": " + f.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path + " is '" + f.getValue() + "', not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            String missing = "Missing required creator property '";
            if (original.startsWith(missing)) {
                String field = original.substring(missing.length(), original.indexOf('\'', missing.length()));
                return (path.equals(field) || path.endsWith("." + field) ? path : join(path, field)) + " is missing";
            }
            if (m.getTargetType() != null) {
                return (path.isEmpty() ? "the file" : path) + " is not " + expected(m.getTargetType());
            }
        }
        return (path.isEmpty() ? "" : path + ": ") + firstLine(e.getOriginalMessage());
    }

    private static String join(String path, String problem) {
        return path.isEmpty() ? problem : path + "." + problem;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == PartialDate.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A date as its ISO text. */
    private static final class DateWriter extends JsonSerializer<PartialDate> {
        @Override
        public void serialize(PartialDate value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(value.toString());
        }
    }

    /** A date from its ISO text, through {@link PartialDate#parse}: the one date parser. */
    private static final class DateReader extends JsonDeserializer<PartialDate> {
        @Override
        public PartialDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (PartialDate) ctxt.handleUnexpectedToken(PartialDate.class, p);
            }
            String text = p.getText();
            try {
                return PartialDate.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, PartialDate.class);
            }
        }
    }
}
