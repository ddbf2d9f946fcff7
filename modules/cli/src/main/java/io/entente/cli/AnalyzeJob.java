package io.entente.cli;

import io.entente.engine.BatchEngine;
import io.entente.engine.ConfigurationError;
import io.entente.engine.LocalSource;
import io.entente.engine.OutputWriter;
import io.entente.engine.Planner;
import io.entente.engine.Source;
import io.entente.engine.StandardWriters;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.MetadataSources;
import io.entente.report.Manifest;
import io.entente.report.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line's side of a batch: lock the output folder, clear what a killed run left, and run
 * the {@link BatchEngine} over the local files with the standard writers; the engine does the rest.
 */
final class AnalyzeJob {
    /** Ids no document may take: the corpus-level outputs. */
    static final Set<String> RESERVED_IDS = Planner.RESERVED_IDS;

    /**
     * @param roots          the paths given on the command line: a document of an earlier run is dropped
     *                       only when its file was under one of them and is no longer found
     * @param prune          drop every document whose file is not among this run's inputs
     * @param readingOptions options of the reader that change output, for the run identity
     */
    record Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                   DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds,
                   boolean progress, List<Path> roots, boolean prune, Map<String, String> readingOptions, boolean site) {
        Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds,
                boolean progress, List<Path> roots, boolean prune, Map<String, String> readingOptions) {
            this(files, out, pipeline, threads, reader, metadata, force, waitSeconds, progress, roots, prune, readingOptions, true);
        }

        Options(List<InputFiles.InputFile> files, Path out, PipelineOptions pipeline, int threads,
                DocumentReader reader, MetadataSources metadata, boolean force, int waitSeconds, boolean progress) {
            this(files, out, pipeline, threads, reader, metadata, force, waitSeconds, progress,
                    files.stream().map(InputFiles.InputFile::path).toList(), false, Map.of());
        }
    }

    private final Options o;
    private final PrintWriter err;
    private volatile BatchEngine engine;
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
        BatchEngine e = engine;
        if (e != null) {
            e.interrupt();
        }
    }

    BatchEngine.Result run() throws Exception {
        Files.createDirectories(o.out());
        try (OutputLock lock = OutputLock.acquire(o.out(), o.waitSeconds())) {
            removeStaleTemporaryFiles(o.out());
            List<Source> sources = new ArrayList<>();
            o.files().forEach(f -> sources.add(new LocalSource(f.path())));
            List<OutputWriter> writers = new ArrayList<>(StandardWriters.of(o.out()));
            if (o.site()) {
                writers.add(new SiteOutput(o.out())); // last: it reads the reports the others wrote
            }
            BatchEngine e = new BatchEngine(new BatchEngine.Request(sources, o.out(), o.pipeline().setup(), o.threads(),
                    o.reader(), o.metadata(), o.force(), o.roots(), o.prune(), o.readingOptions(), writers, o.progress()),
                    line -> {
                        synchronized (err) {
                            err.println(line);
                            err.flush();
                        }
                    });
            e.afterDocument(id -> afterDocument.accept(id));
            engine = e;
            if (stopping) {
                e.interrupt();
            }
            try {
                return e.run();
            } catch (ConfigurationError c) {
                throw new ConfigurationException(c.getMessage(), c);
            }
        }
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
