package io.entente.pipeline;

import io.entente.core.Document;
import io.entente.core.Pipeline;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work over many files with a fixed number of threads. Documents stream through: at most two
 * per thread are in flight, and each result goes to the sink as soon as it is ready, so memory does
 * not grow with the corpus. One failing file never stops the batch.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    /** What to do with one file; thrown {@link DocumentReadException}s name the file and the cause. */
    public interface Work {
        Outcome process(InputFiles.InputFile file) throws Exception;
    }

    /** A processed document and the warnings met on the way. */
    public record Outcome(Document document, List<String> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** Receives results; called from worker threads, so implementations must be thread-safe. */
    public interface Sink {
        void processed(InputFiles.InputFile file, Document document, List<String> warnings) throws Exception;

        void failed(InputFiles.InputFile file, String reason);
    }

    /** Counts of a finished batch. */
    public record Summary(int processed, int failed) {
    }

    /** Progress callback, called from worker threads. */
    public interface Progress {
        void done(InputFiles.InputFile file, int finished, int total);

        Progress NONE = (f, n, t) -> { };
    }

    private final Work work;
    private final int threads;

    public BatchRunner(Work work, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.work = work;
        this.threads = threads;
    }

    /** The standard work: read the file, apply the user's metadata, run the pipeline. */
    public BatchRunner(Pipeline pipeline, DocumentReader reader, int threads) {
        this(standardWork(pipeline, reader, MetadataSources.none()), threads);
    }

    public static Work standardWork(Pipeline pipeline, DocumentReader reader, MetadataSources metadata) {
        return file -> {
            DocumentReader.Result read = reader.read(file);
            List<String> warnings = new ArrayList<>(read.warnings());
            Document doc = metadata.apply(file, read.document(), warnings);
            return new Outcome(pipeline.process(doc), warnings);
        };
    }

    public Summary run(List<InputFiles.InputFile> files, Sink sink, Progress progress) throws InterruptedException {
        return run(files, sink, progress, () -> false);
    }

    /**
     * As {@link #run(List, Sink, Progress)}; once {@code stop} answers true no further file is started
     * (those in flight finish and reach the sink), for an orderly interrupt.
     */
    public Summary run(List<InputFiles.InputFile> files, Sink sink, Progress progress, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        Semaphore inFlight = new Semaphore(threads * 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "entente-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (InputFiles.InputFile file : files) {
                if (stop.getAsBoolean()) {
                    break;
                }
                inFlight.acquire();
                if (stop.getAsBoolean()) {
                    inFlight.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        if (processOne(file, sink)) {
                            ok.incrementAndGet();
                        } else {
                            bad.incrementAndGet();
                        }
                        progress.done(file, ok.get() + bad.get(), files.size());
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        }
        return new Summary(ok.get(), bad.get());
    }

    private boolean processOne(InputFiles.InputFile file, Sink sink) {
        try {
            Outcome out = work.process(file);
            sink.processed(file, out.document(), out.warnings());
            return true;
        } catch (DocumentReadException e) {
            sink.failed(file, e.getMessage());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.debug("failure on {}", file.path(), e);
            sink.failed(file, failure(file.path(), e));
        }
        return false;
    }

    /**
     * How a failure other than a read error is reported: the file, the kind of error, its message; running
     * out of memory says what to do about it (the heap the JVM was given, the file's size).
     */
    public static String failure(java.nio.file.Path file, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            long size = -1;
            try {
                size = java.nio.file.Files.size(file);
            } catch (java.io.IOException | RuntimeException notLocal) {
                // not a local file: say nothing of its size
            }
            return file + ": out of memory analyzing it" + (size >= 0 ? " (" + size + " bytes)" : "") + " with a heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB: give Java more (ENTENTE_JAVA_OPTS=-Xmx4g), "
                    + "split the file, or skip such files with a lower --max-bytes";
        }
        return file + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
