package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.EntityType;
import io.entente.gold.Counts;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput and footprint of Entente beside stock CoreNLP, in one process, on the same in-memory
 * documents. See modules/bench/README.md for the command and the output.
 */
public final class Bench {
    static final List<String> ALL = List.of(EntenteConfig.FULL, EntenteConfig.LEXICON, EntenteConfig.ENTITIES,
            ThemesConfig.HYBRID, ThemesConfig.LEXICON, CoreNlpConfig.DEFAULT, CoreNlpConfig.CRF3);
    private static final double MIB = 1024.0 * 1024.0;

    /** Command-line options. */
    static final class Options {
        int docs = 200;
        int tokens = 700;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> sources = new ArrayList<>();
        Path gold;
        Path out = Path.of("bench-results");
        boolean warmup;
        boolean fork;
        List<String> configs = new ArrayList<>(ALL);
        List<String> rawArgs = List.of();
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("entente-bench: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        JsonNode result = run(o);
        System.out.print(Markdown.render(result));
        System.err.println("entente-bench: wrote " + o.out.resolve("bench.json") + " and " + o.out.resolve("bench.md"));
        for (JsonNode cfg : result.get("configurations")) {
            for (JsonNode r : cfg.get("runs")) {
                if (r.get("failed").asInt() > 0) {
                    System.err.println("entente-bench: " + cfg.get("name").asText() + " failed on some documents");
                    System.exit(1);
                }
            }
        }
    }

    static String usage() {
        return """
                usage: Bench --sources PATH[,PATH...] [--docs N] [--tokens T] [--seed S] [--threads N]
                             [--gold DIR] [--out DIR] [--warmup] [--fork]
                             [--configs C1,C2,...] [--only C]
                  configurations: entente-full (hybrid themes), entente-lexicon, entente-entities,
                                  themes-hybrid, themes-lexicon (theme stage alone), corenlp-default, corenlp-ner3
                  --gold DIR  score the entity F1 of each configuration on DIR's NAME.txt + NAME.gold.json
                  --fork      also run each configuration alone in a child JVM (--only C) for its own VmHWM
                  --warmup    one untimed pass over the corpus per configuration before the timed runs""";
    }

