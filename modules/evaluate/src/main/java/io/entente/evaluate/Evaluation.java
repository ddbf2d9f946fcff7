package io.entente.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.Document;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.Stage;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs the pipeline over a gold folder and aggregates the scores of every document. */
public final class Evaluation {
    private final List<Scorer.Result> results;

    private Evaluation(List<Scorer.Result> results) {
        this.results = List.copyOf(results);
    }

    /** Every {@code NAME.txt} in {@code goldDir} that has a {@code NAME.gold.json} beside it, in name order. */
    public static List<Path> goldTexts(Path goldDir) throws IOException {
        try (Stream<Path> files = Files.list(goldDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> Files.exists(goldFile(p))).sorted().toList();
        }
    }

    static Path goldFile(Path text) {
        return text.resolveSibling(stem(text) + ".gold.json");
    }

    public static Evaluation run(Pipeline pipeline, Path goldDir) throws IOException {
        List<Path> texts = goldTexts(goldDir);
        if (texts.isEmpty()) {
            throw new IOException(goldDir + ": no NAME.txt with NAME.gold.json found");
        }
        DocumentReader reader = new DocumentReader();
        List<Scorer.Result> results = new ArrayList<>();
        for (Path text : texts) {
            GoldDocument gold = GoldDocument.read(goldFile(text));
            Document doc;
            try {
                doc = pipeline.process(reader.read(new InputFiles.InputFile(text, InputFiles.idFor(text))).document());
            } catch (DocumentReadException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
            results.add(Scorer.score(doc, gold));
        }
        return new Evaluation(results);
    }

    /**
     * Cross-validated evaluation of a trained theme stage, through the pipeline's own segmentation: the
     * gold documents are split into folds by document; for each fold, {@code themeStageWithout} builds
     * a theme stage trained without that fold's documents (given their ids, the gold file names without
     * {@code .gold.json}), which then classifies the fold's documents after {@code upstream} (tokens and
     * entities). Entity scores are those of {@code upstream}, which is not trained here.
     *
     * @param foldOfDocument the fold of every gold document id
     */
    public static Evaluation crossValidated(Pipeline upstream, Path goldDir, Map<String, Integer> foldOfDocument,
                                            java.util.function.Function<Set<String>, Stage> themeStageWithout)
            throws IOException {
        List<Path> texts = goldTexts(goldDir);
        if (texts.isEmpty()) {
            throw new IOException(goldDir + ": no NAME.txt with NAME.gold.json found");
        }
        DocumentReader reader = new DocumentReader();
        Map<String, Document> tagged = new TreeMap<>();
        Map<String, GoldDocument> golds = new TreeMap<>();
        for (Path text : texts) {
            String id = stem(text);
            if (!foldOfDocument.containsKey(id)) {
                throw new IllegalArgumentException("no fold for gold document " + id);
            }
            golds.put(id, GoldDocument.read(goldFile(text)));
            try {
                tagged.put(id, upstream.process(reader.read(new InputFiles.InputFile(text, InputFiles.idFor(text))).document()));
            } catch (DocumentReadException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }
        Map<String, Scorer.Result> byId = new TreeMap<>();
        for (int fold : new TreeSet<>(foldOfDocument.values())) {
            Set<String> heldOut = new TreeSet<>();
            foldOfDocument.forEach((id, f) -> {
                if (f == fold && tagged.containsKey(id)) {
                    heldOut.add(id);
                }
            });
            if (heldOut.isEmpty()) {
                continue;
            }
            Stage themes = themeStageWithout.apply(heldOut);
            for (String id : heldOut) {
                byId.put(id, Scorer.score(themes.process(tagged.get(id)), golds.get(id)));
            }
        }
        List<Scorer.Result> results = new ArrayList<>();
        for (Path text : texts) {
            results.add(byId.get(stem(text)));
        }
        return new Evaluation(results);
    }

    /** NAME of NAME.txt: the gold document's id. */
    private static String stem(Path text) {
        String name = text.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    public List<Scorer.Result> results() {
        return results;
    }

    public Counts entities(EntityType type) {
        return results.stream().map(r -> r.entities().get(type)).reduce(Counts.ZERO, Counts::plus);
    }

    public Counts documentThemes() {
        return sum(true).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    public Counts sentenceThemes() {
        return sum(false).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** Per theme, summed over documents. */
    public Map<String, Counts> perTheme(boolean documentLevel) {
        return sum(documentLevel);
    }

    private Map<String, Counts> sum(boolean documentLevel) {
        Map<String, Counts> out = new TreeMap<>();
        for (Scorer.Result r : results) {
            (documentLevel ? r.documentThemes() : r.sentenceThemes()).forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        return out;
    }

    public Map<String, Integer> confusions() {
        Map<String, Integer> out = new TreeMap<>();
        results.forEach(r -> r.confusions().forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    public String table(boolean details) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Entente evaluation: %d documents%n%n", results.size()));
        b.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %5s %5s %5s%n", "entities (document sets)", "P", "R", "F1", "TP", "FP", "FN"));
        for (EntityType t : EntityType.values()) {
            row(b, t.name(), entities(t));
        }
        b.append(String.format(Locale.ROOT, "%n%-28s %6s %6s %6s %5s %5s %5s%n", "themes (micro-averaged)", "P", "R", "F1", "TP", "FP", "FN"));
        row(b, "document level", documentThemes());
        row(b, "sentence level", sentenceThemes());
        b.append(String.format(Locale.ROOT, "%n%-28s %6s %6s %6s %5s %5s %5s   %s%n", "per theme (sentence level)", "P", "R", "F1", "TP", "FP", "FN", "doc F1"));
        Map<String, Counts> docLevel = perTheme(true);
        perTheme(false).forEach((theme, c) -> {
            row(b, theme, c, false);
            b.append(String.format(Locale.ROOT, "   %.3f%n", docLevel.getOrDefault(theme, Counts.ZERO).f1()));
        });
        b.append(String.format(Locale.ROOT, "%nmost frequent confusions (gold -> predicted, sentence level)%n"));
        confusions().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(10)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
        if (details) {
            b.append(String.format(Locale.ROOT, "%nper document: missed (-) and spurious (+) entities%n"));
            for (Scorer.Result r : results) {
                StringBuilder line = new StringBuilder();
                for (EntityType t : EntityType.values()) {
                    r.missed().get(t).forEach(m -> line.append(" -").append(t.name().charAt(0)).append(':').append(m));
                    r.spurious().get(t).forEach(m -> line.append(" +").append(t.name().charAt(0)).append(':').append(m));
                }
                if (line.length() > 0) {
                    b.append("  ").append(r.id()).append(':').append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Counts c) {
        row(b, label, c, true);
    }

    private static void row(StringBuilder b, String label, Counts c, boolean newline) {
        b.append(String.format(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %5d %5d %5d", label, c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn()));
        if (newline) {
            b.append('\n');
        }
    }

    public String json() {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("documents", results.size());
        ObjectNode ents = root.putObject("entities");
        for (EntityType t : EntityType.values()) {
            put(ents.putObject(t.name()), entities(t));
        }
        ObjectNode themes = root.putObject("themes");
        put(themes.putObject("document"), documentThemes());
        put(themes.putObject("sentence"), sentenceThemes());
        ObjectNode per = themes.putObject("perTheme");
        Map<String, Counts> docLevel = perTheme(true);
        perTheme(false).forEach((k, v) -> {
            ObjectNode n = per.putObject(k);
            put(n.putObject("sentence"), v);
            put(n.putObject("document"), docLevel.getOrDefault(k, Counts.ZERO));
        });
        ObjectNode conf = root.putObject("confusions");
        confusions().forEach(conf::put);
        ArrayNode docs = root.putArray("perDocument");
        for (Scorer.Result r : results) {
            ObjectNode n = docs.addObject();
            n.put("id", r.id());
            for (EntityType t : EntityType.values()) {
                ObjectNode e = n.putObject(t.name());
                put(e, r.entities().get(t));
                r.missed().get(t).forEach(e.putArray("missed")::add);
                ArrayNode sp = e.putArray("spurious");
                r.spurious().get(t).forEach(sp::add);
            }
        }
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode n, Counts c) {
        n.put("precision", round(c.precision()));
        n.put("recall", round(c.recall()));
        n.put("f1", round(c.f1()));
        n.put("tp", c.tp());
        n.put("fp", c.fp());
        n.put("fn", c.fn());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
