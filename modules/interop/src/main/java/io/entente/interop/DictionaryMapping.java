package io.entente.interop;

import io.entente.core.Polarity;
import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dictionary keys to codebook themes and back. Nested keys become theme ids {@code parent.child}
 * (lower case, other characters as {@code _}); values become cue patterns: globs {@code tax*},
 * {@code *ism} and {@code *eco*} as they are, multi-word values as phrase cues, punctuation inside a word
 * as a word break (how Entente's sentences are split into words); weights are kept, 1.0 when the format
 * has none. What has no place in a codebook is a note (see docs/interop.md).
 */
final class DictionaryMapping {
    /** Between the original keys of a nested theme's name, so that an export gives back the same keys. */
    static final String PATH = " > ";
    private static final int MAX_EXPANSION = 64;

    private DictionaryMapping() {
    }

    /** The codebook for a parsed dictionary. */
    static CodebookFormat.Imported toCodebook(String origin, String format, Dictionary.Parsed parsed,
                                              PolarityMap polarities, Notes notes) {
        List<Codebook.Theme> themes = new ArrayList<>();
        List<String> defaulted = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (Dictionary.Key k : parsed.roots) {
            walk(origin, format, k, "", List.of(), null, polarities, themes, defaulted, usedIds, notes);
        }
        if (!defaulted.isEmpty()) {
            notes.add("polarity: " + defaulted.size() + " theme(s) have no polarity in the file"
                    + (polarities == PolarityMap.EMPTY ? "" : " nor in " + polarities.origin())
                    + " and were set to 'driver' (give --polarity-map FILE with lines 'THEME-ID driver|obstacle'): "
                    + String.join(", ", defaulted));
        }
        for (String id : polarities.ids()) {
            if (themes.stream().noneMatch(t -> t.id().equals(id) || t.id().startsWith(id + "."))) {
                notes.add("polarity map " + polarities.origin() + ": '" + id + "' matches no imported theme");
            }
        }
        if (themes.isEmpty()) {
            throw new InteropException(origin, "", "no key with usable values: nothing to import");
        }
        String base = baseName(origin);
        String id = parsed.codebookId != null ? parsed.codebookId : slug(base, "imported");
        String name = parsed.codebookName != null ? parsed.codebookName : base + " (imported from " + format + ")";
        String description = parsed.codebookDescription != null ? parsed.codebookDescription
                : "Imported from " + base + " (" + format + ") by entente codebook import.";
        Codebook cb = new Codebook(id, parsed.codebookVersion != null ? parsed.codebookVersion : "1.0.0", name, description,
                parsed.codebookLanguage, parsed.settings != null ? parsed.settings : Codebook.Settings.DEFAULTS, themes, origin, null);
        return new CodebookFormat.Imported(cb, notes.lines());
    }

    private static void walk(String origin, String format, Dictionary.Key k, String parentId, List<String> parentNames,
                             Polarity inherited, PolarityMap polarities, List<Codebook.Theme> themes, List<String> defaulted,
                             Set<String> usedIds, Notes notes) {
        String where = "key '" + String.join(PATH, append(parentNames, k.name)) + "'" + (k.line > 0 ? " (line " + k.line + ")" : "");
        Polarity own = k.polarity != null ? k.polarity : inherited;
        if (k.theme != null) {
            if (!usedIds.add(k.theme.id())) {
                notes.add(where + ": theme id '" + k.theme.id() + "' appears twice; the second is left out");
            } else {
                themes.add(k.theme);
            }
            for (Dictionary.Key c : k.children) {
                walk(origin, format, c, k.theme.id(), append(parentNames, k.name), own, polarities, themes, defaulted, usedIds, notes);
            }
            return;
        }
        if (k.polarity != null && k.values.isEmpty()) {
            // a polarity parent code written by Entente ("Drivers", "Obstacles"): not a theme, nor part of the ids
            for (Dictionary.Key c : k.children) {
                walk(origin, format, c, parentId, parentNames, own, polarities, themes, defaulted, usedIds, notes);
            }
            return;
        }
        String seg = slug(k.name, parentId.isEmpty() ? "key" : null);
        String id = parentId.isEmpty() ? seg : parentId + "." + seg;
        if (usedIds.contains(id)) {
            int n = 2;
            while (usedIds.contains(id + "-" + n)) {
                n++;
            }
            notes.add(where + ": its id '" + id + "' is taken by another key; it became '" + id + "-" + n + "'");
            id = id + "-" + n;
        }
        List<String> names = append(parentNames, k.name);
        if (!k.values.isEmpty()) {
            List<Codebook.Cue> cues = cues(where, k.values, notes);
            if (cues.isEmpty()) {
                notes.add(where + ": none of its " + k.values.size() + " values could become a cue; the key is not a theme");
            } else {
                Polarity p = polarities.polarity(id);
                if (p == null) {
                    p = own;
                }
                if (p == null) {
                    p = Polarity.DRIVER;
                    defaulted.add(id);
                }
                String definition = k.description != null && !k.description.isBlank() ? k.description.strip()
                        : "Imported from " + format + " key '" + String.join(PATH, names) + "' of " + baseName(origin) + ".";
                usedIds.add(id);
                themes.add(new Codebook.Theme(id, p, String.join(PATH, names), definition, cues, List.of(), null, k.color));
            }
        } else if (k.children.isEmpty()) {
            notes.add(where + ": has no values; not imported");
        }
        usedIds.add(id);
        for (Dictionary.Key c : k.children) {
            walk(origin, format, c, id, names, own, polarities, themes, defaulted, usedIds, notes);
        }
    }

    private static List<String> append(List<String> list, String s) {
        List<String> out = new ArrayList<>(list);
        out.add(s);
        return out;
    }

    private static List<Codebook.Cue> cues(String where, List<Dictionary.Value> values, Notes notes) {
        Map<String, Codebook.Cue> cues = new LinkedHashMap<>();
        for (Dictionary.Value v : values) {
            String at = where + " value '" + v.text() + "'" + (v.line() > 0 ? " (line " + v.line() + ")" : "");
            StringBuilder why = new StringBuilder();
            String pattern = pattern(v.text(), why);
            if (pattern == null) {
                notes.add(at + ": not imported: " + why);
                continue;
            }
            double w = 1.0;
            if (v.weight() != null) {
                w = v.weight();
                if (!(w > 0)) {
                    notes.add(at + ": weight " + fmt(v.weight()) + " is not above 0 (Entente weights are above 0 and at most 10); not imported");
                    continue;
                }
                if (w > 10) {
                    notes.add(at + ": weight " + fmt(v.weight()) + " lowered to 10, Entente's largest cue weight");
                    w = 10;
                }
            }
            Codebook.Cue prev = cues.get(pattern);
            if (prev != null) {
                notes.add(at + ": the same cue as an earlier value ('" + pattern + "'); merged" + (prev.weight() == w ? ""
                        : ", keeping the larger weight"));
                if (w > prev.weight()) {
                    cues.put(pattern, new Codebook.Cue(pattern, w, null));
                }
                continue;
            }
            cues.put(pattern, new Codebook.Cue(pattern, w, null));
        }
        return new ArrayList<>(cues.values());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * The cue pattern for a dictionary value, or null with the reason in {@code why}: lower-cased, words
     * split at whitespace and inside at punctuation, {@code *} kept at either end of a word.
     */
    static String pattern(String value, StringBuilder why) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            why.append("empty value");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String w : v.split("\\s+")) {
            boolean lead = w.startsWith("*");
            boolean trail = w.endsWith("*") && w.length() > 1;
            String core = w.substring(lead ? 1 : 0, trail ? w.length() - 1 : w.length());
            if (core.contains("*") || core.contains("?")) {
                why.append("the glob '").append(w).append("' has * or ? inside a word (Entente globs are * at a word's ends)");
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (String p : core.split("[^\\p{L}\\p{N}]+")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            if (parts.isEmpty()) {
                why.append("'").append(w).append("' has no letters or digits (a wildcard word is not a cue)");
                return null;
            }
            if (lead) {
                parts.set(0, "*" + parts.get(0));
            }
            if (trail) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "*");
            }
            out.addAll(parts);
        }
        String pattern = String.join(" ", out);
        String problem = CodebookLoader.patternProblem(pattern);
        if (problem != null) {
            why.append(problem);
            return null;
        }
        return pattern;
    }

    /**
     * Lower case, characters other than letters, digits, '-' and '_' as '_'; {@code prefix}-ed when it does
     * not start with a letter (ids start with one; a later segment may start with a digit: prefix null).
     */
    static String slug(String s, String prefix) {
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        if (prefix == null) {
            return t.isEmpty() ? "k" : t;
        }
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
            t = prefix + (t.isEmpty() ? "" : "-" + t);
        }
        return t;
    }

    static String baseName(String origin) {
        String n = origin.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    // ---- codebook to dictionary (for writers) ----

    /**
     * The original keys of a theme: its name's parts when it has one per id segment (an imported theme);
     * else its parent theme's keys and its last id segment; else its id's segments.
     */
    static List<String> keys(Codebook cb, Codebook.Theme t) {
        String[] seg = t.id().split("\\.");
        String[] parts = t.name().split(java.util.regex.Pattern.quote(PATH), -1);
        if (parts.length == seg.length) {
            return List.of(parts);
        }
        int dot = t.id().lastIndexOf('.');
        Codebook.Theme parent = dot < 0 ? null : cb.theme(t.id().substring(0, dot));
        if (parent != null) {
            return append(keys(cb, parent), seg[seg.length - 1]);
        }
        return List.of(seg);
    }

    /**
     * A theme's cues as dictionary values: alternatives {@code a|b} expanded into separate values, gaps
     * {@code ~N} (no dictionary format has them) left out with a note.
     */
    static List<String> values(Codebook.Theme t, Notes notes) {
        List<String> out = new ArrayList<>();
        for (Codebook.Cue c : t.cues()) {
            if (c.pattern().matches(".*(^|\\s)~\\d(\\s|$).*")) {
                notes.add("theme " + t.id() + " cue '" + c.pattern() + "': a gap (~N) has no equivalent; left out");
                continue;
            }
            List<String> expanded = new ArrayList<>(List.of(""));
            for (String word : c.pattern().split("\\s+")) {
                List<String> next = new ArrayList<>();
                for (String prefix : expanded) {
                    for (String alt : word.split("\\|")) {
                        next.add(prefix.isEmpty() ? alt : prefix + " " + alt);
                    }
                }
                expanded = next;
            }
            if (expanded.size() > MAX_EXPANSION) {
                notes.add("theme " + t.id() + " cue '" + c.pattern() + "': " + expanded.size() + " alternatives, more than "
                        + MAX_EXPANSION + "; left out");
                continue;
            }
            if (expanded.size() > 1) {
                notes.add("theme " + t.id() + " cue '" + c.pattern() + "': written as " + expanded.size() + " values");
            }
            for (String e : expanded) {
                if (!out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
