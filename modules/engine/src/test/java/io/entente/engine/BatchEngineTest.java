package io.entente.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.input.DocumentReader;
import io.entente.pipeline.MetadataSources;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.PipelineSetup;
import io.entente.report.CorpusSummary;
import io.entente.report.PipelineInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over sources that are not local files (as a Spark executor or an object store would
 * feed it), with a writer of its own beside the standard ones.
 */
class BatchEngineTest {
    private static PipelineSetup setup;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadOnce() {
        setup = new PipelineSetup(PipelineConfig.defaults());
        setup.build(); // fails here, not in a worker, if the models are missing
    }

    /** An input held in memory, with a stamp that changes only when the test says so. */
    record MemorySource(Path path, String text, Stamp stamp, Map<Path, Integer> opened) implements Source {
        @Override
        public InputStream open() throws IOException {
            opened.merge(path, 1, Integer::sum);
            if (text == null) {
                throw new IOException("connection reset by the store");
            }
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] sidecar() {
            return null;
        }
    }

    /** Records what the engine hands it. */
    static final class Recorder implements OutputWriter {
        final List<String> written = Collections.synchronizedList(new ArrayList<>());
        final List<String> removed = Collections.synchronizedList(new ArrayList<>());
        final List<Corpus> finished = new ArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void write(Document document, PipelineInfo info) {
            written.add(document.id());
        }

        @Override
        public void remove(String id) {
            removed.add(id);
        }

        @Override
        public String finish(Corpus corpus) {
            finished.add(corpus);
            return "recorded " + corpus.digests().size();
        }
    }

    private final Map<Path, Integer> opened = new ConcurrentHashMap<>();

    private Source paper(String name, String text, long modified) {
        return new MemorySource(Path.of("/store/bucket").resolve(name), text, new Source.Stamp(text == null ? 0 : text.length(), modified), opened);
    }

    private BatchEngine.Result run(Path out, List<Source> sources, Recorder recorder, List<String> lines) throws Exception {
        List<OutputWriter> writers = new ArrayList<>(StandardWriters.of(out));
        writers.add(recorder);
        BatchEngine engine = new BatchEngine(new BatchEngine.Request(sources, out, setup, 2, new DocumentReader(),
                MetadataSources.none(), false, List.of(Path.of("/store/bucket")), false, Map.of(), writers, false), lines::add);
        return engine.run();
    }

    private static final String ALLIES = "Allies in the Pacific\n\nJapan and South Korea agreed to share intelligence on "
            + "missile launches from the North. Both governments see the same threat and want closer defence ties.\n";
    private static final String RIVALS = "Old Wounds\n\nThe dispute over the islands and the memory of the colonial era "
            + "keep Tokyo and Seoul apart. Mutual distrust runs deep in both capitals.\n";

