package io.entente.site;

import static io.entente.site.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document's page: its text rebuilt from the report's sentences (at their offsets), the evidence
 * sentences highlighted per theme and the entity mentions marked, with a side panel of themes, modality,
 * actors and recommendations. Rendered here, escaped here: the page runs no script of its own.
 */
final class DocumentPage {
    private DocumentPage() {
    }

    /**
     * @param themeClass theme id → its colour class: {@code d0}–{@code d4} for drivers (cool tints), {@code o0}–{@code o4}
     *                   for obstacles (warm tints), the same on every page
     * @param countryNames country code → name
     */
    static String render(SiteData.Document d, Map<String, String> themeClass, Map<String, String> countryNames) {
        StringBuilder b = new StringBuilder(d.characters() * 2 + 8192);
        String title = d.title() == null ? d.id() : d.title();
        b.append(Html.head(title + " \u2013 Entente", "../"));
        b.append("<main id=\"main\" class=\"doc\">\n<header>\n<h1>").append(esc(title)).append("</h1>\n<dl class=\"meta\">");
        meta(b, "Document", esc(d.id()));
        meta(b, "Date", d.date() == null ? "undated" : esc(d.date()));
        if (!d.authors().isEmpty()) {
            meta(b, "Authors", esc(String.join("; ", d.authors())));
        }
        if (d.publisher() != null) {
            meta(b, "Publisher", esc(d.publisher()));
        }
        if (!d.tags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            for (String t : d.tags()) {
                tags.add("<a href=\"../index.html#tag=" + esc(url(t)) + "\">" + esc(t) + "</a>");
            }
            meta(b, "Tags", String.join(", ", tags));
        }
        meta(b, "Source", esc(d.source()) + " (" + esc(d.format()) + (d.pages() == null ? "" : ", " + d.pages() + " pages") + ")");
        b.append("</dl>\n<p class=\"legend\"><span class=\"ev driver\">driver</span> <span class=\"ev obstacle\">obstacle</span> "
                + "<span class=\"ent\">entity mention</span> — evidence sentences are marked ▲ (driver) or ▼ (obstacle) "
                + "and coloured by theme (the swatch beside each theme in the side panel).</p>\n</header>\n");

        // Evidence by sentence, strongest first.
        Map<Integer, List<SiteData.Theme>> themesOf = new TreeMap<>();
        Map<Integer, SiteData.Evidence> evidenceOf = new TreeMap<>();
        for (SiteData.Theme t : d.themes()) {
            for (SiteData.Evidence e : t.evidence()) {
                themesOf.computeIfAbsent(e.sentence(), k -> new ArrayList<>()).add(t);
                SiteData.Evidence prev = evidenceOf.get(e.sentence());
                if (prev == null || e.score() > prev.score()) {
                    evidenceOf.put(e.sentence(), e);
                }
            }
        }
        Map<Integer, List<Mark>> marks = new TreeMap<>();
        for (SiteData.Entity e : d.entities()) {
            String label = e.code() == null ? e.canonical() + " (" + e.type().toLowerCase(Locale.ROOT) + ")"
                    : e.canonical() + " (" + e.code() + ")";
            for (SiteData.Mention m : e.mentions()) {
                marks.computeIfAbsent(m.sentence(), k -> new ArrayList<>())
                        .add(new Mark(m.start(), m.end(), e.type().toLowerCase(Locale.ROOT), label));
            }
        }

        b.append("<div class=\"layout\">\n<article aria-labelledby=\"text-h\">\n<h2 id=\"text-h\">Text</h2>\n<p>");
        int previousEnd = -1;
        Integer lastPage = null;
        List<SiteData.Sentence> sentences = new ArrayList<>(d.sentences());
        sentences.sort(Comparator.comparingInt(SiteData.Sentence::start));
        for (SiteData.Sentence s : sentences) {
            if (previousEnd >= 0) {
                // The report keeps sentences, not the white space between them: a gap of more than one
                // character was a line break or more, so it starts a new paragraph.
                b.append(s.start() - previousEnd > 1 ? "</p>\n<p>" : " ");
            }
            previousEnd = s.end();
            List<SiteData.Theme> ts = themesOf.getOrDefault(s.index(), List.of());
            SiteData.Evidence ev = evidenceOf.get(s.index());
            if (ev != null && ev.page() != null && !ev.page().equals(lastPage)) {
                b.append("<span class=\"pg\">p.\u00a0").append(ev.page()).append("</span> ");
                lastPage = ev.page();
            }
            String body = sentenceBody(s, marks.getOrDefault(s.index(), List.of()));
            if (ts.isEmpty()) {
                b.append("<span class=\"s").append(s.section() == null ? "" : " section").append("\" id=\"s-").append(s.index())
                        .append("\" data-start=\"").append(s.start()).append("\" data-end=\"").append(s.end()).append("\">")
                        .append(body).append("</span>");
                continue;
            }
            ts.sort(Comparator.comparingDouble(SiteData.Theme::score).reversed());
            boolean driver = ts.stream().anyMatch(t -> "driver".equals(t.polarity()));
            boolean obstacle = ts.stream().anyMatch(t -> "obstacle".equals(t.polarity()));
            SiteData.Theme first = ts.get(0);
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (SiteData.Theme t : ts) {
                ids.add(t.id());
                names.add(t.name() + " (" + t.polarity() + ")");
            }
            b.append("<mark class=\"s ev ").append(driver && obstacle ? "both" : driver ? "driver" : "obstacle")
                    .append(' ').append(themeClass.getOrDefault(first.id(), "d0"))
                    .append("\" id=\"s-").append(s.index())
                    .append("\" data-start=\"").append(ev.start()).append("\" data-end=\"").append(ev.end())
                    .append("\" data-themes=\"").append(esc(String.join(" ", ids)))
                    .append("\" data-modality=\"").append(esc(ev.modality()))
                    .append("\" title=\"").append(esc(String.join("; ", names) + ", " + ev.modality())).append("\">")
                    .append(body).append("</mark>");
        }
        b.append("</p>\n</article>\n");

        b.append("<aside aria-labelledby=\"themes-h\">\n<h2 id=\"themes-h\">Themes</h2>\n");
        if (d.themes().isEmpty()) {
            b.append("<p>No theme found.</p>\n");
        }
        List<SiteData.Theme> byScore = new ArrayList<>(d.themes());
        byScore.sort(Comparator.comparingDouble(SiteData.Theme::score).reversed().thenComparing(SiteData.Theme::id));
        for (SiteData.Theme t : byScore) {
            String symbol = "driver".equals(t.polarity()) ? "▲" : "▼";
            b.append("<section class=\"theme ").append(esc(t.polarity())).append(' ').append(themeClass.getOrDefault(t.id(), "d0"))
                    .append("\" id=\"theme-").append(esc(t.id())).append("\">\n<h3><span class=\"sw ")
                    .append(themeClass.getOrDefault(t.id(), "d0")).append("\" aria-hidden=\"true\"></span> <span class=\"sym\" aria-hidden=\"true\">")
                    .append(symbol).append("</span> ").append(esc(t.name())).append(" <small>").append(esc(t.polarity()))
                    .append("</small></h3>\n<p>salience ").append(fmt(t.score())).append(", presence ").append(fmt(t.presence()));
            if (!t.actors().isEmpty()) {
                b.append("; actors: ").append(countries(t.actors(), countryNames));
            }
            b.append(" · <a href=\"../index.html#theme=").append(esc(url(t.id()))).append("\">in the corpus</a></p>\n<ol>");
            for (SiteData.Evidence e : t.evidence()) {
                evidenceItem(b, e);
            }
            b.append("</ol>\n</section>\n");
        }
        List<String[]> recommendations = new ArrayList<>();
        for (SiteData.Theme t : byScore) {
            for (SiteData.Evidence e : t.evidence()) {
                if ("recommended".equals(e.modality())) {
                    recommendations.add(new String[] {t.name(), Integer.toString(e.sentence()), e.text()});
                }
            }
        }
        b.append("<h2 id=\"rec-h\">Recommendations</h2>\n");
        if (recommendations.isEmpty()) {
            b.append("<p>No evidence sentence recommends.</p>\n");
        } else {
            b.append("<ul class=\"rec\">");
            for (String[] r : recommendations) {
                b.append("<li><a href=\"#s-").append(r[1]).append("\">").append(esc(r[2])).append("</a> <small>")
                        .append(esc(r[0])).append("</small></li>");
            }
            b.append("</ul>\n");
        }
        if (!d.cooperation().isEmpty()) {
            b.append("<h2>Cooperation</h2>\n<ul>");
            for (SiteData.Pair p : d.cooperation()) {
                b.append("<li>").append(countries(p.countries(), countryNames)).append(": ").append(p.sentences())
                        .append(p.sentences() == 1 ? " sentence" : " sentences").append("</li>");
            }
            b.append("</ul>\n");
        }
        b.append("<h2>Entities</h2>\n");
        entityList(b, d, "COUNTRY", "Countries", countryNames);
        entityList(b, d, "ORGANIZATION", "Organizations", countryNames);
        entityList(b, d, "PERSON", "People", countryNames);
        b.append("</aside>\n</div>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private record Mark(int start, int end, String type, String label) {
    }

    /** The sentence's text with its entity mentions marked (overlapping mentions: the first wins). */
    private static String sentenceBody(SiteData.Sentence s, List<Mark> marks) {
        String text = s.text();
        if (marks.isEmpty() || text.length() != s.end() - s.start()) {
            return esc(text);
        }
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Mark m : sorted) {
            int from = m.start() - s.start();
            int to = m.end() - s.start();
            if (from < at || to > text.length() || from >= to) {
                continue;
            }
            b.append(esc(text.substring(at, from))).append("<span class=\"ent ").append(esc(m.type())).append("\" title=\"")
                    .append(esc(m.label())).append("\">").append(esc(text.substring(from, to))).append("</span>");
            at = to;
        }
        return b.append(esc(text.substring(at))).toString();
    }

