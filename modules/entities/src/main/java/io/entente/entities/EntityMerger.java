package io.entente.entities;

import io.entente.core.Entity;
import io.entente.core.EntityType;
import io.entente.core.Mention;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges one document's mentions into entities: countries by code; people when one name's words
 * are contained in another's ("Chung" in "Dr. Chung", "Abe" in "Shinzo Abe"); organizations by
 * alias group, by an acronym the text defines or that matches their initials, and by containment.
 * The canonical name is the fullest form the document uses.
 */
final class EntityMerger {
    private static final Pattern ACRONYM_AFTER = Pattern.compile("\\G\\s*\\(([A-Z][A-Za-z&]*[A-Z]s?)\\)");
    private static final Pattern PREVIOUS_WORD = Pattern.compile("(\\S+)[\\s\\[(\"\u201c]*$");
    private static final Pattern NEXT_WORD = Pattern.compile("(?:['\u2019]s)?[\\s,\\])\"\u201d]*(\\p{L}+)");
    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "on", "in", "&", "s");

    private final CountryTable countries;
    private final NameKnowledge names;

    EntityMerger(CountryTable countries, NameKnowledge names) {
        this.countries = countries;
        this.names = names;
    }

    List<Entity> merge(String text, List<Candidate> candidates, int[] sentenceStarts) {
        candidates = speakingBodies(candidates);
        List<Entity> out = new ArrayList<>();
        out.addAll(countries(candidates));
        List<Entity> people = people(text, candidates);
        out.addAll(withoutPeopleNames(organizations(text, candidates, sentenceStarts), people));
        out.addAll(people);
        return out;
    }

    /**
     * "Dassault said": a lone word read as a person because it speaks is the organization whose
     * longer name starts or ends with it elsewhere in the document ("Dassault Aviation").
     */
    private static List<Candidate> speakingBodies(List<Candidate> candidates) {
        List<String> orgNames = new ArrayList<>();
        Set<String> groups = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c.type() == EntityType.ORGANIZATION && words(c.text()).size() >= 2) {
                orgNames.add(" " + normalize(c.text()) + " ");
            }
            if (c.type() == EntityType.ORGANIZATION && c.source().equals("context")) {
                groups.add(normalize(c.text()));
            }
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            String w = " " + normalize(c.text()) + " ";
            // "Abu Sayyaf militants" elsewhere: the name the tagger also calls a person is that group
            if (c.type() == EntityType.PERSON && groups.contains(normalize(c.text()))
                    || c.type() == EntityType.PERSON && c.source().equals("context")
                    && orgNames.stream().anyMatch(o -> o.startsWith(w) || o.endsWith(w))) {
                c = new Candidate(EntityType.ORGANIZATION, c.start(), c.end(), c.text(), c.sentence(), "context", null, null);
            }
            out.add(c);
        }
        return out;
    }

    private List<Entity> countries(List<Candidate> candidates) {
        Map<String, List<Mention>> byCode = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.type() == EntityType.COUNTRY) {
                byCode.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(mention(c));
            }
        }
        List<Entity> out = new ArrayList<>();
        byCode.forEach((code, ms) -> {
            CountryTable.Status st = countries.status(code);
            out.add(new Entity(EntityType.COUNTRY, countries.name(code), code, ms, st.status(), st.sovereign()));
        });
        return out;
    }

    // ---- people ----

    private List<Entity> people(String text, List<Candidate> candidates) {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.type() != EntityType.PERSON) {
                continue;
            }
            String key = String.join(" ", words(c.text()));
            Group g = byKey.computeIfAbsent(key, k -> {
                Group n = new Group(words(c.text()));
                groups.add(n);
                return n;
            });
            g.add(c);
        }
        // Longer names first, so that each shorter name joins the fullest one that contains it.
        groups.sort(Comparator.comparingInt((Group g) -> -g.words.size()).thenComparingInt(g -> g.first().start()));
        List<Group> merged = new ArrayList<>();
        for (Group g : groups) {
            Group target = null;
            for (Group m : merged) {
                if (m.words.containsAll(g.words)) {
                    if (target == null || precedesCloser(m, target, g)) {
                        target = m;
                    }
                }
            }
            if (target != null) {
                target.absorb(g);
            } else {
                merged.add(g);
            }
        }
        List<Entity> out = new ArrayList<>();
        for (Group g : merged) {
            // one word, also when hyphenated ("Shin-Okubo"): a space-less name
            if (g.members.stream().noneMatch(c -> c.text().strip().contains(" ")) && !namedAsPerson(text, g)) {
                continue; // "Brexit", "Tomodachi", "Nancy" (the city): a lone word with nothing that makes it a person
            }
            out.add(g.toEntity(EntityType.PERSON, null));
        }
        out.sort(Comparator.comparingInt(e -> e.mentions().get(0).start()));
        return out;
    }

    /**
     * Whether a one-word name is used as a person's somewhere: after a title ("President Sukarno",
     * "Mr. Moon"), after initials ("A. Kelly"), before a verb of speech or action, also after an
     * auxiliary ("Kristersson said", "Park didn't elaborate", "Mendez has accused"), before or after its
     * possessive a noun that only a person takes ("the Hoover administration", "Smith's predecessor"),
     * or in apposition with a title ("Novak, the former defence minister, ...").
     */
    private boolean namedAsPerson(String text, Group g) {
        for (Candidate c : g.members) {
            Matcher before = PREVIOUS_WORD.matcher(text.substring(Math.max(0, c.start() - 40), c.start()));
            if (before.find() && (names.titles.contains(before.group(1)) || before.group(1).matches("(\\p{Lu}\\.)+"))) {
                return true;
            }
            String rest = text.substring(c.end(), Math.min(text.length(), c.end() + 80));
            Matcher after = NEXT_WORD.matcher(rest);
            if (after.lookingAt() && names.personVerbs.contains(after.group(1))) {
                return true;
            }
            // "Erdogan, Zelensky and Putin spoke": the verb after a list of names is each name's
            String afterList = COORDINATED_NAMES.matcher(rest).replaceFirst("");
            Matcher listVerb = NEXT_WORD.matcher(afterList);
            // "... with Hess and CNOOC, said": a comma after the list closes a clause; the verb is another subject's
            if (afterList.length() < rest.length() && !afterList.matches("(?s)\\s*,.*") && listVerb.lookingAt()
                    && names.personVerbs.contains(listVerb.group(1))) {
                return true;
            }
            // "Putin, who arrived", "As Acharya (2014) argues": a relative "who" or an author's citation year
            if (RELATIVE_WHO.matcher(rest).lookingAt() || CITATION_YEAR.matcher(rest).lookingAt()) {
                return true;
            }
            if (personContextAfter(rest)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern RELATIVE_WHO = Pattern.compile(",?\\s+who(?:m|se)?\\b");
    private static final Pattern CITATION_YEAR = Pattern.compile("\\s*\\((?:1[89]|20)\\d\\d[a-z]?(?:[,:;][^)]{0,20})?\\)");

    /** Up to four more capitalized names joined by commas or "and" ("Zelensky and Putin"). */
    private static final Pattern COORDINATED_NAMES = Pattern.compile("^(?:\\s*(?:,\\s*(?:and\\s+)?|and\\s+)\\p{Lu}[\\p{L}'\u2019-]*){1,4}");

    /** The words of a clause, up to the first sentence or clause punctuation other than the first comma. */
    private static final Pattern CLAUSE_WORD = Pattern.compile("\\G[\\s\"\u201c\u201d]*([\\p{L}][\\p{L}'\u2019-]*)");

    private boolean personContextAfter(String rest) {
        boolean possessive = rest.startsWith("'s") || rest.startsWith("\u2019s");
        String r = possessive ? rest.substring(2) : rest;
        boolean comma = r.matches("(?s)\\s*,.*");
        if (comma) {
            r = r.substring(r.indexOf(',') + 1);
        }
        List<String> words = new ArrayList<>();
        Matcher m = CLAUSE_WORD.matcher(r);
        while (words.size() < 6 && m.find()) {
            words.add(m.group(1).replace('\u2019', '\'').replaceAll("'s$", "")); // "government's" is "government"
        }
        if (words.isEmpty()) {
            return false;
        }
        if (comma) {
            return names.titleInApposition(words);
        }
        if (possessive) {
            return names.personNouns.contains(words.get(0)) || words.size() > 1 && Character.isLowerCase(words.get(0).charAt(0))
                    && names.personNouns.contains(words.get(1));
        }
        if (names.personNouns.contains(words.get(0))) {
            return true;
        }
        int k = 0;
        while (k < words.size() - 1 && k < 3 && names.auxiliaries.contains(words.get(k))) {
            k++;
        }
        return k > 0 && names.personVerbs.contains(words.get(k));
    }

    /** Of two candidate full names for a short one, prefer the one mentioned last before it. */
    private static boolean precedesCloser(Group candidate, Group current, Group shortName) {
        int at = shortName.first().start();
        int a = candidate.lastStartBefore(at);
        int b = current.lastStartBefore(at);
        return a > b;
    }

    // ---- organizations ----

    private boolean startsWithCountry(String name) {
        List<GazToken> toks = GazToken.tokenize(name, 0, name.length());
        for (Gazetteer.Match<CountryTable.Form> m : countries.find(toks)) {
            return m.start() == 0 && !m.value().isRegion();
        }
        return false;
    }

    /** An "organization" whose words all belong to a person of the document ("Trump", "Prabowo") is that person. */
    private List<Entity> withoutPeopleNames(List<Entity> orgs, List<Entity> people) {
        List<Entity> out = new ArrayList<>();
        for (Entity o : orgs) {
            List<String> w = words(o.canonical());
            boolean person = !o.canonical().matches(".*\\b[A-Z]{2,}\\b.*") && !w.isEmpty() && !namesABody(String.join(" ", w))
                    && names.orgAliases.find(GazToken.tokenize(o.canonical(), 0, o.canonical().length())).isEmpty();
            if (person) {
                person = false;
                for (Entity p : people) {
                    if (words(p.canonical()).containsAll(w)) {
                        person = true;
                        break;
                    }
                }
            }
            if (!person) {
                out.add(o);
            }
        }
        return out;
    }

    private List<Entity> organizations(String text, List<Candidate> candidates, int[] sentenceStarts) {
        List<Candidate> orgs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.type() == EntityType.ORGANIZATION) {
                orgs.add(c);
            }
        }
        // Acronyms the text defines for lower-case words are common nouns: "criminal organizations (TCOs)".
        Set<String> commonAcronyms = commonAcronyms(text);
        orgs.removeIf(c -> commonAcronyms.contains(c.text().replaceAll("s$", "")));
        // Acronyms the text defines for an agreement or text are no organization, nor are names they begin
        // without a head word: "the Enhanced Defense Cooperation Agreement (EDCA)", later "EDCA", "EDCA Sites".
        Set<String> documentAcronyms = documentAcronyms(text);
        if (!documentAcronyms.isEmpty()) {
            orgs.removeIf(c -> {
                String[] w = c.text().strip().split("\\s+");
                return documentAcronyms.contains(w[0].replaceAll("['\u2019]s$", ""))
                        && java.util.Arrays.stream(w).noneMatch(names.orgHeads::containsKey);
            });
        }
        // Acronyms the text defines: "Self-Defense Forces (SDF)".
        Map<String, String> acronymOf = new HashMap<>();
        for (Candidate c : List.copyOf(orgs)) {
            Matcher m = ACRONYM_AFTER.matcher(text);
            m.region(c.end(), text.length());
            if (m.lookingAt() && !m.group(1).equals(c.text())) {
                acronymOf.put(m.group(1), orgKey(c.text()));
            }
        }
        // Every other use of a defined acronym is a mention too.
        for (Map.Entry<String, String> e : acronymOf.entrySet()) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(e.getKey()) + "\\b").matcher(text);
            while (m.find()) {
                int s = m.start();
                int end = m.end();
                if (orgs.stream().noneMatch(o -> o.start() < end && s < o.end())) {
                    orgs.add(new Candidate(EntityType.ORGANIZATION, s, end, e.getKey(), sentenceOf(sentenceStarts, s),
                            "acronym", null, null));
                }
            }
        }
        orgs.sort(Comparator.comparingInt(Candidate::start));

        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Candidate c : orgs) {
            String key = orgKey(c.text());
            key = acronymOf.getOrDefault(c.text(), key);
            byKey.computeIfAbsent(key, k -> new Group(words(c.text()))).add(c);
        }
        // Acronyms matching the initials of another organization ("SDF" for "Self-Defense Forces").
        Map<String, Group> byInitials = new HashMap<>();
        for (Group g : byKey.values()) {
            String init = initials(g.longestText());
            if (init.length() >= 2) {
                byInitials.putIfAbsent(init, g);
            }
        }
        List<Group> groups = new ArrayList<>(byKey.values());
        List<Group> kept = new ArrayList<>();
        for (Group g : groups) {
            String only = g.longestText();
            Group target = only.matches("[A-Z]{2,}s?") ? byInitials.get(only.replaceAll("s$", "")) : null;
            if (target == null && only.matches("[A-Z]{3,}")) {
                // "MSDF" for "Japan Maritime Self-Defense Force": the initials after a leading country word
                for (Map.Entry<String, Group> e : byInitials.entrySet()) {
                    if (e.getKey().length() == only.length() + 1 && e.getKey().endsWith(only) && e.getValue() != g
                            && startsWithCountry(e.getValue().longestText())) {
                        target = target == null ? e.getValue() : target;
                    }
                }
            }
            if (target != null && target != g) {
                target.absorb(g);
            } else {
                kept.add(g);
            }
        }
        // A multi-word name, or a one-word name that is neither an acronym nor a head word ("Frontale", "Dassault"),
        // inside exactly one longer name is that organization ("Self-Defense Forces" in "Japan Self-Defense Forces"), unless the longer one names another body: the name follows its "of"
        // ("European Union" in "Council of the European Union") or is followed by a head word ("African Union"
        // in "African Union Mission in Somalia").
        kept.sort(Comparator.comparingInt((Group g) -> -g.longestText().length()));
        List<Group> merged = new ArrayList<>();
        for (Group g : kept) {
            String n = " " + normalize(g.longestText()) + " ";
            Group container = null;
            int hits = 0;
            // one word only when it is a name, not an acronym or a head word: "Frontale" in "Kawasaki Frontale"
            String only = g.longestText();
            boolean nameWord = only.matches("\\p{Lu}\\p{Ll}{2,}") && !names.orgHeads.containsKey(only);
            if (words(only).size() >= 2 || nameWord) {
                for (Group m : merged) {
                    String longer = " " + normalize(m.longestText()) + " ";
                    if ((longer.endsWith(n) && !longer.endsWith(" of" + n) && !longer.endsWith(" of the" + n)) || (longer.startsWith(n) && !namesABody(longer.substring(n.length())))) {
                        container = m;
                        hits++;
                    }
                }
            } else if (only.matches("\\p{Lu}\\p{Ll}{2,}") && names.orgHeads.containsKey(only)) {
                // a head word alone ("the Navy's plan") is the one longer name that ends with it ("U.S. Navy")
                for (Group m : merged) {
                    String longer = " " + normalize(m.longestText()) + " ";
                    if (longer.endsWith(n)) {
                        container = m;
                        hits++;
                    }
                }
            } else if (only.matches("\\p{Lu}[\\p{L}&]*\\p{Lu}\\p{Ll}?")) {
                // an acronym after one word that says whose it is: "MND" in "ROK MND", "MoD" in "Japan's MoD"
                for (Group m : merged) {
                    String longer = " " + normalize(m.longestText()) + " ";
                    if (longer.endsWith(n) && words(m.longestText()).size() == 2) {
                        container = m;
                        hits++;
                    }
                }
            }
            if (hits == 1) {
                container.absorb(g);
            } else {
                merged.add(g);
            }
        }
        List<Entity> out = new ArrayList<>();
        for (Group g : merged) {
            out.add(g.toEntity(EntityType.ORGANIZATION, null));
        }
        out.sort(Comparator.comparingInt(e -> e.mentions().get(0).start()));
        return out;
    }

    private static final Pattern LOWER_CASE_EXPANSION = Pattern.compile("((?:\\p{Ll}[\\p{Ll}-]*\\s+){1,8})\\(([A-Z]{2,})s?\\)");

    private static final Pattern CAPITALIZED_EXPANSION = Pattern.compile(
            "((?:\\p{Lu}[\\p{L}-]*\\s+(?:(?:of|on|for|the|and)\\s+)*){1,8})\\(([A-Z]{2,})s?\\)");

    /** Acronyms the text defines for a name that ends in a document word ("Visiting Forces Agreement (VFA)"). */
    private Set<String> documentAcronyms(String text) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = CAPITALIZED_EXPANSION.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).strip().split("\\s+");
            if (!names.documentWords.contains(words[words.length - 1])) {
                continue;
            }
            if (initials(m.group(1)).endsWith(m.group(2))) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** Acronyms the text defines for lower-case words ("transnational criminal organizations (TCOs)"). */
    private static Set<String> commonAcronyms(String text) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = LOWER_CASE_EXPANSION.matcher(text);
        while (m.find()) {
            String acr = m.group(2);
            List<String> initials = new ArrayList<>();
            for (String w : m.group(1).strip().split("[\\s-]+")) {
                if (!SMALL_WORDS.contains(w)) {
                    initials.add(w.substring(0, 1).toUpperCase(Locale.ROOT));
                }
            }
            String tail = String.join("", initials);
            if (tail.endsWith(acr)) {
                out.add(acr);
            }
        }
        return out;
    }

    /** Whether normalized words hold an organization head word ("mission", "council"). */
    private boolean namesABody(String normalizedWords) {
        for (String w : normalizedWords.strip().split(" ")) {
            if (!w.isEmpty() && names.orgHeads.containsKey(Character.toUpperCase(w.charAt(0)) + w.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private String orgKey(String surface) {
        List<Gazetteer.Match<String>> m = names.orgAliases.find(GazToken.tokenize(surface, 0, surface.length()));
        if (m.size() == 1 && m.get(0).start() == 0 && m.get(0).end() == surface.length()) {
            return "alias:" + m.get(0).value();
        }
        return normalize(surface);
    }

    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[\\s\\-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("&", " and ");
        n = n.replaceAll("[^\\p{L}\\p{N}']+", " ").replaceAll("'s\\b", "").replace("'", "").strip();
        return n.replaceAll("^the ", "");
    }

    private static List<String> words(String s) {
        String n = normalize(s);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    private static int sentenceOf(int[] starts, int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        int ans = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans;
    }

    private static Mention mention(Candidate c) {
        return new Mention(c.start(), c.end(), c.text(), c.sentence(), c.source(), c.form());
    }

    /** Mentions that refer to one entity, while merging. */
    private static final class Group {
        final List<String> words;
        final List<Candidate> members = new ArrayList<>();

        Group(List<String> words) {
            this.words = words;
        }

        void add(Candidate c) {
            members.add(c);
        }

        void absorb(Group other) {
            members.addAll(other.members);
        }

        Candidate first() {
            return members.stream().min(Comparator.comparingInt(Candidate::start)).orElseThrow();
        }

        int lastStartBefore(int offset) {
            int best = -1;
            for (Candidate c : members) {
                if (c.start() < offset) {
                    best = Math.max(best, c.start());
                }
            }
            return best;
        }

        /** The fullest form: most characters, first used on a tie. */
        String longestText() {
            Candidate best = null;
            for (Candidate c : members) {
                if (best == null || c.text().length() > best.text().length()
                        || (c.text().length() == best.text().length() && c.start() < best.start())) {
                    best = c;
                }
            }
            return best.text();
        }

        Entity toEntity(EntityType type, String code) {
            List<Mention> ms = new ArrayList<>();
            members.stream().sorted(Comparator.comparingInt(Candidate::start)).forEach(c -> ms.add(mention(c)));
            return new Entity(type, longestText().replaceAll("\\s+", " "), code, ms);
        }
    }
}
