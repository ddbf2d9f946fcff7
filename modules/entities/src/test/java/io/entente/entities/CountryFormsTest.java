package io.entente.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.entente.core.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forms that country lists and papers use (country-forms.tsv: tables' inverted and abbreviated names,
 * territories' table forms, abbreviations, demonyms, capitals), each in a sentence of its own: exactly its
 * code comes out. Failures are collected, so one run lists them all.
 */
class CountryFormsTest {
    @BeforeAll
    static void load() {
        EntityStageTest.load();
    }

    private static Set<String> codes(String text) {
        return EntityStageTest.names(EntityStageTest.analyze(text), EntityType.COUNTRY);
    }

    @Test
    void everyListedFormGivesExactlyItsCode() throws IOException {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        try (InputStream in = CountryFormsTest.class.getResourceAsStream("/country-forms.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                String sentence = switch (f[2]) {
                    case "name" -> "Officials from " + f[1] + " met the delegation on Monday to discuss maritime security.";
                    case "demonym" -> "The " + f[1] + " government said on Monday that the talks would continue.";
                    case "capital" -> "Talks in " + f[1] + " ended on Monday without an agreement.";
                    default -> throw new IllegalArgumentException("unknown frame " + f[2]);
                };
                Set<String> got = codes(sentence);
                if (!got.equals(Set.of(f[0]))) {
                    wrong.add(f[1] + " -> " + got + " (expected " + f[0] + ")");
                }
                n++;
            }
        }
        assertEquals(List.of(), wrong, n + " forms");
    }
}
