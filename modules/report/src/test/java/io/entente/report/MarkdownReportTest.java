package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.CueMatch;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Polarity;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void hasDriversAndObstaclesSections() {
        String md = MarkdownReport.render(Fixtures.document(), Fixtures.PIPELINE);
        assertTrue(md.startsWith("# A Shared Threat\n"), md);
        int drivers = md.indexOf("### Drivers of cooperation");
        int obstacles = md.indexOf("### Obstacles to cooperation");
        assertTrue(drivers > 0, md);
        assertTrue(obstacles > drivers, md);
        String driverSection = md.substring(drivers, obstacles);
        assertTrue(driverSection.contains("**Shared threat** (salience 0.75)"), driverSection);
        assertTrue(driverSection.contains("> Korea and Japan face a shared threat. *(sentence 0; KOR, JPN)*"), driverSection);
        assertFalse(driverSection.contains("Historical grievances"), driverSection);
        String obstacleSection = md.substring(obstacles, md.indexOf("## Entities"));
        assertTrue(obstacleSection.contains("**Historical grievances** (salience 0.50)"), obstacleSection);
        assertTrue(obstacleSection.contains("History divides Korea and Japan."), obstacleSection);
        assertFalse(obstacleSection.contains("Shared threat"), obstacleSection);
    }

    @Test
    void themeTableAndEntitiesAndFooter() {
        String md = MarkdownReport.render(Fixtures.document(), Fixtures.PIPELINE);
        assertTrue(md.contains("| Shared threat (`shared-threat`) | driver | 0.75 | 0.75 | 1 | KOR, JPN |"), md);
        assertTrue(md.contains("| Historical grievances (`history`) | obstacle | 0.50 | 0.50 | 1 | KOR, JPN |"), md);
        assertTrue(md.indexOf("`shared-threat`") < md.indexOf("`history`"), "higher score first");
        assertTrue(md.contains("| date | 2019-08-22 |"), md);
        assertTrue(md.contains("| size | 2 sentences, "), md);
        assertTrue(md.contains("| Japan | JPN | 2 |"), md);
        assertTrue(md.contains("| South Korea | KOR | 2 |"), md);
        assertTrue(md.contains("### Organizations\n\nNone found."), md);
        assertTrue(md.contains("| Dr. Chung | 1 |"), md);
        assertTrue(md.contains("(sha256 " + Fixtures.PIPELINE.codebookSha256().substring(0, 12) + ")"), md);
    }

    @Test
    void onlyObstaclesGivesNoDriversSection() {
        Document d = Fixtures.document();
        Document onlyObstacle = d.withThemes(d.themes().stream().filter(t -> t.polarity() == Polarity.OBSTACLE).toList());
        String md = MarkdownReport.render(onlyObstacle, Fixtures.PIPELINE);
        assertFalse(md.contains("### Drivers of cooperation"), md);
        assertTrue(md.contains("### Obstacles to cooperation"), md);
    }

    @Test
    void noThemesIsSaid() {
        Document d = Fixtures.document().withThemes(List.of());
        String md = MarkdownReport.render(d, Fixtures.PIPELINE);
        assertTrue(md.contains("No theme of the codebook was found."), md);
        assertFalse(md.contains("### Drivers"), md);
        assertFalse(md.contains("### Obstacles"), md);
    }

    @Test
    void escapesPipesAndHtmlInEvidenceAndTitle() {
        String text = "Costs | benefits <script>alert(1)</script> of *cooperation*.";
        Document d = Document.of(new DocumentInfo("x", "x.txt", "Title | with <b>tags</b>", null, Resources.sha256(text)), text)
                .withSentences(List.of(new Sentence(0, 0, text.length(), List.of())), false)
                .withThemes(List.of(new ThemeResult("costs", Polarity.OBSTACLE, "Costs | risks", 0.4, List.of(0),
                        List.of(new ThemeEvidence(0, 0, text.length(), text, 0.4, List.of(),
                                List.of(new CueMatch("costs", 0, 5, false)))),
                        List.of())));
        String md = MarkdownReport.render(d, Fixtures.PIPELINE);
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("<b>"), md);
        assertTrue(md.contains("> Costs \\| benefits &lt;script&gt;alert(1)&lt;/script&gt; of \\*cooperation\\*."), md);
        assertTrue(md.startsWith("# Title \\| with &lt;b&gt;tags&lt;/b&gt;\n"), md);
        assertTrue(md.contains("| Costs \\| risks (`costs`) | obstacle |"), md);
        for (String line : md.split("\n")) {
            if (line.startsWith("| Costs")) {
                assertEquals(7, line.replace("\\|", "").chars().filter(c -> c == '|').count(),
                        "escaped pipe adds no table column: " + line);
            }
        }
    }

    @Test
    void theDocumentBlockShowsAuthorsPublisherAndTagsAndATitleStaysOnItsLine() {
        String text = "Japan and Korea met.";
        Document d = Document.of(new DocumentInfo("x", "x.txt", "A title\nwith a line break", "2019-08-22", Resources.sha256(text),
                List.of("Jane Doe", "Richard Roe"), "Asia | Institute", List.of("brief", "korea"), "text", "eng",
                java.util.Map.of(), "UTF-8"), text)
                .withSentences(List.of(new Sentence(0, 0, text.length(), List.of())), false).withThemes(List.of());
        String md = MarkdownReport.render(d, Fixtures.PIPELINE);
        assertTrue(md.startsWith("# A title with a line break\n\n"), md);
        assertTrue(md.contains("| authors | Jane Doe; Richard Roe |\n"), md);
        assertTrue(md.contains("| publisher | Asia \\| Institute |\n"), md);
        assertTrue(md.contains("| tags | brief; korea |\n"), md);
        String bare = MarkdownReport.render(Fixtures.document(), Fixtures.PIPELINE);
        assertFalse(bare.contains("| publisher |"), "no empty rows");
    }

    @Test
    void evidenceWhitespaceIsCollapsedToOneLine() {
        Document d = Fixtures.document();
        ThemeResult t = d.themes().get(0);
        ThemeEvidence e = t.evidence().get(0);
        ThemeEvidence wrapped = new ThemeEvidence(e.sentence(), e.start(), e.end(), "Korea and Japan\nface a\tshared threat.",
                e.score(), e.actors(), e.cues());
        Document w = d.withThemes(List.of(new ThemeResult(t.id(), t.polarity(), t.name(), t.score(), t.sentences(),
                List.of(wrapped), t.actors())));
        String md = MarkdownReport.render(w, Fixtures.PIPELINE);
        assertTrue(md.contains("> Korea and Japan face a shared threat. *(sentence 0"), md);
    }

    @Test
    void escapeHelper() {
        assertEquals("a \\| b", MarkdownReport.escape("a | b"));
        assertEquals("&lt;script&gt;", MarkdownReport.escape("<script>"));
        assertEquals("", MarkdownReport.escape(null));
        assertEquals("\\\\\\|", MarkdownReport.escape("\\|"), "backslash is escaped before the pipe");
    }
}
