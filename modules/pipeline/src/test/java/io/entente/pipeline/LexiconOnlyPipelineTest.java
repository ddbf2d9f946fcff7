package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.themes.ThemeScorerProvider;
import org.junit.jupiter.api.Test;

/**
 * The pipeline does not depend on modules/semantic: its tests run without the learned classifier, the
 * sentence encoder or ONNX Runtime on the class path, and a lexicon pipeline works there.
 */
class LexiconOnlyPipelineTest {
    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, LexiconOnlyPipelineTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void aLexiconPipelineRunsWithoutTheSemanticModule() {
        assertFalse(onClassPath("io.entente.semantic.HybridThemeClassifier"), "modules/semantic is on the pipeline's class path");
        assertFalse(onClassPath("ai.onnxruntime.OrtSession"), "ONNX Runtime is on the pipeline's class path");
        StandardPipeline p = StandardPipeline.build(PipelineConfig.defaults());
        String text = "Japan and South Korea agreed to share intelligence on North Korean missile launches.";
        Document d = p.pipeline().process(Document.of(new DocumentInfo("t", "t.txt", null, null, "0"), text));
        assertTrue(d.themes().stream().anyMatch(t -> t.id().equals("threat.shared")), d.themes().toString());
        assertEquals(java.util.List.of("lexicon"), ThemeScorerProvider.registry().names());
        p.close();
    }

    @Test
    void aLearnedClassifierThatIsNotInstalledIsAClearError() {
        PipelineConfig hybrid = PipelineConfig.defaults().withClassifier("hybrid", java.util.Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardPipeline.themeStage(hybrid));
        assertTrue(e.getMessage().contains("no theme classifier named 'hybrid' is installed; available: lexicon"), e.getMessage());
    }
}
