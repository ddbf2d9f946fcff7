package io.entente.interop;

import io.entente.core.Resources;
import io.entente.core.registry.Registry;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookException;
import io.entente.themes.CodebookLoader;
import io.entente.themes.CodebookWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The installed codebook formats, detection by content, and import as a checked Entente codebook. */
public final class CodebookFormats {
    private CodebookFormats() {
    }

    /** The built-in formats and any registered through {@code META-INF/services}. */
    public static Registry<CodebookFormat> registry() {
        return Registry.load("codebook format", CodebookFormat.class, List.of(new QuantedaFormat(), new WordStatFormat(),
                new LiwcFormat(), new RefiQdaFormat(), new EntenteFormat()));
    }

    /**
     * The format the content says it is in; the file name's ending decides only between formats the content
     * fits equally.
     *
     * @throws InteropException naming the file when no format, or more than one, fits
     */
    public static CodebookFormat detect(Registry<CodebookFormat> formats, String fileName, byte[] content) {
        List<CodebookFormat> best = new ArrayList<>();
        int top = 0;
        for (CodebookFormat f : formats.available()) {
            int d = f.detect(fileName, content);
            if (d > top) {
                top = d;
                best.clear();
            }
            if (d == top && d > 0) {
                best.add(f);
            }
        }
        if (best.size() == 1) {
            return best.get(0);
        }
        throw new InteropException(fileName, "", best.isEmpty()
                ? "not in a codebook format Entente reads (" + String.join(", ", formats.names()) + "); give --format NAME"
                : "could be " + String.join(" or ", best.stream().map(CodebookFormat::name).toList()) + "; give --format NAME");
    }

    /** A codebook file read by a format, written as Entente JSON and checked by the codebook loader. */
    public record Result(CodebookFormat format, Codebook codebook, String json, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Imports {@code file}: detected when {@code format} is null, themes without polarity from {@code polarities}.
     * The result is the JSON that {@code entente codebook validate} accepts (checked here by the same loader).
     */
    public static Result importFile(Registry<CodebookFormat> formats, Path file, String format, PolarityMap polarities) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        CodebookFormat f = format == null ? detect(formats, file.toString(), bytes) : formats.get(format);
        CodebookFormat.Imported imported = f.read(new Resources.Loaded(file.toString(), bytes), polarities);
        List<String> notes = new ArrayList<>(imported.notes());
        if (imported.codebook().settings() == Codebook.Settings.DEFAULTS) {   // the same object: the file had none
            Codebook.Settings d = Codebook.Settings.DEFAULTS;
            notes.add("settings: the file has none; Entente's defaults apply (threshold " + d.threshold()
                    + ", negators " + String.join(", ", d.negators()) + " within " + d.negationWindow() + " words)");
        }
        String json = CodebookWriter.write(imported.codebook());
        Codebook checked;
        try {
            checked = CodebookLoader.parse(new Resources.Loaded(file + " (imported)", json.getBytes(StandardCharsets.UTF_8)));
        } catch (CodebookException e) {
            throw new IllegalStateException("the import of " + file + " gave an invalid codebook: " + e.getMessage(), e);
        }
        return new Result(f, checked, json, notes);
    }

    /** The formats that can write, for {@code --help}. */
    public static List<String> writable(Registry<CodebookFormat> formats) {
        return formats.available().stream().filter(CodebookFormat::canWrite).map(CodebookFormat::name)
                .sorted(Comparator.naturalOrder()).toList();
    }
}
