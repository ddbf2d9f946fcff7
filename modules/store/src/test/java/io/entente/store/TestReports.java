package io.entente.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds per-document reports as JSON trees following models/schemas/report.schema.json, and reads stores back. */
final class TestReports {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String CODEBOOK_SHA = "c0debook".repeat(8);

    private TestReports() {
    }

    record Ev(int sentence, double score, List<String> actors) {
    }

    static Ev ev(int sentence, double score, String... actors) {
        return new Ev(sentence, score, List.of(actors));
    }

    private record Ent(String type, String canonical, String code, String kind, String sovereign, int[] sentences) {
    }

    private record Theme(String id, String polarity, String name, List<Ev> evidence) {
    }

    /** One document's report, built step by step. Sentences are joined with a line break. */
    static final class Doc {
        final String id;
        String date;
        String title;
        List<String> authors = List.of();
        List<String> tags = List.of();
        String format = "text";
        Integer pages;
        final List<String> sentences = new ArrayList<>();
        private final List<Ent> entities = new ArrayList<>();
        private final List<Theme> themes = new ArrayList<>();

        Doc(String id, String date) {
            this.id = id;
            this.date = date;
        }

        Doc title(String t) {
            this.title = t;
            return this;
        }

        Doc authors(String... a) {
            this.authors = List.of(a);
            return this;
        }

        Doc tags(String... t) {
            this.tags = List.of(t);
            return this;
        }

        Doc sentences(String... texts) {
            sentences.addAll(List.of(texts));
            return this;
        }

        Doc entity(String type, String canonical, String code, int... inSentences) {
            entities.add(new Ent(type, canonical, code, null, null, inSentences));
            return this;
        }

        /** A country with the report's {@code kind} and {@code sovereign} (null: the field is absent). */
        Doc country(String canonical, String code, String kind, String sovereign, int... inSentences) {
            entities.add(new Ent("COUNTRY", canonical, code, kind, sovereign, inSentences));
            return this;
        }

        Doc theme(String themeId, String polarity, Ev... evidence) {
            themes.add(new Theme(themeId, polarity, "Theme " + themeId, List.of(evidence)));
            return this;
        }

        Doc pages(int n) {
            this.format = "pdf";
            this.pages = n;
            return this;
        }

        String text() {
            return String.join("\n", sentences);
        }

        int start(int sentence) {
            int s = 0;
            for (int i = 0; i < sentence; i++) {
                s += sentences.get(i).length() + 1;
            }
            return s;
        }

        ObjectNode json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("schemaVersion", 1);
            ObjectNode d = root.putObject("document");
            d.put("id", id);
            d.put("source", "papers/" + id + ".txt");
            d.put("title", title);
            d.put("date", date);
            d.put("sha256", io.entente.core.Resources.sha256(text().getBytes(StandardCharsets.UTF_8)));
            d.put("characters", text().length());
            d.put("tokens", text().split("\\s+").length);
            ArrayNode a = d.putArray("authors");
            authors.forEach(a::add);
            d.putNull("publisher");
            ArrayNode t = d.putArray("tags");
            tags.forEach(t::add);
            d.put("format", format);
            d.put("language", "eng");
            if (pages != null) {
                d.put("pages", pages);
            }
            d.putObject("metadataSources");
            ObjectNode p = root.putObject("pipeline");
            p.put("version", "0.1.0");
            ObjectNode cb = p.putObject("codebook");
            cb.put("id", "security-cooperation");
            cb.put("sha256", CODEBOOK_SHA);
            p.putArray("models").addObject().put("name", "test:model").put("version", "1");

