package io.entente.input;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out the glyphs of a PDF's pages as text that reads like the paper.
 *
 * <ol>
 *   <li><b>Lines.</b> Glyphs (in the page's dominant writing direction) are grouped by baseline; a group
 *       of smaller glyphs raised into (or lowered from) a neighbouring line is merged into it as its
 *       super- or subscripts. Duplicate glyphs (fake bold) are dropped. A line is cut into segments
 *       where a horizontal gap exceeds 1.5 times its font size. Spaces come from space glyphs or gaps
 *       wider than 0.17 of the font size; ligatures are expanded.</li>
 *   <li><b>Footnote markers</b>: digits (and * † ‡ § ¶) that are superscript (raised by more than a
 *       quarter of the font size) or set in a smaller font (under 85%), glued to the end of a word or
 *       punctuation, are <em>dropped</em>: "alliance.<sup>12</sup> The" and "alliance<sup>12</sup>" read
 *       "alliance. The" and "alliance". Dropping (rather than separating with a space) keeps numbers
 *       out of sentences and cue windows; the note itself stays in the text where the page prints it.
 *       Small letters (ordinals such as "21<sup>st</sup>") are kept and glued.</li>
 *   <li><b>Running headers, footers, page numbers</b>: among the three top and three bottom lines of
 *       each page, a line whose text (lower-cased, digits ignored) recurs there on at least 40% of the
 *       pages (and at least 2) is dropped, and so is a page's very first or last line when it recurs
 *       as such on three pages, or two when it holds a number (a chapter's running head "Chapter 2:
 *       Methods 17"); so is a bare page number ("12", "- 12 -", "Page 12 of 30", "xii") as the top or
 *       bottom line.</li>
 *   <li><b>Columns.</b> A page is read as two columns when a vertical gutter in the middle 40% of the
 *       text area is crossed by few segments (at most 40%, e.g. a full-width title) while at least
 *       a fifth of the segments, and three, lie on each side, each side's segments being wide enough to
 *       be text (median over a quarter of the text width). Segments that cross the gutter cut the page
 *       into bands; in each band the left column is read top to bottom, then the right.</li>
 *   <li><b>Paragraphs.</b> Consecutive lines of one column are joined with a space unless a paragraph
 *       ends between them: a vertical gap over 1.45 times the column's usual line spacing, a change of
 *       font size, a heading (font 15% larger than the body's, or a bold line in a non-bold body) before
 *       or after, a line filling less than 60% of the column (unless the next continues in lower case),
 *       a line that ends a sentence well short of the right edge, an indented first line (but an indented
 *       line in lower case, or under an enumerated line such as "F. Include", continues: a hanging
 *       indent), a bullet or numbered heading ("2.1 ") next, or a table-of-contents line (dot leaders
 *       and a page number) before.
 *       Across a column or page break a paragraph continues when the line before does not end a
 *       sentence. Paragraphs are separated by a blank line.</li>
 *   <li><b>Hyphenation.</b> A line ending in a hyphen after a letter, followed by one starting in lower
 *       case, is joined without the hyphen ("coopera-" + "tion" = "cooperation") unless the hyphenated
 *       form occurs elsewhere in the document and the solid form does not ("self-" + "defense" stays
 *       "self-defense" when the paper writes "self-defense" elsewhere). Before an upper-case letter the
 *       hyphen stays ("Japan-" + "Korea" = "Japan-Korea"). Soft hyphens always go.</li>
 * </ol>
 */
final class PdfLayout {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:page\\s+)?[-–—(\\[]?\\s*(?:\\d{1,3}|[ivxlc]{1,6})\\s*[-–—)\\]]?(?:\\s*(?:of|/)\\s*\\d{1,4})?$");
    private static final Pattern TERMINAL = Pattern.compile("[.!?:][\"'”’)\\]]*$");
    private static final Pattern BULLET = Pattern.compile(
            "^(?:[•▪◦●■□‣⁃·*–—-]\\s|\\(?\\d{1,2}[.)]\\s|\\(?[a-z][.)]\\s|\\(?[ivx]{1,4}[.)]\\s|\\d{1,2}(?:\\.\\d{1,2})+\\.?\\s)");
    private static final Pattern ENUMERATED = Pattern.compile("^\\(?[A-Z][.)]\\s");
    /** A table-of-contents line: dot leaders and a page number. */
    private static final Pattern LEADERS = Pattern.compile("(?:\\.\\s?){3,}\\s*\\d+$");
    private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:[-\u2010]\\p{L}+)+");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String MARKER_SYMBOLS = "*†‡§¶";

    private PdfLayout() {
    }

    /** One glyph: its text, left x, baseline y (downwards), width, font size, boldness and direction. */
    record Glyph(String text, float x, float y, float w, float fs, boolean bold, int dir) {
        Glyph withText(String t) {
            return new Glyph(t, x, y, w, fs, bold, dir);
        }

        float end() {
            return x + w;
        }

        boolean space() {
            return text.isBlank();
        }
    }

    /** The laid-out text and the offset where each page starts. */
    record Result(String text, List<Integer> pageStarts) {
    }

    private static final class Segment {
        final List<Glyph> glyphs = new ArrayList<>();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        String text = "";
        Cluster cluster;
    }

    /** The glyphs on one baseline. */
    private static final class Cluster {
        final List<Glyph> glyphs = new ArrayList<>();
        final List<Segment> segments = new ArrayList<>();
        float y;
        float fs;
        float x0;
        float x1;
        boolean merged;
        boolean removed;
        boolean bold;
        String text = "";
    }

    /** A line in reading order. */
    private static final class Line {
        String text;
        float x0;
        float x1;
        float y;
        float fs;
        boolean bold;
        int page;
        int flow;
        float left;
        float right;
        boolean heading;
    }

    /** One page's lines, with their text and geometry; the glyphs themselves are no longer held. */
    static final class Page {
        private final List<Cluster> clusters;

        private Page(List<Cluster> clusters) {
            this.clusters = clusters;
        }
    }

    /** Lays out one page's glyphs into lines (called as each page is read, so that glyphs never pile up). */
    static Page page(List<Glyph> glyphs) {
        List<Cluster> clusters = lines(glyphs);
        for (Cluster c : clusters) {
            c.glyphs.clear();
            for (Segment s : c.segments) {
                s.glyphs.clear();
            }
        }
        return new Page(clusters);
    }

    static Result layout(List<Page> pages) {
        List<List<Cluster>> clustered = new ArrayList<>();
        for (Page page : pages) {
            clustered.add(page.clusters);
        }
        dropRunning(clustered);
        List<List<Line>> ordered = new ArrayList<>();
        for (int i = 0; i < clustered.size(); i++) {
            ordered.add(order(clustered.get(i), i));
        }
        return assemble(ordered);
    }

    // ---------------------------------------------------------------- glyphs to lines

    private static List<Cluster> lines(List<Glyph> page) {
        if (page.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Integer, Integer> dirs = new HashMap<>();
        for (Glyph g : page) {
            dirs.merge(g.dir(), 1, Integer::sum);
        }
        int dir = dirs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Glyph> gs = new ArrayList<>();
        for (Glyph g : page) {
            if (g.dir() == dir) {
                gs.add(g);
            }
        }
        gs.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<Cluster> clusters = new ArrayList<>();
        Cluster c = null;
        for (Glyph g : gs) {
            if (c == null || Math.abs(g.y() - c.y) > 0.3f * Math.min(g.fs(), c.fs)) {
                c = new Cluster();
                c.y = g.y();
                c.fs = g.fs();
                clusters.add(c);
            }
            c.glyphs.add(g);
            c.fs = Math.max(c.fs, g.fs());
        }
        for (Cluster k : clusters) {
            measure(k);
        }
        mergeScripts(clusters);
        List<Cluster> out = new ArrayList<>();
        for (Cluster k : clusters) {
            if (!k.merged) {
                measure(k);
                segment(k);
                if (!k.text.isBlank()) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** Font size (median), baseline (median of the normal-size glyphs), extent and boldness of a cluster. */
    private static void measure(Cluster c) {
        float[] sizes = new float[c.glyphs.size()];
        int n = 0;
        for (Glyph g : c.glyphs) {
            if (!g.space()) {
                sizes[n++] = g.fs();
            }
        }
        if (n == 0) {
            for (Glyph g : c.glyphs) {
                sizes[n++] = g.fs();
            }
        }
        Arrays.sort(sizes, 0, n);
        c.fs = sizes[(n - 1) / 2];
        float[] ys = new float[c.glyphs.size()];
        int m = 0;
        int bold = 0;
        int letters = 0;
        c.x0 = Float.MAX_VALUE;
        c.x1 = -Float.MAX_VALUE;
        for (Glyph g : c.glyphs) {
            if (g.fs() >= 0.85f * c.fs) {
                ys[m++] = g.y();
            }
            c.x0 = Math.min(c.x0, g.x());
            c.x1 = Math.max(c.x1, g.end());
            if (Character.isLetter(g.text().charAt(0))) {
                letters++;
                if (g.bold()) {
                    bold++;
                }
            }
        }
        if (m > 0) {
            Arrays.sort(ys, 0, m);
            c.y = ys[(m - 1) / 2];
        }
        c.bold = letters > 0 && bold * 10 >= letters * 8;
    }

    /** Merges groups of smaller glyphs raised into, or lowered from, a neighbouring line into that line. */
    private static void mergeScripts(List<Cluster> clusters) {
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            Cluster best = null;
            float bestDy = Float.MAX_VALUE;
            for (int step = -1; step <= 1; step += 2) {
                for (int j = i + step; j >= 0 && j < clusters.size(); j += step) {
                    Cluster l = clusters.get(j);
                    float dy = l.y - c.y; // > 0: c is above l
                    if (Math.abs(dy) > 1.5f * Math.max(l.fs, c.fs)) {
                        break;
                    }
                    if (l.merged || c.fs > 0.85f * l.fs) {
                        continue;
                    }
                    boolean raised = dy > 0 && dy <= 0.6f * l.fs;
                    boolean lowered = dy < 0 && -dy <= 0.35f * l.fs;
                    boolean beside = c.x0 <= l.x1 + l.fs && c.x1 >= l.x0 - l.fs;
                    if ((raised || lowered) && beside && Math.abs(dy) < bestDy) {
                        best = l;
                        bestDy = Math.abs(dy);
                    }
                }
            }
            if (best != null) {
                best.glyphs.addAll(c.glyphs);
                c.merged = true;
            }
        }
    }

    /** Sorts a cluster's glyphs left to right, drops duplicates, cuts it at wide gaps and builds each segment's text. */
    private static void segment(Cluster c) {
        c.glyphs.sort(Comparator.comparingDouble(Glyph::x));
        List<Glyph> kept = new ArrayList<>();
        for (Glyph g : c.glyphs) {
            boolean dup = false;
            for (int k = kept.size() - 1; k >= 0 && k >= kept.size() - 4; k--) {
                Glyph p = kept.get(k);
                if (p.text().equals(g.text()) && Math.abs(p.x() - g.x()) < Math.max(0.2f * Math.max(g.w(), 1f), 0.5f)
                        && Math.abs(p.y() - g.y()) < 0.2f * g.fs()) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(g);
            }
        }
        c.segments.clear();
        Segment s = null;
        float lastEnd = -Float.MAX_VALUE;
        for (Glyph g : kept) {
            if (!g.space() && s != null && !s.glyphs.isEmpty() && g.x() - lastEnd > 1.5f * c.fs) {
                s = null;
            }
            if (s == null) {
                if (g.space()) {
                    continue;
                }
                s = new Segment();
                s.cluster = c;
                c.segments.add(s);
            }
            s.glyphs.add(g);
            if (!g.space()) {
                s.x0 = Math.min(s.x0, g.x());
                s.x1 = Math.max(s.x1, g.end());
                lastEnd = Math.max(lastEnd, g.end());
            }
        }
        StringBuilder all = new StringBuilder();
        for (Segment seg : c.segments) {
            seg.text = text(seg.glyphs, c.fs, c.y);
            if (!seg.text.isEmpty()) {
                if (all.length() > 0) {
                    all.append(' ');
                }
                all.append(seg.text);
            }
        }
        c.segments.removeIf(seg -> seg.text.isEmpty());
        c.text = all.toString();
    }

    private static boolean markerChar(String t) {
        if (t.length() != 1) {
            return false;
        }
        char ch = t.charAt(0);
        return (ch >= '0' && ch <= '9') || MARKER_SYMBOLS.indexOf(ch) >= 0 || ch == ',' || ch == '-' || ch == '–';
    }

    private static boolean scripted(Glyph g, float lineFs, float baseline) {
        return g.fs() < 0.85f * lineFs || g.y() < baseline - 0.25f * lineFs;
    }

    /** The text of one segment's glyphs (left to right), with spaces from gaps and footnote markers dropped. */
    static String text(List<Glyph> gs, float lineFs, float baseline) {
        StringBuilder sb = new StringBuilder();
        float prevEnd = Float.NaN;
        boolean pendingSpace = false;
        for (int i = 0; i < gs.size(); i++) {
            Glyph g = gs.get(i);
            if (g.space()) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (scripted(g, lineFs, baseline) && markerChar(g.text()) && sb.length() > 0 && !pendingSpace
                    && g.x() - prevEnd < 0.35f * lineFs) {
                int k = i;
                boolean digit = false;
                float end = prevEnd;
                while (k < gs.size() && !gs.get(k).space() && scripted(gs.get(k), lineFs, baseline)
                        && markerChar(gs.get(k).text()) && gs.get(k).x() - end < 0.5f * lineFs) {
                    char ch = gs.get(k).text().charAt(0);
                    digit |= Character.isDigit(ch) || MARKER_SYMBOLS.indexOf(ch) >= 0;
                    end = Math.max(end, gs.get(k).end());
                    k++;
                }
                boolean gluedAfter = k < gs.size() && !gs.get(k).space()
                        && !scripted(gs.get(k), lineFs, baseline)
                        && Character.isLetterOrDigit(gs.get(k).text().charAt(0))
                        && gs.get(k).x() - end < 0.1f * lineFs;
                if (digit && !gluedAfter) {
                    prevEnd = end;
                    i = k - 1;
                    continue;
                }
            }
            if (sb.length() > 0 && (pendingSpace || g.x() - prevEnd > 0.17f * Math.min(lineFs, Math.max(g.fs(), 1f)))) {
                sb.append(' ');
            }
            sb.append(g.text());
            prevEnd = Float.isNaN(prevEnd) ? g.end() : Math.max(prevEnd, g.end());
            pendingSpace = false;
        }
        return tidy(sb.toString());
    }

    private static String tidy(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\uFB00' -> sb.append("ff");
                case '\uFB01' -> sb.append("fi");
                case '\uFB02' -> sb.append("fl");
                case '\uFB03' -> sb.append("ffi");
                case '\uFB04' -> sb.append("ffl");
                case '\uFB05', '\uFB06' -> sb.append("st");
                case '\u00A0', '\t', '\r', '\n', '\u2028', '\u2029' -> sb.append(' ');
                default -> {
                    if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0)) {
                        sb.append(' ');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        String t = Normalizer.normalize(sb, Normalizer.Form.NFC);
        return t.replaceAll(" {2,}", " ").strip();
    }

    // ---------------------------------------------------------------- running headers and footers

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
    }

    private static void dropRunning(List<List<Cluster>> pages) {
        int n = pages.size();
        if (n >= 2) {
            int threshold = Math.max(2, (int) Math.ceil(0.4 * n));
            Map<String, Set<Integer>> seen = new HashMap<>();
            Map<String, Set<Integer>> extreme = new HashMap<>();
            List<List<Cluster>> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Cluster> cand = edges(pages.get(i), 3);
                candidates.add(cand);
                for (Cluster c : cand) {
                    seen.computeIfAbsent(key(c.text), k -> new HashSet<>()).add(i);
                }
                for (Cluster c : edges(pages.get(i), 1)) {
                    extreme.computeIfAbsent(key(c.text), k -> new HashSet<>()).add(i);
                }
            }
            for (int i = 0; i < n; i++) {
                List<Cluster> cand = candidates.get(i);
                List<Cluster> ends = edges(pages.get(i), 1);
                for (Cluster c : cand) {
                    String k = key(c.text);
                    if (seen.get(k).size() >= threshold) {
                        c.removed = true;
                    } else if (ends.contains(c)) {
                        // A chapter's running head ("Chapter 2: Methods 17") recurs on fewer pages than the
                        // journal's; as a page's very first or last line it is still a running head.
                        int pagesWithIt = extreme.get(k).size();
                        if (pagesWithIt >= 3 || (pagesWithIt >= 2 && k.contains("#"))) {
                            c.removed = true;
                        }
                    }
                }
            }
        }
        boolean anyLeft = pages.stream().flatMap(List::stream).anyMatch(c -> !c.removed);
        if (!anyLeft) {
            // Every line repeats: that is the document, not its running heads.
            pages.forEach(page -> page.forEach(c -> c.removed = false));
        }
        for (List<Cluster> page : pages) {
            List<Cluster> rest = page.stream().filter(c -> !c.removed).sorted(Comparator.comparingDouble(c -> c.y)).toList();
            if (rest.size() >= 2) {
                for (Cluster c : List.of(rest.get(0), rest.get(rest.size() - 1))) {
                    if (PAGE_NUMBER.matcher(c.text.strip()).matches()) {
                        c.removed = true;
                    }
                }
            }
            page.removeIf(c -> c.removed);
        }
    }

    /** The {@code k} top and {@code k} bottom lines of a page. */
    private static List<Cluster> edges(List<Cluster> page, int k) {
        List<Cluster> byY = new ArrayList<>(page);
        byY.sort(Comparator.comparingDouble(c -> c.y));
        LinkedHashMap<Cluster, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(k, byY.size()); i++) {
            out.put(byY.get(i), true);
            out.put(byY.get(byY.size() - 1 - i), true);
        }
        return new ArrayList<>(out.keySet());
    }

    // ---------------------------------------------------------------- reading order

    private static List<Line> order(List<Cluster> clusters, int pageIndex) {
        List<Cluster> byY = new ArrayList<>(clusters);
        byY.sort(Comparator.comparingDouble(c -> c.y));
        List<Segment> segs = new ArrayList<>();
        for (Cluster c : byY) {
            segs.addAll(c.segments);
        }
        float gutter = gutter(segs);
        List<Line> lines = new ArrayList<>();
        if (Float.isNaN(gutter)) {
            for (Cluster c : byY) {
                lines.add(line(c.segments, c, pageIndex, 0));
            }
        } else {
            int band = 0;
            List<Line> left = new ArrayList<>();
            List<Line> right = new ArrayList<>();
            for (Cluster c : byY) {
                boolean crosses = c.segments.stream().anyMatch(s -> s.x0 < gutter - 1 && s.x1 > gutter + 1);
                if (crosses) {
                    lines.addAll(left);
                    lines.addAll(right);
                    left.clear();
                    right.clear();
                    band++;
                    lines.add(line(c.segments, c, pageIndex, band * 3 + 2));
                    band++;
                    continue;
                }
                List<Segment> l = c.segments.stream().filter(s -> s.x1 <= gutter + 1).toList();
                List<Segment> r = c.segments.stream().filter(s -> s.x1 > gutter + 1).toList();
                if (!l.isEmpty()) {
                    left.add(line(l, c, pageIndex, band * 3));
                }
                if (!r.isEmpty()) {
                    right.add(line(r, c, pageIndex, band * 3 + 1));
                }
            }
            lines.addAll(left);
            lines.addAll(right);
        }
        Map<Integer, float[]> bounds = new HashMap<>();
        for (Line l : lines) {
            float[] b = bounds.computeIfAbsent(l.flow, f -> new float[] {Float.MAX_VALUE, -Float.MAX_VALUE});
            b[0] = Math.min(b[0], l.x0);
            b[1] = Math.max(b[1], l.x1);
        }
        for (Line l : lines) {
            float[] b = bounds.get(l.flow);
            l.left = b[0];
            l.right = b[1];
        }
        return lines;
    }

    private static Line line(List<Segment> segs, Cluster c, int page, int flow) {
        Line l = new Line();
        StringBuilder sb = new StringBuilder();
        l.x0 = Float.MAX_VALUE;
        l.x1 = -Float.MAX_VALUE;
        for (Segment s : segs) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s.text);
            l.x0 = Math.min(l.x0, s.x0);
            l.x1 = Math.max(l.x1, s.x1);
        }
        l.text = sb.toString();
        l.y = c.y;
        l.fs = c.fs;
        l.bold = c.bold;
        l.page = page;
        l.flow = flow;
        return l;
    }

    /** The x of a two-column page's gutter, or NaN for a page read as one column. */
    private static float gutter(List<Segment> segs) {
        int n = segs.size();
        if (n < 6) {
            return Float.NaN;
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (Segment s : segs) {
            min = Math.min(min, s.x0);
            max = Math.max(max, s.x1);
        }
        float span = max - min;
        if (span < 50) {
            return Float.NaN;
        }
        int bestCount = Integer.MAX_VALUE;
        float bestStart = Float.NaN;
        float bestLen = 0;
        float runStart = Float.NaN;
        int runCount = -1;
        float step = Math.max(1f, span / 600f);
        for (float x = min + 0.3f * span; x <= min + 0.7f * span + step; x += step) {
            int cross = 0;
            if (x <= min + 0.7f * span) {
                for (Segment s : segs) {
                    if (s.x0 < x - 1 && s.x1 > x + 1) {
                        cross++;
                    }
                }
            } else {
                cross = Integer.MAX_VALUE; // closes the last run
            }
            if (cross != runCount) {
                if (runCount >= 0 && runCount != Integer.MAX_VALUE) {
                    float len = x - runStart;
                    if (runCount < bestCount || (runCount == bestCount && len > bestLen)) {
                        bestCount = runCount;
                        bestStart = runStart;
                        bestLen = len;
                    }
                }
                runStart = x;
                runCount = cross;
            }
        }
        if (Float.isNaN(bestStart) || bestCount > 0.4 * n) {
            return Float.NaN;
        }
        float g = bestStart + bestLen / 2;
        List<Float> leftWidths = new ArrayList<>();
        List<Float> rightWidths = new ArrayList<>();
        for (Segment s : segs) {
            if (s.x1 <= g + 1) {
                leftWidths.add(s.x1 - s.x0);
            } else if (s.x0 >= g - 1) {
                rightWidths.add(s.x1 - s.x0);
            }
        }
        int need = Math.max(3, (int) Math.ceil(0.2 * n));
        if (leftWidths.size() < need || rightWidths.size() < need) {
            return Float.NaN;
        }
        if (median(leftWidths) < 0.25f * span || median(rightWidths) < 0.25f * span) {
            return Float.NaN;
        }
        return g;
    }

    private static float median(List<Float> xs) {
        List<Float> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get((s.size() - 1) / 2);
    }

    // ---------------------------------------------------------------- paragraphs

    private static Result assemble(List<List<Line>> pages) {
        List<Line> all = new ArrayList<>();
        pages.forEach(all::addAll);
        Map<Float, Integer> sizeWeight = new HashMap<>();
        int boldChars = 0;
        int chars = 0;
        Set<String> hyphenated = new HashSet<>();
        Set<String> solid = new HashSet<>();
        for (Line l : all) {
            sizeWeight.merge(Math.round(l.fs * 2) / 2f, l.text.length(), Integer::sum);
            chars += l.text.length();
            if (l.bold) {
                boldChars += l.text.length();
            }
            String body = l.text.endsWith("-") ? l.text.substring(0, l.text.length() - 1) : l.text;
            Matcher m = HYPHENATED.matcher(body);
            while (m.find()) {
                hyphenated.add(m.group().toLowerCase(Locale.ROOT).replace('\u2010', '-'));
            }
            m = WORD.matcher(body);
            while (m.find()) {
                solid.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        float bodyFs = sizeWeight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(10f);
        boolean boldBody = boldChars * 2 > chars;
        for (Line l : all) {
            l.heading = l.text.length() <= 200 && (l.fs >= 1.15f * bodyFs || (!boldBody && l.bold && l.text.length() <= 120));
        }
        Map<Long, Float> spacing = spacings(all);

        StringBuilder out = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        Line prev = null;
        for (List<Line> page : pages) {
            boolean first = true;
            for (Line l : page) {
                if (prev != null) {
                    if (continues(prev, l, spacing, bodyFs)) {
                        join(out, prev.text, l.text, hyphenated, solid);
                    } else {
                        out.append("\n\n");
                    }
                }
                if (first) {
                    starts.add(out.length());
                    first = false;
                }
                out.append(l.text);
                prev = l;
            }
            if (first) {
                starts.add(out.length());
            }
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        return new Result(out.toString(), starts);
    }

    private static long flowKey(Line l) {
        return ((long) l.page << 32) | (l.flow & 0xFFFFFFFFL);
    }

    /** The usual baseline distance of each page's column; pages without enough lines get the document's. */
    private static Map<Long, Float> spacings(List<Line> all) {
        Map<Long, List<Float>> gaps = new HashMap<>();
        List<Float> global = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            Line a = all.get(i - 1);
            Line b = all.get(i);
            float dy = b.y - a.y;
            if (flowKey(a) == flowKey(b) && dy > 0 && dy < 3 * a.fs && Math.abs(a.fs - b.fs) < 0.5f) {
                gaps.computeIfAbsent(flowKey(a), k -> new ArrayList<>()).add(dy);
                global.add(dy);
            }
        }
        Map<Long, Float> out = new HashMap<>();
        float fallback = global.isEmpty() ? Float.NaN : median(global);
        for (Line l : all) {
            List<Float> g = gaps.get(flowKey(l));
            out.put(flowKey(l), g != null && g.size() >= 3 ? median(g) : fallback);
        }
        return out;
    }

    private static boolean continues(Line a, Line b, Map<Long, Float> spacing, float bodyFs) {
        boolean sameFlow = flowKey(a) == flowKey(b);
        float dy = b.y - a.y;
        if (a.heading || b.heading) {
            return a.heading && b.heading && sameFlow && Math.abs(a.fs - b.fs) < 0.5f && a.bold == b.bold
                    && dy > 0 && dy <= 1.6f * Math.max(a.fs, b.fs) && !TERMINAL.matcher(a.text).find();
        }
        if (Math.abs(a.fs - b.fs) > 0.12f * Math.max(a.fs, b.fs)) {
            return false;
        }
        if (BULLET.matcher(b.text).find() || LEADERS.matcher(a.text).find()) {
            return false;
        }
        boolean lower = Character.isLowerCase(b.text.codePointAt(0));
        float width = Math.max(1f, a.right - a.left);
        boolean veryShort = a.x1 < a.left + 0.6f * width;
        boolean terminal = TERMINAL.matcher(a.text).find();
        if (!sameFlow) {
            return !terminal && (!veryShort || lower);
        }
        float sp = spacing.getOrDefault(flowKey(a), Float.NaN);
        if (Float.isNaN(sp)) {
            sp = 1.2f * Math.max(a.fs, bodyFs);
        }
        if (dy <= 0.3f * a.fs || dy > 1.45f * sp) {
            return false;
        }
        if (veryShort && !lower) {
            return false;
        }
        if (terminal && a.x1 < a.right - Math.max(3 * a.fs, 0.12f * width)) {
            return false;
        }
        boolean indented = b.x0 - b.left > 0.9f * b.fs && a.x0 - a.left < 0.5f * a.fs;
        // An indented line after an enumerated one ("F. Include ...") is a hanging indent, not a new paragraph.
        boolean hanging = BULLET.matcher(a.text).find() || ENUMERATED.matcher(a.text).find();
        return !indented || lower || hanging;
    }

    /** Appends {@code next} to the paragraph ending with {@code prevText}: a space, or nothing where a hyphen joins. */
    private static void join(StringBuilder out, String prevText, String next, Set<String> hyphenated, Set<String> solid) {
        int n = prevText.length();
        char last = prevText.charAt(n - 1);
        boolean letterBefore = n >= 2 && Character.isLetter(prevText.charAt(n - 2));
        if (last == '\u00AD' && letterBefore) {
            out.setLength(out.length() - 1);
            return;
        }
        if ((last == '-' || last == '\u2010') && n >= 2 && Character.isLetterOrDigit(prevText.charAt(n - 2))) {
            if (letterBefore && Character.isLowerCase(next.codePointAt(0))) {
                int s = n - 1;
                while (s > 0 && Character.isLetter(prevText.charAt(s - 1))) {
                    s--;
                }
                String w1 = prevText.substring(s, n - 1).toLowerCase(Locale.ROOT);
                int e = 0;
                while (e < next.length() && Character.isLetter(next.charAt(e))) {
                    e++;
                }
                String w2 = next.substring(0, e).toLowerCase(Locale.ROOT);
                boolean realHyphen = hyphenated.contains(w1 + "-" + w2) && !solid.contains(w1 + w2);
                if (!realHyphen) {
                    out.setLength(out.length() - 1);
                }
            }
            return; // "Japan-" + "Korea": the hyphen stays, no space
        }
        if (last == '—' || last == '/') {
            return;
        }
        out.append(' ');
    }
}
