package io.entente.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.KnowledgeFileException;
import io.entente.core.Layer;
import io.entente.core.ModelInfo;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenizeStageTest {
    private static TokenizeStage stage;
    private static String seed;

    @BeforeAll
    static void loadOnce() throws IOException {
        stage = new TokenizeStage(TokenizerConfig.defaults());
        Path root = Path.of(System.getProperty("entente.root", "../.."));
        seed = Files.readString(root.resolve("seeds/rok-japan-security-cooperation.txt"), StandardCharsets.UTF_8);
    }

    private static Document process(String text) {
        return stage.process(Document.of(new DocumentInfo("t", "t.txt", null, null, Resources.sha256(text)), text));
    }

    /** The text of each sentence, as text.substring(start, end). */
    private static List<String> sentences(String text) {
        return process(text).sentences().stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    // --- stage contract ---------------------------------------------------------------------------

    @Test
    void declaresLayersAndModels() {
        assertEquals("tokenize", stage.name());
        assertEquals(Set.of(Layer.TEXT), stage.requires());
        assertEquals(Set.of(Layer.SENTENCES, Layer.TOKENS), stage.provides());
        List<ModelInfo> models = stage.models();
        assertEquals(4, models.size(), models.toString());
        assertTrue(models.get(0).name().startsWith("opennlp:") && models.get(0).name().contains("-sentence-"), models.toString());
        assertTrue(models.get(1).name().startsWith("opennlp:") && models.get(1).name().contains("-tokens-"), models.toString());
        assertTrue(models.get(2).name().contains("abbreviations"), models.toString());
        assertTrue(models.get(2).version().matches("[0-9a-f]{12}"), models.get(2).version());
        assertEquals("lexicon:sections", models.get(3).name());
        assertTrue(models.get(3).version().matches("[0-9a-f]{12}"), models.get(3).version());
    }

    @Test
    void addsSentenceAndTokenLayers() {
        Document d = process("The U.S. Army trained there. It left.");
        assertTrue(d.has(Layer.SENTENCES));
        assertTrue(d.has(Layer.TOKENS));
        assertEquals(List.of("The", "U.S.", "Army", "trained", "there", "."),
                d.sentences().get(0).tokens().stream().map(Token::text).toList());
    }

    // --- abbreviations ----------------------------------------------------------------------------

    @Test
    void usMidSentenceDoesNotSplit() {
        String text = "The U.S. Army trained there. It left.";
        List<String> s = sentences(text);
        assertEquals(List.of("The U.S. Army trained there.", "It left."), s);
        assertTrue(s.get(0).contains("U.S. Army"));
    }

    @Test
    void titleBeforeNameDoesNotSplit() {
        assertEquals(List.of("Dr. Chung graduated."), sentences("Dr. Chung graduated."));
    }

    @Test
    void parenthesizedRetiredDoesNotSplit() {
        assertEquals(List.of("Lt Gen (Ret.) Izumi was Vice Chief."), sentences("Lt Gen (Ret.) Izumi was Vice Chief."));
    }

    @Test
    void numberAbbreviationDoesNotSplit() {
        assertEquals(List.of("It is No. 2 on the list."), sentences("It is No. 2 on the list."));
    }

    @Test
    void degreeBeforeLowerCaseDoesNotSplit() {
        String text = "He received his Ph.D. from the University of Maryland.";
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void abbreviationAtSentenceEndBeforeStarterSplitsWhenTheDetectorSplits() {
        assertEquals(List.of("Troops left the U.K.", "However, ships stayed."),
                sentences("Troops left the U.K. However, ships stayed."));
    }

    @Test
    void abbreviationAtSentenceEndBeforeStarterSplits() {
        assertEquals(List.of("He moved to the U.S.", "He stayed."), sentences("He moved to the U.S. He stayed."));
        assertEquals(List.of("He moved to the U.S.", "The move was long."),
                sentences("He moved to the U.S. The move was long."));
    }

    // --- quotations, headings, lines --------------------------------------------------------------

    @Test
    void quotedMultiSentenceQuotationSplits() {
        String text = "\u201CA is true. B is false.\u201D";
        assertEquals(List.of("\u201CA is true.", "B is false.\u201D"), sentences(text));
    }

    @Test
    void headingWithoutFullStopIsItsOwnSentence() {
        assertEquals(List.of("Abstract", "China rose."), sentences("Abstract\n\nChina rose."));
    }

    @Test
    void hardWrappedProseJoins() {
        String text = "The alliance remained strong despite the many\ndisagreements over burden sharing.";
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void hardWrappedProseJoinsBeforeCapitalizedWord() {
        String text = "Security cooperation between the two countries grew after the\nKorean War ended in an armistice.";
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void lineBreakAfterHeadingLineSplits() {
        String text = "Converging Interests and Implications for the United States\n"
                + "The alliance remained strong despite the disagreements.";
        assertEquals(List.of("Converging Interests and Implications for the United States",
                "The alliance remained strong despite the disagreements."), sentences(text));
    }

    @Test
    void lineBreakBeforeShortHeadingLikeLineSplits() {
        String text = "The ministers met in Seoul.\nQuotes from the Paper\nIt is imperative to act.";
        assertEquals(List.of("The ministers met in Seoul.", "Quotes from the Paper", "It is imperative to act."),
                sentences(text));
    }

    @Test
    void lineBreakBeforeLongTitleCaseHeadingSplits() {
        String text = "Why Seoul and Tokyo still struggle to cooperate on security\n"
                + "Converging Interests and Implications for the United States";
        assertEquals(List.of("Why Seoul and Tokyo still struggle to cooperate on security",
                "Converging Interests and Implications for the United States"), sentences(text));
    }

    @Test
    void blankLineParagraphsSplit() {
        assertEquals(List.of("First paragraph ends here", "Second paragraph begins here."),
                sentences("First paragraph ends here\n\nSecond paragraph begins here."));
        assertEquals(List.of("One.", "Two."), sentences("One.\r\n\r\nTwo."));
    }

    /** A text of every kind of line the splitter decides on: wrapped prose, headings, list items, footnotes, paragraphs. */
    private static final String LINES = String.join("\n",
            "Regional Maritime Security",
            "",
            "Coastal states worried by piracy and by the smuggling threat, have",
            "agreed to share radar pictures across the strait every night.",
            "The patrols began in spring. Their commanders meet monthly in the",
            "Port of Halvern to compare notes.[2]",
            "Findings",
            "- Patrol hours doubled",
            "1. Seizures rose by a third",
            "",
            "[2] A note that cites the 2021 patrol report.",
            "");

    @Test
    void windowsAndOldMacLineEndsGiveTheSegmentsOfUnixLineEnds() {
        Document lf = process(LINES);
        assertTrue(lf.sentences().size() >= 7, lf.sentences().toString());
        assertTrue(lf.sentences().stream().anyMatch(s -> LINES.substring(s.start(), s.end()).contains("have\nagreed")),
                "the wrapped sentence is one segment: " + sentences(LINES));

        String crlf = LINES.replace("\n", "\r\n");
        Document w = process(crlf);
        assertEquals(lf.sentences().size(), w.sentences().size(), sentences(crlf).toString());
        for (int i = 0; i < lf.sentences().size(); i++) {
            Sentence a = lf.sentences().get(i);
            Sentence b = w.sentences().get(i);
            // the same segment, its offsets into the CRLF text shifted by the \r before it
            assertEquals(a.start() + crs(crlf, b.start()), b.start(), "start of sentence " + i);
            assertEquals(a.end() + crs(crlf, b.end()), b.end(), "end of sentence " + i);
            assertEquals(tokens(a), tokens(b), "tokens of sentence " + i);
        }

        String cr = LINES.replace('\n', '\r'); // one character for one: offsets unchanged
        Document mac = process(cr);
        assertEquals(lf.sentences().stream().map(s -> s.start() + "-" + s.end()).toList(),
                mac.sentences().stream().map(s -> s.start() + "-" + s.end()).toList());
    }

    private static int crs(String text, int upTo) {
        return (int) text.substring(0, upTo).chars().filter(c -> c == '\r').count();
    }

    private static List<String> tokens(Sentence s) {
        return s.tokens().stream().map(Token::text).toList();
    }

    @Test
    void partHeadingOnItsOwnLineStaysOneSegment() {
        String text = "Both states train together.\nPart II. Security Cooperation\nThe navies exercise yearly.";
        assertEquals(List.of("Both states train together.", "Part II. Security Cooperation", "The navies exercise yearly."),
                sentences(text));
        assertEquals(List.of("Part II. Security Cooperation"), sentences("Part II. Security Cooperation"));
    }

    // --- white space ------------------------------------------------------------------------------

    @Test
    void noBreakSpaceLinesGiveNoSentenceAndNoWhitespaceToken() {
        String text = "\u00A0\nThe ministers met in Seoul.\u00A0\u00A0 They agreed\u00A0to talk.\n\u00A0\n\u00A0 \u00A0\n"
                + "A new paragraph\u00A0starts.\n\u00A0";
        Document d = process(text);
        assertEquals(List.of("The ministers met in Seoul.", "They agreed\u00A0to talk.", "A new paragraph\u00A0starts."),
                d.sentences().stream().map(s -> text.substring(s.start(), s.end())).toList());
        for (Sentence s : d.sentences()) {
            for (Token t : s.tokens()) {
                assertFalse(t.text().chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)),
                        "whitespace-only token at " + t.start());
                assertFalse(t.text().contains("\u00A0"), "token holds U+00A0: '" + t.text() + "'");
            }
        }
        List<String> tokens = d.sentences().get(1).tokens().stream().map(Token::text).toList();
        assertEquals(List.of("They", "agreed", "to", "talk", "."), tokens);
    }

    @Test
    void onlyWhitespaceGivesNoSentence() {
        assertTrue(process("\u00A0\n \n\u00A0\u00A0\n").sentences().isEmpty());
    }

    // --- footnotes --------------------------------------------------------------------------------

    @Test
    void footnoteMarkerStaysWithItsSentence() {
        List<String> s = sentences("The council adopted resolutions.[1] The council met.");
        assertEquals(2, s.size(), s.toString());
        assertTrue(s.get(0).endsWith("[1]"), s.get(0));
        assertEquals("The council adopted resolutions.[1]", s.get(0));
        assertEquals("The council met.", s.get(1));
    }

    // --- invariants -------------------------------------------------------------------------------

    @Test
    void sentencesAndTokensAreWellFormed() {
        List<String> texts = new ArrayList<>(texts());
        texts.add(seed);
        for (String text : texts) {
            Document d = process(text);
            assertFalse(d.sentences().isEmpty(), text);
            int previousEnd = 0;
            for (int i = 0; i < d.sentences().size(); i++) {
                Sentence s = d.sentences().get(i);
                assertEquals(i, s.index());
                assertTrue(s.start() < s.end());
                assertTrue(s.start() >= previousEnd, "sentences overlap or are out of order at " + s.start());
                assertTrue(s.end() <= text.length());
                String st = text.substring(s.start(), s.end());
                assertEquals(st.strip(), st, "sentence has surrounding white space: '" + st + "'");
                assertFalse(s.tokens().isEmpty(), "sentence without tokens: '" + st + "'");
                int tokenEnd = s.start();
                for (Token t : s.tokens()) {
                    assertTrue(t.start() < t.end());
                    assertTrue(t.start() >= tokenEnd, "tokens overlap or are out of order in '" + st + "'");
                    assertTrue(t.end() <= s.end(), "token '" + t.text() + "' outside its sentence '" + st + "'");
                    assertEquals(text.substring(t.start(), t.end()), t.text());
                    assertFalse(t.text().isBlank() || t.text().strip().isEmpty(), "blank token");
                    tokenEnd = t.end();
                }
                previousEnd = s.end();
            }
            assertEquals(d.sentences().stream().mapToInt(s -> s.tokens().size()).sum(), d.tokenCount());
        }
    }

    // --- seed paper -------------------------------------------------------------------------------

    @Test
    void seedPaperNameLineContinuesInLowerCase() {
        Document d = process(seed);
        List<String> s = d.sentences().stream().map(x -> seed.substring(x.start(), x.end())).toList();
        String chung = s.stream().filter(x -> x.contains("is Adjunct Professor")).findFirst().orElseThrow();
        assertTrue(chung.startsWith("Dr. Chung\nis Adjunct Professor"), chung);
        assertTrue(chung.endsWith("Hanyang University."), chung);
        assertTrue(s.contains("Author"), "'Author' is a heading of its own");
    }

    @Test
    void seedPaperAbstractIsItsOwnSentence() {
        List<String> s = process(seed).sentences().stream().map(x -> seed.substring(x.start(), x.end())).toList();
        assertEquals("Abstract", s.get(0));
        assertTrue(s.get(1).startsWith("China's Sino-centrism"), s.get(1));
        assertTrue(s.contains("Quotes from the Paper"), s.toString());
        assertTrue(s.contains("He received his Ph.D. from the University of Maryland."), s.toString());
        assertTrue(s.contains("Lt Gen (Ret.) Izumi is Independent Scholar in Japan."), s.toString());
        assertTrue(s.stream().anyMatch(x -> x.startsWith("He also received Master in Military Art and Science from the "
                + "U.S. Army Command")), "U.S. before Army does not split");
    }

    // --- concurrency ------------------------------------------------------------------------------

    private static List<String> texts() {
        return List.of(
                "The U.S. Army trained there. It left.",
                "Dr. Chung graduated.\nHe received his Ph.D. from the University of Maryland.",
                "Abstract\n\nChina rose. Japan watched. Korea hedged.",
                "The alliance remained strong despite the many\ndisagreements over burden sharing.",
                "\u201CA is true. B is false.\u201D He said so.",
                "The council adopted resolutions.[1] The council met.[2] It is No. 2 on the list.",
                "Part II. Security Cooperation\n\u00A0\nLt Gen (Ret.) Izumi was Vice Chief.",
                "Seoul and Tokyo signed GSOMIA in 2016. In 2019 Seoul said it would end it; it did not.");
    }

    @Test
    void concurrentUseGivesTheSameResultsAsSingleThreaded() throws Exception {
        List<String> texts = texts();
        assertEquals(8, texts.size());
        List<List<Sentence>> expected = texts.stream().map(t -> process(t).sentences()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < texts.size(); i++) {
                    final int k = (i + round) % texts.size();
                    futures.add(pool.submit(() -> process(texts.get(k)).sentences().equals(expected.get(k))));
                }
            }
            int mismatches = 0;
            for (Future<Boolean> f : futures) {
                if (!f.get(60, TimeUnit.SECONDS)) {
                    mismatches++;
                }
            }
            assertEquals(0, mismatches, "results differ from single-threaded ones in " + mismatches + " of " + futures.size());
        } finally {
            pool.shutdownNow();
        }
    }

    // --- abbreviation table -----------------------------------------------------------------------

    @Test
    void abbreviationTableRejectsUnknownKind() {
        Resources.Loaded bad = new Resources.Loaded("my-abbrev.tsv",
                "# mine\nform\tkind\nDr.\tnever-final\nNo.\tsometimes\n".getBytes(StandardCharsets.UTF_8));
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> Abbreviations.load(bad));
        assertTrue(e.getMessage().startsWith("my-abbrev.tsv:4: "), e.getMessage());
        assertTrue(e.getMessage().contains("'sometimes'"), e.getMessage());
    }

    @Test
    void packagedAbbreviationTableLoads() {
        Abbreviations a = Abbreviations.load(Resources.load(null, Abbreviations.DEFAULT_RESOURCE));
        assertTrue(a.neverFinal("Dr."));
        assertTrue(a.neverFinal("No."));
        assertTrue(a.maybeFinal("U.S."));
        assertTrue(a.starter("It"));
        assertTrue(a.label("Part"));
        assertFalse(a.neverFinal("U.S."));
    }
}
