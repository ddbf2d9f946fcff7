package io.entente.pipeline;

import io.entente.core.Document;
import io.entente.core.Pipeline;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline over many files with a fixed number of threads. Documents stream through: at
 * most a few per thread are in flight, and each result goes to the sink as soon as it is ready, so
 * memory does not grow with the corpus. One failing file never stops the batch.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    /** Receives results; called from worker threads, so implementations must be thread-safe. */
    public interface Sink {
        void processed(InputFiles.InputFile file, Document document, List<String> warnings) throws Exception;

        void failed(InputFiles.InputFile file, String reason);
    }

    /** Counts of a finished batch. */
    public record Summary(int processed, int failed) {
    }

    private final Pipeline pipeline;
    private final DocumentReader reader;
    private final int threads;

    public BatchRunner(Pipeline pipeline, DocumentReader reader, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.pipeline = pipeline;
        this.reader = reader;
        this.threads = threads;
    }

    public Summary run(List<InputFiles.InputFile> files, Sink sink, Progress progress) throws InterruptedException {
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
                inFlight.acquire();
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
            DocumentReader.Result read = reader.read(file);
            Document doc = pipeline.process(read.document());
            sink.processed(file, doc, read.warnings());
            return true;
        } catch (DocumentReadException e) {
            sink.failed(file, e.getMessage());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.debug("failure on {}", file.path(), e);
            sink.failed(file, file.path() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return false;
    }

    /** Progress callback, called from worker threads. */
    public interface Progress {
        void done(InputFiles.InputFile file, int finished, int total);

        Progress NONE = (f, n, t) -> { };
    }
}
