package io.entente.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * The corpus manifest in {@code DIR/.entente/}: for every document in the output folder, the hash,
 * size and modification time of its input, the pipeline version and the codebook hash it was
 * processed with ({@code manifest.tsv}, read at every start, so kept to plain text that parses in
 * microseconds), and the digest the corpus summary needs ({@code digests.json}, read only when the
 * summary must be rewritten). A rerun compares against it to skip unchanged documents.
 *
 * <p>Between saves, every change is also appended to {@code journal.jsonl} and forced to disk
 * before the call returns, so a run killed at any moment (even {@code kill -9}) keeps the record of
 * every document it finished; {@link #load} replays the journal and {@link #save} folds it into the
 * index and deletes it. A torn last line (killed mid-append) is ignored.
 *
 * <p>{@code pipelineVersion} holds the identity of everything before the theme stage (pipeline
 * version, models and knowledge files), {@code codebookSha256} the identity of the theme stage.
 */
public final class Manifest {
    /** The state folder's own files (not the report format): lenient, indented like the reports. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    private static final String HEADER = "id\tfileSha256\tfileSize\tfileModified\tmetadataSha256\tpipelineVersion\tcodebookSha256\tdated\tsource";

    /** What the manifest remembers of one document; {@code digest} may be null until loaded. */
    public record Entry(String id, String source, String fileSha256, long fileSize, long fileModified,
                        String metadataSha256, String pipelineVersion, String codebookSha256, boolean dated,
                        CorpusSummary.Digest digest) {
    }

    private final Path outDir;
    private final Map<String, Entry> entries;
    private boolean digestsLoaded;
    private java.nio.channels.FileChannel journal;

    private Manifest(Path outDir, Map<String, Entry> entries, boolean digestsLoaded) {
        this.outDir = outDir;
        this.entries = entries;
        this.digestsLoaded = digestsLoaded;
    }

    /** {@code DIR/.entente}: Entente's own files in an output folder (manifest, caches, lock). */
    public static Path dir(Path outDir) {
        return outDir.resolve(".entente");
    }

    public static Path file(Path outDir) {
        return dir(outDir).resolve("manifest.tsv");
    }

    private static Path digestsFile(Path outDir) {
        return dir(outDir).resolve("digests.json");
    }

    /** The append-only record of changes since the last save. */
    public static Path journalFile(Path outDir) {
        return dir(outDir).resolve("journal.jsonl");
    }

    /** Loads the index, or an empty manifest when there is none or it cannot be read (then everything is redone). */
    public static Manifest load(Path outDir) {
        Manifest m = loadIndex(outDir);
        if (Files.exists(journalFile(outDir))) {
            m.replayJournal();
        }
        return m;
    }

    private static Manifest loadIndex(Path outDir) {
        Path f = file(outDir);
        Map<String, Entry> map = new TreeMap<>();
        if (!Files.exists(f)) {
            return new Manifest(outDir, map, true);
        }
        try {
            String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n");
            if (lines.length == 0 || !lines[0].equals(HEADER)) {
                throw new IOException("unexpected header");
            }
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                String[] c = lines[i].split("\t", -1);
                if (c.length != 9) {
                    throw new IOException("line " + (i + 1) + " has " + c.length + " columns");
                }
                map.put(c[0], new Entry(c[0], c[8], c[1], Long.parseLong(c[2]), Long.parseLong(c[3]), c[4], c[5], c[6],
                        c[7].equals("1"), null));
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Manifest.class).warn("{}: unreadable manifest, every document will be redone: {}", f, e.getMessage());
            map.clear();
            return new Manifest(outDir, map, true);
        }
        return new Manifest(outDir, map, false);
    }

    /** Applies the changes a killed run journaled after its last save. */
    private void replayJournal() {
        loadDigests();
        Path f = journalFile(outDir);
        int applied = 0;
        try {
            for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException torn) {
                    continue; // the run died while appending this line
                }
                if (n == null || !n.isObject()) {
                    continue;
                }
                if (n.path("op").asText().equals("remove")) {
                    entries.remove(n.path("id").asText());
                } else if (n.path("op").asText().equals("put")) {
                    Entry e = JSON.treeToValue(n.get("entry"), Entry.class);
                    entries.put(e.id(), e);
                }
                applied++;
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Manifest.class).warn("{}: unreadable journal, its documents will be redone: {}", f, e.getMessage());
        }
        LoggerFactory.getLogger(Manifest.class).debug("{}: {} changes replayed", f, applied);
    }

    public synchronized Entry get(String id) {
        return entries.get(id);
    }

    /** The entry with its digest, loading the digests on first use; null when the digest is missing. */
    public synchronized Entry withDigest(String id) {
        loadDigests();
        Entry e = entries.get(id);
        return e == null || e.digest() == null ? null : e;
    }

    /** Records a finished document; durable (journaled and forced to disk) when this returns. */
    public synchronized void put(Entry e) throws IOException {
        loadDigests(); // before anything is saved, the other documents' digests must be in memory
        entries.put(e.id(), e);
        ObjectNode n = JSON.createObjectNode();
        n.put("op", "put");
        n.set("entry", JSON.valueToTree(e));
        append(n);
    }

    public synchronized Entry remove(String id) throws IOException {
        loadDigests();
        Entry old = entries.remove(id);
        if (old != null) {
            ObjectNode n = JSON.createObjectNode();
            n.put("op", "remove");
            n.put("id", id);
            append(n);
        }
        return old;
    }

    private void append(ObjectNode change) throws IOException {
        if (journal == null) {
            Files.createDirectories(dir(outDir));
            journal = java.nio.channels.FileChannel.open(journalFile(outDir), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND);
        }
        // One line per change; a new line first, so that a torn line of a killed run never swallows this one.
        byte[] line = ("\n" + JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(change) + "\n").getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            journal.write(buf);
        }
        journal.force(false);
    }

    public synchronized Map<String, Entry> entries() {
        return new TreeMap<>(entries);
    }

    private void loadDigests() {
        if (digestsLoaded) {
            return;
        }
        digestsLoaded = true;
        Path f = digestsFile(outDir);
        try {
            JsonNode root = JSON.readTree(f.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("documents").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> n = it.next();
                Entry e = entries.get(n.getKey());
                if (e != null) {
                    CorpusSummary.Digest d = JSON.treeToValue(n.getValue(), CorpusSummary.Digest.class);
                    entries.put(e.id(), new Entry(e.id(), e.source(), e.fileSha256(), e.fileSize(), e.fileModified(),
                            e.metadataSha256(), e.pipelineVersion(), e.codebookSha256(), e.dated(), d));
                }
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Manifest.class).warn("{}: unreadable, the documents it described will be redone: {}", f, e.getMessage());
        }
        // Entries without a digest cannot be summarized: forget them, so that they are processed again.
        entries.values().removeIf(e -> e.digest() == null);
    }

    /** Writes the index and the digests (each atomically; the index last, so it never names a missing digest). */
    public synchronized void save() throws IOException {
        loadDigests();
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode docs = root.putObject("documents");
        StringBuilder tsv = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries.values()) {
            docs.set(e.id(), JSON.valueToTree(e.digest()));
            tsv.append(e.id()).append('\t').append(e.fileSha256()).append('\t').append(e.fileSize()).append('\t')
                    .append(e.fileModified()).append('\t').append(e.metadataSha256()).append('\t').append(e.pipelineVersion())
                    .append('\t').append(e.codebookSha256()).append('\t').append(e.dated() ? "1" : "0").append('\t')
                    .append(e.source().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        AtomicFiles.write(digestsFile(outDir), JSON.writeValueAsString(root) + "\n");
        AtomicFiles.write(file(outDir), tsv.toString());
        // The index now holds every journaled change (replaying the journal again would change nothing).
        if (journal != null) {
            journal.close();
            journal = null;
        }
        Files.deleteIfExists(journalFile(outDir));
    }
}
