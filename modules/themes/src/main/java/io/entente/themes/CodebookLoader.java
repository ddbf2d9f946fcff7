package io.entente.themes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Modality;
import io.entente.core.Polarity;
import io.entente.core.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a codebook JSON file. Every problem is reported with the file, the entry
 * (e.g. {@code themes[3] (history.legacy) cues[2]}) and what is wrong; unknown keys are errors, so
 * a typo never passes silently.
 */
public final class CodebookLoader {
    public static final String DEFAULT_RESOURCE = "models/codebooks/security-cooperation.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "name", "description", "language", "settings", "themes");
    private static final Set<String> SETTINGS_KEYS = Set.of("threshold", "negators", "negationWindow", "negatedWeight", "headingMaxWords",
            "modalityWeights");
    private static final Set<String> THEME_KEYS = Set.of("id", "polarity", "name", "definition", "cues", "examples", "threshold",
            "color");
    private static final Set<String> CUE_KEYS = Set.of("pattern", "weight", "note");
    private static final String ID = "[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*";

    private CodebookLoader() {
    }

    /** Loads a user's codebook, or the packaged default when {@code path} is null. */
    public static Codebook load(Path path) {
        return parse(Resources.load(path, DEFAULT_RESOURCE));
    }

    public static Codebook parse(Resources.Loaded file) {
        String f = file.origin();
        JsonNode root;
        try {
            root = JSON.readTree(file.text());
        } catch (JsonProcessingException e) {
            throw new CodebookException(f, "file", "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new CodebookException(f, "file", "must hold a JSON object");
        }
        checkKeys(f, "top level", root, TOP_KEYS);
        String id = text(f, "id", root, "id", true);
        if (!id.matches(ID)) {
            throw new CodebookException(f, "id", "'" + id + "' must be lower-case letters, digits, '-', '_' and dots");
        }
        String version = text(f, "version", root, "version", true);
        String name = text(f, "name", root, "name", true);
        String description = text(f, "description", root, "description", false);
        String language = text(f, "language", root, "language", false);
        Codebook.Settings settings = settings(f, root.get("settings"));

        JsonNode themesNode = root.get("themes");
        if (themesNode == null || !themesNode.isArray() || themesNode.isEmpty()) {
            throw new CodebookException(f, "themes", "must be a non-empty array");
        }
        List<Codebook.Theme> themes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < themesNode.size(); i++) {
            JsonNode t = themesNode.get(i);
            String entry = "themes[" + i + "]";
            if (!t.isObject()) {
                throw new CodebookException(f, entry, "must be an object");
            }
            String tid = text(f, entry, t, "id", true);
            entry = entry + " (" + tid + ")";
            if (!tid.matches(ID)) {
                throw new CodebookException(f, entry, "id must be lower-case letters, digits, '-', '_' and dots");
            }
            if (!ids.add(tid)) {
                throw new CodebookException(f, entry, "duplicate theme id");
            }
            checkKeys(f, entry, t, THEME_KEYS);
            Polarity polarity;
            try {
                polarity = Polarity.parse(text(f, entry, t, "polarity", true));
            } catch (IllegalArgumentException e) {
                throw new CodebookException(f, entry, e.getMessage());
            }
            String tname = text(f, entry, t, "name", true);
            String definition = text(f, entry, t, "definition", true);
            Double threshold = t.has("threshold") ? probability(f, entry + " threshold", t.get("threshold")) : null;
            List<Codebook.Cue> cues = cues(f, entry, t.get("cues"));
            List<String> examples = new ArrayList<>();
            JsonNode ex = t.get("examples");
            if (ex != null) {
                if (!ex.isArray()) {
                    throw new CodebookException(f, entry + " examples", "must be an array of sentences");
                }
                for (JsonNode e : ex) {
                    if (!e.isTextual() || e.asText().isBlank()) {
                        throw new CodebookException(f, entry + " examples", "every example must be a non-empty string");
                    }
                    examples.add(e.asText());
                }
            }
            String color = text(f, entry, t, "color", false);
            if (color != null && !color.matches("#[0-9A-Fa-f]{6}")) {
                throw new CodebookException(f, entry + " color", "'" + color + "' must be #RRGGBB");
            }
            themes.add(new Codebook.Theme(tid, polarity, tname, definition, cues, examples, threshold, color));
        }
        return new Codebook(id, version, name, description, language, settings, themes, f, file.sha256());
    }

