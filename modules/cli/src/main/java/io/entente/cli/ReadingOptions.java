package io.entente.cli;

import io.entente.input.DocumentReader;
import io.entente.input.ReaderOptions;
import io.entente.pipeline.MetadataSources;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** How papers are read and which metadata applies: the options shared by every engine that analyzes papers. */
public final class ReadingOptions {
    @Option(names = "--metadata", paramLabel = "FILE.csv",
            description = "Metadata per file: columns file (name, path or id), title, date, authors, source, tags "
                    + "(authors and tags separated by ';'). A sidecar NAME.meta.json and Markdown front matter take precedence.")
    Path metadataCsv;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Read every plain-text and HTML file in this encoding (e.g. windows-1252, ISO-8859-1, UTF-8). "
                    + "Default: a byte-order mark, a declared HTML charset, UTF-16 told by its NUL bytes, else UTF-8 "
                    + "when the bytes are UTF-8 and "
                    + "windows-1252 when not; each report records the encoding used.")
    String encoding;

    @Option(names = "--date-from-name", description = "Take a document's date from its file name (YYYY, YYYY-MM or "
            + "YYYY-MM-DD, e.g. brief-2019-08.pdf) when no sidecar, front matter or metadata CSV gives one.")
    boolean dateFromName;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + DocumentReader.DEFAULT_MAX_BYTES,
            description = "Refuse files larger than this many bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--lang-any", description = "Analyze documents in any language (by default a document detected as "
            + "not English is reported and skipped).")
    boolean langAny;

    /**
     * The charset of --encoding, or null for detection.
     *
     * @throws IllegalArgumentException naming the option when the charset is unknown
     */
    public Charset charset() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding: unknown charset '" + encoding + "'", e);
        }
    }

    public DocumentReader reader() {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("--max-bytes must be at least 1");
        }
        return new DocumentReader(ReaderOptions.defaults().withMaxBytes(maxBytes).withAcceptAnyLanguage(langAny)
                .withEncoding(charset()));
    }

    /** The user's metadata sources; a CSV that cannot be read is a configuration error. */
    public MetadataSources metadata() {
        MetadataSources metadata = MetadataSources.none();
        if (metadataCsv != null) {
            try {
                metadata = MetadataSources.withCsv(metadataCsv);
            } catch (IOException e) {
                throw new ConfigurationException("metadata " + io.entente.core.IoMessages.describe(e), e);
            }
        }
        return dateFromName ? metadata.withDateFromName() : metadata;
    }

    /** The options that change what is read, for the run identity. */
    public Map<String, String> identityOptions() {
        Map<String, String> options = new TreeMap<>();
        if (dateFromName) {
            options.put("date-from-name", "on");
        }
        Charset c = charset();
        if (c != null) {
            options.put("encoding", c.name());
        }
        return options;
    }
}
