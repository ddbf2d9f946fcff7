package io.entente.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.CooperationPair;
import io.entente.core.CueMatch;
import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import io.entente.core.PartialDate;
import io.entente.core.Sentence;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportJson;
import io.entente.report.model.ReportPipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-document JSON report (schema {@code models/schemas/report.schema.json}): a document as a
 * {@link DocumentReport}, written by {@link ReportJson}. Field order is fixed, so the same document
 * gives byte-identical output.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = ReportJson.SCHEMA_VERSION;

    private JsonReport() {
    }

    /**
     * The report of a document.
     *
     * @throws IllegalArgumentException when the document cannot be reported, e.g. its date is not
     *                                  {@code YYYY[-MM[-DD]]} (no reader could read such a report back)
     */
    public static DocumentReport model(Document doc, PipelineInfo pipeline) {
        var info = doc.info();
        DocumentReport.Meta meta = new DocumentReport.Meta(info.id(), info.source(), info.title(), date(info.date(), info.id()),
                info.sha256(), doc.text().length(), doc.tokenCount(), info.authors(), info.publisher(), info.tags(),
                info.format(), info.language(), info.encoding(), doc.pageStarts().isEmpty() ? null : doc.pageStarts().size(),
                info.origins());

        List<List<String>> themesOfSentence = new ArrayList<>();
        for (int i = 0; i < doc.sentences().size(); i++) {
            themesOfSentence.add(new ArrayList<>());
        }
        for (ThemeResult t : doc.themes()) {
            for (int s : t.sentences()) {
                themesOfSentence.get(s).add(t.id());
            }
        }
        List<DocumentReport.Sentence> sentences = new ArrayList<>(doc.sentences().size());
        for (Sentence s : doc.sentences()) {
            // section: author box, references or notes, which are not evidence of the argument
            sentences.add(new DocumentReport.Sentence(s.index(), s.start(), s.end(), s.text(doc.text()),
                    doc.sections().get(s.index()), themesOfSentence.get(s.index())));
        }

        List<DocumentReport.Entity> entities = new ArrayList<>(doc.entities().size());
        for (Entity e : doc.entities()) {
            List<DocumentReport.Mention> mentions = new ArrayList<>(e.mentions().size());
            for (Mention m : e.mentions()) {
                mentions.add(new DocumentReport.Mention(m.start(), m.end(), m.text(), m.sentence(), m.form()));
            }
            boolean country = e.type() == EntityType.COUNTRY;
            entities.add(new DocumentReport.Entity(e.type(), e.canonical(), e.code(), country ? e.kind() : null,
                    country ? e.sovereign() : null, e.count(), mentions));
        }

        List<DocumentReport.Theme> themes = new ArrayList<>(doc.themes().size());
        for (ThemeResult t : doc.themes()) {
            List<DocumentReport.Evidence> evidence = new ArrayList<>(t.evidence().size());
            for (ThemeEvidence e : t.evidence()) {
                List<DocumentReport.Cue> cues = new ArrayList<>(e.cues().size());
                for (CueMatch c : e.cues()) {
                    cues.add(new DocumentReport.Cue(c.pattern(), c.start(), c.end(), c.negated()));
                }
                evidence.add(new DocumentReport.Evidence(e.sentence(), e.start(), e.end(), e.text(), doc.pageOf(e.start()),
                        e.score(), e.actors(), cues, e.modality().label()));
            }
            themes.add(new DocumentReport.Theme(t.id(), t.polarity().label(), t.name(), t.score(), t.presence(),
                    t.sentences(), t.actors(), evidence));
        }

        List<DocumentReport.Cooperation> cooperation = new ArrayList<>(doc.cooperation().size());
        for (CooperationPair p : doc.cooperation()) {
            List<DocumentReport.PairTheme> pairThemes = new ArrayList<>(p.themes().size());
            for (CooperationPair.PairTheme t : p.themes()) {
                pairThemes.add(new DocumentReport.PairTheme(t.id(), t.sentences()));
            }
            cooperation.add(new DocumentReport.Cooperation(p.pair(), p.countries(), p.sentences(), pairThemes));
        }
        return new DocumentReport(SCHEMA_VERSION, meta, pipeline(pipeline), sentences, entities, themes, cooperation);
    }

    /** The report as a JSON tree. */
    public static ObjectNode toJson(Document doc, PipelineInfo pipeline) {
        return ReportJson.tree(model(doc, pipeline));
    }

    /** The report as {@code <id>.json} holds it. */
    public static String render(Document doc, PipelineInfo pipeline) {
        return ReportJson.write(model(doc, pipeline));
    }

    static ReportPipeline pipeline(PipelineInfo p) {
        return new ReportPipeline(p.version(), new ReportPipeline.Codebook(p.codebookId(), p.codebookSha256()), p.models());
    }

    /** A document's date as the report carries it; {@code document} names it in the error. */
    static PartialDate date(String date, String document) {
        try {
            return PartialDate.parseNullable(date);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("document " + document + ": date " + e.getMessage(), e);
        }
    }
}
