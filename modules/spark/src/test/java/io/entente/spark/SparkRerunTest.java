package io.entente.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun of the Spark job drops a document only when its file is gone, as the local engine does. */
class SparkRerunTest {
    @TempDir
    Path tmp;

    private static int job(String... args) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 2);
        a[args.length] = "--master";
        a[args.length + 1] = "local[1]";
        return Main.run(a);
    }

    @Test
    void aFolderSkippedAsAnOutputFolderKeepsItsDocuments() throws Exception {
        Path papers = Files.createDirectories(tmp.resolve("papers"));
        Files.writeString(papers.resolve("radar.txt"), "Radar Sharing Note\n\nMarch 3, 2021\n\nJapan and South Korea agreed to "
                + "share missile warning data after North Korean launches. Officials in Seoul said the arrangement would be reviewed yearly.\n");
        Files.writeString(papers.resolve("history.txt"), "History Note\n\nMay 9, 2022\n\nHistorical grievances between Japan and "
                + "South Korea still slow a lasting defense agreement, although Tokyo and Seoul resumed talks.\n");
        Path out = tmp.resolve("out");
        assertEquals(0, job(papers.toString(), "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("radar.json")) && Files.isRegularFile(out.resolve("history.json")));

        Files.createDirectories(papers.resolve(".entente")); // now the papers folder looks like an output folder
        assertEquals(0, job(papers.toString(), "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("radar.json")) && Files.isRegularFile(out.resolve("history.json")),
                "documents whose files exist were dropped");

        Files.delete(papers.resolve(".entente"));
        Files.delete(papers.resolve("history.txt"));
        assertEquals(0, job(papers.toString(), "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("history.json")), "a file that is gone drops its document");
        assertTrue(Files.isRegularFile(out.resolve("radar.json")));
    }
}
