package io.entente.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus manifest, {@code DIR/.entente/manifest.json}: for every document in the output folder,
 * the hash of its input file, the pipeline version and the codebook hash it was processed with, and
 * the digest the corpus summary needs. A rerun compares against it to skip unchanged documents.
 */
public final class Manifest {
    /** What the manifest remembers of one document. */
    public record Entry(String id, String source, String fileSha256, long fileSize, long fileModified,
                        String metadataSha256, String pipelineVersion, String codebookSha256, CorpusSummary.Digest digest) {
    }

    private final Map<String, Entry> entries;

    private Manifest(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static Path file(Path outDir) {
        return outDir.resolve(".entente").resolve("manifest.json");
    }

    /** Loads the manifest, or an empty one when there is none or it cannot be read (then everything is redone). */
    public static Manifest load(Path outDir) {
        Path f = file(outDir);
        Map<String, Entry> map = new TreeMap<>();
        if (!Files.exists(f)) {
            return new Manifest(map);
        }
        try {
            JsonNode root = JsonReport.JSON.readTree(f.toFile());
            for (JsonNode n : root.path("documents")) {
                Entry e = new Entry(n.get("id").asText(), n.get("source").asText(), n.get("fileSha256").asText(),
                        n.path("fileSize").asLong(-1), n.path("fileModified").asLong(-1), n.path("metadataSha256").asText(""),
                        n.get("pipelineVersion").asText(), n.get("codebookSha256").asText(),
                        JsonReport.JSON.treeToValue(n.get("digest"), CorpusSummary.Digest.class));
                map.put(e.id(), e);
            }
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Manifest.class).warn("{}: unreadable manifest, every document will be redone: {}", f, e.getMessage());
            map.clear();
        }
        return new Manifest(map);
    }

    public synchronized Entry get(String id) {
        return entries.get(id);
    }

    public synchronized void put(Entry e) {
        entries.put(e.id(), e);
    }

    public synchronized Entry remove(String id) {
        return entries.remove(id);
    }

    public synchronized Map<String, Entry> entries() {
        return new TreeMap<>(entries);
    }

    public synchronized void save(Path outDir) throws IOException {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("schemaVersion", 1);
        var docs = root.putArray("documents");
        for (Entry e : entries.values()) {
            ObjectNode n = docs.addObject();
            n.put("id", e.id());
            n.put("source", e.source());
            n.put("fileSha256", e.fileSha256());
            n.put("fileSize", e.fileSize());
            n.put("fileModified", e.fileModified());
            n.put("metadataSha256", e.metadataSha256());
            n.put("pipelineVersion", e.pipelineVersion());
            n.put("codebookSha256", e.codebookSha256());
            n.set("digest", JsonReport.JSON.valueToTree(e.digest()));
        }
        AtomicFiles.write(file(outDir), JsonReport.write(root));
    }
}
