package io.entente.entities;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country names, abbreviations, demonyms and capitals keyed by ISO 3166-1 alpha-3, with the
 * region names that contain a country name but are not countries ("Korean Peninsula").
 */
final class CountryTable {
    static final String COUNTRIES = "models/gazetteers/countries.tsv";
    static final String REGIONS = "models/gazetteers/regions.tsv";
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<String> KINDS = Set.of("name", "official", "alt", "historical", "abbreviation",
            "demonym", "capital");

    /** What a gazetteer hit means: a country form, or a region that blocks one (code null). */
    record Form(String code, String kind, boolean needsNer) {
        boolean isRegion() {
            return code == null;
        }
    }

    private final Gazetteer<Form> gazetteer;
    private final Map<String, String> names;
    private final String sha256;

    private CountryTable(Gazetteer<Form> gazetteer, Map<String, String> names, String sha256) {
        this.gazetteer = gazetteer;
        this.names = Map.copyOf(names);
        this.sha256 = sha256;
    }

    static CountryTable load(Resources.Loaded countries, Resources.Loaded regions) {
        Gazetteer.Builder<Form> b = new Gazetteer.Builder<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> formToCode = new HashMap<>();
        for (Tsv.Row row : Tsv.parse(regions, "form", "kind")) {
            b.add(row.get(0), new Form(null, row.get(1), false), true);
        }
        for (Tsv.Row row : Tsv.parse(countries, "code", "form", "kind", "needs")) {
            String code = row.get(0);
            String form = row.get(1);
            String kind = row.get(2);
            if (!CODE.matcher(code).matches()) {
                throw new KnowledgeFileException(countries.origin(), row.line(), "code must be ISO alpha-3 (three capitals), not '" + code + "'");
            }
            if (!KINDS.contains(kind)) {
                throw new KnowledgeFileException(countries.origin(), row.line(), "kind must be one of " + KINDS + ", not '" + kind + "'");
            }
            if (!row.get(3).equals("-") && !row.get(3).equals("ner")) {
                throw new KnowledgeFileException(countries.origin(), row.line(), "needs must be '-' or 'ner', not '" + row.get(3) + "'");
            }
            String other = formToCode.putIfAbsent(form, code);
            if (other != null && !other.equals(code)) {
                throw new KnowledgeFileException(countries.origin(), row.line(), "form '" + form + "' maps to both " + other + " and " + code);
            }
            if (kind.equals("name")) {
                names.putIfAbsent(code, form);
            }
            // Regions were added first and win: "Korean Peninsula" is not KOR.
            b.add(form, new Form(code, kind, row.get(3).equals("ner")), !kind.equals("abbreviation"));
        }
        for (String code : formToCode.values()) {
            if (!names.containsKey(code)) {
                throw new KnowledgeFileException(countries.origin(), code, "has no row of kind 'name'");
            }
        }
        String hash = Resources.sha256(countries.sha256() + regions.sha256());
        return new CountryTable(b.build(), names, hash);
    }

    List<Gazetteer.Match<Form>> find(List<GazToken> tokens) {
        return gazetteer.find(tokens);
    }

    String name(String code) {
        return names.getOrDefault(code, code);
    }

    Set<String> codes() {
        return names.keySet();
    }

    String sha256() {
        return sha256;
    }
}
