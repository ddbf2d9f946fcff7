package io.entente.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
     * What to leave out when walking folders. {@code outputFolders} are never read (nor anything below
     * them), and neither is any folder holding {@code .entente/} (an Entente output folder), so that a
     * rerun never reads its own reports as papers. {@code skipNonPapers} leaves out {@code README*},
     * {@code LICENSE*} and everything under a {@code build/} folder; {@code include} globs bring such
     * files (or files of other extensions) back, {@code exclude} globs drop files. Globs match the path
     * relative to the folder given (with {@code /}), or the file name alone.
     */
    public record Selection(List<Path> outputFolders, List<String> include, List<String> exclude, boolean skipNonPapers) {
        public Selection {
            outputFolders = List.copyOf(outputFolders);
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }

        /** Every file of a known extension (the behaviour of {@link #collect(List, Set)}), output folders still skipped. */
        public static Selection everything() {
            return new Selection(List.of(), List.of(), List.of(), false);
        }

        public static Selection papers(List<Path> outputFolders) {
            return new Selection(outputFolders, List.of(), List.of(), true);
        }

        public Selection with(List<String> newInclude, List<String> newExclude) {
            return new Selection(outputFolders, newInclude, newExclude, skipNonPapers);
        }
    }

    /** The files found, and one note per kind of thing left out (for stderr). */
    public record Collected(List<InputFile> files, List<String> notes) {
        public Collected {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Expands files and folders (recursively, in sorted order) into input files. A file named
     * explicitly is taken whatever its extension; in folders only {@link #EXTENSIONS} count.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<InputFile> collect(List<Path> paths, Set<String> reservedIds) throws NoSuchFileException {
        return collect(paths, reservedIds, Selection.everything()).files();
    }

    /** As {@link #collect(List, Set)}, leaving out what {@code selection} says, with notes on what was left out. */
    public static Collected collect(List<Path> paths, Set<String> reservedIds, Selection selection) throws NoSuchFileException {
        List<Path> files = new ArrayList<>();
        Set<Path> outputs = new HashSet<>();
        selection.outputFolders().forEach(o -> outputs.add(canonical(o)));
        List<PathMatcher> include = matchers(selection.include());
        List<PathMatcher> exclude = matchers(selection.exclude());
        List<String> skippedOutputs = new ArrayList<>();
        List<String> skippedNonPapers = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Map<String, List<String>> otherFormats = new TreeMap<>(); // extension -> files, for one note each
        List<String> brokenLinks = new ArrayList<>();
        List<String> loops = new ArrayList<>();
        List<String> notRegular = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString(), null, "no such file or directory");
            }
            if (Files.isDirectory(p)) {
                if (isOutputFolder(p, outputs)) {
                    skippedOutputs.add(p.toString());
                    continue;
                }
                List<Path> found = new ArrayList<>();
                try {
                    // Links are followed (a paper linked into a folder is read); a link back up the tree is noted, not walked.
                    Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            if (!d.equals(p) && isOutputFolder(d, outputs)) {
                                skippedOutputs.add(d.toString());
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            if (f.getFileName().toString().startsWith(".")) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) { // (links are followed: this one leads nowhere)
                                brokenLinks.add(f + " -> " + linkTarget(f));
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                if (attrs.isOther()) {
                                    notRegular.add(f.toString());
                                }
                                return FileVisitResult.CONTINUE;
                            }
                            Path rel = p.relativize(f);
                            if (matches(exclude, rel)) {
                                excluded.add(f.toString());
                            } else if (matches(include, rel)) {
                                found.add(f);
                            } else if (hasKnownExtension(f)) {
                                if (selection.skipNonPapers() && isNonPaper(rel)) {
                                    skippedNonPapers.add(f.toString());
                                } else {
                                    found.add(f);
                                }
                            } else if (!isSidecar(f)) {
                                otherFormats.computeIfAbsent(extension(f), k -> new ArrayList<>()).add(f.toString());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                loops.add(f.toString());
                            } else {
                                // a folder (or a link to one) it may not read: the rest of the batch goes on
                                unreadable.add(io.entente.core.IoMessages.describe(e));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
                found.stream().sorted().forEach(files::add);
            } else {
                files.add(p);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!skippedOutputs.isEmpty()) {
            notes.add("not reading Entente's output " + (skippedOutputs.size() == 1 ? "folder " : "folders ")
                    + listed(skippedOutputs) + " (an output folder or one holding .entente/)");
        }
        if (!skippedNonPapers.isEmpty()) {
            notes.add("skipped " + plural(skippedNonPapers.size(), "file", "files") + " that are not papers (README*, LICENSE*, "
                    + "build/): " + listed(skippedNonPapers) + "; --include GLOB reads them");
        }
        otherFormats.forEach((ext, skipped) -> notes.add(otherFormatNote(ext, skipped)));
        if (!excluded.isEmpty()) {
            notes.add("excluded by --exclude: " + plural(excluded.size(), "file", "files") + ": " + listed(excluded));
        }
        if (!brokenLinks.isEmpty()) {
            notes.add("skipped " + plural(brokenLinks.size(), "symbolic link", "symbolic links") + " to nothing: "
                    + listed(brokenLinks));
        }
        if (!loops.isEmpty()) {
            notes.add("not following " + plural(loops.size(), "symbolic link", "symbolic links")
                    + " to a folder above it (a loop): " + listed(loops));
        }
        if (!unreadable.isEmpty()) {
            notes.add("cannot read " + (unreadable.size() == 1 ? "a folder" : unreadable.size() + " folders") + ", left out (the "
                    + "reports of papers read from there before are kept): " + listed(unreadable));
        }
        if (!notRegular.isEmpty()) {
            notes.add("skipped " + (notRegular.size() == 1 ? "1 entry that is not a regular file"
                    : notRegular.size() + " entries that are not regular files") + " (named pipes, sockets, devices): " + listed(notRegular));
        }
        Set<String> used = new HashSet<>();
        reservedIds.forEach(r -> used.add(r.toLowerCase(Locale.ROOT)));
        // One document per file on disk: a file reached through a link and by its own path is read once,
        // under its own path when that is among the inputs (the link's otherwise).
        List<Path> reals = files.stream().map(InputFiles::canonical).toList();
        Map<Path, Integer> chosen = new HashMap<>(); // real path -> index of the path read
        for (int i = 0; i < files.size(); i++) {
            Path real = reals.get(i);
            Integer had = chosen.get(real);
            if (had == null || (!isOwnPath(files.get(had), real) && isOwnPath(files.get(i), real))) {
                chosen.put(real, i);
            }
        }
        List<String> sameFile = new ArrayList<>();
        List<InputFile> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            int readIndex = chosen.get(reals.get(i));
            Path read = files.get(readIndex);
            if (readIndex != i) {
                if (!read.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize())) {
                    sameFile.add(f + " (" + read + ")"); // (the same path given twice needs no note)
                }
                continue;
            }
            String base = idFor(f);
            String id = base;
            for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = base + "-" + n;
            }
            out.add(new InputFile(f, id));
        }
        if (!sameFile.isEmpty()) {
            notes.add("read once: " + plural(sameFile.size(), "path leads", "paths lead") + " to a file read under another path: "
                    + listed(sameFile));
        }
        return new Collected(out, notes);
    }

    /** "1 file", "2 files". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String listed(List<String> items) {
        int shown = Math.min(items.size(), 5);
        String s = String.join(", ", items.subList(0, shown));
        return items.size() > shown ? s + ", ... (" + (items.size() - shown) + " more)" : s;
    }

    /**
     * The note for the files of one extension a folder walk left out: named one by one (up to five),
     * with the {@code --include} glob that would read them. Not an error: nobody asked for them by name.
     */
    private static String otherFormatNote(String ext, List<String> skipped) {
        String what = ext.isEmpty() ? "no extension" : "." + ext;
        String glob = ext.isEmpty()
                ? (skipped.size() == 1 ? Path.of(skipped.get(0)).getFileName().toString() : "NAME")
                : "*." + ext;
        if (skipped.size() == 1) {
            return "skipped " + skipped.get(0) + ": not a supported format (" + what + "); --include '" + glob
                    + "' reads it anyway";
        }
        return "skipped " + skipped.size() + " files, not a supported format (" + what + "): " + listed(skipped)
                + "; --include '" + glob + "' reads them anyway";
    }

    /** {@code NAME.meta.json} beside a paper holds its metadata; it is read with the paper, never skipped aloud. */
    private static boolean isSidecar(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".meta.json");
    }

    /** The extension in lower case, without the dot; empty when the name has none. */
    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** An Entente output folder: one of the run's own, or any folder holding {@code .entente/}. */
    static boolean isOutputFolder(Path dir, Set<Path> outputs) {
        return Files.isDirectory(dir.resolve(".entente")) || outputs.contains(canonical(dir));
    }

    /** Whether {@code f} names its file without going through a link. */
    private static boolean isOwnPath(Path f, Path real) {
        return f.toAbsolutePath().normalize().equals(real);
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Project files that are not papers: README*, LICENSE*, and anything under a build/ folder. */
    static boolean isNonPaper(Path relative) {
        String name = relative.getFileName().toString().toUpperCase(Locale.ROOT);
        if (name.startsWith("README") || name.startsWith("LICENSE") || name.startsWith("LICENCE")) {
            return true;
        }
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals("build")) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        }
        return out;
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative) || m.matches(relative.getFileName())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasKnownExtension(Path p) {
        return EXTENSIONS.contains(extension(p));
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
