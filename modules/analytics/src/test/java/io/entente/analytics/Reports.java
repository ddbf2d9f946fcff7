package io.entente.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds per-document report JSON files (schema version 1) for tests. */
final class Reports {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private String date;
    private final List<String> tags = new ArrayList<>();
    private final int sentences;
    private final Map<String, List<Integer>> themes = new LinkedHashMap<>();
    private final Map<String, String> polarity = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Double>> scores = new LinkedHashMap<>();
    private final Map<String, List<String>> actors = new LinkedHashMap<>();
    private final Map<String, Map<Integer, List<String>>> sentenceActors = new LinkedHashMap<>();
    private final Map<String, List<Integer>> countries = new LinkedHashMap<>();
    private final Map<Integer, String> sections = new LinkedHashMap<>();

    private Reports(String id, int sentences) {
        this.id = id;
        this.sentences = sentences;
    }

    static Reports doc(String id, int sentences) {
        return new Reports(id, sentences);
    }

    Reports date(String d) {
        this.date = d;
        return this;
    }

    Reports tags(String... t) {
        tags.addAll(List.of(t));
        return this;
    }

    /** The theme in the first {@code count} sentences (0..count-1). */
    Reports theme(String themeId, int count) {
        return theme(themeId, range(0, count));
    }

    Reports theme(String themeId, List<Integer> indexes) {
        themes.put(themeId, indexes);
        polarity.put(themeId, themeId.startsWith("o.") ? "obstacle" : "driver");
        return this;
    }

    /** Evidence scores per sentence (default 0.6). */
    Reports score(String themeId, int sentence, double score) {
        scores.computeIfAbsent(themeId, k -> new LinkedHashMap<>()).put(sentence, score);
        return this;
    }

    /** Every evidence sentence of the theme names these countries. */
    Reports actors(String themeId, String... codes) {
        actors.put(themeId, List.of(codes));
        return this;
    }

    /** This evidence sentence of the theme names these countries (instead of the theme's actors). */
    Reports actors(String themeId, int sentence, String... codes) {
        sentenceActors.computeIfAbsent(themeId, k -> new LinkedHashMap<>()).put(sentence, List.of(codes));
        return this;
    }

    /** The country is mentioned in these sentences. */
    Reports country(String code, List<Integer> indexes) {
        countries.put(code, indexes);
        return this;
    }

    /** The sentence is outside the argument (author box, references, notes). */
    Reports section(int sentence, String kind) {
        sections.put(sentence, kind);
        return this;
    }

    static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }

    ObjectNode json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode d = root.putObject("document");
        d.put("id", id);
        d.put("source", id + ".txt");
        d.put("title", "Title of " + id);
        if (date == null) {
            d.putNull("date");
        } else {
            d.put("date", date);
        }
        d.put("sha256", "0".repeat(64));
        d.put("characters", sentences * 10);
        d.put("tokens", sentences * 2);
        ArrayNode tagArray = d.putArray("tags");
        tags.forEach(tagArray::add);
        ObjectNode pipeline = root.putObject("pipeline");
        pipeline.put("version", "0.1.0");
        pipeline.putObject("codebook").put("id", "test").put("sha256", "0".repeat(64));
        pipeline.putArray("models");
        ArrayNode sent = root.putArray("sentences");
        for (int i = 0; i < sentences; i++) {
            ObjectNode s = sent.addObject();
            s.put("index", i).put("start", i * 10).put("end", i * 10 + 9).put("text", "Sentence " + i + " of " + id + ".");
            if (sections.containsKey(i)) {
                s.put("section", sections.get(i));
            }
            ArrayNode st = s.putArray("themes");
            final int index = i;
            themes.forEach((t, idx) -> {
                if (idx.contains(index)) {
                    st.add(t);
                }
            });
        }
        ArrayNode ents = root.putArray("entities");
        countries.forEach((code, idx) -> {
            ObjectNode e = ents.addObject();
            e.put("type", "COUNTRY").put("canonical", "Country " + code).put("code", code).put("count", idx.size());
            ArrayNode m = e.putArray("mentions");
            idx.forEach(i -> m.addObject().put("start", i * 10).put("end", i * 10 + 3).put("text", code).put("sentence", i));
        });
        ObjectNode org = ents.addObject();
        org.put("type", "ORGANIZATION").put("canonical", "United Nations").put("count", 0);
        org.putArray("mentions");
        ArrayNode th = root.putArray("themes");
        themes.forEach((t, idx) -> {
            ObjectNode o = th.addObject();
            o.put("id", t).put("polarity", polarity.get(t)).put("name", "Theme " + t + " <&>").put("score", 0.9);
            ArrayNode s = o.putArray("sentences");
            idx.forEach(s::add);
            ArrayNode a = o.putArray("actors");
            actors.getOrDefault(t, List.of()).forEach(a::add);
            ArrayNode ev = o.putArray("evidence");
            for (int i : idx) {
                ObjectNode e = ev.addObject();
                e.put("sentence", i).put("start", i * 10).put("end", i * 10 + 9).put("text", "Sentence " + i + " of " + id + ".")
                        .put("score", scores.getOrDefault(t, Map.of()).getOrDefault(i, 0.6));
                ArrayNode ea = e.putArray("actors");
                sentenceActors.getOrDefault(t, Map.of()).getOrDefault(i, actors.getOrDefault(t, List.of())).forEach(ea::add);
                e.putArray("cues");
            }
        });
        return root;
    }

    Path write(Path dir) throws IOException {
        Path file = dir.resolve(id + ".json");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json());
        return file;
    }

    static void corpusJson(Path dir) throws IOException {
        Files.writeString(dir.resolve("corpus.json"), "{\"schemaVersion\": 1, \"documents\": 3, \"themes\": []}");
    }
}
