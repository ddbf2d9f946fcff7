package io.entente.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import or export could not carry over, or decided for the user (a default polarity, a
 * renamed key): every such case is one line, so that nothing is dropped silently. Not thread-safe;
 * one per conversion.
 */
public final class Notes {
    private final List<String> lines = new ArrayList<>();

    public void add(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
