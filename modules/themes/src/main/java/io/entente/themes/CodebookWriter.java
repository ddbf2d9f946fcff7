package io.entente.themes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.Resources;
import java.io.UncheckedIOException;

/**
 * Writes a codebook whose cues changed back into its original file: the base file's JSON with each
 * theme's {@code cues} and the {@code version} replaced, every other key (definitions, examples,
 * settings) kept as it was, in the layout of the packaged codebooks (two-space indent); or a whole
 * codebook as a new file ({@link #write}), which {@link CodebookLoader} reads back to an equal codebook.
 */
public final class CodebookWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodebookWriter() {
    }

    /**
     * The whole codebook as JSON in the loader's format: settings written out in full (so the file says
     * what it does, whatever the defaults become), optional keys only when set.
     */
    public static String write(Codebook cb) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", cb.id());
        root.put("version", cb.version());
        root.put("name", cb.name());
        if (cb.description() != null) {
            root.put("description", cb.description());
        }
        if (cb.language() != null) {
            root.put("language", cb.language());
        }
        root.set("settings", settings(cb.settings()));
        ArrayNode themes = root.putArray("themes");
        for (Codebook.Theme t : cb.themes()) {
            ObjectNode tn = themes.addObject();
            tn.put("id", t.id());
            tn.put("polarity", t.polarity().label());
            tn.put("name", t.name());
            tn.put("definition", t.definition());
            if (t.color() != null) {
                tn.put("color", t.color());
            }
            if (t.threshold() != null) {
                tn.put("threshold", t.threshold());
            }
            ArrayNode cues = tn.putArray("cues");
            for (Codebook.Cue c : t.cues()) {
                ObjectNode n = cues.addObject();
                n.put("pattern", c.pattern());
                n.put("weight", c.weight());
                if (c.note() != null) {
                    n.put("note", c.note());
                }
            }
            if (!t.examples().isEmpty()) {
                ArrayNode ex = tn.putArray("examples");
                t.examples().forEach(ex::add);
            }
        }
        try {
            return pretty(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings as the codebook file holds them (every key, defaults included). */
    public static ObjectNode settings(Codebook.Settings s) {
        ObjectNode sn = JSON.createObjectNode();
        sn.put("threshold", s.threshold());
        ArrayNode neg = sn.putArray("negators");
        s.negators().forEach(neg::add);
        sn.put("negationWindow", s.negationWindow());
        sn.put("negatedWeight", s.negatedWeight());
        ObjectNode mw = sn.putObject("modalityWeights");
        s.modalityWeights().forEach((m, w) -> mw.put(m.label(), w));
        sn.put("headingMaxWords", s.headingMaxWords());
        return sn;
    }

    /** The settings as one line of JSON, which {@link CodebookLoader#parseSettings} reads back. */
    public static String settingsJson(Codebook.Settings s) {
        return settings(s).toString();
    }

    private static String pretty(JsonNode root) throws JsonProcessingException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return JSON.writer(pp).writeValueAsString(root) + "\n";
    }

    /** The JSON text of {@code base} with the cues of {@code cues}' themes and the given version. */
    public static String withCues(Resources.Loaded base, Codebook cues, String version) {
        try {
            JsonNode root = JSON.readTree(base.text());
            ((ObjectNode) root).put("version", version);
            for (JsonNode t : root.path("themes")) {
                Codebook.Theme theme = cues.theme(t.path("id").asText());
                if (theme == null) {
                    throw new IllegalArgumentException(base.origin() + ": theme " + t.path("id").asText() + " has no cues to write");
                }
                ArrayNode arr = JSON.createArrayNode();
                for (Codebook.Cue c : theme.cues()) {
                    ObjectNode n = arr.addObject();
                    n.put("pattern", c.pattern());
                    n.put("weight", c.weight());
                    if (c.note() != null) {
                        n.put("note", c.note());
                    }
                }
                ((ObjectNode) t).set("cues", arr);
            }
            return pretty(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(base.origin() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
