package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Modality;
import io.entente.core.Resources;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.report.JsonReport;
import io.entente.report.PipelineInfo;
import io.entente.themes.ThemeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A codebook is data: the whole pipeline runs with the climate-cooperation codebook on invented
 * sentences (not the codebook's examples) and finds its themes, actors, modality and cooperation pair.
 */
class ClimateCodebookEndToEndTest {
    private static final String TEXT = String.join("\n",
            "India and Brazil face longer droughts and rising seas along their coasts.",
            "At the last COP, the two countries defended the Paris Agreement against critics.",
            "Both governments argue that historical emissions of industrialized states make equal targets unfair.",
            "Rich countries should deliver the climate finance they pledged a decade ago.",
            "India fears carbon leakage and the loss of jobs in its steel industry if Europe imposes a border carbon tax.",
            "The weather in the capital was pleasant during the talks.");
    private static StandardPipeline pipeline;
    private static Document doc;

    @BeforeAll
    static void run() {
        Path climate = Path.of(System.getProperty("entente.root", "../.."), "models", "codebooks", "climate-cooperation.json");
        assertTrue(Files.isRegularFile(climate), climate.toString());
        pipeline = StandardPipeline.build(PipelineConfig.defaults().withThemes(new ThemeConfig(climate)));
        doc = pipeline.pipeline().process(Document.of(new DocumentInfo("climate", "climate.txt", null, null,
                Resources.sha256(TEXT)), TEXT));
    }

    private static ThemeResult theme(String id) {
        return doc.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                "no theme " + id + " in " + doc.themes().stream().map(ThemeResult::id).toList()));
    }

    private static Set<String> themesOf(int sentence) {
        Set<String> out = new TreeSet<>();
        for (ThemeResult t : doc.themes()) {
            if (t.sentences().contains(sentence)) {
                out.add(t.id());
            }
        }
        return out;
    }

    @Test
    void findsTheClimateThemesSentenceBySentence() {
        assertEquals(6, doc.sentences().size());
        assertTrue(themesOf(0).contains("shared.vulnerability"), themesOf(0).toString());
        assertTrue(themesOf(1).contains("institutional.regimes"), themesOf(1).toString());
        assertTrue(themesOf(2).contains("equity.responsibility"), themesOf(2).toString());
        assertTrue(themesOf(3).contains("finance.transfers"), themesOf(3).toString());
        assertTrue(themesOf(4).contains("economic.competitiveness"), themesOf(4).toString());
        assertEquals(Set.of(), themesOf(5));
        assertTrue(doc.themes().stream().noneMatch(t -> t.id().equals("threat.shared")), "no security theme");
    }

    @Test
    void referencesModalityAndThePairWorkWithAnyCodebook() {
        ThemeEvidence regimes = theme("institutional.regimes").evidence().get(0);
        assertEquals(List.of("IND", "BRA"), regimes.actors(), "'the two countries' is India and Brazil");
        assertEquals(Modality.RECOMMENDED, theme("finance.transfers").evidence().get(0).modality());
        assertEquals(Modality.HYPOTHETICAL, theme("economic.competitiveness").evidence().get(0).modality());
        assertEquals("BRA-IND", doc.cooperation().get(0).pair());
    }

    @Test
    void theReportNamesTheClimateCodebook() throws Exception {
        PipelineInfo info = new PipelineInfo(StandardPipeline.VERSION, pipeline.codebook().id(), pipeline.codebook().sha256(),
                pipeline.pipeline().models());
        JsonNode report = new ObjectMapper().readTree(JsonReport.render(doc, info));
        assertEquals("climate-cooperation", report.at("/pipeline/codebook/id").asText());
        assertTrue(report.at("/pipeline/models").toString().contains("codebook:climate-cooperation"), report.at("/pipeline/models").toString());
        assertEquals("BRA-IND", report.at("/cooperation/0/pair").asText());
    }
}
