package io.entente.store;

import io.entente.core.Resources;
import io.entente.report.model.ReportFormatException;
import io.entente.report.model.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded analytical store: a DuckDB database derived from a folder of per-document JSON
 * reports, in tidy tables a researcher can join (see {@link #schemaMarkdown()} and
 * {@code modules/store/SCHEMA.md}). The reports are the source of truth; the store only mirrors them.
 *
 * <p>{@link #update} brings the database in line with the folder in <em>one</em> DuckDB transaction:
 * rows of removed and changed documents are deleted, new and changed reports appended, and only
 * then committed. DuckDB's write-ahead log makes the commit atomic, so a run that fails or is
 * killed at any point leaves the database as it was before the call. A transaction rather than a
 * rebuilt copy moved over the old file: an update rewrites only the documents that changed (a
 * re-run on an unchanged corpus of thousands takes under a second), the unchanged rows are
 * never rewritten, and there is no second database file whose write-ahead log must be kept in
 * step with the first (nor a move that a reader holding the file blocks on Windows). DuckDB's
 * lock on the file makes a second writer (another update, or a tool that opened the store
 * read-write) fail with a message instead of interleaving.
 *
 * <p>A {@code .json} file in the folder is a document report when it has {@code "schemaVersion": 1}
 * and a {@code document} object; others ({@code corpus.json}, files of other tools) are skipped.
 * Reports are read with the report model ({@link ReportJson}), strictly: a document report that
 * cannot be loaded (malformed JSON, a field the format does not have, a required field missing or
 * of the wrong type, a date that is not {@code YYYY[-MM[-DD]]}), or two reports with the same
 * document id, fail the whole update with a
 * {@link StoreException} that names the file: nothing is lost that way (the previous database and
 * the file stay as they are), where skipping the report would silently drop the document or keep
 * stale rows.
 *
 * <p>Callers that may run alongside {@code entente analyze} on the same folder should hold the
 * folder's {@code io.entente.report.OutputLock} so the store sees a consistent folder.
 */
public final class CorpusStore {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusStore.class);

    /** The database's file name inside a reports folder, as the CLI uses it. */
    public static final String DEFAULT_FILE_NAME = "entente.duckdb";
    /**
     * Version of the table layout; a database of an older layout is rebuilt from the reports on the
     * next update (2: {@code entities.kind} and {@code entities.sovereign}).
     */
    public static final int STORE_SCHEMA_VERSION = 2;

    /** The data tables, in the order they are documented and exported. */
    public static final List<String> TABLES = List.of(
            "documents", "sentences", "entities", "mentions", "themes", "evidence", "sentence_themes");

    static final String INFO_TABLE = "store_info";

    private static final Map<String, String> DDL = new LinkedHashMap<>();

    static {
        DDL.put("documents", """
                CREATE TABLE documents (
                  document_id VARCHAR PRIMARY KEY,
                  source VARCHAR NOT NULL,
                  title VARCHAR,
                  date DATE,
                  year INTEGER,
                  date_text VARCHAR,
                  authors VARCHAR,
                  publisher VARCHAR,
                  tags VARCHAR,
                  format VARCHAR,
                  language VARCHAR,
                  pages INTEGER,
                  sha256 VARCHAR NOT NULL,
                  characters INTEGER NOT NULL,
                  tokens INTEGER NOT NULL,
                  sentences INTEGER NOT NULL,
                  pipeline_version VARCHAR NOT NULL,
                  codebook_id VARCHAR NOT NULL,
                  codebook_sha256 VARCHAR NOT NULL,
                  report_file VARCHAR NOT NULL,
                  report_sha256 VARCHAR NOT NULL)""");
        DDL.put("sentences", """
                CREATE TABLE sentences (
                  document_id VARCHAR NOT NULL,
                  sentence_index INTEGER NOT NULL,
                  start_offset INTEGER NOT NULL,
                  end_offset INTEGER NOT NULL,
                  text VARCHAR,
                  page INTEGER,
                  PRIMARY KEY (document_id, sentence_index))""");
        DDL.put("entities", """
                CREATE TABLE entities (
                  document_id VARCHAR NOT NULL,
                  entity_id INTEGER NOT NULL,
                  type VARCHAR NOT NULL,
                  canonical VARCHAR NOT NULL,
                  code VARCHAR,
                  kind VARCHAR,
                  sovereign VARCHAR,
                  mention_count INTEGER NOT NULL,
                  PRIMARY KEY (document_id, entity_id))""");
        DDL.put("mentions", """
                CREATE TABLE mentions (
                  document_id VARCHAR NOT NULL,
                  entity_id INTEGER NOT NULL,
                  mention_index INTEGER NOT NULL,
                  start_offset INTEGER NOT NULL,
                  end_offset INTEGER NOT NULL,
                  text VARCHAR NOT NULL,
                  sentence_index INTEGER NOT NULL,
                  PRIMARY KEY (document_id, entity_id, mention_index))""");
        DDL.put("themes", """
                CREATE TABLE themes (
                  document_id VARCHAR NOT NULL,
                  theme_id VARCHAR NOT NULL,
                  polarity VARCHAR NOT NULL,
                  name VARCHAR NOT NULL,
                  score DOUBLE NOT NULL,
                  sentence_count INTEGER NOT NULL,
                  sentence_share DOUBLE,
                  actors VARCHAR,
                  PRIMARY KEY (document_id, theme_id))""");
        DDL.put("evidence", """
                CREATE TABLE evidence (
                  document_id VARCHAR NOT NULL,
                  theme_id VARCHAR NOT NULL,
                  evidence_index INTEGER NOT NULL,
                  sentence_index INTEGER NOT NULL,
                  start_offset INTEGER NOT NULL,
                  end_offset INTEGER NOT NULL,
                  text VARCHAR NOT NULL,
                  score DOUBLE NOT NULL,
                  page INTEGER,
                  actors VARCHAR,
                  PRIMARY KEY (document_id, theme_id, evidence_index))""");
        DDL.put("sentence_themes", """
                CREATE TABLE sentence_themes (
                  document_id VARCHAR NOT NULL,
                  sentence_index INTEGER NOT NULL,
                  theme_id VARCHAR NOT NULL,
                  PRIMARY KEY (document_id, sentence_index, theme_id))""");
        if (!DDL.keySet().equals(new java.util.LinkedHashSet<>(TABLES))) {
            throw new IllegalStateException("DDL and TABLES disagree");
        }
    }

    private CorpusStore() {
    }

    /** Hooks into {@link #update}, for tests that interrupt it at a chosen point. */
    interface UpdateListener {
        UpdateListener NONE = new UpdateListener() {
        };

        /** After a document's rows were handed to the appenders (not yet flushed). */
        default void documentLoaded(String documentId) throws IOException {
        }

        /** After every row was written, just before the transaction commits. */
        default void beforeCommit() throws IOException {
        }
    }

    /** {@link #update(Path, Path)} with the database at {@code reportsDir/entente.duckdb}. */
    public static StoreSummary update(Path reportsDir) throws IOException {
        return update(reportsDir, reportsDir.resolve(DEFAULT_FILE_NAME));
    }

    /**
     * Creates or updates the database {@code dbFile} so that it holds exactly the document reports
     * now in {@code reportsDir}, in one transaction: when this throws, the database holds what it
     * held before (and a database that did not exist is not left behind).
     *
     * @throws StoreException a report cannot be loaded (the message names it), two reports share
     *                        a document id, or the database cannot be opened or written
     * @throws IOException    the folder cannot be read
     */
    public static StoreSummary update(Path reportsDir, Path dbFile) throws IOException {
        return update(reportsDir, dbFile, UpdateListener.NONE);
    }

    static StoreSummary update(Path reportsDir, Path dbFile, UpdateListener listener) throws IOException {
        if (!Files.isDirectory(reportsDir)) {
            throw new java.nio.file.NoSuchFileException(reportsDir.toString(), null, "not a folder of reports");
        }
        List<ReportFile> files = scan(reportsDir, dbFile);
        Path db = dbFile.toAbsolutePath();
        if (db.getParent() != null) {
            Files.createDirectories(db.getParent());
        }
        boolean existed = Files.exists(db);
        boolean done = false;
        try (Connection c = open(db, false)) {
            c.setAutoCommit(false);
            StoreSummary summary;
            try {
                Map<String, Previous> previous = prepareSchema(c);
                Plan plan = plan(files, previous);
                deleteDocuments(c, plan.stale());
                try (Appenders appenders = new Appenders((DuckDBConnection) c)) {
                    for (Load load : plan.loads()) {
                        ReportRows rows = readReport(load.file());
                        if (!rows.documentId().equals(load.documentId())) {
                            throw new StoreException(load.file().path() + " changed while the store was being updated"
                                    + " (its document id is now " + rows.documentId() + "); run the update again");
                        }
                        appenders.append(rows);
                        listener.documentLoaded(rows.documentId());
                    }
                }
                writeInfo(c, reportsDir);
                summary = new StoreSummary(plan.documents(), plan.added(), plan.updated(), plan.removed());
                listener.beforeCommit();
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            done = true;
            checkpoint(c);
            return summary;
        } catch (SQLException e) {
            throw new StoreException("could not update the store " + db + ": " + e.getMessage(), e);
        } finally {
            if (!done && !existed) {
                Files.deleteIfExists(db);
                Files.deleteIfExists(Path.of(db + ".wal"));
            }
        }
    }

    /**
     * The store's schema as a Markdown section (the text of {@code modules/store/SCHEMA.md}):
     * tables, columns, keys, conventions, and example queries.
     */
    public static String schemaMarkdown() {
        try (InputStream in = CorpusStore.class.getResourceAsStream("SCHEMA.md")) {
            if (in == null) {
                throw new IllegalStateException("SCHEMA.md is missing from the entente-store jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read SCHEMA.md: " + e.getMessage(), e);
        }
    }

    /** Opens the DuckDB database {@code dbFile}. */
    static Connection open(Path dbFile, boolean readOnly) throws StoreException {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    // --- the folder ---

    /** A {@code .json} file of the folder and the SHA-256 of its bytes. */
    record ReportFile(Path path, String name, String sha256) {
    }

    private static List<ReportFile> scan(Path reportsDir, Path dbFile) throws IOException {
        TreeSet<Path> paths = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(reportsDir, "*.json")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p) && !p.equals(dbFile)) {
                    paths.add(p);
                }
            }
        }
        List<ReportFile> files = new ArrayList<>(paths.size());
        for (Path p : paths) {
            files.add(new ReportFile(p, p.getFileName().toString(), Resources.sha256(Files.readAllBytes(p))));
        }
        return files;
    }

    /** What a {@code .json} file is, read from its top: its document id when it is a document report. */
    private static String documentIdOf(ReportFile f) throws StoreException {
        ReportJson.Head head;
        try {
            head = ReportJson.head(f.path());
        } catch (IOException e) {
            throw new StoreException(f.path() + " cannot be loaded (" + problem(e) + "): fix or remove it, or analyze"
                    + " its document again; the store was left unchanged", e);
        }
        if (head.isOtherVersion()) {
            LOG.warn("{}: report schema version {} is not {}, skipped", f.path(), head.schemaVersion(), ReportJson.SCHEMA_VERSION);
            return null;
        }
        if (!head.isDocumentReport()) {
            LOG.debug("{}: not a document report, skipped", f.path());
            return null;
        }
        if (head.documentId() == null) {
            throw new StoreException(f.path() + " cannot be loaded (malformed report: document.id is missing or empty);"
                    + " the store was left unchanged");
        }
        return head.documentId();
    }

    private static ReportRows readReport(ReportFile f) throws StoreException {
        try {
            byte[] bytes = Files.readAllBytes(f.path());
            return ReportRows.of(ReportJson.readDocument(bytes, f.path().toString()), f.name(), Resources.sha256(bytes));
        } catch (IOException e) {
            throw new StoreException(f.path() + " cannot be loaded (" + problem(e) + "): fix or remove it, or analyze"
                    + " its document again; the store was left unchanged", e);
        }
    }

    private static String problem(IOException e) {
        return e instanceof ReportFormatException r ? r.problem() : firstLine(e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // --- the plan: what to delete and what to load ---

    /** A document the store holds: its report's file name and digest. */
    record Previous(String reportFile, String reportSha256) {
    }

    record Load(ReportFile file, String documentId) {
    }

    record Plan(List<String> stale, List<Load> loads, int documents, int added, int updated, int removed) {
    }

    private static Plan plan(List<ReportFile> files, Map<String, Previous> previous) throws StoreException {
        Map<String, String> unchangedByFile = new HashMap<>(); // report file name -> document id
        Map<String, String> digestByFile = new HashMap<>();
        previous.forEach((id, p) -> {
            unchangedByFile.put(p.reportFile(), id);
            digestByFile.put(p.reportFile(), p.reportSha256());
        });
        Map<String, Path> current = new HashMap<>(); // document id -> its report
        List<Load> loads = new ArrayList<>();
        int added = 0;
        int updated = 0;
        for (ReportFile f : files) {
            String id;
            boolean unchanged = f.sha256().equals(digestByFile.get(f.name()));
            if (unchanged) {
                id = unchangedByFile.get(f.name());
            } else {
                id = documentIdOf(f);
                if (id == null) {
                    continue;
                }
            }
            Path other = current.putIfAbsent(id, f.path());
            if (other != null) {
                throw new StoreException("two reports hold document " + id + ": " + other + " and " + f.path()
                        + "; remove one of them; the store was left unchanged");
            }
            if (!unchanged) {
                loads.add(new Load(f, id));
                if (previous.containsKey(id)) {
                    updated++;
                } else {
                    added++;
                }
            }
        }
        List<String> stale = new ArrayList<>();
        int removed = 0;
        for (String id : previous.keySet()) {
            if (!current.containsKey(id)) {
                stale.add(id);
                removed++;
            }
        }
        for (Load l : loads) {
            if (previous.containsKey(l.documentId())) {
                stale.add(l.documentId());
            }
        }
        return new Plan(stale, loads, current.size(), added, updated, removed);
    }

    // --- the database ---

    /**
     * Creates the tables when missing (and rebuilds those of an older layout), and returns the
     * documents the store holds now.
     */
    private static Map<String, Previous> prepareSchema(Connection c) throws SQLException, StoreException {
        Map<String, Previous> previous = new HashMap<>();
        try (Statement st = c.createStatement()) {
            Integer version = null;
            if (tableExists(c, INFO_TABLE)) {
                try (ResultSet rs = st.executeQuery("SELECT value FROM " + INFO_TABLE
                        + " WHERE key = 'store_schema_version'")) {
                    if (rs.next()) {
                        version = Integer.valueOf(rs.getString(1));
                    }
                }
            }
            if (version != null && version > STORE_SCHEMA_VERSION) {
                throw new StoreException("the store was written by a newer Entente (store schema " + version
                        + ", this one knows " + STORE_SCHEMA_VERSION + "); update Entente or delete the store");
            }
            boolean current = version != null && version == STORE_SCHEMA_VERSION;
            if (!current) {
                for (String table : TABLES) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                }
                st.execute("DROP TABLE IF EXISTS " + INFO_TABLE);
                st.execute("CREATE TABLE " + INFO_TABLE + " (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            }
            for (String table : TABLES) {
                if (!current || !tableExists(c, table)) {
                    st.execute(DDL.get(table));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT document_id, report_file, report_sha256 FROM documents")) {
                while (rs.next()) {
                    previous.put(rs.getString(1), new Previous(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return previous;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'main' AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void deleteDocuments(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE stale_documents (document_id VARCHAR PRIMARY KEY)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stale_documents VALUES (?)")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String table : TABLES) {
                st.execute("DELETE FROM " + table + " WHERE document_id IN (SELECT document_id FROM stale_documents)");
            }
            st.execute("DROP TABLE stale_documents");
        }
    }

    private static void writeInfo(Connection c, Path reportsDir) throws SQLException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("store_schema_version", Integer.toString(STORE_SCHEMA_VERSION));
        info.put("report_schema_version", Integer.toString(ReportJson.SCHEMA_VERSION));
        info.put("updated_at", Instant.now().toString());
        info.put("reports_dir", reportsDir.toAbsolutePath().normalize().toString());
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO " + INFO_TABLE + " VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : info.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.executeUpdate();
            }
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the transaction was never committed: DuckDB discards it on close
        }
    }

    /** Folds the write-ahead log into the database file, so the one file is the whole store. */
    private static void checkpoint(Connection c) {
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.warn("store committed, but the checkpoint failed (DuckDB retries on close): {}", e.getMessage());
        }
    }
}
