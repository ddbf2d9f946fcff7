package io.entente.input;

import io.entente.core.PartialDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small checks and sniffers over decoded text. */
final class TextChecks {
    private static final int HEAD_LINES = 8;
    /** Title and date are sniffed near the top: only this much of a (possibly huge) text is split into lines. */
    private static final int HEAD_CHARS = 64 * 1024;
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern ISO_DATE = Pattern.compile("\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\.? (\\d{1,2}),? ((?:19|20)\\d\\d)\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS + ")\\.?,? ((?:19|20)\\d\\d)\\b");

    private TextChecks() {
    }

    static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF');
    }

    /** Text with many control characters is a binary file decoded by mistake. */
    static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 8192);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
                bad++;
            }
        }
        return n > 0 && bad * 10 > n;
    }

    /** A Markdown heading, or a first line that reads as a title (3 to 30 words, no final period). */
    static String title(String text) {
        int seen = 0;
        for (String line : head(text).split("\\R")) {
            String l = line.strip().replace('\u00A0', ' ').strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("# ")) {
                return l.substring(2).strip();
            }
            if (++seen > 1) {
                break;
            }
            int words = l.split("\\s+").length;
            if (words >= 3 && words <= 30 && !l.endsWith(".") && l.length() <= 200) {
                return l;
            }
        }
        return null;
    }

    /** A date on a short line near the top (a dateline), as ISO {@code YYYY-MM-DD}. */
    static String date(String text) {
        String[] lines = head(text).split("\\R");
        int seen = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (++seen > HEAD_LINES) {
                break;
            }
            if (l.length() > 80) {
                continue;
            }
            // Only a calendar date: a report carries what PartialDate parses (2019-02-30 is no date).
            Matcher m = ISO_DATE.matcher(l);
            if (m.find() && PartialDate.isValid(m.group())) {
                return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
            }
            m = MONTH_DAY_YEAR.matcher(l);
            if (m.find() && iso(m.group(3), m.group(1), m.group(2)) != null) {
                return iso(m.group(3), m.group(1), m.group(2));
            }
            m = DAY_MONTH_YEAR.matcher(l);
            if (m.find() && iso(m.group(3), m.group(2), m.group(1)) != null) {
                return iso(m.group(3), m.group(2), m.group(1));
            }
        }
        return null;
    }

    private static String head(String text) {
        return text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
    }

    private static String iso(String year, String month, String day) {
        String mm = month.substring(0, 3).toLowerCase(Locale.ROOT);
        int idx = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(mm) / 3 + 1;
        int d = Integer.parseInt(day);
        if (idx < 1 || d < 1 || d > 31) {
            return null;
        }
        String iso = String.format(Locale.ROOT, "%s-%02d-%02d", year, idx, d);
        return PartialDate.isValid(iso) ? iso : null;
    }
}
