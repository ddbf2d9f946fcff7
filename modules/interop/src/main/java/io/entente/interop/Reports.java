package io.entente.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.report.LayerCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reports of an analyzed folder as this module needs them. The one place in the module that reads
 * report JSON: until the typed report model of issue #14 lands in modules/report, it reads the fields it
 * needs here, and only here, so that switching to the model touches this class alone. The plain text
 * comes from the layer cache ({@link LayerCache}) that {@code analyze} keeps beside the reports.
 */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    /** One analyzed paper. */
    public record Paper(String id, String title, String date, List<String> authors, List<String> tags, String publisher,
                        String codebookId, String codebookSha256, List<Sentence> sentences, List<Evidence> evidence) {
        public Paper {
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
            sentences = List.copyOf(sentences);
            evidence = List.copyOf(evidence);
        }
    }

    /** A sentence of the report: index, offsets into the paper's text, its text. */
    public record Sentence(int index, int start, int end, String text) {
    }

    /** An evidence sentence of a theme. */
    public record Evidence(String themeId, int sentence, int start, int end, String text, double score, String modality) {
    }

    /** The papers read, and the files that could not be read, each with the reason. */
    public record Folder(List<Paper> papers, List<String> failed) {
        public Folder {
            papers = List.copyOf(papers);
            failed = List.copyOf(failed);
        }
    }

    /** Every per-document report of the folder (other JSON files, such as corpus.json, are not reports and are skipped). */
    public static Folder read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Paper> papers = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            try {
                JsonNode root = JSON.readTree(f.toFile());
                if (root == null || !root.has("document") || !root.has("schemaVersion")) {
                    continue;
                }
                papers.add(paper(root));
            } catch (IOException | RuntimeException e) {
                failed.add(f + ": " + e.getMessage());
            }
        }
        return new Folder(papers, failed);
    }

    private static Paper paper(JsonNode root) {
        JsonNode d = root.get("document");
        List<Sentence> sentences = new ArrayList<>();
        for (JsonNode s : root.path("sentences")) {
            sentences.add(new Sentence(s.get("index").asInt(), s.get("start").asInt(), s.get("end").asInt(), s.get("text").asText()));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            for (JsonNode e : t.path("evidence")) {
                evidence.add(new Evidence(t.get("id").asText(), e.get("sentence").asInt(), e.get("start").asInt(), e.get("end").asInt(),
                        e.get("text").asText(), e.get("score").asDouble(), e.path("modality").asText("stated")));
            }
        }
        JsonNode cb = root.path("pipeline").path("codebook");
        return new Paper(d.get("id").asText(), text(d, "title"), text(d, "date"), list(d.path("authors")), list(d.path("tags")),
                text(d, "publisher"), text(cb, "id"), text(cb, "sha256"), sentences, evidence);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The paper's plain text as analyzed (the offsets of its report are into it), or null when the layer cache has none. */
    public static String text(Path dir, String id) {
        Document d = LayerCache.load(dir, id);
        return d == null ? null : d.text();
    }
}
