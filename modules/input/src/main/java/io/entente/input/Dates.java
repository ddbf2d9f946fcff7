package io.entente.input;

import io.entente.core.PartialDate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates from metadata, as ISO {@code YYYY[-MM[-DD]]}. */
final class Dates {
    private static final Pattern ISO = Pattern.compile("^\\s*((?:1[6-9]|2\\d)\\d\\d)(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?(?:[T\\s].*)?$");
    private static final Pattern COMPACT = Pattern.compile("^\\s*(?:D:)?((?:1[6-9]|2\\d)\\d\\d)(\\d\\d)(\\d\\d)");

    private Dates() {
    }

    /** An ISO date from a metadata value in a common form, or {@code null}. */
    static String iso(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            return assemble(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(value);
        if (m.find()) {
            return assemble(m.group(1), m.group(2), m.group(3));
        }
        String t = value.strip();
        return t.length() <= 80 ? TextChecks.date(t) : null;
    }

    static String iso(Calendar c) {
        if (c == null) {
            return null;
        }
        return iso(c.getTime());
    }

    static String iso(Date d) {
        if (d == null) {
            return null;
        }
        LocalDate ld = d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        if (ld.getYear() < 1600 || ld.getYear() > 2999) {
            return null;
        }
        return ld.toString();
    }

    private static String assemble(String y, String mo, String d) {
        if (mo == null) {
            return y;
        }
        int month = Integer.parseInt(mo);
        if (month < 1 || month > 12) {
            return y;
        }
        if (d == null) {
            return String.format(Locale.ROOT, "%s-%02d", y, month);
        }
        String full = String.format(Locale.ROOT, "%s-%02d-%02d", y, month, Integer.parseInt(d));
        // A day that is not in its month (2019-02-30) leaves the month: what PartialDate, the reports' date, accepts.
        return PartialDate.isValid(full) ? full : String.format(Locale.ROOT, "%s-%02d", y, month);
    }
}
