package io.entente.cli;

import io.entente.analytics.Corpus;
import io.entente.report.Manifest;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --reports} option of the commands that work on an analyzed corpus, and loading it. */
final class ReportsFolder {
    @Option(names = {"-r", "--reports"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Folder of the JSON reports written by analyze (default: ${DEFAULT-VALUE}).")
    Path path;

    @Option(names = "--fold-territories", description = "Count a territory with its own ISO code (Hong Kong, Puerto Rico, "
            + "Greenland) as its sovereign state (China, United States, Denmark); default: keep its own code.")
    boolean foldTerritories;

    /** The corpus of the folder; the exception's message says what is wrong, for the user. */
    Corpus load() throws IOException {
        String problem = problem(path);
        if (problem != null) {
            throw new IOException(problem);
        }
        return Corpus.load(path, foldTerritories);
    }

    /**
     * Why {@code dir} cannot be read as a reports folder (one line naming it, for the user), or null when it is
     * one. A command that reads reports checks this before it creates anything there: a folder of papers given as
     * {@code --reports} must not gain {@code .entente/}, a store or an export, or the next {@code analyze} would
     * take it for an output folder and skip its papers.
     */
    static String problem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return dir + ": no such reports folder (run 'entente analyze' first, or give --reports DIR)";
        }
        if (!isReportsFolder(dir)) {
            return dir + " is not an Entente reports folder (no .entente/manifest.tsv): pass the --out folder of analyze";
        }
        return null;
    }

    /**
     * Whether analyze (or the Spark job) wrote into {@code dir}: its manifest (or the journal of a first run that
     * was killed before the manifest), a corpus summary, or at least one per-document report of any version.
     */
    static boolean isReportsFolder(Path dir) {
        if (Files.isRegularFile(Manifest.file(dir)) || Files.isRegularFile(Manifest.journalFile(dir))
                || Files.isRegularFile(dir.resolve("corpus.json"))) {
            return true;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                if (f.getFileName().toString().startsWith(".") || !Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    ReportJson.Head h = ReportJson.head(f);
                    if (h.document() && h.schemaVersion() != null) {
                        return true;
                    }
                } catch (IOException | RuntimeException notAReport) {
                    // a JSON file of another tool, or not JSON at all: not a report
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
