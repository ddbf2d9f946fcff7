package io.entente.entities;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.UResourceBundle;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds {@code models/gazetteers/countries.tsv} from three inputs: the Unicode CLDR English
 * display names of regions as ICU4J carries them (name, short and variant forms), the ISO 3166-1
 * names ({@code sources/iso-3166-1.tsv}), and the hand-kept {@code sources/supplement.tsv}
 * (abbreviations, demonyms, capitals, historical and table forms, decisions), plus the status and
 * sovereign of territories ({@code sources/territories.tsv}). Word-order and abbreviation variants
 * ("Korea, Republic of", "Congo, Dem. Rep.", "DPR Korea") are derived by rule. Every row records
 * its source. Run {@code CountryGazetteerGeneratorTest} with {@code -Dentente.regenerate=true} to
 * write the file; without it the test fails when the committed file is out of date.
 */
final class CountryGazetteerGenerator {
    static final String HEADER_COLUMNS = "code\tform\tkind\tneeds\tsource\tstatus\tsovereign";

    private static final int SUPPLEMENT = 0;
    private static final int CLDR = 1;
    private static final int ISO = 2;
    private static final int DERIVED = 3;
    private static final Set<String> NAME_KINDS = Set.of("name", "official", "alt", "historical");
    private static final Set<String> DIRECTIONS = Set.of("North", "South", "East", "West");
    private static final Pattern OF_FORM = Pattern.compile("(.+?) of (the )?(\\p{Lu}.*)");
    /** Last words of a state's style ("Republic of", "Kingdom of") that tables move behind the name. */
    private static final Set<String> STYLE_HEADS = Set.of("Republic", "Kingdom", "State", "Federation",
            "Principality", "Sultanate", "Duchy", "Commonwealth", "Emirate");
    private static final Map<String, List<String>> WORD_ABBREVIATIONS = Map.of(
            "Republic", List.of("Rep.", "Rep"),
            "Democratic", List.of("Dem.", "Dem"),
            "Islands", List.of("Is.", "Isl."),
            "Island", List.of("Is.", "Is."),
            "Federated", List.of("Fed.", "Fed"),
            "Saint", List.of("St.", "St"),
            "People's", List.of("People's", "Peoples"));

    private record Row(String code, String form, String kind, String needs, Set<String> sources, int priority) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<String> excluded = new HashSet<>();
    private final Set<String> ambiguous = new TreeSet<>();
    private final Map<String, String> nameOf = new HashMap<>();

    static String generate(Path modelsDir) throws IOException {
        return new CountryGazetteerGenerator().run(modelsDir.resolve("gazetteers"));
    }

    private String run(Path gaz) throws IOException {
        Resources.Loaded supplement = load(gaz.resolve("sources/supplement.tsv"));
        Resources.Loaded iso = load(gaz.resolve("sources/iso-3166-1.tsv"));
        Resources.Loaded territories = load(gaz.resolve("sources/territories.tsv"));

        for (Tsv.Row r : Tsv.parse(supplement, "code", "form", "kind", "needs")) {
            if (r.get(2).equals("exclude")) {
                excluded.add(r.get(0) + "\t" + r.get(1));
                continue;
            }
            add(r.get(0), r.get(1), r.get(2), r.get(3), "entente", SUPPLEMENT);
        }
        UResourceBundle region = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, "en");
        List<String[]> isoRows = new ArrayList<>();
        for (Tsv.Row r : Tsv.parse(iso, "alpha3", "alpha2", "numeric", "name", "official", "common")) {
            isoRows.add(new String[] {r.get(0), r.get(1), r.get(3), r.get(4), r.get(5)});
        }
        for (String[] r : isoRows) {
            String code = r[0];
            String cldrName = string(region, "Countries", r[1]);
            String cldrShort = string(region, "Countries%short", r[1]);
            String cldrVariant = string(region, "Countries%variant", r[1]);
            boolean named = nameOf.containsKey(code);
            String canonical = cldrShort != null && !cldrShort.equals(cldrShort.toUpperCase()) ? cldrShort : cldrName;
            if (!named) {
                add(code, canonical, "name", "-", "cldr", CLDR);
            }
            add(code, cldrName, "alt", "-", "cldr", CLDR);
            if (cldrShort != null) {
                add(code, cldrShort, cldrShort.matches("[A-Z.]+") ? "abbreviation" : "alt", "-", "cldr", CLDR);
            }
            if (cldrVariant != null) {
                add(code, cldrVariant, "alt", "-", "cldr", CLDR);
            }
        }
        for (String[] r : isoRows) {
            add(r[0], r[2], "alt", "-", "iso", ISO);
            if (!r[3].equals("-")) {
                add(r[0], r[3], "official", "-", "iso", ISO);
            }
            if (!r[4].equals("-")) {
                add(r[0], r[4], "alt", "-", "iso", ISO);
            }
        }
        derive();

