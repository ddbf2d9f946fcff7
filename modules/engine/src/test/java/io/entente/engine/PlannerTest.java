package io.entente.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.entente.report.CorpusSummary;
import io.entente.report.Manifest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path out;

    private record Named(Path path) implements Source {
        @Override
        public Stamp stamp() {
            return new Stamp(3, 7);
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public byte[] sidecar() {
            return null;
        }
    }

    private static Manifest.Entry entry(String id, String source, String sha, String up, String themes) {
        return new Manifest.Entry(id, source, sha, 3, 7, "", up, themes, true,
                new CorpusSummary.Digest(id, source, null, null, 1, 1, List.of(), Map.of(), Map.of()));
    }

    @Test
    void sortsSourcesByWhatChanged() throws Exception {
        Manifest m = Manifest.load(out);
        String sha = Planner.inputHash(new Named(Path.of("/in/a.txt")));
        m.put(entry("a", "/in/a.txt", sha, "up", "th"));          // unchanged
        m.put(entry("b", "/in/b.txt", sha, "up", "old-themes"));  // only the theme stage changed
        m.put(entry("c", "/in/c.txt", sha, "old-up", "th"));      // models before the themes changed
        m.put(entry("gone", "/in/gone.txt", sha, "up", "th"));    // under a root, no longer there
        m.put(entry("other", "/elsewhere/x.txt", sha, "up", "th")); // from inputs not given this time
        for (String id : List.of("a", "b", "c")) {
            Files.writeString(out.resolve(id + ".json"), "{}");
            Files.writeString(out.resolve(id + ".md"), "# " + id);
        }
        Files.createDirectories(io.entente.report.LayerCache.file(out, "b").getParent());
        Files.writeString(io.entente.report.LayerCache.file(out, "b"), "x");
        List<Source> sources = List.of(new Named(Path.of("/in/a.txt")), new Named(Path.of("/in/b.txt")),
                new Named(Path.of("/in/c.txt")), new Named(Path.of("/in/d.txt")));
        Planner.Plan p = Planner.plan(out, m, sources, io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(Path.of("/in")), false, false);
        assertEquals(List.of("c", "d"), p.full().stream().map(Planner.Item::id).toList());
        assertEquals(List.of("b"), p.reclassify().stream().map(Planner.Item::id).toList());
        assertEquals(List.of("a"), p.skipped().stream().map(Planner.Item::id).toList());
        assertEquals(List.of("gone"), p.gone().stream().map(Manifest.Entry::id).toList());
        assertEquals(1, p.kept());
        assertEquals(2, p.identityChanged(), "b and c are redone because of the models, not their input");

        Planner.Plan pruned = Planner.plan(out, m, sources, io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(Path.of("/in")), true, false);
        assertEquals(List.of("gone", "other"), pruned.gone().stream().map(Manifest.Entry::id).sorted().toList());
        Planner.Plan forced = Planner.plan(out, m, sources, io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(Path.of("/in")), false, true);
        assertEquals(4, forced.full().size());
    }

    @Test
    void aFileLeftOutOfTheRunButStillOnDiskKeepsItsDocument(@TempDir Path in) throws Exception {
        // The folder was given again but its files were not collected (e.g. it was skipped as an output folder):
        // "no longer there" must mean the file is gone, not that this run did not read it.
        Path present = Files.writeString(in.resolve("present.txt"), "Tokyo and Seoul share radar data.");
        Manifest m = Manifest.load(out);
        m.put(entry("present", present.toString(), "x", "up", "th"));
        m.put(entry("deleted", in.resolve("deleted.txt").toString(), "x", "up", "th"));
        Planner.Plan p = Planner.plan(out, m, List.of(), io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(in), false, false);
        assertEquals(List.of("deleted"), p.gone().stream().map(Manifest.Entry::id).toList());
        assertEquals(1, p.kept());
        // --prune still drops whatever is not among the inputs, as documented.
        Planner.Plan pruned = Planner.plan(out, m, List.of(), io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(in), true, false);
        assertEquals(List.of("deleted", "present"), pruned.gone().stream().map(Manifest.Entry::id).sorted().toList());
    }

    @Test
    void aFileWhoseExistenceCannotBeToldKeepsItsDocument(@TempDir Path in) throws Exception {
        // A folder on the way that this user may not read makes exists() false though the file is there; so does
        // a name the file system refuses to look up (ENAMETOOLONG), which also works for root, who reads everything.
        Path untellable = in.resolve("x".repeat(300)).resolve("paper.txt");
        assertFalse(Files.exists(untellable) || Files.notExists(untellable), "existence cannot be told");
        Manifest m = Manifest.load(out);
        m.put(entry("untellable", untellable.toString(), "x", "up", "th"));
        m.put(entry("deleted", in.resolve("deleted.txt").toString(), "x", "up", "th"));
        Planner.Plan p = Planner.plan(out, m, List.of(), io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(in), false, false);
        assertEquals(List.of("deleted"), p.gone().stream().map(Manifest.Entry::id).toList());
        assertEquals(1, p.kept());
    }

    @Test
    void anUnchangedDocumentWithAMissingReportFileIsRedoneAndNamed() throws Exception {
        Manifest m = Manifest.load(out);
        String sha = Planner.inputHash(new Named(Path.of("/in/a.txt")));
        for (String id : List.of("a", "b", "c")) {
            m.put(entry(id, "/in/" + id + ".txt", sha, "up", "th"));
            Files.writeString(out.resolve(id + ".json"), "{}");
            Files.writeString(out.resolve(id + ".md"), "# " + id);
        }
        Files.delete(out.resolve("b.md"));
        Files.delete(out.resolve("c.json"));
        List<Source> sources = List.of(new Named(Path.of("/in/a.txt")), new Named(Path.of("/in/b.txt")), new Named(Path.of("/in/c.txt")));
        Planner.Plan p = Planner.plan(out, m, sources, io.entente.pipeline.MetadataSources.none(), "up", "th",
                List.of(Path.of("/in")), false, false);
        assertEquals(List.of("b", "c"), p.full().stream().map(Planner.Item::id).toList());
        assertEquals(List.of("a"), p.skipped().stream().map(Planner.Item::id).toList());
        assertEquals(List.of(out.resolve("b.md"), out.resolve("c.json")), p.missingReports());
        assertEquals(0, p.identityChanged(), "a missing report is not a change of models or options");
    }

    @Test
    void idsStayWithTheirFilesAndNewFilesNeverTakeAnother() throws Exception {
        Manifest m = Manifest.load(out);
        m.put(entry("paper", "/elsewhere/paper.txt", "x", "up", "th"));
        List<Planner.Item> items = Planner.withStableIds(List.of(new Named(Path.of("/in/paper.txt")),
                new Named(Path.of("/in/corpus.txt")), new Named(Path.of("/in/sub/paper.pdf"))), m);
        assertEquals(List.of("paper-2", "corpus-2", "paper-3"), items.stream().map(Planner.Item::id).toList());
    }
}
