package io.entente.store;

/** The file formats {@link Exporter} writes, one file per table. */
public enum ExportFormat {
    /** UTF-8 without byte-order mark, a header row, comma-separated, fields quoted RFC 4180 style. */
    CSV("csv", "FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"'"),
    /** Apache Parquet, Snappy-compressed (readable by R arrow, pandas/pyarrow, polars, Spark, DuckDB). */
    PARQUET("parquet", "FORMAT parquet"),
    /** JSON Lines: one JSON object per row and line, UTF-8. */
    JSONL("jsonl", "FORMAT json");

    private final String extension;
    private final String copyOptions;

    ExportFormat(String extension, String copyOptions) {
        this.extension = extension;
        this.copyOptions = copyOptions;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The options of DuckDB's {@code COPY ... TO} for this format. */
    String copyOptions() {
        return copyOptions;
    }
}