    static Options parse(String[] args) {
        Options o = new Options();
        o.rawArgs = List.of(args);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--docs" -> o.docs = Integer.parseInt(value(args, ++i, a));
                case "--tokens" -> o.tokens = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                case "--threads" -> o.threads = Integer.parseInt(value(args, ++i, a));
                case "--sources" -> {
                    for (String s : value(args, ++i, a).split(",")) {
                        o.sources.add(Path.of(s));
                    }
                }
                case "--gold" -> o.gold = Path.of(value(args, ++i, a));
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--warmup" -> o.warmup = true;
                case "--fork" -> o.fork = true;
                case "--configs", "--only" -> {
                    o.configs = List.of(value(args, ++i, a).split(","));
                    if (a.equals("--only") && o.configs.size() != 1) {
                        throw new IllegalArgumentException("--only takes one configuration");
                    }
                }
                case "-h", "--help" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.sources.isEmpty()) {
            throw new IllegalArgumentException("--sources is required");
        }
        if (o.docs < 1 || o.threads < 1 || o.tokens < 1) {
            throw new IllegalArgumentException("--docs, --tokens and --threads must be at least 1");
        }
        for (String c : o.configs) {
            if (!ALL.contains(c)) {
                throw new IllegalArgumentException("unknown configuration " + c + " (one of " + ALL + ")");
            }
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static Config create(String name) {
        return switch (name) {
            case EntenteConfig.FULL -> new EntenteConfig(EntenteConfig.Mode.HYBRID);
            case EntenteConfig.LEXICON -> new EntenteConfig(EntenteConfig.Mode.LEXICON);
            case EntenteConfig.ENTITIES -> new EntenteConfig(EntenteConfig.Mode.ENTITIES);
            case ThemesConfig.HYBRID -> new ThemesConfig(true);
            case ThemesConfig.LEXICON -> new ThemesConfig(false);
            case CoreNlpConfig.DEFAULT -> CoreNlpConfig.defaults();
            case CoreNlpConfig.CRF3 -> CoreNlpConfig.crf3();
            default -> throw new IllegalArgumentException("unknown configuration " + name);
        };
    }

    /** Runs every selected configuration, writes {@code bench.json} and {@code bench.md} into {@code o.out}, returns the JSON. */
    static JsonNode run(Options o) throws Exception {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(o.out);
        ObjectNode root = om.createObjectNode();
        root.put("benchmark", "entente-bench");
        root.put("startedAt", Instant.now().toString());
        root.set("machine", om.valueToTree(Probe.machine()));
        root.putPOJO("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());

        Corpus corpus = Corpus.sample(o.sources, o.docs, o.tokens, o.seed);
        ObjectNode c = root.putObject("corpus");
        c.put("documents", corpus.docs().size());
        c.put("targetTokensPerDocument", o.tokens);
        c.put("words", corpus.words());
        c.put("seed", o.seed);
        c.put("sentencePool", corpus.sentencePool());
        c.putPOJO("sources", o.sources.stream().map(Path::toString).toList());
        ObjectNode opts = root.putObject("options");
        opts.put("threads", o.threads);
        opts.put("warmup", o.warmup);
        opts.put("gold", o.gold == null ? null : o.gold.toString());
        opts.putPOJO("configurations", o.configs);

        List<Integer> threadCounts = o.threads == 1 ? List.of(1) : List.of(1, o.threads);
        ArrayNode configs = root.putArray("configurations");
        for (String name : o.configs) {
            System.err.println("entente-bench: " + name + " ...");
            configs.add(runConfig(om, create(name), corpus, threadCounts, o));
            System.gc();
        }
        if (o.fork) {
            for (JsonNode cfg : configs) {
                ((ObjectNode) cfg).set("ownJvm", fork(om, cfg.get("name").asText(), o));
            }
        }
        Files.createDirectories(o.out);
        Files.writeString(o.out.resolve("bench.json"), om.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.writeString(o.out.resolve("bench.md"), Markdown.render(root), StandardCharsets.UTF_8);
        return root;
    }

    private static ObjectNode runConfig(ObjectMapper om, Config config, Corpus corpus, List<Integer> threadCounts, Options o)
            throws Exception {
        ObjectNode n = om.createObjectNode();
        n.put("name", config.name());
        n.put("description", config.description());

        Probe.resetHeapPeaks();
        long heapBefore = Probe.heapUsedBytes();
        long cpu0 = Probe.processCpuNanos();
        long t0 = System.nanoTime();
        config.load();
        n.put("modelLoadSeconds", seconds(System.nanoTime() - t0));
        n.put("modelLoadCpuSeconds", seconds(Probe.processCpuNanos() - cpu0));
        System.gc();
        n.put("heapAfterLoadMiB", mib(Probe.heapUsedBytes()));
        n.put("modelHeapMiB", mib(Math.max(0, Probe.heapUsedBytes() - heapBefore)));

        config.prepare(corpus.docs());
        if (o.warmup) {
            long w0 = System.nanoTime();
            config.run(corpus.docs(), o.threads);
            n.put("warmupSeconds", seconds(System.nanoTime() - w0));
        }
        ArrayNode runs = n.putArray("runs");
        for (int threads : threadCounts) {
            Probe.resetHeapPeaks();
            long c0 = Probe.processCpuNanos();
            long w0 = System.nanoTime();
            Config.RunStats s = config.run(corpus.docs(), threads);
            long wall = System.nanoTime() - w0;
            long cpu = Probe.processCpuNanos() - c0;
            Map<String, Long> resident = Probe.residentKiB();
            ObjectNode r = runs.addObject();
            double wallS = wall / 1e9;
            r.put("threads", threads);
            r.put("documents", s.processed());
            r.put("failed", s.failed());
            r.put("tokens", s.tokens());
            r.put("sentences", s.sentences());
            r.put("words", corpus.words());
            r.put("wallSeconds", round(wallS, 3));
            r.put("cpuSeconds", round(cpu / 1e9, 3));
            r.put("cpuPerWall", round(cpu / (double) wall, 2));
            r.put("documentsPerSecond", round(s.processed() / wallS, 2));
            r.put("tokensPerSecond", round(s.tokens() / wallS, 0));
            r.put("sentencesPerSecond", round(s.sentences() / wallS, 1));
            r.put("wordsPerSecond", round(corpus.words() / wallS, 0));
            r.put("peakHeapMiB", mib(Probe.heapPeakBytes()));
            r.put("vmRssMiB", resident.get("VmRSS") < 0 ? -1 : round(resident.get("VmRSS") / 1024.0, 1));
            r.put("vmHwmMiBProcess", resident.get("VmHWM") < 0 ? -1 : round(resident.get("VmHWM") / 1024.0, 1));
            ObjectNode st = r.putObject("stageThreadSeconds");
            s.stageNanos().forEach((k, v) -> st.put(k, seconds(v)));
            System.err.printf(Locale.ROOT, "entente-bench:   %d thread(s): %.1f docs/s, %.0f tokens/s%n", threads,
                    s.processed() / wallS, s.tokens() / wallS);
        }
        Map<EntityType, Counts> counts;
        long e0 = System.nanoTime();
        if (o.gold != null && (counts = config.evaluate(o.gold)) != null) {
            ObjectNode f = n.putObject("entityF1");
            f.put("gold", o.gold.toString());
            f.put("seconds", seconds(System.nanoTime() - e0));
            Counts all = Counts.ZERO;
            for (EntityType t : EntityType.values()) {
                put(f.putObject(t.name()), counts.get(t));
                all = all.plus(counts.get(t));
            }
            put(f.putObject("micro"), all);
        }
        config.close();
        n.put("vmHwmMiBProcessAfter", Probe.residentKiB().get("VmHWM") / 1024.0);
        return n;
    }

    /** Runs one configuration alone in a child JVM with the same classpath and heap options; returns its result. */
    private static JsonNode fork(ObjectMapper om, String name, Options o) throws Exception {
        Path dir = o.out.resolve("jvm-" + name);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xm") || a.startsWith("-XX:") || a.startsWith("-Dentente.")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Bench.class.getName());
        cmd.add("--sources");
        cmd.add(String.join(",", o.sources.stream().map(Path::toString).toList()));
        cmd.addAll(List.of("--docs", "" + o.docs, "--tokens", "" + o.tokens, "--seed", "" + o.seed,
                "--threads", "" + o.threads, "--only", name, "--out", dir.toString()));
        if (o.warmup) {
            cmd.add("--warmup");
        }
        System.err.println("entente-bench: " + name + " in its own JVM ...");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                o.out.resolve("jvm-" + name + ".log").toFile()).start();
        int rc = p.waitFor();
        ObjectNode n = om.createObjectNode();
        n.put("exitCode", rc);
        n.put("log", o.out.resolve("jvm-" + name + ".log").toString());
        if (rc == 0) {
            JsonNode child = om.readTree(dir.resolve("bench.json").toFile());
            JsonNode cfg = child.get("configurations").get(0);
            n.set("modelLoadSeconds", cfg.get("modelLoadSeconds"));
            n.set("heapAfterLoadMiB", cfg.get("heapAfterLoadMiB"));
            n.set("vmHwmMiB", cfg.get("vmHwmMiBProcessAfter"));
            n.set("runs", cfg.get("runs"));
        }
        return n;
    }

    private static void put(ObjectNode n, Counts c) {
        n.put("precision", round(c.precision(), 4));
        n.put("recall", round(c.recall(), 4));
        n.put("f1", round(c.f1(), 4));
        n.put("tp", c.tp());
        n.put("fp", c.fp());
        n.put("fn", c.fn());
    }

    static double seconds(long nanos) {
        return round(nanos / 1e9, 3);
    }

    static double mib(long bytes) {
        return round(bytes / MIB, 1);
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