    private static void evidenceItem(StringBuilder b, SiteData.Evidence e) {
        b.append("<li><a href=\"#s-").append(e.sentence()).append("\">").append(esc(e.text())).append("</a> <small>")
                .append(esc(e.modality())).append(", score ").append(fmt(e.score()));
        if (e.page() != null) {
            b.append(", p.\u00a0").append(e.page());
        }
        b.append("</small></li>");
    }

    private static void entityList(StringBuilder b, SiteData.Document d, String type, String heading,
                                   Map<String, String> countryNames) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        d.entities().stream().filter(e -> type.equals(e.type()))
                .sorted(Comparator.comparingInt((SiteData.Entity e) -> -e.mentions().size()).thenComparing(SiteData.Entity::canonical))
                .forEach(e -> {
                    counts.merge(e.canonical(), e.mentions().size(), Integer::sum);
                    if (e.code() != null) {
                        codes.put(e.canonical(), e.code());
                    }
                });
        if (counts.isEmpty()) {
            return;
        }
        b.append("<h3>").append(heading).append("</h3>\n<ul class=\"ents\">");
        counts.forEach((name, n) -> {
            b.append("<li>");
            String code = codes.get(name);
            if (code != null) {
                b.append("<a href=\"../index.html#country=").append(esc(url(code))).append("\">").append(esc(name)).append("</a>");
            } else {
                b.append(esc(name));
            }
            b.append(" <small>").append(n).append("</small></li>");
        });
        b.append("</ul>\n");
    }

    private static String countries(List<String> codes, Map<String, String> names) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            out.add("<a href=\"../index.html#country=" + esc(url(c)) + "\">" + esc(names.getOrDefault(c, c)) + "</a>");
        }
        return String.join(", ", out);
    }

    private static void meta(StringBuilder b, String term, String html) {
        b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
