package io.entente.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path tmp;

    private Path copyReports() throws IOException {
        Path dir = tmp.resolve("reports");
        Files.createDirectories(dir);
        try (Stream<Path> list = Files.list(TestCorpus.reports())) {
            for (Path p : list.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    private static Map<Path, FileTime> times(Path site) throws IOException {
        Map<Path, FileTime> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    @Test
    void writesEveryPageAndTheAssetsWithNothingFromElsewhere() throws IOException {
        Path reports = copyReports();
        Path site = tmp.resolve("site");
        SiteWriter.Result r = SiteWriter.write(reports, site);
        assertEquals(3, r.documents());
        for (String f : List.of("index.html", "compare.html", "assets/echarts.min.js", "assets/site.css", "assets/index.js",
                "data/index.js", "data/trends.js", "data/compare.js", "data/search/0.js",
                "docs/" + TestCorpus.SEED + ".html", "docs/" + TestCorpus.HOSTILE + ".html", "data/ev/" + TestCorpus.SEED + ".js")) {
            assertTrue(Files.isRegularFile(site.resolve(f)), f);
        }
        assertEquals(0, r.unchanged());
        for (String page : List.of("index.html", "compare.html", "docs/" + TestCorpus.SEED + ".html")) {
            String html = Files.readString(site.resolve(page));
            assertTrue(html.contains("http-equiv=\"Content-Security-Policy\"") && html.contains("script-src 'self'"), page);
            assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads something from elsewhere");
            assertFalse(html.matches("(?s).*<script>.*"), page + " has an inline script");
        }
    }

    @Test
    void anUnchangedFolderRewritesNothingAndAChangedOneOnlyWhatChanged() throws IOException, InterruptedException {
        Path reports = copyReports();
        Path site = tmp.resolve("site");
        SiteWriter.Result first = SiteWriter.write(reports, site);
        Map<Path, FileTime> before = times(site);
        Thread.sleep(20);
        SiteWriter.Result again = SiteWriter.write(reports, site);
        assertEquals(List.of(), again.written());
        assertEquals(List.of(), again.deleted());
        assertEquals(first.written().size(), again.unchanged());
        assertEquals(before, times(site), "an unchanged reports folder touched files");

        // A document leaves the corpus: its page and data go, the assets stay as they were.
        Files.delete(reports.resolve(TestCorpus.OWN + ".json"));
        SiteWriter.Result third = SiteWriter.write(reports, site);
        assertTrue(third.deleted().contains(Path.of("docs", TestCorpus.OWN + ".html")), third.deleted().toString());
        assertFalse(Files.exists(site.resolve("data/ev/" + TestCorpus.OWN + ".js")));
        assertFalse(third.written().contains(Path.of("assets", "echarts.min.js")));
        assertFalse(third.written().contains(Path.of("docs", TestCorpus.SEED + ".html")), "the seed's page did not change");
        assertTrue(third.written().contains(Path.of("data", "index.js")));

        // A file of the site that went missing, or that another version left, is made again.
        Path trends = third.written().stream().filter(p -> p.startsWith(Path.of("data", "trends"))).findFirst()
                .orElseGet(() -> {
                    try (Stream<Path> l = Files.list(site.resolve("data/trends"))) {
                        return site.relativize(l.findFirst().orElseThrow());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        String content = Files.readString(site.resolve(trends));
        Files.delete(site.resolve(trends));
        Path page = Path.of("docs", TestCorpus.SEED + ".html");
        Files.writeString(site.resolve(page), Files.readString(site.resolve(page)).replace("entente-site ", "entente-site 0"));
        SiteWriter.Result fourth = SiteWriter.write(reports, site);
        assertEquals(List.of(page, trends).stream().sorted().toList(), fourth.written().stream().sorted().toList());
        assertEquals(content, Files.readString(site.resolve(trends)));
    }

    @Test
    void foldingTerritoriesRemakesTheFiguresOnce() throws IOException {
        Path reports = copyReports();
        Path site = tmp.resolve("site");
        SiteWriter.write(reports, site, false);
        SiteWriter.Result folded = SiteWriter.write(reports, site, true);
        assertTrue(folded.written().stream().anyMatch(p -> p.startsWith(Path.of("data", "trends"))), folded.written().toString());
        assertTrue(folded.written().stream().anyMatch(p -> p.startsWith(Path.of("data", "compare"))), folded.written().toString());
        assertEquals(List.of(), SiteWriter.write(reports, site, true).written());
    }

    @Test
    void hostileTextIsEscapedEverywhereInTheDocumentPage() throws IOException {
        Path site = tmp.resolve("site");
        SiteWriter.write(copyReports(), site);
        String html = Files.readString(site.resolve("docs/" + TestCorpus.HOSTILE + ".html"));
        assertFalse(html.contains("<script>window"), "a script of the paper reached the page");
        assertFalse(html.contains("<img src=x"), "an element of the paper reached the page");
        assertFalse(html.contains("</textarea>"));
        assertFalse(html.contains("<b onmouseover"));
        assertTrue(html.contains("&lt;script&gt;window.__pwned=&#39;text&#39;&lt;/script&gt;"), "the paper's text is shown as text");
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;"), "the title is shown as text");
        // The data scripts carry the text as JSON strings, which no browser parses as HTML.
        String index = Files.readString(site.resolve("data/index.js"));
        assertTrue(index.contains("\"t\":\"</title><script>window.__pwned='title'</script>\\\"onerror="), index);
    }

    @Test
    void aPdfsPageShowsThePageOfEachEvidenceSentence() throws IOException {
        Path reports = tmp.resolve("pdf-reports");
        SyntheticReports.write(reports, 2, 7, true);
        Path site = tmp.resolve("site");
        SiteWriter.write(reports, site);
        SiteData.Document d = SiteData.load(reports).document("paper-00000");
        assertEquals(Integer.valueOf((d.sentences().size() + 9) / 10), d.pages());
        String html = Files.readString(site.resolve("docs/paper-00000.html"));
        int checked = 0;
        for (SiteData.Theme t : d.themes()) {
            for (SiteData.Evidence e : t.evidence()) {
                int expected = e.sentence() / 10 + 1;
                assertEquals(Integer.valueOf(expected), e.page());
                // The page mark stands before the sentence, unless an earlier evidence sentence of the page has it.
                int at = html.indexOf("id=\"s-" + e.sentence() + "\"");
                int mark = html.lastIndexOf("<span class=\"pg\">p.\u00a0", at);
                assertTrue(mark >= 0, "no page mark before sentence " + e.sentence());
                String shown = html.substring(mark + "<span class=\"pg\">p.\u00a0".length(), html.indexOf('<', mark + 10));
                assertEquals(Integer.toString(expected), shown, "page before sentence " + e.sentence());
                assertTrue(html.contains(", p.\u00a0" + expected + "</small>"), "the side panel gives page " + expected);
                checked++;
            }
        }
        assertTrue(checked > 2, "evidence checked: " + checked);
    }

    @Test
    void aFolderThatHoldsOtherFilesIsNotWrittenInto() throws IOException {
        Path reports = copyReports();
        Path other = tmp.resolve("project");
        Files.createDirectories(other.resolve("assets"));
        Files.writeString(other.resolve("assets/app.js"), "mine");
        SiteWriter.NotASiteFolderException e = assertThrows(SiteWriter.NotASiteFolderException.class,
                () -> SiteWriter.write(reports, other));
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        assertEquals("mine", Files.readString(other.resolve("assets/app.js")));
        assertFalse(Files.exists(other.resolve("index.html")));
        // An empty folder, or one holding a site, is fine.
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(3, SiteWriter.write(reports, tmp.resolve("empty")).documents());
        assertEquals(List.of(), SiteWriter.write(reports, tmp.resolve("empty")).written());
    }

    @Test
    void aMalformedReportIsAnErrorNamingTheFile() throws IOException {
        Path reports = copyReports();
        Files.writeString(reports.resolve("broken.json"), "{\"schemaVersion\": 1, \"document\": {\"id\": \"b\"}, \"sentences\": 3}");
        SiteWriter.UnreadableReportsException e = assertThrows(SiteWriter.UnreadableReportsException.class,
                () -> SiteWriter.write(reports, tmp.resolve("site")));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("site")), "nothing is written when the reports cannot be read");
    }
}
