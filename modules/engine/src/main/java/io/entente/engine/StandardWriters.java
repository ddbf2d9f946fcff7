package io.entente.engine;

import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.report.CorpusSummary;
import io.entente.report.JsonReport;
import io.entente.report.LayerCache;
import io.entente.report.MarkdownReport;
import io.entente.report.PipelineInfo;
import io.entente.store.CorpusStore;
import io.entente.store.StoreSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The outputs every local run writes into its folder: per document {@code ID.json} and {@code ID.md}
 * and its layer cache; for the corpus {@code corpus.json}, {@code corpus-themes.csv} and the DuckDB
 * store {@code entente.duckdb} (derived from the reports, so it comes last).
 */
public final class StandardWriters {
    private StandardWriters() {
    }

    /** The standard writers of {@code out}, in the order they run. */
    public static List<OutputWriter> of(Path out) {
        return List.of(new JsonReports(out), new MarkdownReports(out), new LayerCaches(out), new CorpusFiles(out),
                new Store(out));
    }

    /** {@code ID.json}: the machine-readable report (see models/schemas/report.schema.json). */
    public record JsonReports(Path out) implements OutputWriter {
        @Override
        public String name() {
            return "json";
        }

        @Override
        public void write(Document document, PipelineInfo info) throws IOException {
            AtomicFiles.write(out.resolve(document.id() + ".json"), JsonReport.render(document, info));
        }

        @Override
        public void remove(String id) throws IOException {
            Files.deleteIfExists(out.resolve(id + ".json"));
        }
    }

    /** {@code ID.md}: the report for people. */
    public record MarkdownReports(Path out) implements OutputWriter {
        @Override
        public String name() {
            return "markdown";
        }

        @Override
        public void write(Document document, PipelineInfo info) throws IOException {
            AtomicFiles.write(out.resolve(document.id() + ".md"), MarkdownReport.render(document, info));
        }

        @Override
        public void remove(String id) throws IOException {
            Files.deleteIfExists(out.resolve(id + ".md"));
        }
    }

    /** The layers before the theme stage, so a codebook change reclassifies without re-reading or re-tagging. */
    public record LayerCaches(Path out) implements OutputWriter {
        @Override
        public String name() {
            return "layer-cache";
        }

        @Override
        public void write(Document document, PipelineInfo info) throws IOException {
            LayerCache.save(out, document);
        }

        @Override
        public void remove(String id) throws IOException {
            LayerCache.delete(out, id);
        }
    }

    /** {@code corpus.json} and {@code corpus-themes.csv}, from the digests of every document in the folder. */
    public record CorpusFiles(Path out) implements OutputWriter {
        @Override
        public String name() {
            return "corpus-summary";
        }

        @Override
        public String finish(Corpus corpus) throws IOException {
            CorpusSummary summary = new CorpusSummary();
            corpus.digests().forEach(summary::add);
            corpus.failures().forEach(f -> summary.fail(f.path(), f.reason()));
            AtomicFiles.write(out.resolve("corpus.json"), summary.render(corpus.info()));
            AtomicFiles.write(out.resolve("corpus-themes.csv"), summary.renderThemesCsv());
            return null;
        }

        @Override
        public boolean upToDate(Path folder) {
            return Files.exists(folder.resolve("corpus.json")) && Files.exists(folder.resolve("corpus-themes.csv"));
        }
    }

    /** The DuckDB store, brought up to date with the reports in one transaction. */
    public static final class Store implements OutputWriter {
        private final Path out;
        private volatile StoreSummary last;

        public Store(Path out) {
            this.out = out;
        }

        @Override
        public String name() {
            return "store";
        }

        /** What the last {@link #finish} did to the store, or null when it was up to date or has not run. */
        public StoreSummary summary() {
            return last;
        }

        @Override
        public String finish(Corpus corpus) throws IOException {
            last = CorpusStore.update(out); // an interrupted update keeps the previous state
            return last == null ? null : "store " + out.resolve(CorpusStore.DEFAULT_FILE_NAME) + ": " + last.describe();
        }

        @Override
        public boolean upToDate(Path folder) {
            return Files.exists(folder.resolve(CorpusStore.DEFAULT_FILE_NAME));
        }
    }
}
