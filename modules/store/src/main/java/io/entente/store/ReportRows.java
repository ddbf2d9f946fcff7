package io.entente.store;

import io.entente.core.PartialDate;
import io.entente.report.model.DocumentReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rows one document report contributes to the store's tables: a projection of the report
 * model ({@link DocumentReport}), which has already refused a report with a missing field, a field
 * of the wrong type or a date that is not {@code YYYY[-MM[-DD]]}.
 */
record ReportRows(DocumentRow document, List<SentenceRow> sentences, List<EntityRow> entities,
                  List<MentionRow> mentions, List<ThemeRow> themes, List<EvidenceRow> evidence,
                  List<SentenceThemeRow> sentenceThemes) {

    /** Lists in the store are joined with this separator (authors, tags). */
    static final String LIST_SEPARATOR = "; ";
    /** Country codes (theme and evidence actors) are joined with this separator. */
    static final String CODE_SEPARATOR = ",";

    record DocumentRow(String documentId, String source, String title, LocalDate date, Integer year, String dateText,
                       String authors, String publisher, String tags, String format, String language, Integer pages,
                       String sha256, int characters, int tokens, int sentences, String pipelineVersion,
                       String codebookId, String codebookSha256, String reportFile, String reportSha256) {
    }

    record SentenceRow(int sentenceIndex, int startOffset, int endOffset, String text, Integer page) {
    }

    record EntityRow(int entityId, String type, String canonical, String code, String kind, String sovereign,
                     int mentionCount) {
    }

    record MentionRow(int entityId, int mentionIndex, int startOffset, int endOffset, String text, int sentenceIndex) {
    }

    record ThemeRow(String themeId, String polarity, String name, double score, int sentenceCount,
                    Double sentenceShare, String actors) {
    }

    record EvidenceRow(String themeId, int evidenceIndex, int sentenceIndex, int startOffset, int endOffset,
                       String text, double score, Integer page, String actors) {
    }

    record SentenceThemeRow(int sentenceIndex, String themeId) {
    }

    String documentId() {
        return document.documentId();
    }

    /**
     * The rows of a report (the report model has checked its fields, types and date).
     *
     * @param reportFile   the report's file name, kept for provenance
     * @param reportSha256 hex SHA-256 of the report file's bytes: what tells a changed report
     */
    static ReportRows of(DocumentReport report, String reportFile, String reportSha256) {
        DocumentReport.Meta d = report.document();
        int sentenceCount = report.sentences().size();

        // Pages the report gives: on evidence (paged input), for the sentence the evidence is.
        Map<Integer, Integer> evidencePages = new HashMap<>();
        for (DocumentReport.Theme t : report.themes()) {
            for (DocumentReport.Evidence e : t.evidence()) {
                if (e.page() != null) {
                    evidencePages.putIfAbsent(e.sentence(), e.page());
                }
            }
        }

        PartialDate date = d.date();
        DocumentRow doc = new DocumentRow(d.id(), d.source(), d.title(),
                date == null ? null : date.toLocalDate(), date == null ? null : date.year(),
                date == null ? null : date.toString(),
                joined(d.authors(), LIST_SEPARATOR), d.publisher(), joined(d.tags(), LIST_SEPARATOR), d.format(),
                d.language(), d.pages(), d.sha256(), d.characters(), d.tokens(), sentenceCount,
                report.pipeline().version(), report.pipeline().codebook().id(), report.pipeline().codebook().sha256(),
                reportFile, reportSha256);

        List<SentenceRow> sentences = new ArrayList<>(sentenceCount);
        List<SentenceThemeRow> sentenceThemes = new ArrayList<>();
        for (DocumentReport.Sentence s : report.sentences()) {
            sentences.add(new SentenceRow(s.index(), s.start(), s.end(), s.text(), evidencePages.get(s.index())));
            for (String themeId : new LinkedHashSet<>(s.themes())) {
                sentenceThemes.add(new SentenceThemeRow(s.index(), themeId));
            }
        }

        List<EntityRow> entities = new ArrayList<>(report.entities().size());
        List<MentionRow> mentions = new ArrayList<>();
        for (int i = 0; i < report.entities().size(); i++) {
            DocumentReport.Entity e = report.entities().get(i);
            entities.add(new EntityRow(i, e.type().name(), e.canonical(), e.code(), e.kind(), e.sovereign(), e.count()));
            for (int k = 0; k < e.mentions().size(); k++) {
                DocumentReport.Mention m = e.mentions().get(k);
                mentions.add(new MentionRow(i, k, m.start(), m.end(), m.text(), m.sentence()));
            }
        }

        List<ThemeRow> themes = new ArrayList<>(report.themes().size());
        List<EvidenceRow> evidence = new ArrayList<>();
        for (DocumentReport.Theme t : report.themes()) {
            int themeSentences = t.sentences().size();
            themes.add(new ThemeRow(t.id(), t.polarity(), t.name(), t.score(), themeSentences,
                    sentenceCount == 0 ? null : (double) themeSentences / sentenceCount, joined(t.actors(), CODE_SEPARATOR)));
            for (int k = 0; k < t.evidence().size(); k++) {
                DocumentReport.Evidence e = t.evidence().get(k);
                evidence.add(new EvidenceRow(t.id(), k, e.sentence(), e.start(), e.end(), e.text(), e.score(), e.page(),
                        joined(e.actors(), CODE_SEPARATOR)));
            }
        }
        return new ReportRows(doc, sentences, entities, mentions, themes, evidence, sentenceThemes);
    }

    /** A list of strings joined with {@code separator}; null when empty. */
    private static String joined(List<String> parts, String separator) {
        return parts.isEmpty() ? null : String.join(separator, parts);
    }
}
