package io.entente.spark;

import io.entente.cli.PipelineOptions;
import io.entente.cli.ReadingOptions;
import io.entente.engine.BatchEngine;
import io.entente.input.DocumentReader;
import io.entente.pipeline.MetadataSources;
import io.entente.pipeline.PipelineSetup;
import io.entente.pipeline.RunIdentity;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.PipelineInfo;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;

/**
 * The stages of one configuration, built once per JVM: every task an executor runs reuses them
 * (models load in seconds and take hundreds of megabytes; building them per task or per document
 * would dominate the job). This per-JVM holder is the one place Entente keeps a static cache, because
 * a Spark executor offers no other object that lives as long as the JVM.
 */
final class ExecutorStages {
    /** The pipeline options as the command line gave them: an executor parses them as the driver did. */
    @CommandLine.Command(name = "stages")
    static final class Options {
        @CommandLine.Mixin
        ReadingOptions reading = new ReadingOptions();
        @CommandLine.Mixin
        PipelineOptions pipeline = new PipelineOptions();
    }

    /** What a task needs: the pipeline, the reader and metadata, the provenance and identity of its reports. */
    record Stages(StandardPipeline pipeline, DocumentReader reader, MetadataSources metadata, PipelineInfo info,
                  String upstreamId, String themesId, long loadMillis) {
    }

    private static final ConcurrentHashMap<List<String>, Stages> BUILT = new ConcurrentHashMap<>();

    private ExecutorStages() {
    }

    static Options parse(List<String> args) {
        Options o = new Options();
        new CommandLine(o).parseArgs(args.toArray(String[]::new));
        return o;
    }

    /** The identity a run with these options has (computed without loading a model). */
    static RunIdentity identity(List<String> args) {
        Options o = parse(args);
        return o.pipeline.setup().identity(o.reading.identityOptions());
    }

    /** The provenance block of reports made with these options (builds the stages in this JVM). */
    static PipelineInfo info(List<String> args) {
        return get(args).info();
    }

    /** The stages of this configuration in this JVM, built on first use. */
    static Stages get(List<String> args) {
        return BUILT.computeIfAbsent(List.copyOf(args), a -> {
            long t0 = System.nanoTime();
            Options o = parse(a);
            PipelineSetup setup = o.pipeline.setup();
            RunIdentity id = setup.identity(o.reading.identityOptions());
            StandardPipeline p = setup.build();
            return new Stages(p, o.reading.reader(), o.reading.metadata(), BatchEngine.info(p), id.upstreamSha256(),
                    id.themesSha256(), (System.nanoTime() - t0) / 1_000_000);
        });
    }
}
