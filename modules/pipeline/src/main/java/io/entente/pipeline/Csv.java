package io.entente.pipeline;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF) for metadata files. */
final class Csv {
    private Csv() {
    }

    /** One record and the line it starts on (1-based; a quoted field may span lines). */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    /** Broken quoting, at a line of the file. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    static List<Row> parse(String text) throws MalformedException {
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false; // just after a field's closing quote: only ',' or a line end may follow
        int line = 1;
        int rowLine = 1;
        int quoteLine = 1;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    closed = true;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                closed = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(new Row(rowLine, row));
                row = new ArrayList<>();
                closed = false;
                line++;
                rowLine = line;
            } else if (closed) {
                throw new MalformedException(line, "text after a closing quote (a quote inside a quoted field is doubled: \"\")");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedException(quoteLine, "a quoted field is never closed");
        }
        if (field.length() > 0 || !row.isEmpty() || closed) {
            row.add(field.toString());
            rows.add(new Row(rowLine, row));
        }
        return rows;
    }
}
