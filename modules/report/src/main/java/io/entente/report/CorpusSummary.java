package io.entente.report;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.ThemeResult;
import io.entente.report.model.CorpusReport;
import io.entente.report.model.ReportJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects a small digest of every document of a batch (never the documents themselves, so memory
 * stays flat) and renders {@code corpus.json} (a {@link CorpusReport}, written by {@link ReportJson}). Thread-safe: documents finish on many threads.
 */
public final class CorpusSummary {
    /** What the corpus summary keeps of one document. */
    public record Digest(String id, String source, String title, String date, int sentences, int tokens,
                         List<ThemeDigest> themes, Map<String, Integer> countries, Map<String, String> countryNames) {
    }

    /** A theme in one document. */
    public record ThemeDigest(String id, String polarity, String name, double score, int sentences) {
    }

    /** A file that could not be processed. */
    public record Failure(String path, String reason) {
        /** The failure of {@code path} from a message that may start with "path: " (as stderr words it): corpus.json keeps the two apart. */
        public static Failure of(String path, String message) {
            return new Failure(path, message != null && message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message);
        }
    }

    private final List<Digest> digests = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, String> countryNames = new TreeMap<>();

    public void add(Document doc) {
        add(digestOf(doc));
    }

    /** Adds a document known only by its digest (an unchanged document of an earlier run). */
    public synchronized void add(Digest d) {
        digests.add(d);
        countryNames.putAll(d.countryNames());
    }

    /** What the summary keeps of a document. */
    public static Digest digestOf(Document doc) {
        List<ThemeDigest> themes = new ArrayList<>();
        for (ThemeResult t : doc.themes()) {
            themes.add(new ThemeDigest(t.id(), t.polarity().label(), t.name(), t.score(), t.sentences().size()));
        }
        // Author boxes, references and notes are not where a paper discusses a country, nor part of its length.
        Map<String, Integer> countries = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Entity e : doc.entities()) {
            if (e.type() == EntityType.COUNTRY) {
                int n = (int) e.mentions().stream().filter(m -> doc.isArgument(m.sentence())).count();
                if (n > 0) {
                    countries.put(e.code(), n);
                    names.put(e.code(), e.canonical());
                }
            }
        }
        return new Digest(doc.info().id(), doc.info().source(), doc.info().title(), doc.info().date(),
                doc.sentences().size() - doc.sections().size(), doc.tokenCount(), themes, countries, names);
    }

    public synchronized void fail(String path, String reason) {
        failures.add(new Failure(path, reason));
    }

    public synchronized List<Digest> digests() {
        return List.copyOf(digests);
    }

    public synchronized String render(PipelineInfo pipeline) {
        return ReportJson.write(model(pipeline));
    }

    /**
     * The summary of the documents added so far.
     *
     * @throws IllegalArgumentException when a document's date is not {@code YYYY[-MM[-DD]]}
     */
    public synchronized CorpusReport model(PipelineInfo pipeline) {
        List<Digest> docs = new ArrayList<>(digests);
        docs.sort(Comparator.comparing(Digest::id));

        Map<String, int[]> themeCounts = new TreeMap<>(); // id -> {documents, sentences}
        Map<String, ThemeDigest> themeInfo = new TreeMap<>();
        Map<String, int[]> countryCounts = new TreeMap<>(); // code -> {documents, mentions}
        int totalSentences = 0;
        for (Digest d : docs) {
            totalSentences += d.sentences();
            for (ThemeDigest t : d.themes()) {
                int[] c = themeCounts.computeIfAbsent(t.id(), k -> new int[2]);
                c[0]++;
                c[1] += t.sentences();
                themeInfo.putIfAbsent(t.id(), t);
            }
            d.countries().forEach((code, n) -> {
                int[] c = countryCounts.computeIfAbsent(code, k -> new int[2]);
                c[0]++;
                c[1] += n;
            });
        }
        final int sentencesAll = totalSentences;
        List<CorpusReport.Theme> themes = themeCounts.entrySet().stream().sorted(MOST_DOCUMENTS_FIRST)
                .map(e -> {
                    ThemeDigest info = themeInfo.get(e.getKey());
                    return new CorpusReport.Theme(e.getKey(), info.polarity(), info.name(), e.getValue()[0], e.getValue()[1],
                            sentencesAll == 0 ? 0 : Math.round(10000.0 * e.getValue()[1] / sentencesAll) / 10000.0);
                }).toList();
        List<CorpusReport.Country> countries = countryCounts.entrySet().stream().sorted(MOST_DOCUMENTS_FIRST)
                .map(e -> new CorpusReport.Country(e.getKey(), countryNames.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
        List<CorpusReport.Document> list = new ArrayList<>(docs.size());
        for (Digest d : docs) {
            List<CorpusReport.DocumentTheme> th = new ArrayList<>(d.themes().size());
            for (ThemeDigest t : d.themes()) {
                th.add(new CorpusReport.DocumentTheme(t.id(), t.score(), t.sentences()));
            }
            list.add(new CorpusReport.Document(d.id(), d.source(), d.title(), JsonReport.date(d.date(), d.id()),
                    d.sentences(), d.tokens(), th, List.copyOf(d.countries().keySet())));
        }
        List<CorpusReport.Failure> fails = failures.stream().sorted(Comparator.comparing(Failure::path))
                .map(f -> new CorpusReport.Failure(f.path(), f.reason())).toList();
        return new CorpusReport(JsonReport.SCHEMA_VERSION, JsonReport.pipeline(pipeline), docs.size(), failures.size(),
                totalSentences, themes, countries, list, fails);
    }

    /** Most documents first, then by key. */
    private static final Comparator<Map.Entry<String, int[]>> MOST_DOCUMENTS_FIRST = (a, b) -> b.getValue()[0] != a.getValue()[0]
            ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey());

    /** One row per document and theme, for spreadsheets, R and pandas. */
    public synchronized String renderThemesCsv() {
        StringBuilder b = new StringBuilder("document_id,date,theme_id,polarity,score,sentences,document_sentences\n");
        List<Digest> docs = new ArrayList<>(digests);
        docs.sort(Comparator.comparing(Digest::id));
        for (Digest d : docs) {
            for (ThemeDigest t : d.themes()) {
                b.append(csv(d.id())).append(',').append(d.date() == null ? "" : d.date()).append(',').append(t.id())
                        .append(',').append(t.polarity()).append(',').append(t.score()).append(',').append(t.sentences())
                        .append(',').append(d.sentences()).append('\n');
            }
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.matches("[A-Za-z0-9._-]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
