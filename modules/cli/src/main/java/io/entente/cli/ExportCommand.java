package io.entente.cli;

import io.entente.report.OutputLock;
import io.entente.store.CorpusStore;
import io.entente.store.ExportFormat;
import io.entente.store.Exporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente export}: the corpus tables as tidy files for R, pandas and spreadsheets. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the tables of an analyzed corpus (documents, sentences, entities, mentions, themes, evidence, "
                + "sentence_themes) as one file each: CSV (UTF-8, header, RFC 4180), Parquet or JSON Lines. "
                + "The DuckDB store REPORTS/entente.duckdb is brought up to date from the reports first. "
                + "--format qdpx writes one REFI-QDA project instead (MAXQDA, NVivo, ATLAS.ti): the codebook as codes, every paper "
                + "with its text, every evidence sentence coded (see docs/interop.md).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet|jsonl|qdpx",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR",
            description = "The analyzed corpus (default: ${DEFAULT-VALUE}).")
    Path reports;

    /** The default project file name of {@code --format qdpx}, also inside an {@code --out} folder. */
    static final String QDPX_FILE_NAME = "entente.qdpx";

    // A string, not a Path: a Path drops the trailing '/' that says "a folder" (qdpx).
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write the files (default: REPORTS/export); "
            + "for qdpx the project file (default: REPORTS/export/" + QDPX_FILE_NAME + "; an existing folder, or a path ending "
            + "in '/', gets DIR/" + QDPX_FILE_NAME + ").")
    String out;

    @Option(names = "--codebook", paramLabel = "FILE", description = "qdpx: the codebook whose themes become the codes "
            + "(default: the packaged one; use the codebook the reports were made with).")
    Path codebook;

    @Option(names = "--fold-territories", description = "Count a territory with its own ISO code (Hong Kong, Puerto Rico, "
            + "Greenland) as its sovereign state (China, United States, Denmark) in the exported tables: one entity row per "
            + "document and code, actors mapped; default: keep its own code.")
    boolean foldTerritories;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for an analyze run on the same folder to finish (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more seconds");
        }
        if ("qdpx".equalsIgnoreCase(format)) {
            return qdpx();
        }
        ExportFormat f;
        try {
            f = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be csv, parquet, jsonl or qdpx, not '" + format + "'");
        }
        String problem = ReportsFolder.problem(reports); // before the store or the lock is created there
        if (problem != null) {
            return usage(spec.commandLine(), problem);
        }
        Path target = out != null ? Path.of(out) : reports.resolve("export");
        List<Path> written;
        try (OutputLock lock = OutputLock.acquire(reports, waitSeconds)) {
            CorpusStore.update(reports);
            written = Exporter.export(reports.resolve(CorpusStore.DEFAULT_FILE_NAME), f, target, foldTerritories);
        } catch (OutputLock.BusyException e) {
            spec.commandLine().getErr().println("entente: " + e.getMessage());
            return Main.LOCKED;
        }
        for (Path p : written) {
            spec.commandLine().getOut().println(p);
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** {@code --format qdpx}: one REFI-QDA project of the whole folder (modules/interop). */
    private int qdpx() throws Exception {
        CommandLine cl = spec.commandLine();
        String problem = ReportsFolder.problem(reports);
        if (problem != null) {
            return usage(cl, problem);
        }
        io.entente.themes.Codebook cb = codebook == null ? io.entente.themes.CodebookLoader.load(null) : CodebookCommand.load(codebook, cl);
        if (cb == null) {
            return Main.USAGE;
        }
        Path target = out != null ? qdpxTarget(out) : reports.resolve("export").resolve(QDPX_FILE_NAME);
        io.entente.interop.QdpxExport.Result r;
        try (OutputLock lock = OutputLock.acquire(reports, waitSeconds)) {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            r = io.entente.interop.QdpxExport.write(reports, cb, target);
        } catch (OutputLock.BusyException e) {
            cl.getErr().println("entente: " + e.getMessage());
            return Main.LOCKED;
        }
        CodebookInterop.notes(cl.getErr(), r.notes());
        cl.getErr().printf(java.util.Locale.ROOT, "entente: %s: %s, %s, %s%n", target,
                io.entente.input.InputFiles.plural(r.papers(), "paper", "papers"),
                io.entente.input.InputFiles.plural(r.selections(), "coded sentence", "coded sentences"),
                io.entente.input.InputFiles.plural(r.codings(), "coding", "codings"));
        cl.getOut().println(target);
        cl.getOut().flush();
        cl.getErr().flush();
        return Main.OK;
    }

    /**
     * Where {@code --out} puts the project: an existing folder, or a path ending in '/' (a folder to create), gets
     * {@link #QDPX_FILE_NAME} inside it, as the default REPORTS/export/ does; anything else is the file itself.
     */
    static Path qdpxTarget(String out) {
        Path p = Path.of(out);
        boolean folder = out.endsWith("/") || out.endsWith(java.io.File.separator) || Files.isDirectory(p);
        return folder ? p.resolve(QDPX_FILE_NAME) : p;
    }

    private static int usage(CommandLine cl, String message) {
        cl.getErr().println("entente export: " + message);
        cl.getErr().flush();
        return Main.USAGE;
    }
}
