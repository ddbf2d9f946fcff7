package io.entente.report;

import io.entente.core.CueMatch;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.ModelInfo;
import io.entente.core.Polarity;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.core.Token;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built documents for the report tests. */
final class Fixtures {
    static final String TEXT = "Korea and Japan face a shared threat. History divides Korea and Japan.";
    static final PipelineInfo PIPELINE = new PipelineInfo("0.1.0", "security-cooperation",
            Resources.sha256("codebook"), List.of(new ModelInfo("opennlp:en-sentence", "1.3.0"),
            new ModelInfo("abbreviations:classpath:models/tokenize/abbreviations.tsv", "0123456789ab")));

    private Fixtures() {
    }

    /** Sentences with one token per word or full stop. */
    static List<Sentence> sentences(String text, int... bounds) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i += 2) {
            List<Token> tokens = new ArrayList<>();
            int s = bounds[i];
            for (int j = bounds[i]; j <= bounds[i + 1]; j++) {
                if (j == bounds[i + 1] || text.charAt(j) == ' ' || text.charAt(j) == '.') {
                    if (j > s) {
                        tokens.add(new Token(s, j, text.substring(s, j)));
                    }
                    if (j < bounds[i + 1] && text.charAt(j) == '.') {
                        tokens.add(new Token(j, j + 1, "."));
                    }
                    s = j + 1;
                }
            }
            out.add(new Sentence(out.size(), bounds[i], bounds[i + 1], tokens));
        }
        return out;
    }

    static Document document() {
        return document("paper", "in/paper.txt", "A Shared Threat", "2019-08-22", 0.75, 0.5);
    }

    static Document document(String id, String source, String title, String date, double driverScore, double obstacleScore) {
        String text = TEXT;
        int s0 = 0;
        int e0 = text.indexOf('.') + 1; // 37
        int s1 = e0 + 1;
        int e1 = text.length();
        List<Sentence> sentences = sentences(text, s0, e0, s1, e1);
        int korea2 = text.indexOf("Korea", s1);
        int japan2 = text.indexOf("Japan", s1);
        Entity korea = new Entity(EntityType.COUNTRY, "South Korea", "KOR",
                List.of(new Mention(0, 5, "Korea", 0, "gazetteer"), new Mention(korea2, korea2 + 5, "Korea", 1, "gazetteer")));
        Entity japan = new Entity(EntityType.COUNTRY, "Japan", "JPN",
                List.of(new Mention(10, 15, "Japan", 0, "gazetteer"), new Mention(japan2, japan2 + 5, "Japan", 1, "gazetteer")));
        Entity person = new Entity(EntityType.PERSON, "Dr. Chung", null, List.of(new Mention(0, 5, "Korea", 0, "ner")));
        int threat = text.indexOf("shared threat");
        ThemeResult driver = new ThemeResult("shared-threat", Polarity.DRIVER, "Shared threat", driverScore, List.of(0),
                List.of(new ThemeEvidence(0, s0, e0, text.substring(s0, e0), driverScore, List.of("KOR", "JPN"),
                        List.of(new CueMatch("shared threat", threat, threat + 13, false)))),
                List.of("KOR", "JPN"));
        int history = text.indexOf("History");
        ThemeResult obstacle = new ThemeResult("history", Polarity.OBSTACLE, "Historical grievances", obstacleScore, List.of(1),
                List.of(new ThemeEvidence(1, s1, e1, text.substring(s1, e1), obstacleScore, List.of("KOR", "JPN"),
                        List.of(new CueMatch("history divides", history, history + 15, false)))),
                List.of("KOR", "JPN"));
        DocumentInfo info = new DocumentInfo(id, source, title, date, Resources.sha256(text));
        return Document.of(info, text).withSentences(sentences, true).withEntities(List.of(korea, japan, person))
                .withThemes(List.of(driver, obstacle));
    }
}
