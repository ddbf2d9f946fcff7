package io.entente.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.entente.core.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stanford CoreNLP's CRF named-entity classifier run alone on Entente's tokens (no CoreNLP
 * tokenizer, SUTime or rule layers). The classifier is loaded once and is safe for concurrent
 * classification: each call builds its own label list.
 */
final class NerTagger {
    // Compiled once: hyphen joins are checked for glued tokens of every document.
    private static final Pattern HYPHEN_PART = Pattern.compile("[\\p{L}-]*\\p{L}[\\p{L}-]*|-");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern GLUED_POSSESSIVE = Pattern.compile("['\u2019][sS]$");

    private final CRFClassifier<CoreLabel> classifier;

    private final Set<String> abbreviatedTitles; // "Prof.", "Gen.": shown to the model with their period

    NerTagger(String model) {
        this(model, Set.of());
    }

    NerTagger(String model, Set<String> abbreviatedTitles) {
        this.classifier = CRFClassifier.getClassifierNoExceptions(model);
        this.abbreviatedTitles = Set.copyOf(abbreviatedTitles);
    }

    /**
     * "Prof" + "." : the tokenizer cut an abbreviated title from its period; the model, which saw "Prof." as one
     * word, read "Prof . Pieter van der Meer of ..." as an organization.
     */
    private boolean titlePeriod(List<Token> tokens, int j) {
        return j + 1 < tokens.size() && tokens.get(j + 1).text().equals(".") && tokens.get(j).end() == tokens.get(j + 1).start()
                && abbreviatedTitles.contains(tokens.get(j).text() + ".");
    }

    /**
     * One tag per token: PERSON, ORGANIZATION, LOCATION, MISC, ... or O. A hyphenated word that the
     * tokenizer cut into glued pieces ("Suk-" + "yeol", "Self" + "-" + "Defense") is shown to the
     * model as the one word it was trained on, and each piece gets that word's tag.
     */
    String[] tag(List<Token> tokens) {
        List<CoreLabel> labels = new ArrayList<>(tokens.size());
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int j = i;
            if (titlePeriod(tokens, j)) {
                j++;
            }
            while (j + 1 < tokens.size() && hyphenJoin(tokens, j)) {
                j++;
            }
            StringBuilder word = new StringBuilder();
            for (int k = i; k <= j; k++) {
                word.append(tokens.get(k).text());
            }
            CoreLabel l = new CoreLabel();
            String w = normalize(word.toString());
            l.setWord(w);
            l.setValue(w);
            l.setOriginalText(word.toString());
            l.setBeginPosition(tokens.get(i).start());
            l.setEndPosition(tokens.get(j).end());
            labels.add(l);
            groups.add(new int[] {i, j, labels.size() - 1});
            if (w.length() < word.length() && GLUED_POSSESSIVE.matcher(word).find()) {
                // PTB: the possessive is a token of its own; without it "Ecuador Daniel Noboa" reads as one name
                CoreLabel p = new CoreLabel();
                p.setWord("'s");
                p.setValue("'s");
                p.setOriginalText("'s");
                p.setBeginPosition(tokens.get(j).end() - 2);
                p.setEndPosition(tokens.get(j).end());
                labels.add(p);
            }
            i = j + 1;
        }
        List<CoreLabel> out = classifier.classifySentence(labels);
        String[] tags = new String[tokens.size()];
        for (int g = 0; g < groups.size(); g++) {
            String a = out.get(groups.get(g)[2]).get(CoreAnnotations.AnswerAnnotation.class);
            for (int k = groups.get(g)[0]; k <= groups.get(g)[1]; k++) {
                tags[k] = a == null ? "O" : a;
            }
        }
        return tags;
    }

    /** Whether token {@code j + 1} continues token {@code j} across a hyphen, with no space, letters on both sides. */
    private static boolean hyphenJoin(List<Token> tokens, int j) {
        Token a = tokens.get(j);
        Token b = tokens.get(j + 1);
        if (a.end() != b.start()) {
            return false;
        }
        String x = a.text();
        // "Suk-" + "yeol's": a possessive glued to the last piece does not stop the join (the CRF sees the word without it)
        String y = GLUED_POSSESSIVE.matcher(b.text()).replaceFirst("");
        boolean hyphen = x.endsWith("-") || y.startsWith("-");
        boolean letters = HYPHEN_PART.matcher(x).matches() && HYPHEN_PART.matcher(y).matches();
        if (x.equals("-") && y.equals("-")) {
            return false;
        }
        // "Self" + "-" + "Defense": a lone hyphen joins only what has letters on its other side
        if (x.equals("-") && (j == 0 || tokens.get(j - 1).end() != a.start() || !HAS_LETTER.matcher(tokens.get(j - 1).text()).find())) {
            return false;
        }
        if (y.equals("-") && (j + 2 >= tokens.size() || tokens.get(j + 2).start() != b.end())) {
            return false;
        }
        return hyphen && letters;
    }

    /**
     * The CRF models were trained on PTB-style text: straight quotes and ASCII dashes read best, and a
     * possessive is a token of its own there, so "Trump’s" is shown to the model as "Trump" (an unknown
     * word "Trump's" loses the name's features), followed by a token "'s" of its own (see {@link #tag}).
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
