package io.entente.analytics;

import io.entente.core.PartialDate;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the analyses need of one report: no text beyond the evidence sentences.
 *
 * @param id            the document id
 * @param title         the title, or null
 * @param date          the publication date, or null when undated
 * @param tags          the document's tags
 * @param sentenceCount the number of sentences of the argument (those outside it, in author boxes, references
 *                      and notes, are not counted)
 * @param themes        theme id → the theme in this document, by id
 * @param countries     country code → indexes of the argument's sentences mentioning it (ascending), by code
 * @param countryNames  country code → the canonical name the document uses
 */
public record CorpusDocument(String id, String title, PartialDate date, List<String> tags, int sentenceCount,
                             Map<String, DocumentTheme> themes, Map<String, List<Integer>> countries,
                             Map<String, String> countryNames) {
    public CorpusDocument {
        tags = List.copyOf(tags);
        themes = Collections.unmodifiableMap(new TreeMap<>(themes));
        Map<String, List<Integer>> c = new TreeMap<>();
        countries.forEach((k, v) -> c.put(k, List.copyOf(new TreeSet<>(v))));
        countries = Collections.unmodifiableMap(c);
        countryNames = Collections.unmodifiableMap(new TreeMap<>(countryNames));
    }

    /** Whether the document has a date. */
    public boolean dated() {
        return date != null;
    }

    /** The year of the date, or null when undated. */
    public Integer year() {
        return date == null ? null : date.year();
    }

    /** 1–4 when the date has a month, else null. */
    public Integer quarter() {
        return date == null ? null : date.quarter();
    }

    /** 1–12 when the date has a month, else null. */
    public Integer month() {
        return date == null ? null : date.month();
    }

    /** The day of the month when the date is complete, else null. */
    public Integer day() {
        return date == null ? null : date.day();
    }

    /** The first day the date can mean (2019 → 2019-01-01), or null when undated. */
    public LocalDate firstDay() {
        return date == null ? null : date.firstDay();
    }

    /** The last day the date can mean (2019 → 2019-12-31), or null when undated. */
    public LocalDate lastDay() {
        return date == null ? null : date.lastDay();
    }

    /** Whether any sentence mentions the country. */
    public boolean mentions(String code) {
        return countries.containsKey(code);
    }

    /** Whether the document carries the tag (case-insensitive). */
    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.trim().equalsIgnoreCase(tag.trim()));
    }

    /** The number of sentences carrying the theme (0 when absent). */
    public int themeSentences(String themeId) {
        DocumentTheme t = themes.get(themeId);
        return t == null ? 0 : t.sentences().size();
    }

    /**
     * The pairs of countries mentioned together in a sentence, as "AAA-BBB" (codes in order), with the
     * number of sentences mentioning both.
     */
    public Map<String, Integer> countryPairSentences() {
        Map<Integer, Set<String>> bySentence = new TreeMap<>();
        countries.forEach((code, sentences) -> sentences.forEach(
                s -> bySentence.computeIfAbsent(s, k -> new TreeSet<>()).add(code)));
        Map<String, Integer> pairs = new TreeMap<>();
        for (Set<String> codes : bySentence.values()) {
            for (String pair : pairs(codes)) {
                pairs.merge(pair, 1, Integer::sum);
            }
        }
        return pairs;
    }

    /** The pairs "AAA-BBB" (a &lt; b) of distinct codes, in order. */
    static List<String> pairs(java.util.Collection<String> codes) {
        List<String> sorted = List.copyOf(new TreeSet<>(new HashSet<>(codes)));
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                out.add(sorted.get(i) + "-" + sorted.get(j));
            }
        }
        return out;
    }
}
