package io.entente.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review import on projects written by hand, as other tools write them, with a splitter at full stops. */
class ReviewImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Both navies held a joint drill. Old grievances over the war remain. The weather was fine.";

    @TempDir
    Path tmp;

    /** Sentences end after ". ". */
    private static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                out.add(new int[] {start, i + 1});
                start = i + 2;
            }
        }
        return out;
    }

    private Path project(String sources, String textEntry) throws Exception {
        Codebook cb = CodebookLoader.load(null);
        String codes = "<CodeBook><Codes>"
                + "<Code guid=\"11111111-1111-4111-8111-111111111111\" name=\"Historical legacies\" isCodable=\"true\"/>"
                + "<Code guid=\"22222222-2222-4222-8222-222222222222\" name=\"Mechanisms of cooperation\" isCodable=\"true\"/>"
                + "<Code guid=\"33333333-3333-4333-8333-333333333333\" name=\"My own code\" isCodable=\"true\"/>"
                + "</Codes></CodeBook>";
        String qde = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">" + codes
                + sources + "</Project>";
        Path f = tmp.resolve("p" + System.nanoTime() + ".qdpx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("project.qde"));
            z.write(qde.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            if (textEntry != null) {
                z.putNextEntry(new ZipEntry("sources/t.txt"));
                z.write(textEntry.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        assertTrue(cb.theme("history.legacy").name().equals("Historical legacies"));
        return f;
    }

    private static String sel(int start, int end, String... codeGuids) {
        StringBuilder b = new StringBuilder("<PlainTextSelection guid=\"44444444-4444-4444-8444-4444444444" + String.format("%02d", start % 100)
                + "\" startPosition=\"" + start + "\" endPosition=\"" + end + "\">");
        for (String g : codeGuids) {
            b.append("<Coding guid=\"55555555-5555-4555-8555-555555555555\"><CodeRef targetGUID=\"").append(g).append("\"/></Coding>");
        }
        return b.append("</PlainTextSelection>").toString();
    }

    @Test
    void codingsBecomeSentenceThemesByNameAndOverlap() throws Exception {
        int war = TEXT.indexOf("war");
        String src = "<Sources><TextSource guid=\"66666666-6666-4666-8666-666666666666\" name=\"memo one\" plainTextPath=\"internal://t.txt\">"
                + sel(0, 12, "22222222-2222-4222-8222-222222222222")             // a few words of sentence 0: that sentence
                + sel(war, war + 3, "11111111-1111-4111-8111-111111111111")     // one word of sentence 1
                + sel(0, TEXT.length(), "33333333-3333-4333-8333-333333333333") // a code no theme has
                + "<Coding guid=\"77777777-7777-4777-8777-777777777777\"><CodeRef targetGUID=\"11111111-1111-4111-8111-111111111111\"/></Coding>"
                + "</TextSource></Sources>";
        Path p = project(src, TEXT);
        Path out = tmp.resolve("gold");
        ReviewImport.Result r = new ReviewImport(ReviewImportTest::split).run(p, null, CodebookLoader.load(null), out);
        assertEquals(1, r.documents().size());
        ReviewImport.Counts c = r.documents().get(0);
        assertEquals("memo_one", c.id());
        assertEquals(3, c.sentences());
        assertEquals(2, c.labelled());
        assertEquals(2, c.added(), "no Entente record in the file: everything is added");
        JsonNode gold = JSON.readTree(out.resolve("memo_one.gold.json").toFile());
        assertEquals(List.of(Set.of("institutional.mechanisms"), Set.of("history.legacy"), Set.of()), themes(gold));
        assertEquals(TEXT, Files.readString(out.resolve("memo_one.txt")));
        assertEquals("Both navies held a joint drill.", gold.get("sentences").get(0).get("text").asText());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("My own code") && n.contains("left out")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("whole source")), r.notes().toString());
    }

    @Test
    void aSelectionCodesTheSentencesItHoldsHalfOf() {
        List<int[]> s = List.of(new int[] {0, 10}, new int[] {11, 20}, new int[] {21, 40});
        List<Set<String>> l = ReviewImport.labels(s, List.of(new ReviewImport.Coded(5, 30, "x")));
        assertEquals(List.of(Set.of("x"), Set.of("x"), Set.of()), l, "half of 0, all of 1, less than half of 2");
    }

    @Test
    void textOutsideTheArchiveAndMissingTextAreNamed() throws Exception {
        String src = "<Sources><TextSource guid=\"66666666-6666-4666-8666-666666666666\" name=\"far\" plainTextPath=\"file:///c/far.txt\"/>"
                + "<TextSource guid=\"66666666-6666-4666-8666-666666666667\" name=\"inline\"><PlainTextContent>One. Two.</PlainTextContent></TextSource>"
                + "</Sources>";
        ReviewImport.Result r = new ReviewImport(ReviewImportTest::split).run(project(src, null), null, CodebookLoader.load(null), tmp.resolve("g"));
        assertEquals(List.of("inline"), r.documents().stream().map(ReviewImport.Counts::id).toList());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("far") && n.contains("outside the archive")), r.notes().toString());

        String missing = "<Sources><TextSource guid=\"66666666-6666-4666-8666-666666666666\" name=\"gone\" plainTextPath=\"internal://nope.txt\"/></Sources>";
        InteropException e = org.junit.jupiter.api.Assertions.assertThrows(InteropException.class,
                () -> new ReviewImport(ReviewImportTest::split).run(project(missing, null), null, CodebookLoader.load(null), tmp.resolve("g2")));
        assertTrue(e.getMessage().contains("gone") && e.getMessage().contains("sources/nope.txt"), e.getMessage());
    }

    @Test
    void anAtlasTiProjectWithoutSourcesIsAnErrorThatWritesNothing() {
        Path project = Shared.file("refi-qda/atlasti-23.2-project.qdpx");
        InteropException e = assertThrows(InteropException.class, () -> new ReviewImport(ReviewImportTest::split).run(project, null,
                CodebookLoader.load(null), tmp.resolve("g")));
        assertTrue(e.getMessage().startsWith(project + ": no text source to import") && e.getMessage().contains("no sources"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("g")), "no empty gold folder is left");
    }

    private static List<Set<String>> themes(JsonNode gold) {
        List<Set<String>> out = new ArrayList<>();
        for (JsonNode s : gold.get("sentences")) {
            Set<String> t = new java.util.TreeSet<>();
            s.get("themes").forEach(x -> t.add(x.asText()));
            out.add(t);
        }
        return out;
    }
}
