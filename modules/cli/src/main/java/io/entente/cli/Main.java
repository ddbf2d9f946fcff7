package io.entente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entente} command. */
@Command(name = "entente", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What drives states toward security cooperation and what holds them back: "
                + "entities, themes and reports from policy papers.",
        subcommands = {AnalyzeCommand.class, EvaluateCommand.class, CompareCommand.class, TrendsCommand.class,
                ExportCommand.class, CodebookCommand.class, TrainCommand.class, LexiconCommand.class, SampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
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
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("entente: " + ex.getMessage());
            return ex instanceof ConfigurationException ? USAGE : SOME_FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"entente " + io.entente.pipeline.StandardPipeline.VERSION};
        }
    }
}
