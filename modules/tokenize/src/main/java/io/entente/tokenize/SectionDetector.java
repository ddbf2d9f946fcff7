package io.entente.tokenize;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.Tsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the parts of a paper that are not its argument: author boxes and biographies, reference
 * lists, notes and footnote blocks. A heading listed in {@code models/tokenize/sections.tsv} opens
 * its kind of section until the next listed heading (a {@code body} heading returns to the argument)
 * or the end; without a heading, a biography line among the first 10 sentences or in the last third
 * ("Dr. Kim is Senior Fellow at ...": a {@code role} word within a few words of "is", then at, of,
 * in, for, with or and) and the He/She sentences right after it are {@code author}, and
 * a numbered line with a {@code citation} cue or a year is a {@code notes} line. Immutable and
 * thread-safe.
 */
public final class SectionDetector {
    public static final String DEFAULT_RESOURCE = "models/tokenize/sections.tsv";
    public static final String AUTHOR = "author";
    public static final String REFERENCES = "references";
    public static final String NOTES = "notes";
    private static final String BODY = "body";

    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}(?:\\.\\d{1,2})*\\.?|[IVXLC]{1,6}\\.|#+)\\s+");
    private static final Pattern NOTE_MARKER = Pattern.compile("^(?:\\[\\d{1,3}\\]|\\d{1,3}[.)]?|[\u00B9\u00B2\u00B3\u2070-\u2079]+)\\s+\\S");
    private static final Pattern YEAR = Pattern.compile("\\b(?:1[89]|20)\\d\\d\\b");
    private static final Pattern CONTINUATION = Pattern.compile("^(?:He|She|They|His|Her|Their|Dr\\.|Prof\\.|Mr\\.|Ms\\.)\\s");

    private final Map<String, String> headings;
    private final Pattern biography;
    private final Pattern citation;
    private final Pattern caption; // a figure or table caption, or its source note: one segment, marked as notes
    private final String sha256;

    private SectionDetector(Map<String, String> headings, Pattern biography, Pattern citation, Pattern caption, String sha256) {
        this.headings = Map.copyOf(headings);
        this.biography = biography;
        this.citation = citation;
        this.caption = caption;
        this.sha256 = sha256;
    }

    public static SectionDetector load(Resources.Loaded file) {
        Map<String, String> headings = new HashMap<>();
        List<String> roles = new ArrayList<>();
        List<String> modifiers = new ArrayList<>();
        List<String> cues = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Tsv.Row row : Tsv.parse(file, "phrase", "kind")) {
            String phrase = row.get(0).strip().toLowerCase(Locale.ROOT);
            switch (row.get(1)) {
                case AUTHOR, REFERENCES, NOTES, BODY -> headings.put(phrase, row.get(1));
                case "role" -> roles.add(Pattern.quote(phrase));
                case "modifier" -> modifiers.add(Pattern.quote(phrase));
                case "citation" -> cues.add(Pattern.quote(phrase));
                case "caption" -> captions.add(Pattern.quote(phrase));
                default -> throw new KnowledgeFileException(file.origin(), row.line(),
                        "kind must be author, references, notes, body, role, modifier, citation or caption, not '" + row.get(1) + "'");
            }
        }
        // A name (up to six capitalized words or bracketed parts: "Dr. Mina Cho", "Lt Gen (Ret.) Izumi"), "is"/"was"/
        // "serves as", an article, up to three modifiers or capitalized words, the role, then at/of/in/for/with/and.
        String word = "(?:[A-Z][\\w.'\u2019-]*|\\([^)]{1,12}\\))";
        String modifier = "(?:" + (modifiers.isEmpty() ? "" : "(?i:" + String.join("|", modifiers) + ")|") + "[A-Z][\\w-]*)";
        Pattern bio = roles.isEmpty() ? null : Pattern.compile("^" + word + "(?:\\s+" + word + "){0,5}\\s+(?:is|was|serves as)\\s+"
                + "(?:(?i:an?|the)\\s+)?(?:" + modifier + "\\s+){0,3}(?i:" + String.join("|", roles) + ")s?\\s+(?:at|of|in|for|with|and)\\b");
        Pattern cite = cues.isEmpty() ? null : Pattern.compile("(?<![\\w])(?:" + String.join("|", cues) + ")(?![\\w])",
                Pattern.CASE_INSENSITIVE);
        // "Figure 2. ...", "Table 1: ...", "Source: ...", "Notes: ...": the word, then a number or a colon.
        Pattern caption = captions.isEmpty() ? null : Pattern.compile("^(?i:" + String.join("|", captions)
                + ")(?:\\s+[0-9IVX]+[A-Za-z]?\\s*[.:\u2013\u2014-]|\\s*:)", Pattern.CASE_INSENSITIVE);
        return new SectionDetector(headings, bio, cite, caption, file.sha256());
    }

    public static SectionDetector loadDefault() {
        return load(Resources.load(null, DEFAULT_RESOURCE));
    }

    public String sha256() {
        return sha256;
    }

    /** Sentence index → section kind, for the sentences outside the argument. */
    public Map<Integer, String> detect(String text, List<Sentence> sentences) {
        Map<Integer, String> out = new TreeMap<>();
        String open = null; // the section a heading opened
        boolean afterBiography = false;
        for (Sentence s : sentences) {
            String t = text.substring(s.start(), s.end()).strip();
            String heading = headingKind(t);
            if (heading != null) {
                open = heading.equals(BODY) ? null : heading;
                afterBiography = false;
                if (open != null) {
                    out.put(s.index(), open);
                }
                continue;
            }
            if (open != null) {
                out.put(s.index(), open);
                continue;
            }
            boolean lineStart = s.start() == 0 || LineBlocks.isLineBreak(text.charAt(s.start() - 1))
                    || text.substring(0, s.start()).stripTrailing().endsWith("\n");
            // Author boxes sit at the start or the end of a paper; a role sentence in the middle is argument.
            boolean edge = s.index() < 10 || s.index() >= sentences.size() * 2 / 3;
            if (edge && biography != null && biography.matcher(t).find()) {
                out.put(s.index(), AUTHOR);
                afterBiography = true;
            } else if (afterBiography && CONTINUATION.matcher(t).find()) {
                out.put(s.index(), AUTHOR);
            } else if (lineStart && NOTE_MARKER.matcher(t).find() && isCitation(t)) {
                out.put(s.index(), NOTES);
                afterBiography = false;
            } else if (lineStart && caption != null && caption.matcher(t).find()) {
                out.put(s.index(), NOTES); // "Figure 1. ...", "Source: ...": no argument, and no section opened
                afterBiography = false;
            } else {
                afterBiography = false;
            }
        }
        return out;
    }

    private boolean isCitation(String t) {
        return YEAR.matcher(t).find() || citation != null && citation.matcher(t).find();
    }

    /** The kind a listed heading opens, or null when {@code segment} is not one. */
    String headingKind(String segment) {
        if (segment.length() > 40) {
            return null;
        }
        String h = NUMBERING.matcher(segment).replaceFirst("").replaceAll("[:.]+$", "").strip().toLowerCase(Locale.ROOT);
        return headings.get(h);
    }
}
