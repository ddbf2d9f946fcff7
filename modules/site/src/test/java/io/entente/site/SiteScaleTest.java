package io.entente.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale measurement of docs/site.md: a synthetic corpus of {@code -Dentente.site.scale=N} documents (5,000 in
 * the docs), its site, and the time the index takes to load in headless Chromium (navigation start to the first
 * full render, trends included), which must stay under 2 s. Off by default: it writes N reports.
 */
@EnabledIfSystemProperty(named = "entente.site.scale", matches = "\\d+")
class SiteScaleTest {
    @Test
    void theIndexOfALargeCorpusLoadsInUnderTwoSeconds() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        int n = Integer.parseInt(System.getProperty("entente.site.scale"));
        Path root = Path.of("target", "scale-" + n).toAbsolutePath();
        Path reports = root.resolve("reports");
        Path siteDir = root.resolve("site");
        if (Files.isDirectory(siteDir)) {
            try (var walk = Files.walk(siteDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long t0 = System.nanoTime();
        if (!Files.isDirectory(reports)) {
            SyntheticReports.write(reports, n, 42);
        }
        long t1 = System.nanoTime();
        SiteWriter.Result first = SiteWriter.write(reports, root.resolve("site"));
        long t2 = System.nanoTime();
        SiteWriter.Result again = SiteWriter.write(reports, root.resolve("site"));
        long t3 = System.nanoTime();
        assertEquals(n, first.documents());
        assertEquals(0, again.written().size());
        List<Double> loads = new ArrayList<>();
        try (Browser b = new Browser(1280, 1000)) {
            for (int i = 0; i < 5; i++) {
                b.openReady(root.resolve("site/index.html"), null);
                loads.add(((Number) b.js("return window.ENTENTE_READY_MS")).doubleValue());
                assertEquals(List.of(), b.consoleErrors());
            }
            assertEquals(Integer.toString(n), String.valueOf(b.js("return ENTENTE.index.docs.length")));
        }
        List<Double> sorted = new ArrayList<>(loads);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        String line = String.format(Locale.ROOT, "site scale: %d documents; reports %.1f s; site written in %.1f s (%d files), "
                        + "unchanged rerun %.1f s; data/index.js %d KB; index load (ms, 5 loads) %s, median %.0f",
                n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, first.written().size(), (t3 - t2) / 1e9,
                Files.size(root.resolve("site/data/index.js")) / 1024, loads, median);
        System.out.println(line);
        Files.writeString(root.resolve("measurement.txt"), line + "\n");
        assertTrue(median < 2000, line);
    }
}
