package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final String TEXT = "One. Two.";

    /** A stage that records its name when run, waits a little and adds its layers. */
    private record FakeStage(String name, Set<Layer> requires, Set<Layer> provides, List<String> log, long sleepMillis,
                             List<ModelInfo> models) implements Stage {
        FakeStage(String name, Set<Layer> requires, Set<Layer> provides, List<String> log) {
            this(name, requires, provides, log, 0, List.of());
        }

        @Override
        public Document process(Document d) {
            for (Layer l : requires) {
                if (!d.has(l)) {
                    throw new AssertionError(name + " ran before " + l + " was there");
                }
            }
            log.add(name);
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Document out = d;
            if (provides.contains(Layer.SENTENCES)) {
                out = out.withSentences(List.of(new Sentence(0, 0, 4, List.of()), new Sentence(1, 5, 9, List.of())),
                        provides.contains(Layer.TOKENS));
            }
            if (provides.contains(Layer.ENTITIES)) {
                out = out.withEntities(List.of());
            }
            if (provides.contains(Layer.THEMES)) {
                out = out.withThemes(List.of());
            }
            return out;
        }
    }

    private static Document doc() {
        return Document.of(new DocumentInfo("d", "d.txt", null, null, Resources.sha256(TEXT)), TEXT);
    }

    @Test
    void refusesStageWhoseRequirementNoEarlierStageProvides() {
        List<String> log = new ArrayList<>();
        Stage tokenize = new FakeStage("tokenize", Set.of(Layer.TEXT), Set.of(Layer.SENTENCES, Layer.TOKENS), log);
        Stage themes = new FakeStage("themes", Set.of(Layer.SENTENCES, Layer.ENTITIES), Set.of(Layer.THEMES), log);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.of(List.of(tokenize, themes)));
        assertTrue(e.getMessage().contains("'themes'"), e.getMessage());
        assertTrue(e.getMessage().contains("ENTITIES"), "names the missing layer: " + e.getMessage());
        assertTrue(log.isEmpty(), "nothing runs when building");
    }

    @Test
    void refusesStagesInTheWrongOrder() {
        List<String> log = new ArrayList<>();
        Stage entities = new FakeStage("entities", Set.of(Layer.SENTENCES), Set.of(Layer.ENTITIES), log);
        Stage tokenize = new FakeStage("tokenize", Set.of(Layer.TEXT), Set.of(Layer.SENTENCES, Layer.TOKENS), log);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.of(List.of(entities, tokenize)));
        assertTrue(e.getMessage().contains("'entities'"), e.getMessage());
        assertTrue(e.getMessage().contains("SENTENCES"), e.getMessage());
    }

    @Test
    void validChainRunsStagesInOrderAndRecordsTimings() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        List<Stage> stages = List.of(
                new FakeStage("tokenize", Set.of(Layer.TEXT), Set.of(Layer.SENTENCES, Layer.TOKENS), log, 20,
                        List.of(new ModelInfo("opennlp:sent", "1.3"))),
                new FakeStage("entities", Set.of(Layer.SENTENCES, Layer.TOKENS), Set.of(Layer.ENTITIES), log, 0,
                        List.of(new ModelInfo("countries", "abc"))),
                new FakeStage("themes", Set.of(Layer.SENTENCES, Layer.ENTITIES), Set.of(Layer.THEMES), log, 40, List.of()));
        Pipeline p = Pipeline.of(stages);
        assertEquals(stages, p.stages());
        assertEquals(List.of(new ModelInfo("opennlp:sent", "1.3"), new ModelInfo("countries", "abc")), p.models());

        long[] timings = new long[3];
        Document out = p.process(doc(), timings);
        assertEquals(List.of("tokenize", "entities", "themes"), log);
        assertTrue(out.has(Layer.THEMES) && out.has(Layer.ENTITIES) && out.has(Layer.TOKENS));
        assertTrue(timings[0] >= 20_000_000L, "tokenize slept 20 ms: " + timings[0]);
        assertTrue(timings[1] >= 0);
        assertTrue(timings[2] >= 40_000_000L, "themes slept 40 ms: " + timings[2]);

        long[] first = timings.clone();
        p.process(doc(), timings);
        assertTrue(timings[0] >= first[0] + 20_000_000L, "timings accumulate over documents");
        assertTrue(timings[2] >= first[2] + 40_000_000L, "timings accumulate over documents");
        assertEquals(List.of("tokenize", "entities", "themes", "tokenize", "entities", "themes"), log);
    }

    @Test
    void processWithoutTimingsGivesSameResult() {
        List<String> log = new ArrayList<>();
        Pipeline p = Pipeline.of(List.of(
                new FakeStage("tokenize", Set.of(Layer.TEXT), Set.of(Layer.SENTENCES, Layer.TOKENS), log),
                new FakeStage("entities", Set.of(Layer.SENTENCES), Set.of(Layer.ENTITIES), log)));
        Document a = p.process(doc());
        Document b = p.process(doc(), new long[2]);
        assertEquals(a, b);
        assertEquals(List.of("tokenize", "entities", "tokenize", "entities"), log);
    }

    @Test
    void emptyPipelineReturnsDocumentUnchanged() {
        Pipeline p = Pipeline.of(List.of());
        Document d = doc();
        assertEquals(d, p.process(d));
        long[] timings = new long[0];
        assertEquals(d, p.process(d, timings));
        assertArrayEquals(new long[0], timings);
    }

    /** A stage that logs its closing, and fails to close when told to. */
    private record ClosingStage(String name, Set<Layer> provides, List<String> log, boolean fails) implements Stage {
        @Override
        public Set<Layer> requires() {
            return Set.of();
        }

        @Override
        public Document process(Document d) {
            return d;
        }

        @Override
        public void close() {
            log.add("close " + name);
            if (fails) {
                throw new IllegalStateException(name + " failed to close");
            }
        }
    }

    @Test
    void closingThePipelineClosesEveryStageLastFirstEvenWhenOneFails() {
        List<String> log = new ArrayList<>();
        Pipeline p = Pipeline.of(List.of(new ClosingStage("a", Set.of(Layer.SENTENCES), log, true),
                new ClosingStage("b", Set.of(Layer.TOKENS), log, false), new ClosingStage("c", Set.of(), log, true)));
        IllegalStateException e = assertThrows(IllegalStateException.class, p::close);
        assertEquals(List.of("close c", "close b", "close a"), log);
        assertEquals("c failed to close", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("a failed to close", e.getSuppressed()[0].getMessage());
    }
}
