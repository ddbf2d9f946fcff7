package io.entente.cli;

import io.entente.interop.InteropException;
import io.entente.interop.ReviewImport;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente review import}: a project reviewed in a QDA tool back as a gold folder for {@code entente train}. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Bring a REFI-QDA project reviewed in MAXQDA, NVivo or ATLAS.ti back as labelled sentences.",
        subcommands = ReviewCommand.Import.class)
final class ReviewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // a usage error: one line and where to find help, as for every other command
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("entente: " + spec.qualifiedName() + " needs a subcommand: " + String.join(", ", spec.subcommands().keySet()));
        err.println(Main.pointerToHelp(spec.commandLine()));
        err.flush();
        return Main.USAGE;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Turn a reviewed .qdpx (made by 'entente export --format qdpx', then codings kept, deleted, added or moved "
                    + "to another code) into a gold folder (NAME.txt, NAME.gold.json) that 'entente train --gold DIR' learns from, "
                    + "and print per paper how many sentence codings the review added, removed, moved to another code and kept. "
                    + "Every source of the project is taken as reviewed.",
                    "Exit status: 0 written, 1 a file could not be written, 2 the project is missing, not a .qdpx or malformed."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.qdpx", description = "The reviewed project.")
        Path file;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The gold folder to write.")
        Path out;

        @Option(names = "--original", paramLabel = "FILE.qdpx", description = "The project as Entente exported it, to count the "
                + "changes against (default: the codings the reviewed file still records as Entente's; a tool that drops a "
                + "deleted selection altogether then hides that removal from the count, never from the gold).")
        Path original;

        @Option(names = "--codebook", paramLabel = "FILE", description = "The codebook of the project's codes (default: the packaged one).")
        Path codebook;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            for (Path p : new Path[] {file, original}) {
                if (p != null && !Files.isRegularFile(p)) {
                    throw new CommandLine.ParameterException(cl, p + ": no such file");
                }
            }
            Codebook cb = codebook == null ? CodebookLoader.load(null) : CodebookCommand.load(codebook, cl);
            if (cb == null) {
                return Main.USAGE;
            }
            ReviewImport.Result r;
            try {
                r = new ReviewImport().run(file, original, cb, out);
            } catch (InteropException e) {
                cl.getErr().println("entente: " + e.getMessage());
                cl.getErr().flush();
                return Main.USAGE;
            } catch (java.io.IOException e) {
                cl.getErr().println("entente: cannot write the gold folder " + out + ": " + io.entente.core.IoMessages.describe(e));
                cl.getErr().flush();
                return Main.SOME_FAILED;
            }
            CodebookInterop.notes(cl.getErr(), r.notes());
            PrintWriter w = cl.getOut();
            w.println("document\tsentences\tlabelled\tadded\tremoved\tmoved\tkept");
            for (ReviewImport.Counts c : r.documents()) {
                w.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%d\t%d%n", c.id(), c.sentences(), c.labelled(), c.added(), c.removed(), c.moved(), c.kept());
            }
            ReviewImport.Counts t = r.total();
            w.printf(Locale.ROOT, "total\t%d\t%d\t%d\t%d\t%d\t%d%n", t.sentences(), t.labelled(), t.added(), t.removed(), t.moved(), t.kept());
            w.printf(Locale.ROOT, "wrote %s: %d documents; train on it with: entente train --gold ../shared/corpus/train --gold %s%n",
                    out, r.documents().size(), out);
            w.flush();
            return Main.OK;
        }
    }
}
