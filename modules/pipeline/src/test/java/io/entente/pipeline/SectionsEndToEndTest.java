package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import io.entente.report.JsonReport;
import io.entente.report.PipelineInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Author boxes, references and notes carry no theme evidence and no actors, and the report marks them. */
class SectionsEndToEndTest {
    private static StandardPipeline pipeline;

    @BeforeAll
    static void build() {
        pipeline = StandardPipeline.build(PipelineConfig.defaults());
    }

    private static Document run(String id, String text) {
        return pipeline.pipeline().process(Document.of(new DocumentInfo(id, id + ".txt", null, null, Resources.sha256(text)), text));
    }

    private static void assertNoEvidenceOutsideTheArgument(Document d) {
        for (ThemeResult t : d.themes()) {
            for (ThemeEvidence e : t.evidence()) {
                assertTrue(d.isArgument(e.sentence()), t.id() + " has evidence in sentence " + e.sentence()
                        + " (" + d.sections().get(e.sentence()) + "): " + e.text());
            }
        }
    }

    @Test
    void constructedPaperWithEveryKindOfSection() throws Exception {
        String text = """
                Cooperation at Sea

                Japan and Indonesia agreed to joint patrols against piracy in the Malacca Strait.

                About the Author

                Ana Lim is a senior fellow at the Maritime Institute, where she studies piracy and terrorism in Southeast Asia.

                References

                Cruz, D. (2018). Piracy, terrorism and the United States Navy. Manila: Harbor Press.
                """;
        Document d = run("constructed", text);
        assertNoEvidenceOutsideTheArgument(d);
        ThemeResult nts = d.themes().stream().filter(t -> t.id().equals("nontraditional.security")).findFirst().orElseThrow();
        assertEquals(1, nts.evidence().size(), nts.evidence().toString()); // the patrol sentence alone
        assertTrue(nts.evidence().get(0).text().contains("joint patrols"));
        for (ThemeEvidence e : nts.evidence()) {
            assertFalse(e.actors().contains("USA"), "a country named in the references is no actor: " + e.actors());
        }
        JsonNode report = new ObjectMapper().readTree(JsonReport.render(d, new PipelineInfo(StandardPipeline.VERSION, pipeline.codebook().id(), pipeline.codebook().sha256(), pipeline.pipeline().models())));
        int marked = 0;
        for (JsonNode s : report.get("sentences")) {
            if (s.has("section")) {
                marked++;
                assertEquals(0, s.get("themes").size(), s.toString());
            }
        }
        assertTrue(marked >= 4, "heading, biography, references heading and entry: " + report.get("sentences"));
    }

    @Test
    void theSeedsAuthorBoxIsNoEvidence() throws Exception {
        String seed = Files.readString(Path.of("../../seeds/rok-japan-security-cooperation.txt"), StandardCharsets.UTF_8);
        Document d = run("seed", seed);
        assertFalse(d.sections().isEmpty());
        assertNoEvidenceOutsideTheArgument(d);
        assertFalse(d.themes().isEmpty(), "the argument still carries its themes");
    }
}
