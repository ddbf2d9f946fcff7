package io.entente.cli;

import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.core.Pipeline;
import io.entente.core.Resources;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.BatchRunner;
import io.entente.pipeline.MetadataSources;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.CorpusSummary;
import io.entente.report.JsonReport;
import io.entente.report.LayerCache;
import io.entente.report.Manifest;
import io.entente.report.MarkdownReport;
import io.entente.report.OutputLock;
import io.entente.report.PipelineInfo;
import io.entente.semantic.SentenceEncoder;
import io.entente.store.CorpusStore;
import io.entente.store.StoreSummary;
import io.entente.themes.Codebook;
import io.entente.themes.ThemeStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One incremental batch over an output folder: lock it, compare the inputs with the manifest, redo
 * only what changed (a new codebook only reclassifies themes from the layer cache), drop what was
 * removed, and write reports, the corpus summary and the manifest.
 */
final class AnalyzeJob {
    /**
     * The manifest is saved during a batch at most this often, so that a killed run loses little work
     * (its reports are complete; only the record of them would be redone), without rewriting a large
     * manifest after every document; it is also saved at the end.
     */
    private static final long MANIFEST_SAVE_NANOS = 20_000_000_000L;

    record Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                   DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds,
                   boolean progress) {
    }

    /** Counts of a finished job. */
    record Result(int processed, int reclassified, int unchanged, int removed, int failed, int undated) {
    }

    private enum Plan { SKIP, RECLASSIFY, FULL }

    /** What the last run did to the DuckDB store, or null when it was up to date. */
    StoreSummary storeSummary() {
        return storeSummary;
    }

    private final Options o;
    private final PrintWriter err;
    private StoreSummary storeSummary;

    AnalyzeJob(Options options, PrintWriter err) {
        this.o = options;
        this.err = err;
    }

    Result run() throws Exception {
        Files.createDirectories(o.out());
        try (OutputLock lock = OutputLock.acquire(o.out(), o.waitSeconds())) {
            removeStaleTemporaryFiles(o.out());
            return runLocked();
        }
    }

    private Result runLocked() throws Exception {
        // The codebook's identity is the hash of its bytes: an unchanged corpus needs no parsing at all.
        String codebookSha = o.pipeline().themeConfigSha256();
        Manifest manifest = Manifest.load(o.out());

        List<InputFiles.InputFile> full = new ArrayList<>();
        List<InputFiles.InputFile> reclassify = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, FileStamp> stamps = new java.util.HashMap<>();
        Set<String> current = new java.util.HashSet<>();
        int undatedSkipped = 0;
        for (InputFiles.InputFile f : o.files()) {
            current.add(f.id());
            Manifest.Entry e = manifest.get(f.id());
            FileStamp stamp = stamp(f, e);
            stamps.put(f.id(), stamp);
            switch (plan(e, stamp, codebookSha)) {
                case SKIP -> {
                    skipped.add(f.id());
                    undatedSkipped += e.dated() ? 0 : 1;
                }
                case RECLASSIFY -> reclassify.add(f);
                default -> full.add(f);
            }
        }
        List<String> gone = new ArrayList<>();
        for (String id : manifest.entries().keySet()) {
            if (!current.contains(id)) {
                gone.add(id);
            }
        }
        if (full.isEmpty() && reclassify.isEmpty() && gone.isEmpty() && Files.exists(o.out().resolve("corpus.json"))
                && Files.exists(o.out().resolve("corpus-themes.csv"))
                && Files.exists(o.out().resolve(CorpusStore.DEFAULT_FILE_NAME))) {
            return new Result(0, 0, skipped.size(), 0, 0, undatedSkipped); // nothing to do, nothing rewritten
        }

        Codebook codebook = o.pipeline().codebook(); // validated before anything is touched
        CorpusSummary summary = new CorpusSummary();
        int unchanged = 0;
        for (String id : skipped) {
            Manifest.Entry e = manifest.withDigest(id);
            if (e != null) {
                summary.add(e.digest());
                unchanged++;
            } else {
                full.add(fileOf(id)); // its digest was lost: process it again
            }
        }
        for (String id : gone) {
            deleteOutputs(id);
            manifest.remove(id);
        }
        int removed = gone.size();

        StandardPipeline standard = full.isEmpty() ? null : o.pipeline().build();
        Lazy<StandardPipeline> lazy = new Lazy<>(() -> standard != null ? standard : o.pipeline().build());
        ThemeStage themes = standard != null ? null : o.pipeline().themeStage();
        PipelineInfo info;
        if (standard != null) {
            info = PipelineOptions.info(standard);
            saveUpstreamModels(standard);
        } else {
            info = new PipelineInfo(StandardPipeline.VERSION, codebook.id(), codebook.sha256(), reclassifiedModels(themes, codebook));
        }

        java.util.concurrent.atomic.AtomicLong lastSave = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        BatchRunner.Sink sink = new BatchRunner.Sink() {
            @Override
            public void processed(InputFiles.InputFile file, Document doc, List<String> warnings) throws Exception {
                for (String w : warnings) {
                    synchronized (err) {
                        err.println("entente: warning: " + file.path() + ": " + w);
                    }
                }
                AtomicFiles.write(o.out().resolve(doc.id() + ".json"), JsonReport.render(doc, info));
                AtomicFiles.write(o.out().resolve(doc.id() + ".md"), MarkdownReport.render(doc, info));
                LayerCache.save(o.out(), doc);
                CorpusSummary.Digest digest = CorpusSummary.digestOf(doc);
                summary.add(digest);
                FileStamp st = stamps.get(file.id());
                manifest.put(new Manifest.Entry(doc.id(), file.path().toString(), st.sha256(), st.size(), st.modified(),
                        st.metadataSha256(), StandardPipeline.VERSION, codebookSha, doc.info().date() != null, digest));
                long now = System.nanoTime();
                long last = lastSave.get();
                if (now - last > MANIFEST_SAVE_NANOS && lastSave.compareAndSet(last, now)) {
                    manifest.save();
                }
            }

            @Override
            public void failed(InputFiles.InputFile file, String reason) {
                synchronized (err) {
                    err.println("entente: skipped " + reason);
                    err.flush();
                }
                summary.fail(file.path().toString(), reason);
                if (manifest.remove(file.id()) != null) {
                    try {
                        deleteOutputs(file.id()); // its input changed and no longer reads: the old report would mislead
                    } catch (IOException e) {
                        err.println("entente: warning: cannot remove the old report of " + file.id() + ": " + e.getMessage());
                    }
                }
            }
        };
        int total = full.size() + reclassify.size();
        AtomicInteger done = new AtomicInteger();
        BatchRunner.Progress progress = !o.progress() || total <= 3 ? BatchRunner.Progress.NONE : (file, n, t) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "[%d/%d] %s%n", done.incrementAndGet(), total, file.id());
                err.flush();
            }
        };
        // The hybrid classifier's sentence vectors persist between runs (hashes and vectors, no text): a
        // retrained model, a --force run or an edited paper re-embeds only sentences it has not seen.
        Path embeddings = Manifest.dir(o.out()).resolve("embeddings.bin");
        boolean hybrid = o.pipeline().config().classifier() == PipelineConfig.Classifier.HYBRID && total > 0;
        // the cache belongs to the encoder of the classifier's model (a file of another encoder is refused)
        SentenceEncoder encoder = !hybrid ? null
                : ((io.entente.semantic.HybridThemeClassifier) (themes != null ? themes : lazy.get().themes()).scorer()).encoder();
        if (hybrid) {
            try {
                encoder.loadCache(embeddings);
            } catch (RuntimeException e) {
                err.println("entente: warning: ignoring the embedding cache " + embeddings + ": "
                        + (e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.toString()));
            }
        }
        BatchRunner.Summary a = new BatchRunner.Summary(0, 0);
        if (!full.isEmpty()) {
            Pipeline p = lazy.get().pipeline();
            a = new BatchRunner(BatchRunner.standardWork(p, o.reader(), o.metadata()), o.threads()).run(full, sink, progress);
        }
        BatchRunner.Summary b = new BatchRunner.Summary(0, 0);
        if (!reclassify.isEmpty()) {
            b = new BatchRunner(file -> {
                Document cached = LayerCache.load(o.out(), file.id());
                if (cached == null) {
                    // a damaged cache: redo the whole document
                    return BatchRunner.standardWork(lazy.get().pipeline(), o.reader(), o.metadata()).process(file);
                }
                ThemeStage stage = themes != null ? themes : lazy.get().themes();
                return new BatchRunner.Outcome(stage.process(cached), List.of());
            }, o.threads()).run(reclassify, sink, progress);
        }
        if (hybrid) {
            try {
                encoder.saveCache(embeddings);
            } catch (RuntimeException e) {
                err.println("entente: warning: cannot write the embedding cache " + embeddings + ": " + e.getMessage());
            }
        }
        manifest.save();
        AtomicFiles.write(o.out().resolve("corpus.json"), summary.render(info));
        AtomicFiles.write(o.out().resolve("corpus-themes.csv"), summary.renderThemesCsv());
        storeSummary = CorpusStore.update(o.out()); // one transaction: an interrupted update keeps the previous state
        int undated = (int) summary.digests().stream().filter(d -> d.date() == null).count();
        return new Result(a.processed(), b.processed(), unchanged, removed, a.failed() + b.failed(), undated);
    }

    private InputFiles.InputFile fileOf(String id) {
        return o.files().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /** Built on first use, once, by whichever worker needs it first. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    private Plan plan(Manifest.Entry e, FileStamp stamp, String codebookSha) {
        if (o.force() || e == null || !e.fileSha256().equals(stamp.sha256())
                || !e.metadataSha256().equals(stamp.metadataSha256()) || !e.pipelineVersion().equals(StandardPipeline.VERSION)
                || !Files.exists(o.out().resolve(e.id() + ".json"))) {
            return Plan.FULL;
        }
        if (!e.codebookSha256().equals(codebookSha)) {
            return Files.exists(LayerCache.file(o.out(), e.id())) ? Plan.RECLASSIFY : Plan.FULL;
        }
        return Plan.SKIP;
    }

    /** An input file's identity: its content hash, and the size and modification time that let a rerun trust it. */
    private record FileStamp(String sha256, long size, long modified, String metadataSha256) {
    }

    /**
     * Like git's index: when size and modification time (of the file and its sidecar) are those of the
     * manifest, the stored hash stands; otherwise the content is hashed.
     */
    private FileStamp stamp(InputFiles.InputFile f, Manifest.Entry known) throws IOException {
        String row = o.metadata().csvFingerprint(f);
        String meta = row.isEmpty() ? "" : Resources.sha256(row);
        long size;
        long modified;
        try {
            size = Files.size(f.path());
            modified = Files.getLastModifiedTime(f.path()).toMillis();
            Path side = MetadataSources.sidecarOf(f.path());
            if (Files.isRegularFile(side)) {
                size = size * 31 + Files.size(side);
                modified = modified * 31 + Files.getLastModifiedTime(side).toMillis();
            }
        } catch (IOException e) {
            return new FileStamp(inputHash(f), -1, -1, meta);
        }
        if (known != null && known.fileSize() == size && known.fileModified() == modified) {
            return new FileStamp(known.fileSha256(), size, modified, meta);
        }
        return new FileStamp(inputHash(f), size, modified, meta);
    }

    /** The input's identity: the file's bytes and the user metadata that applies to it. */
    private static String inputHash(InputFiles.InputFile f) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(f.path()));
            Path side = MetadataSources.sidecarOf(f.path());
            if (Files.isRegularFile(side)) {
                md.update((byte) 0);
                md.update(Files.readAllBytes(side));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return "unreadable:" + Resources.sha256(f.path().toString()); // the read will report it
        }
    }

    private Path upstreamModelsFile() {
        return Manifest.dir(o.out()).resolve("upstream-models.tsv");
    }

    /** The models of the stages before the theme stage, for the reports of later theme-only runs. */
    private void saveUpstreamModels(StandardPipeline standard) throws IOException {
        StringBuilder b = new StringBuilder("name\tversion\n");
        for (io.entente.core.Stage stage : standard.pipeline().stages()) {
            if (stage != standard.themes()) {
                stage.models().forEach(m -> b.append(m.name()).append('\t').append(m.version()).append('\n'));
            }
        }
        AtomicFiles.write(upstreamModelsFile(), b.toString());
    }

    /**
     * The models behind reports whose themes alone are redone: the stored upstream models (tokens and
     * entities were not recomputed) and the theme stage's own, so a change of classifier shows.
     */
    private List<io.entente.core.ModelInfo> reclassifiedModels(ThemeStage themes, Codebook codebook) {
        Path file = upstreamModelsFile();
        if (!Files.isRegularFile(file)) {
            return previousModels(codebook); // a folder written before upstream-models.tsv existed
        }
        List<io.entente.core.ModelInfo> models = new ArrayList<>();
        try {
            for (io.entente.core.Tsv.Row r : io.entente.core.Tsv.parse(Resources.load(file, null), "name", "version")) {
                models.add(new io.entente.core.ModelInfo(r.get(0), r.get(1)));
            }
        } catch (RuntimeException e) {
            return previousModels(codebook);
        }
        models.addAll(themes.models());
        return models;
    }

    /** When nothing needs the models, the provenance of the previous run stands. */
    private List<io.entente.core.ModelInfo> previousModels(Codebook codebook) {
        Path corpus = o.out().resolve("corpus.json");
        List<io.entente.core.ModelInfo> models = new ArrayList<>();
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(corpus.toFile());
            for (var m : root.path("pipeline").path("models")) {
                String name = m.get("name").asText();
                models.add(name.startsWith("codebook:")
                        ? new io.entente.core.ModelInfo("codebook:" + codebook.id(), codebook.version())
                        : new io.entente.core.ModelInfo(name, m.get("version").asText()));
            }
        } catch (IOException | RuntimeException e) {
            models.add(new io.entente.core.ModelInfo("codebook:" + codebook.id(), codebook.version()));
        }
        return models;
    }

    private void deleteOutputs(String id) throws IOException {
        Files.deleteIfExists(o.out().resolve(id + ".json"));
        Files.deleteIfExists(o.out().resolve(id + ".md"));
        LayerCache.delete(o.out(), id);
    }

    /** Temporary files of a run that was killed mid-write (".name.json.123.tmp"). */
    private static void removeStaleTemporaryFiles(Path out) throws IOException {
        for (Path dir : List.of(out, Manifest.dir(out), Manifest.dir(out).resolve("cache"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
