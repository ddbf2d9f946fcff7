package io.entente.interop;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.entente.core.Resources;
import io.entente.themes.Codebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * quanteda's YAML dictionaries ({@code dictionary(file = "x.yml")}, {@code as.yaml}): a mapping of keys to
 * lists of values or to further keys; a list may mix values and one-key mappings (a key with both values
 * and sub-keys). quanteda lower-cases values and keeps keys as written; so does this reader. No weights,
 * descriptions or polarity.
 */
public final class QuantedaFormat implements CodebookFormat {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    @Override
    public String name() {
        return "quanteda";
    }

    @Override
    public String description() {
        return "quanteda YAML dictionary (.yml, .yaml), R's quanteda::dictionary(file =) and as.yaml()";
    }

    @Override
    public List<String> extensions() {
        return List.of("yml", "yaml");
    }

    @Override
    public int detect(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean ext = lower.endsWith(".yml") || lower.endsWith(".yaml");
        try {
            Dictionary.Parsed p = parse(fileName, new String(content, java.nio.charset.StandardCharsets.UTF_8));
            return p.roots.isEmpty() ? 0 : ext ? 2 : 1;
        } catch (RuntimeException e) {
            return ext ? 1 : 0;
        }
    }

    @Override
    public Imported read(Resources.Loaded file, PolarityMap polarities) {
        Notes notes = new Notes();
        Dictionary.Parsed parsed = parse(file.origin(), file.text());
        return DictionaryMapping.toCodebook(file.origin(), "quanteda", parsed, polarities, notes);
    }

    static Dictionary.Parsed parse(String origin, String text) {
        Dictionary.Parsed out = new Dictionary.Parsed();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InteropException(origin, "", "empty: a quanteda dictionary is a YAML mapping of keys to values");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InteropException(origin, "line " + line(p), "a quanteda dictionary is a YAML mapping of keys to values, not a "
                        + (t == JsonToken.START_ARRAY ? "list" : "single value"));
            }
            mapping(origin, p, null, out);
            if (p.nextToken() != null) {
                throw new InteropException(origin, "line " + line(p), "more than one YAML document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InteropException(origin, l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage().replaceAll("\\s+", " ").strip(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Aliases are refused: a dictionary needs none, and expanding them is how YAML bombs work. */
    private static void noAlias(String origin, JsonParser p) {
        if (((com.fasterxml.jackson.dataformat.yaml.YAMLParser) p).isCurrentAlias()) {
            throw new InteropException(origin, "line " + line(p), "YAML aliases (*name) are not read: a dictionary needs none, "
                    + "and they are how YAML bombs multiply");
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Reads key: value pairs until the mapping ends; {@code parent} null for the top level. */
    private static void mapping(String origin, JsonParser p, Dictionary.Key parent, Dictionary.Parsed out) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            int line = line(p);
            Dictionary.Key k = parent == null ? out.root(name, line) : parent.child(name, line);
            JsonToken v = p.nextToken();
            value(origin, p, v, k, out);
        }
    }

    private static void value(String origin, JsonParser p, JsonToken v, Dictionary.Key k, Dictionary.Parsed out) throws IOException {
        noAlias(origin, p);
        switch (v) {
            case START_OBJECT -> mapping(origin, p, k, out);
            case START_ARRAY -> {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    noAlias(origin, p);
                    if (t == JsonToken.START_OBJECT) {
                        mapping(origin, p, k, out);
                    } else if (t == JsonToken.START_ARRAY) {
                        throw new InteropException(origin, "line " + line(p), "key '" + k.name + "': a list inside a list");
                    } else if (t != JsonToken.VALUE_NULL) {
                        k.values.add(new Dictionary.Value(p.getText(), null, line(p)));
                    }
                }
            }
            case VALUE_NULL -> {
            }
            default -> k.values.add(new Dictionary.Value(p.getText(), null, line(p)));
        }
    }

    @Override
    public Exported write(Codebook codebook) {
        Notes notes = new Notes();
        Map<String, Node> roots = new LinkedHashMap<>();
        int weighted = 0;
        for (Codebook.Theme t : codebook.themes()) {
            List<String> keys = DictionaryMapping.keys(codebook, t);
            Map<String, Node> level = roots;
            Node n = null;
            for (String key : keys) {
                n = level.computeIfAbsent(key, x -> new Node());
                level = n.children;
            }
            n.values.addAll(DictionaryMapping.values(t, notes));
            weighted += (int) t.cues().stream().filter(c -> c.weight() != 1.0).count();
        }
        if (weighted > 0) {
            notes.add(weighted + " cue weight(s) other than 1 are lost: quanteda dictionaries have no weights");
        }
        notes.add("polarity, definitions, examples, thresholds, colours and settings are lost: quanteda dictionaries hold keys and values only");
        try {
            return new Exported(WRITER.writeValueAsString(tree(roots)), notes.lines());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Node {
        final List<String> values = new ArrayList<>();
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    private static ObjectNode tree(Map<String, Node> level) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        level.forEach((k, n) -> {
            if (n.children.isEmpty()) {
                ArrayNode a = o.putArray(k);
                n.values.forEach(a::add);
            } else if (n.values.isEmpty()) {
                o.set(k, tree(n.children));
            } else {
                ArrayNode a = o.putArray(k);
                n.values.forEach(a::add);
                n.children.forEach((ck, cn) -> {
                    Map<String, Node> one = new LinkedHashMap<>();
                    one.put(ck, cn);
                    a.add(tree(one));
                });
            }
        });
        return o;
    }
}
