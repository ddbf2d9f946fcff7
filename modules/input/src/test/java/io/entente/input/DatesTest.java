package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Dates found in metadata and text are always ones a report can carry (io.entente.core.PartialDate). */
class DatesTest {
    @Test
    void metadataDatesKeepWhatIsACalendarDate() {
        assertEquals("2019-08-22", Dates.iso("2019-08-22T10:00:00Z"));
        assertEquals("2019-08-02", Dates.iso("2019/8/2"));
        assertEquals("2019-08", Dates.iso("2019-08"));
        assertEquals("2020-02-29", Dates.iso("D:20200229120000"));
        // A day its month does not have leaves the month; a month that does not exist leaves the year.
        assertEquals("2019-02", Dates.iso("2019-02-30"));
        assertEquals("2019-04", Dates.iso("D:20190431"));
        assertEquals("2019", Dates.iso("2019-13-01"));
    }

    @Test
    void datesInTheTextAreSkippedWhenTheyAreNoCalendarDate() {
        assertEquals("2019-08-22", TextChecks.date("A Paper\nPublished 22 August 2019\n"));
        assertNull(TextChecks.date("A Paper\nFebruary 30, 2019\n"));
        assertNull(TextChecks.date("A Paper\nRef. 2019-02-30\n"));
        // The next line's date is taken when the first is not a date.
        assertEquals("2019-03-01", TextChecks.date("A Paper\nRef. 2019-02-30\n2019-03-01\n"));
    }
}
