package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Pipeline;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed paper as plain text, PDF, DOCX and HTML through the whole pipeline: the formats must not
 * change what Entente finds.
 */
class FormatsEndToEndTest {
    private static final List<String> THEMES = List.of("threat.shared", "alliance.dynamics", "history.legacy",
            "territorial.dispute", "mutual.distrust", "institutional.mechanisms");

    @TempDir
    static Path dir;

    private static final Map<String, Document> DOCS = new LinkedHashMap<>();
    private static int pdfPages;

    @BeforeAll
    static void runAllFormats() throws Exception {
        Path seed = Path.of(System.getProperty("entente.root", "../.."), "seeds", "rok-japan-security-cooperation.txt");
        String text = Files.readString(seed);
        List<String> lines = List.of(text.split("\r?\n", -1));
        Path txt = dir.resolve("seed.txt");
        Files.writeString(txt, text);
        Path pdf = dir.resolve("seed.pdf");
        Files.write(pdf, SeedForms.pdf(lines));
        pdfPages = SeedForms.pages(pdf);
        Path docx = dir.resolve("seed.docx");
        Files.write(docx, SeedForms.docx(lines));
        Path html = dir.resolve("seed.html");
        Files.writeString(html, SeedForms.html(lines));

        Pipeline pipeline = StandardPipeline.build(PipelineConfig.defaults()).pipeline();
        DocumentReader reader = new DocumentReader();
        for (Path p : List.of(txt, pdf, docx, html)) {
            DocumentReader.Result r = reader.read(new InputFiles.InputFile(p, InputFiles.idFor(p)));
            String format = p.getFileName().toString().replaceAll(".*\\.", "");
            assertEquals(format.equals("txt") ? "text" : format, r.document().info().format());
            DOCS.put(format, pipeline.process(r.document()));
        }
    }

    private static Set<String> entities(String format, EntityType type) {
        return DOCS.get(format).entities().stream().filter(e -> e.type() == type)
                .map(e -> type == EntityType.COUNTRY ? e.code() : e.canonical()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> themes(String format) {
        return DOCS.get(format).themes().stream().map(ThemeResult::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyFormatFindsTheSameCountries() {
        Set<String> text = entities("txt", EntityType.COUNTRY);
        assertTrue(text.containsAll(Set.of("KOR", "JPN", "PRK", "CHN", "USA", "RUS")), text.toString());
        for (String f : List.of("pdf", "docx", "html")) {
            assertEquals(text, entities(f, EntityType.COUNTRY), f);
        }
    }

    @Test
    void everyFormatFindsTheSamePeople() {
        Set<String> text = entities("txt", EntityType.PERSON);
        assertFalse(text.isEmpty());
        for (String f : List.of("pdf", "docx", "html")) {
            assertEquals(text, entities(f, EntityType.PERSON), f);
        }
    }

    @Test
    void thePdfKeepsMostOrganizations() {
        Set<String> text = entities("txt", EntityType.ORGANIZATION);
        assertTrue(text.size() >= 5, text.toString());
        for (String f : List.of("pdf", "docx", "html")) {
            Set<String> found = new HashSet<>(text);
            found.retainAll(entities(f, EntityType.ORGANIZATION));
            assertTrue(found.size() >= 0.8 * text.size(), f + " finds " + found + " of " + text);
        }
    }

    @Test
    void everyFormatCarriesTheSeedsThemes() {
        assertTrue(themes("txt").containsAll(THEMES), themes("txt").toString());
        for (String f : List.of("pdf", "docx", "html")) {
            assertTrue(themes(f).containsAll(THEMES), f + ": " + themes(f));
        }
    }

    @Test
    void pdfEvidenceMapsToPages() {
        Document pdf = DOCS.get("pdf");
        assertTrue(pdfPages >= 2, "the seed spans pages: " + pdfPages);
        assertEquals(pdfPages, pdf.pageStarts().size());
        Set<Integer> pagesSeen = new TreeSet<>();
        int evidence = 0;
        for (ThemeResult t : pdf.themes()) {
            for (ThemeEvidence e : t.evidence()) {
                Integer page = pdf.pageOf(e.start());
                assertNotNull(page);
                assertTrue(page >= 1 && page <= pdfPages, "page " + page);
                pagesSeen.add(page);
                evidence++;
            }
        }
        assertTrue(evidence > 0);
        for (Entity e : pdf.entities()) {
            e.mentions().forEach(m -> assertTrue(pdf.pageOf(m.start()) >= 1 && pdf.pageOf(m.start()) <= pdfPages));
        }
        assertTrue(pdf.text().indexOf("Abstract") < pdf.pageStarts().get(1), "the abstract is on page 1");
    }
}
