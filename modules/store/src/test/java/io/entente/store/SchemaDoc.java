package io.entente.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads SCHEMA.md: the documented columns of a table, and the example queries. */
final class SchemaDoc {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| ([A-Z]+(?: NULL)?) \\|");
    private static final Pattern SQL = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    private SchemaDoc() {
    }

    /** {@code name TYPE[ NULL]} for each row of the table under {@code #### `table`}. */
    static List<String> columns(String md, String table) {
        int at = md.indexOf("#### `" + table + "`\n");
        if (at < 0) {
            throw new AssertionError("SCHEMA.md has no section for " + table);
        }
        List<String> out = new ArrayList<>();
        boolean inTable = false;
        for (String line : md.substring(at).split("\n")) {
            if (line.startsWith("#") && !line.startsWith("#### `" + table + "`")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                out.add(m.group(1) + " " + m.group(2));
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return out;
    }

    /** The {@code ```sql} blocks, in order. */
    static List<String> queries(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = SQL.matcher(md);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }
}
