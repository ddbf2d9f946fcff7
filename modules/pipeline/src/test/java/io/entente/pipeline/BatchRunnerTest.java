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
    void runningOutOfMemoryOnOnePaperSaysWhatToDoAndTheBatchGoesOn() throws Exception {
        Stage hungry = new Stage() {
            @Override
            public String name() {
                return "hungry";
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
                if (d.text().contains("huge")) {
                    throw new OutOfMemoryError("Java heap space"); // (a 16 MB text did this with the launcher's 1 GB heap)
                }
                return d;
            }
        };
        Files.writeString(tmp.resolve("huge.txt"), "A huge paper.");
        Files.writeString(tmp.resolve("small.txt"), "A small paper.");
        RecordingSink sink = new RecordingSink();
        BatchRunner.Summary s = new BatchRunner(Pipeline.of(List.of(hungry)), new DocumentReader(), 1)
                .run(InputFiles.collect(List.of(tmp), Set.of()), sink, (f, done, total) -> { });
        assertEquals(new BatchRunner.Summary(1, 1), s);
        String reason = sink.failed.get("huge");
        assertTrue(reason.startsWith(tmp.resolve("huge.txt") + ": out of memory analyzing it (13 bytes) with a heap of "), reason);
        assertTrue(reason.contains("ENTENTE_JAVA_OPTS=-Xmx4g") && reason.contains("--max-bytes"), reason);
    }

    @Test
    void threadsMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRunner(Pipeline.of(List.of(FRAGILE)), new DocumentReader(), 0));
    }
}
