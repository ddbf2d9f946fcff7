package io.entente.input;

import java.util.ArrayList;
import java.util.List;

/** Splits an author field ("A. Smith; B. Jones", "A. Smith and B. Jones", "A. Smith, B. Jones"). */
final class Authors {
    private Authors() {
    }

    static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return out;
        }
        String f = field.replace('\u00A0', ' ').strip();
        String[] parts = f.split("\\s*(?:;|\\||\\band\\b|&)\\s*");
        for (String p : parts) {
            // "Smith, John" is one name; "John Smith, Jane Doe" two.
            String[] commas = p.split("\\s*,\\s*");
            boolean names = commas.length > 1;
            for (String c : commas) {
                if (!c.strip().contains(" ")) {
                    names = false;
                }
            }
            if (names) {
                for (String c : commas) {
                    add(out, c);
                }
            } else {
                add(out, p);
            }
        }
        return out;
    }

    private static void add(List<String> out, String name) {
        String n = name.replaceAll("\\s+", " ").strip();
        if (!n.isEmpty() && !out.contains(n)) {
            out.add(n);
        }
    }
}
