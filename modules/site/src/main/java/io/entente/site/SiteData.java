package io.entente.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.analytics.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's only door to the reports: the corpus as {@code io.entente.analytics} reads it (for every
 * figure the corpus views show, so they are those of {@code entente trends} and {@code compare}), and
 * one document's details (text, offsets, mentions, modality, pages) for its page.
 *
 * <p>The details are read here until the typed report model of issue #14 lands; then this class
 * switches to it and nothing else in the module changes.
 */
public final class SiteData {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A sentence: offsets into the decoded text, its text, and the section it belongs to (or null). */
    public record Sentence(int index, int start, int end, String text, String section, List<String> themes) {
        public Sentence {
            themes = List.copyOf(themes);
        }
    }

    /** A mention of an entity. */
    public record Mention(int start, int end, int sentence) {
    }

    /** An entity with its mentions; {@code code} is null for organizations and people. */
    public record Entity(String type, String canonical, String code, List<Mention> mentions) {
        public Entity {
            mentions = List.copyOf(mentions);
        }
    }

    /** An evidence sentence of a theme; {@code page} is null for formats without pages. */
    public record Evidence(int sentence, int start, int end, String text, Integer page, double score,
                           List<String> actors, String modality) {
        public Evidence {
            actors = List.copyOf(actors);
        }
    }

    /** A theme as the document carries it. */
    public record Theme(String id, String polarity, String name, double score, double presence, List<String> actors,
                        List<Evidence> evidence) {
        public Theme {
            actors = List.copyOf(actors);
            evidence = List.copyOf(evidence);
        }
    }

    /** A cooperation pair or group of the document, with the themes of its sentences. */
    public record Pair(String pair, List<String> countries, int sentences, Map<String, Integer> themes) {
        public Pair {
            countries = List.copyOf(countries);
            themes = Map.copyOf(themes);
        }
    }

    /** What a document page shows. */
    public record Document(String id, String source, String title, String date, List<String> authors, String publisher,
                           List<String> tags, String format, Integer pages, int characters, List<Sentence> sentences,
                           List<Entity> entities, List<Theme> themes, List<Pair> cooperation) {
        public Document {
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
            sentences = List.copyOf(sentences);
            entities = List.copyOf(entities);
            themes = List.copyOf(themes);
            cooperation = List.copyOf(cooperation);
        }
    }

    private final Path folder;
    private final Corpus corpus;
    private final Map<String, String> digests;

    private SiteData(Path folder, Corpus corpus, Map<String, String> digests) {
        this.folder = folder;
        this.corpus = corpus;
        this.digests = digests;
    }

    /**
     * Reads a reports folder.
     *
     * @throws IOException when the folder is missing or a report is malformed (the message names the file)
     */
    public static SiteData load(Path reportsDir) throws IOException {
        Corpus corpus = Corpus.load(reportsDir);
        Map<String, String> digests = new HashMap<>();
        for (io.entente.analytics.CorpusDocument d : corpus.documents()) {
            Path file = reportsDir.resolve(d.id() + ".json");
            // A report under another name has no digest to reuse: whatever depends on it is recomputed.
            digests.put(d.id(), Files.isRegularFile(file) ? io.entente.core.Resources.sha256(Files.readAllBytes(file))
                    : "unnamed:" + java.util.UUID.randomUUID());
        }
        return new SiteData(reportsDir, corpus, Map.copyOf(digests));
    }

    /** A digest of the document's report (its bytes): whatever the site derives from it changes only with it. */
    public String digest(String id) {
        return digests.get(id);
    }

    /** The corpus, as the analyses read it. */
    public Corpus corpus() {
        return corpus;
    }

    /**
     * The details of one document of the corpus, read from its report ({@code <id>.json}, the name analyze
     * gives it; else the report whose {@code document.id} is the id).
     */
    public Document document(String id) throws IOException {
        Path file = folder.resolve(id + ".json");
        if (Files.isRegularFile(file)) {
            Document d = parse(file);
            if (d.id().equals(id)) {
                return d;
            }
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(x -> x.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = read(p);
                if (root.path("document").path("id").asText("").equals(id)) {
                    return parse(p);
                }
            }
        }
        throw new IOException(folder + ": no report of document '" + id + "'");
    }

    private static JsonNode read(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Document parse(Path file) throws IOException {
        JsonNode root = read(file);
        JsonNode doc = root.path("document");
        if (!doc.isObject() || !doc.path("id").isTextual()) {
            throw new IOException(file + ": malformed report: document.id is missing");
        }
        List<Sentence> sentences = new ArrayList<>();
        for (JsonNode s : root.path("sentences")) {
            sentences.add(new Sentence(s.path("index").asInt(), s.path("start").asInt(), s.path("end").asInt(),
                    s.path("text").asText(""), text(s.get("section")), strings(s.get("themes"))));
        }
        int n = sentences.size();
        for (Sentence s : sentences) {
            if (s.start() < 0 || s.end() < s.start() || s.index() < 0 || s.index() >= n) {
                throw new IOException(file + ": malformed report: sentence " + s.index() + " has offsets "
                        + s.start() + ".." + s.end());
            }
        }
        List<Entity> entities = new ArrayList<>();
        for (JsonNode e : root.path("entities")) {
            List<Mention> mentions = new ArrayList<>();
            for (JsonNode m : e.path("mentions")) {
                mentions.add(new Mention(m.path("start").asInt(), m.path("end").asInt(), m.path("sentence").asInt()));
            }
            entities.add(new Entity(e.path("type").asText(""), e.path("canonical").asText(""), text(e.get("code")), mentions));
        }
        List<Theme> themes = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode e : t.path("evidence")) {
                evidence.add(new Evidence(e.path("sentence").asInt(), e.path("start").asInt(), e.path("end").asInt(),
                        e.path("text").asText(""), e.hasNonNull("page") ? e.get("page").asInt() : null,
                        e.path("score").asDouble(), strings(e.get("actors")), e.path("modality").asText("stated")));
            }
            themes.add(new Theme(t.path("id").asText(""), t.path("polarity").asText(""), t.path("name").asText(""),
                    t.path("score").asDouble(), t.path("presence").asDouble(t.path("score").asDouble()),
                    strings(t.get("actors")), evidence));
        }
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode p : root.path("cooperation")) {
            Map<String, Integer> pt = new HashMap<>();
            for (JsonNode t : p.path("themes")) {
                pt.put(t.path("id").asText(""), t.path("sentences").asInt());
            }
            pairs.add(new Pair(p.path("pair").asText(""), strings(p.get("countries")), p.path("sentences").asInt(), pt));
        }
        return new Document(doc.get("id").asText(), text(doc.get("source")), text(doc.get("title")), text(doc.get("date")),
                strings(doc.get("authors")), text(doc.get("publisher")), strings(doc.get("tags")),
                doc.path("format").asText("text"), doc.hasNonNull("pages") ? doc.get("pages").asInt() : null,
                doc.path("characters").asInt(), sentences, entities, themes, pairs);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
