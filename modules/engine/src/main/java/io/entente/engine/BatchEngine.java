package io.entente.engine;

import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.core.KnowledgeFileException;
import io.entente.core.ModelInfo;
import io.entente.core.Pipeline;
import io.entente.core.Resources;
import io.entente.core.RunCache;
import io.entente.core.Stage;
import io.entente.core.Tsv;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.BatchRunner;
import io.entente.pipeline.MetadataSources;
import io.entente.pipeline.PipelineSetup;
import io.entente.pipeline.RunIdentity;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.CorpusSummary;
import io.entente.report.LayerCache;
import io.entente.report.Manifest;
import io.entente.report.PipelineInfo;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.ThemeStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One incremental batch into an output folder: plan against the manifest ({@link Planner}), redo
 * only what changed (a change of the theme stage alone reclassifies themes from the layer cache),
 * drop what was removed from the inputs given again, keep what other inputs made, hand every
 * finished document to the {@link OutputWriter}s and journal it at once (see {@link Manifest}), and
 * at the end let the writers write the corpus-level outputs. {@link #interrupt()} stops taking new
 * documents; those in flight finish and the corpus outputs are still written, so a rerun does only
 * what is left. The caller holds the folder's lock.
 */
public final class BatchEngine {

    /**
     * What to run.
     *
     * @param sources        the inputs
     * @param out            the output folder
     * @param roots          the paths the inputs were gathered from: a document of an earlier run is
     *                       dropped only when its file was under one of them and is no longer found
     * @param prune          drop every document whose file is not among the sources
     * @param readingOptions options of the reader that change output, for the run identity
     * @param writers        the outputs, in the order they run (see {@link StandardWriters#of})
     * @param progress       report "[n/total] id" lines on batches of more than three documents
     */
    public record Request(List<Source> sources, Path out, PipelineSetup pipeline, int threads, DocumentReader reader,
                          MetadataSources metadata, boolean force, List<Path> roots, boolean prune,
                          Map<String, String> readingOptions, List<OutputWriter> writers, boolean progress) {
        public Request {
            sources = List.copyOf(sources);
            roots = List.copyOf(roots);
            readingOptions = Map.copyOf(readingOptions);
            writers = List.copyOf(writers);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    /**
     * Counts of a finished run: {@code documents} in the folder afterwards, {@code kept} of them from
     * inputs not given this time, {@code left} not done because the run was interrupted; {@code notes}
     * are the writers' lines about what they did.
     */
    public record Result(int processed, int reclassified, int unchanged, int removed, int failed, int undated,
                         int documents, int kept, int left, boolean interrupted, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Where the engine's lines for the user go (warnings, removals, progress); called from many threads. */
    @FunctionalInterface
    public interface Messages {
        void line(String text);
    }

    private final Request r;
    private final Messages messages;
    private volatile boolean stopping;
    /** Called after each document is recorded (tests interrupt or snapshot the folder there). */
    private volatile Consumer<String> afterDocument = id -> { };

    public BatchEngine(Request request, Messages messages) {
        this.r = request;
        this.messages = messages;
    }

    /** Stops taking new documents; those in progress finish, then the corpus outputs and the manifest are written. */
    public void interrupt() {
        stopping = true;
    }

    /** A hook called with each document's id once it is recorded (for tests of interrupted runs). */
    public void afterDocument(Consumer<String> hook) {
        this.afterDocument = hook;
    }

    private Path identityFile() {
        return Manifest.dir(r.out()).resolve("identity.tsv");
    }

    private Path upstreamModelsFile() {
        return Manifest.dir(r.out()).resolve("upstream-models.tsv");
    }

    /**
     * Runs the batch.
     *
     * @throws ConfigurationError when the configuration is unusable (before anything is written)
     * @throws IOException        when the output folder cannot be written
     */
    public Result run() throws IOException, InterruptedException {
        Path out = r.out();
        // The run's identity: every model and knowledge file by content hash, and the output-changing options.
        RunIdentity identity = configured(() -> r.pipeline().identity(r.readingOptions()));
        String upstreamId = identity.upstreamSha256();
        String themesId = identity.themesSha256();
        Manifest manifest = Manifest.load(out);
        Planner.Plan plan = Planner.plan(out, manifest, r.sources(), r.metadata(), upstreamId, themesId, r.roots(),
                r.prune(), r.force(), (folder, id) -> r.writers().stream().flatMap(w -> w.documentFiles(id).stream()).toList());
        if (plan.nothingToDo() && r.writers().stream().allMatch(w -> w.upToDate(out))
                && !Files.exists(Manifest.journalFile(out))) {
            int undated = (int) plan.skipped().stream().filter(i -> !manifest.get(i.id()).dated()).count();
            return new Result(0, 0, plan.skipped().size(), 0, 0, undated, plan.skipped().size() + plan.kept(), plan.kept(),
                    0, false, List.of()); // nothing rewritten
        }

        Codebook codebook = configured(() -> r.pipeline().codebook()); // validated before anything is touched
        if (plan.identityChanged() > 0) {
            RunIdentity previous = previousIdentity();
            List<String> changed = identity.changedSince(previous.upstream().isEmpty() ? List.of() : concat(previous));
            messages.line("entente: models, knowledge files or options changed since these reports were made"
                    + (changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")") + ": "
                    + InputFiles.plural(plan.identityChanged(), "document", "documents") + " to redo");
        }
        for (Path missing : plan.missingReports()) {
            messages.line("entente: report missing: " + missing + " (redoing it)");
        }
        if (plan.keptStale() > 0) {
            messages.line("entente: note: " + InputFiles.plural(plan.keptStale(), "document", "documents") + " kept from inputs not "
                    + "given this time were made with other models or options; analyze their files again to update them");
        }
        List<Planner.Item> full = new ArrayList<>(plan.full());
        int unchanged = 0;
        for (Planner.Item item : plan.skipped()) {
            if (manifest.withDigest(item.id()) != null) {
                unchanged++;
            } else {
                full.add(item); // its digest was lost: process it again
            }
        }
        for (Manifest.Entry e : plan.gone()) {
            // Listed by name before anything is deleted.
            // "no longer there" only for a file that is gone from disk (the Planner keeps the others unless --prune).
            messages.line("entente: removing " + e.id() + ": " + (Files.exists(Planner.abs(e.source()))
                    ? e.source() + " is not among the inputs (--prune)" : e.source() + " is no longer there"));
            removeOutputs(e.id());
            manifest.remove(e.id());
        }

        StandardPipeline standard = full.isEmpty() || stopping ? null : configured(() -> r.pipeline().build());
        ThemeStage themes = standard != null ? null : configured(() -> r.pipeline().themeStage());
        // built only if a layer cache proves damaged: around the theme stage already open
        Lazy<StandardPipeline> lazy = new Lazy<>(() -> standard != null ? standard : configured(() -> r.pipeline().build(themes)));
        try {
            return runWith(plan, manifest, identity, codebook, full, unchanged, standard, themes, lazy);
        } finally {
            // the stages' models belong to this run (the learned classifier's ONNX session)
            if (standard != null) {
                standard.close();
            } else if (lazy.built()) {
                lazy.get().close(); // closes the theme stage it was built around
            } else if (themes != null) {
                themes.close();
            }
        }
    }

    private Result runWith(Planner.Plan plan, Manifest manifest, RunIdentity identity, Codebook codebook,
                           List<Planner.Item> full, int unchanged, StandardPipeline standard, ThemeStage themes,
                           Lazy<StandardPipeline> lazy) throws IOException, InterruptedException {
        Path out = r.out();
        String upstreamId = identity.upstreamSha256();
        String themesId = identity.themesSha256();
        List<Planner.Item> reclassify = plan.reclassify();
        PipelineInfo info;
        if (standard != null) {
            info = info(standard);
            saveUpstreamModels(standard);
        } else {
            info = new PipelineInfo(StandardPipeline.VERSION, codebook.id(), codebook.sha256(), reclassifiedModels(themes, codebook));
        }

        List<CorpusSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Planner.Item> byId = new HashMap<>();
        full.forEach(i -> byId.put(i.id(), i));
        reclassify.forEach(i -> byId.put(i.id(), i));
        BatchRunner.Sink sink = new BatchRunner.Sink() {
            @Override
            public void processed(InputFiles.InputFile file, Document doc, List<String> warnings) throws Exception {
                for (String w : warnings) {
                    messages.line("entente: warning: " + file.path() + ": " + w);
                }
                for (OutputWriter w : r.writers()) {
                    w.write(doc, info);
                }
                CorpusSummary.Digest digest = CorpusSummary.digestOf(doc);
                Planner.Stamp st = plan.stamps().get(file.id());
                // Journaled and forced to disk: from here on a killed run keeps this document.
                manifest.put(new Manifest.Entry(doc.id(), file.path().toAbsolutePath().normalize().toString(), st.sha256(),
                        st.size(), st.modified(), st.metadataSha256(), upstreamId, themesId, doc.info().date() != null, digest));
                afterDocument.accept(doc.id());
            }

            @Override
            public void failed(InputFiles.InputFile file, String reason) {
                messages.line("entente: skipped " + reason);
                // corpus.json keeps the path and the cause apart (the message on stderr starts with the path)
                failures.add(CorpusSummary.Failure.of(file.path().toString(), reason));
                try {
                    if (manifest.get(file.id()) != null) {
                        messages.line("entente: removing " + file.id() + ": its file changed and no longer reads");
                        removeOutputs(file.id()); // the old report would mislead
                        manifest.remove(file.id());
                    }
                } catch (IOException e) {
                    messages.line("entente: warning: cannot remove the old report of " + file.id() + ": " + io.entente.core.IoMessages.describe(e));
                }
            }
        };
        int total = full.size() + reclassify.size();
        AtomicInteger done = new AtomicInteger();
        BatchRunner.Progress progress = !r.progress() || total <= 3 ? BatchRunner.Progress.NONE
                : (file, n, t) -> messages.line(String.format(Locale.ROOT, "[%d/%d] %s", done.incrementAndGet(), total, file.id()));
        // Caches between runs belong to the stages that run (the learned classifier's sentence vectors):
        // loaded before the batch, saved after it, whichever stages keep them.
        List<RunCache> caches = new ArrayList<>();
        if (total > 0) {
            List<Stage> running = themes != null ? List.of(themes) : lazy.get().pipeline().stages();
            running.forEach(s -> caches.addAll(s.caches()));
        }
        for (RunCache c : caches) {
            Path file = Manifest.dir(out).resolve(c.cacheFileName());
            try {
                c.loadCache(file);
            } catch (RuntimeException e) {
                messages.line("entente: warning: ignoring the cache " + file + ": "
                        + (e instanceof UncheckedIOException u ? io.entente.core.IoMessages.describe(u.getCause()) : e.toString()));
            }
        }
        BatchRunner.Summary a = new BatchRunner.Summary(0, 0);
        if (!full.isEmpty() && !stopping) {
            Pipeline p = lazy.get().pipeline();
            a = new BatchRunner(file -> analyze(p, byId.get(file.id())), r.threads())
                    .run(full.stream().map(Planner.Item::file).toList(), sink, progress, () -> stopping);
        }
        BatchRunner.Summary b = new BatchRunner.Summary(0, 0);
        if (!reclassify.isEmpty() && !stopping) {
            b = new BatchRunner(file -> {
                Document cached = LayerCache.load(out, file.id());
                if (cached == null) {
                    // a damaged cache: redo the whole document
                    return analyze(lazy.get().pipeline(), byId.get(file.id()));
                }
                ThemeStage stage = themes != null ? themes : lazy.get().themes();
                return new BatchRunner.Outcome(stage.process(cached), List.of());
            }, r.threads()).run(reclassify.stream().map(Planner.Item::file).toList(), sink, progress, () -> stopping);
        }
        for (RunCache c : caches) {
            Path file = Manifest.dir(out).resolve(c.cacheFileName());
            try {
                c.saveCache(file);
            } catch (RuntimeException e) {
                messages.line("entente: warning: cannot write the cache " + file + ": "
                        + (e instanceof UncheckedIOException u ? io.entente.core.IoMessages.describe(u) : e.getMessage()));
            }
        }
        int left = total - a.processed() - a.failed() - b.processed() - b.failed();
        // The corpus is what the manifest holds: finished documents, unchanged ones, and those of other inputs
        // (also after an interrupt, when some documents still carry their previous report).
        manifest.save();
        List<CorpusSummary.Digest> digests = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries().values()) {
            Manifest.Entry withDigest = manifest.withDigest(e.id());
            if (withDigest != null) {
                digests.add(withDigest.digest());
            }
        }
        OutputWriter.Corpus corpus = new OutputWriter.Corpus(out, info, digests, List.copyOf(failures));
        List<String> notes = new ArrayList<>();
        for (OutputWriter w : r.writers()) {
            String note = w.finish(corpus);
            if (note != null) {
                notes.add(note);
            }
        }
        if (left == 0) {
            AtomicFiles.write(identityFile(), identity.toTsv());
        }
        int undated = (int) digests.stream().filter(d -> d.date() == null).count();
        return new Result(a.processed(), b.processed(), unchanged, plan.gone().size(), a.failed() + b.failed(), undated,
                digests.size(), plan.kept(), left, stopping && left > 0, notes);
    }

    private BatchRunner.Outcome analyze(Pipeline pipeline, Planner.Item item) throws Exception {
        return DocumentAnalysis.analyze(pipeline, r.reader(), r.metadata(), item.source(), item.id());
    }

    private void removeOutputs(String id) throws IOException {
        for (OutputWriter w : r.writers()) {
            w.remove(id);
        }
    }

    /** The provenance block of reports made by this pipeline. */
    public static PipelineInfo info(StandardPipeline p) {
        return new PipelineInfo(StandardPipeline.VERSION, p.codebook().id(), p.codebook().sha256(), p.pipeline().models());
    }

    /** Runs a step that loads configuration, turning its errors into {@link ConfigurationError}. */
    private static <T> T configured(Supplier<T> step) {
        try {
            return step.get();
        } catch (CodebookException | KnowledgeFileException | IllegalArgumentException | IllegalStateException
                 | UncheckedIOException e) {
            throw new ConfigurationError(e.getMessage(), e);
        }
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
        } catch (IOException | RuntimeException e) {
            return new RunIdentity(List.of(), List.of());
        }
    }

    /** The models of the stages before the theme stage, for the reports of later theme-only runs. */
    private void saveUpstreamModels(StandardPipeline standard) throws IOException {
        StringBuilder b = new StringBuilder("name\tversion\n");
        for (Stage stage : standard.pipeline().stages()) {
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
    private List<ModelInfo> reclassifiedModels(ThemeStage themes, Codebook codebook) {
        Path file = upstreamModelsFile();
        if (!Files.isRegularFile(file)) {
            return previousModels(codebook); // a folder written before upstream-models.tsv existed
        }
        List<ModelInfo> models = new ArrayList<>();
        try {
            for (Tsv.Row row : Tsv.parse(Resources.load(file, null), "name", "version")) {
                models.add(new ModelInfo(row.get(0), row.get(1)));
            }
        } catch (RuntimeException e) {
            return previousModels(codebook);
        }
        models.addAll(themes.models());
        return models;
    }

    /** When nothing needs the models, the provenance of the previous run stands. */
    private List<ModelInfo> previousModels(Codebook codebook) {
        Path corpus = r.out().resolve("corpus.json");
        List<ModelInfo> models = new ArrayList<>();
        try {
            for (ModelInfo m : io.entente.report.model.ReportJson.readCorpus(corpus).pipeline().models()) {
                models.add(m.name().startsWith("codebook:") ? new ModelInfo("codebook:" + codebook.id(), codebook.version()) : m);
            }
        } catch (IOException | RuntimeException e) {
            models.add(new ModelInfo("codebook:" + codebook.id(), codebook.version()));
        }
        return models;
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

        synchronized boolean built() {
            return value != null;
        }
    }
}
