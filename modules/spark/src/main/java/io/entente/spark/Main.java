package io.entente.spark;

import io.entente.cli.PipelineOptions;
import io.entente.cli.ReadingOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code entente-spark}: the analyze job on Apache Spark. Under {@code spark-submit} the master
 * comes from there; run directly (the root launcher), it starts an in-process local master.
 */
@Command(name = "entente-spark", mixinStandardHelpOptions = true,
        description = {"Analyze papers on Apache Spark: the same stages, readers, limits and options as 'entente analyze', "
                + "run per document in the executors. Writes the same per-document reports (DIR/<id>.json, DIR/<id>.md, "
                + "DIR/corpus.json, DIR/corpus-themes.csv) and Parquet tables of the corpus partitioned by year "
                + "(DIR/tables/<table>/year=YYYY/), with the inputs that failed in DIR/tables/errors. Incremental: "
                + "a rerun skips inputs whose content and configuration are unchanged. Paths may be local or any Hadoop "
                + "file system (hdfs://, s3a:// with its connector).",
                "Exit status: 0 all processed, 1 some inputs failed (the others were processed), 2 usage or configuration error."})
public final class Main implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to analyze (local paths or Hadoop addresses).")
    List<String> paths;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder (local path or Hadoop address).")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] (default: spark-submit's, else local[N] with N the number of cores).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Tasks to split the inputs into (default: two per core of the session).")
    int partitions;

    @Option(names = "--force", description = "Redo every document, even unchanged ones.")
    boolean force;

    @Option(names = "--prune", description = "Remove the reports of every document whose file is not among this run's inputs.")
    boolean prune;

    @Mixin
    ReadingOptions reading;

    @Mixin
    PipelineOptions pipeline;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns its exit status. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("entente-spark: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'entente-spark --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("entente-spark: " + ex.getMessage());
            return ex instanceof io.entente.cli.ConfigurationException || ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** The reading and pipeline options as given, for the executors to parse as the driver did. */
    private List<String> analyzeArgs() {
        Set<CommandLine.Model.OptionSpec> shared = new java.util.HashSet<>();
        spec.mixins().values().forEach(m -> shared.addAll(m.options()));
        List<String> args = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!shared.contains(o)) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String v : o.originalStringValues()) {
                    args.add(o.longestName() + "=" + v);
                }
            }
        }
        return args;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<String> analyze = analyzeArgs();
        ExecutorStages.identity(analyze); // a bad codebook or option fails here, before Spark starts
        SparkSession.Builder b = SparkSession.builder().appName("entente-spark").config("spark.ui.enabled", "false");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[" + Runtime.getRuntime().availableProcessors() + "]");
        }
        long t0 = System.nanoTime();
        SparkAnalyzeJob.Result r;
        try (SparkSession spark = b.getOrCreate()) {
            r = new SparkAnalyzeJob(spark, new SparkAnalyzeJob.Options(paths, out, analyze, force, prune, partitions)).run();
        }
        r.failures().forEach(f -> err.println("entente-spark: skipped " + f));
        err.printf(Locale.ROOT, "entente-spark: %d documents in %s: %d analyzed, %d unchanged, %s%d removed, %d failed "
                        + "(%.1f s; stages built in %.1f s)%n", r.documents(), out, r.analyzed(), r.unchanged(),
                r.kept() > 0 ? r.kept() + " kept from other inputs, " : "", r.removed(), r.failed(),
                (System.nanoTime() - t0) / 1e9, r.startMillis() / 1e3);
        err.flush();
        return r.failed() == 0 ? 0 : 1;
    }
}
