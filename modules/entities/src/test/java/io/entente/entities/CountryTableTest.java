package io.entente.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountryTableTest {
    private static Resources.Loaded file(String name, String text) {
        return new Resources.Loaded(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void packagedTableCoversEveryUnMemberPlusTaiwanKosovoPalestine() {
        CountryTable t = CountryTable.load(Resources.load(null, CountryTable.COUNTRIES), Resources.load(null, CountryTable.REGIONS));
        assertTrue(t.codes().size() >= 196, "codes: " + t.codes().size());
        assertTrue(t.codes().containsAll(java.util.Set.of("TWN", "XKX", "PSE", "KOR", "PRK", "SSD", "TUV")));
        assertEquals("South Korea", t.name("KOR"));
    }

    @Test
    void aFormWithTwoCodesIsRefusedWithFileAndLine() {
        String countries = "code\tform\tkind\tneeds\nKOR\tKorea\tname\t-\nPRK\tKorea\tname\t-\n";
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class,
                () -> CountryTable.load(file("c.tsv", countries), file("r.tsv", "form\tkind\n")));
        assertTrue(e.getMessage().startsWith("c.tsv:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("maps to both KOR and PRK"), e.getMessage());
    }

    @Test
    void badCodeAndKindAreRefused() {
        assertThrows(KnowledgeFileException.class, () -> CountryTable.load(
                file("c.tsv", "code\tform\tkind\tneeds\nKR\tKorea\tname\t-\n"), file("r.tsv", "form\tkind\n")));
        assertThrows(KnowledgeFileException.class, () -> CountryTable.load(
                file("c.tsv", "code\tform\tkind\tneeds\nKOR\tKorea\tnickname\t-\n"), file("r.tsv", "form\tkind\n")));
    }
}
