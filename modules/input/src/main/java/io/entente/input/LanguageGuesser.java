package io.entente.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Guesses a text's language with OpenNLP's language detector (the {@code opennlp-models-langdetect}
 * artifact, 103 languages, ISO 639-3 codes). The model is located by the {@code model.properties}
 * manifest its jar carries, loaded once on first use and shared: {@link ThreadSafeLanguageDetectorME}
 * keeps one detector per thread, so {@link #guess} is thread-safe.
 */
public final class LanguageGuesser {
    /** Characters looked at: the first 10,000 are plenty and keep the guess fast on long papers. */
    static final int SAMPLE_CHARS = 10_000;
    /** Texts with fewer letters than this are never refused: guesses on them are unreliable. */
    public static final int MIN_LETTERS = 200;

    /**
     * A guess.
     *
     * @param language          the most likely ISO 639-3 code
     * @param confidence        its probability
     * @param englishConfidence the probability of English
     * @param letters           letters in the sample
     */
    public record Guess(String language, double confidence, double englishConfidence, int letters) {
        /**
         * Long enough to refuse on, and some other language is the clear winner: at least 0.5
         * probability while English has under 0.25 (on English papers English scores above 0.99;
         * mixed texts land in between and are accepted).
         */
        public boolean clearlyNotEnglish() {
            return letters >= MIN_LETTERS && !"eng".equals(language) && confidence >= 0.5 && englishConfidence < 0.25;
        }

        /** The language worth recording in the document's metadata: the winner when it has at least 0.5 probability. */
        public String recorded() {
            return confidence >= 0.5 ? language : null;
        }
    }

    private static final class Holder {
        static final ThreadSafeLanguageDetectorME DETECTOR = load();
    }

    private LanguageGuesser() {
    }

    /** The language of the first {@value #SAMPLE_CHARS} characters of {@code text}, or {@code null} when it has no letters. */
    public static Guess guess(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int letters = (int) sample.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return null;
        }
        Language[] ranked = Holder.DETECTOR.predictLanguages(sample);
        if (ranked.length == 0) {
            return null;
        }
        double english = 0;
        for (Language l : ranked) {
            if ("eng".equals(l.getLang())) {
                english = l.getConfidence();
                break;
            }
        }
        return new Guess(ranked[0].getLang(), ranked[0].getConfidence(), english, letters);
    }

    private static ThreadSafeLanguageDetectorME load() {
        try {
            Enumeration<URL> manifests = LanguageGuesser.class.getClassLoader().getResources("model.properties");
            while (manifests.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = manifests.nextElement().openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("model.name", "");
                if (name.startsWith("langdetect") && name.endsWith(".bin")) {
                    try (InputStream model = LanguageGuesser.class.getClassLoader().getResourceAsStream(name)) {
                        if (model == null) {
                            throw new IllegalStateException("OpenNLP model file missing from the classpath: " + name);
                        }
                        return new ThreadSafeLanguageDetectorME(new LanguageDetectorModel(model));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP's language detector model", e);
        }
        throw new IllegalStateException("no OpenNLP language detector model (langdetect-*.bin) on the classpath: "
                + "is org.apache.opennlp:opennlp-models-langdetect a dependency?");
    }
}