            Map<Integer, Set<String>> themesOf = new LinkedHashMap<>();
            for (Theme th : themes) {
                for (Ev e : th.evidence()) {
                    themesOf.computeIfAbsent(e.sentence(), k -> new LinkedHashSet<>()).add(th.id());
                }
            }
            ArrayNode ss = root.putArray("sentences");
            for (int i = 0; i < sentences.size(); i++) {
                ObjectNode s = ss.addObject();
                s.put("index", i);
                s.put("start", start(i));
                s.put("end", start(i) + sentences.get(i).length());
                s.put("text", sentences.get(i));
                ArrayNode th = s.putArray("themes");
                themesOf.getOrDefault(i, Set.of()).forEach(th::add);
            }
            ArrayNode es = root.putArray("entities");
            for (Ent e : entities) {
                ObjectNode n = es.addObject();
                n.put("type", e.type());
                n.put("canonical", e.canonical());
                if (e.code() != null) {
                    n.put("code", e.code());
                }
                if (e.kind() != null) {
                    n.put("kind", e.kind());
                }
                if (e.sovereign() != null) {
                    n.put("sovereign", e.sovereign());
                }
                n.put("count", e.sentences().length);
                ArrayNode ms = n.putArray("mentions");
                for (int s : e.sentences()) {
                    String sentence = sentences.get(s);
                    int at = Math.max(0, sentence.indexOf(e.canonical()));
                    int len = Math.min(e.canonical().length(), sentence.length() - at);
                    ms.addObject().put("start", start(s) + at).put("end", start(s) + at + len)
                            .put("text", sentence.substring(at, at + len)).put("sentence", s);
                }
            }
            ArrayNode ts = root.putArray("themes");
            for (Theme th : themes) {
                ObjectNode n = ts.addObject();
                n.put("id", th.id());
                n.put("polarity", th.polarity());
                n.put("name", th.name());
                double none = 1;
                Set<String> actors = new LinkedHashSet<>();
                for (Ev e : th.evidence()) {
                    none *= 1 - e.score();
                    actors.addAll(e.actors());
                }
                n.put("score", Math.round((1 - none) * 10000) / 10000.0);
                ArrayNode sn = n.putArray("sentences");
                th.evidence().forEach(e -> sn.add(e.sentence()));
                ArrayNode an = n.putArray("actors");
                actors.forEach(an::add);
                ArrayNode evn = n.putArray("evidence");
                for (Ev e : th.evidence()) {
                    ObjectNode en = evn.addObject();
                    en.put("sentence", e.sentence());
                    en.put("start", start(e.sentence()));
                    en.put("end", start(e.sentence()) + sentences.get(e.sentence()).length());
                    en.put("text", sentences.get(e.sentence()));
                    if (pages != null) {
                        en.put("page", 1 + e.sentence() % pages);
                    }
                    en.put("score", e.score());
                    ArrayNode ea = en.putArray("actors");
                    e.actors().forEach(ea::add);
                    en.putArray("cues").addObject().put("pattern", "threat*").put("start", start(e.sentence()))
                            .put("end", start(e.sentence()) + 1).put("negated", false);
                }
            }
            return root;
        }

        Path write(Path dir) throws IOException {
            Path file = dir.resolve(id + ".json");
            Files.writeString(file, JSON.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
            return file;
        }
    }

    // --- the fixture corpus: four documents, three of them dated 2019, 2020 and 2021 ---

    static Doc alpha() {
        return new Doc("alpha", "2019-03-15").title("Alpha: a \"shared\" threat").authors("Kim, Ji-ho", "Sato, Aiko")
                .tags("east-asia", "alliances")
                .sentences("Seoul and Tokyo share the \"North Korean\" threat, analysts say.",
                        "Japan’s wartime past still divides them.",
                        "South Korea fears missile launches\nand asks for more.",
                        "NATO watches the region.")
                .entity("COUNTRY", "South Korea", "KOR", 0, 2)
                .entity("COUNTRY", "Japan", "JPN", 0, 1)
                .entity("ORGANIZATION", "NATO", null, 3)
                .theme("threat.shared", "driver", ev(0, 0.8, "KOR", "JPN"), ev(2, 0.5, "KOR"))
                .theme("history.legacy", "obstacle", ev(1, 0.6, "JPN"));
    }

