package io.entente.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Mention;
import io.entente.core.Sentence;
import io.entente.core.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Keeps what a new codebook needs to reclassify a document without reading, tokenizing and tagging
 * it again: the decoded text, its pages, metadata, sentences with their tokens, and entities
 * ({@code DIR/.entente/cache/<id>.json}).
 */
public final class LayerCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerCache() {
    }

    public static Path file(Path outDir, String id) {
        return Manifest.dir(outDir).resolve("cache").resolve(id + ".json");
    }

    public static void save(Path outDir, Document doc) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.set("info", JSON.valueToTree(doc.info()));
        root.put("text", doc.text());
        ArrayNode pages = root.putArray("pageStarts");
        doc.pageStarts().forEach(pages::add);
        ArrayNode sentences = root.putArray("sentences");
        for (Sentence s : doc.sentences()) {
            ArrayNode a = sentences.addArray();
            a.add(s.start());
            a.add(s.end());
            for (Token t : s.tokens()) {
                a.add(t.start());
                a.add(t.end());
            }
        }
        ArrayNode entities = root.putArray("entities");
        for (Entity e : doc.entities()) {
            ObjectNode n = entities.addObject();
            n.put("type", e.type().name());
            n.put("canonical", e.canonical());
            n.put("code", e.code());
            n.put("kind", e.kind());
            n.put("sovereign", e.sovereign());
            ArrayNode ms = n.putArray("mentions");
            for (Mention m : e.mentions()) {
                ArrayNode a = ms.addArray();
                a.add(m.start());
                a.add(m.end());
                a.add(m.sentence());
                a.add(m.source());
                a.add(m.form());
            }
        }
        ObjectNode sections = root.putObject("sections");
        doc.sections().forEach((i, kind) -> sections.put(String.valueOf(i), kind));
        AtomicFiles.write(file(outDir, doc.id()), JSON.writeValueAsString(root));
    }

    /** The cached document with its sentence, token and entity layers, or null when there is no usable cache. */
    public static Document load(Path outDir, String id) {
        Path f = file(outDir, id);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            if (root.path("version").asInt() != 1) {
                return null;
            }
            DocumentInfo info = JSON.treeToValue(root.get("info"), DocumentInfo.class);
            String text = root.get("text").asText();
            List<Integer> pages = new ArrayList<>();
            root.get("pageStarts").forEach(p -> pages.add(p.asInt()));
            List<Sentence> sentences = new ArrayList<>();
            for (JsonNode a : root.get("sentences")) {
                List<Token> tokens = new ArrayList<>();
                for (int i = 2; i + 1 < a.size(); i += 2) {
                    int s = a.get(i).asInt();
                    int e = a.get(i + 1).asInt();
                    tokens.add(new Token(s, e, text.substring(s, e)));
                }
                sentences.add(new Sentence(sentences.size(), a.get(0).asInt(), a.get(1).asInt(), tokens));
            }
            List<Entity> entities = new ArrayList<>();
            for (JsonNode n : root.get("entities")) {
                List<Mention> ms = new ArrayList<>();
                for (JsonNode a : n.get("mentions")) {
                    int s = a.get(0).asInt();
                    int e = a.get(1).asInt();
                    String form = a.size() > 4 && !a.get(4).isNull() ? a.get(4).asText() : null;
                    ms.add(new Mention(s, e, text.substring(s, e), a.get(2).asInt(), a.get(3).asText(), form));
                }
                entities.add(new Entity(EntityType.valueOf(n.get("type").asText()), n.get("canonical").asText(),
                        n.hasNonNull("code") ? n.get("code").asText() : null, ms,
                        n.hasNonNull("kind") ? n.get("kind").asText() : null,
                        n.hasNonNull("sovereign") ? n.get("sovereign").asText() : null));
            }
            java.util.Map<Integer, String> sections = new java.util.TreeMap<>();
            root.path("sections").fields().forEachRemaining(e -> sections.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            return new Document(info, text, pages, sentences, entities, List.of(),
                    EnumSet.of(Layer.TEXT, Layer.SENTENCES, Layer.TOKENS, Layer.ENTITIES), List.of(), sections);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache only costs a full reprocessing
        }
    }

    public static void delete(Path outDir, String id) throws IOException {
        Files.deleteIfExists(file(outDir, id));
    }

}
