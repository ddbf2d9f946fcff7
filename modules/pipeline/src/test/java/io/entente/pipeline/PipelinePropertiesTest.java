package io.entente.pipeline;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Entity;
import io.entente.core.Mention;
import io.entente.core.Pipeline;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.core.Token;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The whole pipeline on random text: nothing escapes, every span lies within the text, sentences
 * are ordered and do not overlap, every sentence, token and mention has start &lt; end.
 */
class PipelinePropertiesTest {
    private static Pipeline pipeline;

    @BeforeContainer
    static void build() {
        pipeline = StandardPipeline.build(PipelineConfig.defaults()).pipeline();
    }

    /** Words of the domain mixed with noise, punctuation, abbreviations and every kind of white space. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of("Japan", "South Korea", "ROK", "U.S.", "Dr.", "Chung", "Seoul", "Tokyo",
                "North Korea's", "missile", "launch", "comfort women", "alliance", "Ministry of National Defense",
                "Korea Military Academy", "(Ret.)", "No. 2", "GSOMIA", "Dokdo/Takeshima", "the", "and", "of", "trust",
                ".", ",", "?", "!", "\"", "\u201C", "\u201D", "[1]", "\n", "\n\n", "\u00A0", "\u00A0\n", "\t", "\r\n",
                "\u2019s", "-", "\u2013", "\uFEFF", "\u200B", "\uD83D\uDE00", "…");
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.oneOf(words, words, words, noise).list().ofMaxSize(120)
                .map(parts -> String.join(" ", parts));
    }

    @Property(tries = 150)
    void spansAlwaysLieWithinTheText(@ForAll("texts") String text) {
        Document d = pipeline.process(Document.of(new DocumentInfo("p", "p", null, null, "0"), text));
        int n = text.length();
        int previousEnd = 0;
        for (Sentence s : d.sentences()) {
            check(s.start() < s.end() && s.start() >= previousEnd && s.end() <= n, "sentence " + s.start() + "-" + s.end());
            previousEnd = s.end();
            for (Token t : s.tokens()) {
                check(t.start() < t.end() && t.start() >= s.start() && t.end() <= s.end(), "token " + t);
                check(t.text().equals(text.substring(t.start(), t.end())), "token text " + t);
            }
        }
        for (Entity e : d.entities()) {
            for (Mention m : e.mentions()) {
                check(m.start() < m.end() && m.end() <= n, "mention " + m);
                check(m.text().equals(text.substring(m.start(), m.end())), "mention text " + m);
                check(m.sentence() >= 0 && m.sentence() < d.sentences().size(), "mention sentence " + m);
            }
        }
        for (ThemeResult t : d.themes()) {
            for (ThemeEvidence e : t.evidence()) {
                check(e.start() < e.end() && e.end() <= n, "evidence " + e.start() + "-" + e.end());
                check(e.score() >= 0 && e.score() <= 1, "evidence score " + e.score());
            }
            check(t.score() >= 0 && t.score() <= 1, "theme score " + t.score());
        }
    }

    @Property(tries = 50)
    void sameInputGivesTheSameDocument(@ForAll("texts") String text) {
        Document a = pipeline.process(Document.of(new DocumentInfo("p", "p", null, null, "0"), text));
        Document b = pipeline.process(Document.of(new DocumentInfo("p", "p", null, null, "0"), text));
        check(a.equals(b), "pipeline output differs between two runs");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

}
