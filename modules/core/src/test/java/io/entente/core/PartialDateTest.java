package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialDateTest {
    @Test
    void parsesTheThreePrecisionsAndWritesThemBack() {
        PartialDate y = PartialDate.parse("2019");
        assertEquals(2019, y.year());
        assertNull(y.month());
        assertNull(y.day());
        assertNull(y.quarter());
        assertEquals("2019", y.toString());

        PartialDate m = PartialDate.parse("2019-08");
        assertEquals(8, m.month());
        assertNull(m.day());
        assertEquals(3, m.quarter());
        assertEquals("2019-08", m.toString());

        PartialDate d = PartialDate.parse("2019-08-22");
        assertEquals(22, d.day());
        assertEquals(LocalDate.of(2019, 8, 22), d.toLocalDate());
        assertEquals("2019-08-22", d.toString());
        assertEquals(PartialDate.of(2019, 8, 22), d);
        assertEquals("0999", PartialDate.ofYear(999).toString(), "four digits always");
    }

    @Test
    void firstAndLastDaysCoverWhatTheDateCanMean() {
        assertEquals(LocalDate.of(2019, 1, 1), PartialDate.parse("2019").firstDay());
        assertEquals(LocalDate.of(2019, 12, 31), PartialDate.parse("2019").lastDay());
        assertEquals(LocalDate.of(2020, 2, 29), PartialDate.parse("2020-02").lastDay(), "leap year");
        assertEquals(LocalDate.of(2021, 2, 28), PartialDate.parse("2021-02").lastDay());
        assertEquals(LocalDate.of(2021, 3, 4), PartialDate.parse("2021-03-04").firstDay());
        assertEquals(LocalDate.of(2021, 3, 4), PartialDate.parse("2021-03-04").lastDay());
        assertNull(PartialDate.parse("2021-03").toLocalDate());
    }

    @Test
    void refusesWhatIsNotTheIsoForm() {
        for (String bad : List.of("", "19", "20190", "2019-8", "2019-08-1", "2019/08/22", " 2019", "2019 ",
                "2019-08-22T10:00", "August 2019", "２０１９", "2019-", "2019-08-")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(bad), bad);
            assertEquals("'" + bad + "' is not YYYY, YYYY-MM or YYYY-MM-DD", e.getMessage());
            assertFalse(PartialDate.isValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(null));
    }

    @Test
    void refusesWhatIsNotACalendarDate() {
        for (String bad : List.of("2019-00", "2019-13", "2019-02-29", "2019-02-30", "2019-04-31", "2019-01-00",
                "2019-01-32")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(bad), bad);
            assertEquals("'" + bad + "' is not a calendar date", e.getMessage());
        }
        assertTrue(PartialDate.isValid("2020-02-29"));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.of(2019, 2, 30));
        assertThrows(IllegalArgumentException.class, () -> new PartialDate(2019, null, 3));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.ofYear(10000));
    }

    @Test
    void parseNullableKeepsAbsentDatesAbsent() {
        assertNull(PartialDate.parseNullable(null));
        assertEquals(PartialDate.ofYear(2001), PartialDate.parseNullable("2001"));
    }

    @Test
    void ordersByYearMonthDayLessPreciseFirst() {
        List<PartialDate> dates = new ArrayList<>(List.of(PartialDate.parse("2019-01-01"), PartialDate.parse("2018-12-31"),
                PartialDate.parse("2019-01"), PartialDate.parse("2019"), PartialDate.parse("2019-02")));
        dates.sort(null);
        assertEquals(List.of("2018-12-31", "2019", "2019-01", "2019-01-01", "2019-02"),
                dates.stream().map(PartialDate::toString).toList());
        assertEquals(0, PartialDate.parse("2019-05").compareTo(PartialDate.of(2019, 5)));
    }
}
