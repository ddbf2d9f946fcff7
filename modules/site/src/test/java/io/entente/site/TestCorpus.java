package io.entente.site;

import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import io.entente.pipeline.PipelineConfig;
import io.entente.pipeline.StandardPipeline;
import io.entente.report.JsonReport;
import io.entente.report.PipelineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small reports folder made by the real pipeline and report writer: the seed paper of the repository, a
 * short paper written for these tests, and a hostile one whose text, title, tags and source try to break
 * out of the HTML. Built once per test run.
 */
final class TestCorpus {
    static final String SEED = "rok-japan-security-cooperation";
    static final String HOSTILE = "hostile";
    static final String OWN = "own-dialogue";
    /** Each hostile script sets window.__pwned; a page that runs none leaves it undefined. */
    static final String HOSTILE_TITLE = "</title><script>window.__pwned='title'</script>\"onerror=\"window.__pwned='attr'\" </textarea>";
    static final String HOSTILE_TEXT = String.join("\n\n",
            "Hostile <script>window.__pwned='text'</script> paper",
            "Japan and South Korea should hold a regular defence dialogue to build trust, "
                    + "<img src=x onerror=\"window.__pwned='img'\"> as both sides face North Korea's missile threat.",
            "The historical disputes between Tokyo and Seoul remain an obstacle to cooperation \"onerror=window.__pwned='quote' "
                    + "</textarea><script>window.__pwned='textarea'</script>.",
            "Mutual distrust between the two governments persists.");
    static final String OWN_TEXT = String.join("\n\n",
            "Trilateral dialogue in Northeast Asia",
            "Seoul and Tokyo agreed to share military intelligence on North Korean missile launches in real time.",
            "The United States encouraged both allies to deepen their trilateral coordination.",
            "Territorial disputes over the islands continue to strain relations between Japan and South Korea.");

    private static Path folder;

    private TestCorpus() {
    }

    /** The reports folder (under target/), built on first use. */
    static synchronized Path reports() {
        if (folder == null) {
            try {
                folder = build(Path.of("target", "test-corpus", "reports"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    static Path root() {
        String root = System.getProperty("entente.root");
        return root == null ? Path.of("../..").toAbsolutePath().normalize() : Path.of(root);
    }

    private static Path build(Path dir) throws IOException {
        Files.createDirectories(dir);
        StandardPipeline pipeline = StandardPipeline.build(PipelineConfig.defaults());
        PipelineInfo info = new PipelineInfo(StandardPipeline.VERSION, pipeline.codebook().id(), pipeline.codebook().sha256(),
                pipeline.pipeline().models());
        String seed = Files.readString(root().resolve("seeds").resolve(SEED + ".txt"));
        write(dir, pipeline, info, new DocumentInfo(SEED, "seeds/" + SEED + ".txt",
                "ROK-Japan security cooperation: abstract, quotes from the paper and author biographies", "2019", sha(seed),
                List.of("Chung", "Izumi"), null, List.of("seed", "Japan-Korea"), "text", "eng", Map.of()), seed);
        write(dir, pipeline, info, new DocumentInfo(OWN, "papers/" + OWN + ".txt", "Trilateral dialogue in Northeast Asia",
                "2020-05", sha(OWN_TEXT), List.of("Test author"), null, List.of("Japan-Korea", "written"), "text", "eng", Map.of()),
                OWN_TEXT);
        write(dir, pipeline, info, new DocumentInfo(HOSTILE, "papers/<b onmouseover=\"window.__pwned='source'\">x</b>.txt",
                HOSTILE_TITLE, "2021-03-01", sha(HOSTILE_TEXT), List.of("<i>Mallory</i>"), "</textarea>\"onerror=",
                List.of("<script>window.__pwned='tag'</script>", "written"), "text", "eng", Map.of()), HOSTILE_TEXT);
        return dir;
    }

    private static void write(Path dir, StandardPipeline pipeline, PipelineInfo info, DocumentInfo doc, String text) throws IOException {
        Document d = pipeline.pipeline().process(Document.of(doc, text));
        Files.writeString(dir.resolve(doc.id() + ".json"), JsonReport.render(d, info));
    }

    private static String sha(String text) {
        return Resources.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
