package io.entente.semantic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.AtomicFiles;
import io.entente.core.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code entente train} learns, as one versioned JSON file (weights only: no training sentence
 * is stored; the prototype sentences are the codebook's examples and the developers' own examples).
 * Written deterministically (fixed key order, codebook order of themes, {@code \n} line ends) beside a
 * {@code .sha256} sidecar holding the SHA-256 of the file's bytes, checked on load.
 *
 * @param features   names of the feature vector's entries, in order
 * @param prototypes per theme id (codebook order), the example sentences whose embeddings are prototypes
 * @param training   summary of the training data (counts, folds, seed, regularization)
 * @param cv         cross-validated scores of the configurations, by document folds
 */
public record HybridModel(int modelVersion, String codebookId, String codebookVersion, String codebookSha256,
                          String encoder, List<String> features, Map<String, List<String>> prototypes,
                          List<ThemeModel> themes, JsonNode training, JsonNode cv) {

    public static final String FORMAT = "entente-semantic-model";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One theme's logistic model. {@code threshold} is the probability at which the theme is assigned,
     * chosen to maximize F1 on out-of-fold probabilities; {@link #calibrated(double)} maps it to 0.5.
     */
    public record ThemeModel(String id, double[] weights, double bias, double threshold, int positives) {
        public double probability(double[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return LogisticRegression.sigmoid(z);
        }

        /**
         * The score comparable across themes: piecewise linear in the probability p, 0 at p = 0, 0.5 at
         * p = threshold, 1 at p = 1; so a theme is assigned exactly when its score reaches 0.5.
         */
        public double calibrated(double p) {
            return calibrate(p, threshold);
        }
    }

    static double calibrate(double p, double t) {
        if (t >= 1) {
            return 0.5 * p;
        }
        if (t <= 0) {
            return 0.5 + 0.5 * p;
        }
        return p < t ? 0.5 * p / t : 0.5 + 0.5 * (p - t) / (1 - t);
    }

    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("modelVersion", modelVersion);
        ObjectNode cb = root.putObject("codebook");
        cb.put("id", codebookId);
        cb.put("version", codebookVersion);
        cb.put("sha256", codebookSha256);
        ObjectNode enc = root.putObject("encoder");
        enc.put("name", encoder);
        enc.put("artifact", SentenceEncoder.ARTIFACT);
        enc.put("dimension", SentenceEncoder.DIMENSION);
        enc.put("normalized", true);
        ArrayNode feats = root.putArray("features");
        features.forEach(feats::add);
        root.put("decision", "probability = sigmoid(bias + weights . features); score = 0.5*p/threshold below the "
                + "threshold, 0.5 + 0.5*(p - threshold)/(1 - threshold) above; assigned when score >= 0.5");
        root.set("training", training);
        root.set("cv", cv);
        ObjectNode protos = root.putObject("prototypes");
        prototypes.forEach((k, v) -> {
            ArrayNode a = protos.putArray(k);
            v.forEach(a::add);
        });
        ArrayNode ts = root.putArray("themes");
        for (ThemeModel t : themes) {
            ObjectNode o = ts.addObject();
            o.put("id", t.id());
            o.put("positives", t.positives());
            o.put("threshold", t.threshold());
            o.put("bias", t.bias());
            ArrayNode w = o.putArray("weights");
            for (double d : t.weights()) {
                w.add(d);
            }
        }
        return root;
    }

    /** The file's bytes: deterministic for a given model. */
    public byte[] bytes() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String s = JSON.writer(pp).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValueAsString(toJson());
            return (s + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file and its {@code .sha256} sidecar, each atomically; returns the hex digest. */
    public String write(Path file) throws IOException {
        byte[] b = bytes();
        String hex = Resources.sha256(b);
        writeReadable(file, b);
        writeReadable(sidecar(file), (hex + "  " + file.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
        return hex;
    }

    public static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    /** Atomically, then readable by all like the other files under models/ (temporary files are owner-only). */
    private static void writeReadable(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
    }

    /** Class-path name of the model packaged for a codebook (built from {@code models/semantic/}). */
    public static String packagedResource(String codebookId) {
        return "models/semantic/" + codebookId + ".model.json";
    }

    /**
     * The model packaged for a codebook, checked against its {@code .sha256} sidecar when that is
     * packaged too; null when none is packaged.
     */
    public static HybridModel readPackaged(String codebookId) throws IOException {
        String resource = packagedResource(codebookId);
        ClassLoader cl = HybridModel.class.getClassLoader();
        try (var in = cl.getResourceAsStream(resource); var side = cl.getResourceAsStream(resource + ".sha256")) {
            if (in == null) {
                return null;
            }
            byte[] b = in.readAllBytes();
            if (side != null) {
                checkDigest(resource, b, new String(side.readAllBytes(), StandardCharsets.UTF_8), "its sidecar");
            }
            return parse(resource, b);
        }
    }

    /** Reads a model file; when its sidecar exists the digest must match. */
    public static HybridModel read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Path side = sidecar(file);
        if (Files.isRegularFile(side)) {
            checkDigest(file.toString(), b, Files.readString(side), side.toString());
        }
        return parse(file.toString(), b);
    }

    /** Throws when {@code bytes} do not have the SHA-256 that {@code sidecarText} ("HEX  NAME") names. */
    static void checkDigest(String origin, byte[] bytes, String sidecarText, String sidecarOrigin) throws IOException {
        String expected = sidecarText.strip().split("\\s+")[0];
        String actual = Resources.sha256(bytes);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new IOException(origin + ": SHA-256 " + actual + " does not match " + sidecarOrigin + " (" + expected + ")");
        }
    }

    public static HybridModel parse(String origin, byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(origin + ": not an " + FORMAT + " file");
        }
        int version = root.path("modelVersion").asInt();
        if (version != VERSION) {
            throw new IOException(origin + ": model version " + version + ", this build reads " + VERSION);
        }
        List<String> features = new ArrayList<>();
        root.path("features").forEach(n -> features.add(n.asText()));
        Map<String, List<String>> protos = new LinkedHashMap<>();
        root.path("prototypes").fields().forEachRemaining(e -> {
            List<String> l = new ArrayList<>();
            e.getValue().forEach(n -> l.add(n.asText()));
            protos.put(e.getKey(), List.copyOf(l));
        });
        List<ThemeModel> themes = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            JsonNode w = t.path("weights");
            double[] weights = new double[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = w.get(i).asDouble();
            }
            if (weights.length != features.size()) {
                throw new IOException(origin + ": theme " + t.path("id").asText() + " has " + weights.length
                        + " weights for " + features.size() + " features");
            }
            themes.add(new ThemeModel(t.path("id").asText(), weights, t.path("bias").asDouble(),
                    t.path("threshold").asDouble(), t.path("positives").asInt()));
        }
        JsonNode cb = root.path("codebook");
        return new HybridModel(version, cb.path("id").asText(), cb.path("version").asText(), cb.path("sha256").asText(),
                root.path("encoder").path("name").asText(), List.copyOf(features), protos, List.copyOf(themes),
                root.path("training"), root.path("cv"));
    }
}
