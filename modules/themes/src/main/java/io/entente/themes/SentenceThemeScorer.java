package io.entente.themes;

import io.entente.core.Document;
import io.entente.core.ModelInfo;
import java.util.List;

/**
 * Scores the sentences of a document against a codebook: what the theme stage needs from a classifier.
 * A scorer sees the whole document (its text, every sentence, and the entity layer when present), so
 * it may use a sentence's neighbours, the document's headings or its partners. The lexicon
 * {@link ThemeClassifier} implements it; the learned classifier of modules/semantic does too.
 * Implementations are immutable and thread-safe. A scorer that holds a resource (the learned one's
 * sentence encoder) releases it on {@link #close()}; whoever created the scorer closes it, once no
 * document is being scored.
 */
public interface SentenceThemeScorer extends AutoCloseable {

    Codebook codebook();

    /**
     * Per sentence of {@code document} (in order), the scores of the themes the scorer has a score for
     * (a learned scorer returns every theme, the lexicon only those with a matching cue).
     */
    List<List<ThemeScore>> score(Document document);

    /** Models and files behind the scores, for provenance. */
    default List<ModelInfo> models() {
        Codebook cb = codebook();
        return List.of(new ModelInfo("codebook:" + cb.id(), cb.version()));
    }

    /** Releases what the scorer holds (nothing, by default); it is not used afterwards. */
    @Override
    default void close() {
    }
}
