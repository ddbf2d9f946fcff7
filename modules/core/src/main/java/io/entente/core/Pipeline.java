package io.entente.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered chain of stages, checked when it is built: every stage's requirements must be met by
 * the text layer and the stages before it. Thread-safe when its stages are. Closing it closes its
 * stages.
 */
public final class Pipeline implements AutoCloseable {
    private final List<Stage> stages;

    private Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public static Pipeline of(List<Stage> stages) {
        Set<Layer> available = EnumSet.of(Layer.TEXT);
        for (Stage stage : stages) {
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            for (Layer l : stage.requires()) {
                if (!available.contains(l)) {
                    missing.add(l);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("stage '" + stage.name() + "' needs " + missing
                        + " but the stages before it provide only " + available);
            }
            available.addAll(stage.provides());
        }
        return new Pipeline(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    public Document process(Document document) {
        Document d = document;
        for (Stage stage : stages) {
            d = stage.process(d);
        }
        return d;
    }

    /** Runs the chain and records the nanoseconds spent in each stage into {@code timings} (same order as stages). */
    public Document process(Document document, long[] timings) {
        Document d = document;
        for (int i = 0; i < stages.size(); i++) {
            long t0 = System.nanoTime();
            d = stages.get(i).process(d);
            timings[i] += System.nanoTime() - t0;
        }
        return d;
    }

    public List<ModelInfo> models() {
        List<ModelInfo> all = new ArrayList<>();
        for (Stage s : stages) {
            all.addAll(s.models());
        }
        return all;
    }

    /**
     * Closes every stage, the last first; a stage that fails to close does not keep the others open
     * (the first failure is thrown, the later ones suppressed into it).
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = stages.size() - 1; i >= 0; i--) {
            try {
                stages.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
