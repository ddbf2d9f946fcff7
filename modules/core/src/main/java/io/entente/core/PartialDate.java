package io.entente.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Locale;

/**
 * A publication date known to the year, the month or the day: ISO {@code YYYY}, {@code YYYY-MM} or
 * {@code YYYY-MM-DD}. The one parser of a report's date string ({@link #parse}): what it refuses no
 * report may carry, so every reader sees the same dates.
 *
 * <p>Ordered by year, then month, then day, a less precise date first ({@code 2019 < 2019-01 < 2019-01-01}).
 *
 * @param year  the year, 0–9999 (written with four digits)
 * @param month 1–12, or {@code null} when the date is a year
 * @param day   the day of the month, or {@code null} when the date is a year or a month
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {
    private static final Comparator<Integer> PART = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<PartialDate> ORDER = Comparator.comparingInt(PartialDate::year)
            .thenComparing(PartialDate::month, PART).thenComparing(PartialDate::day, PART);

    public PartialDate {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is not four digits");
        }
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month " + month + " is not 1-12");
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%04d-%02d-%02d is not a calendar date",
                        year, month, day));
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, null, null);
    }

    public static PartialDate of(int year, int month) {
        return new PartialDate(year, month, null);
    }

    public static PartialDate of(int year, int month, int day) {
        return new PartialDate(year, month, day);
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} exactly: no spaces, no other separators,
     * two-digit months and days, and a day that exists in its month.
     *
     * @throws IllegalArgumentException with a message that quotes the text and says what is wrong
     */
    public static PartialDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no date");
        }
        int n = text.length();
        if (!(n == 4 || n == 7 && text.charAt(4) == '-' || n == 10 && text.charAt(4) == '-' && text.charAt(7) == '-')
                || !digits(text, 0, 4) || n >= 7 && !digits(text, 5, 7) || n == 10 && !digits(text, 8, 10)) {
            throw new IllegalArgumentException("'" + text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        Integer month = n >= 7 ? Integer.parseInt(text, 5, 7, 10) : null;
        Integer day = n == 10 ? Integer.parseInt(text, 8, 10, 10) : null;
        if (month != null && (month < 1 || month > 12) || day != null && !exists(year, month, day)) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date");
        }
        return new PartialDate(year, month, day);
    }

    /** {@link #parse} for a value that may be absent: null stays null. */
    public static PartialDate parseNullable(String text) {
        return text == null ? null : parse(text);
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean exists(int year, int month, int day) {
        return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    public boolean hasMonth() {
        return month != null;
    }

    public boolean hasDay() {
        return day != null;
    }

    /** 1–4 when the date has a month, else null. */
    public Integer quarter() {
        return month == null ? null : (month - 1) / 3 + 1;
    }

    /** The first day the date can mean (2019 → 2019-01-01). */
    public LocalDate firstDay() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The last day the date can mean (2019 → 2019-12-31, 2020-02 → 2020-02-29). */
    public LocalDate lastDay() {
        if (month == null) {
            return LocalDate.of(year, 12, 31);
        }
        return day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    /** The day, when the date is complete; else null. */
    public LocalDate toLocalDate() {
        return day == null ? null : LocalDate.of(year, month, day);
    }

    @Override
    public int compareTo(PartialDate o) {
        return ORDER.compare(this, o);
    }

    /** The ISO form {@link #parse} reads: {@code 2019}, {@code 2019-08}, {@code 2019-08-22}. */
    @Override
    public String toString() {
        if (month == null) {
            return String.format(Locale.ROOT, "%04d", year);
        }
        return day == null ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }
}
