package io.entente.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The site in a real browser (headless Chromium) from file://, on the seed paper, a paper written for the
 * tests and the hostile paper. Screenshots go to target/screenshots, and to docs/ with
 * {@code -Dentente.site.screenshots=docs}.
 */
class SiteBrowserTest {
    private static Path site;
    private static Browser browser;
    private static SiteData data;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        site = Path.of("target", "browser-site").toAbsolutePath();
        if (Files.isDirectory(site)) {
            try (var walk = Files.walk(site)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        SiteWriter.write(TestCorpus.reports(), site);
        data = SiteData.load(TestCorpus.reports());
        browser = new Browser(1280, 1500);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void clearLog() {
        browser.console();
    }

    private static SiteData.Theme firstThemeWithEvidence(SiteData.Document d) {
        return d.themes().stream().filter(t -> !t.evidence().isEmpty()).sorted(java.util.Comparator.comparing(SiteData.Theme::id))
                .findFirst().orElseThrow();
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        if ("docs".equals(System.getProperty("entente.site.screenshots"))) {
            Files.write(TestCorpus.root().resolve("docs").resolve(name), png);
        }
    }

    @Test
    void theIndexLoadsWithNoConsoleError() throws IOException {
        browser.openReady(site.resolve("index.html"), null);
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals("3 of 3 documents selected, " + data.corpus().themes().size() + " themes.",
                browser.driver.findElement(By.id("summary")).getText());
        assertEquals(3, browser.driver.findElements(By.cssSelector("#matrix-table tbody tr")).size());
        // Headings in order: one h1, then h2s.
        assertEquals(1, browser.driver.findElements(By.tagName("h1")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#trends-tab tbody tr")).size() >= 3, "the chart's table fallback");
        // The console is really read: an error the page logs is seen.
        browser.js("console.error('entente test: console check')");
        assertTrue(browser.consoleErrors().stream().anyMatch(e -> e.contains("console check")), "console errors are not read");
        browser.openReady(site.resolve("compare.html"), null);
        assertEquals(List.of(), browser.consoleErrors());
        assertFalse(browser.driver.findElements(By.cssSelector("#c-themes tbody tr")).isEmpty(), "the comparison's themes");
    }

    @Test
    void aClickOnAMatrixCellListsItsEvidence() throws IOException {
        SiteData.Document seed = data.document(TestCorpus.SEED);
        SiteData.Theme theme = firstThemeWithEvidence(seed);
        browser.openReady(site.resolve("index.html"), null);
        assertTrue(browser.driver.findElements(By.cssSelector("#evidence li")).isEmpty());
        WebElement cell = browser.driver.findElement(By.cssSelector(
                "button.cell[data-doc='" + TestCorpus.SEED + "'][data-theme='" + theme.id() + "']"));
        cell.click();
        browser.waitFor("document.querySelectorAll('#evidence li').length > 0");
        List<String> shown = browser.driver.findElements(By.cssSelector("#evidence li a")).stream()
                .map(a -> a.getDomProperty("textContent")).toList();
        assertEquals(theme.evidence().stream().map(SiteData.Evidence::text).toList(), shown);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2100));
        screenshot("site-index.png");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        String href = browser.driver.findElement(By.cssSelector("#evidence li a")).getDomAttribute("href");
        assertEquals("docs/" + TestCorpus.SEED + ".html#s-" + theme.evidence().get(0).sentence(), href);
        // The keyboard reaches the cells too: an arrow key moves the focus, Enter opens the evidence.
        cell.sendKeys(Keys.ARROW_RIGHT);
        Object focused = browser.js("return document.activeElement.getAttribute('data-theme')");
        assertNotEquals(theme.id(), focused);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor("document.getElementById('evidence-h') && document.getElementById('evidence-h').textContent.indexOf("
                + "document.activeElement.getAttribute('aria-label').split(',')[1].split(' (')[0].trim()) >= 0");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aFilterChangesTheChartAndTheMatrix() throws IOException {
        browser.openReady(site.resolve("index.html"), null);
        String periods = "return echarts.getInstanceByDom(document.getElementById('trends-chart')).getOption().xAxis[0].data.join(' ')";
        assertEquals("2019 2020 2021", browser.js(periods));
        WebElement from = browser.driver.findElement(By.id("f-from"));
        from.sendKeys("2020");
        from.sendKeys(Keys.TAB);
        browser.waitFor("document.getElementById('summary').textContent.indexOf('2 of 3') === 0");
        assertEquals("2020 2021", browser.js(periods));
        assertEquals(2, browser.driver.findElements(By.cssSelector("#matrix-table tbody tr")).size());

        // A theme filter leaves one series in the chart and one column in the matrix; the address keeps it.
        SiteData.Theme theme = firstThemeWithEvidence(data.document(TestCorpus.OWN));
        browser.openReady(site.resolve("index.html"), "theme=" + theme.id());
        Object names = browser.js("return echarts.getInstanceByDom(document.getElementById('trends-chart')).getOption()"
                + ".series.filter(function (s) { return !s.silent; }).map(function (s) { return s.name; }).join('|')");
        assertTrue(((String) names).endsWith(theme.name()) && !((String) names).contains("|"), names.toString());
        assertEquals(1, browser.driver.findElements(By.cssSelector("#matrix-table th.theme")).size());

        // With the theme most documents carry chosen, the rows come by their share of it, largest first
        // (in the test corpus that is the reverse of id order).
        io.entente.analytics.Corpus corpus = data.corpus();
        String common = corpus.themes().keySet().stream().max(java.util.Comparator.comparingLong(
                (String id) -> corpus.documents().stream().filter(d -> d.themes().containsKey(id)).count())
                .thenComparing(java.util.Comparator.reverseOrder())).orElseThrow();
        List<String> expected = corpus.documents().stream().filter(d -> d.themes().containsKey(common))
                .sorted(java.util.Comparator.comparingDouble(
                        (io.entente.analytics.CorpusDocument d) -> -(double) d.themeSentences(common) / d.sentenceCount()))
                .map(io.entente.analytics.CorpusDocument::id).toList();
        browser.openReady(site.resolve("index.html"), "theme=" + common);
        List<String> rows = browser.driver.findElements(By.cssSelector("#matrix-table button.cell")).stream()
                .map(b -> b.getDomAttribute("data-doc")).toList();
        assertEquals(expected, rows);
        assertNotEquals(expected.stream().sorted().toList(), expected, "the fixture should tell share order from id order");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static double firstNumber(String cell) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(cell);
        assertTrue(m.find(), cell);
        return Double.parseDouble(m.group());
    }

    @Test
    void theTrendsTableAndTheComparisonShowTheFiguresOfTrendsAndCompare() {
        io.entente.analytics.Corpus corpus = data.corpus();
        io.entente.analytics.Trends trends = io.entente.analytics.Trends.compute(corpus, io.entente.analytics.Period.YEAR,
                java.util.Optional.empty(), java.util.Optional.empty());
        browser.openReady(site.resolve("index.html"), null);
        List<String> series = List.of(((String) browser.js("return document.getElementById('trends-chart').getAttribute('data-series')")).split(" "));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#trends-tab tbody tr"));
        assertEquals(trends.periods().size(), rows.size());
        int checked = 0;
        for (int p = 0; p < rows.size(); p++) {
            List<WebElement> cells = rows.get(p).findElements(By.tagName("td"));
            assertEquals(trends.periods().get(p).documents(), (int) firstNumber(cells.get(0).getDomProperty("textContent")));
            for (int k = 0; k < series.size(); k++) {
                Double mean = trends.themeTrend(series.get(k)).orElseThrow().periods().get(p).meanShare();
                String text = cells.get(k + 1).getDomProperty("textContent");
                if (mean == null) {
                    assertEquals("–", text);
                } else {
                    assertEquals(100 * mean, firstNumber(text), 0.05 + 1e-9, series.get(k) + " " + text);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 6, "trend cells checked: " + checked);

        // The first comparison is the earlier against the later half of the years: 2019-2020 against 2021.
        io.entente.analytics.Comparison c = io.entente.analytics.Comparison.compare(corpus,
                io.entente.analytics.Selection.dates("2019", "2020"), io.entente.analytics.Selection.dates("2021", "2021"));
        browser.openReady(site.resolve("compare.html"), null);
        List<WebElement> themeRows = browser.driver.findElements(By.cssSelector("#c-themes tbody tr"));
        assertEquals(c.themes().size(), themeRows.size());
        for (int i = 0; i < themeRows.size(); i++) {
            io.entente.analytics.Comparison.ThemeDifference t = c.themes().get(i);
            List<WebElement> cells = themeRows.get(i).findElements(By.tagName("td"));
            assertTrue(themeRows.get(i).findElement(By.tagName("th")).getDomProperty("textContent").endsWith(t.name()));
            assertEquals(100 * t.shareA(), firstNumber(cells.get(0).getDomProperty("textContent")), 0.05 + 1e-9);
            assertEquals(100 * t.shareB(), firstNumber(cells.get(1).getDomProperty("textContent")), 0.05 + 1e-9);
            assertEquals(t.significant() ? "★ significant" : "no", cells.get(4).getDomProperty("textContent"));
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theDocumentPageHighlightsTheEvidenceAtTheReportsOffsets() throws IOException {
        SiteData.Document seed = data.document(TestCorpus.SEED);
        browser.open(site.resolve("docs/" + TestCorpus.SEED + ".html"));
        int checked = 0;
        for (SiteData.Theme t : seed.themes()) {
            for (SiteData.Evidence e : t.evidence()) {
                WebElement mark = browser.driver.findElement(By.id("s-" + e.sentence()));
                assertEquals("mark", mark.getTagName());
                assertEquals(Integer.toString(e.start()), mark.getDomAttribute("data-start"));
                assertEquals(Integer.toString(e.end()), mark.getDomAttribute("data-end"));
                assertEquals(e.text(), mark.getDomProperty("textContent"));
                assertTrue(List.of(mark.getDomAttribute("data-themes").split(" ")).contains(t.id()));
                assertNotEquals("rgba(0, 0, 0, 0)", mark.getCssValue("background-color"), "highlighted");
                String cls = mark.getDomAttribute("class");
                assertTrue(cls.contains(t.polarity()) || cls.contains("both"), cls);
                checked++;
            }
        }
        assertTrue(checked > 3, "evidence sentences checked: " + checked);
        // A sentence without evidence is not highlighted, and entity mentions are marked at their offsets.
        SiteData.Sentence plain = seed.sentences().stream()
                .filter(s -> s.themes().isEmpty() && s.section() == null && s.text().length() > 20).findFirst().orElseThrow();
        assertEquals("span", browser.driver.findElement(By.id("s-" + plain.index())).getTagName());
        SiteData.Entity kor = seed.entities().stream().filter(e -> "KOR".equals(e.code())).findFirst().orElseThrow();
        SiteData.Mention m = kor.mentions().get(0);
        SiteData.Sentence in = seed.sentences().get(m.sentence());
        String expected = in.text().substring(m.start() - in.start(), m.end() - in.start());
        List<String> marked = browser.driver.findElements(By.cssSelector("#s-" + m.sentence() + " .ent.country")).stream()
                .map(x -> x.getDomProperty("textContent")).toList();
        assertTrue(marked.contains(expected), marked + " should contain " + expected);
        assertEquals(List.of(), browser.consoleErrors());
        screenshot("site-document.png");
    }

    @Test
    void theHostilePaperRunsNoScript() {
        browser.open(site.resolve("docs/" + TestCorpus.HOSTILE + ".html"));
        assertNull(browser.js("return window.__pwned === undefined ? null : window.__pwned;"));
        assertEquals(TestCorpus.HOSTILE_TITLE, browser.driver.findElement(By.tagName("h1")).getDomProperty("textContent"));
        assertTrue(browser.driver.findElement(By.tagName("article")).getDomProperty("textContent")
                .contains("<script>window.__pwned='text'</script>"), "the text shows as text");
        assertEquals(0, browser.driver.findElements(By.cssSelector("article img, article script, textarea")).size());

        // The corpus views show the same text through the data scripts: the matrix row, the evidence panel, a search.
        browser.openReady(site.resolve("index.html"), null);
        WebElement row = browser.driver.findElement(By.cssSelector("#matrix-table a[href='docs/" + TestCorpus.HOSTILE + ".html']"));
        assertEquals(TestCorpus.HOSTILE_TITLE, row.getDomProperty("textContent"));
        browser.driver.findElement(By.cssSelector("button.cell[data-doc='" + TestCorpus.HOSTILE + "']")).click();
        browser.waitFor("document.querySelectorAll('#evidence li').length > 0");
        WebElement search = browser.driver.findElement(By.id("search"));
        search.sendKeys("pwned");
        browser.waitFor("document.querySelectorAll('#search-results li').length > 0");
        assertTrue(browser.driver.findElement(By.id("search-results")).getDomProperty("textContent").contains("</textarea><script>"));
        browser.openReady(site.resolve("index.html"), "tag=" + java.net.URLEncoder.encode("<script>window.__pwned='tag'</script>",
                java.nio.charset.StandardCharsets.UTF_8));
        browser.openReady(site.resolve("compare.html"), null);
        assertNull(browser.js("return window.__pwned === undefined ? null : window.__pwned;"));
        assertEquals(0, browser.driver.findElements(By.cssSelector("main img, main textarea")).size());
    }
}
