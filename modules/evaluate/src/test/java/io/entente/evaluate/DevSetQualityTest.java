package io.entente.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.entente.core.EntityType;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of the first version, measured on ../shared/corpus/dev where it lies (CI has it
 * beside the repository). The bar is a floor the pipeline must keep, not a tuned-in result.
 */
class DevSetQualityTest {
    @Test
    void devSetScoresClearTheBar() throws Exception {
        Path dev = Path.of(System.getProperty("entente.shared", "../../../shared")).resolve("corpus/dev");
        assumeTrue(Files.isDirectory(dev), "no dev corpus at " + dev);
        Evaluation e = Evaluation.run(StandardPipeline.build(PipelineConfig.defaults()).pipeline(), dev);
        String table = e.table(true);
        System.out.println(table);
        assertTrue(e.entities(EntityType.COUNTRY).f1() >= 0.97, table);
        assertTrue(e.entities(EntityType.PERSON).f1() >= 0.92, table);
        assertTrue(e.entities(EntityType.ORGANIZATION).f1() >= 0.80, table);
        assertTrue(e.sentenceThemes().f1() >= 0.60, table);
        assertTrue(e.documentThemes().f1() >= 0.75, table);
    }
}
