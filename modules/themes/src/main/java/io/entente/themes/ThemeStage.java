package io.entente.themes;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Layer;
import io.entente.core.Mention;
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
 * a document score and the countries involved. The document score combines sentence scores as a
 * noisy-or: {@code 1 - prod(1 - s_i)}. Uses the entity layer for actors when it is present.
 */
public final class ThemeStage implements Stage {
    private final ThemeClassifier classifier;

    public ThemeStage(ThemeConfig config) {
        this(new ThemeClassifier(CodebookLoader.load(config.codebook())));
    }

    public ThemeStage(ThemeClassifier classifier) {
        this.classifier = classifier;
    }

    public Codebook codebook() {
        return classifier.codebook();
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
        Codebook cb = classifier.codebook();
        return List.of(new ModelInfo("codebook:" + cb.id(), cb.version()));
    }

    @Override
    public Document process(Document document) {
        String text = document.text();
        Map<Integer, List<String>> actorsBySentence = actors(document);
        Map<String, List<ThemeEvidence>> evidence = new LinkedHashMap<>();
        for (Codebook.Theme t : classifier.codebook().themes()) {
            evidence.put(t.id(), new ArrayList<>());
        }
        for (Sentence s : document.sentences()) {
            for (ThemeClassifier.SentenceScore sc : classifier.score(text, s.start(), s.end())) {
                if (sc.assigned()) {
                    evidence.get(sc.themeId()).add(new ThemeEvidence(s.index(), s.start(), s.end(), s.text(text),
                            round(sc.score()), actorsBySentence.getOrDefault(s.index(), List.of()), sc.cues()));
                }
            }
        }
        List<ThemeResult> results = new ArrayList<>();
        for (Codebook.Theme t : classifier.codebook().themes()) {
            List<ThemeEvidence> ev = evidence.get(t.id());
            if (ev.isEmpty()) {
                continue;
            }
            double none = 1;
            List<Integer> sentences = new ArrayList<>();
            Map<String, Integer> actorCounts = new LinkedHashMap<>();
            for (ThemeEvidence e : ev) {
                none *= 1 - e.score();
                sentences.add(e.sentence());
                for (String a : e.actors()) {
                    actorCounts.merge(a, 1, Integer::sum);
                }
            }
            List<String> actors = actorCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            results.add(new ThemeResult(t.id(), t.polarity(), t.name(), round(1 - none), sentences, ev, actors));
        }
        return document.withThemes(results);
    }

    /** Country codes per sentence, in order of first mention. */
    private static Map<Integer, List<String>> actors(Document document) {
        record Hit(int start, String code) {
        }
        Map<Integer, List<Hit>> hits = new HashMap<>();
        for (Entity e : document.entities()) {
            if (e.type() != EntityType.COUNTRY) {
                continue;
            }
            for (Mention m : e.mentions()) {
                hits.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(new Hit(m.start(), e.code()));
            }
        }
        Map<Integer, List<String>> out = new HashMap<>();
        hits.forEach((sentence, list) -> {
            list.sort(Comparator.comparingInt(Hit::start));
            Set<String> codes = new LinkedHashSet<>();
            list.forEach(h -> codes.add(h.code()));
            out.put(sentence, List.copyOf(codes));
        });
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
