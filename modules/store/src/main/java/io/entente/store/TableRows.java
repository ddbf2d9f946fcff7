package io.entente.store;

import io.entente.core.Resources;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's tables as plain values, for engines that write them elsewhere (the Spark job's
 * Parquet tables): the columns of each table as the store declares them, and the rows one report
 * contributes, in column order. The same projection fills the DuckDB store, so the two hold the
 * same rows.
 */
public final class TableRows {
    private static final Pattern COLUMN = Pattern.compile("^\\s+([a-z_0-9]+) (VARCHAR|INTEGER|DOUBLE|DATE)( NOT NULL| PRIMARY KEY)?(,|\\))?$");

    private TableRows() {
    }

    /** A column: its name, its SQL type (VARCHAR, INTEGER, DOUBLE or DATE) and whether it may be null. */
    public record Column(String name, String type, boolean nullable) {
    }

    private static final Map<String, List<Column>> COLUMNS = parseColumns();

    /** Every table's columns, in {@link CorpusStore#TABLES} order. */
    public static Map<String, List<Column>> columns() {
        return COLUMNS;
    }

    private static Map<String, List<Column>> parseColumns() {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        for (String table : CorpusStore.TABLES) {
            List<Column> cols = new ArrayList<>();
            for (String line : CorpusStore.ddl(table).split("\n")) {
                Matcher m = COLUMN.matcher(line);
                if (m.matches()) {
                    cols.add(new Column(m.group(1), m.group(2), m.group(3) == null));
                }
            }
            out.put(table, List.copyOf(cols));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The rows of every table that one report gives, values in column order (String, Integer, Double,
     * LocalDate or null).
     *
     * @param reportFile the report's file name ({@code ID.json}), kept for provenance
     * @throws IOException when the report is not valid JSON or lacks what the store needs
     */
    public static Map<String, List<List<Object>>> of(byte[] report, String reportFile) throws IOException {
        return of(ReportJson.readDocument(report, reportFile), reportFile, Resources.sha256(report));
    }

    /**
     * As {@link #of(byte[], String)}, from a report already in memory (no parsing).
     *
     * @param reportSha256 hex SHA-256 of the report file's bytes
     */
    public static Map<String, List<List<Object>>> of(io.entente.report.model.DocumentReport report, String reportFile,
                                                     String reportSha256) {
        ReportRows r = ReportRows.of(report, reportFile, reportSha256);
        String id = r.documentId();
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        ReportRows.DocumentRow d = r.document();
        out.put("documents", List.of(row(id, d.source(), d.title(), d.date(), d.year(), d.dateText(), d.authors(),
                d.publisher(), d.tags(), d.format(), d.language(), d.pages(), d.sha256(), d.characters(), d.tokens(),
                d.sentences(), d.pipelineVersion(), d.codebookId(), d.codebookSha256(), d.reportFile(), d.reportSha256())));
        out.put("sentences", r.sentences().stream().map(s -> row(id, s.sentenceIndex(), s.startOffset(), s.endOffset(),
                s.text(), s.page())).toList());
        out.put("entities", r.entities().stream().map(e -> row(id, e.entityId(), e.type(), e.canonical(), e.code(),
                e.kind(), e.sovereign(), e.mentionCount())).toList());
        out.put("mentions", r.mentions().stream().map(m -> row(id, m.entityId(), m.mentionIndex(), m.startOffset(),
                m.endOffset(), m.text(), m.sentenceIndex())).toList());
        out.put("themes", r.themes().stream().map(t -> row(id, t.themeId(), t.polarity(), t.name(), t.score(),
                t.sentenceCount(), t.sentenceShare(), t.actors())).toList());
        out.put("evidence", r.evidence().stream().map(e -> row(id, e.themeId(), e.evidenceIndex(), e.sentenceIndex(),
                e.startOffset(), e.endOffset(), e.text(), e.score(), e.page(), e.actors())).toList());
        out.put("sentence_themes", r.sentenceThemes().stream().map(s -> row(id, s.sentenceIndex(), s.themeId())).toList());
        return out;
    }

    /** The year of a report's document (from its date), or null: what partitions tables by year. */
    public static Integer year(Map<String, List<List<Object>>> rows) {
        List<Column> cols = columns().get("documents");
        int i = cols.indexOf(cols.stream().filter(c -> c.name().equals("year")).findFirst().orElseThrow());
        return (Integer) rows.get("documents").get(0).get(i);
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }
}
