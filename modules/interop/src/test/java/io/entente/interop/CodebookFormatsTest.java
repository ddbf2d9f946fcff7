package io.entente.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Polarity;
import io.entente.core.Resources;
import io.entente.core.registry.Registry;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codebook import and export against files other tools made (../shared/interop) and quanteda's own
 * expectations for them (tests/testthat/test-dictionaries.R in the quanteda repository).
 */
class CodebookFormatsTest {
    private static final Registry<CodebookFormat> FORMATS = CodebookFormats.registry();

    @TempDir
    Path tmp;

    private static CodebookFormats.Result imp(Path file) {
        return CodebookFormats.importFile(FORMATS, file, null, PolarityMap.EMPTY);
    }

    private static List<String> patterns(Codebook.Theme t) {
        return t.cues().stream().map(Codebook.Cue::pattern).toList();
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void quantedaYamlKeysAndValuesAsQuantedaReadsThem() {
        CodebookFormats.Result r = imp(Shared.file("quanteda/mary.yml"));
        assertEquals("quanteda", r.format().name());
        // quanteda keeps keys as written and lower-cases values (tolower = TRUE); this file's second key is ANOTHER
        assertEquals(List.of("A CATEGORY", "ANOTHER"), r.codebook().themes().stream().map(Codebook.Theme::name).toList());
        assertEquals(List.of("a_category", "another"), r.codebook().themes().stream().map(Codebook.Theme::id).toList());
        assertEquals(List.of("more", "lamb", "little"), patterns(r.codebook().themes().get(0)));
        assertEquals(List.of("category", "had", "mary"), patterns(r.codebook().themes().get(1)));
        assertTrue(r.codebook().themes().stream().allMatch(t -> t.cues().stream().allMatch(c -> c.weight() == 1.0)));
    }

    @Test
    void liwcCategoriesAndWordsAsQuantedaReadsThem() {
        CodebookFormats.Result r = imp(Shared.file("quanteda/mary.dic"));
        assertEquals("liwc", r.format().name());
        // quanteda: A category = lamb, little, more; Another category = had, mary
        assertEquals(List.of("A category", "Another category"), r.codebook().themes().stream().map(Codebook.Theme::name).toList());
        assertEquals(List.of("lamb", "little", "more"), patterns(r.codebook().themes().get(0)).stream().sorted().toList());
        assertEquals(List.of("had", "mary"), patterns(r.codebook().themes().get(1)).stream().sorted().toList());
    }

    @Test
    void wordstatNestingWeightsAndTheKeyNamedNA() {
        CodebookFormats.Result r = imp(Shared.file("quanteda/issue-459.cat"));
        assertEquals("wordstat", r.format().name());
        Codebook cb = r.codebook();
        // quanteda: "NA" %in% names(testdict$SOUTH): SOUTH holds five country keys, NA among them, as a key, not a missing value
        assertEquals(List.of("south.bw", "south.ls", "south.na", "south.za", "south.sz"), cb.themes().stream().map(Codebook.Theme::id).toList());
        assertEquals("SOUTH > NA", cb.theme("south.na").name());
        assertEquals(List.of("namibia", "namibian*", "windhoek"), patterns(cb.theme("south.na")));
        assertEquals(List.of("south africa", "s african", "sa", "south african*", "s african*", "cape town", "johannesburg"),
                patterns(cb.theme("south.za")));
        assertTrue(cb.themes().stream().allMatch(t -> t.cues().stream().allMatch(c -> c.weight() == 1.0)), "the (1) weights");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("polarity") && n.contains("south.bw")), r.notes().toString());
    }

    @Test
    void wordstatWeightsOtherThanOneAreKeptAndImpossibleOnesReported() throws Exception {
        Path f = write("w.cat", "TOP\n\tSUB\n\t\talliance (3)\n\t\tpact* (0)\n\t\tally (25)\n");
        CodebookFormats.Result r = imp(f);
        Codebook.Theme t = r.codebook().theme("top.sub");
        assertEquals(Map.of("alliance", 3.0, "ally", 10.0), t.cues().stream().collect(Collectors.toMap(Codebook.Cue::pattern, Codebook.Cue::weight)));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("pact*") && n.contains("line 4") && n.contains("not imported")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("ally") && n.contains("lowered to 10")), r.notes().toString());
    }

    @Test
    void refiQdaCodebookFromAtlasTi() {
        CodebookFormats.Result r = imp(Shared.file("refi-qda/atlasti-23.4-codebook.qdc"));
        assertEquals("refi-qda", r.format().name());
        Codebook.Theme t = r.codebook().theme("code1");
        assertEquals("description", t.definition());
        assertEquals("#46AA00", t.color());
        assertEquals(List.of("code1"), patterns(t));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("code group 1") && n.contains("left out")), r.notes().toString());
    }

    @Test
    void refiQdaCodeTreeOfAnAtlasTiProject() {
        CodebookFormats.Result r = imp(Shared.file("refi-qda/atlasti-23.2-project.qdpx"));
        List<String> ids = r.codebook().themes().stream().map(Codebook.Theme::id).toList();
        assertEquals(3, ids.size(), ids.toString());
        assertEquals("commits", ids.get(0));
        assertTrue(ids.get(1).startsWith("commits.2022-05-10t02_05_59z"), ids.toString());
        assertEquals("Commits > 2022-05-10T02:05:59Z 19e4dce", r.codebook().themes().get(1).name());
    }

    @Test
    void formatsAreDetectedFromContentWhateverTheFileIsCalled() throws Exception {
        for (String[] c : new String[][] {{"quanteda/mary.yml", "quanteda"}, {"quanteda/mary.dic", "liwc"},
                {"quanteda/issue-459.cat", "wordstat"}, {"refi-qda/atlasti-23.4-codebook.qdc", "refi-qda"}}) {
            byte[] bytes = Files.readAllBytes(Shared.file(c[0]));
            assertEquals(c[1], CodebookFormats.detect(FORMATS, "dictionary.txt", bytes).name(), c[0]);
        }
        byte[] json = CodebookWriter().getBytes(StandardCharsets.UTF_8);
        assertEquals("entente", CodebookFormats.detect(FORMATS, "x.txt", json).name());
        InteropException e = assertThrows(InteropException.class,
                () -> CodebookFormats.detect(FORMATS, "notes.txt", "just some words\nand more\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("--format"), e.getMessage());
    }

    private static String CodebookWriter() {
        return io.entente.themes.CodebookWriter.write(CodebookLoader.load(null));
    }

    /** A codebook of my own with nesting, globs at both ends and phrases. */
    static Codebook sample() {
        String json = """
                {"id": "sample", "version": "1", "name": "Sample", "description": "A test codebook.",
                 "themes": [
                   {"id": "trade", "polarity": "driver", "name": "Trade", "definition": "Trade ties.",
                    "cues": [{"pattern": "tariff*", "weight": 1.0}, {"pattern": "free trade", "weight": 1.0}]},
                   {"id": "trade.barriers", "polarity": "obstacle", "name": "Trade barriers", "definition": "Barriers.",
                    "cues": [{"pattern": "*ism", "weight": 1.0}, {"pattern": "export control*", "weight": 1.0}],
                    "examples": ["Export controls hurt the relationship."]},
                   {"id": "values", "polarity": "driver", "name": "Values", "definition": "Shared values.", "color": "#336699",
                    "cues": [{"pattern": "democra*", "weight": 1.0}]}
                 ]}""";
        return CodebookLoader.parse(new Resources.Loaded("sample.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyRegisteredFormatReadsWhatItWritesOrSaysItIsReadOnly() {
        Codebook cb = sample();
        for (CodebookFormat f : FORMATS.available()) {
            if (!f.canWrite()) {
                assertThrows(UnsupportedOperationException.class, () -> f.write(cb), f.name());
                continue;
            }
            CodebookFormat.Exported out = f.write(cb);
            String file = "out." + f.extensions().get(0);
            byte[] bytes = out.text().getBytes(StandardCharsets.UTF_8);
            assertEquals(f.name(), CodebookFormats.detect(FORMATS, file, bytes).name(), "detects its own output");
            Codebook back = f.read(new Resources.Loaded(file, bytes), PolarityMap.EMPTY).codebook();
            // REFI-QDA groups the themes under Drivers and Obstacles, so order may change; the set may not
            assertEquals(cb.themes().stream().map(Codebook.Theme::id).sorted().toList(),
                    back.themes().stream().map(Codebook.Theme::id).sorted().toList(), f.name());
            for (Codebook.Theme t : cb.themes()) {
                assertEquals(patterns(t), patterns(back.theme(t.id())), f.name() + " " + t.id());
            }
        }
        assertEquals(List.of("entente", "quanteda", "refi-qda"), CodebookFormats.writable(FORMATS));
    }

    @Test
    void codebookToQdcAndBackKeepsEveryThemeCueAndDescription() {
        for (Codebook cb : List.of(CodebookLoader.load(null), sample())) {
            CodebookFormat qdc = FORMATS.get("refi-qda");
            String xml = qdc.write(cb).text();
            Codebook back = qdc.read(new Resources.Loaded("cb.qdc", xml.getBytes(StandardCharsets.UTF_8)), PolarityMap.EMPTY).codebook();
            assertEquals(cb.id(), back.id());
            assertEquals(cb.version(), back.version());
            assertEquals(cb.name(), back.name());
            assertEquals(cb.description(), back.description());
            assertEquals(cb.language(), back.language());
            assertEquals(cb.settings(), back.settings());
            assertEquals(cb.themes().size(), back.themes().size());
            for (Codebook.Theme t : cb.themes()) {
                Codebook.Theme b = back.theme(t.id());
                assertEquals(t.polarity(), b.polarity(), t.id());
                assertEquals(t.name(), b.name(), t.id());
                assertEquals(t.definition(), b.definition(), t.id());
                assertEquals(t.cues(), b.cues(), t.id());
                assertEquals(t.examples(), b.examples(), t.id());
                assertEquals(t.threshold(), b.threshold(), t.id());
                if (t.color() != null) {
                    assertEquals(t.color(), b.color(), t.id());
                }
            }
        }
    }

    @Test
    void yamlToCodebookToYamlKeepsEveryKeyAndValue() throws Exception {
        String yaml = """
                economy:
                  trade: [tariff*, free trade, "*ism"]
                  finance:
                    - bank*
                    - loans
                security:
                  - alliance
                  - no
                  - deterrence: [deter*]
                """;
        Path f = write("mine.yml", yaml);
        CodebookFormats.Result r = imp(f);
        assertEquals(List.of("economy.trade", "economy.finance", "security", "security.deterrence"),
                r.codebook().themes().stream().map(Codebook.Theme::id).toList());
        assertEquals(List.of("alliance", "no"), patterns(r.codebook().theme("security")), "'no' stays a word, not a YAML boolean");
        String back = FORMATS.get("quanteda").write(r.codebook()).text();
        assertEquals(tree(QuantedaFormat.parse("a", yaml)), tree(QuantedaFormat.parse("b", back)), back);
    }

    /** key path → values, for comparing dictionaries. */
    private static Map<String, List<String>> tree(Dictionary.Parsed p) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Dictionary.Key k : p.roots) {
            tree(k, "", out);
        }
        return out;
    }

    private static void tree(Dictionary.Key k, String prefix, Map<String, List<String>> out) {
        String path = prefix + "/" + k.name;
        out.put(path, k.values.stream().map(v -> v.text().toLowerCase(java.util.Locale.ROOT)).toList());
        k.children.forEach(c -> tree(c, path, out));
    }

    @Test
    void valuesThatCannotBeCuesAreReportedNotDropped() throws Exception {
        CodebookFormats.Result r = imp(write("odd.yml", "k:\n  - colo?r\n  - not *\n  - e-mail\n  - U.S.\n  - a*\n"));
        assertEquals(List.of("e mail", "u s"), patterns(r.codebook().theme("k")));
        for (String v : List.of("colo?r", "not *", "a*")) {
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("'" + v + "'") && n.contains("not imported")), v + " " + r.notes());
        }
    }

    @Test
    void polarityComesFromTheMapWithParentsCoveringChildren() throws Exception {
        PolarityMap map = PolarityMap.parse("p.tsv", "# ids\nsouth obstacle\nsouth.za driver\n");
        CodebookFormats.Result r = CodebookFormats.importFile(FORMATS, Shared.file("quanteda/issue-459.cat"), null, map);
        assertEquals(Polarity.OBSTACLE, r.codebook().theme("south.bw").polarity());
        assertEquals(Polarity.DRIVER, r.codebook().theme("south.za").polarity());
        assertFalse(r.notes().stream().anyMatch(n -> n.startsWith("polarity:")), r.notes().toString());
        InteropException e = assertThrows(InteropException.class, () -> PolarityMap.parse("p.tsv", "south sideways\n"));
        assertTrue(e.getMessage().contains("p.tsv line 1"), e.getMessage());
    }

    @Test
    void importedSettingsAreTheOneDefaultsIncludingNegators() {
        Codebook cb = imp(Shared.file("quanteda/mary.yml")).codebook();
        assertEquals(Codebook.Settings.DEFAULTS, cb.settings());
    }

    @Test
    void malformedFilesNameTheFileAndLine() throws Exception {
        Path yaml = write("bad.yml", "a: [x, y\nb: [z]\n");
        InteropException e = assertThrows(InteropException.class, () -> imp(yaml));
        assertTrue(e.getMessage().contains("bad.yml") && e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());

        Path cat = write("bad.cat", "TOP\n\t\tDEEP\n\t\t\tword (1)\n\tSHALLOW\n\t\tother (1)\n");
        e = assertThrows(InteropException.class, () -> CodebookFormats.importFile(FORMATS, cat, "wordstat", PolarityMap.EMPTY));
        assertTrue(e.getMessage().contains("bad.cat line 4") && e.getMessage().contains("indentation"), e.getMessage());

        Path cat2 = write("bad2.cat", "TOP\n\tword (1)\n\t\tunder (1)\n");
        e = assertThrows(InteropException.class, () -> CodebookFormats.importFile(FORMATS, cat2, "wordstat", PolarityMap.EMPTY));
        assertTrue(e.getMessage().contains("bad2.cat line 3"), e.getMessage());

        Path dic = write("bad.dic", "%\n1 one\n");
        e = assertThrows(InteropException.class, () -> CodebookFormats.importFile(FORMATS, dic, "liwc", PolarityMap.EMPTY));
        assertTrue(e.getMessage().contains("bad.dic") && e.getMessage().contains("closing '%'"), e.getMessage());

        Path yamlBomb = write("bomb.yml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
        e = assertThrows(InteropException.class, () -> imp(yamlBomb));
        assertTrue(e.getMessage().contains("bomb.yml line 2") && e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void xmlBombsAndExternalEntitiesAreRefused() throws Exception {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        Path xxe = write("xxe.qdc", "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" "
                + "name=\"&xxe;\" isCodable=\"true\"/></Codes></CodeBook>\n");
        InteropException e = assertThrows(InteropException.class, () -> imp(xxe));
        assertTrue(e.getMessage().contains("xxe.qdc") && e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());

        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" "
                + "name=\"&l9;\" isCodable=\"true\"/></Codes></CodeBook>\n");
        Path bombFile = write("bomb.qdc", bomb.toString());
        e = assertThrows(InteropException.class, () -> CodebookFormats.importFile(FORMATS, bombFile, "refi-qda", PolarityMap.EMPTY));
        assertTrue(e.getMessage().contains("bomb.qdc") && e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void aQdpxThatIsNoZipOrLacksTheProjectIsNamed() throws Exception {
        Path notZip = write("broken.qdpx", "<CodeBook/>");
        InteropException e = assertThrows(InteropException.class,
                () -> Qdpx.project(notZip.toString(), Files.readAllBytes(notZip)));
        assertTrue(e.getMessage().contains("broken.qdpx") && e.getMessage().contains("zip"), e.getMessage());

        Path noProject = tmp.resolve("empty.qdpx");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(noProject))) {
            z.putNextEntry(new java.util.zip.ZipEntry("sources/a.txt"));
            z.write("text".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        e = assertThrows(InteropException.class, () -> Qdpx.project(noProject.toString(), Files.readAllBytes(noProject)));
        assertTrue(e.getMessage().contains("empty.qdpx") && e.getMessage().contains("project.qde"), e.getMessage());
    }

    @Test
    void exportedQdcCodesValidateAgainstTheProjectSchema() throws Exception {
        String xml = FORMATS.get("refi-qda").write(CodebookLoader.load(null)).text();
        // No codebook schema ships in ../shared/interop; the codes of a .qdc are the Project schema's CodeBook, so the
        // codes are checked inside a minimal project.
        String project = xml.replaceFirst("(?s)^.*?<Codes", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Project xmlns=\""
                + Xml.PROJECT_NS + "\" name=\"check\"><CodeBook><Codes").replaceFirst("(?s)</CodeBook>\\s*$", "</CodeBook></Project>");
        List<String> problems = Xml.validate(Shared.file("refi-qda/Project.xsd"), project.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), problems);
        assertNull(null);
    }
}
