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
        return List.of(new ReportFiles(out, "json", ".json", JsonReport::render),
                new ReportFiles(out, "markdown", ".md", MarkdownReport::render), new LayerCaches(out), new CorpusFiles(out),
                new Store(out));
    }

    /** How a per-document report is rendered. */
    @FunctionalInterface
    public interface Renderer {
        String render(Document document, PipelineInfo info);
    }

    /**
     * One file per document, {@code ID + extension}: the machine-readable report ({@code .json}, see
     * models/schemas/report.schema.json) or the report for people ({@code .md}).
     */
    public record ReportFiles(Path out, String name, String extension, Renderer renderer) implements OutputWriter {
        @Override
        public void write(Document document, PipelineInfo info) throws IOException {
            AtomicFiles.write(out.resolve(document.id() + extension), renderer.render(document, info));
        }

        @Override
        public List<Path> documentFiles(String id) {
            return List.of(out.resolve(id + extension));
        }

        @Override
        public void remove(String id) throws IOException {
            Files.deleteIfExists(out.resolve(id + extension));
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
            return Files.exists(folder.resolve("corpus-themes.csv")) && listsNoFailures(folder.resolve("corpus.json"));
        }

        /**
         * Whether {@code corpus.json} exists and lists no failed file. A file that failed and still exists is
         * read again by every run, so a run with nothing to do and failures listed holds only failures of
         * files that are gone: the summary must be written again without them. (Reads the top-level fields
         * up to {@code failed}, near the start.)
         */
        static boolean listsNoFailures(Path corpusJson) {
            if (!Files.exists(corpusJson)) {
                return false;
            }
            try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(corpusJson.toFile())) {
                if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return false;
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                    if (name.equals("failed")) {
                        return value == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT && p.getLongValue() == 0;
                    }
                    p.skipChildren();
                }
                return false;
            } catch (IOException e) {
                return false; // unreadable: write it again
            }
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
