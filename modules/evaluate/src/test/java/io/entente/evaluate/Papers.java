package io.entente.evaluate;

import io.entente.gold.GoldDocument;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Polarity;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Made-up scored papers for the evaluation tests: one gold sentence per predicted sentence, same spans. */
final class Papers {
    private Papers() {
    }

    /**
     * A paper scored against its gold file.
     *
     * @param gold      each sentence's gold themes
     * @param predicted each sentence's predicted evidence scores by theme
     * @param docScores the report's document score of each theme it names (themes with evidence but
     *                  without an entry here get 0.5)
     */
    static Scorer.Result paper(String id, List<Set<String>> gold, List<Map<String, Double>> predicted,
                               Map<String, Double> docScores) {
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        List<GoldDocument.GoldSentence> goldSentences = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            int start = text.length();
            text.append("Made-up sentence number ").append(i).append('.');
            sentences.add(new Sentence(i, start, text.length(), List.of()));
            goldSentences.add(new GoldDocument.GoldSentence(start, text.length(), gold.get(i)));
            text.append(' ');
        }
        Set<String> themeIds = new TreeSet<>(docScores.keySet());
        predicted.forEach(m -> themeIds.addAll(m.keySet()));
        List<ThemeResult> themes = new ArrayList<>();
        for (String t : themeIds) {
            List<Integer> carrying = new ArrayList<>();
            List<ThemeEvidence> evidence = new ArrayList<>();
            for (int i = 0; i < predicted.size(); i++) {
                Double score = predicted.get(i).get(t);
                if (score != null) {
                    Sentence s = sentences.get(i);
                    carrying.add(i);
                    evidence.add(new ThemeEvidence(i, s.start(), s.end(), s.text(text.toString()), score, List.of(), List.of()));
                }
            }
            themes.add(new ThemeResult(t, Polarity.DRIVER, t, docScores.getOrDefault(t, 0.5), carrying, evidence, List.of()));
        }
        Document doc = new Document(new DocumentInfo(id, id + ".txt", id, null, "0"), text.toString(), sentences, List.of(),
                themes, EnumSet.of(Layer.TEXT, Layer.SENTENCES, Layer.THEMES));
        Map<EntityType, Set<String>> none = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            none.put(type, Set.of());
        }
        return Scorer.score(doc, new GoldDocument(id, text.toString(), goldSentences, none, none));
    }

    /** A paper whose {@code n} sentences all carry {@code theme} in gold, the first {@code hits} of them predicted. */
    static Scorer.Result themeHits(String id, String theme, int n, int hits) {
        List<Set<String>> gold = new ArrayList<>();
        List<Map<String, Double>> predicted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gold.add(Set.of(theme));
            predicted.add(i < hits ? Map.of(theme, 0.9) : Map.of());
        }
        return paper(id, gold, predicted, new TreeMap<>());
    }
}
