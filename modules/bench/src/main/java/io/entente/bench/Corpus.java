package io.entente.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A reproducible in-memory corpus: N unique documents of about T whitespace tokens each, made of
 * sentences sampled (seeded) from given texts, the same way {@code entente sample} does, but never
 * written to disk.
 */
public final class Corpus {
    /** One synthetic document. */
    public record Doc(String id, String text, int words) {
    }

    private final List<Doc> docs;
    private final int sentencePool;

    private Corpus(List<Doc> docs, int sentencePool) {
        this.docs = List.copyOf(docs);
        this.sentencePool = sentencePool;
    }

    public List<Doc> docs() {
        return docs;
    }

    public int sentencePool() {
        return sentencePool;
    }

    public long words() {
        return docs.stream().mapToLong(Doc::words).sum();
    }

    /** Every sentence of six words or more in the {@code .txt} and {@code .md} files under {@code sources}, in path order. */
    public static List<String> sentences(List<Path> sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path src : sources) {
            if (Files.isDirectory(src)) {
                try (Stream<Path> s = Files.walk(src)) {
                    s.filter(Files::isRegularFile).filter(Corpus::isText).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(src)) {
                files.add(src);
            } else {
                throw new IOException(src + ": no such file or directory");
            }
        }
        List<String> sentences = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\\R")) {
                for (String s : line.split("(?<=[.?!][\"\u201D]?)\\s+(?=[\"\u201C]?[A-Z])")) {
                    String t = s.strip();
                    if (t.split("\\s+").length >= 6) {
                        sentences.add(t);
                    }
                }
            }
        }
        return sentences;
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (n.endsWith(".txt") || n.endsWith(".md")) && !n.equals("README.md");
    }

    public static Corpus sample(List<Path> sources, int count, int tokens, long seed) {
        List<String> sentences;
        try {
            sentences = sentences(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences of six words or more in " + sources);
        }
        return fromSentences(sentences, count, tokens, seed);
    }

    public static Corpus fromSentences(List<String> sentences, int count, int tokens, long seed) {
        Random r = new Random(seed);
        List<Doc> docs = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            StringBuilder b = new StringBuilder();
            b.append("Sample paper ").append(d + 1).append("\n\n");
            int n = 0;
            int words = 3;
            int inParagraph = 0;
            while (n < tokens) {
                String s = sentences.get(r.nextInt(sentences.size()));
                b.append(s);
                int w = s.split("\\s+").length;
                words += w;
                n += w + 2; // punctuation split off words: about two more tokens per sentence
                if (++inParagraph == 5) {
                    b.append("\n\n");
                    inParagraph = 0;
                } else {
                    b.append(' ');
                }
            }
            // The trailer makes every document unique even when sampled sentences repeat.
            b.append("\nDocument ").append(d + 1).append(" of a benchmark sample drawn with seed ").append(seed).append(".\n");
            words += 10;
            docs.add(new Doc(String.format(Locale.ROOT, "bench-%05d", d + 1), b.toString(), words));
        }
        return new Corpus(docs, sentences.size());
    }
}
