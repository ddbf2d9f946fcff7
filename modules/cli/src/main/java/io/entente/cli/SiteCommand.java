package io.entente.cli;

import io.entente.core.IoMessages;
import io.entente.report.OutputLock;
import io.entente.site.SiteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente site}: the static HTML site of an analyzed folder. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Writes a self-contained static HTML site of the reports in the --reports folder into --out "
                + "(default REPORTS/site): index.html (documents x themes matrix with the evidence behind each cell, theme "
                + "trends with intervals, countries and pairs, filters by year, tag, country and theme, search over evidence), "
                + "compare.html and one page per document with its evidence highlighted. It opens from the file system "
                + "with no server and no network. Files whose content would not change are not rewritten.",
                "Exit status: 0 done, 1 the site could not be written, 2 usage error (no reports folder or not one analyze wrote, "
                        + "a malformed report, an --out folder that holds other files), 3 another run holds the reports folder (see --wait)."})
final class SiteCommand implements Callable<Integer> {
    @Option(names = {"-r", "--reports"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Folder of the JSON reports written by analyze (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: REPORTS/site).")
    Path out;

    @Option(names = "--fold-territories", description = "In the corpus views, count a territory with its own ISO code "
            + "(Hong Kong, Puerto Rico, Greenland) as its sovereign state, as trends and compare do; default: keep its own code.")
    boolean foldTerritories;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for an analyze run on the same folder to finish (default: ${DEFAULT-VALUE}: refuse at once).")
    int waitSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (waitSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more seconds");
        }
        PrintWriter err = spec.commandLine().getErr();
        String problem = ReportsFolder.problem(reports); // before anything is created there
        if (problem != null) {
            return usage(err, problem);
        }
        Path dir = out == null ? reports.resolve("site") : out;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return usage(err, dir + ": exists and is not a folder");
        }
        SiteWriter.Result result;
        // The reports folder's lock: an analyze run must not change the reports while the site reads them.
        try (OutputLock lock = OutputLock.acquire(reports, waitSeconds)) {
            result = SiteWriter.write(reports, dir, foldTerritories);
        } catch (SiteWriter.UnreadableReportsException | SiteWriter.NotASiteFolderException e) {
            return usage(err, e.getMessage());
        } catch (OutputLock.BusyException e) {
            err.println("entente site: " + e.getMessage());
            err.flush();
            return Main.LOCKED;
        } catch (IOException e) {
            err.println("entente site: cannot write the site to " + dir + ": " + IoMessages.describe(e));
            err.flush();
            return Main.SOME_FAILED;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(dir.resolve("index.html"));
        o.println(result.summary() + ".");
        o.flush();
        return Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("entente site: " + message);
        err.flush();
        return Main.USAGE;
    }
}
