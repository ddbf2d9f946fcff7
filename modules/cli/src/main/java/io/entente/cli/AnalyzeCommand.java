package io.entente.cli;

import io.entente.core.Document;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.BatchRunner;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.AtomicFiles;
import io.entente.report.CorpusSummary;
import io.entente.report.JsonReport;
import io.entente.report.MarkdownReport;
import io.entente.report.PipelineInfo;
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
        description = {"Analyze papers (.txt, .md; folders are read recursively) and write per document "
                + "DIR/<id>.json and DIR/<id>.md, plus DIR/corpus.json and DIR/corpus-themes.csv.",
                "Exit status: 0 all processed, 1 some files failed (the others were processed), "
                        + "2 usage or configuration error."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Progress lines appear on stderr above this many documents. */
    private static final int PROGRESS_ABOVE = 3;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to analyze.")
    List<Path> paths;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + DocumentReader.DEFAULT_MAX_BYTES,
            description = "Refuse files larger than this many bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Mixin
    PipelineOptions pipelineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        List<InputFiles.InputFile> files;
        try {
            files = InputFiles.collect(paths, Set.of("corpus", "corpus-themes"));
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getFile() + ": no such file or directory");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), out + ": exists and is not a folder");
        }
        Files.createDirectories(out);

        long t0 = System.nanoTime();
        StandardPipeline pipeline = pipelineOptions.build();
        PipelineInfo info = PipelineOptions.info(pipeline);
        CorpusSummary summary = new CorpusSummary();
        boolean showProgress = files.size() > PROGRESS_ABOVE;

        BatchRunner.Sink sink = new BatchRunner.Sink() {
            @Override
            public void processed(InputFiles.InputFile file, Document doc, List<String> warnings) throws Exception {
                for (String w : warnings) {
                    err.println("entente: warning: " + file.path() + ": " + w);
                }
                AtomicFiles.write(out.resolve(doc.id() + ".json"), JsonReport.render(doc, info));
                AtomicFiles.write(out.resolve(doc.id() + ".md"), MarkdownReport.render(doc, info));
                summary.add(doc);
            }

            @Override
            public void failed(InputFiles.InputFile file, String reason) {
                err.println("entente: skipped " + reason);
                err.flush();
                summary.fail(file.path().toString(), reason);
            }
        };
        BatchRunner.Progress progress = !showProgress ? BatchRunner.Progress.NONE : (file, done, total) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, file.id());
                err.flush();
            }
        };
        BatchRunner.Summary result = new BatchRunner(pipeline.pipeline(), new DocumentReader(maxBytes), n)
                .run(files, sink, progress);
        AtomicFiles.write(out.resolve("corpus.json"), summary.render(info));
        AtomicFiles.write(out.resolve("corpus-themes.csv"), summary.renderThemesCsv());
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "entente: %d of %d documents analyzed, %d failed, in %.1f s; reports in %s%n",
                result.processed(), files.size(), result.failed(), seconds, out);
        return result.failed() == 0 ? Main.OK : Main.SOME_FAILED;
    }
}
