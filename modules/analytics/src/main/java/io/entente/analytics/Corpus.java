package io.entente.analytics;

import io.entente.core.EntityType;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The per-document reports of a folder, reduced to what the analyses need.
 *
 * <p>{@link #load} reads every {@code *.json} directly in the folder (not in subfolders; hidden files
 * are ignored) that is a per-document report: an object with {@code schemaVersion} 1 and a
 * {@code document} object, read with the report model ({@link ReportJson}), so a report with a field
 * the format does not have, a missing field or a date that is not {@code YYYY[-MM[-DD]]} is an error
 * naming the file and the field. Other JSON files ({@code corpus.json}, other versions) are skipped and
 * listed in {@link #skipped()}. Documents are kept in id order.
 */
public final class Corpus {

    /** A theme's name and polarity as the reports give them. */
    public record ThemeInfo(String id, String polarity, String name) {
    }

    private final Path folder;
    private final List<CorpusDocument> documents;
    private final Map<String, CorpusDocument> byId;
    private final Map<String, ThemeInfo> themes;
    private final Map<String, String> countryNames;
    private final List<String> skipped;

    private Corpus(Path folder, List<CorpusDocument> documents, List<String> skipped) {
        this.folder = folder;
        List<CorpusDocument> sorted = new ArrayList<>(documents);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        this.documents = List.copyOf(sorted);
        Map<String, CorpusDocument> ids = new LinkedHashMap<>();
        Map<String, ThemeInfo> themeInfo = new TreeMap<>();
        Map<String, Map<String, Integer>> nameVotes = new TreeMap<>();
        for (CorpusDocument d : this.documents) {
            ids.put(d.id(), d);
            d.themes().values().forEach(t -> themeInfo.putIfAbsent(t.id(), new ThemeInfo(t.id(), t.polarity(), t.name())));
            d.countryNames().forEach((code, name) -> nameVotes.computeIfAbsent(code, k -> new TreeMap<>()).merge(name, 1, Integer::sum));
        }
        Map<String, String> names = new TreeMap<>();
        // The name most documents use; ties go to the alphabetically first.
        nameVotes.forEach((code, votes) -> names.put(code, votes.entrySet().stream()
                .max((x, y) -> x.getValue().equals(y.getValue()) ? y.getKey().compareTo(x.getKey())
                        : Integer.compare(x.getValue(), y.getValue()))
                .orElseThrow().getKey()));
        this.byId = Collections.unmodifiableMap(ids);
        this.themes = Collections.unmodifiableMap(themeInfo);
        this.countryNames = Collections.unmodifiableMap(names);
        this.skipped = List.copyOf(skipped);
    }

    /** A corpus of the given documents (for tests and embedding). */
    public static Corpus of(List<CorpusDocument> documents) {
        Set<String> seen = new java.util.HashSet<>();
        for (CorpusDocument d : documents) {
            if (!seen.add(d.id())) {
                throw new IllegalArgumentException("duplicate document id '" + d.id() + "'");
            }
        }
        return new Corpus(null, documents, List.of());
    }

    /**
     * Reads the reports of a folder.
     *
     * @throws java.nio.file.NoSuchFileException when the folder does not exist
     * @throws IOException for an unreadable file, a {@code .json} file that is not valid JSON, or a
     *                     report that is malformed (the message names the file and the field)
     */
    public static Corpus load(Path reportsDir) throws IOException {
        return load(reportsDir, false);
    }

    /**
     * Reads the reports of a folder; with {@code foldTerritories}, a territory that a report names with
     * its sovereign ({@code "kind": "territory", "sovereign": "CHN"}) counts as its sovereign in every
     * country table, pair and actor list (Hong Kong as China); by default it keeps its own code.
     */
    public static Corpus load(Path reportsDir, boolean foldTerritories) throws IOException {
        if (!Files.isDirectory(reportsDir)) {
            throw new java.nio.file.NoSuchFileException(reportsDir.toString(), null, "no such folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reportsDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        List<CorpusDocument> documents = new ArrayList<>();
        Map<String, Path> sources = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            if (!ReportJson.head(file).isDocumentReport()) {
                skipped.add(file.getFileName().toString());
                continue;
            }
            CorpusDocument d = parse(ReportJson.readDocument(file), file, foldTerritories);
            Path previous = sources.putIfAbsent(d.id(), file);
            if (previous != null) {
                throw new IOException(file + ": document id '" + d.id() + "' is also the id of " + previous);
            }
            documents.add(d);
        }
        return new Corpus(reportsDir, documents, skipped);
    }

    /**
     * What the analyses keep of one report. The report model has already checked the fields and that
     * sentence indexes point into the report.
     */
    static CorpusDocument parse(DocumentReport report, Path file, boolean foldTerritories) throws IOException {
        String id = report.document().id();
        if (id.isBlank()) {
            throw new IOException(file + ": malformed report: document.id is blank");
        }
        List<DocumentReport.Sentence> sentences = report.sentences();
        // Author boxes, references and notes (sentence "section") are not the paper's argument: they count
        // neither as sentences of the document nor as places where it discusses a country.
        Set<Integer> outside = new TreeSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!sentences.get(i).isArgument()) {
                outside.add(i);
            }
        }

        Map<String, Set<Integer>> countries = new TreeMap<>();
        Map<String, String> countryNames = new TreeMap<>();
        Map<String, String> sovereignOf = new HashMap<>();
        if (foldTerritories) {
            for (DocumentReport.Entity e : report.entities()) {
                if (e.type() == EntityType.COUNTRY && e.sovereign() != null) {
                    sovereignOf.put(e.code(), e.sovereign());
                }
            }
        }
        for (DocumentReport.Entity e : report.entities()) {
            if (e.type() != EntityType.COUNTRY) {
                continue;
            }
            String own = e.code();
            String code = sovereignOf.getOrDefault(own, own);
            if (code.equals(own)) {
                countryNames.put(code, e.canonical());
            } else {
                countryNames.putIfAbsent(code, code); // the sovereign's own entry, if any, names it
            }
            Set<Integer> set = new TreeSet<>();
            for (DocumentReport.Mention m : e.mentions()) {
                if (!outside.contains(m.sentence())) {
                    set.add(m.sentence());
                }
            }
            if (!set.isEmpty()) {
                countries.computeIfAbsent(code, k -> new TreeSet<>()).addAll(set);
            }
        }
        Map<String, List<Integer>> countryLists = new TreeMap<>();
        countries.forEach((k, v) -> countryLists.put(k, List.copyOf(v)));

        Map<String, DocumentTheme> themes = new TreeMap<>();
        for (DocumentReport.Theme t : report.themes()) {
            List<Evidence> evidence = new ArrayList<>();
            for (DocumentReport.Evidence e : t.evidence()) {
                List<String> actors = new ArrayList<>();
                for (String a : e.actors()) {
                    String actor = sovereignOf.getOrDefault(a, a);
                    if (!actors.contains(actor)) {
                        actors.add(actor);
                    }
                }
                evidence.add(new Evidence(e.sentence(), e.text(), e.score(), actors));
            }
            themes.put(t.id(), new DocumentTheme(t.id(), t.polarity(), t.name(), List.copyOf(new TreeSet<>(t.sentences())),
                    evidence));
        }
        countryNames.keySet().retainAll(countries.keySet());
        return new CorpusDocument(id, report.document().title(), report.document().date(), report.document().tags(),
                sentences.size() - outside.size(), themes, countryLists, countryNames);
    }

    /** The folder the reports came from, or null for {@link #of}. */
    public Path folder() {
        return folder;
    }

    /** Every document, in id order. */
    public List<CorpusDocument> documents() {
        return documents;
    }

    /** The document with this id. */
    public Optional<CorpusDocument> document(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every theme any document carries, by id. */
    public Map<String, ThemeInfo> themes() {
        return themes;
    }

    /** Country code → the canonical name most documents use, by code. */
    public Map<String, String> countryNames() {
        return countryNames;
    }

    /** The name of a country, or its code when no document names it. */
    public String countryName(String code) {
        return countryNames.getOrDefault(code, code);
    }

    /** File names of the {@code .json} files that are not per-document reports. */
    public List<String> skipped() {
        return skipped;
    }

    /** The number of documents. */
    public int size() {
        return documents.size();
    }
}
