package io.entente.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the project's TSV knowledge files: {@code #} comments, a header line, then rows with
 * exactly the header's columns. Errors name the file, the line and the problem.
 */
public final class Tsv {
    private Tsv() {
    }

    /** A row with its line number, for messages. */
    public record Row(int line, List<String> cells) {
        public String get(int i) {
            return cells.get(i);
        }
    }

    public static List<Row> parse(Resources.Loaded file, String... expectedHeader) {
        List<Row> rows = new ArrayList<>();
        String[] lines = file.text().split("\r?\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!headerSeen) {
                if (!Arrays.equals(cells, expectedHeader)) {
                    throw new KnowledgeFileException(file.origin(), i + 1,
                            "header must be '" + String.join("<TAB>", expectedHeader) + "' but is '"
                                    + line.replace("\t", "<TAB>") + "'");
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != expectedHeader.length) {
                throw new KnowledgeFileException(file.origin(), i + 1,
                        "expected " + expectedHeader.length + " tab-separated columns, found " + cells.length);
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
                if (cells[c].isEmpty()) {
                    throw new KnowledgeFileException(file.origin(), i + 1, "column '" + expectedHeader[c] + "' is empty");
                }
            }
            rows.add(new Row(i + 1, List.of(cells)));
        }
        if (!headerSeen) {
            throw new KnowledgeFileException(file.origin(), 0, "no header line");
        }
        return rows;
    }
}
