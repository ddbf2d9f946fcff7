package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReaderTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader();

    private DocumentReader.Result read(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return reader.read(new InputFiles.InputFile(p, InputFiles.idFor(p)));
    }

    private DocumentReader.Result read(String name, String html) throws Exception {
        return read(name, html.getBytes(StandardCharsets.UTF_8));
    }

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head>
            <meta charset="utf-8">
            <title>Japan and Korea: Partners at Last? | Example Review</title>
            <meta name="author" content="Jane Doe and Kim Min-jun">
            <meta name="citation_publication_date" content="2023/03/17">
            <meta property="og:title" content="Japan and Korea: Partners at Last?">
            <style>p { color: red; } .x::before { content: "STYLE TEXT"; }</style>
            <script>var tracking = "SCRIPT TEXT"; document.write("<p>injected</p>");</script>
            </head><body>
            <header class="site-header"><a href="/">Example Review</a> SITE HEADER</header>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/asia">NAV TEXT Asia</a></li></ul></nav>
            <div id="cookie-banner">We use cookies COOKIE TEXT. <button>Accept</button></div>
            <main>
              <article>
                <header><h1>Japan and Korea: Partners at Last?</h1><p class="byline">By Jane Doe</p></header>
                <p>Seoul &amp; Tokyo agreed to resume shuttle diplomacy.&nbsp;The summit&#8217;s tone was warm.</p>
                <p>Both   governments
                   cited the <em>North Korean</em> missile threat.</p>
                <h2>Obstacles</h2>
                <ul><li>The comfort women issue</li><li>The Dokdo dispute</li></ul>
                <blockquote>History must not be forgotten.</blockquote>
                <div>A closing paragraph in a div.</div>
                <aside>ASIDE TEXT Related: more stories</aside>
                <form><label>Email</label><input name="e"> FORM TEXT</form>
                <footer>ARTICLE FOOTER TEXT</footer>
              </article>
            </main>
            <footer>PAGE FOOTER TEXT &copy; 2023</footer>
            <script>console.log("SCRIPT TWO")</script>
            </body></html>
            """;

    @Test
    void keepsTheArticleAndDropsTheRest() throws Exception {
        DocumentReader.Result r = read("page.html", PAGE);
        String t = r.document().text();
        assertEquals("Japan and Korea: Partners at Last?\n\n"
                + "By Jane Doe\n\n"
                + "Seoul & Tokyo agreed to resume shuttle diplomacy. The summit\u2019s tone was warm.\n\n"
                + "Both governments cited the North Korean missile threat.\n\n"
                + "Obstacles\n\n"
                + "The comfort women issue\n\n"
                + "The Dokdo dispute\n\n"
                + "History must not be forgotten.\n\n"
                + "A closing paragraph in a div.\n", t);
        for (String junk : List.of("SCRIPT", "STYLE", "NAV TEXT", "SITE HEADER", "COOKIE", "ASIDE", "FORM TEXT",
                "FOOTER", "injected", "&amp;", "&nbsp;", "&#8217;", "\u00A0")) {
            assertFalse(t.contains(junk), "dropped: " + junk + "\n" + t);
        }
        assertEquals("html", r.document().info().format());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void readsMetadata() throws Exception {
        Document d = read("page.html", PAGE).document();
        assertEquals("Japan and Korea: Partners at Last?", d.info().title());
        assertEquals(List.of("Jane Doe", "Kim Min-jun"), d.info().authors());
        assertEquals("2023-03-17", d.info().date());
        assertEquals(Map.of("title", "file", "date", "file", "authors", "file"), d.info().origins());
    }

    @Test
    void titleTagAndTimeElementWhenNoMetaTags() throws Exception {
        String html = "<html><head><title>Alliance Politics Today</title></head><body>"
                + "<p>Posted <time datetime=\"2020-11-05T08:00:00+09:00\">5 Nov</time></p>"
                + "<p>Text of the post about the alliance.</p></body></html>";
        Document d = read("post.htm", html).document();
        assertEquals("Alliance Politics Today", d.info().title());
        assertEquals("2020-11-05", d.info().date());
        assertTrue(d.info().authors().isEmpty());
        assertEquals("Posted 5 Nov\n\nText of the post about the alliance.\n", d.text());
    }

    @Test
    void citationAndArticleMetaTags() throws Exception {
        String html = "<html><head><meta name=\"citation_title\" content=\"Deterrence in Asia\">"
                + "<meta name=\"citation_author\" content=\"Smith, John\"><meta name=\"citation_author\" content=\"Lee, Ann\">"
                + "<meta property=\"article:published_time\" content=\"2018-09-01T10:00:00Z\">"
                + "<title>Other</title></head><body><p>Body.</p></body></html>";
        Document d = read("c.html", html).document();
        assertEquals("Deterrence in Asia", d.info().title());
        assertEquals(List.of("Smith, John", "Lee, Ann"), d.info().authors());
        assertEquals("2018-09-01", d.info().date());
    }

    @Test
    void withoutArticleOrMainTheDensestBlockWins() throws Exception {
        String html = "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/x\">Topics</a></div>"
                + "<div id=\"content\"><p>" + "The alliance endured many crises. ".repeat(5) + "</p><p>"
                + "Trust between the militaries grew slowly. ".repeat(5) + "</p></div>"
                + "<div class=\"links\"><p>Short link text</p></div></body></html>";
        String t = read("dense.html", html).document().text();
        assertTrue(t.startsWith("The alliance endured many crises."), t);
        assertFalse(t.contains("Home"), t);
        assertFalse(t.contains("Short link text"), t);
    }

    private static final String PROSE = "<p>" + "The coastguards of both states now train together every season. ".repeat(4) + "</p>"
            + "<p>" + "Their ministers signed a pact on sharing patrol data at sea. ".repeat(4) + "</p>";

    @Test
    void aMenuInAPlainDivBesideTheParagraphsIsDropped() throws Exception {
        String html = "<html><body><div id=\"page\">"
                + "<div><a href=\"/\">Home</a> <a href=\"/about\">About us</a> <a href=\"/s\">Subscribe</a> "
                + "<a href=\"/c\">Contact</a> <a href=\"/e\">Events</a></div>"
                + PROSE + "</div></body></html>";
        String t = read("menu.html", html).document().text();
        assertTrue(t.startsWith("The coastguards of both states"), t);
        assertFalse(t.contains("Home") || t.contains("About us") || t.contains("Subscribe"), t);
    }

    @Test
    void linkListsAndBoilerplateClassesAreDroppedWhenTheBodyIsTheRoot() throws Exception {
        String html = "<html><body>"
                + "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/r\">Research</a></li><li><a href=\"/p\">Our people</a></li>"
                + "<li><a href=\"/d\">Donate now</a></li></ul>"
                + "<div class=\"site-header\">HEADER TEXT</div><div id=\"main-nav\">NAV TEXT</div>"
                + "<div class=\"top menu\">MENU TEXT</div><div class=\"navbar\">NAVBAR TEXT</div>"
                + "<div class=\"page-footer\">FOOTER TEXT</div>"
                + "<p>The coastguards of both states now train together.</p>"
                + "<p>Their ministers signed a pact on patrol data.</p>"
                + "<p>Talks involved <a href=\"/j\">Japan</a>, <a href=\"/k\">South Korea</a>, <a href=\"/c\">China</a> "
                + "and <a href=\"/r\">Russia</a>.</p>"
                + "<div class=\"headlines\"><a href=\"/n\">Navy</a> is a word, not nav.</div>"
                + "</body></html>";
        String t = read("links.html", html).document().text();
        assertEquals("The coastguards of both states now train together.\n\n"
                + "Their ministers signed a pact on patrol data.\n\n"
                + "Talks involved Japan, South Korea, China and Russia.\n\n"
                + "Navy is a word, not nav.\n", t);
    }

    @Test
    void theBlockWithMostOfTheParagraphTextIsNeverDropped() throws Exception {
        // a careless theme names the content box "menu-content"; it holds the paper, so it stays
        String html = "<html><body><div class=\"menu-content\">" + PROSE + "</div>"
                + "<div class=\"menu\"><a href=\"/\">Home</a></div></body></html>";
        String t = read("careless.html", html).document().text();
        assertTrue(t.startsWith("The coastguards of both states"), t);
        assertFalse(t.contains("Home"), t);
        // a list of links that are the paper's sources (long titles, addresses) is text, not navigation
        String refs = "<html><body>" + PROSE + "<ul>"
                + "<li><a href=\"/a\">https://example.org/patrol-data-pact</a></li>"
                + "<li><a href=\"/b\">https://example.org/coastguard-training</a></li>"
                + "<li><a href=\"/c\">The long history of maritime cooperation in the region</a></li>"
                + "<li><a href=\"/d\">https://example.org/ministers-meeting</a></li></ul></body></html>";
        String r = read("refs.html", refs).document().text();
        assertTrue(r.contains("https://example.org/patrol-data-pact") && r.contains("The long history"), r);
    }

    @Test
    void tablesBecomeRowsOfCells() throws Exception {
        String html = "<html><body><article><p>Table follows.</p><table><tr><th>Country</th><th>Position</th></tr>"
                + "<tr><td>Japan</td><td>Supports</td></tr></table></article></body></html>";
        assertEquals("Table follows.\n\nCountry | Position\n\nJapan | Supports\n",
                read("t.html", html).document().text());
    }

    @Test
    void charsetFromMetaTag() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body><p>Caf\u00e9 diplomacy \u2013 the \u201cbridge\u201d.</p></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1252"));
        DocumentReader.Result r = read("cp1252.html", bytes);
        assertEquals("Caf\u00e9 diplomacy \u2013 the \u201cbridge\u201d.\n", r.document().text());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void charsetFromByteOrderMarkAndInvalidUtf8Warned() throws Exception {
        String html = "<html><body><p>Seoul \u2013 Tokyo</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        DocumentReader.Result r = read("utf16.html", bytes);
        assertEquals("html", r.document().info().format());
        assertEquals("Seoul \u2013 Tokyo\n", r.document().text());

        byte[] bad = "<html><body><p>Caf\u00e9 culture and security talks.</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        DocumentReader.Result r2 = read("bad.html", bad);
        assertEquals("Caf\u00e9 culture and security talks.\n", r2.document().text()); // undeclared, not UTF-8: windows-1252
        assertEquals("windows-1252", r2.document().info().encoding());
        assertTrue(r2.warnings().get(0).contains("not UTF-8; read as windows-1252"), r2.warnings().toString());
    }

    @Test
    void htmlFragmentWithHtmlExtensionAndHtmlInTxt() throws Exception {
        assertEquals("Just a paragraph.\n", read("frag.html", "<p>Just a paragraph.</p>").document().text());
        DocumentReader.Result r = read("saved.txt", "<!doctype html><html><body><p>Saved page.</p></body></html>");
        assertEquals("html", r.document().info().format());
        assertEquals("Saved page.\n", r.document().text());
        assertTrue(r.warnings().get(0).contains("extension .txt"), r.warnings().toString());
    }

    @Test
    void pageWithoutTextIsRefused() throws Exception {
        Path p = dir.resolve("empty.html");
        Files.writeString(p, "<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>");
        InputFiles.InputFile f = new InputFiles.InputFile(p, "empty");
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> reader.read(f));
        assertEquals(p + ": HTML holds no text", e.getMessage());
    }

    @Test
    void deeplyNestedHtmlIsReadWithoutStackOverflow() throws Exception {
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>Deep text.</p>" + "</div>".repeat(100_000)
                + "</body></html>";
        assertTrue(read("deep.html", html).document().text().contains("Deep text."));
    }

    @Test
    void plainMetaDateAndOpenGraphTitle() throws Exception {
        String html = "<html><head><title>Site | Story</title><meta property=\"og:title\" content=\"The Real Title\">"
                + "<meta name=\"date\" content=\"August 22, 2019\"><meta name=\"author\" content=\"Ann Lee\"></head>"
                + "<body><main><p>Story text.</p></main></body></html>";
        Document d = read("og.html", html).document();
        assertEquals("The Real Title", d.info().title());
        assertEquals("2019-08-22", d.info().date());
        assertEquals(List.of("Ann Lee"), d.info().authors());
    }
}
