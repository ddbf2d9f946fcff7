package io.entente.entities;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Titles, organization head words and organization aliases, loaded from {@code models/}. */
final class NameKnowledge {
    static final String TITLES = "models/entities/titles.tsv";
    static final String ORG_HEADS = "models/entities/org-heads.tsv";
    static final String ORGANIZATIONS = "models/gazetteers/organizations.tsv";
    static final String FUNCTION_WORDS = "models/entities/function-words.tsv";
    static final String NON_ENTITIES = "models/entities/non-entities.tsv";
    private static final java.util.List<String> NON_ENTITY_KINDS = java.util.List.of("document", "ship", "place", "group", "person-context", "time", "person-verb", "person-noun", "auxiliary", "common", "vessel", "place-prefix", "issued", "credit", "event-prefix", "event", "media");

    final Set<String> titles;
    final Set<String> functionWords;
    final Map<String, Boolean> orgHeads; // word -> takes "in" + place
    final Gazetteer<String> orgAliases; // form -> alias group
    final Set<String> documentWords; // "Agreement", "Initiative": the phrase is a text, not an organization
    final Set<String> shipPrefixes; // "USS": the name after it is a vessel
    final Set<String> placeNouns; // "prefecture": the name before it is a place
    final Set<String> groupNouns; // "the X group": X is an organization
    final Set<String> personVerbs; // "said": the lone name before it is a person
    final Set<String> personNouns; // "administration", "predecessor": after a lone name or its possessive, a person
    final Set<String> commonNames; // "Islam", "Muslim": proper nouns that alone name no organization or person
    final Set<String> vesselNouns; // "vessel": "an Indonesian navy vessel" names no body
    final Set<String> placePrefixes; // "Pulau", "Mount": the name they begin is a place
    final Set<String> issuedNouns; // "report": after a name with a head ("a Brookings Institution report") the name is the body
    final Set<String> creditWords; // "Editing": "Editing by X" credits a person
    final Set<String> eventPrefixes; // "Exercise", "Operation": the name after it is an exercise or operation
    final Set<String> mediaWords; // "Times", "Herald": a name ending in one is a newspaper, not a person
    final Set<String> eventNouns; // "exercise", "drill": after a head-less name, the name is that event
    final Set<String> auxiliaries; // "has", "didn't": may stand between a lone name and its verb
    final Set<String> timeWords; // "Friday": never the end of an organization name
    final Set<String> bodyNouns; // "think tank", "club": in apposition with a name, the name is an organization
    final Map<String, Boolean> commonHeads; // lower-case heads after a country form ("embassy", "coast guard")
    final Set<String> personContexts; // "the Abe government": X after "the" may still be a person
    final String sha256;

    private NameKnowledge(Set<String> titles, Set<String> functionWords, Map<String, Boolean> orgHeads, Map<String, Boolean> commonHeads, Set<String> bodyNouns,
                          Gazetteer<String> orgAliases, Map<String, Set<String>> words, String sha256) {
        Set<String> documentWords = words.get("document");
        Set<String> shipPrefixes = words.get("ship");
        this.placeNouns = Set.copyOf(words.get("place"));
        this.groupNouns = Set.copyOf(words.get("group"));
        this.personContexts = Set.copyOf(words.get("person-context"));
        this.timeWords = Set.copyOf(words.get("time"));
        this.personVerbs = Set.copyOf(words.get("person-verb"));
        this.personNouns = Set.copyOf(words.get("person-noun"));
        this.auxiliaries = Set.copyOf(words.get("auxiliary"));
        this.commonNames = Set.copyOf(words.get("common"));
        this.placePrefixes = Set.copyOf(words.get("place-prefix"));
        this.issuedNouns = Set.copyOf(words.get("issued"));
        this.creditWords = Set.copyOf(words.get("credit"));
        this.eventPrefixes = Set.copyOf(words.get("event-prefix"));
        this.eventNouns = Set.copyOf(words.get("event"));
        this.mediaWords = Set.copyOf(words.get("media"));
        this.vesselNouns = Set.copyOf(words.get("vessel"));
        this.documentWords = Set.copyOf(documentWords);
        this.shipPrefixes = Set.copyOf(shipPrefixes);
        this.titles = Set.copyOf(titles);
        this.functionWords = Set.copyOf(functionWords);
        this.orgHeads = Map.copyOf(orgHeads);
        this.commonHeads = Map.copyOf(commonHeads);
        this.bodyNouns = Set.copyOf(bodyNouns);
        this.orgAliases = orgAliases;
        this.sha256 = sha256;
    }

    static NameKnowledge load(Resources.Loaded titlesFile, Resources.Loaded functionWordsFile,
                              Resources.Loaded headsFile, Resources.Loaded orgsFile, Resources.Loaded nonEntitiesFile) {
        Set<String> titles = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(titlesFile, "title")) {
            titles.add(row.get(0));
        }
        Set<String> functionWords = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(functionWordsFile, "word")) {
            functionWords.add(row.get(0));
        }
        Map<String, Boolean> heads = new HashMap<>();
        Map<String, Boolean> commonHeads = new HashMap<>();
        Set<String> bodyNouns = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(headsFile, "word", "kind")) {
            if (row.get(1).equals("common")) {
                commonHeads.put(row.get(0), Boolean.TRUE);
                continue;
            }
            if (row.get(1).equals("apposition")) {
                bodyNouns.add(row.get(0));
                continue;
            }
            if (!row.get(1).equals("head") && !row.get(1).equals("post")) {
                throw new KnowledgeFileException(headsFile.origin(), row.line(), "kind must be 'head', 'post', 'common' or 'apposition', not '" + row.get(1) + "'");
            }
            heads.put(row.get(0), row.get(1).equals("post"));
        }
        Gazetteer.Builder<String> aliases = new Gazetteer.Builder<>();
        for (Tsv.Row row : Tsv.parse(orgsFile, "group", "form")) {
            String previous = aliases.add(row.get(1), row.get(0), false);
            if (previous != null && !previous.equals(row.get(0))) {
                throw new KnowledgeFileException(orgsFile.origin(), row.line(), "form '" + row.get(1)
                        + "' is in groups '" + previous + "' and '" + row.get(0) + "'");
            }
        }
        Map<String, Set<String>> words = new HashMap<>();
        for (String kind : NON_ENTITY_KINDS) {
            words.put(kind, new HashSet<>());
        }
        for (Tsv.Row row : Tsv.parse(nonEntitiesFile, "word", "kind")) {
            Set<String> set = words.get(row.get(1));
            if (set == null) {
                throw new KnowledgeFileException(nonEntitiesFile.origin(), row.line(),
                        "kind must be one of " + NON_ENTITY_KINDS + ", not '" + row.get(1) + "'");
            }
            set.add(row.get(0));
        }
        String hash = Resources.sha256(titlesFile.sha256() + functionWordsFile.sha256() + headsFile.sha256()
                + orgsFile.sha256() + nonEntitiesFile.sha256());
        return new NameKnowledge(titles, functionWords, heads, commonHeads, bodyNouns, aliases.build(), words, hash);
    }

    /**
     * Whether the first words of an apposition name a post: "the former defence minister", "executive
     * director of ...": an optional article, at most two more lower-case words, then a title.
     */
    boolean titleInApposition(java.util.List<String> words) {
        int k = 0;
        if (!words.isEmpty() && Set.of("the", "a", "an").contains(words.get(0))) {
            k++;
        }
        for (int n = 0; n < 3 && k < words.size(); n++, k++) {
            String w = words.get(k);
            if (!Character.isLowerCase(w.charAt(0))) {
                return false;
            }
            if (titles.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
