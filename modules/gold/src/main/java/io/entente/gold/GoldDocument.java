package io.entente.gold;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.EntityType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One gold document: {@code NAME.txt} and its labels {@code NAME.gold.json} (format in the codebook's
 * CODEBOOK.md, "Gold files"). The only reader of that format, for training, cross-validation and
 * evaluation alike. Immutable.
 *
 * @param id        NAME, the file name without {@code .gold.json}
 * @param text      the text of {@code NAME.txt} (UTF-8; a leading byte-order mark is not part of it)
 * @param sentences labelled sentences in file order, each within {@code text}
 * @param entities  required entities by type (every type present, possibly empty)
 * @param optional  borderline entities, neither required nor wrong (every type present)
 * @param entitiesLabelled whether the file labels entities at all (has an {@code entities} field): a file
 *                  with theme labels only, as {@code review import} writes, says nothing about entities, and
 *                  scoring the stage against its empty sets would count every found entity as spurious
 */
public record GoldDocument(String id, String text, List<GoldSentence> sentences, Map<EntityType, Set<String>> entities,
                           Map<EntityType, Set<String>> optional, boolean entitiesLabelled) {

    /** A labelled sentence: Java string offsets into the text (end exclusive) and its themes, in file order. */
    public record GoldSentence(int start, int end, Set<String> themes) {
        public GoldSentence {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("sentence " + start + "-" + end + ": not a span");
            }
            themes = Collections.unmodifiableSet(new LinkedHashSet<>(themes));
        }
    }

    public static final String SUFFIX = ".gold.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public GoldDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
        for (GoldSentence s : sentences) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("sentence " + s.start() + "-" + s.end() + " ends after the text ("
                        + text.length() + " characters)");
            }
        }
        entities = copy(entities);
        optional = copy(optional);
    }

    /** A document whose entities are labelled (possibly as empty sets). */
    public GoldDocument(String id, String text, List<GoldSentence> sentences, Map<EntityType, Set<String>> entities,
                        Map<EntityType, Set<String>> optional) {
        this(id, text, sentences, entities, optional, true);
    }

    /** A document with theme labels and no entity labels (tests, corpora built in memory). */
    public GoldDocument(String id, String text, List<GoldSentence> sentences) {
        this(id, text, sentences, Map.of(), Map.of(), false);
    }

    /** The text of one sentence. */
    public String text(GoldSentence s) {
        return text.substring(s.start(), s.end());
    }

    /** Every theme of the document (the union over its sentences), in order of first occurrence. */
    public Set<String> themes() {
        Set<String> all = new LinkedHashSet<>();
        sentences.forEach(s -> all.addAll(s.themes()));
        return Collections.unmodifiableSet(all);
    }

    /** {@code NAME.txt} beside {@code NAME.gold.json}. */
    public static Path textFile(Path goldFile) {
        return goldFile.resolveSibling(idOf(goldFile) + ".txt");
    }

    /** NAME of {@code NAME.gold.json}. */
    public static String idOf(Path goldFile) {
        String name = goldFile.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException(goldFile + ": not a NAME" + SUFFIX + " file");
        }
        return name.substring(0, name.length() - SUFFIX.length());
    }

    /**
     * Reads {@code NAME.gold.json} and the {@code NAME.txt} beside it.
     *
     * <p>A sentence whose offsets do not lie within the text is an error naming the gold file, not
     * clamped: offsets that overrun the text mean the labels belong to another version of it, and every
     * score computed from them would be silently wrong.
     *
     * @throws GoldFileException naming the file when either is missing, not UTF-8, not the format, or a
     *                           sentence lies outside the text
     */
    public static GoldDocument read(Path goldFile) throws GoldFileException {
        String id = idOf(goldFile);
        Path txt = textFile(goldFile);
        if (!Files.isRegularFile(txt)) {
            throw new GoldFileException(goldFile, "no " + txt.getFileName() + " beside it");
        }
        String text = utf8(txt);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // offsets count from the first character, as a reader of the text sees it
        }
        JsonNode root;
        try {
            root = JSON.readTree(stripBom(utf8(goldFile)));
        } catch (JacksonException e) {
            throw new GoldFileException(goldFile, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new GoldFileException(goldFile, "not a JSON object");
        }
        JsonNode idNode = root.get("id");
        if (idNode != null && !idNode.asText().equals(id)) {
            throw new GoldFileException(goldFile, "its id '" + idNode.asText() + "' is not its file name's '" + id + "'");
        }
        JsonNode list = root.path("sentences");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new GoldFileException(goldFile, "'sentences' is not a list");
        }
        List<GoldSentence> sentences = new ArrayList<>();
        int n = 0;
        for (JsonNode s : list) {
            n++;
            JsonNode start = s.get("start");
            JsonNode end = s.get("end");
            if (start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt() || !start.isIntegralNumber()
                    || !end.isIntegralNumber()) {
                throw new GoldFileException(goldFile, "sentence " + n + " has no integer start and end");
            }
            int a = start.intValue();
            int b = end.intValue();
            if (a < 0 || b < a || b > text.length()) {
                throw new GoldFileException(goldFile, "sentence " + n + " (" + a + "-" + b + ") lies outside the text of "
                        + txt.getFileName() + " (" + text.length() + " characters): are the labels of another version of it?");
            }
            Set<String> themes = new LinkedHashSet<>();
            JsonNode t = s.path("themes");
            if (!t.isMissingNode() && !t.isArray()) {
                throw new GoldFileException(goldFile, "sentence " + n + ": 'themes' is not a list");
            }
            t.forEach(x -> themes.add(x.asText()));
            sentences.add(new GoldSentence(a, b, themes));
        }
        JsonNode labelled = root.path("entities");
        if (!labelled.isMissingNode() && !labelled.isObject() && !labelled.isNull()) {
            throw new GoldFileException(goldFile, "'entities' is not an object of entity types");
        }
        return new GoldDocument(id, text, sentences, entities(labelled), entities(root.path("optional")),
                labelled.isObject());
    }

    private static String utf8(Path file) throws GoldFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new GoldFileException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new GoldFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static Map<EntityType, Set<String>> entities(JsonNode node) {
        Map<EntityType, Set<String>> out = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            Set<String> names = new LinkedHashSet<>();
            node.path(t.name()).forEach(n -> names.add(n.asText()));
            out.put(t, names);
        }
        return out;
    }

    private static Map<EntityType, Set<String>> copy(Map<EntityType, Set<String>> m) {
        Map<EntityType, Set<String>> out = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            out.put(t, Collections.unmodifiableSet(new LinkedHashSet<>(m.getOrDefault(t, Set.of()))));
        }
        return Collections.unmodifiableMap(out);
    }
}
