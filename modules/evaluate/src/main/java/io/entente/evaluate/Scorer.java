package io.entente.evaluate;

import io.entente.gold.GoldDocument;

import io.entente.gold.Counts;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores one analyzed document against its gold file.
 * <ul>
 *   <li>Entities: per-document sets. Countries by code, states and former states only: the codebook's
 *   COUNTRY is a state, so a territory with its own code (Hong Kong, Guam), which the report keeps as
 *   {@code kind: territory}, is not scored either way; organizations and people by normalized name,
 *   matched one-to-one, exact matches first, then lenient containment (one name's words inside the
 *   other's). A prediction that matches an {@code optional} entry counts neither way.</li>
 *   <li>Themes per document: the set of themes.</li>
 *   <li>Themes per sentence: a gold sentence's themes against the union of the themes of the
 *   predicted sentences that overlap at least half of it.</li>
 *   <li>Scores kept for calibration and salience: per gold sentence the evidence scores of those same
 *   predicted sentences, and the report's document score of every theme.</li>
 * </ul>
 */
public final class Scorer {
    private Scorer() {
    }

    /**
     * The outcome for one document.
     *
     * @param sentences   every gold sentence with the scores the prediction gave it
     * @param themeScores the predicted document score of every theme the report names
     */
    public record Result(String id, Map<EntityType, Counts> entities, Map<EntityType, List<String>> missed,
                         Map<EntityType, List<String>> spurious, Map<String, Counts> documentThemes,
                         Map<String, Counts> sentenceThemes, Map<String, Integer> confusions,
                         List<ScoredSentence> sentences, Map<String, Double> themeScores) {
        public Result {
            sentences = List.copyOf(sentences);
            themeScores = Map.copyOf(themeScores);
        }

        /** Per theme, the share of the gold sentences that carry it (themes no gold sentence carries are absent). */
        public Map<String, Double> goldShares() {
            Map<String, Integer> carrying = new TreeMap<>();
            sentences.forEach(s -> s.gold().forEach(t -> carrying.merge(t, 1, Integer::sum)));
            Map<String, Double> out = new TreeMap<>();
            carrying.forEach((t, n) -> out.put(t, n / (double) sentences.size()));
            return out;
        }
    }

    /**
     * A gold sentence's themes and the scores of the predicted sentences matched to it: per theme,
     * the highest evidence score among the predicted sentences that overlap at least half of it
     * (the same match as the sentence-level counts); themes without such evidence are absent (score 0).
     */
    public record ScoredSentence(Set<String> gold, Map<String, Double> predicted) {
        public ScoredSentence {
            gold = Set.copyOf(gold);
            predicted = Map.copyOf(predicted);
        }

        public double score(String theme) {
            return predicted.getOrDefault(theme, 0.0);
        }
    }

    public static Result score(Document doc, GoldDocument gold) {
        Map<EntityType, Counts> entities = new TreeMap<>();
        Map<EntityType, List<String>> missed = new TreeMap<>();
        Map<EntityType, List<String>> spurious = new TreeMap<>();
        for (EntityType type : EntityType.values()) {
            Set<String> predicted = new LinkedHashSet<>();
            for (Entity e : doc.entities()) {
                if (e.type() == type && !"territory".equals(e.kind())) {
                    predicted.add(type == EntityType.COUNTRY ? e.code() : e.canonical());
                }
            }
            List<String> miss = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            if (gold.entitiesLabelled()) { // a file without entity labels scores themes only
                entities.put(type, matchEntities(type, predicted, gold.entities().get(type), gold.optional().get(type), miss, extra));
            }
            missed.put(type, miss);
            spurious.put(type, extra);
        }

        Map<String, Counts> docThemes = new TreeMap<>();
        Set<String> predictedThemes = new HashSet<>();
        doc.themes().forEach(t -> predictedThemes.add(t.id()));
        addSetCounts(docThemes, predictedThemes, gold.themes());

        Map<Integer, Set<String>> themesOfSentence = new HashMap<>();
        Map<Integer, Map<String, Double>> scoresOfSentence = new HashMap<>();
        Map<String, Double> themeScores = new TreeMap<>();
        for (ThemeResult t : doc.themes()) {
            themeScores.put(t.id(), t.score());
            for (int s : t.sentences()) {
                themesOfSentence.computeIfAbsent(s, k -> new HashSet<>()).add(t.id());
            }
            for (ThemeEvidence e : t.evidence()) {
                scoresOfSentence.computeIfAbsent(e.sentence(), k -> new HashMap<>()).merge(t.id(), e.score(), Math::max);
            }
        }
        List<ScoredSentence> scored = new ArrayList<>();
        Map<String, Counts> sentThemes = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        for (GoldDocument.GoldSentence g : gold.sentences()) {
            Set<String> pred = new HashSet<>();
            Map<String, Double> predScores = new TreeMap<>();
            int length = g.end() - g.start();
            for (Sentence s : doc.sentences()) {
                int overlap = Math.min(s.end(), g.end()) - Math.max(s.start(), g.start());
                if (overlap > 0 && 2 * overlap >= length) {
                    pred.addAll(themesOfSentence.getOrDefault(s.index(), Set.of()));
                    scoresOfSentence.getOrDefault(s.index(), Map.of()).forEach((t, v) -> predScores.merge(t, v, Math::max));
                }
            }
            scored.add(new ScoredSentence(g.themes(), predScores));
            addSetCounts(sentThemes, pred, g.themes());
            for (String p : pred) {
                if (!g.themes().contains(p)) {
                    Set<String> missing = new HashSet<>(g.themes());
                    missing.removeAll(pred);
                    if (missing.isEmpty()) {
                        confusions.merge("(none) -> " + p, 1, Integer::sum);
                    }
                    for (String m : missing) {
                        confusions.merge(m + " -> " + p, 1, Integer::sum);
                    }
                }
            }
        }
        return new Result(gold.id(), entities, missed, spurious, docThemes, sentThemes, confusions, scored, themeScores);
    }

    private static void addSetCounts(Map<String, Counts> into, Set<String> predicted, Set<String> gold) {
        for (String p : predicted) {
            into.merge(p, gold.contains(p) ? new Counts(1, 0, 0) : new Counts(0, 1, 0), Counts::plus);
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                into.merge(g, new Counts(0, 0, 1), Counts::plus);
            }
        }
    }

    static Counts matchEntities(EntityType type, Set<String> predicted, Set<String> gold, Set<String> optional,
                                List<String> missed, List<String> spurious) {
        if (type == EntityType.COUNTRY) {
            int tp = 0;
            for (String p : predicted) {
                if (gold.contains(p)) {
                    tp++;
                } else if (!optional.contains(p)) {
                    spurious.add(p);
                }
            }
            for (String g : gold) {
                if (!predicted.contains(g)) {
                    missed.add(g);
                }
            }
            return new Counts(tp, spurious.size(), missed.size());
        }
        List<String> pred = new ArrayList<>(predicted);
        List<String> gl = new ArrayList<>(gold);
        boolean[] predUsed = new boolean[pred.size()];
        boolean[] goldUsed = new boolean[gl.size()];
        int tp = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < gl.size(); i++) {
                if (goldUsed[i]) {
                    continue;
                }
                for (int j = 0; j < pred.size(); j++) {
                    if (!predUsed[j] && (pass == 0 ? normalize(gl.get(i)).equals(normalize(pred.get(j)))
                            : lenient(gl.get(i), pred.get(j)))) {
                        goldUsed[i] = true;
                        predUsed[j] = true;
                        tp++;
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < gl.size(); i++) {
            if (!goldUsed[i]) {
                missed.add(gl.get(i));
            }
        }
        for (int j = 0; j < pred.size(); j++) {
            if (predUsed[j]) {
                continue;
            }
            boolean isOptional = false;
            for (String o : optional) {
                if (lenient(o, pred.get(j))) {
                    isOptional = true;
                    break;
                }
            }
            if (!isOptional) {
                spurious.add(pred.get(j));
            }
        }
        return new Counts(tp, spurious.size(), missed.size());
    }

    /** Equal after normalization, or one name's words stand contiguously inside the other's. */
    static boolean lenient(String a, String b) {
        String x = " " + normalize(a) + " ";
        String y = " " + normalize(b) + " ";
        return x.contains(y) || y.contains(x);
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("&", " and ");
        n = n.replaceAll("'s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return n.replaceAll("^the ", "");
    }
}
