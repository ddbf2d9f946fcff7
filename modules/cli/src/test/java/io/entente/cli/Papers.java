package io.entente.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small papers written for these tests (never corpus text), and helpers to run the command and read its outputs. */
final class Papers {
    private Papers() {
    }

    private static final String[] COUNTRIES = {"Japan", "South Korea", "Australia", "Norway", "Vietnam", "the Philippines",
        "Indonesia", "Canada"};

    private static final String[] SENTENCES = {
        "%s and %s agreed to expand joint naval exercises in response to a shared missile threat.",
        "Historical grievances between %s and %s continue to block a lasting defense agreement.",
        "Officials in %s said that a standing consultation mechanism with %s would meet twice a year.",
        "A territorial dispute over a group of islands keeps %s and %s from deeper cooperation.",
        "Both governments, %s and %s, described the alliance as the foundation of regional stability.",
        "Public opinion in %s remains wary of %s, and legislators opposed the intelligence pact.",
        "Trade restrictions imposed by %s on exports to %s strained the security dialogue.",
        "Climate-driven disasters led %s and %s to plan joint humanitarian relief operations.",
    };

    /** Paper {@code i}: a title line, a dateline and a few sentences about two countries. */
    static String paper(int i) {
        StringBuilder b = new StringBuilder("Security Cooperation Note " + (i + 1) + "\n\n");
        b.append(String.format("March %d, %d%n%n", 1 + i % 27, 2000 + i % 20));
        String a = COUNTRIES[i % COUNTRIES.length];
        String c = COUNTRIES[(i * 3 + 1) % COUNTRIES.length];
        if (a.equals(c)) {
            c = COUNTRIES[(i + 1) % COUNTRIES.length];
        }
        for (int k = 0; k < 4; k++) {
            b.append(String.format(SENTENCES[(i + k * 3) % SENTENCES.length], a, c)).append(' ');
        }
        return b.append('\n').toString();
    }

    static List<Path> write(Path dir, int from, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Path p = dir.resolve(String.format("note-%02d.txt", i));
            Files.writeString(p, paper(i));
            out.add(p);
        }
        return out;
    }

    /** Runs the command, capturing stderr. */
    record Run(int status, String err) {
    }

    static Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** The text outputs of a folder (reports, corpus summary), by file name. */
    static TreeMap<String, String> outputs(Path out) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") || name.endsWith(".md") || name.endsWith(".csv")) {
                    m.put(name, Files.readString(p));
                }
            }
        }
        return m;
    }
}