    static Doc beta() {
        return new Doc("beta", "2020-07").title("Beta")
                .sentences("South Korea tests its defences.", "Japan and South Korea face missiles together.",
                        "Talks went on.", "The United States urges unity.", "The United States sends ships.")
                .entity("COUNTRY", "South Korea", "KOR", 0, 1)
                .entity("COUNTRY", "Japan", "JPN", 1)
                .entity("COUNTRY", "United States", "USA", 3, 4)
                .theme("threat.shared", "driver", ev(0, 0.7, "KOR"), ev(1, 0.95, "KOR", "JPN"), ev(3, 0.3, "USA"));
    }

    static Doc gamma() {
        return new Doc("gamma", "2021-11-02").title("Gamma")
                .sentences("Japan still denies the past.", "China watches.")
                .entity("COUNTRY", "Japan", "JPN", 0)
                .entity("COUNTRY", "China", "CHN", 1)
                .entity("PERSON", "Moon Jae-in", null)
                .theme("history.legacy", "obstacle", ev(0, 0.9, "JPN"));
    }

    static Doc delta() {
        return new Doc("delta", null)
                .sentences("South Korea worries.", "Nothing happens.", "The United States and South Korea drill.")
                .entity("COUNTRY", "South Korea", "KOR", 0)
                .entity("COUNTRY", "United States", "USA", 2)
                .theme("threat.shared", "driver", ev(2, 0.4, "USA", "KOR"));
    }

    /**
     * A document naming China, Hong Kong and Macao (territories whose sovereign is China) and the
     * United States: with territories folded, Hong Kong's and Macao's rows merge into China's.
     */
    static Doc harbour() {
        return new Doc("harbour", "2022-05-01").title("Harbour")
                .sentences("Hong Kong trades with the United States.", "China and Hong Kong share a port.",
                        "Macao watches Hong Kong.")
                .country("Hong Kong", "HKG", "territory", "CHN", 0, 1, 2)
                .country("United States", "USA", "state", null, 0)
                .country("China", "CHN", "state", null, 1)
                .country("Macao", "MAC", "territory", "CHN", 2)
                .theme("trade.interdependence", "driver", ev(0, 0.6, "HKG", "USA"), ev(1, 0.7, "CHN", "HKG"),
                        ev(2, 0.4, "MAC", "HKG"));
    }

    /** Writes alpha, beta, gamma and delta, a corpus.json and a JSON file of another tool. */
    static void writeCorpus(Path dir) throws IOException {
        alpha().write(dir);
        beta().write(dir);
        gamma().write(dir);
        delta().write(dir);
        Files.writeString(dir.resolve("corpus.json"), """
                {"schemaVersion": 1, "pipeline": {"version": "0.1.0"}, "documents": [{"id": "alpha"}], "failures": []}
                """);
        Files.writeString(dir.resolve("notes.json"), "[\"not a report\"]\n");
    }

    // --- reading a store back ---

    static final Map<String, String> KEYS = Map.of(
            "documents", "document_id",
            "sentences", "document_id, sentence_index",
            "entities", "document_id, entity_id",
            "mentions", "document_id, entity_id, mention_index",
            "themes", "document_id, theme_id",
            "evidence", "document_id, theme_id, evidence_index",
            "sentence_themes", "document_id, sentence_index, theme_id");

    /** Every row of every data table as text, ordered by key: what two stores are compared on. */
    static Map<String, List<String>> snapshot(Path db) throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Connection c = CorpusStore.open(db, true)) {
            for (String table : CorpusStore.TABLES) {
                all.put(table, rows(c, "SELECT * FROM " + table + " ORDER BY " + KEYS.get(table)));
            }
        }
        return all;
    }

    /** The rows of the documents in {@code ids} only. */
    static Map<String, List<String>> snapshotOf(Path db, String... ids) throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String in = "('" + String.join("','", ids) + "')";
        try (Connection c = CorpusStore.open(db, true)) {
            for (String table : CorpusStore.TABLES) {
                all.put(table, rows(c, "SELECT * FROM " + table + " WHERE document_id IN " + in
                        + " ORDER BY " + KEYS.get(table)));
            }
        }
        return all;
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Long> counts(Path db) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = CorpusStore.open(db, true)) {
            for (String table : CorpusStore.TABLES) {
                out.put(table, count(c, "SELECT count(*) FROM " + table));
            }
        }
        return out;
    }
}