    /**
     * A {@code settings} object given as JSON text on its own (as REFI-QDA files written by Entente carry
     * it), checked like the codebook file's.
     */
    public static Codebook.Settings parseSettings(String origin, String json) {
        try {
            return settings(origin, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new CodebookException(origin, "settings", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Each key left out takes {@link Codebook.Settings#DEFAULTS}' value, with or without a settings object. */
    private static Codebook.Settings settings(String f, JsonNode s) {
        Codebook.Settings d = Codebook.Settings.DEFAULTS;
        if (s == null) {
            return d;
        }
        if (!s.isObject()) {
            throw new CodebookException(f, "settings", "must be an object");
        }
        checkKeys(f, "settings", s, SETTINGS_KEYS);
        double threshold = s.has("threshold") ? probability(f, "settings threshold", s.get("threshold")) : d.threshold();
        List<String> negators = new ArrayList<>(d.negators());
        if (s.has("negators")) {
            negators.clear();
            if (!s.get("negators").isArray()) {
                throw new CodebookException(f, "settings negators", "must be an array of lower-case words");
            }
            for (JsonNode n : s.get("negators")) {
                if (!n.isTextual() || !n.asText().matches("[\\p{Ll}\\p{N}]+")) {
                    throw new CodebookException(f, "settings negators", "'" + n.asText() + "' is not a lower-case word");
                }
                negators.add(n.asText());
            }
        }
        int window = d.negationWindow();
        if (s.has("negationWindow")) {
            JsonNode w = s.get("negationWindow");
            if (!w.isInt() || w.asInt() < 0 || w.asInt() > 10) {
                throw new CodebookException(f, "settings negationWindow", "must be a whole number from 0 to 10");
            }
            window = w.asInt();
        }
        double negated = d.negatedWeight();
        if (s.has("negatedWeight")) {
            JsonNode w = s.get("negatedWeight");
            if (!w.isNumber() || w.asDouble() < 0 || w.asDouble() > 1) {
                throw new CodebookException(f, "settings negatedWeight", "must be a number from 0 to 1");
            }
            negated = w.asDouble();
        }
        Map<Modality, Double> modalityWeights = new EnumMap<>(Modality.class);
        if (s.has("modalityWeights")) {
            JsonNode mw = s.get("modalityWeights");
            if (!mw.isObject()) {
                throw new CodebookException(f, "settings modalityWeights",
                        "must be an object such as {\"stated\": 1.0, \"recommended\": 0.8, \"hypothetical\": 0.5, \"negated\": 0.0}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = mw.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Modality m;
                try {
                    m = Modality.parse(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new CodebookException(f, "settings modalityWeights", ex.getMessage());
                }
                JsonNode w = e.getValue();
                if (!w.isNumber() || w.asDouble() < 0 || w.asDouble() > 1) {
                    throw new CodebookException(f, "settings modalityWeights " + e.getKey(), "must be a number from 0 to 1");
                }
                modalityWeights.put(m, w.asDouble());
            }
        }
        int headingMaxWords = d.headingMaxWords();
        if (s.has("headingMaxWords")) {
            JsonNode w = s.get("headingMaxWords");
            if (!w.isInt() || w.asInt() < 0 || w.asInt() > 20) {
                throw new CodebookException(f, "settings headingMaxWords", "must be a whole number from 0 (off) to 20");
            }
            headingMaxWords = w.asInt();
        }
        return new Codebook.Settings(threshold, negators, window, negated, modalityWeights, headingMaxWords);
    }

    private static List<Codebook.Cue> cues(String f, String entry, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new CodebookException(f, entry + " cues", "must be a non-empty array");
        }
        List<Codebook.Cue> cues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String e = entry + " cues[" + i + "]";
            if (!c.isObject()) {
                throw new CodebookException(f, e, "must be an object with 'pattern' and 'weight'");
            }
            checkKeys(f, e, c, CUE_KEYS);
            String pattern = text(f, e, c, "pattern", true);
            try {
                CuePattern.compile(pattern);
            } catch (IllegalArgumentException ex) {
                throw new CodebookException(f, e + " '" + pattern + "'", ex.getMessage());
            }
            if (!seen.add(pattern)) {
                throw new CodebookException(f, e + " '" + pattern + "'", "duplicate pattern in this theme");
            }
            JsonNode w = c.get("weight");
            if (w == null || !w.isNumber() || !(w.asDouble() > 0) || w.asDouble() > 10) {
                throw new CodebookException(f, e + " '" + pattern + "'", "weight must be a number above 0 and at most 10");
            }
            cues.add(new Codebook.Cue(pattern, w.asDouble(), c.has("note") ? c.get("note").asText() : null));
        }
        return cues;
    }

    /**
     * Why {@code pattern} is not a valid cue pattern, or null when it is (for importers that convert
     * other formats' entries into cues and report those that do not fit).
     */
    public static String patternProblem(String pattern) {
        try {
            CuePattern.compile(pattern);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static double probability(String f, String entry, JsonNode n) {
        if (!n.isNumber() || !(n.asDouble() > 0) || !(n.asDouble() < 1)) {
            throw new CodebookException(f, entry, "must be a number between 0 and 1 (exclusive)");
        }
        return n.asDouble();
    }

    private static String text(String f, String entry, JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CodebookException(f, entry, "missing required key '" + key + "'");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new CodebookException(f, entry, "'" + key + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static void checkKeys(String f, String entry, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new CodebookException(f, entry, "unknown key '" + k + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
