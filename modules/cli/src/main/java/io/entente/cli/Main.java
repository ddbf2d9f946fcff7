package io.entente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entente} command. */
@Command(name = "entente", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What drives states toward security cooperation and what holds them back: "
                + "entities, themes and reports from policy papers.",
        subcommands = {AnalyzeCommand.class, EvaluateCommand.class, CompareCommand.class, TrendsCommand.class,
                ExportCommand.class, SiteCommand.class, CodebookCommand.class, ReviewCommand.class, TrainCommand.class, LexiconCommand.class, SampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit status: every document processed. */
    public static final int OK = 0;
    /** Exit status: some documents failed; the others were processed. */
    public static final int SOME_FAILED = 1;
    /** Exit status: the command line or a configuration file is wrong; nothing was processed. */
    public static final int USAGE = 2;
    /** Exit status: another run holds the output folder; nothing was written. */
    public static final int LOCKED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        Logging.configure(args);
        CommandLine cl = new CommandLine(new Main());
        // A usage error prints its one-line message and where to find help, not the whole help text.
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            java.io.PrintWriter err = c.getErr();
            err.println("entente: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println(pointerToHelp(c));
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // An I/O error's message is often its path alone ("/tmp/x/ro/.entente"): say the cause too.
            String message = ex instanceof java.io.IOException ioe ? io.entente.core.IoMessages.describe(ioe)
                    : ex instanceof java.io.UncheckedIOException u ? io.entente.core.IoMessages.describe(u) : ex.getMessage();
            commandLine.getErr().println("entente: " + message);
            commandLine.getErr().flush();
            return ex instanceof ConfigurationException ? USAGE : SOME_FAILED;
        });
        return cl.execute(args);
    }

    /** {@code entente} alone: a usage error (exit 2) with the list of commands, briefly. */
    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("entente: a command is required: " + String.join(", ", spec.subcommands().keySet()));
        err.println(pointerToHelp(spec.commandLine()));
        err.flush();
        return USAGE;
    }

    /** "Try 'entente analyze --help' for more information." */
    static String pointerToHelp(CommandLine c) {
        return "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"entente " + io.entente.pipeline.StandardPipeline.VERSION};
        }
    }
}
