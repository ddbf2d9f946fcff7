package io.entente.cli;

import io.entente.analytics.Comparison;
import io.entente.analytics.Corpus;
import io.entente.analytics.Selection;
import io.entente.core.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code entente compare}: two documents, or two groups of documents, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two documents (A B) or two groups of documents (--a-from/--a-to/--a-tag and "
                + "--b-from/--b-to/--b-tag; every option given for a group must hold) from the reports in the --reports folder: "
                + "the document is the unit: per theme, country and pair of countries each document's share of sentences, "
                + "their mean on each side, the difference A - B with a 95 %% bootstrap interval by document and a "
                + "permutation test that exchanges documents (Welch's t with 30 or more documents per side), Holm-adjusted "
                + "across the table; the similarity of the two profiles and the strongest evidence per side. Two single "
                + "documents can never differ significantly. Dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges are inclusive.",
                "Exit status: 0 done, 1 --out could not be written, 2 usage error (no reports folder or not one analyze wrote, "
                        + "unknown document id, empty group)."})
final class CompareCommand implements Callable<Integer> {
    /** Output formats. */
    enum OutputFormat { md, json }

    @Parameters(arity = "0..2", paramLabel = "ID", description = "Document ids of A and B (give both, or use the group options).")
    List<String> ids;

    @Option(names = "--a-from", paramLabel = "DATE", description = "Group A: documents dated from DATE.")
    String aFrom;

    @Option(names = "--a-to", paramLabel = "DATE", description = "Group A: documents dated until DATE (inclusive).")
    String aTo;

    @Option(names = "--a-tag", paramLabel = "TAG", description = "Group A: documents with this tag.")
    String aTag;

    @Option(names = "--b-from", paramLabel = "DATE", description = "Group B: documents dated from DATE.")
    String bFrom;

    @Option(names = "--b-to", paramLabel = "DATE", description = "Group B: documents dated until DATE (inclusive).")
    String bTo;

    @Option(names = "--b-tag", paramLabel = "TAG", description = "Group B: documents with this tag.")
    String bTag;

    @CommandLine.Mixin
    ReportsFolder reports;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "Markdown for people or JSON for programs (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Selection a;
        Selection b;
        boolean groups = aFrom != null || aTo != null || aTag != null || bFrom != null || bTo != null || bTag != null;
        int given = ids == null ? 0 : ids.size();
        try {
            if (given > 0) {
                if (given != 2 || groups) {
                    return usage(err, "give two document ids (A B), or the group options (--a-from, --a-to, --a-tag and "
                            + "--b-from, --b-to, --b-tag), not both");
                }
                a = Selection.document(ids.get(0));
                b = Selection.document(ids.get(1));
            } else {
                if (aFrom == null && aTo == null && aTag == null) {
                    return usage(err, "group A is not given: use two document ids (A B), or --a-from/--a-to/--a-tag");
                }
                if (bFrom == null && bTo == null && bTag == null) {
                    return usage(err, "group B is not given: use --b-from/--b-to/--b-tag");
                }
                a = new Selection(null, aFrom, aTo, aTag);
                b = new Selection(null, bFrom, bTo, bTag);
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (out != null && Files.isDirectory(out)) {
            return usage(err, out + ": is a folder; --out takes a file name");
        }
        Corpus corpus;
        try {
            corpus = reports.load();
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        Comparison comparison;
        try {
            comparison = Comparison.compare(corpus, a, b);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String text = format == OutputFormat.json ? comparison.toJson() : comparison.toMarkdown();
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
            o.flush();
        } else {
            try {
                AtomicFiles.write(out, text);
            } catch (IOException e) {
                err.println("entente compare: cannot write " + out + ": " + io.entente.core.IoMessages.describe(e));
                err.flush();
                return Main.SOME_FAILED;
            }
            err.println("entente compare: wrote " + out);
            err.flush();
        }
        return Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("entente compare: " + message);
        err.flush();
        return Main.USAGE;
    }
}
