package io.entente.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures sentences per second of {@link SentenceEncoder} (cache disabled) beside langchain4j's own model
 * class on the same ONNX model, with 1 and 2 calling threads:
 * {@code java -cp <semantic jar + dependencies> io.entente.semantic.EncoderBenchmark [SENTENCES]}.
 * Sentences are synthetic (about 25 words each, varied so nothing repeats).
 */
public final class EncoderBenchmark {
    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        String[] subjects = {"The two navies", "Officials in both capitals", "The defence ministers", "Analysts",
            "The new government", "Coast guard units", "Lawmakers", "The alliance managers"};
        String[] verbs = {"agreed to expand", "remain sceptical about", "called for a review of", "warned against",
            "quietly resumed", "postponed talks on", "publicly endorsed", "struggled to finance"};
        String[] objects = {"joint exercises near the disputed islands", "an intelligence-sharing arrangement",
            "the trilateral framework that Washington promoted", "compensation for wartime forced labour",
            "patrols against piracy in distant waters", "export controls on advanced materials",
            "a hotline between the two militaries", "cooperation on missile defence"};
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sentences.add(subjects[i % 8] + " " + verbs[(i / 8) % 8] + " " + objects[(i / 64) % 8]
                    + " in " + (1990 + i % 37) + ", according to report number " + i + " of the series.");
        }
        SentenceEncoder warm = new SentenceEncoder(0);
        warm.encode(sentences.subList(0, Math.min(20, n)));
        // Before: langchain4j's model class (its ONNX session uses every core for each call).
        // After: SentenceEncoder's own session, one core per call, the callers' threads in parallel.
        var langchain4j = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        langchain4j.embed(sentences.get(0));
        System.out.println("| encoder | threads | sentences | seconds | sentences/s |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int threads : new int[] {1, 2}) {
            run("langchain4j AllMiniLmL6V2QuantizedEmbeddingModel", threads, sentences, s -> langchain4j.embed(s));
            SentenceEncoder enc = warm.sharing(0); // the loaded model, no cache: the load is not timed
            run("Entente SentenceEncoder", threads, sentences, enc::encode);
        }
        warm.close();
    }

    private static void run(String name, int threads, List<String> sentences, java.util.function.Consumer<String> embed)
            throws Exception {
        int n = sentences.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            final int first = k;
            fs.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    embed.accept(sentences.get(i));
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.1f |%n", name, threads, n, s, n / s);
    }
}
