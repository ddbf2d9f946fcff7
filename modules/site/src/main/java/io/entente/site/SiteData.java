package io.entente.site;

import io.entente.analytics.Corpus;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's only door to the reports: the corpus as {@code io.entente.analytics} reads it (for every
 * figure the corpus views show, so they are those of {@code entente trends} and {@code compare}), and
 * one document's details (text, offsets, mentions, modality, pages) for its page.
 *
 * <p>Both read the reports with the typed report model ({@link ReportJson}), strictly: a malformed
 * report is an error that names the file and the field.
 */
public final class SiteData {
    /** A sentence: offsets into the decoded text, its text, and the section it belongs to (or null). */
    public record Sentence(int index, int start, int end, String text, String section, List<String> themes) {
        public Sentence {
            themes = List.copyOf(themes);
        }
    }

    /** A mention of an entity. */
    public record Mention(int start, int end, int sentence) {
    }

    /** An entity with its mentions; {@code code} is null for organizations and people. */
    public record Entity(String type, String canonical, String code, List<Mention> mentions) {
        public Entity {
            mentions = List.copyOf(mentions);
        }
    }

    /** An evidence sentence of a theme; {@code page} is null for formats without pages. */
    public record Evidence(int sentence, int start, int end, String text, Integer page, double score,
                           List<String> actors, String modality) {
        public Evidence {
            actors = List.copyOf(actors);
        }
    }

    /** A theme as the document carries it. */
    public record Theme(String id, String polarity, String name, double score, double presence, List<String> actors,
                        List<Evidence> evidence) {
        public Theme {
            actors = List.copyOf(actors);
            evidence = List.copyOf(evidence);
        }
    }

    /** A cooperation pair or group of the document, with the themes of its sentences. */
    public record Pair(String pair, List<String> countries, int sentences, Map<String, Integer> themes) {
        public Pair {
            countries = List.copyOf(countries);
            themes = Map.copyOf(themes);
        }
    }

    /** What a document page shows. */
    public record Document(String id, String source, String title, String date, List<String> authors, String publisher,
                           List<String> tags, String format, Integer pages, int characters, List<Sentence> sentences,
                           List<Entity> entities, List<Theme> themes, List<Pair> cooperation) {
        public Document {
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
            sentences = List.copyOf(sentences);
            entities = List.copyOf(entities);
            themes = List.copyOf(themes);
            cooperation = List.copyOf(cooperation);
        }
    }

    private final Path folder;
    private final Corpus corpus;
    private final Map<String, String> digests;
    private final boolean foldTerritories;

    private SiteData(Path folder, Corpus corpus, Map<String, String> digests, boolean foldTerritories) {
        this.folder = folder;
        this.corpus = corpus;
        this.digests = digests;
        this.foldTerritories = foldTerritories;
    }

    /** Whether the corpus counts territories as their sovereigns. */
    public boolean foldTerritories() {
        return foldTerritories;
    }

    /**
     * Reads a reports folder.
     *
     * @throws IOException when the folder is missing or a report is malformed (the message names the file)
     */
    public static SiteData load(Path reportsDir) throws IOException {
        return load(reportsDir, false);
    }

    /**
     * Reads a reports folder; with {@code foldTerritories} the corpus counts a territory as its sovereign,
     * as {@code trends} and {@code compare} do with {@code --fold-territories}.
     */
    public static SiteData load(Path reportsDir, boolean foldTerritories) throws IOException {
        Corpus corpus = Corpus.load(reportsDir, foldTerritories);
        Map<String, String> digests = new HashMap<>();
        for (io.entente.analytics.CorpusDocument d : corpus.documents()) {
            Path file = reportsDir.resolve(d.id() + ".json");
            // A report under another name has no digest to reuse: whatever depends on it is recomputed.
            digests.put(d.id(), Files.isRegularFile(file) ? io.entente.core.Resources.sha256(Files.readAllBytes(file))
                    : "unnamed:" + java.util.UUID.randomUUID());
        }
        return new SiteData(reportsDir, corpus, Map.copyOf(digests), foldTerritories);
    }

    /** A digest of the document's report (its bytes): whatever the site derives from it changes only with it. */
    public String digest(String id) {
        return digests.get(id);
    }

    /** The corpus, as the analyses read it. */
    public Corpus corpus() {
        return corpus;
    }

    /**
     * The details of one document of the corpus, read from its report ({@code <id>.json}, the name analyze
     * gives it; else the report whose {@code document.id} is the id).
     */
    public Document document(String id) throws IOException {
        Path file = folder.resolve(id + ".json");
        if (Files.isRegularFile(file)) {
            Document d = parse(file);
            if (d.id().equals(id)) {
                return d;
            }
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(x -> x.getFileName().toString().endsWith(".json")).sorted().toList()) {
                if (id.equals(ReportJson.head(p).documentId())) {
                    return parse(p);
                }
            }
        }
        throw new IOException(folder + ": no report of document '" + id + "'");
    }

    /** Reads one report with the typed report model and keeps what a page shows. */
    static Document parse(Path file) throws IOException {
        DocumentReport r = ReportJson.readDocument(file);
        List<Sentence> sentences = new ArrayList<>();
        for (DocumentReport.Sentence s : r.sentences()) {
            sentences.add(new Sentence(s.index(), s.start(), s.end(), s.text() == null ? "" : s.text(), s.section(), s.themes()));
        }
        List<Entity> entities = new ArrayList<>();
        for (DocumentReport.Entity e : r.entities()) {
            List<Mention> mentions = new ArrayList<>();
            for (DocumentReport.Mention m : e.mentions()) {
                mentions.add(new Mention(m.start(), m.end(), m.sentence()));
            }
            entities.add(new Entity(e.type().name(), e.canonical(), e.code(), mentions));
        }
        List<Theme> themes = new ArrayList<>();
        for (DocumentReport.Theme t : r.themes()) {
            List<Evidence> evidence = new ArrayList<>();
            for (DocumentReport.Evidence e : t.evidence()) {
                evidence.add(new Evidence(e.sentence(), e.start(), e.end(), e.text(), e.page(), e.score(), e.actors(),
                        e.modality() == null ? "stated" : e.modality()));
            }
            themes.add(new Theme(t.id(), t.polarity(), t.name(), t.score(), t.presence() == null ? t.score() : t.presence(),
                    t.actors(), evidence));
        }
        List<Pair> pairs = new ArrayList<>();
        for (DocumentReport.Cooperation p : r.cooperation() == null ? List.<DocumentReport.Cooperation>of() : r.cooperation()) {
            Map<String, Integer> pt = new HashMap<>();
            p.themes().forEach(t -> pt.put(t.id(), t.sentences()));
            pairs.add(new Pair(p.pair(), p.countries(), p.sentences(), pt));
        }
        DocumentReport.Meta m = r.document();
        return new Document(m.id(), m.source(), m.title(), m.date() == null ? null : m.date().toString(), m.authors(),
                m.publisher(), m.tags(), m.format() == null ? "text" : m.format(), m.pages(), m.characters(), sentences,
                entities, themes, pairs);
    }
}
