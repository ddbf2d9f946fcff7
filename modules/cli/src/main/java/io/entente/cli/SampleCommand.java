package io.entente.cli;

import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.input.ReaderOptions;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code entente sample}: builds a reproducible synthetic corpus for benchmarks by sampling
 * sentences from given texts (seeded), each document with a dateline so that time series work.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write N documents of about T tokens each, made of sentences sampled (seeded) from the given texts, "
                + "each starting with a random dateline between --from-year and --to-year. For benchmarks and "
                + "incremental-run measurements; the texts are read where they lie.")
final class SampleCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Texts or folders to sample sentences from.")
    List<Path> sources;

    @Option(names = "--docs", paramLabel = "N", defaultValue = "200", description = "Number of documents (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--tokens", paramLabel = "T", defaultValue = "700", description = "Approximate tokens per document (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from-year", paramLabel = "Y", defaultValue = "1998",
            description = "Earliest year of the datelines (default: ${DEFAULT-VALUE}).")
    int fromYear;

    @Option(names = "--to-year", paramLabel = "Y", defaultValue = "2025",
            description = "Latest year of the datelines (default: ${DEFAULT-VALUE}).")
    int toYear;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder to write doc-NNNNN.txt into.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    @Override
    public Integer call() throws Exception {
        if (docs < 1 || tokens < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), (docs < 1 ? "--docs" : "--tokens") + " must be at least 1");
        }
        if (fromYear > toYear) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from-year " + fromYear + " is after --to-year " + toYear);
        }
        List<InputFiles.InputFile> files;
        try {
            files = InputFiles.collect(sources, Set.of());
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getFile() + ": no such file or directory");
        }
        // Read as analyze reads them (any encoding, any format); a text that cannot be read is noted and left out.
        DocumentReader reader = new DocumentReader(ReaderOptions.defaults().withAcceptAnyLanguage(true));
        List<String> sentences = new ArrayList<>();
        for (InputFiles.InputFile f : files) {
            String text;
            try {
                text = reader.read(f).document().text();
            } catch (DocumentReadException e) {
                spec.commandLine().getErr().println("entente: note: not sampling " + e.getMessage());
                continue;
            }
            for (String line : text.split("\\R")) {
                for (String s : line.split("(?<=[.?!][\"\u201D]?)\\s+(?=[\"\u201C]?[A-Z])")) {
                    String t = s.strip();
                    if (t.split("\\s+").length >= 6) {
                        sentences.add(t);
                    }
                }
            }
        }
        if (sentences.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no sentences of six words or more in " + sources);
        }
        Files.createDirectories(out);
        Random r = new Random(seed);
        for (int d = 0; d < docs; d++) {
            StringBuilder b = new StringBuilder();
            int year = fromYear + r.nextInt(toYear - fromYear + 1);
            b.append("Sample paper ").append(d + 1).append("\n").append(MONTHS[r.nextInt(12)]).append(' ')
                    .append(1 + r.nextInt(28)).append(", ").append(year).append("\n\n");
            int n = 0;
            int inParagraph = 0;
            while (n < tokens) {
                String s = sentences.get(r.nextInt(sentences.size()));
                b.append(s);
                n += s.split("\\s+").length + 2;
                if (++inParagraph == 5) {
                    b.append("\n\n");
                    inParagraph = 0;
                } else {
                    b.append(' ');
                }
            }
            b.append("\nDocument ").append(d + 1).append(" of a sample drawn with seed ").append(seed).append(".\n");
            Files.writeString(out.resolve(String.format(Locale.ROOT, "doc-%05d.txt", d + 1)), b.toString());
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "entente: wrote %s sampled from %s to %s%n",
                CodebookCommand.plural(docs, "document"), CodebookCommand.plural(sentences.size(), "sentence"), out);
        return Main.OK;
    }
}
