package io.entente.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML pages (jsoup): the article, not the page around it.
 *
 * <ul>
 *   <li>Charset: a byte-order mark, else {@code <meta charset>} or {@code http-equiv} Content-Type in the
 *       first 4 KB, else UTF-8 (invalid bytes replaced, with a warning).</li>
 *   <li>Dropped everywhere: scripts, styles, templates, forms and their controls, {@code nav}, {@code aside},
 *       {@code menu}, dialogs, hidden elements, ARIA navigation/banner/contentinfo/complementary/search regions,
 *       elements whose id or class names (as a word) navigation, a menu, a header or footer (a header holding
 *       a heading stays), a sidebar, a cookie or consent banner, sharing or newsletter box, breadcrumbs,
 *       adverts, related links or comments, and containers that are lists of short links (more than three
 *       links, at most three words each on average, three quarters of the letters). Never dropped: the
 *       element whose child paragraphs hold the most text, nor any holding half of the paragraph text.</li>
 *   <li>The content root: the {@code <article>} (the largest, when it holds most of the article text),
 *       else {@code <main>} / {@code role=main}, else the element whose child paragraphs hold the most
 *       text, else {@code <body>}. Inside it {@code footer}s are dropped, and {@code header}s unless they
 *       hold a heading (an article's title block); when the root is the body, every header and footer
 *       goes.</li>
 *   <li>Block elements ({@code p}, {@code h1}-{@code h6}, {@code li}, {@code blockquote}, {@code div} with
 *       text, table rows, ...) become lines separated by blank lines; table cells are joined with
 *       {@code " | "}; entities are decoded and no-break spaces become spaces.</li>
 *   <li>Metadata: {@code citation_title}, {@code og:title}, {@code <title>} (the {@code <h1>} when the title
 *       starts with it); {@code citation_author} or {@code <meta name="author">}; {@code
 *       citation_publication_date}, {@code citation_date}, {@code article:published_time},
 *       {@code <meta name="date">} (and Dublin Core dates), else the first {@code <time datetime>}.</li>
 * </ul>
 */
final class HtmlReader implements FormatReader {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final String DROP = "script, style, noscript, template, svg, math, iframe, object, embed, canvas, "
            + "form, button, input, select, textarea, label, nav, aside, dialog, menu, link, [hidden], "
            + "[aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[role=search], [role=dialog], [role=alertdialog], [role=menu], [role=menubar]";
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)(?:^|[\\s_-])(?:cookies?|consent|gdpr|newsletter|"
            + "subscribe|subscription|social|share|sharing|breadcrumbs?|advert|advertisement|ads?|sponsor(?:ed)?|promo|"
            + "popup|modal|related|comments?|sidebar|skip-link|paywall|signup|nav|navbar|navigation|menu|menubar|"
            + "footer|header)(?:$|[\\s_-])");
    /** Class words of a page's or an article's top and bottom: an article's header keeps its title block. */
    private static final Pattern HEADER_FOOTER = Pattern.compile("(?i)(?:^|[\\s_-])(?:footer|header)(?:$|[\\s_-])");
    /** Containers judged by link density (paragraphs, headings and quotes are prose, never judged). */
    private static final Set<String> LINK_BLOCKS = Set.of("div", "section", "ul", "ol", "dl", "table", "tbody", "center");
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure",
            "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "address", "hr", "br", "body",
            "center", "details", "summary", "fieldset", "legend");

    private final ReaderOptions options;

    HtmlReader(ReaderOptions options) {
        this.options = options;
    }

    @Override
    public ExtractedText read(Path path, byte[] bytes) throws DocumentReadException {
        List<String> warnings = new ArrayList<>();
        Charset[] used = new Charset[1];
        String html = decode(bytes, warnings, options.encoding(), used);
        org.jsoup.nodes.Document doc = Parser.htmlParser().setMaxDepth(Math.max(64, options.maxNesting() * 8))
                .parseInput(html, "");
        html = null;
        FileMetadata meta = metadata(doc);
        clean(doc);
        Element root = chooseRoot(doc);
        trimRoot(root, doc);
        String text = blocks(root);
        return new ExtractedText(text, List.of(), meta, warnings, used[0].name());
    }

    static String decode(byte[] bytes, List<String> warnings) {
        return decode(bytes, warnings, null, new Charset[1]);
    }

    /** Decodes with {@code forced} when given, else by BOM, declared charset, or detection; {@code used[0]} says which. */
    static String decode(byte[] bytes, List<String> warnings, Charset forced, Charset[] used) {
        TextDecoding.Bom bom = TextDecoding.bom(bytes);
        if (forced != null) {
            used[0] = forced;
            return TextDecoding.decode(bytes, bom != null && bom.charset().equals(forced) ? bom.length() : 0, forced, warnings);
        }
        if (bom != null) {
            used[0] = bom.charset();
            return TextDecoding.decode(bytes, bom.length(), bom.charset(), warnings);
        }
        Charset charset = StandardCharsets.UTF_8;
        boolean declared = false;
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            try {
                if (name.startsWith("utf-16") || name.startsWith("utf16")) {
                    // A page whose markup could be read as ASCII is not UTF-16 (the HTML standard says: UTF-8).
                    charset = StandardCharsets.UTF_8;
                } else if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")
                        || name.equals("ascii")) {
                    charset = Charset.forName("windows-1252");
                } else {
                    charset = Charset.forName(name);
                }
                declared = true;
            } catch (IllegalArgumentException e) {
                warnings.add("unknown charset '" + m.group(1) + "' declared; read as UTF-8");
            }
        }
        if (!declared) {
            charset = TextDecoding.detect(bytes, 0);
            if (charset != StandardCharsets.UTF_8) {
                warnings.add("no charset declared and not UTF-8; read as " + charset.name() + " (--encoding chooses another)");
            }
        }
        used[0] = charset;
        return TextDecoding.decode(bytes, 0, charset, warnings);
    }

    // ---------------------------------------------------------------- metadata

    private static FileMetadata metadata(org.jsoup.nodes.Document doc) {
        String title = firstMeta(doc, "meta[name=citation_title]", "meta[property=og:title]", "meta[name=og:title]",
                "meta[name=dc.title]", "meta[name=dcterms.title]");
        if (title == null) {
            String t = doc.title().strip();
            Element h1 = doc.selectFirst("h1");
            String h = h1 == null ? "" : clean(h1.text());
            if (!h.isEmpty() && (t.isEmpty() || t.startsWith(h))) {
                title = h;
            } else if (!t.isEmpty()) {
                title = t;
            }
        }
        List<String> authors = new ArrayList<>();
        for (Element e : doc.select("meta[name=citation_author]")) {
            authors.add(e.attr("content"));
        }
        if (authors.isEmpty()) {
            String a = firstMeta(doc, "meta[name=author]", "meta[name=dc.creator]", "meta[name=dcterms.creator]",
                    "meta[property=article:author]");
            if (a != null && !a.startsWith("http")) {
                authors.addAll(Authors.split(a));
            }
        }
        String date = null;
        for (String q : List.of("meta[name=citation_publication_date]", "meta[name=citation_date]",
                "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[name=date]",
                "meta[name=dc.date]", "meta[name=dc.date.issued]", "meta[name=dcterms.date]",
                "meta[name=dcterms.issued]", "meta[itemprop=datePublished]")) {
            Element e = doc.selectFirst(q);
            if (e != null) {
                date = Dates.iso(e.attr("content"));
                if (date != null) {
                    break;
                }
            }
        }
        if (date == null) {
            Element t = doc.selectFirst("article time[datetime], main time[datetime], time[datetime]");
            if (t != null) {
                date = Dates.iso(t.attr("datetime"));
            }
        }
        return new FileMetadata(title, authors, date);
    }

    private static String firstMeta(org.jsoup.nodes.Document doc, String... queries) {
        for (String q : queries) {
            Element e = doc.selectFirst(q);
            if (e != null && !e.attr("content").isBlank()) {
                return clean(e.attr("content"));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- content

    private static void clean(org.jsoup.nodes.Document doc) {
        doc.select(DROP).remove();
        Element body = doc.body();
        int total = body.text().length();
        Set<Element> kept = keep(body);
        List<Element> boiler = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.nameIs("article") || e.nameIs("main") || kept.contains(e)) {
                continue;
            }
            if (isLinkList(e)) {
                boiler.add(e);
                continue;
            }
            String idClass = e.id() + " " + e.className();
            if (idClass.isBlank() || !BOILERPLATE.matcher(idClass).find()) {
                continue;
            }
            if (e.selectFirst("article, main, [role=main]") != null) {
                continue;
            }
            boolean onlyHeaderOrFooter = !BOILERPLATE.matcher(HEADER_FOOTER.matcher(idClass).replaceAll(" ")).find();
            if (onlyHeaderOrFooter && e.selectFirst("h1, h2, h3") != null) {
                continue; // an article's "post-header" holds its title, as an article's <header> does
            }
            if (total > 0 && e.text().length() * 2 > total) {
                continue; // never drop most of the page on a class name alone
            }
            boiler.add(e);
        }
        boiler.forEach(Element::remove);
    }

    /**
     * The elements never dropped as boilerplate: the one whose child paragraphs hold the most text, and
     * every element holding at least half of the page's paragraph text (its ancestors), so that a content
     * box with a careless class name ("menu-content") survives.
     */
    private static Set<Element> keep(Element body) {
        Map<Element, Integer> weight = paragraphWeights(body);
        int all = weight.values().stream().mapToInt(Integer::intValue).sum();
        Set<Element> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        weight.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(densest -> {
            for (Element e = densest.getKey(); e != null; e = e.parent()) {
                kept.add(e);
            }
        });
        Map<Element, Integer> below = new IdentityHashMap<>();
        weight.forEach((parent, w) -> {
            for (Element e = parent; e != null; e = e.parent()) {
                below.merge(e, w, Integer::sum);
            }
        });
        below.forEach((e, w) -> {
            if (all > 0 && w * 2 >= all) {
                kept.add(e);
            }
        });
        return kept;
    }

    /** Text length of the {@code <p>} children of each element. */
    private static Map<Element, Integer> paragraphWeights(Element body) {
        Map<Element, Integer> weight = new IdentityHashMap<>();
        for (Element p : body.select("p")) {
            Element parent = p.parent();
            if (parent != null) {
                weight.merge(parent, p.text().length(), Integer::sum);
            }
        }
        return weight;
    }

    /**
     * A menu without a name: a container with more than three links whose texts hold most of its letters
     * and are short (at most three words on average; web addresses are a paper's sources, not navigation).
     */
    static boolean isLinkList(Element e) {
        if (!LINK_BLOCKS.contains(e.normalName())) {
            return false;
        }
        int links = 0;
        int words = 0;
        int linkLetters = 0;
        for (Element a : e.select("a")) {
            String t = a.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (ADDRESS.matcher(t).find()) {
                return false;
            }
            links++;
            words += t.split("\\s+").length;
            linkLetters += letters(t);
        }
        if (links <= 3 || words > 3 * links) {
            return false;
        }
        int allLetters = letters(e.text());
        return allLetters > 0 && linkLetters * 4 >= allLetters * 3;
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private static Element chooseRoot(org.jsoup.nodes.Document doc) {
        Element body = doc.body();
        Elements articles = body.select("article");
        if (!articles.isEmpty()) {
            Element best = articles.stream().max(Comparator.comparingInt(e -> e.text().length())).orElseThrow();
            int all = articles.stream().filter(a -> a.parents().stream().noneMatch(p -> p.nameIs("article")))
                    .mapToInt(a -> a.text().length()).sum();
            if (best.text().length() * 10 >= all * 6 && !best.text().isBlank()) {
                return best;
            }
        }
        Element main = body.selectFirst("main, [role=main]");
        if (main != null && !main.text().isBlank()) {
            return main;
        }
        Map<Element, Integer> weight = paragraphWeights(body);
        return weight.entrySet().stream().filter(e -> e.getValue() >= 200)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body);
    }

    private static void trimRoot(Element root, org.jsoup.nodes.Document doc) {
        boolean page = root == doc.body();
        root.select("footer").stream().filter(f -> f != root).forEach(Element::remove);
        for (Element h : root.select("header")) {
            if (h != root && (page || h.selectFirst("h1, h2, h3") == null)) {
                h.remove();
            }
        }
    }

    private static String blocks(Element root) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] pre = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(pre[0] > 0 ? t.getWholeText() : t.text());
                } else if (node instanceof Element e) {
                    if (e.nameIs("td") || e.nameIs("th")) {
                        if (e.elementSiblingIndex() > 0) {
                            current.append(" | ");
                        }
                    } else if (BLOCKS.contains(e.normalName())) {
                        flush(paragraphs, current, pre[0] > 0);
                        if (e.nameIs("pre")) {
                            pre[0]++;
                        }
                    } else if (e.nameIs("img") && !e.attr("alt").isBlank() && current.length() > 0) {
                        current.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(paragraphs, current, pre[0] > 0);
                    if (e.nameIs("pre")) {
                        pre[0]--;
                    }
                } else if (node instanceof Element e && (e.nameIs("td") || e.nameIs("th"))) {
                    current.append(' ');
                }
            }
        }, root);
        flush(paragraphs, current, false);
        return paragraphs.isEmpty() ? "" : String.join("\n\n", paragraphs) + "\n";
    }

    private static void flush(List<String> paragraphs, StringBuilder current, boolean keepLines) {
        if (current.length() == 0) {
            return;
        }
        String s;
        if (keepLines) {
            s = current.toString().replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ")
                    .replaceAll("\\r\\n?", "\n").replaceAll(" *\\n *", "\n").replaceAll("\\n{2,}", "\n").strip();
        } else {
            s = clean(current.toString());
        }
        current.setLength(0);
        if (!s.isEmpty()) {
            paragraphs.add(s);
        }
    }

    private static String clean(String s) {
        return s.replace('\u00A0', ' ').replace('\u200B', ' ').replaceAll("\\s+", " ").strip();
    }
}
