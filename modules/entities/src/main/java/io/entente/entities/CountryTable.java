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

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9:-]+(\\+[a-z0-9:-]+)*");
    private static final Set<String> STATUSES = Set.of("state", "territory", "former");
    private static final String[] COLUMNS = {"code", "form", "kind", "needs", "source", "status", "sovereign"};
    private static final String[] OLD_COLUMNS = {"code", "form", "kind", "needs"};

    /** What a gazetteer hit means: a country form, or a region that blocks one (code null). */
    record Form(String code, String kind, boolean needsNer) {
        boolean isRegion() {
            return code == null;
        }
    }

    /** Whether a code is a state, a territory (with its sovereign, or null) or a former state. */
    record Status(String status, String sovereign) {
        static final Status STATE = new Status("state", null);

        boolean isTerritory() {
            return status.equals("territory");
        }
    }

    private final Gazetteer<Form> gazetteer;
    private final Map<String, String> names;
    private final Map<String, Status> statuses;
    private final String sha256;

    private CountryTable(Gazetteer<Form> gazetteer, Map<String, String> names, Map<String, Status> statuses, String sha256) {
        this.gazetteer = gazetteer;
        this.names = Map.copyOf(names);
        this.statuses = Map.copyOf(statuses);
        this.sha256 = sha256;
    }

    /** The generated 7-column file, or a user's file in the first version's 4 columns (every code a state). */
    private static List<Tsv.Row> rows(Resources.Loaded countries) {
        try {
            return Tsv.parse(countries, COLUMNS);
        } catch (KnowledgeFileException e) {
            try {
                return Tsv.parse(countries, OLD_COLUMNS);
            } catch (KnowledgeFileException old) {
                throw e;
            }
        }
    }

    static CountryTable load(Resources.Loaded countries, Resources.Loaded regions) {
        Gazetteer.Builder<Form> b = new Gazetteer.Builder<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> formToCode = new HashMap<>();
        Map<String, Status> statuses = new LinkedHashMap<>();
        Map<String, Integer> statusLine = new HashMap<>();
        for (Tsv.Row row : Tsv.parse(regions, "form", "kind")) {
            b.add(row.get(0), new Form(null, row.get(1), false), true);
        }
        for (Tsv.Row row : rows(countries)) {
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
            if (row.cells().size() == COLUMNS.length) {
                if (!SOURCE.matcher(row.get(4)).matches()) {
                    throw new KnowledgeFileException(countries.origin(), row.line(), "source must be names like 'cldr', 'iso+entente' or 'rule:iso', not '" + row.get(4) + "'");
                }
                if (!STATUSES.contains(row.get(5))) {
                    throw new KnowledgeFileException(countries.origin(), row.line(), "status must be one of " + STATUSES + ", not '" + row.get(5) + "'");
                }
                String sovereign = row.get(6);
                if (!sovereign.equals("-") && (!CODE.matcher(sovereign).matches() || !row.get(5).equals("territory"))) {
                    throw new KnowledgeFileException(countries.origin(), row.line(), "sovereign must be '-' or, for a territory, an ISO alpha-3 code, not '" + sovereign + "'");
                }
                Status st = new Status(row.get(5), sovereign.equals("-") ? null : sovereign);
                Status before = statuses.putIfAbsent(code, st);
                statusLine.putIfAbsent(code, row.line());
                if (before != null && !before.equals(st)) {
                    throw new KnowledgeFileException(countries.origin(), row.line(), code + " has status " + st.status() + "/" + sovereign
                            + " here but " + before.status() + "/" + (before.sovereign() == null ? "-" : before.sovereign()) + " on line " + statusLine.get(code));
                }
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
        for (Map.Entry<String, Status> e : statuses.entrySet()) {
            String sov = e.getValue().sovereign();
            if (sov != null && (!names.containsKey(sov) || statuses.getOrDefault(sov, Status.STATE).isTerritory())) {
                throw new KnowledgeFileException(countries.origin(), statusLine.get(e.getKey()), e.getKey()
                        + " names sovereign " + sov + ", which is not a state of the table");
            }
        }
        String hash = Resources.sha256(countries.sha256() + regions.sha256());
        return new CountryTable(b.build(), names, statuses, hash);
    }

    List<Gazetteer.Match<Form>> find(List<GazToken> tokens) {
        return gazetteer.find(tokens, CountryTable::invertedFormYields);
    }

    /**
     * A table form with a comma ("Korea, North", "China, Republic of") gives way when the words after
     * its comma begin a longer name: "Korea, North Korea" is two countries, "China, Republic of Korea" too.
     */
    private static boolean invertedFormYields(List<GazToken> tokens, int start, int end, Gazetteer<Form> g) {
        for (int k = start + 1; k < end; k++) {
            if (tokens.get(k).text().equals(",")) {
                return g.longestEndAt(tokens, k + 1) > end;
            }
        }
        return false;
    }

    Status status(String code) {
        return statuses.getOrDefault(code, Status.STATE);
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
