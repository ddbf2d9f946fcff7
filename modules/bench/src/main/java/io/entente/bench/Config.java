package io.entente.bench;

import io.entente.core.EntityType;
import io.entente.gold.Counts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One configuration under test: loads its models once, then processes the corpus with some threads. */
interface Config {
    /** What one timed pass did. {@code stageNanos} are thread-nanoseconds per stage, summed over workers. */
    record RunStats(long tokens, long sentences, int processed, int failed, Map<String, Long> stageNanos) {
    }

    String name();

    String description();

    /** Loads every model (timed by the caller). */
    void load() throws Exception;

    /** Untimed work on the corpus before the timed runs (e.g. the layers a stage under test needs). */
    default void prepare(List<Corpus.Doc> docs) throws Exception {
    }

    RunStats run(List<Corpus.Doc> docs, int threads) throws Exception;

    /** Entity counts per type on every gold document of {@code goldDir}. */
    Map<EntityType, Counts> evaluate(Path goldDir) throws Exception;

    /** Drops the models, so that the next configuration's heap is its own. */
    void close();
}
