package io.entente.engine;

import io.entente.core.Document;
import io.entente.report.CorpusSummary;
import io.entente.report.PipelineInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of output of a batch (the JSON reports, the DuckDB store, a static site, a QDA project).
 * The engine calls {@link #write} for every analyzed document as it finishes, {@link #remove} for
 * every document that left the corpus, and {@link #finish} once at the end, also after an interrupt,
 * with what the corpus holds then. A writer writes its files atomically, so a killed run leaves the
 * previous version or the new one, never half of one. {@link #write} and {@link #remove} are called
 * from worker threads at once: implementations must be thread-safe.
 */
public interface OutputWriter {

    /** A short name, for messages ("json", "store"). */
    String name();

    /** The outputs of one analyzed document. */
    default void write(Document document, PipelineInfo info) throws IOException {
    }

    /**
     * The files {@link #write} makes for a document, if the writer keeps one file per document (the
     * reports): a rerun redoes an unchanged document one of whose files is missing. Checked with a cheap
     * exists test on every run, so list only a few files.
     */
    default List<Path> documentFiles(String id) {
        return List.of();
    }

    /** Deletes the outputs of a document that is no longer in the corpus (no error when there are none). */
    default void remove(String id) throws IOException {
    }

    /**
     * The corpus-level outputs, from every document the folder holds after the batch.
     *
     * @return one line for the user about what was done (e.g. what the store gained), or null
     */
    default String finish(Corpus corpus) throws IOException {
        return null;
    }

    /**
     * Whether this writer's corpus-level outputs exist in the folder: when every writer's do and no
     * document changed, a rerun writes nothing at all.
     */
    default boolean upToDate(Path out) {
        return true;
    }

    /**
     * The corpus after a batch.
     *
     * @param out      the output folder
     * @param info     the pipeline behind the reports written this run
     * @param digests  every document the folder holds (analyzed now or kept from earlier runs), in manifest order
     * @param failures the inputs that could not be analyzed this run
     */
    record Corpus(Path out, PipelineInfo info, List<CorpusSummary.Digest> digests, List<CorpusSummary.Failure> failures) {
        public Corpus {
            digests = List.copyOf(digests);
            failures = List.copyOf(failures);
        }
    }
}
