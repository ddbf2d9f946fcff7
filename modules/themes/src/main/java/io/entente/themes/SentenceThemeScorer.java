package io.entente.themes;

import io.entente.core.ModelInfo;
import io.entente.core.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores sentences against a codebook: what the theme stage needs from a classifier. The lexicon
 * {@link ThemeClassifier} implements it; the hybrid classifier of modules/semantic does too.
 */
public interface SentenceThemeScorer {

    Codebook codebook();

    /** Scores of one sentence; {@code assigned} marks the themes the sentence carries. */
    List<ThemeClassifier.SentenceScore> score(String text, int start, int end);

    /** Scores of many sentences of one text, in order (a scorer may batch the work). */
    default List<List<ThemeClassifier.SentenceScore>> scoreAll(String text, List<Span> spans) {
        List<List<ThemeClassifier.SentenceScore>> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            out.add(score(text, s.start(), s.end()));
        }
        return out;
    }

    /** Models and files behind the scores, for provenance. */
    default List<ModelInfo> models() {
        Codebook cb = codebook();
        return List.of(new ModelInfo("codebook:" + cb.id(), cb.version()));
    }
}
