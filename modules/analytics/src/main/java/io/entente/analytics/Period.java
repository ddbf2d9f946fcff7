package io.entente.analytics;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The length of the periods of a time series. A period is numbered by a key that grows by one
 * from each period to the next: the year; year·4 + quarter − 1; year·12 + month − 1.
 */
public enum Period {
    YEAR, QUARTER, MONTH;

    /** "year", "quarter" or "month" (any case) → the period. */
    public static Period parse(String name) {
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("period '" + name + "' is not year, quarter or month");
    }

    /** The lower-case name, as in the outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the document's date is precise enough for this period (and present). */
    public boolean places(CorpusDocument d) {
        return d.year() != null && (this == YEAR || d.month() != null);
    }

    /** The key of the period holding the document; see {@link #places}. */
    public int key(CorpusDocument d) {
        return switch (this) {
            case YEAR -> d.year();
            case QUARTER -> d.year() * 4 + d.quarter() - 1;
            case MONTH -> d.year() * 12 + d.month() - 1;
        };
    }

    /** The name of a period: "2019", "2019-Q3", "2019-08". */
    public String label(int key) {
        return switch (this) {
            case YEAR -> Integer.toString(key);
            case QUARTER -> Math.floorDiv(key, 4) + "-Q" + (Math.floorMod(key, 4) + 1);
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1);
        };
    }

    /** The first day of a period. */
    public LocalDate start(int key) {
        return switch (this) {
            case YEAR -> LocalDate.of(key, 1, 1);
            case QUARTER -> LocalDate.of(Math.floorDiv(key, 4), Math.floorMod(key, 4) * 3 + 1, 1);
            case MONTH -> LocalDate.of(Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1, 1);
        };
    }
}
