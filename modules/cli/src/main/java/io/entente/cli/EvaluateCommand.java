package io.entente.cli;

import io.entente.evaluate.Evaluation;
import io.entente.pipeline.StandardPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente evaluate}: scores the pipeline against gold files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on every NAME.txt in GOLD_DIR that has a NAME.gold.json and print precision, "
                + "recall and F1 for entities (per-document sets) and themes (per document and per sentence), "
                + "per theme, and the most frequent confusions. Gold files are read where they lie."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GOLD_DIR", description = "Folder with NAME.txt and NAME.gold.json pairs.")
    Path goldDir;

    @Option(names = "--json", description = "Print the scores as JSON instead of a table.")
    boolean json;

    @Option(names = "--details", description = "Also list missed and spurious entities per document.")
    boolean details;

    @Mixin
    PipelineOptions pipelineOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(goldDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), goldDir + ": no such folder");
        }
        StandardPipeline pipeline = pipelineOptions.build();
        Evaluation evaluation = Evaluation.run(pipeline.pipeline(), goldDir);
        spec.commandLine().getOut().print(json ? evaluation.json() : evaluation.table(details));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
