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
 * settings) kept as it was, in the layout of the packaged codebooks (two-space indent).
 */
public final class CodebookWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodebookWriter() {
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
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
            pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
            return JSON.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(base.origin() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
