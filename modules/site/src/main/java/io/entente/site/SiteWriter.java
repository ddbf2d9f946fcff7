package io.entente.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.analytics.Comparison;
import io.entente.analytics.Corpus;
import io.entente.analytics.CorpusDocument;
import io.entente.analytics.DocumentTheme;
import io.entente.analytics.Evidence;
import io.entente.analytics.Period;
import io.entente.analytics.Selection;
import io.entente.analytics.Trends;
import io.entente.core.AtomicFiles;
import io.entente.core.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the static site of a reports folder: {@code index.html} (the corpus views), {@code compare.html},
 * one page per document under {@code docs/}, their data as small scripts under {@code data/} (loaded with
 * script tags, since browsers refuse to fetch files from {@code file://}), and the assets.
 *
 * <p>Incremental: a file whose bytes would not change is not written, so an unchanged reports folder
 * rewrites nothing; files of documents that left the corpus are deleted. Every write is atomic.
 */
public final class SiteWriter {
    /** Documents per search chunk (loaded only when someone searches). */
    static final int SEARCH_CHUNK = 500;
    /** Tags, and countries, that get their own precomputed trends (the most frequent ones). */
    static final int TREND_VARIANTS = 10;
    /** Tags whose pairs get a precomputed comparison (the most frequent ones). */
    static final int COMPARE_TAGS = 3;
    /**
     * The version of what the site derives from the reports: a name and a digest of the code that derives it
     * (this module's page and data code, and the analyses), so that a new version of Entente remakes what it
     * would make differently. Derived files carry a digest of their inputs and this version and are
     * recomputed only when it changes: the trends and comparisons of a large corpus take seconds each.
     */
    static final String FORMAT = "site-1 " + codeDigest();
    /** Rows kept of the comparison's country and pair tables. */
    static final int COMPARE_ROWS = 30;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String ECHARTS_LICENSE = "META-INF/resources/webjars/echarts/5.3.1/LICENSE";
    private static final List<String> ASSETS = List.of("site.css", "index.js", "compare.js");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    /**
     * What a run did.
     *
     * @param written   files written (new or changed), relative to the site folder
     * @param unchanged files left as they were
     * @param deleted   files of a previous run that the site no longer has
     */
    public record Result(Path outDir, List<Path> written, int unchanged, List<Path> deleted, int documents) {
        public Result {
            written = List.copyOf(written);
            deleted = List.copyOf(deleted);
        }

        /** One line for the user: "site DIR: 3 documents, 2 files written, 60 unchanged, 0 deleted". */
        public String summary() {
            return "site " + outDir + ": " + documents + (documents == 1 ? " document, " : " documents, ") + written.size()
                    + (written.size() == 1 ? " file written, " : " files written, ") + unchanged + " unchanged, "
                    + deleted.size() + " deleted";
        }
    }

    /** The reports could not be read (a missing folder, a malformed report): nothing was written. */
    public static final class UnreadableReportsException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableReportsException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The site folder is not one this writer made (it holds other files): nothing was written. */
    public static final class NotASiteFolderException extends IOException {
        private static final long serialVersionUID = 1L;

        NotASiteFolderException(String message) {
            super(message);
        }
    }

    /** Marks a folder as a site, so that a later run may replace and delete files in it. */
    static final String MARKER = ".entente-site";

    private SiteWriter() {
    }

    private static String codeDigest() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Class<?> c : List.of(SiteWriter.class, DocumentPage.class, Html.class, SiteData.class, Trends.class, Comparison.class,
                Corpus.class, CorpusDocument.class)) {
            try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
                if (in != null) {
                    all.writeBytes(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Resources.sha256(all.toByteArray()).substring(0, 16);
    }

    /** A site is written into a new or empty folder, or one that holds a site already: never over other files. */
    private static void checkFolder(Path outDir) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new NotASiteFolderException(outDir + ": exists and is not a folder");
        }
        if (!Files.isDirectory(outDir) || Files.isRegularFile(outDir.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> list = Files.list(outDir)) {
            if (list.findAny().isPresent()) {
                throw new NotASiteFolderException(outDir + ": is not empty and holds no Entente site (no " + MARKER
                        + " file): choose another --out, or an empty folder");
            }
        }
    }

    /**
     * Writes (or updates) the site of {@code reportsDir} into {@code outDir}.
     *
     * @throws UnreadableReportsException when the reports cannot be read (the message names the file)
     * @throws IOException when the site cannot be written
     */
    public static Result write(Path reportsDir, Path outDir) throws IOException {
        return write(reportsDir, outDir, false);
    }

    /**
     * Writes the site; with {@code foldTerritories} the corpus views count a territory (Hong Kong) as its
     * sovereign (China), as {@code --fold-territories} does for trends and compare.
     */
    public static Result write(Path reportsDir, Path outDir, boolean foldTerritories) throws IOException {
        SiteData data;
        try {
            data = SiteData.load(reportsDir, foldTerritories);
        } catch (IOException e) {
            throw new UnreadableReportsException(e);
        }
        checkFolder(outDir);
        Out out = new Out(outDir);
        out.put(MARKER, "Entente site: this folder is written by 'entente site'; files in it may be replaced or deleted.\n"
                .getBytes(StandardCharsets.UTF_8));
        Corpus corpus = data.corpus();

        // Drivers first, then obstacles; the theme's position is its colour everywhere.
        List<Corpus.ThemeInfo> themes = new ArrayList<>(corpus.themes().values());
        themes.sort(Comparator.comparing((Corpus.ThemeInfo t) -> !"driver".equals(t.polarity())).thenComparing(Corpus.ThemeInfo::id));
        Map<String, Integer> themeIndex = new LinkedHashMap<>();
        themes.forEach(t -> themeIndex.put(t.id(), themeIndex.size()));
        // Page colours: cool tints for drivers, warm ones for obstacles (▲/▼ and the underline say it too).
        Map<String, String> themeCss = new LinkedHashMap<>();
        int[] seen = new int[2];
        themes.forEach(t -> {
            boolean driver = "driver".equals(t.polarity());
            themeCss.put(t.id(), (driver ? "d" : "o") + (seen[driver ? 0 : 1]++ % 5));
        });

        Map<String, String> stems = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (CorpusDocument d : corpus.documents()) {
            String stem = SAFE.matcher(d.id()).matches() ? d.id()
                    : "d-" + Resources.sha256(d.id().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            while (!used.add(stem.toLowerCase(java.util.Locale.ROOT))) {
                stem = stem + "_";
            }
            stems.put(d.id(), stem);
        }

        for (String asset : ASSETS) {
            out.put("assets/" + asset, resource("/io/entente/site/assets/" + asset));
        }
        out.put("assets/echarts.min.js", resource(ECHARTS));
        out.put("assets/echarts-LICENSE.txt", resource(ECHARTS_LICENSE));

        out.put("data/index.js", script("index", indexData(corpus, themes, themeIndex, stems)));
        List<Job> jobs = new ArrayList<>();
        writeTrends(out, jobs, data);
        out.put("data/compare.js", script("compare", compareCatalog(jobs, data)));
        writeSearch(out, corpus, themeIndex);

        // A page shows its report, the theme colours and the corpus's country names (of actors, pairs, mentions).
        String pageContext = themeIndex + "\n" + corpus.countryNames();
        for (CorpusDocument d : corpus.documents()) {
            String stem = stems.get(d.id());
            out.put("data/ev/" + stem + ".js", evidenceScript(d));
            String pageDigest = Resources.sha256((FORMAT + "\n" + data.digest(d.id()) + "\n" + pageContext)
                    .getBytes(StandardCharsets.UTF_8));
            jobs.add(new Job("docs/" + stem + ".html", pageDigest, () -> {
                SiteData.Document detail;
                try {
                    detail = data.document(d.id());
                } catch (IOException e) {
                    throw new UnreadableReportsException(e);
                }
                return DocumentPage.render(detail, themeCss, corpus.countryNames()).getBytes(StandardCharsets.UTF_8);
            }));
        }
        run(out, jobs);
        out.put("index.html", page("index").getBytes(StandardCharsets.UTF_8));
        out.put("compare.html", page("compare").getBytes(StandardCharsets.UTF_8));
        List<Path> deleted = out.deleteOthers(List.of("docs", "data", "assets"));
        List<Path> written = new ArrayList<>(out.written);
        written.sort(null);
        return new Result(outDir, written, out.unchanged, deleted, corpus.size());
    }

    // ---- data ----

    private static ObjectNode indexData(Corpus corpus, List<Corpus.ThemeInfo> themes, Map<String, Integer> themeIndex,
                                        Map<String, String> stems) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ts = root.putArray("themes");
        for (Corpus.ThemeInfo t : themes) {
            ts.addObject().put("id", t.id()).put("name", t.name()).put("polarity", t.polarity());
        }
        ObjectNode names = root.putObject("countries");
        corpus.countryNames().forEach(names::put);
        // Countries and pairs by number: the index of a large corpus is mostly their lists.
        Map<String, Integer> codeIndex = new LinkedHashMap<>();
        Map<String, Integer> pairIndex = new TreeMap<>();
        ArrayNode codeList = root.putArray("codes");
        ArrayNode pairList = root.putArray("pairs");
        ArrayNode docs = root.putArray("docs");
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (CorpusDocument d : corpus.documents()) {
            ObjectNode o = docs.addObject();
            o.put("id", d.id());
            if (!stems.get(d.id()).equals(d.id())) {
                o.put("f", stems.get(d.id()));
            }
            o.put("t", d.title());
            o.put("d", d.date() == null ? null : d.date().toString());
            if (d.year() == null) {
                o.putNull("y");
            } else {
                o.put("y", d.year());
            }
            ArrayNode g = o.putArray("g");
            d.tags().forEach(g::add);
            tags.addAll(d.tags());
            ArrayNode c = o.putArray("c");
            d.countries().keySet().forEach(code -> c.add(number(codeIndex, codeList, code)));
            o.put("s", d.sentenceCount());
            // Per theme: index, the document's share of argument sentences carrying it (the figure trends and
            // compare average), its sentences.
            ArrayNode v = o.putArray("v");
            Map<String, Set<Integer>> actorThemes = new TreeMap<>();
            for (DocumentTheme t : d.themes().values()) {
                int n = t.sentences().size();
                double share = d.sentenceCount() == 0 ? 0 : (double) n / d.sentenceCount();
                v.addArray().add(themeIndex.get(t.id())).add(Math.round(share * 10000) / 10000.0).add(n);
                for (Evidence e : t.evidence()) {
                    for (String a : e.actors()) {
                        actorThemes.computeIfAbsent(a, k -> new TreeSet<>()).add(themeIndex.get(t.id()));
                    }
                }
            }
            // [country, theme, theme, ...] per country involved in the evidence
            ArrayNode a = o.putArray("a");
            actorThemes.forEach((code, set) -> {
                ArrayNode arr = a.addArray().add(number(codeIndex, codeList, code));
                set.forEach(arr::add);
            });
            // Countries named together in the evidence of each theme: the pairs the views list.
            Map<String, Set<Integer>> pairThemes = new TreeMap<>();
            for (DocumentTheme t : d.themes().values()) {
                for (Evidence e : t.evidence()) {
                    List<String> sorted = new ArrayList<>(new TreeSet<>(e.actors()));
                    for (int i = 0; i < sorted.size(); i++) {
                        for (int j = i + 1; j < sorted.size(); j++) {
                            pairThemes.computeIfAbsent(sorted.get(i) + "-" + sorted.get(j), k -> new TreeSet<>())
                                    .add(themeIndex.get(t.id()));
                        }
                    }
                }
            }
            ArrayNode p = o.putArray("p");
            pairThemes.forEach((pair, set) -> {
                ArrayNode arr = p.addArray().add(number(pairIndex, pairList, pair));
                set.forEach(arr::add);
            });
        }
        ArrayNode tagList = root.putArray("tags");
        tags.forEach(tagList::add);
        root.put("searchChunks", (corpus.size() + SEARCH_CHUNK - 1) / SEARCH_CHUNK);
        return root;
    }

    /** A derived file: its path, the digest of its inputs, and how to make it when they changed. */
    private record Job(String file, String digest, Body body) {
    }

    private interface Body {
        byte[] make() throws IOException;
    }

    /** The digest of a derived file made from these documents. */
    private static String digest(SiteData data, String what, List<CorpusDocument> docs) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n').append(what).append('\n')
                .append("fold=").append(data.foldTerritories()).append('\n');
        docs.forEach(d -> b.append(d.id()).append(' ').append(data.digest(d.id())).append('\n'));
        return Resources.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Makes the derived files whose inputs changed, on every core (the analyses are pure functions of an
     * immutable corpus), and keeps the others as they are.
     */
    private static void run(Out out, List<Job> jobs) throws IOException {
        List<Job> todo = new ArrayList<>();
        for (Job j : jobs) {
            if (out.carries(j.file(), j.digest())) {
                out.keep(j.file());
            } else {
                todo.add(j);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(todo.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "entente-site");
            t.setDaemon(true);
            return t;
        });
        try {
            // Each job writes its own file as soon as it is made, so that no more than a few are held in memory.
            List<java.util.concurrent.Future<?>> made = new ArrayList<>();
            for (Job j : todo) {
                made.add(pool.submit(() -> {
                    out.put(j.file(), stamped(j.file(), j.digest(), j.body().make()));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : made) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing the site");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The file's content with its input digest in a first-line comment (after the doctype for a page). */
    private static byte[] stamped(String file, String digest, byte[] body) {
        String mark = file.endsWith(".html") ? "<!-- entente-site " + digest + " -->\n" : "/* entente-site " + digest + " */\n";
        byte[] m = mark.getBytes(StandardCharsets.UTF_8);
        if (file.endsWith(".html")) {
            String doctype = "<!DOCTYPE html>\n";
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.startsWith(doctype)) {
                return (doctype + mark + text.substring(doctype.length())).getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] out = new byte[m.length + body.length];
        System.arraycopy(m, 0, out, 0, m.length);
        System.arraycopy(body, 0, out, m.length, body.length);
        return out;
    }

    private static int number(Map<String, Integer> index, ArrayNode list, String key) {
        Integer n = index.get(key);
        if (n == null) {
            n = index.size();
            index.put(key, n);
            list.add(key);
        }
        return n;
    }

    /** The trends of the whole corpus and of its most frequent tags and countries, each loaded when chosen. */
    private static void writeTrends(Out out, List<Job> jobs, SiteData data) throws IOException {
        Corpus corpus = data.corpus();
        ObjectNode catalog = MAPPER.createObjectNode();
        ObjectNode variants = catalog.putObject("variants");
        Map<String, Long> tagCounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Long> countryCounts = new TreeMap<>();
        for (CorpusDocument d : corpus.documents()) {
            new TreeSet<>(d.tags().stream().map(String::trim).toList()).forEach(t -> tagCounts.merge(t, 1L, Long::sum));
            d.countries().keySet().forEach(c -> countryCounts.merge(c, 1L, Long::sum));
        }
        trendVariant(jobs, data, variants, "all", "all documents", corpus.documents());
        for (String tag : top(tagCounts)) {
            trendVariant(jobs, data, variants, "tag:" + tag, "tag " + tag, corpus.documents().stream().filter(d -> d.hasTag(tag)).toList());
        }
        for (String code : top(countryCounts)) {
            trendVariant(jobs, data, variants, "country:" + code, "documents mentioning " + corpus.countryName(code),
                    corpus.documents().stream().filter(d -> d.mentions(code)).toList());
        }
        out.put("data/trends.js", script("trendsCatalog", catalog));
    }

    private static List<String> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TREND_VARIANTS).map(Map.Entry::getKey).toList();
    }

    private static void trendVariant(List<Job> jobs, SiteData data, ObjectNode variants, String key, String label,
                                     List<CorpusDocument> docs) {
        if (docs.stream().noneMatch(CorpusDocument::dated)) {
            return; // no dated document: no series to show
        }
        String file = "data/trends/" + fileName(key) + ".js";
        variants.putObject(key).put("label", label).put("file", file);
        jobs.add(new Job(file, digest(data, "trends " + key + " " + label, docs), () -> trendScript(key, label, docs)));
    }

    private static byte[] trendScript(String key, String label, List<CorpusDocument> docs) throws IOException {
        Trends trends = Trends.compute(Corpus.of(docs), Period.YEAR, Optional.empty(), Optional.empty());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("key", key);
        root.put("label", label);
        root.put("documents", trends.documents());
        root.put("undated", trends.undatedDocuments());
        root.put("unit", trends.methods().unit());
        root.put("interval", trends.methods().interval());
        ArrayNode periods = root.putArray("periods");
        for (Trends.PeriodSummary p : trends.periods()) {
            periods.addObject().put("p", p.period()).put("n", p.documents()).put("ns", p.documentsWithSentences())
                    .put("sparse", p.sparse());
        }
        ArrayNode ts = root.putArray("themes");
        for (Trends.ThemeTrend t : trends.themes()) {
            ObjectNode o = ts.addObject();
            o.put("id", t.id()).put("name", t.name()).put("polarity", t.polarity()).put("documents", t.documentsWithTheme());
            ArrayNode mean = o.putArray("mean");
            ArrayNode lo = o.putArray("lo");
            ArrayNode hi = o.putArray("hi");
            for (Trends.ThemePeriod p : t.periods()) {
                num(mean, p.meanShare());
                num(lo, p.ciLow());
                num(hi, p.ciHigh());
            }
            ObjectNode lin = o.putObject("linear");
            numField(lin, "slope", t.linear().slope());
            numField(lin, "p", t.linear().pValue());
            lin.put("significant", t.linear().significant());
            ObjectNode mk = o.putObject("mannKendall");
            numField(mk, "p", t.mannKendall().pValue());
            mk.put("significant", t.mannKendall().significant());
            ArrayNode changes = o.putArray("changes");
            for (Trends.Change c : t.changePoints()) {
                changes.addObject().put("from", c.from()).put("to", c.to()).put("difference", round(c.difference()))
                        .put("pAdjusted", round(c.adjustedPValue()));
            }
        }
        return ("window.ENTENTE = window.ENTENTE || {}; ENTENTE.trends = ENTENTE.trends || {}; ENTENTE.trends["
                + MAPPER.writeValueAsString(key) + "] = " + MAPPER.writeValueAsString(root) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The comparisons the compare page offers: the earlier and later half of the years, and pairs of frequent
     * tags; each is a file of its own, made when its documents changed.
     */
    private static ArrayNode compareCatalog(List<Job> jobs, SiteData data) {
        Corpus corpus = data.corpus();
        List<Selection[]> pairs = new ArrayList<>();
        int[] years = corpus.documents().stream().filter(CorpusDocument::dated).mapToInt(CorpusDocument::year).sorted().toArray();
        if (years.length >= 2 && years[0] < years[years.length - 1]) {
            int median = years[(years.length - 1) / 2];
            if (median == years[years.length - 1]) {
                median--;
            }
            pairs.add(new Selection[] {Selection.dates(Integer.toString(years[0]), Integer.toString(median)),
                    Selection.dates(Integer.toString(median + 1), Integer.toString(years[years.length - 1]))});
        }
        Map<String, Long> tagCounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        corpus.documents().forEach(d -> new TreeSet<>(d.tags().stream().map(String::trim).toList())
                .forEach(t -> tagCounts.merge(t, 1L, Long::sum)));
        List<String> tags = tagCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(COMPARE_TAGS).map(Map.Entry::getKey).toList();
        for (int i = 0; i < tags.size(); i++) {
            for (int j = i + 1; j < tags.size(); j++) {
                pairs.add(new Selection[] {Selection.tagged(tags.get(i)), Selection.tagged(tags.get(j))});
            }
        }
        ArrayNode catalog = MAPPER.createArrayNode();
        for (Selection[] p : pairs) {
            String label = p[0].label() + " vs " + p[1].label();
            String file = "data/compare/" + fileName(label) + ".js";
            List<CorpusDocument> docs = corpus.documents().stream().filter(d -> p[0].matches(d) || p[1].matches(d)).toList();
            catalog.addObject().put("label", label).put("file", file);
            jobs.add(new Job(file, digest(data, "compare " + label, docs), () -> comparison(corpus, label, p[0], p[1])));
        }
        return catalog;
    }

    private static byte[] comparison(Corpus corpus, String label, Selection a, Selection b) throws IOException {
        ObjectNode o;
        try {
            o = (ObjectNode) MAPPER.readTree(Comparison.compare(corpus, a, b).toJson());
        } catch (IllegalArgumentException e) {
            o = MAPPER.createObjectNode().put("error", e.getMessage());
        }
        for (String table : List.of("countries", "pairs")) {
            JsonNode rows = o.get(table);
            if (rows instanceof ArrayNode arr && arr.size() > COMPARE_ROWS) {
                List<JsonNode> sorted = new ArrayList<>();
                arr.forEach(sorted::add);
                sorted.sort(Comparator.comparingInt((JsonNode r) -> -(r.path("sentencesA").asInt() + r.path("sentencesB").asInt())));
                ArrayNode kept = MAPPER.createArrayNode();
                sorted.stream().limit(COMPARE_ROWS).forEach(kept::add);
                o.set(table, kept);
            }
        }
        return ("window.ENTENTE = window.ENTENTE || {}; ENTENTE.comparisons = ENTENTE.comparisons || {}; ENTENTE.comparisons["
                + MAPPER.writeValueAsString(label) + "] = " + MAPPER.writeValueAsString(o) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Evidence text of every document in chunks, for the search box (loaded on the first search). */
    private static void writeSearch(Out out, Corpus corpus, Map<String, Integer> themeIndex) throws IOException {
        List<CorpusDocument> docs = corpus.documents();
        for (int chunk = 0; chunk * SEARCH_CHUNK < docs.size(); chunk++) {
            ArrayNode rows = MAPPER.createArrayNode();
            for (int i = chunk * SEARCH_CHUNK; i < Math.min(docs.size(), (chunk + 1) * SEARCH_CHUNK); i++) {
                for (DocumentTheme t : docs.get(i).themes().values()) {
                    for (Evidence e : t.evidence()) {
                        rows.addArray().add(i).add(themeIndex.get(t.id())).add(e.sentence()).add(e.text());
                    }
                }
            }
            out.put("data/search/" + chunk + ".js", ("window.ENTENTE = window.ENTENTE || {}; ENTENTE.search = ENTENTE.search || {}; "
                    + "ENTENTE.search[" + chunk + "] = " + MAPPER.writeValueAsString(rows) + ";\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One document's evidence by theme, for the matrix's evidence panel. */
    private static byte[] evidenceScript(CorpusDocument d) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        for (DocumentTheme t : d.themes().values()) {
            ArrayNode arr = o.putArray(t.id());
            for (Evidence e : t.evidence()) {
                arr.addArray().add(e.sentence()).add(e.text()).add(round(e.score()));
            }
        }
        return ("window.ENTENTE = window.ENTENTE || {}; ENTENTE.evidence = ENTENTE.evidence || {}; ENTENTE.evidence["
                + MAPPER.writeValueAsString(d.id()) + "] = " + MAPPER.writeValueAsString(o) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] script(String name, JsonNode value) throws IOException {
        return ("window.ENTENTE = window.ENTENTE || {}; ENTENTE." + name + " = " + MAPPER.writeValueAsString(value) + ";\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String fileName(String key) {
        String s = key.replaceAll("[^A-Za-z0-9._-]", "_");
        return s + "-" + Resources.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    private static void num(ArrayNode arr, Double v) {
        if (v == null) {
            arr.addNull();
        } else {
            arr.add(round(v));
        }
    }

    private static void numField(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, round(v));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    // ---- pages ----

    private static String page(String which) {
        StringBuilder b = new StringBuilder();
        if (which.equals("index")) {
            b.append(Html.head("Corpus \u2013 Entente", ""));
            b.append(resourceText("/io/entente/site/assets/index.body.html"));
            b.append("<script src=\"assets/echarts.min.js\"></script>\n<script src=\"data/index.js\"></script>\n"
                    + "<script src=\"data/trends.js\"></script>\n<script src=\"assets/index.js\"></script>\n");
        } else {
            b.append(Html.head("Compare \u2013 Entente", ""));
            b.append(resourceText("/io/entente/site/assets/compare.body.html"));
            b.append("<script src=\"data/index.js\"></script>\n<script src=\"data/compare.js\"></script>\n"
                    + "<script src=\"assets/compare.js\"></script>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static byte[] resource(String name) throws IOException {
        String path = name.startsWith("/") ? name : "/" + name;
        try (InputStream in = SiteWriter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the site's asset " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String resourceText(String name) {
        try {
            return new String(resource(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes files whose bytes differ, and remembers every file the site has. */
    private static final class Out {
        final Path root;
        final List<Path> written = new ArrayList<>();
        final Set<Path> all = new HashSet<>();
        int unchanged;

        Out(Path root) {
            this.root = root;
        }

        /** Whether the file exists and its first line names this input digest. */
        boolean carries(String relative, String digest) throws IOException {
            Path target = root.resolve(relative);
            if (!Files.isRegularFile(target)) {
                return false;
            }
            byte[] head = new byte[200];
            int n;
            try (InputStream in = Files.newInputStream(target)) {
                n = in.readNBytes(head, 0, head.length);
            }
            return new String(head, 0, n, StandardCharsets.UTF_8).contains("entente-site " + digest + " ");
        }

        /** Counts a file as part of the site, unchanged. */
        synchronized void keep(String relative) {
            all.add(root.resolve(relative).toAbsolutePath().normalize());
            unchanged++;
        }

        synchronized void put(String relative, byte[] bytes) throws IOException {
            Path target = root.resolve(relative);
            all.add(target.toAbsolutePath().normalize());
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                unchanged++;
                return;
            }
            AtomicFiles.write(target, bytes);
            written.add(root.relativize(target));
        }

        /** Deletes files under the site's own folders that this run did not produce. */
        List<Path> deleteOthers(List<String> folders) throws IOException {
            List<Path> deleted = new ArrayList<>();
            for (String f : folders) {
                Path dir = root.resolve(f);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(dir)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    if ((name.endsWith(".js") || name.endsWith(".html") || name.endsWith(".css") || name.endsWith(".txt"))
                            && !all.contains(p.toAbsolutePath().normalize())) {
                        Files.delete(p);
                        deleted.add(root.relativize(p));
                    }
                }
            }
            return deleted;
        }
    }
}
