package io.entente.report;

import io.entente.core.ModelInfo;
import java.util.List;

/** The provenance block of every report: which pipeline, codebook and models produced it. */
public record PipelineInfo(String version, String codebookId, String codebookSha256, List<ModelInfo> models) {
    public PipelineInfo {
        models = List.copyOf(models);
    }
}
