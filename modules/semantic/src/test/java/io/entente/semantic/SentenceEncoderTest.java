package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceEncoderTest {
    @TempDir
    Path tmp;

    /** One model for the class (loading is the slow part); each test takes a view with a cache of its own. */
    private static final SentenceEncoder MODEL = new SentenceEncoder(0);

    @AfterAll
    static void close() {
        MODEL.close();
    }

    @Test
    void vectorsAre384dUnitVectors() {
        SentenceEncoder enc = MODEL.sharing(100);
        float[][] v = enc.encode(List.of("The navies held a joint exercise.", "", "Prices of rice rose sharply."));
        assertEquals(3, v.length);
        for (float[] x : v) {
            assertEquals(384, x.length);
            assertEquals(1.0, Math.sqrt(Vectors.dot(x, x)), 1e-5);
        }
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        SentenceEncoder enc = MODEL.sharing(100);
        float[][] v = enc.encode(List.of(
                "North Korea fired another ballistic missile into the sea.",
                "Pyongyang launched a new missile test off its coast.",
                "The bakery sells fresh bread and pastries every morning.",
                "Victims of forced labour demand an apology and compensation.",
                "Former wartime workers are suing for reparations and a sincere apology."));
        double sameMissile = Vectors.dot(v[0], v[1]);
        double sameHistory = Vectors.dot(v[3], v[4]);
        assertTrue(sameMissile > Vectors.dot(v[0], v[2]) + 0.2, "missile pair " + sameMissile);
        assertTrue(sameMissile > Vectors.dot(v[0], v[3]), "missile vs history");
        assertTrue(sameHistory > Vectors.dot(v[3], v[2]) + 0.2, "history pair " + sameHistory);
        assertTrue(sameHistory > Vectors.dot(v[4], v[1]), "history vs missile");
    }

    @Test
    void cacheReturnsTheSameVectorAndCountsHits() {
        SentenceEncoder enc = MODEL.sharing(10);
        float[] a = enc.encode("Both governments agreed to open a military hotline.");
        float[] b = enc.encode("Both governments agreed to open a military hotline.");
        assertArrayEquals(a, b);
        assertEquals(1, enc.cacheStats()[0]);
        assertEquals(1, enc.cacheStats()[1]);
        // the uncached encoder computes the same vector: the model is deterministic
        assertArrayEquals(a, MODEL.sharing(0).encode("Both governments agreed to open a military hotline."));
    }

    @Test
    void vectorsMatchLangchain4jsReferenceEmbedding() {
        // SentenceEncoder runs the ONNX session itself (one core per call); the trained model assumes
        // the vectors langchain4j's own class computes from the same jar.
        var reference = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        for (String s : List.of("Seoul and Tokyo have yet to overcome the shadow of the past.",
                "The bakery sells fresh bread.", "")) {
            float[] ours = MODEL.sharing(0).encode(s);
            float[] theirs = Vectors.normalize(reference.embed(s.isBlank() ? "." : s).content().vector());
            assertEquals(1.0, Vectors.dot(ours, theirs), 1e-5, s);
        }
    }

    @Test
    void encodesFromManyThreadsAsFromOne() throws Exception {
        List<String> sentences = List.of("The allies resumed joint drills.", "Trade talks stalled again.",
                "Both sides fear abandonment.", "The summit ended without a statement.");
        float[][] serial = MODEL.sharing(0).encode(sentences);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> futures = new java.util.ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (String s : sentences) {
                    futures.add(pool.submit(() -> MODEL.sharing(0).encode(s)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(serial[i % sentences.size()], futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void diskCacheRoundTrips() {
        SentenceEncoder enc = MODEL.sharing(10);
        float[][] v = enc.encode(List.of("The coast guards met in the harbour.", "A second sentence about tariffs."));
        Path file = tmp.resolve("cache.bin");
        enc.saveCache(file);
        SentenceEncoder other = MODEL.sharing(10);
        other.loadCache(file);
        float[][] w = other.encode(List.of("The coast guards met in the harbour.", "A second sentence about tariffs."));
        assertArrayEquals(v[0], w[0]);
        assertArrayEquals(v[1], w[1]);
        assertEquals(2, other.cacheStats()[0], "both came from the file");
    }

    @Test
    void theModelBelongsToTheEncoderThatLoadedItAndClosesWithIt() {
        SentenceEncoder owner = new SentenceEncoder(0);
        assertFalse(owner.loaded(), "the model loads on first use, not when the encoder is made");
        SentenceEncoder view = owner.sharing(10);
        float[] v = view.encode("The defence ministers met in Singapore.");
        assertTrue(owner.loaded(), "one model for the encoder and its views");
        view.close(); // a view does not own the model
        assertArrayEquals(v, owner.encode("The defence ministers met in Singapore."));
        owner.close();
        owner.close(); // idempotent
        assertFalse(owner.loaded());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> owner.encode("Another sentence."));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> view.encode("Another sentence."), "the view's model is closed too");
        assertArrayEquals(v, view.encode("The defence ministers met in Singapore."), "cached vectors need no model");
    }
}
