package io.entente.themes;

import io.entente.core.CueMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores sentences against a codebook. For each theme, the weights of the distinct cues that match
 * add up to S and the score is {@code 1 - exp(-S)}, in [0, 1); a sentence carries the theme when the
 * score reaches the theme's threshold. A cue preceded by a negator within the window counts with the
 * codebook's negated weight. In a document, headings carry no theme ({@link #score(io.entente.core.Document)}).
 * Immutable and thread-safe.
 */
public final class ThemeClassifier implements SentenceThemeScorer {
    private final Codebook codebook;
    private final List<CompiledTheme> themes;
    private final Set<String> negators;

    private record CompiledCue(Codebook.Cue cue, CuePattern pattern) {
    }

    private record CompiledTheme(Codebook.Theme theme, List<CompiledCue> cues, double threshold) {
    }

    public ThemeClassifier(Codebook codebook) {
        this.codebook = codebook;
        List<CompiledTheme> compiled = new ArrayList<>();
        for (Codebook.Theme t : codebook.themes()) {
            List<CompiledCue> cues = new ArrayList<>();
            for (Codebook.Cue c : t.cues()) {
                cues.add(new CompiledCue(c, CuePattern.compile(c.pattern())));
            }
            double threshold = t.threshold() != null ? t.threshold() : codebook.settings().threshold();
            compiled.add(new CompiledTheme(t, cues, threshold));
        }
        this.themes = List.copyOf(compiled);
        this.negators = new HashSet<>(codebook.settings().negators());
    }

    @Override
    public Codebook codebook() {
        return codebook;
    }

    /**
     * Scores of every sentence of a document. A heading ({@link SegmentShape#headings}: a segment of at most the
     * codebook's {@code headingMaxWords} words without closing punctuation, or the title block before the first
     * terminated sentence) keeps its scores and cues but carries no theme: the codebook's Conventions give
     * headings, datelines and figure titles none.
     */
    @Override
    public List<List<ThemeScore>> score(io.entente.core.Document document) {
        List<List<ThemeScore>> out = new ArrayList<>(document.sentences().size());
        boolean[] heading = SegmentShape.headings(document.sentences().stream()
                .map(s -> document.text().substring(s.start(), s.end())).toList(), codebook.settings().headingMaxWords());
        for (io.entente.core.Sentence s : document.sentences()) {
            List<ThemeScore> scores = score(document.text(), s.start(), s.end());
            if (!scores.isEmpty() && heading[out.size()]) {
                scores = scores.stream().map(t -> new ThemeScore(t.themeId(), t.score(), false, t.cues())).toList();
            }
            out.add(scores);
        }
        return out;
    }

    /** Scores of every theme with at least one matching cue in one sentence, in codebook order. */
    public List<ThemeScore> score(String text, int start, int end) {
        SentenceWords sw = SentenceWords.of(text, start, end);
        Map<String, ThemeScore> out = new LinkedHashMap<>();
        int window = codebook.settings().negationWindow();
        double negatedWeight = codebook.settings().negatedWeight();
        for (CompiledTheme t : themes) {
            double sum = 0;
            List<CueMatch> matches = new ArrayList<>();
            for (CompiledCue c : t.cues()) {
                int[] m = c.pattern().find(sw.words());
                if (m == null) {
                    continue;
                }
                boolean negated = false;
                for (int k = Math.max(0, m[0] - window); k < m[0]; k++) {
                    if (negators.contains(sw.words().get(k))) {
                        negated = true;
                        break;
                    }
                }
                sum += negated ? c.cue().weight() * negatedWeight : c.cue().weight();
                matches.add(new CueMatch(c.cue().pattern(), sw.starts()[m[0]], sw.ends()[m[1]], negated));
            }
            if (!matches.isEmpty()) {
                double score = 1 - Math.exp(-sum);
                out.put(t.theme().id(), new ThemeScore(t.theme().id(), score, score >= t.threshold(), matches));
            }
        }
        return List.copyOf(out.values());
    }
}
