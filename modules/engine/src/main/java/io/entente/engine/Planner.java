package io.entente.engine;

import io.entente.core.Resources;
import io.entente.input.InputFiles;
import io.entente.pipeline.MetadataSources;
import io.entente.report.LayerCache;
import io.entente.report.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a run must do, before any model loads: compares every source with what the output
 * folder's manifest remembers and the run identity, and sorts the sources into those to analyze
 * fully, those whose themes alone are redone from the layer cache, and those that stay; and the
 * manifest's documents into those to remove and those kept from inputs this run was not given.
 */
public final class Planner {
    /** Ids no document may take: the corpus-level outputs. */
    public static final Set<String> RESERVED_IDS = Set.of("corpus", "corpus-themes", "entente");

    private Planner() {
    }

    /** A source with the id it has in the output folder. */
    public record Item(Source source, String id) {
        public InputFiles.InputFile file() {
            return new InputFiles.InputFile(source.path(), id);
        }
    }

    /** An input's identity: its content hash, the stamp that lets a rerun trust it, and its user metadata's hash. */
    public record Stamp(String sha256, long size, long modified, String metadataSha256) {
    }

    /**
     * What a run will do.
     *
     * @param full            sources to read and analyze
     * @param reclassify      sources whose themes alone are redone (only the theme stage's identity changed)
     * @param skipped         sources whose document stays as it is (unless the manifest lost its digest)
     * @param gone            documents to remove: their file was under a root given again and is no longer there
     *                        (or, with prune, is not among the inputs)
     * @param kept            documents made from inputs this run was not given, which stay
     * @param keptStale       of those, how many were made with other models or options
     * @param identityChanged documents redone because models, knowledge files or options changed
     * @param stamps          every source's stamp, by id
     * @param missingReports  report files of otherwise unchanged documents that are gone (those documents are redone)
     */
    public record Plan(List<Item> full, List<Item> reclassify, List<Item> skipped, List<Manifest.Entry> gone,
                       int kept, int keptStale, int identityChanged, Map<String, Stamp> stamps, List<Path> missingReports) {
        /** Whether the run changes no document. */
        public boolean nothingToDo() {
            return full.isEmpty() && reclassify.isEmpty() && gone.isEmpty();
        }
    }

    /** The per-document report files of the standard writers: {@code ID.json} and {@code ID.md}. */
    public static List<Path> standardReports(Path out, String id) {
        return List.of(out.resolve(id + ".json"), out.resolve(id + ".md"));
    }

    /** As {@link #plan(Path, Manifest, List, MetadataSources, String, String, List, boolean, boolean, java.util.function.BiFunction)} with the standard report files. */
    public static Plan plan(Path out, Manifest manifest, List<Source> sources, MetadataSources metadata,
                            String upstreamId, String themesId, List<Path> roots, boolean prune, boolean force)
            throws IOException {
        return plan(out, manifest, sources, metadata, upstreamId, themesId, roots, prune, force, Planner::standardReports);
    }

    /**
     * @param roots   the paths given to the run: a document of an earlier run is removed only when its
     *                file was under one of them and is no longer found on disk (a file that exists but
     *                was left out this run, e.g. skipped as an output folder or excluded, is kept)
     * @param prune   remove every document whose file is not among the sources
     * @param force   analyze every source again
     * @param reports the per-document files a document's outputs consist of (output folder, id): an
     *                unchanged document one of whose files is missing is redone
     */
    public static Plan plan(Path out, Manifest manifest, List<Source> sources, MetadataSources metadata,
                            String upstreamId, String themesId, List<Path> roots, boolean prune, boolean force,
                            java.util.function.BiFunction<Path, String, List<Path>> reports)
            throws IOException {
        List<Item> items = withStableIds(sources, manifest);
        List<Item> full = new ArrayList<>();
        List<Item> reclassify = new ArrayList<>();
        List<Item> skipped = new ArrayList<>();
        Map<String, Stamp> stamps = new HashMap<>();
        Set<String> current = new HashSet<>();
        List<Path> missingReports = new ArrayList<>();
        int identityChanged = 0;
        for (Item item : items) {
            current.add(item.id());
            Manifest.Entry e = manifest.get(item.id());
            Stamp stamp = stamp(item, e, metadata);
            stamps.put(item.id(), stamp);
            boolean sameInput = e != null && e.fileSha256().equals(stamp.sha256()) && e.metadataSha256().equals(stamp.metadataSha256());
            if (force || !sameInput || !e.pipelineVersion().equals(upstreamId)) {
                full.add(item);
            } else if (missing(reports.apply(out, e.id()), missingReports)) {
                full.add(item); // a report file was deleted: redo it (the identity did not change)
                continue;
            } else if (!e.codebookSha256().equals(themesId)) {
                (Files.exists(LayerCache.file(out, e.id())) ? reclassify : full).add(item);
            } else {
                skipped.add(item); // (the digests, a larger file, are read only when the summary is rewritten)
                continue;
            }
            if (!force && sameInput) {
                identityChanged++;
            }
        }
        List<Path> absRoots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        List<Manifest.Entry> gone = new ArrayList<>();
        int kept = 0;
        int keptStale = 0;
        for (Manifest.Entry e : manifest.entries().values()) {
            if (current.contains(e.id())) {
                continue;
            }
            Path src = abs(e.source());
            // Without --prune only a file that is gone from disk drops its document: a file left out of this
            // run (its folder skipped as an output folder, an --exclude) still exists and its reports stay, and so
            // does one whose existence cannot be told (a folder on the way it is not allowed to read): notExists.
            if (prune || (absRoots.stream().anyMatch(src::startsWith) && Files.notExists(src))) {
                gone.add(e);
            } else {
                kept++; // made from inputs this run was not given: additive batches keep them
                if (!e.pipelineVersion().equals(upstreamId) || !e.codebookSha256().equals(themesId)) {
                    keptStale++;
                }
            }
        }
        return new Plan(full, reclassify, skipped, gone, kept, keptStale, identityChanged, stamps, List.copyOf(missingReports));
    }

