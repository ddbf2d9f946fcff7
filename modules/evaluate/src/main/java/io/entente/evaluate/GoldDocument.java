package io.entente.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A gold file ({@code NAME.gold.json}, format in the codebook): labelled sentences and entities. */
public record GoldDocument(String id, List<GoldSentence> sentences, Map<EntityType, Set<String>> entities,
                           Map<EntityType, Set<String>> optional) {

    /** A gold sentence with its themes. */
    public record GoldSentence(int start, int end, Set<String> themes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GoldDocument read(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        List<GoldSentence> sentences = new ArrayList<>();
        for (JsonNode s : root.path("sentences")) {
            Set<String> themes = new LinkedHashSet<>();
            s.path("themes").forEach(t -> themes.add(t.asText()));
            sentences.add(new GoldSentence(s.get("start").asInt(), s.get("end").asInt(), themes));
        }
        return new GoldDocument(root.path("id").asText(), sentences, entities(root.path("entities")),
                entities(root.path("optional")));
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

    public Set<String> themes() {
        Set<String> all = new LinkedHashSet<>();
        sentences.forEach(s -> all.addAll(s.themes()));
        return all;
    }
}
