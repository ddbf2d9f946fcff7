package io.entente.report.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.entente.core.ModelInfo;
import java.util.List;

/**
 * The provenance block of a document report and of the corpus summary: which pipeline, codebook and
 * models produced it.
 *
 * @param version  the pipeline version
 * @param codebook the codebook's id and SHA-256
 * @param models   every model and knowledge file the stages used, in stage order
 */
@JsonPropertyOrder({"version", "codebook", "models"})
public record ReportPipeline(@JsonProperty(required = true) String version,
                             @JsonProperty(required = true) Codebook codebook,
                             @JsonProperty(required = true) List<ModelInfo> models) {
    public ReportPipeline {
        Fields.nonEmpty(version, "version");
        Fields.required(codebook, "codebook");
        models = Fields.list(models, "models");
        for (int i = 0; i < models.size(); i++) {
            Fields.nonEmpty(models.get(i).name(), "models[" + i + "].name");
            Fields.required(models.get(i).version(), "models[" + i + "].version");
        }
    }

    /** The codebook a report was coded with. */
    @JsonPropertyOrder({"id", "sha256"})
    public record Codebook(@JsonProperty(required = true) String id, @JsonProperty(required = true) String sha256) {
        public Codebook {
            Fields.nonEmpty(id, "id");
            Fields.required(sha256, "sha256");
        }
    }
}
