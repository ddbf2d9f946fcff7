package io.entente.cli;

import io.entente.analytics.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --reports} option of the commands that work on an analyzed corpus, and loading it. */
final class ReportsFolder {
    @Option(names = {"-r", "--reports"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Folder of the JSON reports written by analyze (default: ${DEFAULT-VALUE}).")
    Path path;

    @Option(names = "--fold-territories", description = "Count a territory with its own ISO code (Hong Kong, Puerto Rico, "
            + "Greenland) as its sovereign state (China, United States, Denmark); default: keep its own code.")
    boolean foldTerritories;

    /** The corpus of the folder; the exception's message says what is wrong, for the user. */
    Corpus load() throws IOException {
        if (!Files.isDirectory(path)) {
            throw new IOException(path + ": no such reports folder (run 'entente analyze' first, or give --reports DIR)");
        }
        return Corpus.load(path, foldTerritories);
    }
}
