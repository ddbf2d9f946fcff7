package io.entente.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Labelled documents read where they lie: every {@code NAME.gold.json} of a folder with its
 * {@code NAME.txt} (format in the codebook's CODEBOOK.md). Sorted by id. Texts stay in memory only.
 */
public record GoldCorpus(List<Doc> documents) {

    /** One gold document: its text and labelled sentences. */
    public record Doc(String id, String text, List<Sent> sentences) {
    }

    /** A labelled sentence span (Java string offsets, end exclusive). */
    public record Sent(int start, int end, Set<String> themes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** This corpus without the documents whose ids are in {@code ids}. */
    public GoldCorpus without(java.util.Collection<String> ids) {
        return new GoldCorpus(documents.stream().filter(d -> !ids.contains(d.id())).toList());
    }

    /**
     * A seeded sample of {@code fraction} of the documents (at least one), for learning curves: the ids,
     * sorted, shuffled with {@code java.util.Random(seed)}; the first ones kept, in corpus order.
     */
    public GoldCorpus sample(double fraction, long seed) {
        List<String> ids = new ArrayList<>(documents.stream().map(Doc::id).sorted().toList());
        java.util.Collections.shuffle(ids, new java.util.Random(seed));
        java.util.Set<String> keep = new java.util.HashSet<>(ids.subList(0, Math.max(1, (int) Math.round(fraction * ids.size()))));
        return new GoldCorpus(documents.stream().filter(d -> keep.contains(d.id())).toList());
    }

    public static GoldCorpus read(Path dir) throws IOException {
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir)) {
            golds = s.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        }
        List<Doc> docs = new ArrayList<>();
        for (Path g : golds) {
            String name = g.getFileName().toString();
            String id = name.substring(0, name.length() - ".gold.json".length());
            Path txt = g.resolveSibling(id + ".txt");
            if (!Files.isRegularFile(txt)) {
                continue;
            }
            String text = Files.readString(txt);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            JsonNode root = JSON.readTree(Files.readString(g));
            List<Sent> sents = new ArrayList<>();
            for (JsonNode s : root.path("sentences")) {
                Set<String> themes = new TreeSet<>();
                s.path("themes").forEach(t -> themes.add(t.asText()));
                int start = s.get("start").asInt();
                int end = Math.min(s.get("end").asInt(), text.length());
                sents.add(new Sent(start, end, themes));
            }
            docs.add(new Doc(id, text, List.copyOf(sents)));
        }
        return new GoldCorpus(List.copyOf(docs));
    }

    public int sentenceCount() {
        return documents.stream().mapToInt(d -> d.sentences().size()).sum();
    }
}
