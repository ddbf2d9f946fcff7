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
 * is stored). Written deterministically (fixed key order, codebook order of themes, {@code \n} line
 * ends) beside a {@code .sha256} sidecar holding the SHA-256 of the file's bytes, checked on load.
 * Read strictly: every field is required, and a model is refused by a build whose feature layout or
 * running encoder differs from the one it was trained with.
 *
 * @param encoder  the sentence encoder the embedding features came from (null when no embedding is used)
 * @param groups   the feature groups, see {@link Features}
 * @param features names of the feature vector's entries, in order
 * @param training summary of the training data (counts, folds, seed, regularization)
 * @param cv       cross-validated scores, by document folds
 */
public record HybridModel(int modelVersion, String codebookId, String codebookVersion, String codebookSha256,
                          EncoderSpec encoder, java.util.Set<Features.Group> groups, List<String> features,
                          List<ThemeModel> themes, JsonNode training, JsonNode cv) {

    public static final String FORMAT = "entente-theme-model";
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One theme's model: a logistic regression over the features, whose logit is calibrated by Platt
     * scaling ({@code p = sigmoid(slope * logit + intercept)}, fitted on out-of-fold logits), and the
     * calibrated probability at which the theme is assigned ({@code threshold}, chosen to maximize F1 on
     * out-of-fold probabilities).
     */
    public record ThemeModel(String id, double[] weights, double bias, double slope, double intercept,
                             double threshold, int positives) {
        public double logit(double[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return z;
        }

        /** The calibrated probability that a sentence with these features carries the theme. */
        public double probability(double[] x) {
            return LogisticRegression.sigmoid(slope * logit(x) + intercept);
        }
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
        if (encoder == null) {
            root.putNull("encoder");
        } else {
            ObjectNode enc = root.putObject("encoder");
            enc.put("name", encoder.name());
            enc.put("artifact", encoder.artifact());
            enc.put("onnx", encoder.onnx());
            enc.put("tokenizer", encoder.tokenizer());
            enc.put("pooling", encoder.pooling());
            enc.put("prefix", encoder.prefix());
            enc.put("dimension", encoder.dimension());
            enc.put("layers", encoder.layers());
            enc.put("normalized", true);
        }
        ArrayNode gs = root.putArray("featureGroups");
        groups.forEach(g -> gs.add(g.label()));
        ArrayNode feats = root.putArray("features");
        features.forEach(feats::add);
        root.put("decision", "probability = sigmoid(slope * (bias + weights . features) + intercept); "
                + "assigned when probability >= threshold");
        root.set("training", training);
        root.set("cv", cv);
        ArrayNode ts = root.putArray("themes");
        for (ThemeModel t : themes) {
            ObjectNode o = ts.addObject();
            o.put("id", t.id());
            o.put("positives", t.positives());
            o.put("threshold", t.threshold());
            o.put("slope", t.slope());
            o.put("intercept", t.intercept());
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
            throw new IOException(origin + ": not an " + FORMAT + " file (retrain with 'entente train')");
        }
        int version = required(origin, root, "modelVersion").asInt();
        if (version != VERSION) {
            throw new IOException(origin + ": model version " + version + ", this build reads " + VERSION);
        }
        List<String> features = new ArrayList<>();
        required(origin, root, "features").forEach(n -> features.add(n.asText()));
        java.util.Set<Features.Group> groups = java.util.EnumSet.noneOf(Features.Group.class);
        try {
            required(origin, root, "featureGroups").forEach(n -> groups.add(Features.Group.of(n.asText())));
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
        JsonNode enc = required(origin, root, "encoder");
        EncoderSpec encoder = null;
        if (!enc.isNull()) {
            encoder = new EncoderSpec(text(origin, enc, "name"), text(origin, enc, "artifact"), text(origin, enc, "onnx"),
                    text(origin, enc, "tokenizer"), text(origin, enc, "pooling"), required(origin, enc, "prefix").asText(),
                    number(origin, enc, "dimension").intValue(), number(origin, enc, "layers").intValue());
        } else if (groups.contains(Features.Group.EMBEDDING)) {
            throw new IOException(origin + ": the model uses embedding features but names no encoder");
        }
        List<ThemeModel> themes = new ArrayList<>();
        for (JsonNode t : required(origin, root, "themes")) {
            String id = text(origin, t, "id");
            String where = "theme " + id;
            JsonNode w = required(origin + " " + where, t, "weights");
            double[] weights = new double[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = w.get(i).asDouble();
            }
            if (weights.length != features.size()) {
                throw new IOException(origin + ": theme " + id + " has " + weights.length
                        + " weights for " + features.size() + " features");
            }
            double threshold = number(origin + " " + where, t, "threshold").doubleValue();
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IOException(origin + ": theme " + id + ": threshold " + threshold + " is not in [0, 1]");
            }
            themes.add(new ThemeModel(id, weights, number(origin + " " + where, t, "bias").doubleValue(),
                    number(origin + " " + where, t, "slope").doubleValue(),
                    number(origin + " " + where, t, "intercept").doubleValue(), threshold,
                    number(origin + " " + where, t, "positives").intValue()));
        }
        JsonNode cb = required(origin, root, "codebook");
        return new HybridModel(version, text(origin, cb, "id"), text(origin, cb, "version"), text(origin, cb, "sha256"),
                encoder, groups, List.copyOf(features), List.copyOf(themes), required(origin, root, "training"),
                required(origin, root, "cv"));
    }

    private static JsonNode required(String origin, JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isMissingNode()) {
            throw new IOException(origin + ": missing '" + field + "'");
        }
        return v;
    }

    private static String text(String origin, JsonNode node, String field) throws IOException {
        JsonNode v = required(origin, node, field);
        if (!v.isTextual()) {
            throw new IOException(origin + ": '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static Number number(String origin, JsonNode node, String field) throws IOException {
        JsonNode v = required(origin, node, field);
        if (!v.isNumber()) {
            throw new IOException(origin + ": '" + field + "' must be a number");
        }
        return v.numberValue();
    }
}
