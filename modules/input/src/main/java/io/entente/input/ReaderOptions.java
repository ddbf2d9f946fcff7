package io.entente.input;

/**
 * Limits and switches of {@link DocumentReader}.
 *
 * @param maxBytes                largest file read, in bytes (default 20 MB; the CLI's {@code --max-bytes})
 * @param acceptAnyLanguage       read documents in any language; when {@code false} (the default) a document
 *                                whose text is clearly not English is refused (the CLI's {@code --lang-any})
 * @param maxZipUncompressedBytes DOCX: largest total uncompressed size the ZIP declares (default 200 MB)
 * @param maxZipEntries           DOCX: most entries in the ZIP (default 10,000)
 * @param maxZipEntryBytes        DOCX: largest uncompressed entry (default 100 MB)
 * @param maxNesting              DOCX: deepest nesting of tables, HTML: of elements (default 64 / 20 x that)
 * @param maxTextChars            most characters extracted from one PDF or DOCX file (default 20 million; plain text
 *                                and HTML are bounded by {@code maxBytes})
 * @param encoding                the encoding of every plain-text and HTML file, or {@code null} (the default) to
 *                                detect it per file (the CLI's {@code --encoding})
 */
public record ReaderOptions(long maxBytes, boolean acceptAnyLanguage, long maxZipUncompressedBytes, int maxZipEntries,
                            long maxZipEntryBytes, int maxNesting, int maxTextChars, java.nio.charset.Charset encoding) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    public static final int DEFAULT_MAX_ZIP_ENTRIES = 10_000;
    public static final long DEFAULT_MAX_ZIP_ENTRY_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING = 64;
    public static final int DEFAULT_MAX_TEXT_CHARS = 20_000_000;

    public ReaderOptions {
        if (maxBytes < 0 || maxZipUncompressedBytes < 0 || maxZipEntries < 1 || maxZipEntryBytes < 0 || maxNesting < 1
                || maxTextChars < 1) {
            throw new IllegalArgumentException("reader limits must be positive");
        }
    }

    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MAX_BYTES, false, DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES, DEFAULT_MAX_ZIP_ENTRIES,
                DEFAULT_MAX_ZIP_ENTRY_BYTES, DEFAULT_MAX_NESTING, DEFAULT_MAX_TEXT_CHARS, null);
    }

    public ReaderOptions withMaxBytes(long newMaxBytes) {
        return new ReaderOptions(newMaxBytes, acceptAnyLanguage, maxZipUncompressedBytes, maxZipEntries, maxZipEntryBytes,
                maxNesting, maxTextChars, encoding);
    }

    public ReaderOptions withAcceptAnyLanguage(boolean accept) {
        return new ReaderOptions(maxBytes, accept, maxZipUncompressedBytes, maxZipEntries, maxZipEntryBytes, maxNesting,
                maxTextChars, encoding);
    }

    public ReaderOptions withZipLimits(long newMaxUncompressedBytes, int newMaxEntries, long newMaxEntryBytes) {
        return new ReaderOptions(maxBytes, acceptAnyLanguage, newMaxUncompressedBytes, newMaxEntries, newMaxEntryBytes,
                maxNesting, maxTextChars, encoding);
    }

    public ReaderOptions withMaxNesting(int newMaxNesting) {
        return new ReaderOptions(maxBytes, acceptAnyLanguage, maxZipUncompressedBytes, maxZipEntries, maxZipEntryBytes,
                newMaxNesting, maxTextChars, encoding);
    }

    public ReaderOptions withMaxTextChars(int newMaxTextChars) {
        return new ReaderOptions(maxBytes, acceptAnyLanguage, maxZipUncompressedBytes, maxZipEntries, maxZipEntryBytes,
                maxNesting, newMaxTextChars, encoding);
    }

    public ReaderOptions withEncoding(java.nio.charset.Charset newEncoding) {
        return new ReaderOptions(maxBytes, acceptAnyLanguage, maxZipUncompressedBytes, maxZipEntries, maxZipEntryBytes,
                maxNesting, maxTextChars, newEncoding);
    }
}
