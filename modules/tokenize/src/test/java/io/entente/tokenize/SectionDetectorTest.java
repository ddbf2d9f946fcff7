package io.entente.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Papers written for this test, one per kind of section, and the seed paper. */
class SectionDetectorTest {
    private static TokenizeStage stage;

    @BeforeAll
    static void load() {
        stage = new TokenizeStage(TokenizerConfig.defaults());
    }

    private static Document tokenize(String text) {
        return stage.process(Document.of(new DocumentInfo("t", "t.txt", null, null, Resources.sha256(text)), text));
    }

    /** Sentence text → section (or "-" for the argument). */
    private static Map<String, String> marks(String text) {
        Document d = tokenize(text);
        Map<String, String> out = new TreeMap<>();
        for (Sentence s : d.sentences()) {
            out.put(s.text(text).strip(), d.sections().getOrDefault(s.index(), "-"));
        }
        return out;
    }

    /** The section of the sentence that starts with {@code prefix}. */
    private static String of(Map<String, String> marks, String prefix) {
        return marks.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starts with '" + prefix + "': " + marks.keySet()));
    }

    private static final String BODY = """
            Maritime Cooperation in the Western Pacific

            Introduction

            Japan and Australia have deepened their maritime cooperation since 2015. Both navies now exercise together every year.
            Climate change and piracy have become shared concerns of the two governments.
            """;

    @Test
    void aboutTheAuthorsRunsToTheEnd() {
        Map<String, String> m = marks(BODY + """

                About the Authors

                Jane Park is a senior fellow at the Pacific Policy Institute. She writes on climate change and naval strategy.
                Tom Reyes is Professor of Politics at a university in Manila.
                """);
        assertEquals("-", m.get("Climate change and piracy have become shared concerns of the two governments."));
        assertEquals("author", m.get("About the Authors"));
        assertEquals("author", m.get("She writes on climate change and naval strategy."));
        assertEquals("author", m.get("Tom Reyes is Professor of Politics at a university in Manila."));
    }

    @Test
    void referencesAndNotesHeadingsAndABodyHeadingThatEndsThem() {
        Map<String, String> m = marks(BODY + """

                Notes

                1. The exercise was first held in 2015.

                Conclusion

                The partnership will likely grow as shared threats persist.

                References

                Smith, A. (2019). Alliance politics in Asia. Journal of Strategic Studies 12(3).
                Lee, B. (2021). Naval diplomacy and its limits. Canberra: Strategic Press.
                """);
        assertEquals("notes", m.get("1. The exercise was first held in 2015."));
        assertEquals("-", m.get("Conclusion"));
        assertEquals("-", m.get("The partnership will likely grow as shared threats persist."));
        assertEquals("references", m.get("References"));
        assertEquals("references", of(m, "Smith, A."));
        assertEquals("references", of(m, "Lee, B."));
        assertEquals("references", of(m, "Canberra"));
    }

    @Test
    void footnoteBlocksWithoutAHeading() {
        Map<String, String> m = marks(BODY + """

                1 See the joint statement of the defence ministers, 12 March 2019.
                2 Ibid., pp. 4-5.
                """);
        assertEquals("notes", m.get("1 See the joint statement of the defence ministers, 12 March 2019."));
        assertEquals("notes", m.get("2 Ibid., pp. 4-5."));
        assertEquals("-", m.get("Both navies now exercise together every year."));
    }

    @Test
    void aBiographyLineWithoutAHeadingAtTheStartOrEnd() {
        Map<String, String> m = marks("""
                Dr. Mina Cho is an Associate Professor at the Institute of Foreign Affairs. She previously served in the navy.

                """ + BODY);
        assertEquals("author", of(m, "Dr. Mina Cho is an Associate Professor"));
        assertEquals("author", m.get("She previously served in the navy."));
        assertEquals("-", m.get("Japan and Australia have deepened their maritime cooperation since 2015."));
    }

    @Test
    void argumentThatMentionsRolesOrNumbersIsNotMarked() {
        Map<String, String> m = marks(BODY + """
                Japan is a fellow democracy and a natural partner for Australia.
                Seoul is home to many a scholar of alliance politics, and they disagree.
                3 ships sailed from Darwin in the first exercise.
                """);
        assertTrue(m.values().stream().allMatch("-"::equals), m.toString());
    }

    @Test
    void theSeedPapersAuthorBoxIsMarkedAndNothingBeforeIt() throws Exception {
        String seed = Files.readString(Path.of("../../seeds/rok-japan-security-cooperation.txt"), StandardCharsets.UTF_8);
        Document d = tokenize(seed);
        int author = -1;
        for (Sentence s : d.sentences()) {
            if (s.text(seed).strip().equals("Author")) {
                author = s.index();
            }
        }
        assertTrue(author > 10, "the seed has an Author heading near its end");
        for (Sentence s : d.sentences()) {
            assertEquals(s.index() >= author, !d.isArgument(s.index()), s.text(seed));
        }
        assertFalse(d.sections().isEmpty());
        assertTrue(d.sections().values().stream().allMatch("author"::equals), d.sections().toString());
    }

    @Test
    void anUnknownKindNamesTheFileAndLine() {
        Resources.Loaded bad = new Resources.Loaded("my-sections.tsv", "phrase\tkind\nappendix\tannex\n".getBytes(StandardCharsets.UTF_8));
        KnowledgeFileException e = org.junit.jupiter.api.Assertions.assertThrows(KnowledgeFileException.class,
                () -> SectionDetector.load(bad));
        assertTrue(e.getMessage().contains("my-sections.tsv") && e.getMessage().contains("annex"), e.getMessage());
    }

    @Test
    void figureAndTableCaptionsAndSourceNotesAreNoArgument() {
        Map<String, String> m = marks("""
                Coast guards of the two states now train together every spring.
                Figure 1. Joint patrol areas in the strait
                Source: the author, based on ministry data.
                Table 2: Exercises by year
                Notes: Figures are rounded to the nearest ten.
                Table 3 shows how the exercises grew after the agreement.
                The source of the dispute is older than either navy.
                """);
        assertEquals("-", of(m, "Coast guards"));
        assertEquals("notes", of(m, "Figure 1."));
        assertEquals("notes", of(m, "Source:"));
        assertEquals("notes", of(m, "Table 2:"));
        assertEquals("notes", of(m, "Notes:"));
        assertEquals("-", of(m, "Table 3 shows"), "a sentence about a table is argument");
        assertEquals("-", of(m, "The source"));
    }
}
