package io.entente.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the papers under the paths a user gives and assigns each a unique, file-name-safe id. */
public final class InputFiles {
    /** Extensions read in folders (the content decides the format; see {@link FormatDetector}). */
    public static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "text", "pdf", "docx", "html", "htm");

    /** A paper to read and the id its reports will carry. */
    public record InputFile(Path path, String id) {
    }

    private InputFiles() {
    }

    /**
     * Expands files and folders (recursively, in sorted order) into input files. A file named
     * explicitly is taken whatever its extension; in folders only {@link #EXTENSIONS} count.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<InputFile> collect(List<Path> paths, Set<String> reservedIds) throws NoSuchFileException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString(), null, "no such file or directory");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::hasKnownExtension)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else {
                files.add(p);
            }
        }
        Set<String> used = new HashSet<>();
        reservedIds.forEach(r -> used.add(r.toLowerCase(Locale.ROOT)));
        Set<Path> seen = new HashSet<>();
        List<InputFile> out = new ArrayList<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) {
                continue;
            }
            String base = idFor(f);
            String id = base;
            for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = base + "-" + n;
            }
            out.add(new InputFile(f, id));
        }
        return out;
    }

    static boolean hasKnownExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The file name without its extension, reduced to letters, digits, '-', '_' and '.', so that
     * an id can never name a path outside the output folder.
     */
    public static String idFor(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.{2,}", ".")
                .replaceAll("^[.-]+|[.-]+$", "");
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return safe.isEmpty() ? "document" : safe;
    }
}
