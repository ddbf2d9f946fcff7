package io.entente.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.entente.core.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Stanford CoreNLP's CRF named-entity classifier run alone on Entente's tokens (no CoreNLP
 * tokenizer, SUTime or rule layers). The classifier is loaded once and is safe for concurrent
 * classification: each call builds its own label list.
 */
final class NerTagger {
    private final CRFClassifier<CoreLabel> classifier;

    NerTagger(String model) {
        this.classifier = CRFClassifier.getClassifierNoExceptions(model);
    }

    /** One tag per token: PERSON, ORGANIZATION, LOCATION, MISC, ... or O. */
    String[] tag(List<Token> tokens) {
        List<CoreLabel> labels = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            CoreLabel l = new CoreLabel();
            String w = normalize(t.text());
            l.setWord(w);
            l.setValue(w);
            l.setOriginalText(t.text());
            l.setBeginPosition(t.start());
            l.setEndPosition(t.end());
            labels.add(l);
        }
        List<CoreLabel> out = classifier.classifySentence(labels);
        String[] tags = new String[tokens.size()];
        for (int i = 0; i < tags.length; i++) {
            String a = out.get(i).get(CoreAnnotations.AnswerAnnotation.class);
            tags[i] = a == null ? "O" : a;
        }
        return tags;
    }

    /**
     * The CRF models were trained on PTB-style text: straight quotes and ASCII dashes read best, and a
     * possessive is a token of its own there, so "Trump’s" is shown to the model as "Trump" (an unknown
     * word "Trump's" loses the name's features).
     */
    static String normalize(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            b.append(GazToken.fold(w.charAt(i)));
        }
        int n = b.length();
        if (n > 2 && b.charAt(n - 2) == '\'' && (b.charAt(n - 1) == 's' || b.charAt(n - 1) == 'S')
                && Character.isLetter(b.charAt(n - 3))) {
            b.setLength(n - 2);
        }
        return b.toString();
    }
}
