package io.entente.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-document reports of a folder, reduced to what the analyses need.
 *
 * <p>{@link #load} reads every {@code *.json} directly in the folder (not in subfolders; hidden files
 * are ignored) that is a per-document report: an object with {@code schemaVersion} 1 and a
 * {@code document} object. Other JSON files ({@code corpus.json}, other versions) are skipped and
 * listed in {@link #skipped()}. Documents are kept in id order.
 */
public final class Corpus {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** A theme's name and polarity as the reports give them. */
    public record ThemeInfo(String id, String polarity, String name) {
    }

    private final Path folder;
    private final List<CorpusDocument> documents;
    private final Map<String, CorpusDocument> byId;
    private final Map<String, ThemeInfo> themes;
    private final Map<String, String> countryNames;
    private final List<String> skipped;

    private Corpus(Path folder, List<CorpusDocument> documents, List<String> skipped) {
        this.folder = folder;
        List<CorpusDocument> sorted = new ArrayList<>(documents);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        this.documents = List.copyOf(sorted);
        Map<String, CorpusDocument> ids = new LinkedHashMap<>();
        Map<String, ThemeInfo> themeInfo = new TreeMap<>();
        Map<String, Map<String, Integer>> nameVotes = new TreeMap<>();
        for (CorpusDocument d : this.documents) {
            ids.put(d.id(), d);
            d.themes().values().forEach(t -> themeInfo.putIfAbsent(t.id(), new ThemeInfo(t.id(), t.polarity(), t.name())));
            d.countryNames().forEach((code, name) -> nameVotes.computeIfAbsent(code, k -> new TreeMap<>()).merge(name, 1, Integer::sum));
        }
        Map<String, String> names = new TreeMap<>();
        // The name most documents use; ties go to the alphabetically first.
        nameVotes.forEach((code, votes) -> names.put(code, votes.entrySet().stream()
                .max((x, y) -> x.getValue().equals(y.getValue()) ? y.getKey().compareTo(x.getKey())
                        : Integer.compare(x.getValue(), y.getValue()))
                .orElseThrow().getKey()));
        this.byId = Collections.unmodifiableMap(ids);
        this.themes = Collections.unmodifiableMap(themeInfo);
        this.countryNames = Collections.unmodifiableMap(names);
        this.skipped = List.copyOf(skipped);
    }

    /** A corpus of the given documents (for tests and embedding). */
    public static Corpus of(List<CorpusDocument> documents) {
        Set<String> seen = new java.util.HashSet<>();
        for (CorpusDocument d : documents) {
            if (!seen.add(d.id())) {
                throw new IllegalArgumentException("duplicate document id '" + d.id() + "'");
            }
        }
        return new Corpus(null, documents, List.of());
    }

    /**
     * Reads the reports of a folder.
     *
     * @throws java.nio.file.NoSuchFileException when the folder does not exist
     * @throws IOException for an unreadable file, a {@code .json} file that is not valid JSON, or a
     *                     report that is malformed (the message names the file and the field)
     */
    public static Corpus load(Path reportsDir) throws IOException {
        return load(reportsDir, false);
    }

    /**
     * Reads the reports of a folder; with {@code foldTerritories}, a territory that a report names with
     * its sovereign ({@code "kind": "territory", "sovereign": "CHN"}) counts as its sovereign in every
     * country table, pair and actor list (Hong Kong as China); by default it keeps its own code.
     */
    public static Corpus load(Path reportsDir, boolean foldTerritories) throws IOException {
        if (!Files.isDirectory(reportsDir)) {
            throw new java.nio.file.NoSuchFileException(reportsDir.toString(), null, "no such folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reportsDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        List<CorpusDocument> documents = new ArrayList<>();
        Map<String, Path> sources = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            JsonNode root;
            try {
                root = MAPPER.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (root == null || !root.isObject() || !root.path("document").isObject()
                    || !root.path("schemaVersion").isIntegralNumber() || root.path("schemaVersion").asInt() != 1) {
                skipped.add(file.getFileName().toString());
                continue;
            }
            CorpusDocument d = parse(root, file, foldTerritories);
            Path previous = sources.putIfAbsent(d.id(), file);
            if (previous != null) {
                throw new IOException(file + ": document id '" + d.id() + "' is also the id of " + previous);
            }
            documents.add(d);
        }
        return new Corpus(reportsDir, documents, skipped);
    }

    /** Parses one report (schema version 1) into what the analyses keep. */
    static CorpusDocument parse(JsonNode root, Path file) throws IOException {
        return parse(root, file, false);
    }

    static CorpusDocument parse(JsonNode root, Path file, boolean foldTerritories) throws IOException {
        Reader r = new Reader(file);
        JsonNode doc = root.get("document");
        String id = r.text(doc.get("id"), "document.id", false);
        if (id.isBlank()) {
            throw r.error("document.id", "is empty");
        }
        String title = r.text(doc.get("title"), "document.title", true);
        String date = r.text(doc.get("date"), "document.date", true);
        Integer year = null;
        Integer month = null;
        Integer day = null;
        if (date != null) {
            Matcher m = DATE.matcher(date);
            if (!m.matches()) {
                throw r.error("document.date", "is '" + date + "', not YYYY, YYYY-MM or YYYY-MM-DD");
            }
            year = Integer.valueOf(m.group(1));
            month = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            try {
                LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
            } catch (DateTimeException e) {
                throw r.error("document.date", "is '" + date + "', not a calendar date");
            }
        }
        Integer quarter = month == null ? null : (month - 1) / 3 + 1;
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = doc.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            r.array(tagNode, "document.tags");
            for (int i = 0; i < tagNode.size(); i++) {
                tags.add(r.text(tagNode.get(i), "document.tags[" + i + "]", false));
            }
        }
        JsonNode sentences = r.array(root.get("sentences"), "sentences");
        int allSentences = sentences.size();
        // Author boxes, references and notes (sentence "section") are not the paper's argument: they count
        // neither as sentences of the document nor as places where it discusses a country.
        Set<Integer> outside = new TreeSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).hasNonNull("section")) {
                outside.add(i);
            }
        }
        int sentenceCount = allSentences;

        Map<String, Set<Integer>> countries = new TreeMap<>();
        Map<String, String> countryNames = new TreeMap<>();
        JsonNode entities = r.array(root.get("entities"), "entities");
        Map<String, String> sovereignOf = new HashMap<>();
        if (foldTerritories) {
            for (JsonNode e : entities) {
                if ("COUNTRY".equals(e.path("type").asText()) && e.path("sovereign").isTextual() && e.path("code").isTextual()) {
                    sovereignOf.put(e.get("code").asText(), e.get("sovereign").asText());
                }
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            JsonNode e = entities.get(i);
            String where = "entities[" + i + "]";
            if (!"COUNTRY".equals(e.path("type").asText())) {
                continue;
            }
            String own = r.text(e.get("code"), where + ".code", false);
            String code = sovereignOf.getOrDefault(own, own);
            if (code.equals(own)) {
                countryNames.put(code, r.text(e.get("canonical"), where + ".canonical", false));
            } else {
                countryNames.putIfAbsent(code, code); // the sovereign's own entry, if any, names it
            }
            Set<Integer> set = new TreeSet<>();
            JsonNode mentions = r.array(e.get("mentions"), where + ".mentions");
            for (int j = 0; j < mentions.size(); j++) {
                int s = r.index(mentions.get(j).get("sentence"), where + ".mentions[" + j + "].sentence", sentenceCount);
                if (!outside.contains(s)) {
                    set.add(s);
                }
            }
            if (!set.isEmpty()) {
                countries.computeIfAbsent(code, k -> new TreeSet<>()).addAll(set);
            }
        }
        Map<String, List<Integer>> countryLists = new TreeMap<>();
        countries.forEach((k, v) -> countryLists.put(k, List.copyOf(v)));

        Map<String, DocumentTheme> themes = new TreeMap<>();
        JsonNode themeNodes = r.array(root.get("themes"), "themes");
        for (int i = 0; i < themeNodes.size(); i++) {
            JsonNode t = themeNodes.get(i);
            String where = "themes[" + i + "]";
            String themeId = r.text(t.get("id"), where + ".id", false);
            String polarity = r.text(t.get("polarity"), where + ".polarity", false);
            String name = r.text(t.get("name"), where + ".name", true);
            Set<Integer> indexes = new TreeSet<>();
            JsonNode ts = r.array(t.get("sentences"), where + ".sentences");
            for (int j = 0; j < ts.size(); j++) {
                indexes.add(r.index(ts.get(j), where + ".sentences[" + j + "]", sentenceCount));
            }
            List<Evidence> evidence = new ArrayList<>();
            JsonNode ev = t.get("evidence");
            if (ev != null && !ev.isNull()) {
                r.array(ev, where + ".evidence");
                for (int j = 0; j < ev.size(); j++) {
                    JsonNode e = ev.get(j);
                    String ew = where + ".evidence[" + j + "]";
                    int sentence = r.index(e.get("sentence"), ew + ".sentence", sentenceCount);
                    String text = r.text(e.get("text"), ew + ".text", true);
                    JsonNode score = e.get("score");
                    if (score == null || !score.isNumber() || !Double.isFinite(score.asDouble())) {
                        throw r.error(ew + ".score", "is missing or not a number");
                    }
                    List<String> actors = new ArrayList<>();
                    JsonNode an = e.get("actors");
                    if (an != null && !an.isNull()) {
                        r.array(an, ew + ".actors");
                        for (int k = 0; k < an.size(); k++) {
                            String actor = r.text(an.get(k), ew + ".actors[" + k + "]", false);
                            actor = sovereignOf.getOrDefault(actor, actor);
                            if (!actors.contains(actor)) {
                                actors.add(actor);
                            }
                        }
                    }
                    evidence.add(new Evidence(sentence, text == null ? "" : text, score.asDouble(), actors));
                }
            }
            if (themes.containsKey(themeId)) {
                throw r.error(where + ".id", "'" + themeId + "' appears twice");
            }
            themes.put(themeId, new DocumentTheme(themeId, polarity, name == null ? themeId : name,
                    List.copyOf(indexes), evidence));
        }
        countryNames.keySet().retainAll(countries.keySet());
        return new CorpusDocument(id, title, date, year, quarter, month, day, tags, allSentences - outside.size(), themes,
                countryLists, countryNames);
    }

    /** Field access with errors that name the file and the field. */
    private record Reader(Path file) {
        IOException error(String field, String problem) {
            return new IOException(file + ": malformed report: " + field + " " + problem);
        }

        String text(JsonNode node, String field, boolean nullable) throws IOException {
            if (node == null || node.isNull()) {
                if (nullable) {
                    return null;
                }
                throw error(field, "is missing");
            }
            if (!node.isTextual()) {
                throw error(field, "is not a string");
            }
            return node.asText();
        }

        JsonNode array(JsonNode node, String field) throws IOException {
            if (node == null || !node.isArray()) {
                throw error(field, node == null ? "is missing" : "is not an array");
            }
            return node;
        }

        int index(JsonNode node, String field, int sentenceCount) throws IOException {
            if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
                throw error(field, node == null ? "is missing" : "is not an integer");
            }
            int i = node.asInt();
            if (i < 0 || i >= sentenceCount) {
                throw error(field, "is " + i + " but the report has " + sentenceCount + " sentences");
            }
            return i;
        }
    }

    /** The folder the reports came from, or null for {@link #of}. */
    public Path folder() {
        return folder;
    }

    /** Every document, in id order. */
    public List<CorpusDocument> documents() {
        return documents;
    }

    /** The document with this id. */
    public Optional<CorpusDocument> document(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every theme any document carries, by id. */
    public Map<String, ThemeInfo> themes() {
        return themes;
    }

    /** Country code → the canonical name most documents use, by code. */
    public Map<String, String> countryNames() {
        return countryNames;
    }

    /** The name of a country, or its code when no document names it. */
    public String countryName(String code) {
        return countryNames.getOrDefault(code, code);
    }

    /** File names of the {@code .json} files that are not per-document reports. */
    public List<String> skipped() {
        return skipped;
    }

    /** The number of documents. */
    public int size() {
        return documents.size();
    }
}
