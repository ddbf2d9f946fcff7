package io.entente.semantic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * refused by any other ({@link #identity()}).
 *
 * @param pooling {@code mean} (average of all token states) or {@code cls} (the first token's state)
 * @param prefix  text put before every sentence (e5 models expect {@code "query: "})
 * @param layers  transformer layers, a rough measure of cost (6 for MiniLM-L6, 12 for bge-small and e5-small)
 */
public record EncoderSpec(String name, String artifact, String onnx, String tokenizer, String pooling, String prefix,
                          int dimension, int layers) {

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

    private static final class Registry {
        static final Map<String, EncoderSpec> ALL = load();

        private static Map<String, EncoderSpec> load() {
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
                return Map.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the encoder list: " + e.getMessage(), e);
            }
        }
    }

    /** The encoders listed in {@value #RESOURCE}, by name. */
    public static List<String> names() {
        return Registry.ALL.keySet().stream().sorted().toList();
    }

    /** The listed encoder of that name. */
    public static EncoderSpec named(String name) {
        EncoderSpec s = Registry.ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown sentence encoder '" + name + "'; available: " + names());
        }
        return s;
    }

    public static EncoderSpec defaultSpec() {
        return named(DEFAULT);
    }
}
