package io.entente.cli;

import io.entente.engine.OutputWriter;
import io.entente.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The static HTML site as one more output of a batch: rewritten from the reports at the end of every run
 * that changed the corpus (only the files whose content changed), left alone by a run that changed nothing.
 */
final class SiteOutput implements OutputWriter {
    private final Path site;

    SiteOutput(Path out) {
        this.site = out.resolve("site");
    }

    @Override
    public String name() {
        return "site";
    }

    @Override
    public String finish(Corpus corpus) throws IOException {
        return SiteWriter.write(corpus.out(), site).summary(); // "site DIR: n documents, ..."
    }

    @Override
    public boolean upToDate(Path out) {
        return Files.isRegularFile(site.resolve("index.html"));
    }
}
