package io.entente.core;

import java.util.List;
import java.util.Set;

/**
 * One step of the pipeline. A stage is built once from its configuration (loading its models
 * then), holds no per-document state and is safe to call from many threads at once. A stage whose
 * models hold native memory or files (an ONNX session) releases them on {@link #close()}: whoever
 * opened the stage closes it, so no model outlives the run that loaded it.
 */
public interface Stage extends AutoCloseable {

    /** A short, stable name, used in logs and timing. */
    String name();

    /** Layers the input document must already have. */
    Set<Layer> requires();

    /** Layers this stage adds. */
    Set<Layer> provides();

    /** Returns the document enriched with this stage's layers. Must not mutate shared state. */
    Document process(Document document);

    /** Models and knowledge files this stage uses, for provenance. */
    default List<ModelInfo> models() {
        return List.of();
    }

    /** Caches this stage keeps between runs; the engine loads and saves them (see {@link RunCache}). */
    default List<RunCache> caches() {
        return List.of();
    }

    /** Releases the stage's models (nothing, by default); the stage is not used afterwards. */
    @Override
    default void close() {
    }
}
