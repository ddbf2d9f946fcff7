package io.entente.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the store's tables as tidy files, one per table ({@code documents.csv},
 * {@code sentences.csv}, ...), with DuckDB's {@code COPY ... TO}. Rows are ordered by the table's
 * key, so the same store gives the same files.
 *
 * <p>Every table is first written to a hidden temporary file in {@code outDir}; only when all
 * were written are they moved over the final names (each move atomic), so a failed export
 * replaces no file and a reader never sees a half-written one.
 */
public final class Exporter {
    /** The order of each table's rows: its primary key. */
    private static final Map<String, String> ORDER = new LinkedHashMap<>();

    static {
        ORDER.put("documents", "document_id");
        ORDER.put("sentences", "document_id, sentence_index");
        ORDER.put("entities", "document_id, entity_id");
        ORDER.put("mentions", "document_id, entity_id, mention_index");
        ORDER.put("themes", "document_id, theme_id");
        ORDER.put("evidence", "document_id, theme_id, evidence_index");
        ORDER.put("sentence_themes", "document_id, sentence_index, theme_id");
        if (!ORDER.keySet().equals(new java.util.LinkedHashSet<>(CorpusStore.TABLES))) {
            throw new IllegalStateException("Exporter.ORDER and CorpusStore.TABLES disagree");
        }
    }

    private Exporter() {
    }

    /**
     * Exports every table of the store {@code dbFile} into {@code outDir} (created when missing).
     *
     * @return the files written, in the order of {@link CorpusStore#TABLES}
     * @throws StoreException the store cannot be opened or a table cannot be written; no file in
     *                        {@code outDir} was replaced then
     */
    public static List<Path> export(Path dbFile, ExportFormat format, Path outDir) throws IOException {
        if (!Files.isRegularFile(dbFile)) {
            throw new NoSuchFileException(dbFile.toString(), null, "no store here; update it from the reports first");
        }
        Files.createDirectories(outDir);
        Map<Path, Path> temps = new LinkedHashMap<>(); // temp -> final
        try {
            try (Connection c = CorpusStore.open(dbFile, true); Statement st = c.createStatement()) {
                for (Map.Entry<String, String> t : ORDER.entrySet()) {
                    Path target = outDir.resolve(t.getKey() + "." + format.extension());
                    Path tmp = Files.createTempFile(outDir, "." + target.getFileName() + ".", ".tmp");
                    temps.put(tmp, target);
                    st.execute("COPY (SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue() + ") TO "
                            + sqlString(tmp.toAbsolutePath().toString()) + " (" + format.copyOptions() + ")");
                }
            } catch (SQLException e) {
                throw new StoreException("could not export the store " + dbFile + " as " + format + ": "
                        + e.getMessage(), e);
            }
            List<Path> written = new ArrayList<>(temps.size());
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(e.getValue());
            }
            return written;
        } finally {
            for (Path tmp : temps.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A SQL string literal. */
    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
