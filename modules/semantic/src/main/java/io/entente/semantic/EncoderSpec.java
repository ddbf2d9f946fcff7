package io.entente.semantic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.registry.NamedComponent;
import io.entente.core.registry.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One sentence encoder that Entente can run in-process: an ONNX transformer and its tokenizer, both
 * resources of a Maven artifact on the class path (nothing is downloaded). The list lives in
 * {@code models/semantic/encoders.json}; a model file records the spec it was trained with and is
 * refused by any other ({@link #identity()}). Each is a named component ({@code --encoder NAME} of
 * {@code train}) chosen from {@link #registry()}, and {@link #open(Map)} makes an encoder of it.
 *
 * @param pooling {@code mean} (average of all token states) or {@code cls} (the first token's state)
 * @param prefix  text put before every sentence (e5 models expect {@code "query: "})
 * @param layers  transformer layers, a rough measure of cost (6 for MiniLM-L6, 12 for bge-small and e5-small)
 */
public record EncoderSpec(String name, String artifact, String onnx, String tokenizer, String pooling, String prefix,
                          int dimension, int layers) implements NamedComponent {
    /** What users call these components, in listings and errors. */
    public static final String KIND = "sentence encoder";
    /** The option of {@link #open(Map)}: how many sentences' vectors an encoder keeps in memory. */
    public static final String CACHE = "cache";
    public static final int DEFAULT_CACHE = 50_000;

    public static final String RESOURCE = "models/semantic/encoders.json";
    /** The encoder of the packaged models unless a model file names another. */
    public static final String DEFAULT = "all-minilm-l6-v2-q";

    public EncoderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(onnx, "onnx");
        Objects.requireNonNull(tokenizer, "tokenizer");
        pooling = Objects.requireNonNull(pooling, "pooling").toLowerCase(Locale.ROOT);
        if (!pooling.equals("mean") && !pooling.equals("cls")) {
            throw new IllegalArgumentException("encoder " + name + ": pooling must be mean or cls, not " + pooling);
        }
        prefix = prefix == null ? "" : prefix;
        if (dimension <= 0 || layers <= 0) {
            throw new IllegalArgumentException("encoder " + name + ": dimension and layers must be positive");
        }
    }

    /** What a model file and an embedding cache record: vectors of two encoders that differ here never mix. */
    public String identity() {
        return name + "|" + artifact + "|" + pooling + "|" + prefix + "|" + dimension;
    }

    private record File(List<EncoderSpec> encoders) {
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s, %d dimensions, %d layers, %s pooling%s", artifact, dimension, layers, pooling,
                prefix.isEmpty() ? "" : ", prefix '" + prefix + "'");
    }

    @Override
    public Map<String, String> options() {
        return Map.of(CACHE, "sentences whose vectors are kept in memory (default " + DEFAULT_CACHE + "; 0: none)");
    }

    /**
     * A new encoder of this spec (its model loads on first use; the caller closes it).
     *
     * @param options {@value #CACHE}; {@link io.entente.core.registry.Registry#forName} refuses others
     * @throws IllegalArgumentException when an option's value is not valid
     */
    public SentenceEncoder open(Map<String, String> options) {
        String cache = options.getOrDefault(CACHE, String.valueOf(DEFAULT_CACHE));
        int capacity;
        try {
            capacity = Integer.parseInt(cache.trim());
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("sentence encoder " + name + ": option " + CACHE + " must be a count of "
                    + "sentences (0 or more), not '" + cache + "'");
        }
        return new SentenceEncoder(this, capacity);
    }

    private static final class Listed {
        static final Registry<EncoderSpec> ALL = load();

        private static Registry<EncoderSpec> load() {
            try (InputStream in = EncoderSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " is not on the class path");
                }
                File f = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(in, File.class);
                Map<String, EncoderSpec> out = new LinkedHashMap<>();
                for (EncoderSpec s : f.encoders()) {
                    if (out.put(s.name(), s) != null) {
                        throw new IOException(RESOURCE + ": encoder " + s.name() + " is listed twice");
                    }
                }
                return Registry.of(KIND, List.copyOf(out.values()));
            } catch (IOException | IllegalStateException e) {
                throw new UncheckedIOException("cannot read the encoder list: " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
    }

    /** Every encoder listed in {@value #RESOURCE}, in file order (immutable, read once). */
    public static Registry<EncoderSpec> registry() {
        return Listed.ALL;
    }

    /** The encoders listed in {@value #RESOURCE}, by name. */
    public static List<String> names() {
        return registry().names().stream().sorted().toList();
    }

    /** The listed encoder of that name. */
    public static EncoderSpec named(String name) {
        return registry().get(name);
    }

    public static EncoderSpec defaultSpec() {
        return named(DEFAULT);
    }
}
