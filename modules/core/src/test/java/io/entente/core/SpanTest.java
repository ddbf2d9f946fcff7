package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void rejectsNegativeStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Span(-1, 3));
        assertTrue(e.getMessage().contains("[-1, 3)"), e.getMessage());
    }

    @Test
    void rejectsEndBeforeStart() {
        assertThrows(IllegalArgumentException.class, () -> new Span(5, 4));
    }

    @Test
    void acceptsEmptySpan() {
        Span s = new Span(4, 4);
        assertEquals(0, s.length());
    }

    @Test
    void lengthAndTextOf() {
        Span s = new Span(4, 9);
        assertEquals(5, s.length());
        assertEquals("quick", s.of("the quick fox"));
    }

    @Test
    void overlapsIsHalfOpen() {
        Span a = new Span(0, 5);
        assertTrue(a.overlaps(new Span(4, 8)));
        assertTrue(new Span(4, 8).overlaps(a));
        assertFalse(a.overlaps(new Span(5, 8)), "adjacent spans share no character");
        assertFalse(new Span(5, 8).overlaps(a));
        assertTrue(a.overlaps(new Span(1, 2)), "a span inside overlaps");
        assertFalse(a.overlaps(new Span(10, 12)));
    }

    @Test
    void contains() {
        Span a = new Span(2, 10);
        assertTrue(a.contains(new Span(2, 10)), "a span contains itself");
        assertTrue(a.contains(new Span(3, 5)));
        assertTrue(a.contains(new Span(2, 3)));
        assertTrue(a.contains(new Span(9, 10)));
        assertFalse(a.contains(new Span(1, 5)));
        assertFalse(a.contains(new Span(5, 11)));
        assertFalse(new Span(3, 5).contains(a));
    }

    @Test
    void overlapLength() {
        Span a = new Span(0, 10);
        assertEquals(3, a.overlap(new Span(7, 15)));
        assertEquals(3, new Span(7, 15).overlap(a));
        assertEquals(4, a.overlap(new Span(2, 6)));
        assertEquals(10, a.overlap(a));
        assertEquals(0, a.overlap(new Span(10, 12)), "adjacent");
        assertEquals(0, a.overlap(new Span(20, 30)), "disjoint is 0, never negative");
    }

    @Test
    void ordersByStartThenLongerFirst() {
        List<Span> spans = new ArrayList<>(List.of(new Span(5, 6), new Span(0, 2), new Span(0, 9), new Span(3, 4)));
        Collections.sort(spans);
        assertEquals(List.of(new Span(0, 9), new Span(0, 2), new Span(3, 4), new Span(5, 6)), spans);
    }
}
