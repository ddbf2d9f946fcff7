package io.entente.cli;

import io.entente.analytics.Corpus;
import io.entente.analytics.Period;
import io.entente.analytics.Trends;
import io.entente.core.AtomicFiles;
import io.entente.report.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code entente trends}: theme shares over time, as JSON, CSV, Markdown and one SVG chart per theme. */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = {"Theme shares over time from the reports in the --reports folder, the document as the unit of inference: per period "
                + "and theme the mean of the documents' theme shares (95 %% t interval over the documents; the pooled sentence "
                + "share only as a description) and the share of documents; per theme a weighted linear trend, a Mann-Kendall test, "
                + "Sen's slope, change points and the country pairs of the evidence. Writes DIR/trends.json, "
                + "DIR/trends.csv, DIR/trends.md and DIR/charts/<theme>.svg. Undated documents are left out and counted; "
                + "periods without documents are shown, periods with fewer than 3 documents with sentences are marked sparse.",
                "Exit status: 0 done, 1 the output could not be written, 2 usage error (no reports folder or not one analyze "
                        + "wrote, unknown theme, no dated documents), 3 an analyze run holds the reports folder (when writing into it; see --wait)."})
final class TrendsCommand implements Callable<Integer> {
    /** Period lengths as the option takes them. */
    enum By { year, quarter, month }

    @Option(names = "--by", paramLabel = "year|quarter|month", defaultValue = "year",
            description = "Period length (default: ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--theme", paramLabel = "ID", description = "Only this theme.")
    String theme;

    @Option(names = "--country", paramLabel = "CODE", description = "Only documents mentioning this country (ISO alpha-3).")
    String country;

    @CommandLine.Mixin
    ReportsFolder reports;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: REPORTS/trends).")
    Path out;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "When writing into the reports folder: wait this long for an analyze run on it to finish "
                    + "(default: ${DEFAULT-VALUE}: refuse at once).")
    int waitSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more seconds");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = out == null ? reports.path.resolve("trends") : out;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return usage(err, dir + ": exists and is not a folder");
        }
        String problem = ReportsFolder.problem(reports.path); // before the lock creates .entente/ there
        if (problem != null) {
            return usage(err, problem);
        }
        // Writing into the reports folder (the default REPORTS/trends) takes its lock, as analyze, export and site
        // do: an analyze run must not change the reports under it, nor two runs interleave. Elsewhere it only reads.
        boolean inside = dir.toAbsolutePath().normalize().startsWith(reports.path.toAbsolutePath().normalize());
        try (OutputLock lock = inside ? OutputLock.acquire(reports.path, waitSeconds) : null) {
            return run(err, dir);
        } catch (OutputLock.BusyException e) {
            err.println("entente trends: " + e.getMessage());
            err.flush();
            return Main.LOCKED;
        } catch (IOException e) {
            err.println("entente trends: cannot lock " + reports.path + ": " + io.entente.core.IoMessages.describe(e));
            err.flush();
            return Main.SOME_FAILED;
        }
    }

    private int run(PrintWriter err, Path dir) {
        Corpus corpus;
        try {
            corpus = reports.load();
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        Trends trends;
        try {
            trends = Trends.compute(corpus, Period.parse(by.name()), Optional.ofNullable(theme), Optional.ofNullable(country));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Path markdown = dir.resolve("trends.md");
        int charts = 0;
        try {
            AtomicFiles.write(dir.resolve("trends.json"), trends.toJson());
            AtomicFiles.write(dir.resolve("trends.csv"), trends.toCsv());
            java.util.Set<Path> written = new java.util.HashSet<>();
            for (Trends.ThemeTrend t : trends.themes()) {
                if (t.hasData()) {
                    Path chart = dir.resolve("charts").resolve(Trends.chartFileName(t.id()));
                    AtomicFiles.write(chart, trends.svg(t.id()));
                    written.add(chart);
                    charts++;
                }
            }
            AtomicFiles.write(markdown, trends.toMarkdown("charts/"));
            removeOtherCharts(dir.resolve("charts"), written);
        } catch (IOException e) {
            err.println("entente trends: cannot write to " + dir + ": " + io.entente.core.IoMessages.describe(e));
            err.flush();
            return Main.SOME_FAILED;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(markdown);
        StringBuilder left = new StringBuilder();
        left.append(trends.undatedDocuments()).append(trends.undatedDocuments() == 1 ? " undated document" : " undated documents")
                .append(" left out");
        if (trends.impreciseDocuments() > 0) {
            left.append(", and ").append(trends.impreciseDocuments()).append(" dated only to the year (too coarse by ")
                    .append(trends.by()).append(')');
        }
        if (trends.country() != null) {
            left.append("; ").append(trends.otherCountryDocuments()).append(" not mentioning ").append(trends.country());
        }
        o.println(left.append("; ").append(CodebookCommand.plural(trends.documents(), "document")).append(" in ").append(trends.periods().size())
                .append(trends.periods().size() == 1 ? " period, " : " periods, ").append(charts)
                .append(charts == 1 ? " chart." : " charts."));
        o.flush();
        return Main.OK;
    }

    /**
     * Deletes the charts of an earlier run that this one did not draw (a theme no longer in the corpus, or
     * left out by --theme), so that charts/ shows what trends.json holds.
     */
    private static void removeOtherCharts(Path charts, java.util.Set<Path> written) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(charts)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".svg") && !written.contains(f)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("entente trends: " + message);
        err.flush();
        return Main.USAGE;
    }
}
