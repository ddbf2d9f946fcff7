package io.entente.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.Modality;
import io.entente.semantic.HybridModel;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import io.entente.themes.CodebookWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code entente codebook}: checks and shows theme codebooks without running the pipeline.
 * {@code validate FILE} prints a one-line summary (exit 0) or the loader's message naming the file,
 * the entry and the problem (exit 2); {@code show FILE} prints every theme with its cues and
 * examples, as text or {@code --json}.
 */
@Command(name = "codebook", mixinStandardHelpOptions = true,
        description = {"Check and show theme codebooks (JSON) without running the pipeline; import them from and export "
                + "them to quanteda, WordStat, LIWC and REFI-QDA.",
                "Exit status: 0 valid, 2 the file is missing or invalid (the message names the file, the entry and the problem)."},
        subcommands = {CodebookCommand.Validate.class, CodebookCommand.Show.class, CodebookInterop.Import.class,
                CodebookInterop.Export.class})
final class CodebookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // a usage error: one line and where to find help, as for every other command
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("entente: " + spec.qualifiedName() + " needs a subcommand: " + String.join(", ", spec.subcommands().keySet()));
        err.println(Main.pointerToHelp(spec.commandLine()));
        err.flush();
        return Main.USAGE;
    }

    /** Loads the codebook, or prints why it cannot be used and returns null. */
    static Codebook load(Path file, CommandLine cl) {
        String problem;
        if (!Files.isRegularFile(file)) {
            problem = "codebook " + file + ": no such file";
        } else {
            try {
                return CodebookLoader.load(file);
            } catch (CodebookException e) {
                problem = e.getMessage();
            } catch (UncheckedIOException e) {
                problem = "codebook " + file + ": " + e.getMessage();
            }
        }
        PrintWriter err = cl.getErr();
        err.println("entente: " + problem);
        err.flush();
        return null;
    }

    static int cues(Codebook cb) {
        return cb.themes().stream().mapToInt(t -> t.cues().size()).sum();
    }

    static int examples(Codebook cb) {
        return cb.themes().stream().mapToInt(t -> t.examples().size()).sum();
    }

    /** {@code entente codebook validate FILE}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validate a codebook and print \"N themes, M cues, K examples\".",
                    "Exit status: 0 valid, 2 missing or invalid."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The codebook (JSON).")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Codebook cb = load(file, spec.commandLine());
            if (cb == null) {
                return Main.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s, %s, %s (%s %s)%n", plural(cb.themes().size(), "theme"), plural(cues(cb), "cue"),
                    plural(examples(cb), "example"), cb.id(), cb.version());
            out.flush();
            return Main.OK;
        }
    }

    /** {@code entente codebook show FILE [--json]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a codebook: per theme its polarity, name, definition, cues with their weights, examples, "
                    + "and what a trained classifier learned (\"learned: none\" until one is trained).",
                    "Exit status: 0 shown, 2 missing or invalid."})
    static final class Show implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Parameters(paramLabel = "FILE", description = "The codebook (JSON).")
        Path file;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Option(names = "--model", paramLabel = "FILE",
                description = "A model written by 'entente train' (default: the one packaged for the codebook, if any).")
        Path model;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            Codebook cb = load(file, spec.commandLine());
            if (cb == null) {
                return Main.USAGE;
            }
            HybridModel learned;
            try {
                learned = Learned.load(cb, model);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("entente codebook show: " + e.getMessage());
                return Main.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? JSON.writeValueAsString(json(cb, learned)) + "\n" : text(cb, learned));
            out.flush();
            return Main.OK;
        }

        static String text(Codebook cb) {
            return text(cb, null);
        }

        static ObjectNode json(Codebook cb) {
            return json(cb, null);
        }

        static String text(Codebook cb, HybridModel learned) {
            StringBuilder b = new StringBuilder();
            b.append("codebook ").append(cb.id()).append(' ').append(cb.version()).append(": ").append(cb.name()).append('\n');
            if (cb.description() != null) {
                b.append(cb.description()).append('\n');
            }
            Codebook.Settings s = cb.settings();
            b.append(String.format(Locale.ROOT, "settings: threshold %.2f, negators %s (window %d, negated weight %.2f), "
                            + "modality weights stated %.2f, recommended %.2f, hypothetical %.2f, negated %.2f, "
                            + "headings of at most %d words carry no theme%n",
                    s.threshold(), String.join(", ", s.negators()), s.negationWindow(), s.negatedWeight(),
                    s.weight(Modality.STATED), s.weight(Modality.RECOMMENDED), s.weight(Modality.HYPOTHETICAL),
                    s.weight(Modality.NEGATED), s.headingMaxWords()));
            b.append(String.format(Locale.ROOT, "%s, %s, %s; sha256 %s%n", plural(cb.themes().size(), "theme"),
                    plural(cues(cb), "cue"), plural(examples(cb), "example"), cb.sha256()));
            for (Codebook.Theme t : cb.themes()) {
                b.append('\n').append(t.id()).append(" (").append(t.polarity().label()).append("): ").append(t.name()).append('\n');
                b.append("  definition: ").append(t.definition()).append('\n');
                double threshold = t.threshold() != null ? t.threshold() : s.threshold();
                b.append(String.format(Locale.ROOT, "  threshold: %.2f%n", threshold));
                b.append("  cues:\n");
                for (Codebook.Cue c : t.cues()) {
                    b.append(String.format(Locale.ROOT, "    %5.2f  %s", c.weight(), c.pattern()));
                    if (c.note() != null) {
                        b.append("  (").append(c.note()).append(')');
                    }
                    b.append('\n');
                }
                b.append("  examples:").append(t.examples().isEmpty() ? " none\n" : "\n");
                for (String e : t.examples()) {
                    b.append("    - ").append(e).append('\n');
                }
                b.append("  learned: ").append(Learned.describe(learned, t.id())).append('\n');
            }
            return b.toString();
        }

        static ObjectNode json(Codebook cb, HybridModel learned) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", cb.id());
            n.put("version", cb.version());
            n.put("name", cb.name());
            n.put("description", cb.description());
            n.put("language", cb.language());
            n.put("file", cb.origin());
            n.put("sha256", cb.sha256());
            n.set("settings", CodebookWriter.settings(cb.settings()));
            ObjectNode counts = n.putObject("counts");
            counts.put("themes", cb.themes().size());
            counts.put("cues", cues(cb));
            counts.put("examples", examples(cb));
            ArrayNode themes = n.putArray("themes");
            for (Codebook.Theme t : cb.themes()) {
                ObjectNode tn = themes.addObject();
                tn.put("id", t.id());
                tn.put("polarity", t.polarity().label());
                tn.put("name", t.name());
                tn.put("definition", t.definition());
                tn.put("threshold", t.threshold() != null ? t.threshold() : cb.settings().threshold());
                ArrayNode cues = tn.putArray("cues");
                for (Codebook.Cue c : t.cues()) {
                    ObjectNode cn = cues.addObject();
                    cn.put("pattern", c.pattern());
                    cn.put("weight", c.weight());
                    if (c.note() != null) {
                        cn.put("note", c.note());
                    }
                }
                ArrayNode ex = tn.putArray("examples");
                t.examples().forEach(ex::add);
                JsonNode l = Learned.json(learned, t.id());
                if (l == null) {
                    tn.putNull("learned");
                } else {
                    tn.set("learned", l);
                }
            }
            return n;
        }
    }

    /** What the hybrid classifier learned per theme, from a model written by {@code entente train}. */
    static final class Learned {
        private Learned() {
        }

        /** The given model, or the one packaged for the codebook; null when there is none or it fits another codebook. */
        static HybridModel load(Codebook cb, Path file) throws java.io.IOException {
            HybridModel m;
            if (file != null) {
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new java.io.IOException(file + ": no such model file");
                }
                m = HybridModel.read(file);
            } else {
                m = HybridModel.readPackaged(cb.id());
            }
            return m != null && m.codebookSha256().equals(cb.sha256()) ? m : null;
        }

        private static HybridModel.ThemeModel theme(HybridModel m, String id) {
            return m == null ? null : m.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }

        /** Cross-validated sentence F1 of the learned classifier for the theme, when the model records it. */
        private static Double cvF1(HybridModel m, String id) {
            if (m.cv() == null) {
                return null;
            }
            for (var it = m.cv().fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("learned")) {
                    JsonNode f = e.getValue().path("perTheme").path(id).path("sentenceF1");
                    return f.isNumber() ? f.asDouble() : null;
                }
            }
            return null;
        }

        private static boolean isEmbedding(String feature) {
            return feature.startsWith("embedding[");
        }

        /**
         * The weights of the theme's own lexical features (its lexicon score in the sentence, its neighbours
         * and the document) and of the shape features, in model order; the other themes' scores are left out.
         */
        private static Map<String, Double> lexicalWeights(HybridModel m, HybridModel.ThemeModel t) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < t.weights().length; i++) {
                String f = m.features().get(i);
                if (!isEmbedding(f) && (f.endsWith("lexicon." + t.id()) || f.startsWith("shape."))) {
                    out.put(m.features().get(i), t.weights()[i]);
                }
            }
            return out;
        }

        /** The L2 norm of the embedding dimensions' weights. */
        private static double embeddingNorm(HybridModel m, HybridModel.ThemeModel t) {
            double sum = 0;
            for (int i = 0; i < t.weights().length; i++) {
                if (isEmbedding(m.features().get(i))) {
                    sum += t.weights()[i] * t.weights()[i];
                }
            }
            return Math.sqrt(sum);
        }

        static String describe(HybridModel m, String id) {
            HybridModel.ThemeModel t = theme(m, id);
            if (t == null) {
                return "none (no trained model for this codebook version; see 'entente train')";
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "hybrid model v%d (%s): %d positive training sentences; assigned at calibrated p >= %.3f; bias %+.3f; weights",
                    m.modelVersion(), m.encoder() == null ? "no encoder" : m.encoder().name(), t.positives(), t.threshold(), t.bias()));
            lexicalWeights(m, t).forEach((f, v) -> b.append(String.format(Locale.ROOT, " %s %+.3f", f, v)));
            b.append(String.format(Locale.ROOT, "; embedding weights L2 norm %.3f", embeddingNorm(m, t)));
            Double f1 = cvF1(m, id);
            if (f1 != null) {
                b.append(String.format(Locale.ROOT, "; cross-validated sentence F1 %.3f", f1));
            }
            return b.toString();
        }

        static JsonNode json(HybridModel m, String id) {
            HybridModel.ThemeModel t = theme(m, id);
            if (t == null) {
                return null;
            }
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("model", "hybrid");
            n.put("modelVersion", m.modelVersion());
            n.put("positives", t.positives());
            n.put("threshold", t.threshold());
            n.put("bias", t.bias());
            ObjectNode w = n.putObject("weights");
            lexicalWeights(m, t).forEach(w::put);
            n.put("embeddingWeightsL2", embeddingNorm(m, t));
            Double f1 = cvF1(m, id);
            if (f1 != null) {
                n.put("cvSentenceF1", f1);
            }
            return n;
        }
    }

    /** "1 cue", "2 cues". */
    static String plural(long n, String one) {
        return io.entente.input.InputFiles.plural(n, one, one + "s");
    }
}
