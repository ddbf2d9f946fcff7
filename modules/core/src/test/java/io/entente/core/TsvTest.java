package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvTest {
    private static Resources.Loaded file(String text) {
        return new Resources.Loaded("test/abbrev.tsv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesRowsSkippingCommentsAndBlankLines() {
        List<Tsv.Row> rows = Tsv.parse(file("# a comment\n\nform\tkind\n# another\nDr.\tnever-final\n\n U.S. \tmaybe-final\n"),
                "form", "kind");
        assertEquals(2, rows.size());
        assertEquals(List.of("Dr.", "never-final"), rows.get(0).cells());
        assertEquals(5, rows.get(0).line());
        assertEquals("U.S.", rows.get(1).get(0), "cells are stripped");
        assertEquals("maybe-final", rows.get(1).get(1));
        assertEquals(7, rows.get(1).line());
    }

    @Test
    void acceptsCrlfAndBom() {
        List<Tsv.Row> rows = Tsv.parse(file("\uFEFFform\tkind\r\nDr.\tnever-final\r\n"), "form", "kind");
        assertEquals(1, rows.size());
        assertEquals(List.of("Dr.", "never-final"), rows.get(0).cells());
    }

    @Test
    void headerOnlyGivesNoRows() {
        assertTrue(Tsv.parse(file("form\tkind\n"), "form", "kind").isEmpty());
    }

    @Test
    void wrongHeaderNamesOriginLineAndBothHeaders() {
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class,
                () -> Tsv.parse(file("# comment\nform\ttype\nDr.\tnever-final\n"), "form", "kind"));
        assertTrue(e.getMessage().startsWith("test/abbrev.tsv:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("form<TAB>kind"), e.getMessage());
        assertTrue(e.getMessage().contains("form<TAB>type"), e.getMessage());
    }

    @Test
    void missingHeaderIsAnError() {
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class,
                () -> Tsv.parse(file("# only comments\n\n"), "form", "kind"));
        assertTrue(e.getMessage().startsWith("test/abbrev.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void wrongColumnCountNamesOriginAndLine() {
        KnowledgeFileException tooFew = assertThrows(KnowledgeFileException.class,
                () -> Tsv.parse(file("form\tkind\nDr.\tnever-final\nMr.\n"), "form", "kind"));
        assertTrue(tooFew.getMessage().startsWith("test/abbrev.tsv:3: "), tooFew.getMessage());
        assertTrue(tooFew.getMessage().contains("expected 2"), tooFew.getMessage());
        assertTrue(tooFew.getMessage().contains("found 1"), tooFew.getMessage());

        KnowledgeFileException tooMany = assertThrows(KnowledgeFileException.class,
                () -> Tsv.parse(file("form\tkind\nDr.\tnever-final\textra\n"), "form", "kind"));
        assertTrue(tooMany.getMessage().startsWith("test/abbrev.tsv:2: "), tooMany.getMessage());
        assertTrue(tooMany.getMessage().contains("found 3"), tooMany.getMessage());
    }

    @Test
    void emptyCellNamesColumnOriginAndLine() {
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class,
                () -> Tsv.parse(file("form\tkind\n# c\nDr.\t  \n"), "form", "kind"));
        assertTrue(e.getMessage().startsWith("test/abbrev.tsv:3: "), e.getMessage());
        assertTrue(e.getMessage().contains("'kind'"), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void commentMarkerOnlyCountsAtLineStart() {
        List<Tsv.Row> rows = Tsv.parse(file("form\tkind\nC#\tlanguage\n"), "form", "kind");
        assertEquals(List.of("C#", "language"), rows.get(0).cells());
    }
}
