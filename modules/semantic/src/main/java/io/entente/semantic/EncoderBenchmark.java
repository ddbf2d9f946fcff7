package io.entente.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures sentences per second of {@link SentenceEncoder} with 1 and 2 calling threads (cache disabled):
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
        for (int threads : new int[] {1, 2}) {
            SentenceEncoder enc = new SentenceEncoder(0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            int chunk = (n + threads - 1) / threads;
            for (int k = 0; k < threads; k++) {
                List<String> part = sentences.subList(Math.min(n, k * chunk), Math.min(n, (k + 1) * chunk));
                fs.add(pool.submit(() -> enc.encode(part)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "%d thread(s): %d sentences in %.2f s = %.1f sentences/s%n", threads, n, s, n / s);
        }
    }
}