    @Test
    void theEngineRunsWithoutTheSemanticModule() {
        for (String name : List.of("io.entente.semantic.HybridThemeClassifier", "ai.onnxruntime.OrtSession")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, getClass().getClassLoader()),
                    name + " is on the engine's class path");
        }
    }

    @Test
    void analyzesSourcesThatAreNotFilesAndHandsEveryDocumentToEveryWriter() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Recorder rec = new Recorder();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        BatchEngine.Result r = run(out, List.of(paper("allies.txt", ALLIES, 1), paper("rivals.txt", RIVALS, 1)), rec, lines);
        assertEquals(2, r.processed());
        assertEquals(0, r.failed());
        assertEquals(List.of("allies", "rivals"), rec.written.stream().sorted().toList());
        assertTrue(Files.isRegularFile(out.resolve("allies.json")) && Files.isRegularFile(out.resolve("rivals.md")));
        String report = Files.readString(out.resolve("allies.json"));
        assertTrue(report.contains("\"source\" : \"/store/bucket/allies.txt\""), report.substring(0, 400));
        assertTrue(report.contains("threat.shared"), "the lexicon finds the shared threat");
        assertEquals(1, rec.finished.size());
        assertEquals(2, rec.finished.get(0).digests().size());
        assertTrue(r.notes().contains("recorded 2"), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("store ")), r.notes().toString());
    }

    @Test
    void anUnchangedRerunReadsNoContentAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        run(out, List.of(paper("allies.txt", ALLIES, 1)), new Recorder(), new ArrayList<>());
        long before = Files.getLastModifiedTime(out.resolve("corpus.json")).toMillis();
        opened.clear();
        Recorder again = new Recorder();
        BatchEngine.Result r = run(out, List.of(paper("allies.txt", ALLIES, 1)), again, new ArrayList<>());
        assertEquals(1, r.unchanged());
        assertEquals(0, r.processed());
        assertTrue(opened.isEmpty(), "the stamp was the manifest's, yet the content was read: " + opened);
        assertTrue(again.written.isEmpty() && again.finished.isEmpty(), "nothing changed, yet the writers ran");
        assertEquals(before, Files.getLastModifiedTime(out.resolve("corpus.json")).toMillis());

        // A new stamp with the same bytes: hashed again, found unchanged, not analyzed.
        Recorder touched = new Recorder();
        r = run(out, List.of(paper("allies.txt", ALLIES, 2)), touched, new ArrayList<>());
        assertEquals(1, r.unchanged());
        assertEquals(1, opened.get(Path.of("/store/bucket/allies.txt")));
        assertTrue(touched.written.isEmpty());
    }

    @Test
    void aSourceThatCannotBeReadIsRecordedAndTheBatchGoesOn() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Recorder rec = new Recorder();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        BatchEngine.Result r = run(out, List.of(paper("allies.txt", ALLIES, 1), paper("broken.txt", null, 1)), rec, lines);
        assertEquals(1, r.processed());
        assertEquals(1, r.failed());
        assertEquals(List.of("allies"), rec.written);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("entente: skipped /store/bucket/broken.txt: ")
                && l.contains("connection reset by the store")), lines.toString());
        assertEquals(1, rec.finished.get(0).failures().size());
        CorpusSummary.Failure failure = rec.finished.get(0).failures().get(0);
        assertEquals("/store/bucket/broken.txt", failure.path());
        assertTrue(failure.reason().startsWith("cannot read: ") && failure.reason().contains("connection reset by the store"),
                "the reason without the path again: " + failure.reason());
        String corpus = Files.readString(out.resolve("corpus.json"));
        assertTrue(corpus.contains("connection reset by the store"), "the failure is in the summary");
        assertFalse(Files.exists(out.resolve("broken.json")));
    }

    @Test
    void aFailureWhoseFileIsGoneLeavesTheSummaryOnTheNextRun() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        run(out, List.of(paper("allies.txt", ALLIES, 1), paper("broken.txt", null, 1)), new Recorder(), new ArrayList<>());
        assertTrue(Files.readString(out.resolve("corpus.json")).contains("broken.txt"));
        // broken.txt deleted: nothing to analyze, but corpus.json must not go on listing it
        BatchEngine.Result r = run(out, List.of(paper("allies.txt", ALLIES, 1)), new Recorder(), new ArrayList<>());
        assertEquals(0, r.processed());
        assertEquals(0, r.failed());
        String corpus = Files.readString(out.resolve("corpus.json"));
        assertFalse(corpus.contains("broken.txt"), corpus.substring(Math.max(0, corpus.length() - 300)));
        assertTrue(corpus.contains("\"failed\" : 0"), "counts no failure");
        // and from then on an unchanged rerun writes nothing again
        long before = Files.getLastModifiedTime(out.resolve("corpus.json")).toMillis();
        Recorder again = new Recorder();
        run(out, List.of(paper("allies.txt", ALLIES, 1)), again, new ArrayList<>());
        assertTrue(again.finished.isEmpty(), "nothing changed, yet the writers ran");
        assertEquals(before, Files.getLastModifiedTime(out.resolve("corpus.json")).toMillis());
    }

    @Test
    void aDocumentWhoseSourceIsGoneIsRemovedFromEveryWriter() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        run(out, List.of(paper("allies.txt", ALLIES, 1), paper("rivals.txt", RIVALS, 1)), new Recorder(), new ArrayList<>());
        Recorder rec = new Recorder();
        List<String> lines = new ArrayList<>();
        BatchEngine.Result r = run(out, List.of(paper("allies.txt", ALLIES, 1)), rec, lines);
        assertEquals(1, r.removed());
        assertEquals(List.of("rivals"), rec.removed);
        assertFalse(Files.exists(out.resolve("rivals.json")) || Files.exists(out.resolve("rivals.md")));
        assertTrue(lines.contains("entente: removing rivals: /store/bucket/rivals.txt is no longer there"), lines.toString());
        assertEquals(1, r.documents());
    }
}
