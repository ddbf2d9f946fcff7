package io.entente.store;

import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB appender per table, inside the connection's open transaction. Rows are buffered and
 * written in chunks; {@link #close()} flushes the rest (and reports a constraint violation).
 */
final class Appenders implements AutoCloseable {
    private final DuckDBAppender documents;
    private final DuckDBAppender sentences;
    private final DuckDBAppender entities;
    private final DuckDBAppender mentions;
    private final DuckDBAppender themes;
    private final DuckDBAppender evidence;
    private final DuckDBAppender sentenceThemes;

    Appenders(DuckDBConnection c) throws SQLException {
        String schema = DuckDBConnection.DEFAULT_SCHEMA;
        documents = c.createAppender(schema, "documents");
        sentences = c.createAppender(schema, "sentences");
        entities = c.createAppender(schema, "entities");
        mentions = c.createAppender(schema, "mentions");
        themes = c.createAppender(schema, "themes");
        evidence = c.createAppender(schema, "evidence");
        sentenceThemes = c.createAppender(schema, "sentence_themes");
    }

    void append(ReportRows r) throws SQLException {
        ReportRows.DocumentRow d = r.document();
        String id = d.documentId();
        documents.beginRow();
        documents.append(id);
        documents.append(d.source());
        documents.append(d.title());
        date(documents, d.date());
        integer(documents, d.year());
        documents.append(d.dateText());
        documents.append(d.authors());
        documents.append(d.publisher());
        documents.append(d.tags());
        documents.append(d.format());
        documents.append(d.language());
        integer(documents, d.pages());
        documents.append(d.sha256());
        documents.append(d.characters());
        documents.append(d.tokens());
        documents.append(d.sentences());
        documents.append(d.pipelineVersion());
        documents.append(d.codebookId());
        documents.append(d.codebookSha256());
        documents.append(d.reportFile());
        documents.append(d.reportSha256());
        documents.endRow();

        for (ReportRows.SentenceRow s : r.sentences()) {
            sentences.beginRow();
            sentences.append(id);
            sentences.append(s.sentenceIndex());
            sentences.append(s.startOffset());
            sentences.append(s.endOffset());
            sentences.append(s.text());
            integer(sentences, s.page());
            sentences.endRow();
        }
        for (ReportRows.EntityRow e : r.entities()) {
            entities.beginRow();
            entities.append(id);
            entities.append(e.entityId());
            entities.append(e.type());
            entities.append(e.canonical());
            entities.append(e.code());
            entities.append(e.kind());
            entities.append(e.sovereign());
            entities.append(e.mentionCount());
            entities.endRow();
        }
        for (ReportRows.MentionRow m : r.mentions()) {
            mentions.beginRow();
            mentions.append(id);
            mentions.append(m.entityId());
            mentions.append(m.mentionIndex());
            mentions.append(m.startOffset());
            mentions.append(m.endOffset());
            mentions.append(m.text());
            mentions.append(m.sentenceIndex());
            mentions.endRow();
        }
        for (ReportRows.ThemeRow t : r.themes()) {
            themes.beginRow();
            themes.append(id);
            themes.append(t.themeId());
            themes.append(t.polarity());
            themes.append(t.name());
            themes.append(t.score());
            themes.append(t.sentenceCount());
            if (t.sentenceShare() == null) {
                themes.appendNull();
            } else {
                themes.append(t.sentenceShare().doubleValue());
            }
            themes.append(t.actors());
            themes.endRow();
        }
        for (ReportRows.EvidenceRow e : r.evidence()) {
            evidence.beginRow();
            evidence.append(id);
            evidence.append(e.themeId());
            evidence.append(e.evidenceIndex());
            evidence.append(e.sentenceIndex());
            evidence.append(e.startOffset());
            evidence.append(e.endOffset());
            evidence.append(e.text());
            evidence.append(e.score());
            integer(evidence, e.page());
            evidence.append(e.actors());
            evidence.endRow();
        }
        for (ReportRows.SentenceThemeRow st : r.sentenceThemes()) {
            sentenceThemes.beginRow();
            sentenceThemes.append(id);
            sentenceThemes.append(st.sentenceIndex());
            sentenceThemes.append(st.themeId());
            sentenceThemes.endRow();
        }
    }

    private static void integer(DuckDBAppender a, Integer v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.intValue());
        }
    }

    private static void date(DuckDBAppender a, LocalDate v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    /** Flushes and closes every appender; the first failure is thrown once all were tried. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (DuckDBAppender a : new DuckDBAppender[] {documents, sentences, entities, mentions, themes, evidence,
                sentenceThemes}) {
            try {
                try {
                    a.flush();
                } finally {
                    a.close();
                }
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
