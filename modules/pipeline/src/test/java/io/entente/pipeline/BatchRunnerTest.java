package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Layer;
import io.entente.core.Pipeline;
import io.entente.core.Stage;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    @TempDir
    Path tmp;

    /** A stage that fails on documents containing "boom", to show one failure never stops a batch. */
    private static final Stage FRAGILE = new Stage() {
        @Override
        public String name() {
            return "fragile";
        }

        @Override
        public Set<Layer> requires() {
            return Set.of(Layer.TEXT);
        }

        @Override
        public Set<Layer> provides() {
            return Set.of();
        }

        @Override
        public Document process(Document d) {
            if (d.text().contains("boom")) {
                throw new IllegalStateException("exploded");
            }
            return d;
        }
    };

    private static final class RecordingSink implements BatchRunner.Sink {
        final Map<String, Document> ok = new ConcurrentHashMap<>();
        final Map<String, String> failed = new ConcurrentHashMap<>();

        @Override
        public void processed(InputFiles.InputFile file, Document document, List<String> warnings) {
            ok.put(file.id(), document);
        }

        @Override
        public void failed(InputFiles.InputFile file, String reason) {
            failed.put(file.id(), reason);
        }
    }

    @Test
    void oneBrokenPaperNeverStopsTheBatch() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.writeString(tmp.resolve("doc" + i + ".txt"), i == 7 ? "this one goes boom" : "Paper number " + i + ".");
        }
        Files.writeString(tmp.resolve("empty.txt"), "");
        List<InputFiles.InputFile> files = InputFiles.collect(List.of(tmp), Set.of());
        RecordingSink sink = new RecordingSink();
        AtomicInteger progress = new AtomicInteger();
        BatchRunner.Summary s = new BatchRunner(Pipeline.of(List.of(FRAGILE)), new DocumentReader(), 2)
                .run(files, sink, (f, done, total) -> progress.incrementAndGet());
        assertEquals(new BatchRunner.Summary(19, 2), s);
        assertEquals(19, sink.ok.size());
        assertTrue(sink.failed.get("doc7").contains("exploded"), sink.failed.toString());
        assertTrue(sink.failed.get("empty").contains("empty file"), sink.failed.toString());
        assertEquals(21, progress.get());
    }

    @Test
    void threadsMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRunner(Pipeline.of(List.of(FRAGILE)), new DocumentReader(), 0));
    }
}
