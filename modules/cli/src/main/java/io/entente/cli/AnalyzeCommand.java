package io.entente.cli;

import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.MetadataSources;
import io.entente.report.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente analyze}: papers in, one JSON and one Markdown report per paper plus a corpus summary out. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyze papers (.txt, .md, .pdf, .docx, .html; the format is detected by content; folders are "
                + "read recursively) and write per document DIR/<id>.json and "
                + "DIR/<id>.md, plus DIR/corpus.json, DIR/corpus-themes.csv, the DuckDB store DIR/entente.duckdb and the HTML "
                + "site DIR/site/ (unless --no-site). Incremental: a rerun skips unchanged "
                + "documents, processes new and changed ones, reclassifies themes only when just the codebook changed, "
                + "and drops only documents whose files are gone from a folder given again (or, with --prune, every "
                + "document whose file is not given); each removal is listed first. Ctrl-C keeps every finished document.",
                "Exit status: 0 all processed, 1 some files failed (the others were processed), "
                        + "2 usage or configuration error, 3 another run holds the output folder."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to analyze.")
    List<Path> paths;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--force", description = "Redo every document, even unchanged ones.")
    boolean force;




    @Option(names = "--prune", description = "Remove the reports of every document whose file is not among this run's "
            + "inputs (by default, reports of other inputs are kept, so batches add up).")
    boolean prune;



    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for another run on the same output folder to finish (default: ${DEFAULT-VALUE}: refuse at once).")
    int waitSeconds;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Also read files matching GLOB (relative path or file name, e.g. 'README*' or '**/*.rst'), "
                    + "which are otherwise skipped (README*, LICENSE*, files under build/, other extensions). Repeatable.")
    List<String> include = new java.util.ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Do not read files matching GLOB (wins over --include). Repeatable.")
    List<String> exclude = new java.util.ArrayList<>();

    @Option(names = "--no-site", description = "Do not write the HTML site DIR/site/ (by default it is brought up to date "
            + "after every run that changes the corpus; see 'entente site').")
    boolean noSite;

    @Mixin
    ReadingOptions reading;

    @Mixin
    PipelineOptions pipelineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more seconds");
        }
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        List<InputFiles.InputFile> files;
        try {
            // The output folder is never read as input: a rerun must not analyze its own reports.
            InputFiles.Collected collected = InputFiles.collect(paths, AnalyzeJob.RESERVED_IDS,
                    InputFiles.Selection.papers(List.of(out)).with(include, exclude));
            collected.notes().forEach(note -> err.println("entente: note: " + note));
            files = collected.files();
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getFile() + ": no such file or directory");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--include/--exclude: " + e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), out + ": exists and is not a folder");
        }
        MetadataSources metadata = reading.metadata();
        metadata.csvWarnings(files).forEach(w -> err.println("entente: warning: " + w)); // bad values, rows of no input
        java.util.Map<String, String> readingOptions;
        DocumentReader reader;
        try {
            readingOptions = reading.identityOptions();
            reader = reading.reader();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        pipelineOptions.codebookSha256(); // a missing codebook fails at once; a malformed one before anything is written
        long t0 = System.nanoTime();
        io.entente.engine.BatchEngine.Result r;
        AnalyzeJob job = new AnalyzeJob(new AnalyzeJob.Options(files, out, pipelineOptions, n, reader,
                metadata, force, waitSeconds, true, paths, prune, readingOptions, !noSite), err);
        // Ctrl-C and SIGTERM run this hook: the job stops taking documents, finishes those in progress and
        // writes summary, manifest and store; the hook waits for that (and the last lines) before the JVM halts.
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            synchronized (err) {
                err.println("entente: interrupted: finishing the documents in progress and writing the summary "
                        + "(finished documents are kept; kill -9 stops at once)");
                err.flush();
            }
            job.interrupt();
            try {
                finished.await(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "entente-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                r = job.run();
            } catch (OutputLock.BusyException e) {
                err.println("entente: " + e.getMessage());
                return Main.LOCKED;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "entente: %s in %s: %d analyzed, %d reclassified, %d unchanged, %s%d removed, %d failed (%.1f s)%n",
                    InputFiles.plural(r.documents(), "document", "documents"), out, r.processed(), r.reclassified(), r.unchanged(),
                    r.kept() > 0 ? r.kept() + " kept from other inputs, " : "", r.removed(), r.failed(), seconds);
            if (r.interrupted()) {
                err.printf(Locale.ROOT, "entente: interrupted: %s left for the next run%n",
                        InputFiles.plural(r.left(), "document", "documents"));
            }
            r.notes().forEach(note -> err.println("entente: " + note)); // what the writers did (the store's changes)
            if (r.undated() > 0) {
                err.printf(Locale.ROOT, "entente: %s no date: %s kept, but left out of time series%n",
                        r.undated() == 1 ? "1 document has" : r.undated() + " documents have", r.undated() == 1 ? "it is" : "they are");
            }
            err.flush();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the job has finished
            }
        }
        return r.failed() == 0 ? Main.OK : Main.SOME_FAILED;
    }
}
