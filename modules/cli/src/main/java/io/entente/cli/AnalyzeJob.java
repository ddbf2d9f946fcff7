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
import io.entente.pipeline.RunIdentity;
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
 * only what changed (a change of the theme stage alone only reclassifies themes from the layer
 * cache), drop what was removed from the inputs given again, keep what other inputs made, and write
 * reports, the corpus summary and the manifest. Every finished document is journaled at once (see
 * {@link Manifest}), and {@link #interrupt()} (the shutdown hook of Ctrl-C / SIGTERM) stops taking
 * new documents and still writes the summary and the store, so a rerun does only what is left.
 */
final class AnalyzeJob {
    /** Ids no document may take: the corpus-level outputs. */
    static final Set<String> RESERVED_IDS = Set.of("corpus", "corpus-themes", "entente");

    /**
     * @param roots          the paths given on the command line: a document of an earlier run is dropped
     *                       only when its file was under one of them and is no longer found
     * @param prune          drop every document whose file is not among this run's inputs
     * @param readingOptions options of the reader that change output, for the run identity
     */
    record Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                   DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds,
                   boolean progress, List<Path> roots, boolean prune, Map<String, String> readingOptions) {
        Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds, boolean progress) {
            this(files, out, pipeline, threads, reader, metadata, force, waitSeconds, progress,
                    files.stream().map(InputFiles.InputFile::path).toList(), false, Map.of());
        }
    }

    /**
     * Counts of a finished job: {@code documents} in the folder afterwards, {@code kept} of them from
     * inputs not given this time, {@code left} not done because the run was interrupted.
     */
    record Result(int processed, int reclassified, int unchanged, int removed, int failed, int undated,
                  int documents, int kept, int left, boolean interrupted) {
    }

    private enum Plan { SKIP, RECLASSIFY, FULL }

    /** What the last run did to the DuckDB store, or null when it was up to date. */
    StoreSummary storeSummary() {
        return storeSummary;
    }

    private final Options o;
    private final PrintWriter err;
    private StoreSummary storeSummary;
    private volatile boolean stopping;
    /** Called after each document is recorded (tests interrupt or snapshot the folder there). */
    java.util.function.Consumer<String> afterDocument = id -> { };

    AnalyzeJob(Options options, PrintWriter err) {
        this.o = options;
        this.err = err;
    }

    /** Stops taking new documents; those in progress finish, then the summary, manifest and store are written. */
    void interrupt() {
        stopping = true;
    }

    Result run() throws Exception {
        Files.createDirectories(o.out());
        try (OutputLock lock = OutputLock.acquire(o.out(), o.waitSeconds())) {
            removeStaleTemporaryFiles(o.out());
            return runLocked();
        }
    }

    private static Path abs(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private Path identityFile() {
        return Manifest.dir(o.out()).resolve("identity.tsv");
    }

    private Result runLocked() throws Exception {
        // The run's identity: every model and knowledge file by content hash, and the output-changing options.
        RunIdentity identity = o.pipeline().identity(o.readingOptions());
        String upstreamId = identity.upstreamSha256();
        String themesId = identity.themesSha256();
        Manifest manifest = Manifest.load(o.out());
        List<InputFiles.InputFile> files = withStableIds(o.files(), manifest);

        List<InputFiles.InputFile> full = new ArrayList<>();
        List<InputFiles.InputFile> reclassify = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, FileStamp> stamps = new java.util.HashMap<>();
        Set<String> current = new java.util.HashSet<>();
        int identityChanged = 0;
        for (InputFiles.InputFile f : files) {
            current.add(f.id());
            Manifest.Entry e = manifest.get(f.id());
            FileStamp stamp = stamp(f, e);
            stamps.put(f.id(), stamp);
            Plan plan = plan(e, stamp, upstreamId, themesId);
            switch (plan) {
                case SKIP -> skipped.add(f.id());
                case RECLASSIFY -> reclassify.add(f);
                default -> full.add(f);
            }
            if (plan != Plan.SKIP && e != null && !o.force() && e.fileSha256().equals(stamp.sha256())
                    && e.metadataSha256().equals(stamp.metadataSha256())) {
                identityChanged++;
            }
        }
        List<Path> roots = o.roots().stream().map(r -> r.toAbsolutePath().normalize()).toList();
        List<Manifest.Entry> gone = new ArrayList<>();
        int kept = 0;
        int keptStale = 0;
        for (Manifest.Entry e : manifest.entries().values()) {
            if (current.contains(e.id())) {
                continue;
            }
            Path src = abs(e.source());
            if (o.prune() || roots.stream().anyMatch(src::startsWith)) {
                gone.add(e);
            } else {
                kept++; // made from inputs this run was not given: additive batches keep them
                if (!e.pipelineVersion().equals(upstreamId) || !e.codebookSha256().equals(themesId)) {
                    keptStale++;
                }
            }
        }
        if (full.isEmpty() && reclassify.isEmpty() && gone.isEmpty() && Files.exists(o.out().resolve("corpus.json"))
                && Files.exists(o.out().resolve("corpus-themes.csv"))
                && Files.exists(o.out().resolve(CorpusStore.DEFAULT_FILE_NAME))
                && !Files.exists(Manifest.journalFile(o.out()))) {
            int undated = (int) skipped.stream().filter(id -> !manifest.get(id).dated()).count();
            return new Result(0, 0, skipped.size(), 0, 0, undated, skipped.size() + kept, kept, 0, false); // nothing rewritten
        }

        Codebook codebook = o.pipeline().codebook(); // validated before anything is touched
        if (identityChanged > 0) {
            List<String> changed = identity.changedSince(previousIdentity().upstream().isEmpty() ? List.of()
                    : concat(previousIdentity()));
            err.println("entente: models, knowledge files or options changed since these reports were made"
                    + (changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")") + ": "
                    + InputFiles.plural(identityChanged, "document", "documents") + " to redo");
        }
        if (keptStale > 0) {
            err.println("entente: note: " + InputFiles.plural(keptStale, "document", "documents") + " kept from inputs not "
                    + "given this time were made with other models or options; analyze their files again to update them");
        }
        int unchanged = 0;
        for (String id : skipped) {
            if (manifest.withDigest(id) != null) {
                unchanged++;
            } else {
                full.add(fileOf(files, id)); // its digest was lost: process it again
            }
        }
        for (Manifest.Entry e : gone) {
            // Listed by name before anything is deleted.
            err.println("entente: removing " + e.id() + ": " + (o.prune() && roots.stream().noneMatch(abs(e.source())::startsWith)
                    ? e.source() + " is not among the inputs (--prune)" : e.source() + " is no longer there"));
            err.flush();
            deleteOutputs(e.id());
            manifest.remove(e.id());
        }
        int removed = gone.size();

        StandardPipeline standard = full.isEmpty() || stopping ? null : o.pipeline().build();
        Lazy<StandardPipeline> lazy = new Lazy<>(() -> standard != null ? standard : o.pipeline().build());
        ThemeStage themes = standard != null ? null : o.pipeline().themeStage();
        PipelineInfo info;
        if (standard != null) {
            info = PipelineOptions.info(standard);
            saveUpstreamModels(standard);
        } else {
            info = new PipelineInfo(StandardPipeline.VERSION, codebook.id(), codebook.sha256(), reclassifiedModels(themes, codebook));
        }

        List<CorpusSummary.Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
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
                FileStamp st = stamps.get(file.id());
                // Journaled and forced to disk: from here on a killed run keeps this document.
                manifest.put(new Manifest.Entry(doc.id(), file.path().toAbsolutePath().normalize().toString(), st.sha256(),
                        st.size(), st.modified(), st.metadataSha256(), upstreamId, themesId, doc.info().date() != null, digest));
                afterDocument.accept(doc.id());
            }

            @Override
            public void failed(InputFiles.InputFile file, String reason) {
                synchronized (err) {
                    err.println("entente: skipped " + reason);
                    err.flush();
                }
                failures.add(new CorpusSummary.Failure(file.path().toString(), reason));
                try {
                    if (manifest.get(file.id()) != null) {
                        synchronized (err) {
                            err.println("entente: removing " + file.id() + ": its file changed and no longer reads");
                        }
                        deleteOutputs(file.id()); // the old report would mislead
                        manifest.remove(file.id());
                    }
                } catch (IOException e) {
                    err.println("entente: warning: cannot remove the old report of " + file.id() + ": " + e.getMessage());
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
        if (!full.isEmpty() && !stopping) {
            Pipeline p = lazy.get().pipeline();
            a = new BatchRunner(BatchRunner.standardWork(p, o.reader(), o.metadata()), o.threads())
                    .run(full, sink, progress, () -> stopping);
        }
        BatchRunner.Summary b = new BatchRunner.Summary(0, 0);
        if (!reclassify.isEmpty() && !stopping) {
            b = new BatchRunner(file -> {
                Document cached = LayerCache.load(o.out(), file.id());
                if (cached == null) {
                    // a damaged cache: redo the whole document
                    return BatchRunner.standardWork(lazy.get().pipeline(), o.reader(), o.metadata()).process(file);
                }
                ThemeStage stage = themes != null ? themes : lazy.get().themes();
                return new BatchRunner.Outcome(stage.process(cached), List.of());
            }, o.threads()).run(reclassify, sink, progress, () -> stopping);
        }
        if (hybrid) {
            try {
                encoder.saveCache(embeddings);
            } catch (RuntimeException e) {
                err.println("entente: warning: cannot write the embedding cache " + embeddings + ": " + e.getMessage());
            }
        }
        int left = total - a.processed() - a.failed() - b.processed() - b.failed();
        // The summary is what the manifest holds: finished documents, unchanged ones, and those of other inputs
        // (also after an interrupt, when some documents still carry their previous report).
        manifest.save();
        CorpusSummary summary = new CorpusSummary();
        for (Manifest.Entry e : manifest.entries().values()) {
            Manifest.Entry withDigest = manifest.withDigest(e.id());
            if (withDigest != null) {
                summary.add(withDigest.digest());
            }
        }
        failures.forEach(f -> summary.fail(f.path(), f.reason()));
        AtomicFiles.write(o.out().resolve("corpus.json"), summary.render(info));
        AtomicFiles.write(o.out().resolve("corpus-themes.csv"), summary.renderThemesCsv());
        if (left == 0) {
            AtomicFiles.write(identityFile(), identity.toTsv());
        }
        storeSummary = CorpusStore.update(o.out()); // one transaction: an interrupted update keeps the previous state
        int undated = (int) summary.digests().stream().filter(d -> d.date() == null).count();
        return new Result(a.processed(), b.processed(), unchanged, removed, a.failed() + b.failed(), undated,
                summary.digests().size(), kept, left, stopping && left > 0);
    }

    private static List<RunIdentity.Component> concat(RunIdentity id) {
        List<RunIdentity.Component> all = new ArrayList<>(id.upstream());
        all.addAll(id.themes());
        return all;
    }

    /** The identity of the last complete run into this folder (empty when unknown). */
    private RunIdentity previousIdentity() {
        try {
            return Files.isRegularFile(identityFile()) ? RunIdentity.parse(Files.readString(identityFile()))
                    : new RunIdentity(List.of(), List.of());
        } catch (IOException e) {
            return new RunIdentity(List.of(), List.of());
        }
    }

    /**
     * Ids that stay with their files across runs: a file the manifest knows keeps its id; a new file
     * never takes the id of a document another input made (additive batches would overwrite it).
     */
    private static List<InputFiles.InputFile> withStableIds(List<InputFiles.InputFile> files, Manifest manifest) {
        Map<Path, String> known = new java.util.HashMap<>();
        for (Manifest.Entry e : manifest.entries().values()) {
            known.put(abs(e.source()), e.id());
        }
        Set<String> taken = new java.util.HashSet<>();
        RESERVED_IDS.forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
        Set<Path> paths = new java.util.HashSet<>();
        files.forEach(f -> paths.add(f.path().toAbsolutePath().normalize()));
        known.forEach((path, id) -> {
            if (!paths.contains(path)) {
                taken.add(id.toLowerCase(Locale.ROOT));
            }
        });
        String[] ids = new String[files.size()];
        for (int i = 0; i < files.size(); i++) {
            String id = known.get(files.get(i).path().toAbsolutePath().normalize());
            if (id != null && taken.add(id.toLowerCase(Locale.ROOT))) {
                ids[i] = id;
            }
        }
        List<InputFiles.InputFile> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            InputFiles.InputFile f = files.get(i);
            if (ids[i] == null) {
                String base = InputFiles.idFor(f.path());
                String id = base;
                for (int n = 2; !taken.add(id.toLowerCase(Locale.ROOT)); n++) {
                    id = base + "-" + n;
                }
                ids[i] = id;
            }
            out.add(new InputFiles.InputFile(f.path(), ids[i]));
        }
        return out;
    }

    private static InputFiles.InputFile fileOf(List<InputFiles.InputFile> files, String id) {
        return files.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
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

    private Plan plan(Manifest.Entry e, FileStamp stamp, String upstreamId, String themesId) {
        if (o.force() || e == null || !e.fileSha256().equals(stamp.sha256())
                || !e.metadataSha256().equals(stamp.metadataSha256()) || !e.pipelineVersion().equals(upstreamId)
                || !Files.exists(o.out().resolve(e.id() + ".json"))) {
            return Plan.FULL;
        }
        if (!e.codebookSha256().equals(themesId)) {
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