        Map<String, String[]> status = new HashMap<>();
        for (Tsv.Row r : Tsv.parse(territories, "code", "status", "sovereign")) {
            status.put(r.get(0), new String[] {r.get(1), r.get(2)});
        }
        StringBuilder out = new StringBuilder();
        out.append("# GENERATED by CountryGazetteerGenerator (modules/entities tests) from ICU4J ")
                .append(com.ibm.icu.util.VersionInfo.ICU_VERSION).append(" (CLDR ").append(LocaleData.getCLDRVersion())
                .append(") English region names,\n# sources/iso-3166-1.tsv, sources/supplement.tsv and sources/territories.tsv;")
                .append(" edit those and regenerate:\n#   mvn -o -q -B -pl modules/entities -am verify -Dtest=CountryGazetteerGeneratorTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dentente.regenerate=true\n")
                .append("# Columns: code (ISO 3166-1 alpha-3; XKX Kosovo; SUN the former Soviet Union), form, kind, needs, source,")
                .append(" status, sovereign.\n")
                .append("#   kind      = name (one per code, the canonical name) | official | alt | historical | abbreviation | demonym | capital\n")
                .append("#   needs     = '-' or 'ner' (accept only where the NER tagger labels the span a location)\n")
                .append("#   source    = cldr (CLDR display name) | iso (ISO 3166-1 name) | entente (hand-kept supplement) |\n")
                .append("#               rule:<source> (derived by a word-order or abbreviation rule); several joined by '+'\n")
                .append("#   status    = state | territory | former;  sovereign = the territory's sovereign state, or '-'\n");
        if (!ambiguous.isEmpty()) {
            out.append("# Derived forms left out because two codes derive them: ").append(String.join("; ", ambiguous)).append('\n');
        }
        out.append(HEADER_COLUMNS).append('\n');
        Map<String, List<Row>> byCode = new LinkedHashMap<>();
        for (String[] r : isoRows) {
            byCode.put(r[0], new ArrayList<>());
        }
        for (Row r : rows.values()) {
            byCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> e : byCode.entrySet()) {
            String[] st = status.getOrDefault(e.getKey(), new String[] {"state", "-"});
            List<Row> list = e.getValue();
            list.sort(java.util.Comparator.comparingInt((Row r) -> kindOrder(r.kind())).thenComparingInt(Row::priority));
            for (Row r : list) {
                out.append(String.join("\t", r.code(), r.form(), r.kind(), r.needs(), String.join("+", r.sources()),
                        st[0], st[1])).append('\n');
            }
        }
        return out.toString();
    }

    private static int kindOrder(String kind) {
        return List.of("name", "official", "alt", "historical", "abbreviation", "demonym", "capital").indexOf(kind);
    }

    private static Resources.Loaded load(Path p) throws IOException {
        return new Resources.Loaded(p.toString(), Files.readAllBytes(p));
    }

    private static String string(UResourceBundle bundle, String table, String key) {
        try {
            return bundle.get(table).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private void add(String code, String form, String kind, String needs, String source, int priority) {
        form = form.strip().replaceAll("\\s+", " ").replace('\u2019', '\'');
        if (form.isEmpty() || excluded.contains(code + "\t" + form) || ambiguous.contains(form)) {
            return;
        }
        if (kind.equals("name")) {
            nameOf.putIfAbsent(code, form);
        }
        Row old = rows.get(form);
        if (old == null) {
            rows.put(form, new Row(code, form, kind, needs, new LinkedHashSet<>(List.of(source)), priority));
        } else if (old.code().equals(code)) {
            old.sources().add(source);
        } else if (priority < old.priority()) {
            rows.put(form, new Row(code, form, kind, needs, new LinkedHashSet<>(List.of(source)), priority));
        } else if (priority == old.priority() && priority == DERIVED) {
            rows.remove(form);
            ambiguous.add(form);
        } else if (priority == old.priority()) {
            throw new IllegalStateException("'" + form + "' is both " + old.code() + " and " + code
                    + " in the sources; decide in sources/supplement.tsv (a row for one, 'exclude' for the other)");
        }
    }

    /** Word-order and abbreviation variants of the name forms, in that order (so "Congo, Dem. Rep." arises). */
    private void derive() {
        List<Row> base = new ArrayList<>();
        for (Row r : rows.values()) {
            if (NAME_KINDS.contains(r.kind())) {
                base.add(r);
            }
        }
        List<Row> ordered = new ArrayList<>();
        for (Row r : base) {
            String src = "rule:" + r.sources().iterator().next();
            Set<String> forms = new LinkedHashSet<>();
            forms.add(r.form());
            String f = r.form();
            // "Myanmar (Burma)", "Cocos (Keeling) Islands": the name without its parenthesis.
            if (f.contains("(")) {
                forms.add(f.replaceAll("\\s*\\([^)]*\\)", "").strip());
            }
            // CLDR's "&" and "St.": also "and" and "Saint".
            if (f.contains(" & ")) {
                forms.add(f.replace(" & ", " and "));
            }
            // ISO's inverted "Korea, Republic of": also "Republic of Korea", "Korea (Republic of)", "Korea (the Republic of)".
            Matcher inv = Pattern.compile("([^,]+), ([^,]+)").matcher(f);
            // (Not the IMF's "China, P.R.: Hong Kong": its comma is no inversion.)
            if (inv.matches() && !inv.group(2).contains(" and ") && !inv.group(2).startsWith("Province") && !f.contains("(")
                    && !f.contains(":")) {
                String tail = inv.group(2).replaceFirst("^[Tt]he ", "");
                forms.add(tail + " " + inv.group(1));
                forms.add(inv.group(1) + " (" + tail + ")");
                if (tail.endsWith(" of") || tail.endsWith(" of the")) {
                    forms.add(inv.group(1) + " (the " + tail + ")");
                }
            }
            // "North Korea" -> "Korea, North" where "Korea" is itself a country form.
            String[] words = f.split(" ");
            if (words.length == 2 && DIRECTIONS.contains(words[0]) && rows.containsKey(words[1])) {
                forms.add(words[1] + ", " + words[0]);
            }
            // "Democratic Republic of the Congo" -> "Congo, Democratic Republic of the", "Congo, Democratic Republic",
            // and for a republic of two or more words "DR Congo", "D.R. Congo", "Congo DR", "Congo, DR", "DR of the Congo".
            Matcher of = OF_FORM.matcher(f);
            if (of.matches() && !f.contains(",") && !f.contains("(")) {
                String style = of.group(1);
                String the = of.group(2) == null ? "" : "the ";
                String state = of.group(3);
                String[] sw = style.split(" ");
                if (STYLE_HEADS.contains(sw[sw.length - 1]) && Character.isUpperCase(style.charAt(0))) {
                    forms.add(state + ", " + style + " of" + (the.isEmpty() ? "" : " the"));
                    forms.add(state + ", " + style);
                    if (sw[sw.length - 1].equals("Republic") && sw.length >= 2) {
                        StringBuilder a = new StringBuilder();
                        StringBuilder dotted = new StringBuilder();
                        for (String w : sw) {
                            a.append(w.charAt(0));
                            dotted.append(w.charAt(0)).append('.');
                        }
                        for (String acr : List.of(a.toString(), dotted.toString())) {
                            forms.add(acr + " " + state);
                            forms.add(acr + " of " + the + state);
                            forms.add(state + " " + acr);
                            forms.add(state + ", " + acr);
                        }
                    }
                }
            }
            // Dotted initials also without dots: "U.S. Virgin Islands" -> "US Virgin Islands".
            for (String g : List.copyOf(forms)) {
                if (g.contains(" ") && g.matches(".*\\b(\\p{Lu}\\.){2,}.*")) {
                    Matcher m = Pattern.compile("\\b((?:\\p{Lu}\\.){2,})").matcher(g);
                    StringBuffer sb = new StringBuffer();
                    while (m.find()) {
                        m.appendReplacement(sb, m.group(1).replace(".", ""));
                    }
                    m.appendTail(sb);
                    forms.add(sb.toString().replaceAll(" ,", ","));
                }
            }
            // Table abbreviations of style words, all at once, with and without periods:
            // "Congo, Dem. Rep.", "Dem Rep of the Congo", "Marshall Is.", "St. Lucia".
            for (String g : List.copyOf(forms)) {
                for (int style = 0; style < 2; style++) {
                    String[] ws = g.split(" ");
                    boolean changed = false;
                    for (int i = 0; i < ws.length; i++) {
                        String w = ws[i];
                        String trail = w.endsWith(",") ? "," : "";
                        String core = trail.isEmpty() ? w : w.substring(0, w.length() - 1);
                        List<String> abbr = WORD_ABBREVIATIONS.get(core);
                        if (abbr != null && ws.length >= 2) {
                            ws[i] = abbr.get(style) + trail;
                            changed |= !abbr.get(style).equals(core);
                        }
                    }
                    if (changed) {
                        forms.add(String.join(" ", ws));
                    }
                }
            }
            forms.remove(r.form());
            for (String g : forms) {
                ordered.add(new Row(r.code(), g, g.matches("(\\p{Lu}\\.?){2,}") ? "abbreviation" : r.kind(), "-",
                        Set.of(src), DERIVED));
            }
        }
        for (Row d : ordered) {
            if (!d.form().isEmpty() && GazToken.words(d.form()).size() > 0) {
                add(d.code(), d.form(), d.kind(), d.needs(), d.sources().iterator().next(), DERIVED);
            }
        }
    }

    /** Writes the generated text to {@code countries.tsv} (UTF-8, LF). */
    static void write(Path modelsDir, String text) throws IOException {
        Files.writeString(modelsDir.resolve("gazetteers/countries.tsv"), text, StandardCharsets.UTF_8);
    }
}