    /** Whether any of the files is missing; adds those to {@code into}. (A cheap exists check per file.) */
    private static boolean missing(List<Path> files, List<Path> into) {
        boolean any = false;
        for (Path f : files) {
            if (!Files.exists(f)) {
                into.add(f);
                any = true;
            }
        }
        return any;
    }

    public static Path abs(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    /**
     * Ids that stay with their files across runs: a file the manifest knows keeps its id; a new file
     * never takes the id of a document another input made (additive batches would overwrite it).
     */
    static List<Item> withStableIds(List<Source> sources, Manifest manifest) {
        Map<Path, String> known = new HashMap<>();
        for (Manifest.Entry e : manifest.entries().values()) {
            known.put(abs(e.source()), e.id());
        }
        return withStableIds(sources, known);
    }

    /**
     * As {@link #withStableIds(List, Manifest)}, with the ids an earlier run gave, by absolute path
     * (for engines that keep their record of earlier runs elsewhere).
     */
    public static List<Item> withStableIds(List<Source> sources, Map<Path, String> known) {
        Set<String> taken = new HashSet<>();
        RESERVED_IDS.forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
        Set<Path> paths = new HashSet<>();
        sources.forEach(s -> paths.add(s.path().toAbsolutePath().normalize()));
        known.forEach((path, id) -> {
            if (!paths.contains(path)) {
                taken.add(id.toLowerCase(Locale.ROOT));
            }
        });
        String[] ids = new String[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            String id = known.get(sources.get(i).path().toAbsolutePath().normalize());
            if (id != null && taken.add(id.toLowerCase(Locale.ROOT))) {
                ids[i] = id;
            }
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (ids[i] == null) {
                String base = InputFiles.idFor(sources.get(i).path());
                String id = base;
                for (int n = 2; !taken.add(id.toLowerCase(Locale.ROOT)); n++) {
                    id = base + "-" + n;
                }
                ids[i] = id;
            }
            out.add(new Item(sources.get(i), ids[i]));
        }
        return out;
    }

    /**
     * Like git's index: when the source's stamp is the manifest's, the stored hash stands; otherwise
     * the content is hashed.
     */
    private static Stamp stamp(Item item, Manifest.Entry known, MetadataSources metadata) throws IOException {
        String row = metadata.csvFingerprint(item.file());
        String meta = row.isEmpty() ? "" : Resources.sha256(row);
        Source.Stamp s = item.source().stamp();
        if (!s.known()) {
            return new Stamp(inputHash(item.source()), -1, -1, meta);
        }
        if (known != null && known.fileSize() == s.size() && known.fileModified() == s.modified()) {
            return new Stamp(known.fileSha256(), s.size(), s.modified(), meta);
        }
        return new Stamp(inputHash(item.source()), s.size(), s.modified(), meta);
    }

    /** The input's identity: its bytes and its sidecar's. */
    public static String inputHash(Source source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = source.open()) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            byte[] side = source.sidecar();
            if (side != null) {
                md.update((byte) 0);
                md.update(side);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return "unreadable:" + Resources.sha256(source.path().toString()); // the read will report it
        }
    }
}
