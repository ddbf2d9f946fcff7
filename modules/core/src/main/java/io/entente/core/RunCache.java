package io.entente.core;

import java.nio.file.Path;

/**
 * A component (a stage, or a scorer inside one) that keeps a cache between runs, such as the
 * learned classifier's sentence vectors. The engine that opened the component loads the cache from
 * the output folder's state directory before a batch and saves it after, whatever the component
 * is: no engine needs to know which components cache.
 */
public interface RunCache {

    /** The cache's file name inside the state directory, stable across versions ("embeddings.bin"). */
    String cacheFileName();

    /**
     * Loads the cache from {@code file}; a missing file is an empty cache.
     *
     * @throws RuntimeException when the file is damaged or was made by another model (the engine
     *                          warns and goes on with an empty cache)
     */
    void loadCache(Path file);

    /** Writes the cache to {@code file} atomically. */
    void saveCache(Path file);
}
