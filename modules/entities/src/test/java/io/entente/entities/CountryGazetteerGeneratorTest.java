package io.entente.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed countries.tsv is what the generator makes of its sources (regenerate with -Dentente.regenerate=true). */
class CountryGazetteerGeneratorTest {
    private static final Path MODELS = Path.of("../../models");

    @Test
    void committedGazetteerIsUpToDateWithItsSources() throws Exception {
        String generated = CountryGazetteerGenerator.generate(MODELS);
        if (Boolean.getBoolean("entente.regenerate")) {
            CountryGazetteerGenerator.write(MODELS, generated);
        }
        String committed = Files.readString(MODELS.resolve("gazetteers/countries.tsv"), StandardCharsets.UTF_8);
        assertEquals(generated, committed, "models/gazetteers/countries.tsv is out of date: regenerate it (see its header)");
    }

    @Test
    void everyRowNamesItsSource() throws Exception {
        String generated = CountryGazetteerGenerator.generate(MODELS);
        assertTrue(generated.contains("\nKOR\tKorea, Republic of\talt\t-\tiso+rule:entente\tstate\t-\n"), "ISO's inverted name");
        assertTrue(generated.contains("\nHKG\tHong Kong SAR China\talt\t-\tcldr\tterritory\tCHN\n"), "CLDR's name");
        assertTrue(generated.matches("(?s).*\nCOD\tCongo, Dem\\. Rep\\.\t[a-z]+\t-\trule:[a-z]+\tstate\t-\n.*"), "a derived table form");
        assertTrue(generated.contains("\nSUN\tSoviet Union\tname\t-\tentente\tformer\t-\n"), "a former state");
    }
}
