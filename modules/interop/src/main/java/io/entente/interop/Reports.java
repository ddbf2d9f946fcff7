package io.entente.interop;

import io.entente.core.Document;
import io.entente.report.LayerCache;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reports of an analyzed folder as this module needs them: the one adapter between the module and
 * the report module's typed model ({@link ReportJson}, {@link DocumentReport}); nothing else here reads
 * reports. The plain text comes from the layer cache ({@link LayerCache}) that {@code analyze} keeps
 * beside the reports.
 */
public final class Reports {
    private Reports() {
    }

    /** One analyzed paper. */
    public record Paper(String id, String title, String date, List<String> authors, List<String> tags, String publisher,
                        String codebookId, String codebookSha256, List<Sentence> sentences, List<Evidence> evidence) {
        public Paper {
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
            sentences = List.copyOf(sentences);
            evidence = List.copyOf(evidence);
        }
    }

    /** A sentence of the report: index, offsets into the paper's text, its text. */
    public record Sentence(int index, int start, int end, String text) {
    }

    /** An evidence sentence of a theme. */
    public record Evidence(String themeId, int sentence, int start, int end, String text, double score, String modality) {
    }

    /** The papers read, and the files that could not be read, each with the reason. */
    public record Folder(List<Paper> papers, List<String> failed) {
        public Folder {
            papers = List.copyOf(papers);
            failed = List.copyOf(failed);
        }
    }

    /** Every per-document report of the folder (other JSON files, such as corpus.json, are not reports and are skipped). */
    public static Folder read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Paper> papers = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            try {
                ReportJson.Head head = ReportJson.head(f);
                if (head.isOtherVersion()) {
                    failed.add(f + ": report schema version " + head.schemaVersion() + ", not " + ReportJson.SCHEMA_VERSION
                            + " (run entente analyze again)");
                    continue;
                }
                if (!head.isDocumentReport()) {
                    continue;   // corpus.json, other tools' files
                }
                papers.add(paper(ReportJson.readDocument(f)));
            } catch (IOException | RuntimeException e) {
                failed.add(e.getMessage() != null && e.getMessage().contains(f.getFileName().toString()) ? e.getMessage()
                        : f + ": " + e.getMessage());
            }
        }
        return new Folder(papers, failed);
    }

    private static Paper paper(DocumentReport r) {
        List<Sentence> sentences = new ArrayList<>();
        for (DocumentReport.Sentence s : r.sentences()) {
            sentences.add(new Sentence(s.index(), s.start(), s.end(), s.text()));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (DocumentReport.Theme t : r.themes()) {
            for (DocumentReport.Evidence e : t.evidence()) {
                evidence.add(new Evidence(t.id(), e.sentence(), e.start(), e.end(), e.text(), e.score(),
                        e.modality() == null ? "stated" : e.modality()));
            }
        }
        DocumentReport.Meta d = r.document();
        return new Paper(d.id(), d.title(), d.date() == null ? null : d.date().toString(), d.authors(), d.tags(), d.publisher(),
                r.pipeline().codebook().id(), r.pipeline().codebook().sha256(), sentences, evidence);
    }

    /** The paper's plain text as analyzed (the offsets of its report are into it), or null when the layer cache has none. */
    public static String text(Path dir, String id) {
        Document d = LayerCache.load(dir, id);
        return d == null ? null : d.text();
    }
}
