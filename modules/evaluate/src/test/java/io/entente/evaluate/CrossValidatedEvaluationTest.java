package io.entente.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Layer;
import io.entente.core.Pipeline;
import io.entente.core.Stage;
import io.entente.pipeline.PipelineConfig;
import io.entente.tokenize.TokenizeStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidatedEvaluationTest {
    @TempDir
    Path dir;

    /** A stand-in theme stage that remembers which documents it saw and what it was "trained" without. */
    static final class RecordingStage implements Stage {
        final Set<String> trainedWithout;
        final List<String> seen = new ArrayList<>();

        RecordingStage(Set<String> trainedWithout) {
            this.trainedWithout = Set.copyOf(trainedWithout);
        }

        @Override
        public String name() {
            return "themes";
        }

        @Override
        public Set<Layer> requires() {
            return Set.of(Layer.SENTENCES);
        }

        @Override
        public Set<Layer> provides() {
            return Set.of();
        }

        @Override
        public Document process(Document document) {
            seen.add(document.id());
            return document;
        }
    }

    private void gold(String id, String text) throws Exception {
        Files.writeString(dir.resolve(id + ".txt"), text);
        Files.writeString(dir.resolve(id + ".gold.json"), "{\"id\": \"" + id + "\", \"sentences\": [{\"start\": 0, \"end\": "
                + text.length() + ", \"themes\": [\"threat.shared\"]}], \"entities\": {}}");
    }

    @Test
    void everyDocumentIsClassifiedByAStageTrainedWithoutIt() throws Exception {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            gold(id, "Paper " + id + " says the two navies will exercise together.");
        }
        Map<String, Integer> folds = Map.of("a", 0, "b", 1, "c", 2, "d", 0, "e", 1);
        Pipeline upstream = Pipeline.of(List.<Stage>of(new TokenizeStage(PipelineConfig.defaults().tokenizer())));
        List<RecordingStage> built = new ArrayList<>();
        Evaluation e = Evaluation.crossValidated(upstream, dir, folds, heldOut -> {
            RecordingStage s = new RecordingStage(heldOut);
            built.add(s);
            return s;
        });

        assertEquals(3, built.size(), "one stage per fold");
        Set<String> classified = new TreeSet<>();
        for (RecordingStage s : built) {
            for (String id : s.seen) {
                assertEquals(folds.get(id), folds.get(s.trainedWithout.iterator().next()), "stage of another fold saw " + id);
                assertTrue(s.trainedWithout.contains(id), id + " was in the training set of the stage that classified it");
                classified.add(id);
            }
        }
        assertEquals(Set.of("a", "b", "c", "d", "e"), classified);
        assertEquals(5, e.results().size());
        // the stand-in assigns no theme: every gold theme sentence is a miss
        assertEquals(5, e.sentenceThemes().fn());
        assertEquals(0, e.sentenceThemes().tp());
    }

    @Test
    void aDocumentWithoutAFoldIsAnError() throws Exception {
        gold("a", "One sentence.");
        gold("b", "Another sentence.");
        Pipeline upstream = Pipeline.of(List.<Stage>of(new TokenizeStage(PipelineConfig.defaults().tokenizer())));
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.crossValidated(upstream, dir, Map.of("a", 0), RecordingStage::new));
    }
}
