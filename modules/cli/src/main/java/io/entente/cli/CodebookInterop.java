package io.entente.cli;

import io.entente.core.AtomicFiles;
import io.entente.core.registry.Registry;
import io.entente.interop.CodebookFormat;
import io.entente.interop.CodebookFormats;
import io.entente.interop.InteropException;
import io.entente.interop.PolarityMap;
import io.entente.themes.Codebook;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente codebook import} and {@code export}: codebooks in and out of other tools' formats (modules/interop). */
final class CodebookInterop {
    private CodebookInterop() {
    }

    /** Prints every note, so that nothing the conversion could not carry over goes unsaid. */
    static void notes(PrintWriter err, List<String> notes) {
        for (String n : notes) {
            err.println("entente: note: " + n);
        }
        err.flush();
    }

    /** Writes {@code text} atomically to {@code out}, or to standard output when it is null. */
    static boolean emit(CommandLine cl, Path out, String text) {
        if (out == null) {
            cl.getOut().print(text);
            cl.getOut().flush();
            return true;
        }
        try {
            AtomicFiles.write(out, text);
            return true;
        } catch (IOException e) {
            cl.getErr().println("entente: cannot write " + out + ": " + io.entente.core.IoMessages.describe(e));
            cl.getErr().flush();
            return false;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Turn a dictionary or codebook of another tool into an Entente codebook (JSON): nested keys become "
                    + "theme ids parent.child, globs (tax*, *ism) and phrases become cues, weights, descriptions and colours are "
                    + "kept where the format has them. Every entry that cannot be carried over is printed as a note.",
                    "Exit status: 0 imported, 1 the output could not be written, 2 the file is missing, malformed or in no known format."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The dictionary or codebook (.yml, .cat, .dic, .qdc, .qdpx).")
        Path file;

        @Option(names = "--format", paramLabel = "NAME", description = "quanteda, wordstat, liwc, refi-qda or entente "
                + "(default: detected from the content).")
        String format;

        @Option(names = "--polarity-map", paramLabel = "FILE", description = "Lines 'THEME-ID driver|obstacle' (an id covers "
                + "the themes nested under it); themes left without polarity become drivers, with a note.")
        Path polarityMap;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE.json", description = "Where to write the codebook (default: standard output).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            PrintWriter err = cl.getErr();
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, file + ": no such file");
            }
            Registry<CodebookFormat> formats = CodebookFormats.registry();
            CodebookFormats.Result r;
            try {
                if (format != null) {
                    formats.get(format);
                }
                PolarityMap map = PolarityMap.EMPTY;
                if (polarityMap != null) {
                    if (!Files.isRegularFile(polarityMap)) {
                        throw new CommandLine.ParameterException(cl, polarityMap + ": no such file");
                    }
                    map = PolarityMap.read(polarityMap);
                }
                r = CodebookFormats.importFile(formats, file, format, map);
            } catch (InteropException | IllegalArgumentException | UncheckedIOException e) {
                err.println("entente: " + e.getMessage());
                err.flush();
                return Main.USAGE;
            }
            notes(err, r.notes());
            if (!emit(cl, out, r.json())) {
                return Main.SOME_FAILED;
            }
            Codebook cb = r.codebook();
            err.printf(Locale.ROOT, "entente: imported %s from %s (%s): %s, %s; %s%n", cb.id(), file, r.format().name(),
                    CodebookCommand.plural(cb.themes().size(), "theme"), CodebookCommand.plural(CodebookCommand.cues(cb), "cue"),
                    CodebookCommand.plural(r.notes().size(), "note"));
            err.flush();
            return Main.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write an Entente codebook in another tool's format: quanteda (YAML, for R) or refi-qda (.qdc, for "
                    + "MAXQDA, NVivo, ATLAS.ti). What the format cannot hold is printed as a note.",
                    "Exit status: 0 written, 1 the output could not be written, 2 the codebook is invalid or the format unknown or read-only."})
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The codebook (JSON).")
        Path file;

        @Option(names = "--format", required = true, paramLabel = "NAME", description = "quanteda or refi-qda (or entente).")
        String format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            Registry<CodebookFormat> formats = CodebookFormats.registry();
            CodebookFormat f;
            try {
                f = formats.get(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            if (!f.canWrite()) {
                throw new CommandLine.ParameterException(cl, "the " + f.name() + " format is read-only; export to "
                        + String.join(" or ", CodebookFormats.writable(formats)));
            }
            Codebook cb = CodebookCommand.load(file, cl);
            if (cb == null) {
                return Main.USAGE;
            }
            CodebookFormat.Exported e = f.write(cb);
            notes(cl.getErr(), e.notes());
            return emit(cl, out, e.text()) ? Main.OK : Main.SOME_FAILED;
        }
    }
}
