package io.entente.analytics;

import io.entente.core.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which documents form a group: one document by id, or every document matching a date range and/or
 * a tag. Every criterion given must hold.
 *
 * <p>Dates are {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; {@code from} means its first day
 * (2015 → 2015-01-01), {@code to} its last (2017 → 2017-12-31), both inclusive, and either may be
 * null (open). A document is in the range when every day its own date can mean lies in it (a
 * document dated 2016 is in 2015..2017 and in 2016-01-01..2016-12-31, but not in
 * 2016-06-01..2016-12-31); undated documents are in no range. Tags match case-insensitively.
 *
 * @param documentId a document id, or null
 * @param from       the first date of the range, or null
 * @param to         the last date of the range, or null
 * @param tag        a tag, or null
 */
public record Selection(String documentId, String from, String to, String tag) {
    public Selection {
        documentId = blankToNull(documentId);
        from = blankToNull(from);
        to = blankToNull(to);
        tag = blankToNull(tag);
        if (documentId == null && from == null && to == null && tag == null) {
            throw new IllegalArgumentException("a selection needs a document id, a date range or a tag");
        }
        if (documentId != null && (from != null || to != null || tag != null)) {
            throw new IllegalArgumentException("a selection by document id ('" + documentId
                    + "') takes no date range or tag");
        }
        LocalDate f = from == null ? null : firstDay(from);
        LocalDate t = to == null ? null : lastDay(to);
        if (f != null && t != null && f.isAfter(t)) {
            throw new IllegalArgumentException("date range " + from + ".." + to + " is empty: it ends before it starts");
        }
    }

    /** One document. */
    public static Selection document(String id) {
        return new Selection(id, null, null, null);
    }

    /** The documents dated within [from, to] (either may be null). */
    public static Selection dates(String from, String to) {
        return new Selection(null, from, to, null);
    }

    /** The documents with the tag. */
    public static Selection tagged(String tag) {
        return new Selection(null, null, null, tag);
    }

    /** Whether the document belongs to the group. */
    public boolean matches(CorpusDocument d) {
        if (documentId != null) {
            return documentId.equals(d.id());
        }
        if (from != null || to != null) {
            if (!d.dated()) {
                return false;
            }
            if (from != null && d.firstDay().isBefore(firstDay(from))) {
                return false;
            }
            if (to != null && d.lastDay().isAfter(lastDay(to))) {
                return false;
            }
        }
        return tag == null || d.hasTag(tag);
    }

    /** The documents of the corpus in the group, in id order (possibly none). */
    public List<CorpusDocument> select(Corpus corpus) {
        return corpus.documents().stream().filter(this::matches).toList();
    }

    /** A short human-readable description: "doc-1", "2015–2017", "from 2018", "tag 'japan'". */
    public String label() {
        if (documentId != null) {
            return documentId;
        }
        List<String> parts = new ArrayList<>();
        if (from != null && to != null) {
            parts.add(from.equals(to) ? from : from + "\u2013" + to);
        } else if (from != null) {
            parts.add("from " + from);
        } else if (to != null) {
            parts.add("until " + to);
        }
        if (tag != null) {
            parts.add("tag '" + tag + "'");
        }
        return String.join(", ", parts);
    }

    static LocalDate firstDay(String date) {
        return parse(date, true);
    }

    static LocalDate lastDay(String date) {
        return parse(date, false);
    }

    private static LocalDate parse(String date, boolean first) {
        PartialDate d;
        try {
            d = PartialDate.parse(date);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date " + e.getMessage());
        }
        return first ? d.firstDay() : d.lastDay();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
