package io.entente.themes;

import io.entente.core.CooperationPair;
import io.entente.core.CueMatch;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Mention;
import io.entente.core.Modality;
import io.entente.core.ModelInfo;
import io.entente.core.Sentence;
import io.entente.core.Stage;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies every sentence against the codebook and gathers, per theme, the evidence sentences,
 * a document score and the countries involved; then names the document's main cooperation pair(s)
 * ({@link CooperationPairs}).
 *
 * <p><b>Actors.</b> An evidence sentence's actors are the countries it names (in order of mention)
 * and those its references point back to ({@code models/themes/references.tsv}): "the two
 * countries", "both sides", "each other", "bilateral" stand for the last two countries named
 * together in the preceding {@value #REFERENCE_WINDOW} sentences (the highest-ranked pair among
 * them, keeping the one country the sentence itself names), else the document's main pair; "the
 * three countries" for the main trilateral group (else the last three named together nearby); "the
 * common ally" for the group's member outside the pair. A sentence that names two countries itself
 * needs no resolution of a pair reference. Capitals and demonyms are countries already (entity layer).
 *
 * <p><b>Modality.</b> Each evidence sentence is {@code negated} when every cue of the theme in it is
 * negated (codebook negators within the negation window), else {@code hypothetical} or
 * {@code recommended} by the phrases of {@code models/themes/modality.tsv} (or a final '?'), else
 * {@code stated}; precedence negated &gt; hypothetical &gt; recommended &gt; stated.
 *
 * <p><b>Scores.</b> A theme's document {@code score} is its salience: the mean over the document's
 * argument sentences (not author boxes, references or notes) of their score for the theme, evidence weighted by modality ({@code w(m_i) * s_i}) and other
 * sentences by their (sub-threshold) score, so that it grows with how much of the paper argues the theme
 * (for the learned scorer, whose scores are calibrated probabilities, it is the expected share of the
 * paper's sentences that carry the theme). Its {@code presence} is the noisy-or of the evidence,
 * {@code 1 - prod(1 - w(m_i) * s_i)}, with the codebook's {@code settings.modalityWeights}
 * (default stated 1.0, recommended 0.8, hypothetical 0.5, negated 0.0). A theme whose evidence all
 * weighs 0 (by default: only negated evidence, "there is no territorial dispute between them") is
 * left out of the document's themes; a listed theme keeps all its evidence, negated sentences included.
 *
 * <p>Uses the entity layer for actors when it is present.
 */
public final class ThemeStage implements Stage {
    /** How many preceding sentences a pair reference looks back for two countries named together. */
    static final int REFERENCE_WINDOW = 3;

    private final SentenceThemeScorer classifier;
    private final References references;
    private final ModalityCues modality;

    public ThemeStage(ThemeConfig config) {
        this(new ThemeClassifier(CodebookLoader.load(config.codebook())), References.load(config.references()),
                ModalityCues.load(config.modality()));
    }

    /** A stage with the packaged reference and modality phrases and any sentence scorer (lexicon or hybrid). */
    public ThemeStage(SentenceThemeScorer classifier) {
        this(classifier, References.load(null), ModalityCues.load(null));
    }

    public ThemeStage(SentenceThemeScorer classifier, References references, ModalityCues modality) {
        this.classifier = classifier;
        this.references = references;
        this.modality = modality;
    }

    public Codebook codebook() {
        return classifier.codebook();
    }

    /** The scorer behind this stage (e.g. to reach a learned scorer's encoder and its cache). */
    public SentenceThemeScorer scorer() {
        return classifier;
    }

    @Override
    public String name() {
        return "themes";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.THEMES);
    }

    @Override
    public List<ModelInfo> models() {
        return classifier.models();
    }

    /** The scorer's cache between runs, when it keeps one (the learned classifier's sentence vectors). */
    @Override
    public List<io.entente.core.RunCache> caches() {
        return classifier instanceof io.entente.core.RunCache cache ? List.of(cache) : List.of();
    }

    /** Closes the scorer: the stage owns the scorer it was built with. */
    @Override
    public void close() {
        classifier.close();
    }

    @Override
    public Document process(Document document) {
        String text = document.text();
        Codebook.Settings settings = classifier.codebook().settings();
        List<List<String>> actorsBySentence = actors(document);
        Map<String, List<ThemeEvidence>> evidence = new LinkedHashMap<>();
        for (Codebook.Theme t : classifier.codebook().themes()) {
            evidence.put(t.id(), new ArrayList<>());
        }
        List<List<ThemeScore>> scores = classifier.score(document); // a scorer may batch and look at context
        // Salience: every sentence's score counts, evidence weighted by its modality (a learned scorer
        // gives every sentence a calibrated probability, so this is the expected share of sentences).
        Map<String, Double> mass = new HashMap<>();
        for (Sentence s : document.sentences()) {
            if (!document.isArgument(s.index())) {
                continue; // author boxes, references and notes are no evidence of the paper's argument
            }
            Modality base = null;
            for (ThemeScore sc : scores.get(s.index())) {
                if (sc.assigned()) {
                    if (base == null) {
                        base = modality.of(text, s.start(), s.end());
                    }
                    // negated only when there are cues and all of them are negated (a hybrid score may have none)
                    Modality m = !sc.cues().isEmpty() && sc.cues().stream().allMatch(CueMatch::negated) ? Modality.NEGATED : base;
                    evidence.get(sc.themeId()).add(new ThemeEvidence(s.index(), s.start(), s.end(), s.text(text),
                            round(sc.score()), actorsBySentence.get(s.index()), sc.cues(), m));
                    mass.merge(sc.themeId(), settings.weight(m) * sc.score(), Double::sum);
                } else {
                    mass.merge(sc.themeId(), sc.score(), Double::sum);
                }
            }
        }
        int argued = 0;
        for (Sentence s : document.sentences()) {
            argued += document.isArgument(s.index()) ? 1 : 0;
        }
        int sentenceCount = Math.max(1, argued); // salience is a share of the paper's own argument
        List<ThemeResult> results = new ArrayList<>();
        for (Codebook.Theme t : classifier.codebook().themes()) {
            List<ThemeEvidence> ev = evidence.get(t.id());
            double none = 1;
            boolean counts = false;
            List<Integer> sentences = new ArrayList<>();
            Map<String, Integer> actorCounts = new LinkedHashMap<>();
            for (ThemeEvidence e : ev) {
                double w = settings.weight(e.modality());
                counts |= w > 0;
                none *= 1 - w * e.score();
                sentences.add(e.sentence());
                for (String a : e.actors()) {
                    actorCounts.merge(a, 1, Integer::sum);
                }
            }
            if (!counts) {
                continue; // no evidence, or only evidence that weighs nothing (negated)
            }
            List<String> actors = actorCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            double salience = Math.min(1, mass.getOrDefault(t.id(), 0.0) / sentenceCount);
            results.add(new ThemeResult(t.id(), t.polarity(), t.name(), round(salience), round(1 - none), sentences, ev, actors));
        }
        List<CooperationPair> cooperation = CooperationPairs.compute(actorsBySentence, results);
        return document.withThemes(results).withCooperation(cooperation);
    }

    /**
     * The countries each sentence involves, by sentence index: those it names, in order of first
     * mention, then those its references resolve to (see the class comment).
     */
    List<List<String>> actors(Document document) {
        List<List<String>> own = namedCountries(document);
        CooperationPairs.Main main = CooperationPairs.main(own);
        Map<String, Integer> rank = new HashMap<>();
        for (CooperationPairs.Ranked r : CooperationPairs.rankPairs(own)) {
            rank.put(r.key(), r.sentences());
        }
        String text = document.text();
        List<List<String>> out = new ArrayList<>();
        for (Sentence s : document.sentences()) {
            int i = s.index();
            List<String> named = own.get(i);
            LinkedHashSet<String> actors = new LinkedHashSet<>(named);
            Set<References.Refers> refs = references.find(text, SentenceWords.of(text, s.start(), s.end()));
            if (refs.contains(References.Refers.PAIR) && named.size() < 2) {
                List<String> pair = null;
                for (int j = i - 1; j >= Math.max(0, i - REFERENCE_WINDOW) && pair == null; j--) {
                    if (out.get(j).size() >= 2) {
                        pair = bestPair(out.get(j), named, rank);
                    }
                }
                if (pair == null && main != null) {
                    pair = main.pair().countries();
                }
                if (pair != null) {
                    actors.addAll(pair);
                }
            }
            if (refs.contains(References.Refers.GROUP) && actors.size() < 3) {
                List<String> group = main != null && main.group() != null ? main.group().countries() : null;
                for (int j = i - 1; j >= Math.max(0, i - REFERENCE_WINDOW) && group == null; j--) {
                    if (out.get(j).size() >= 3) {
                        group = out.get(j).subList(0, 3);
                    }
                }
                if (group != null) {
                    actors.addAll(group);
                }
            }
            if (refs.contains(References.Refers.ALLY) && main != null && main.third() != null) {
                actors.add(main.third());
            }
            out.add(List.copyOf(actors));
        }
        return out;
    }

    /**
     * The pair among {@code candidates} (countries named together) that a pair reference means: the
     * document's highest-ranked pair among them, keeping the one country the sentence itself names
     * when it is among them; ties go to the order of mention.
     */
    private static List<String> bestPair(List<String> candidates, List<String> named, Map<String, Integer> rank) {
        String keep = named.size() == 1 && candidates.contains(named.get(0)) ? named.get(0) : null;
        List<String> best = null;
        int bestCount = -1;
        for (int a = 0; a < candidates.size(); a++) {
            for (int b = a + 1; b < candidates.size(); b++) {
                String x = candidates.get(a);
                String y = candidates.get(b);
                if (keep != null && !keep.equals(x) && !keep.equals(y)) {
                    continue;
                }
                int n = rank.getOrDefault(x.compareTo(y) < 0 ? x + "-" + y : y + "-" + x, 0);
                if (n > bestCount) {
                    best = List.of(x, y);
                    bestCount = n;
                }
            }
        }
        return best;
    }

    /** Country codes each sentence names, in order of first mention. */
    private static List<List<String>> namedCountries(Document document) {
        record Hit(int start, String code) {
        }
        Map<Integer, List<Hit>> hits = new HashMap<>();
        for (Entity e : document.entities()) {
            if (e.type() != EntityType.COUNTRY) {
                continue;
            }
            for (Mention m : e.mentions()) {
                if (!document.isArgument(m.sentence())) {
                    continue; // nor are the countries they name actors of its themes or cooperation pairs
                }
                hits.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(new Hit(m.start(), e.code()));
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < document.sentences().size(); i++) {
            List<Hit> list = hits.getOrDefault(i, new ArrayList<>());
            list.sort(Comparator.comparingInt(Hit::start));
            Set<String> codes = new LinkedHashSet<>();
            list.forEach(h -> codes.add(h.code()));
            out.add(List.copyOf(codes));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
