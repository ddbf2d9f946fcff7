package io.entente.store;

import static io.entente.store.TestReports.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example queries of SCHEMA.md, taken from the file itself, run on the fixture corpus. */
class ExampleQueriesTest {
    @TempDir
    Path dir;
    private List<String> queries;

    @BeforeEach
    void store() throws Exception {
        TestReports.writeCorpus(dir);
        CorpusStore.update(dir);
        queries = SchemaDoc.queries(CorpusStore.schemaMarkdown());
        assertEquals(3, queries.size(), "SCHEMA.md has three example queries");
    }

    private List<String> run(String sql) throws Exception {
        try (Connection c = CorpusStore.open(dir.resolve(CorpusStore.DEFAULT_FILE_NAME), true)) {
            return rows(c, sql);
        }
    }

    @Test
    void themeShareOfSentencesPerYear() throws Exception {
        // year | theme | polarity | documents with theme | documents | theme sentences | sentences | share
        // 2019: alpha (4 sentences) has threat.shared in 2 and history.legacy in 1; 2020: beta (5) threat.shared
        // in 3; 2021: gamma (2) history.legacy in 1; delta has no date and is left out.
        assertEquals(List.of(
                "2019 | threat.shared | driver | 1 | 1 | 2 | 4 | 0.5",
                "2019 | history.legacy | obstacle | 1 | 1 | 1 | 4 | 0.25",
                "2020 | threat.shared | driver | 1 | 1 | 3 | 5 | 0.6",
                "2021 | history.legacy | obstacle | 1 | 1 | 1 | 2 | 0.5"), run(queries.get(0)));
    }

    @Test
    void themeShareCountsDocumentsOfTheYearWithoutTheTheme() throws Exception {
        // A second 2019 document without themes halves alpha's shares: (2 + 0) / (4 + 4).
        new TestReports.Doc("alpha2", "2019-12-01").sentences("One.", "Two.", "Three.", "Four.").write(dir);
        CorpusStore.update(dir);
        assertEquals(List.of(
                "2019 | threat.shared | driver | 1 | 2 | 2 | 8 | 0.25",
                "2019 | history.legacy | obstacle | 1 | 2 | 1 | 8 | 0.125"),
                run(queries.get(0)).subList(0, 2));
    }

    @Test
    void countriesDiscussedTogether() throws Exception {
        // alpha {KOR, JPN}, beta {KOR, JPN, USA}, gamma {JPN, CHN}, delta {KOR, USA}
        assertEquals(List.of(
                "JPN | KOR | 2 | 7",
                "KOR | USA | 2 | 6",
                "CHN | JPN | 1 | 2",
                "JPN | USA | 1 | 3"), run(queries.get(1)));
    }

    @Test
    void strongestEvidenceForATheme() throws Exception {
        List<String> top = run(queries.get(2));
        assertEquals(List.of(
                "0.95 | beta | Beta | 2020 | 1 | null | KOR,JPN | Japan and South Korea face missiles together.",
                "0.8 | alpha | Alpha: a \"shared\" threat | 2019 | 0 | null | KOR,JPN"
                        + " | Seoul and Tokyo share the \"North Korean\" threat, analysts say.",
                "0.7 | beta | Beta | 2020 | 0 | null | KOR | South Korea tests its defences.",
                "0.5 | alpha | Alpha: a \"shared\" threat | 2019 | 2 | null | KOR"
                        + " | South Korea fears missile launches\nand asks for more.",
                "0.4 | delta | null | null | 2 | null | USA,KOR | The United States and South Korea drill."), top);
    }
}
