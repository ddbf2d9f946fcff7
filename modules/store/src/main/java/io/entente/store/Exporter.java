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
 * <p>With {@code foldTerritories}, a territory that names its sovereign ({@code entities.sovereign})
 * counts as that sovereign in the exported tables (the store itself is not changed): see
 * {@link #FOLDED}.
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

    /**
     * The rows of each COUNTRY entity with the code it counts as: its sovereign's when it names one
     * (per document, as the report says), else its own; {@code grp} is the row's group after folding
     * (one per document and country code; every other entity alone).
     */
    private static final String FOLD_GROUPS = """
            g0 AS (
              SELECT n.*, (n.type = 'COUNTRY' AND n.code IS NOT NULL AND n.sovereign IS NOT NULL
                           AND n.sovereign <> n.code) AS folded
              FROM entities n),
            g AS (
              SELECT *, CASE WHEN folded THEN sovereign ELSE code END AS folded_code,
                     CASE WHEN type = 'COUNTRY' AND code IS NOT NULL
                          THEN 'c:' || CASE WHEN folded THEN sovereign ELSE code END
                          ELSE 'e:' || entity_id END AS grp
              FROM g0),
            ids AS (
              SELECT document_id, entity_id, min(entity_id) OVER w AS folded_id, count(*) OVER w AS group_size
              FROM g WINDOW w AS (PARTITION BY document_id, grp))""";

    /** Per document: territory code -> sovereign code, for the actors lists. */
    private static final String FOLD_MAP = """
            fold AS (
              SELECT document_id, map_from_entries(list({'k': code, 'v': sovereign})) AS m
              FROM (SELECT document_id, code, min(sovereign) AS sovereign FROM entities
                    WHERE type = 'COUNTRY' AND code IS NOT NULL AND sovereign IS NOT NULL AND sovereign <> code
                    GROUP BY document_id, code) -- one key per code: map_from_entries refuses duplicates
              GROUP BY document_id)""";

    /**
     * The folded tables. {@code entities}: one row per document and country code; a row that
     * took in a territory has the smallest {@code entity_id} of its group, the canonical name of
     * the sovereign's own row in the document (else the one other documents of the store give
     * that code, else the code), {@code kind} {@code state}, no {@code sovereign}, and the mention
     * counts added. {@code mentions}: a merged entity's mentions take its {@code entity_id} and are
     * numbered again in text order. {@code themes} and {@code evidence}: actors mapped to their
     * sovereign, duplicates dropped, first occurrence kept.
     */
    static final Map<String, String> FOLDED = Map.of(
            "entities", "WITH " + FOLD_GROUPS + ",\n" + """
            names AS (
              SELECT code, min(canonical) AS canonical FROM entities
              WHERE type = 'COUNTRY' AND code IS NOT NULL AND sovereign IS NULL GROUP BY code)
            SELECT g.document_id, min(g.entity_id)::INTEGER AS entity_id, min(g.type) AS type,
                   CASE WHEN bool_or(g.folded)
                        THEN coalesce(min(g.canonical) FILTER (WHERE NOT g.folded), min(nm.canonical), min(g.folded_code))
                        ELSE min(g.canonical) END AS canonical,
                   min(g.folded_code) AS code,
                   CASE WHEN bool_or(g.folded) THEN 'state' ELSE min(g.kind) END AS kind,
                   CASE WHEN bool_or(g.folded) THEN NULL ELSE min(g.sovereign) END AS sovereign,
                   sum(g.mention_count)::INTEGER AS mention_count
            FROM g LEFT JOIN names nm ON nm.code = g.folded_code
            GROUP BY g.document_id, g.grp""",
            "mentions", "WITH " + FOLD_GROUPS + """
            SELECT m.document_id, i.folded_id::INTEGER AS entity_id,
                   CASE WHEN i.group_size = 1 THEN m.mention_index
                        ELSE (row_number() OVER (PARTITION BY m.document_id, i.folded_id
                              ORDER BY m.start_offset, m.end_offset, m.entity_id, m.mention_index) - 1)::INTEGER
                   END AS mention_index,
                   m.start_offset, m.end_offset, m.text, m.sentence_index
            FROM mentions m JOIN ids i USING (document_id, entity_id)""",
            "themes", foldedActors("themes"),
            "evidence", foldedActors("evidence"));

    private static String foldedActors(String table) {
        return "WITH " + FOLD_MAP + ",\n" + """
                x AS (SELECT t.*, list_transform(string_split(t.actors, ','), lambda a: coalesce(f.m[a], a)) AS folded_actors
                      FROM %s t LEFT JOIN fold f USING (document_id))
                SELECT * EXCLUDE (folded_actors) REPLACE (array_to_string(list_filter(folded_actors,
                         lambda a, i: list_position(folded_actors, a) = i), ',') AS actors)
                FROM x""".formatted(table);
    }

    private Exporter() {
    }

    /** {@link #export(Path, ExportFormat, Path, boolean)} with every code as the store holds it. */
    public static List<Path> export(Path dbFile, ExportFormat format, Path outDir) throws IOException {
        return export(dbFile, format, outDir, false);
    }

    /**
     * Exports every table of the store {@code dbFile} into {@code outDir} (created when missing).
     *
     * @param foldTerritories count a territory that names its sovereign as that sovereign (one
     *                        entity row per document and code, actors mapped); false: as stored
     *
     * @return the files written, in the order of {@link CorpusStore#TABLES}
     * @throws StoreException the store cannot be opened or a table cannot be written; no file in
     *                        {@code outDir} was replaced then
     */
    public static List<Path> export(Path dbFile, ExportFormat format, Path outDir, boolean foldTerritories)
            throws IOException {
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
                    String rows = foldTerritories && FOLDED.containsKey(t.getKey())
                            ? "SELECT * FROM (" + FOLDED.get(t.getKey()) + ")" : "SELECT * FROM " + t.getKey();
                    st.execute("COPY (" + rows + " ORDER BY " + t.getValue() + ") TO "
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
