package io.entente.entities;

import io.entente.core.EntityType;
import io.entente.core.Sentence;
import io.entente.core.Span;
import io.entente.core.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the mentions of one sentence: countries from the gazetteer, people from the CRF tagger,
 * organizations from the tagger, the alias table and head-word patterns ("Korea Military Academy").
 * Stateless; the knowledge it reads is immutable.
 */
final class MentionFinder {
    private static final Set<String> ORG_CONNECTORS_RIGHT = Set.of("of", "for", "on", "&");
    private static final Set<String> POSSESSIVE = Set.of("'s", "\u2019s");
    // Compiled once: these run for every candidate span of every document.
    private static final Pattern COMMA = Pattern.compile("\\s*,");
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\s*(\\p{L}[\\p{L}-]*)");
    private static final Pattern NEXT_LOWER_CASE_WORD = Pattern.compile("\\s+(\\p{Ll}+)");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}-]*");
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\p{Ll}{3,}");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NEXT_WORD_AFTER_COMMA = Pattern.compile("[\\s,]*(\\p{L}+)");
    private static final Set<String> ACRONYM_GLUE = Set.of("of", "for", "and", "the", "on", "&", "in");

    private final CountryTable countries;
    private final NameKnowledge names;

    MentionFinder(CountryTable countries, NameKnowledge names) {
        this.countries = countries;
        this.names = names;
    }

    private record TagSpan(String tag, int start, int end, int firstToken, int lastToken) {
    }

    List<Candidate> find(String text, Sentence sentence, String[] tags) {
        return find(text, sentence, tags, Set.of());
    }

    /**
     * The words of every span the tagger calls a location in a document ("preah vihear"), normalized: a
     * name read as a place in one sentence is not a person in another.
     */
    static Set<String> locationNames(String text, List<Sentence> sentences, List<String[]> tags) {
        Set<String> out = new java.util.HashSet<>();
        for (Sentence s : sentences) {
            if (s.tokens().isEmpty()) {
                continue;
            }
            for (TagSpan span : tagSpans(s.tokens(), tags.get(s.index()))) {
                if (span.tag().equals("LOCATION") && span.lastToken() > span.firstToken()) {
                    out.add(EntityMerger.normalize(text.substring(span.start(), span.end())));
                }
            }
        }
        return out;
    }

    /**
     * The last words of the multi-word names the tagger calls people in a document ("Jordan" of "Michael Jordan"):
     * an ambiguous country form that is one of them is that person's name, unless a title follows its possessive.
     */
    static Set<String> personSurnames(List<Sentence> sentences, List<String[]> tags) {
        Set<String> out = new java.util.HashSet<>();
        for (Sentence s : sentences) {
            if (s.tokens().isEmpty()) {
                continue;
            }
            for (TagSpan span : tagSpans(s.tokens(), tags.get(s.index()))) {
                if (span.tag().equals("PERSON") && span.lastToken() > span.firstToken()) {
                    out.add(withoutPossessive(s.tokens().get(span.lastToken())));
                }
            }
        }
        return out;
    }

    List<Candidate> find(String text, Sentence sentence, String[] tags, Set<String> documentLocations) {
        return find(text, sentence, tags, documentLocations, Set.of());
    }

    List<Candidate> find(String text, Sentence sentence, String[] tags, Set<String> documentLocations, Set<String> surnames) {
        List<Token> tokens = sentence.tokens();
        List<TagSpan> nerSpans = joinMiddleInitials(tokens, tagSpans(tokens, tags));
        List<GazToken> gaz = GazToken.tokenize(text, sentence.start(), sentence.end());
        List<Candidate> out = new ArrayList<>();

        List<Span> countrySpans = new ArrayList<>();
        List<Span> nonEntities = new ArrayList<>();
        for (Gazetteer.Match<CountryTable.Form> m : countries.find(gaz)) {
            CountryTable.Form form = m.value();
            if (form.isRegion()) {
                nonEntities.add(new Span(m.start(), m.end()));
                continue;
            }
            if (form.needsNer() && !ownsAPost(text, m.end())
                    && (!overlapsTag(nerSpans, m.start(), m.end(), "LOCATION") || surnames.contains(text.substring(m.start(), m.end())))) {
                continue; // "Michael Jordan ... Jordan's team": the person's name, whatever the tagger says of the possessive
            }
            countrySpans.add(new Span(m.start(), m.end()));
            out.add(new Candidate(EntityType.COUNTRY, m.start(), m.end(), text.substring(m.start(), m.end()),
                    sentence.index(), "gazetteer", form.code(), mentionForm(form)));
        }

        List<Span> orgs = new ArrayList<>();
        List<Span> known = new ArrayList<>();
        for (Gazetteer.Match<String> m : names.orgAliases.find(gaz)) {
            orgs.add(new Span(m.start(), m.end()));
            known.add(new Span(m.start(), m.end()));
        }
        for (TagSpan s : nerSpans) {
            if (s.tag().equals("ORGANIZATION")) {
                orgs.add(new Span(s.start(), s.end()));
            }
        }
        orgs.addAll(headWordOrganizations(tokens, tags));
        orgs.addAll(partyNames(tokens));
        List<Span> appositive = appositiveBodies(tokens, tags);
        orgs.addAll(appositive);
        List<Span> expanded = expandedAcronyms(tokens);
        for (Span a : expanded) {
            if (!isCoveredBy(nonEntities, a) && !coveredByUnion(nonEntities, text, acronymAfter(tokens, a))) {
                orgs.add(a);
            }
        }
        List<Span> adjectival = new ArrayList<>();
        for (Candidate c : out) {
            boolean possessive = text.startsWith("'s", c.end()) || text.startsWith("\u2019s", c.end());
            if (c.type() == EntityType.COUNTRY && ("demonym".equals(c.form()) || possessive)) {
                adjectival.add(new Span(c.start(), c.end()));
            }
        }
        List<Span> descriptive = descriptiveOrganizations(tokens, adjectival);
        boolean headline = isHeadlineCase(tokens);
        for (Span org : splitAtOwner(text, tokens, splitAtInnerThe(tokens, splitAtAnd(tokens, splitAtLowerCase(tokens, union(orgs)))))) {
            Span trimmed = trimOrganization(text, tokens, org);
            if (trimmed == null || isCoveredBy(countrySpans, trimmed) || coveredByUnion(nonEntities, text, trimmed)
                    || !hasCapital(text, trimmed)
                    || mostlyCountries(tokens, countrySpans, trimmed)
                    || mostlyCountries(tokens, nonEntities, trimmed)
                    || !appositive.contains(trimmed) && !(known.contains(trimmed) && holdsADocumentWord(trimmed.of(text))) && namesADocument(tokens, trimmed)
                    || namesAPost(tokens, trimmed)
                    || onlyTitles(tokens, trimmed)
                    || !appositive.contains(trimmed) && holdsATitleOrInitial(tokens, trimmed)
                    || continuesAWord(text, trimmed)
                    || !Character.isUpperCase(text.charAt(trimmed.start())) && !Character.isDigit(text.charAt(trimmed.start()))
                    || partOfATitle(tokens, trimmed)
                    || !appositive.contains(trimmed) && isCommonWord(text, trimmed)
                    || onlyCommonNames(text, trimmed)
                    || !hasHead(tokens, trimmed.start(), trimmed.end()) && namesAModel(text, tokens, trimmed)
                    || namesAnEvent(text, tokens, trimmed) || namesAVessel(tokens, trimmed)
                    || headline && !hasHead(tokens, trimmed.start(), trimmed.end()) && !isKnownOrAcronym(trimmed.of(text))
                    && !isCredited(text, tokens, trimmed)
                    && expanded.stream().noneMatch(e -> e.contains(trimmed))) {
                continue;
            }
            boolean media = names.mediaWords.contains(withoutPossessive(tokens.get(tokenRange(tokens, trimmed)[1])));
            if (!media && (isLoneNameBeforeAPersonVerb(text, trimmed) || isNameBeforeAPost(text, tokens, trimmed) || isCredited(text, tokens, trimmed))) {
                // "Bae told AFP": a lone word the tagger calls an organization speaks like a person
                out.add(new Candidate(EntityType.PERSON, trimmed.start(), trimmed.end(), trimmed.of(text),
                        sentence.index(), "context", null, null));
                continue;
            }
            out.add(new Candidate(EntityType.ORGANIZATION, trimmed.start(), trimmed.end(), trimmed.of(text),
                    sentence.index(), "org", null, null));
        }

        for (Span d : descriptive) {
            if (modifiesAPersonOrVessel(text, d)) {
                continue; // "an Indonesian navy vessel", "Indian foreign ministry spokesman": the body is not named
            }
            if (!overlapsAny(out, d, EntityType.ORGANIZATION)) {
                out.add(new Candidate(EntityType.ORGANIZATION, d.start(), d.end(), d.of(text), sentence.index(),
                        "descriptive", null, null));
            }
        }

        // A form of organizations.tsv is that organization also where the rules above lose it for its spelling:
        // a lower-case particle first ("al-Shabaab"), a possessive glued to its last word ("Al-Qaeda's"), or
        // hyphenated pieces the tokenizer cut ("Lashkar-e-Taiba"), unless it stands inside a longer name.
        for (Span k : known) {
            boolean spelled = Character.isLowerCase(text.charAt(k.start())) || k.of(text).contains("-")
                    || tokens.stream().anyMatch(t -> t.start() < k.end() && k.end() < t.end());
            boolean inLonger = orgs.stream().anyMatch(o -> o.start() <= k.start() && k.end() <= o.end() && o.end() - o.start() > k.end() - k.start());
            if (spelled && !inLonger && !overlapsAny(out, k, EntityType.ORGANIZATION) && !isCoveredBy(countrySpans, k)
                    && !coveredByUnion(nonEntities, text, k)) {
                out.add(new Candidate(EntityType.ORGANIZATION, k.start(), k.end(), k.of(text), sentence.index(), "org", null, null));
            }
        }

        for (TagSpan tagged : nerSpans) {
            if (!tagged.tag().equals("PERSON")) {
                continue;
            }
            Reading other = notAPerson(tokens, tagged);
            if (other == Reading.ORGANIZATION && !overlapsAny(out, new Span(tagged.start(), tagged.end()), EntityType.ORGANIZATION)) {
                out.add(new Candidate(EntityType.ORGANIZATION, tagged.start(), tagged.end(),
                        text.substring(tagged.start(), tagged.end()), sentence.index(), "context", null, null));
            }
            if (other != null) {
                continue;
            }
            TagSpan s = widenPerson(tokens, tagged);
            Span person = withoutPostPlace(tokens, trimPerson(text, tokens, s), countrySpans, nonEntities);
            if (person == null || documentLocations.contains(EntityMerger.normalize(person.of(text)))
                    || isVesselOrWordPart(tokens, s) || onlyCommonNames(text, person) || namesAModel(text, tokens, person) || isCoveredBy(countrySpans, person) || isCoveredBy(nonEntities, person) || overlapsAny(out, person, EntityType.ORGANIZATION)) {
                continue;
            }
            out.add(new Candidate(EntityType.PERSON, person.start(), person.end(), person.of(text),
                    sentence.index(), "ner", null, null));
        }
        // A country named inside an organization's name ("Korea Institute for Defense Analyses") is part of
        // that name, not a mention of the country (codebook: optional, never required, for the country).
        // A descriptive name ("the Japanese embassy") keeps its country: the demonym stands for the state.
        List<Candidate> orgCandidates = out.stream()
                .filter(c -> c.type() == EntityType.ORGANIZATION && !c.source().equals("descriptive")).toList();
        // A country's possessive that begins the name ("Iran's Islamic Revolutionary Guard Corps") is the owner,
        // not part of the name: the country keeps its mention.
        out.removeIf(c -> c.type() == EntityType.COUNTRY && orgCandidates.stream()
                .anyMatch(o -> o.start() <= c.start() && c.end() <= o.end() && o.end() - o.start() > c.end() - c.start()
                        && !(o.start() == c.start() && POSSESSIVE.stream().anyMatch(p -> text.startsWith(p, c.end())))));
        out.sort(Comparator.comparingInt(Candidate::start));
        return out;
    }

    /** Whether token {@code i + 1} follows token {@code i} without a space (and is {@code text}, if given). */
    private static boolean glued(List<Token> tokens, int i, String text) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).start() != tokens.get(i).end()) {
            return false;
        }
        return text == null || tokens.get(i + 1).text().equals(text);
    }

    /** What a span the tagger calls a person is read as instead. */
    private enum Reading { NONE, ORGANIZATION }

    /**
     * Where the tagger's person span leaves out what belongs to the name: initials before it ("S.M.
     * Krishna") and a hyphenated given name after it ("Yoon Suk-yeol").
     */
    private static TagSpan widenPerson(List<Token> tokens, TagSpan s) {
        int first = s.firstToken();
        int last = s.lastToken();
        while (first > 0 && tokens.get(first - 1).text().matches("(\\p{Lu}\\.)+")) {
            first--;
        }
        // "Pieter van" + "der Meer", "Faisal bin" + "Farhan": particles the tagger left out, up to the capitalized word after them
        int p = last + 1;
        while (p < tokens.size() && NAME_PARTICLES.contains(tokens.get(p).text()) && p - last <= 3) {
            p++;
        }
        boolean particleEnd = NAME_PARTICLES.contains(tokens.get(last).text());
        if ((p > last + 1 || particleEnd) && p < tokens.size() && tokens.get(p).text().matches("\\p{Lu}\\p{Ll}[\\p{L}'\u2019-]*")) {
            last = p;
        }
        if (last + 1 < tokens.size() && tokens.get(last + 1).text().matches("\\p{Lu}\\p{Ll}+-\\p{Ll}+(['\u2019]s)?")) {
            last++;
        } else if (last > first && glued(tokens, last, null) && tokens.get(last + 1).text().matches("-\\p{Lu}\\p{Ll}+(['\u2019]s)?")) {
            last++; // "Kim Jong" + "-Un"
        } else if (last + 2 < tokens.size() && glued(tokens, last, "-") && glued(tokens, last + 1, null)
                && Character.isLowerCase(tokens.get(last + 2).text().charAt(0))) {
            last += 2; // "Kang Kyung" + "-" + "wha"
        } else if (last + 3 < tokens.size() && Character.isUpperCase(tokens.get(last + 1).text().charAt(0))
                && tokens.get(last + 1).text().matches("\\p{L}+") && glued(tokens, last + 1, "-") && glued(tokens, last + 2, null)
                && Character.isLowerCase(tokens.get(last + 3).text().charAt(0))) {
            last += 3; // "Yoon" + "Suk" + "-" + "yeol"
        }
        return new TagSpan(s.tag(), tokens.get(first).start(), tokens.get(last).end(), first, last);
    }

    /**
     * What the context says a tagged "person" is instead: "the Fukushima nuclear plant", "Yamaguchi
     * prefecture" (places), "Shin-Okubo" (part of a word); "the Abu Sayyaf group" an organization.
     * Returns null when it may be a person.
     */
    private Reading notAPerson(List<Token> tokens, TagSpan s) {
        int before = s.firstToken() - 1;
        int after = s.lastToken() + 1;
        String next = after < tokens.size() ? tokens.get(after).text() : "";
        if (next.matches("-\\p{Lu}.*") && glued(tokens, s.lastToken(), null) && s.firstToken() == s.lastToken()) {
            return Reading.NONE; // the first part of a hyphenated place name ("Shin-Okubo")
        }
        if (next.equals("-") && glued(tokens, s.lastToken(), "-") && after + 1 < tokens.size() && glued(tokens, after, null)
                && Character.isUpperCase(tokens.get(after + 1).text().charAt(0))) {
            return Reading.NONE; // the first part of a hyphenated place name ("Shin-Okubo")
        }
        if (before >= 0 && names.eventPrefixes.contains(tokens.get(before).text())
                || names.eventPrefixes.contains(tokens.get(s.firstToken()).text())) {
            return Reading.NONE; // "Operation Barkhane": an operation's name
        }
        if (names.placeNouns.contains(next) || names.placeNouns.contains(tokens.get(s.lastToken()).text())
                || names.placePrefixes.contains(tokens.get(s.firstToken()).text())
                || placePrefixBefore(tokens, s.firstToken())) {
            return Reading.NONE; // "Yamaguchi prefecture", "Shimane Pref.", "Pulau Batu": a place
        }
        if (before >= 2 && tokens.get(before).text().equals("the") && tokens.get(before - 1).text().equals(",")
                && names.vesselNouns.contains(tokens.get(before - 2).text().replaceAll("s$", ""))) {
            return Reading.NONE; // "its naval escorts, the Kemal Reis": a ship
        }
        if (names.mediaWords.contains(tokens.get(s.lastToken()).text())) {
            return Reading.NONE; // "the Financial Times": a newspaper (codebook: media are optional organizations)
        }
        if (names.groupNouns.contains(next) && !next.equals("group") && !names.personContexts.contains(next)) {
            return Reading.ORGANIZATION; // "Abu Sayyaf militants": a group's fighters, not a person's
        }
        String bareNext = next.replaceAll("['\u2019]s$", ""); // "the Petro government's": still a person's government
        if (before >= 0 && tokens.get(before).text().equalsIgnoreCase("the") && !next.isEmpty()
                && Character.isLowerCase(next.charAt(0)) && !names.personContexts.contains(bareNext)) {
            String second = after + 1 < tokens.size() ? tokens.get(after + 1).text() : "";
            return names.groupNouns.contains(next) || names.groupNouns.contains(second) ? Reading.ORGANIZATION : Reading.NONE;
        }
        return null;
    }

    /** "Camp H.M. Smith": a place prefix right before a name, over its initials, begins a place's name. */
    private boolean placePrefixBefore(List<Token> tokens, int first) {
        int k = first - 1;
        while (k >= 0 && tokens.get(k).text().matches("(\\p{Lu}\\.?)+|\\.")) { // "J.R." also when cut as "J.R" + "."
            k--;
        }
        return k >= 0 && names.placePrefixes.contains(tokens.get(k).text());
    }

    /** "Secretary of State", "Minister of Defense": the words after a title and "of" complete the title. */
    private boolean partOfATitle(List<Token> tokens, Span org) {
        for (int i = 2; i < tokens.size(); i++) {
            if (tokens.get(i).start() == org.start()) {
                if (tokens.get(i - 1).text().equals("of") && names.titles.contains(tokens.get(i - 2).text())
                        && !names.orgHeads.containsKey(tokens.get(i - 2).text())) {
                    return true;
                }
                // "Under Secretary for Terrorism and Financial Intelligence": a portfolio after a title and
                // "for", over coordinated capitalized words, completes the title too
                if (hasHead(tokens, org.start(), org.end())) {
                    return false;
                }
                int j = i - 1;
                while (j >= 1 && (isNameWord(tokens.get(j).text()) || Set.of("and", "&", ",").contains(tokens.get(j).text()))) {
                    j--;
                }
                return j >= 1 && j < i - 1 && tokens.get(j).text().equals("for") && names.titles.contains(tokens.get(j - 1).text())
                        && !names.orgHeads.containsKey(tokens.get(j - 1).text());
            }
        }
        return false;
    }

    /**
     * "Visiting Forces Agreement", "Status of Forces" before "agreement", "Inhofe National Defense" before
     * "Authorization Act", "UN Convention Against ...": an agreement or text, not a body. A document word
     * inside the name counts unless a head word follows it ("North Atlantic Treaty Organization").
     */
    private boolean namesADocument(List<Token> tokens, Span org) {
        boolean inside = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= org.start() && t.end() <= org.end() + 2) {
                String w = withoutPossessive(t);
                if (names.documentWords.contains(w)) {
                    inside = true;
                } else if (names.orgHeads.containsKey(w)) {
                    inside = false;
                }
            }
            if (t.start() < org.end() && org.end() <= t.end()) {
                if (inside || inAListThatNamesADocument(tokens, i)) {
                    return true;
                }
                boolean multiWord = org.start() < t.start();
                // A body's report or statement ("a Brookings Institution report") names the body, not a text.
                boolean issuedByHead = names.orgHeads.containsKey(withoutPossessive(t));
                // the capitalized words that continue the phrase, or one lower-case word ("agreement"), also after
                // the name's acronym ("Official Security Assistance (OSA) program")
                int from = i + 1;
                if (i + 4 < tokens.size() && tokens.get(i + 1).text().equals("(") && tokens.get(i + 3).text().equals(")")
                        && tokens.get(i + 2).text().matches("[A-Z][A-Za-z&]*[A-Z]s?") && Character.isLowerCase(tokens.get(i + 4).text().charAt(0))) {
                    from = i + 4;
                }
                for (int k = from; k < tokens.size() && k <= from + 3; k++) {
                    String next = tokens.get(k).text();
                    String cap = next.isEmpty() ? next : Character.toUpperCase(next.charAt(0)) + next.substring(1);
                    if (names.documentWords.contains(next) || (multiWord && k == from && names.documentWords.contains(cap)
                            && !(issuedByHead && names.issuedNouns.contains(next)))) {
                        return true;
                    }
                    if (!isNameWord(next) || names.orgHeads.containsKey(next)) {
                        break;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * "the Department of State, Foreign Operations, and Related Programs Appropriations Act": a name in a
     * list of capitalized phrases (commas, "and", "of") that ends in a document word is part of that title.
     */
    private boolean inAListThatNamesADocument(List<Token> tokens, int last) {
        boolean listed = false;
        for (int k = last + 1; k < tokens.size() && k <= last + 16; k++) {
            String w = tokens.get(k).text();
            if (w.equals("and") || w.equals("&")) {
                listed = true; // "X, Y, and Z Act"; commas alone ("Source: X Institute, X Database") list two things
            } else if (w.equals(",")) {
                continue;
            } else if ((names.documentWords.contains(w) || Character.isLowerCase(w.charAt(0)) && k > last + 1
                    && isNameWord(tokens.get(k - 1).text()) && names.documentWords.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1)))
                    && (k + 1 == tokens.size() || !isNameWord(tokens.get(k + 1).text()))) {
                return listed; // the list's last phrase ends in the document word ("... Appropriations Act", "... legislation")
            } else if (!isNameWord(w) && !w.equals("of")) {
                return false;
            }
        }
        return false;
    }

    /**
     * "UN Special Representative", "Foreign Affairs Undersecretary for Policy ...", "... James A": a name
     * without a head word that ends in or holds a title, or ends in an initial, is a post or a person.
     */
    /** "and Adm. John Aquilino": a title (here cut from its period) alone is no organization. */
    private boolean onlyTitles(List<Token> tokens, Span org) {
        boolean any = false;
        for (Token t : tokens) {
            if (t.start() >= org.start() && t.end() <= org.end()) {
                if (!names.titles.contains(t.text())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private boolean holdsATitleOrInitial(List<Token> tokens, Span org) {
        if (hasHead(tokens, org.start(), org.end())) {
            return false;
        }
        boolean first = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= org.start() && t.end() <= org.end()) {
                boolean beforeName = i + 1 < tokens.size() && endWithoutPossessive(tokens.get(i + 1)) <= org.end()
                        && isNameWord(tokens.get(i + 1).text());
                boolean coordinated = i > 0 && (tokens.get(i - 1).text().equals("and") || tokens.get(i - 1).text().equals("&"));
                if (!first && names.titles.contains(t.text()) && !beforeName && !coordinated) {
                    // "Law and Justice": after "and" the word is a coordinated noun, not a post
                    return true; // "Defence" in "Division of Defence Analysis" is a modifier, not a title
                }
                if (t.end() == org.end() && t.text().matches("\\p{Lu}") && t.start() > org.start()) {
                    return true;
                }
                first = false;
            }
        }
        return false;
    }

    /** "ADMM-Plus", "JMSD" + "F’s": a name glued to what follows is part of a longer word. */
    private static boolean continuesAWord(String text, Span org) {
        int e = org.end();
        if (e >= text.length()) {
            return false;
        }
        char c = text.charAt(e);
        return Character.isLetterOrDigit(c) || ((c == '-' || c == '\u2010' || c == '\u2011') && e + 1 < text.length()
                && Character.isLetter(text.charAt(e + 1)));
    }

    /**
     * "Maria Santos, executive director of ...": two or three name words without a head, not a known
     * organization, in apposition with a post are a person.
     */
    private boolean isNameBeforeAPost(String text, List<Token> tokens, Span org) {
        String w = org.of(text);
        if (!w.matches("\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+){1,2}") || hasHead(tokens, org.start(), org.end())
                || !names.orgAliases.find(GazToken.tokenize(w, 0, w.length())).isEmpty()) {
            return false;
        }
        Matcher m = COMMA.matcher(text);
        m.region(org.end(), text.length());
        if (!m.lookingAt()) {
            return false;
        }
        List<String> words = new ArrayList<>();
        Matcher wm = NEXT_WORD.matcher(text);
        wm.region(m.end(), Math.min(text.length(), m.end() + 60));
        while (words.size() < 4 && wm.find()) {
            words.add(wm.group(1));
        }
        return names.titleInApposition(words);
    }

    private static final Pattern CREDIT_BEFORE = Pattern.compile("(\\p{L}+)\\s+by\\s+$");

    /** "(Reporting by X; Editing by Y)": a name credited for a piece of work is a person (not "compiled by NATO"). */
    private boolean isCredited(String text, List<Token> tokens, Span org) {
        Matcher m = CREDIT_BEFORE.matcher(text.substring(Math.max(0, org.start() - 30), org.start()));
        return m.find() && names.creditWords.contains(m.group(1)) && !hasHead(tokens, org.start(), org.end())
                && !ACRONYM_WORD.matcher(org.of(text)).find();
    }

    private static final Pattern ACRONYM_WORD = Pattern.compile("\\b[A-Z]{2,}\\b");

    private static final Pattern POSSESSIVE_THEN_WORDS = Pattern.compile("['\u2019]s((?:\\s+\\p{Lu}[\\p{L}.-]*){1,3})");

    /**
     * "Jordan's King Abdullah", "Georgia's President": a possessive followed by a title makes an ambiguous form
     * (one that otherwise needs the tagger's location) the state whose post it is.
     */
    private boolean ownsAPost(String text, int end) {
        Matcher m = POSSESSIVE_THEN_WORDS.matcher(text);
        m.region(end, Math.min(text.length(), end + 60));
        if (!m.lookingAt()) {
            return false;
        }
        for (String w : m.group(1).strip().split("\\s+")) {
            if (names.titles.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern AFTER_THE = Pattern.compile("(?i)(?:^|\\s)the\\s+$");

    private boolean isLoneNameBeforeAPersonVerb(String text, Span org) {
        String w = org.of(text);
        if (!w.matches("\\p{Lu}\\p{Ll}+") || names.orgHeads.containsKey(w)
                || !names.orgAliases.find(GazToken.tokenize(w, 0, w.length())).isEmpty()) {
            return false;
        }
        // "the Kremlin said": a body, not a person, speaks after "the"
        if (AFTER_THE.matcher(text.substring(Math.max(0, org.start() - 5), org.start())).find()) {
            return false;
        }
        Matcher m = NEXT_WORD_AFTER_COMMA.matcher(text);
        m.region(org.end(), Math.min(text.length(), org.end() + 30));
        return m.lookingAt() && names.personVerbs.contains(m.group(1));
    }

    /** "Commerce Secretary", "US Defence Secretary": words without a head before a title name a post. */
    private boolean namesAPost(List<Token> tokens, Span org) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).end() == org.end()) {
                String next = tokens.get(i + 1).text();
                // an acronym before a title is the body the post belongs to ("IOC President ...")
                return names.titles.contains(next) && !names.orgHeads.containsKey(next) && !tokens.get(i).text().matches("[A-Z]{2,}")
                        && !hasHead(tokens, org.start(), org.end()) && names.orgAliases.find(
                                GazToken.tokenize(tokens.get(i).text(), 0, tokens.get(i).text().length())).isEmpty()
                        && portfolioLike(tokens, org);
            }
        }
        return false;
    }

    /**
     * "Commerce", "US Defence", "Foreign Affairs" before a title name a portfolio: one word besides a
     * leading country, or a title word among them; "Dassault Aviation Chief Executive" is a company's post.
     */
    private boolean portfolioLike(List<Token> tokens, Span org) {
        int words = 0;
        boolean title = false;
        for (Token t : tokens) {
            if (t.start() >= org.start() && t.end() <= org.end() && isNameWord(t.text())) {
                String w = t.text();
                List<Gazetteer.Match<CountryTable.Form>> c = countries.find(GazToken.tokenize(w, 0, w.length()));
                if (c.isEmpty()) {
                    words++;
                }
                title |= names.titles.contains(w);
            }
        }
        return words <= 1 || title;
    }

    /**
     * One capitalized word that the document also uses in lower case ("Secretary of State", "the
     * Alliance", "Defence" beside "state", "alliance", "defence") is a common noun, not a name; known
     * organizations (the alias table) and acronyms stay.
     */
    private boolean isCommonWord(String text, Span org) {
        String w = org.of(text);
        if (!w.matches("\\p{Lu}\\p{Ll}+")) {
            return false;
        }
        for (Gazetteer.Match<String> m : names.orgAliases.find(GazToken.tokenize(w, 0, w.length()))) {
            if (m.start() == 0 && m.end() == w.length()) {
                return false;
            }
        }
        String lower = w.toLowerCase(Locale.ROOT);
        int at = text.indexOf(lower);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + lower.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(lower, at + 1);
        }
        return false;
    }

    /**
     * "the new Taepo 2", "the survey ship Ocean Star 7": a name (not an acronym) followed by a number that
     * is not a year names a model or a vessel, not a body or a person.
     */
    private static boolean namesAModel(String text, List<Token> tokens, Span s) {
        if (!s.of(text).matches(".*\\p{Ll}.*")) {
            return false;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).end() >= s.end() && tokens.get(i).start() < s.end()) {
                String next = tokens.get(i + 1).text();
                return next.matches("-?\\d{1,3}[A-Za-z]?");
            }
        }
        return false;
    }

    /** "World Food Programme": a form of organizations.tsv whose own words hold a document word is still that body. */
    private boolean holdsADocumentWord(String name) {
        for (String w : name.split("\\s+")) {
            if (names.documentWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The first and last token inside a span (-1 when none). */
    private static int[] tokenRange(List<Token> tokens, Span s) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= s.start() && endWithoutPossessive(t) <= s.end()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return new int[] {first, last};
    }

    /**
     * "Exercise Talisman Sabre", "Operation Barkhane", "the Cobra Gold exercise", "Freedom Shield, the annual
     * drill of ...": a named exercise or military operation is an event, not a body (codebook: named events are
     * not entities). The noun after or in apposition counts only for a name without a head word that is no
     * acronym or known organization ("the NATO exercise", "an SDF drill" keep their bodies).
     */
    private boolean namesAnEvent(String text, List<Token> tokens, Span s) {
        int[] r = tokenRange(tokens, s);
        if (r[0] < 0) {
            return false;
        }
        if (names.eventPrefixes.contains(tokens.get(r[0]).text()) || r[0] > 0 && names.eventPrefixes.contains(tokens.get(r[0] - 1).text())) {
            return true;
        }
        String w = s.of(text);
        if (hasHead(tokens, s.start(), s.end()) || !w.matches(".*\\p{Ll}.*")
                || !names.orgAliases.find(GazToken.tokenize(w, 0, w.length())).isEmpty()) {
            return false;
        }
        int k = r[1] + 1;
        if (k < tokens.size() && names.eventNouns.contains(tokens.get(k).text())) {
            return true;
        }
        // ", the annual drill", ", a joint exercise": an article, up to three lower-case modifiers, the noun
        if (k + 2 < tokens.size() && tokens.get(k).text().equals(",") && Set.of("a", "an", "the").contains(tokens.get(k + 1).text())) {
            for (int j = k + 2; j < tokens.size() && j <= k + 5; j++) {
                String x = tokens.get(j).text();
                if (names.eventNouns.contains(x)) {
                    return true;
                }
                if (!x.matches("[\\p{Ll}\\d-]+")) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * "BRP Sierra Madre", "the destroyer HMS Diamond": a name after a ship prefix is a vessel, not a body; so is a
     * name without a head word ending in a ship noun ("Aegis System Equipped Vessels", "Littoral Combat Ship").
     */
    private boolean namesAVessel(List<Token> tokens, Span s) {
        int[] r = tokenRange(tokens, s);
        if (r[0] < 0) {
            return false;
        }
        // ship nouns only: "Electric Boat" and "Airbus Helicopters" are companies
        String last = withoutPossessive(tokens.get(r[1])).toLowerCase(Locale.ROOT).replaceAll("s$", "");
        boolean vesselNoun = r[1] > r[0] && SHIP_NOUNS.contains(last) && !hasHead(tokens, s.start(), s.end());
        return vesselNoun || r[1] > r[0] && names.shipPrefixes.contains(tokens.get(r[0]).text())
                || r[0] > 0 && names.shipPrefixes.contains(tokens.get(r[0] - 1).text());
    }

    private static final Set<String> SHIP_NOUNS = Set.of("vessel", "ship", "warship", "frigate", "destroyer", "submarine", "cruiser", "corvette");

    /**
     * A headline or caption in title case ("Japan, Korea Hold First Security Talks In Five Years"): four or more
     * words of four or more letters, nearly all capitalized. The capitals there mark no names.
     */
    private static boolean isHeadlineCase(List<Token> tokens) {
        int words = 0;
        int capitalized = 0;
        for (Token t : tokens) {
            String w = t.text();
            if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalized++;
                }
            }
        }
        return words >= 4 && capitalized * 10 >= words * 8;
    }

    /** An acronym or a form of organizations.tsv: a name also in a headline. */
    private boolean isKnownOrAcronym(String w) {
        return w.matches(".*\\b[A-Z]{2,}\\b.*") || names.orgAliases.find(GazToken.tokenize(w, 0, w.length())).stream()
                .anyMatch(m -> m.start() == 0 && m.end() == w.length());
    }

    /** "Islam", "Muslim", "Sunni": names of religions and their adjectives alone name no body or person. */
    private boolean onlyCommonNames(String text, Span s) {
        for (String w : s.of(text).split("[\\s\u2019']+")) {
            if (!w.isEmpty() && !w.equals("s") && !names.commonNames.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** "USS Ronald Reagan" is a ship; "Ed" in "Op-Ed" is part of a word. */
    private boolean isVesselOrWordPart(List<Token> tokens, TagSpan s) {
        int first = s.firstToken();
        if (names.shipPrefixes.contains(tokens.get(first).text())) {
            return true;
        }
        if (first > 0) {
            Token prev = tokens.get(first - 1);
            return names.shipPrefixes.contains(prev.text())
                    || (prev.end() == tokens.get(first).start() && prev.text().endsWith("-"));
        }
        return false;
    }

    /**
     * "ASEAN Regional Forum (ARF)", "Caribbean Community (CARICOM)": the capitalized words before an
     * acronym in parentheses that spell it (initials, or leading letters of each word) are an
     * organization, whatever the tagger says.
     */
    private List<Span> expandedAcronyms(List<Token> tokens) {
        List<Span> out = new ArrayList<>();
        for (int i = 1; i + 2 < tokens.size(); i++) {
            if (!tokens.get(i).text().equals("(") || !tokens.get(i + 2).text().equals(")")) {
                continue;
            }
            String acr = tokens.get(i + 1).text();
            if (!acr.matches("[A-Z][A-Za-z&]*[A-Z]s?")) {
                continue;
            }
            String letters = acr.replaceAll("s$", "").replace("&", "").toLowerCase(Locale.ROOT);
            // The longest phrase of up to ten tokens before the parenthesis that spells the acronym.
            for (int start = Math.max(0, i - 10); start < i; start++) {
                if (!isNameWord(tokens.get(start).text())) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                boolean ok = true;
                for (int k = start; k < i; k++) {
                    String w = tokens.get(k).text();
                    // "Tehrik-" + "e" + "-Insaf", "Jamaat" + "-" + "e": glued hyphen pieces are one word
                    while (isNameWord(w) && k + 1 < i && glued(tokens, k, null)
                            && (w.endsWith("-") || tokens.get(k + 1).text().startsWith("-"))) {
                        w += tokens.get(++k).text();
                    }
                    if (isNameWord(w)) {
                        for (String part : w.split("-")) {
                            // "Tehrik-e-Insaf (PTI)": a lower-case particle between hyphens gives no letter
                            if (!part.isEmpty() && !(words.size() > 0 && NAME_PARTICLES_HYPHEN.contains(part))) {
                                words.add(part);
                            }
                        }
                    } else if (!ACRONYM_GLUE.contains(w)) {
                        ok = false;
                        break;
                    }
                }
                if (ok && words.size() >= 2 && (spells(letters, words, 0, 0) || foreignAcronym(acr, words))) {
                    // "Pakistan's Tehrik-e-Insaf (PTI)": the owner gives the acronym a letter but stays out of the name
                    boolean owner = endWithoutPossessive(tokens.get(start)) < tokens.get(start).end() && start + 1 < i;
                    out.add(new Span(tokens.get(owner ? start + 1 : start).start(), tokens.get(i - 1).end()));
                    break;
                }
            }
        }
        return out;
    }

    /** The span of the acronym in parentheses right after an expanded name. */
    private static Span acronymAfter(List<Token> tokens, Span name) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).start() == name.end() || (tokens.get(i).start() > name.end() && tokens.get(i).text().equals("("))) {
                Token acr = tokens.get(i + 1);
                return new Span(acr.start(), acr.end());
            }
        }
        return name;
    }

    /**
     * "the Japanese embassy", "the South Korean navy", "Canada's defence ministry": a demonym or a
     * country's possessive, at most one lower-case word, and a lower-case head (org-heads.tsv, kind
     * common) name that state's body.
     */
    private List<Span> descriptiveOrganizations(List<Token> tokens, List<Span> countrySpans) {
        List<Span> out = new ArrayList<>();
        for (Span c : countrySpans) {
            int last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() < c.end() && tokens.get(i).end() > c.start()) {
                    last = i;
                }
            }
            if (last < 0) {
                continue;
            }
            Token lt = tokens.get(last);
            if (lt.end() > c.end() && !lt.text().substring(c.end() - lt.start()).matches("['\u2019]s")) {
                continue; // "Japanese-led": the country form is part of another word
            }
            int k = last + 1;
            if (k < tokens.size() && POSSESSIVE.contains(tokens.get(k).text())) {
                k++;
            }
            for (int n = 0; n <= 1 && k < tokens.size(); n++, k++) {
                String w = tokens.get(k).text();
                if (k + 1 < tokens.size() && names.commonHeads.containsKey(w + " " + tokens.get(k + 1).text())) {
                    out.add(new Span(c.start(), tokens.get(k + 1).end()));
                    break;
                }
                if (names.commonHeads.containsKey(w)) {
                    out.add(new Span(c.start(), tokens.get(k).end()));
                    break;
                }
                if (w.isEmpty() || !Character.isLowerCase(w.charAt(0))) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A name given with the acronym of its own language: the same initials in another order ("Citizen
     * Revolution (RC)"), or as many capitals as capitalized words with lower-case letters between
     * ("Law and Justice (PiS)").
     */
    private static boolean foreignAcronym(String acr, List<String> words) {
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            if (Character.isUpperCase(w.charAt(0))) {
                initials.append(w.charAt(0));
            }
        }
        String caps = acr.replaceAll("[^A-Z]", "");
        if (acr.matches("[A-Z][a-z]+[A-Z][A-Za-z]*")) {
            return caps.length() == initials.length() && caps.length() >= 2;
        }
        char[] a = caps.toCharArray();
        char[] b = initials.toString().toCharArray();
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        return caps.length() >= 2 && java.util.Arrays.equals(a, b) && !caps.equals(initials.toString());
    }

    /** Whether {@code letters} from {@code at} splits into leading parts of {@code words} from {@code w} on. */
    private static boolean spells(String letters, List<String> words, int at, int w) {
        if (at == letters.length()) {
            return w == words.size();
        }
        if (w == words.size()) {
            return false;
        }
        String word = words.get(w).toLowerCase(Locale.ROOT);
        for (int n = 1; n <= word.length() && at + n <= letters.length(); n++) {
            if (word.charAt(n - 1) != letters.charAt(at + n - 1)) {
                break;
            }
            if (spells(letters, words, at + n, w + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A territory's own names read as {@code territory}; its demonyms, capitals and abbreviations keep their kind. */
    private String mentionForm(CountryTable.Form form) {
        boolean nameLike = Set.of("name", "official", "alt", "historical").contains(form.kind());
        return nameLike && countries.status(form.code()).isTerritory() ? "territory" : form.kind();
    }

    /** "Howard H. Leach": the tagger leaves the period after a middle initial out of the name. */
    private static List<TagSpan> joinMiddleInitials(List<Token> tokens, List<TagSpan> spans) {
        List<TagSpan> out = new ArrayList<>();
        for (TagSpan s : spans) {
            if (!out.isEmpty()) {
                TagSpan prev = out.get(out.size() - 1);
                if (prev.tag().equals("PERSON") && s.tag().equals("PERSON") && s.firstToken() == prev.lastToken() + 2
                        && tokens.get(prev.lastToken() + 1).text().equals(".")
                        && tokens.get(prev.lastToken()).text().matches("\\p{Lu}")) {
                    out.set(out.size() - 1, new TagSpan("PERSON", prev.start(), s.end(), prev.firstToken(), s.lastToken()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static List<TagSpan> tagSpans(List<Token> tokens, String[] tags) {
        List<TagSpan> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String tag = tags[i];
            if (tag.equals("O")) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && tags[j + 1].equals(tag)) {
                j++;
            }
            out.add(new TagSpan(tag, tokens.get(i).start(), tokens.get(j).end(), i, j));
            i = j + 1;
        }
        return out;
    }

    private static boolean overlapsTag(List<TagSpan> spans, int start, int end, String tag) {
        for (TagSpan s : spans) {
            if (s.tag().equals(tag) && s.start() < end && start < s.end()) {
                return true;
            }
        }
        return false;
    }

    /** Capitalized phrases around an organization head word: "Ministry of National Defense". */
    private List<Span> headWordOrganizations(List<Token> tokens, String[] tags) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Boolean takesPlace = names.orgHeads.get(tokens.get(i).text());
            if (takesPlace == null || tags[i].equals("PERSON")) {
                continue;
            }
            // "Chief Cabinet Secretary", "House Speaker": a head word followed by a title names a post.
            if (i + 1 < tokens.size() && names.titles.contains(tokens.get(i + 1).text())
                    && !names.orgHeads.containsKey(tokens.get(i + 1).text())) {
                continue;
            }
            int left = i;
            while (left > 0) {
                String prev = tokens.get(left - 1).text();
                if (tags[left - 1].equals("PERSON")) {
                    break;
                } else if (prev.equals(".") && left >= 2 && glued(tokens, left - 2, ".")
                        && tokens.get(left - 2).text().matches("(\\p{Lu}\\.)+\\p{Lu}")) {
                    left -= 2; // "U.N" + "." + "Mission": the tokenizer cut the acronym's last period off
                } else if (isNameWord(prev)) {
                    left--;
                } else if (prev.equals("-") && left >= 2 && glued(tokens, left - 2, "-") && glued(tokens, left - 1, null)
                        && isNameWord(tokens.get(left - 2).text())) {
                    left -= 2; // "Self" + "-" + "Defense Force": the tokenizer cut a hyphenated word
                } else if ((prev.equals("of") || prev.equals("&")) && left >= 2 && isNameWord(tokens.get(left - 2).text())
                        && !names.titles.contains(tokens.get(left - 2).text()) && !tags[left - 2].equals("PERSON")
                        && !(left >= 3 && NAME_PARTICLES.contains(tokens.get(left - 3).text()))) {
                    // "Prof. Ann Berg of Leiden University", "van der Meer of ...": a person before "of" is the body's
                    // member, not its name
                    left -= 2;
                } else if (POSSESSIVE.contains(prev) && left >= 2 && isNameWord(tokens.get(left - 2).text())) {
                    left -= 2;
                } else if (prev.equals("and") && left >= 2 && coordinatedModifier(tokens, tags, left - 2)) {
                    left -= 2; // "Peace and Security Council", "Economic and Security Review Commission"
                } else {
                    break;
                }
            }
            int right = i;
            boolean connected = false;
            while (right + 1 < tokens.size()) {
                String next = tokens.get(right + 1).text();
                if (tags[right + 1].equals("PERSON")) {
                    break;
                } else if (isNameWord(next)) {
                    right++;
                } else if (connected && next.equals(",") && commaListEnd(tokens, tags, right + 1) > 0) {
                    right = commaListEnd(tokens, tags, right + 1); // "Ministry of Economy, Trade and Industry"
                } else if (!connected && (ORG_CONNECTORS_RIGHT.contains(next) || (takesPlace && next.equals("in")))
                        && right + 2 < tokens.size()) {
                    connected = true; // one "of"/"for"/"in" at most: "Embassy in Cambodia", not "... for ..."

                    int k = right + 2;
                    if (tokens.get(k).text().equals("the") && k + 1 < tokens.size()) {
                        k++;
                    }
                    // "Mission in Mali": a post head takes "in" + a country; "Congress on U.S. efforts" is no name
                    if (isNameWord(tokens.get(k).text()) && (next.equals("in") || !onlyACountryFollows(tokens, k))) {
                        right = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // "the Front Line", "Bank Holiday": a head word that begins the phrase, followed by capitalized words but
            // no connector, heads nothing ("U.S. Army Pacific" has words before its head)
            boolean headFirst = left == i && !connected && (left == 0 || !isNameWord(tokens.get(left - 1).text()));
            if (right > left && !headFirst) {
                out.add(new Span(tokens.get(left).start(), tokens.get(right).end()));
            }
        }
        return out;
    }

    /**
     * After a head's "of" + words, ", Trade and Industry": the last token of a list of single capitalized words,
     * joined by commas and closed by "and" + a word, that continues the name; -1 when none follows the comma.
     */
    private int commaListEnd(List<Token> tokens, String[] tags, int comma) {
        int k = comma;
        for (int n = 0; n < 4 && k + 2 < tokens.size(); n++) {
            String sep = tokens.get(k).text();
            String w = tokens.get(k + 1).text();
            if (!w.matches("\\p{Lu}\\p{Ll}+") || tags[k + 1].equals("PERSON") || names.orgHeads.containsKey(w)
                    || !countries.find(GazToken.tokenize(w, 0, w.length())).isEmpty()) {
                return -1;
            }
            if (sep.equals("and")) {
                boolean more = k + 2 < tokens.size() && isNameWord(tokens.get(k + 2).text());
                return more ? -1 : k + 1;
            }
            if (!sep.equals(",")) {
                return -1;
            }
            k += 2;
        }
        return -1;
    }

    /**
     * Whether the word before an "and" inside a head-word phrase is a coordinated modifier ("Peace" in "Peace and
     * Security Council"): a capitalized word the tagger leaves out of any name (or spans with the "and"), and no
     * acronym, country, head or title ("NATO and European Union", "Japan and Korea Foundation" are two names).
     */
    private boolean coordinatedModifier(List<Token> tokens, String[] tags, int k) {
        String w = tokens.get(k).text();
        if (!isNameWord(w) || !w.matches("\\p{Lu}\\p{Ll}+") || names.orgHeads.containsKey(w) || names.titles.contains(w)) {
            return false;
        }
        boolean tagged = tags[k].equals("O") || tags[k].equals("ORGANIZATION") && tags[k + 1].equals("ORGANIZATION");
        return tagged && countries.find(GazToken.tokenize(w, 0, w.length())).isEmpty();
    }

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our");
    private static final Set<String> AFTER_BODY = Set.of("in", "of", "at", "on", "for", "from", "with", "that", "which",
            "based", "founded", "led", "run", "owned", "and", "whose");

    /**
     * Names in apposition with a noun for a body: "X, a New Delhi-based think tank", "X, a club in the
     * first division", "the presidential office, X, said", "an NGO \u201cX\u201d": organizations,
     * whatever the tagger says (it often calls such names people or places).
     */
    private List<Span> appositiveBodies(List<Token> tokens, String[] tags) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isNameWord(tokens.get(i).text()) || names.titles.contains(tokens.get(i).text())) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && (isNameWord(tokens.get(j + 1).text())
                    || glued(tokens, j, null) && tokens.get(j + 1).text().startsWith("-"))) {
                j++;
            }
            boolean before = bodyNounBefore(tokens, i) && (j + 1 >= tokens.size()
                    || Set.of(",", ".", ";", ")", "\u201d", "\"").contains(tokens.get(j + 1).text()));
            if (before && postAfter(tokens, j)) {
                before = false; // "the ministry, Kim, the spokesman, said": a person
            }
            boolean after = !before && bodyNounAfter(tokens, j);
            if (before || after) {
                out.add(new Span(tokens.get(i).start(), endWithoutPossessive(tokens.get(j))));
            }
            i = j + 1;
        }
        return out;
    }

    /** A lower-case post (a title: "spokesman", "officials") or a vessel noun right after a span. */
    private boolean modifiesAPersonOrVessel(String text, Span s) {
        Matcher m = NEXT_LOWER_CASE_WORD.matcher(text);
        m.region(s.end(), Math.min(text.length(), s.end() + 30));
        if (!m.lookingAt()) {
            return false;
        }
        String w = m.group(1).replaceAll("s$", "");
        return names.titles.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1)) || names.vesselNouns.contains(w);
    }

    /** ", the spokesman": the name at {@code j} is in apposition with a post. */
    private boolean postAfter(List<Token> tokens, int j) {
        if (j + 2 >= tokens.size() || !tokens.get(j + 1).text().equals(",")) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (int k = j + 2; k < tokens.size() && words.size() < 4 && WORD.matcher(tokens.get(k).text()).matches(); k++) {
            words.add(tokens.get(k).text());
        }
        return names.titleInApposition(words);
    }

    /** "... the presidential office, X" / "an NGO \u201cX": a body noun, after a determiner, right before the name. */
    private boolean bodyNounBefore(List<Token> tokens, int i) {
        if (i < 2 || !Set.of(",", "\u201c", "\"").contains(tokens.get(i - 1).text())) {
            return false;
        }
        int noun = i - 2;
        if (!names.bodyNouns.contains(tokens.get(noun).text())) {
            if (noun < 1 || !names.bodyNouns.contains(tokens.get(noun - 1).text() + " " + tokens.get(noun).text())) {
                return false;
            }
            noun--;
        }
        for (int k = noun - 1; k >= 0 && k >= noun - 4; k--) {
            String w = tokens.get(k).text();
            if (DETERMINERS.contains(w.toLowerCase(Locale.ROOT)) || POSSESSIVE.contains(w) || endWithoutPossessive(tokens.get(k)) < tokens.get(k).end()) {
                return true;
            }
            if (!w.matches("[\\p{L}-]+")) {
                return false;
            }
        }
        return false;
    }

    /** "X, a New Delhi-based think tank in ...": an article, up to four modifiers, a body noun ending the phrase. */
    private boolean bodyNounAfter(List<Token> tokens, int j) {
        if (j + 2 >= tokens.size() || !tokens.get(j + 1).text().equals(",")) {
            return false;
        }
        int k = j + 2;
        if (!Set.of("a", "an", "the").contains(tokens.get(k).text())) {
            return false;
        }
        k++;
        for (int n = 0; n < 5 && k < tokens.size(); n++, k++) {
            // glued hyphen pieces are one word ("Delhi" + "-" + "based", "think" + "-" + "tank")
            StringBuilder joined = new StringBuilder(tokens.get(k).text());
            while (k + 1 < tokens.size() && glued(tokens, k, null)
                    && (tokens.get(k).text().endsWith("-") || tokens.get(k + 1).text().startsWith("-"))) {
                joined.append(tokens.get(++k).text());
                if (joined.toString().endsWith("-") && k + 1 < tokens.size() && glued(tokens, k, null)) {
                    joined.append(tokens.get(++k).text());
                }
            }
            String w = joined.toString();
            String two = k + 1 < tokens.size() ? w + " " + tokens.get(k + 1).text() : "";
            if (names.bodyNouns.contains(w) || names.bodyNouns.contains(two)) {
                int next = names.bodyNouns.contains(two) ? k + 2 : k + 1;
                String after = next < tokens.size() ? tokens.get(next).text() : ".";
                // "X, the union's capital": a possessive makes the noun a modifier, not X's kind
                return (!Character.isLetter(after.charAt(0)) && !POSSESSIVE.contains(after)) || AFTER_BODY.contains(after);
            }
            if (!w.matches("[\\p{L}-]+") || names.titles.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1))
                    || AFTER_BODY.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /**
     * "the Law and Justice party", "the party \u201cFreedom and Progress\u201d": capitalized words right before a
     * lower-case "party", or quoted right after it, name the party (a head-less name the tagger often misses).
     */
    private List<Span> partyNames(List<Token> tokens) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).text().equals("party")) {
                continue;
            }
            int left = i;
            // "Suharto’s party": a possessive names the party's leader, not the party
            boolean owner = i > 0 && (POSSESSIVE.contains(tokens.get(i - 1).text())
                    || endWithoutPossessive(tokens.get(i - 1)) < tokens.get(i - 1).end());
            while (left > 0 && !owner) {
                String prev = tokens.get(left - 1).text();
                if (isNameWord(prev)) {
                    left--;
                } else if ((prev.equals("and") || prev.equals("&") || prev.equals("of")) && left >= 2 && left < i
                        && isNameWord(tokens.get(left - 2).text())) {
                    left -= 2;
                } else {
                    break;
                }
            }
            if (left < i) {
                out.add(new Span(tokens.get(left).start(), tokens.get(i - 1).end()));
            }
            if (i + 2 < tokens.size() && Set.of("\u201c", "\"").contains(tokens.get(i + 1).text())) {
                int k = i + 2;
                int last = -1;
                while (k < tokens.size() && k < i + 8 && !Set.of("\u201d", "\"").contains(tokens.get(k).text())) {
                    String w = tokens.get(k).text();
                    if (isNameWord(w)) {
                        last = k;
                    } else if (!ACRONYM_GLUE.contains(w)) {
                        last = -1;
                        break;
                    }
                    k++;
                }
                if (last > 0 && k < tokens.size() && last == k - 1) {
                    out.add(new Span(tokens.get(i + 2).start(), tokens.get(last).end()));
                }
            }
        }
        return out;
    }

    /**
     * "X Command and Y Council" (or "X College/the Y University") names two organizations when each
     * side has its own head word and the left one's head is not followed by words without a connector
     * ("National Assembly Foreign Affairs and Unification Committee" is one committee);
     * "Nippon Steel and Sumitomo Metal Corporation" stays one.
     */
    private List<Span> splitAtAnd(List<Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int start = s.start();
            boolean headSinceStart = false;
            boolean wordsAfterHead = false;
            boolean connectedSinceHead = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < start || t.end() > s.end()) {
                    continue;
                }
                if (names.orgHeads.containsKey(t.text())) {
                    headSinceStart = true;
                    wordsAfterHead = false;
                } else if (headSinceStart && !wordsAfterHead && !ORG_CONNECTORS_RIGHT.contains(t.text()) && !t.text().equals("in")
                        && !t.text().equals("and") && !t.text().equals("/") && !connectedSinceHead) {
                    wordsAfterHead = true; // "National Assembly Foreign Affairs and ...": the head modifies what follows
                }
                if (ORG_CONNECTORS_RIGHT.contains(t.text()) || t.text().equals("in")) {
                    connectedSinceHead = headSinceStart;
                }
                if ((t.text().equals("and") || t.text().equals("/")) && headSinceStart && !wordsAfterHead && hasHead(tokens, t.end(), s.end())) {
                    out.add(new Span(start, tokens.get(i - 1).end()));
                    start = tokens.get(i + 1).start();
                    headSinceStart = false;
                    connectedSinceHead = false;
                }
            }
            out.add(new Span(start, s.end()));
        }
        return out;
    }

    /** "Congress on U.S. efforts": after a connector, a country form alone does not continue the name. */
    private boolean onlyACountryFollows(List<Token> tokens, int k) {
        int j = k;
        while (j + 1 < tokens.size() && isNameWord(tokens.get(j + 1).text())) {
            j++;
        }
        StringBuilder phrase = new StringBuilder();
        for (int i = k; i <= j; i++) {
            phrase.append(i > k ? " " : "").append(tokens.get(i).text());
        }
        String p = phrase.toString();
        List<Gazetteer.Match<CountryTable.Form>> m = countries.find(GazToken.tokenize(p, 0, p.length()));
        return m.size() == 1 && !m.get(0).value().isRegion() && m.get(0).start() == 0 && m.get(0).end() == p.length();
    }

    /** Lower-case particles between the hyphens of a name ("Tehrik-e-Insaf", "Lashkar-e-Taiba", "Jamaat-ul-Ahrar"). */
    private static final Set<String> NAME_PARTICLES_HYPHEN = Set.of("e", "i", "ul", "al", "ud", "un", "ut", "o");

    /** Lower-case words that may stand inside a name ("Cártel del Golfo", "Abelardo de la Espriella"). */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "del", "la", "le", "les", "des", "du", "da", "do", "dos",
            "di", "von", "van", "der", "den", "al", "el", "bin", "bint", "y", "e");

    /**
     * "Nippon Steel Corporation's acquisition of U.S. Steel Corporation": a lower-case word that is no
     * connector or particle ends one name; the next starts after it.
     */
    private List<Span> splitAtLowerCase(List<Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int start = -1;
            int last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < s.start() || t.end() > s.end()) {
                    continue;
                }
                String w = t.text();
                boolean breaks = LOWER_CASE_WORD.matcher(w).matches() && !ACRONYM_GLUE.contains(w) && !ORG_CONNECTORS_RIGHT.contains(w)
                        && !NAME_PARTICLES.contains(w) && !names.functionWords.contains(w) && !(i > 0 && glued(tokens, i - 1, null));
                if (breaks) {
                    if (start >= 0) {
                        out.add(new Span(start, tokens.get(last).end()));
                    }
                    start = -1;
                } else if (start >= 0 || !Character.isLowerCase(w.charAt(0))) {
                    if (start < 0) {
                        start = t.start(); // after a break, the next name starts at a name word, not at "of"
                    }
                    last = i;
                }
            }
            if (start >= 0) {
                out.add(new Span(start, tokens.get(last).end()));
            }
        }
        return out;
    }

    /**
     * "the Treasury Department's Office of Foreign Assets Control", "NATO's Cooperative Cyber Defence Centre": a body's
     * possessive before another body's name (each with its head word, or the owner an acronym or a known
     * organization) names two organizations. A country's possessive stays the owner inside the name ("Japan's
     * Defence Ministry"), as the gold files write it.
     */
    private List<Span> splitAtOwner(String text, List<Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int[] r = tokenRange(tokens, new Span(s.start(), s.end()));
            int split = -1;
            for (int k = Math.max(r[0], 0); r[0] >= 0 && k < r[1]; k++) {
                boolean glued = endWithoutPossessive(tokens.get(k)) < tokens.get(k).end();
                boolean apart = POSSESSIVE.contains(tokens.get(k + 1).text()) && k + 1 < r[1];
                if (glued || apart) {
                    int ownerEnd = endWithoutPossessive(tokens.get(k));
                    int rest = tokens.get(apart ? k + 2 : k + 1).start();
                    String owner = text.substring(s.start(), ownerEnd);
                    List<GazToken> ot = GazToken.tokenize(owner, 0, owner.length());
                    boolean country = countries.find(ot).stream().anyMatch(m -> m.start() == 0 && m.end() == owner.length());
                    boolean body = hasHead(tokens, s.start(), ownerEnd) || owner.matches("[A-Z]{2,}")
                            || names.orgAliases.find(ot).stream().anyMatch(m -> m.start() == 0 && m.end() == owner.length());
                    if (!country && body && hasHead(tokens, rest, s.end())) {
                        split = k;
                        out.add(new Span(s.start(), tokens.get(k).end())); // trimOrganization drops the possessive
                        out.add(new Span(rest, s.end()));
                    }
                    break;
                }
            }
            if (split < 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** "Dokdo the Office of ...": a "the" that no "of", "for", "and" introduces starts another name. */
    private static List<Span> splitAtInnerThe(List<Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int start = s.start();
            for (int i = 1; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() > start && t.end() < s.end() && t.text().equalsIgnoreCase("the")
                        && !ACRONYM_GLUE.contains(tokens.get(i - 1).text()) && Character.isLetter(tokens.get(i - 1).text().charAt(0))) {
                    out.add(new Span(start, tokens.get(i - 1).end()));
                    start = tokens.get(i + 1).start();
                }
            }
            out.add(new Span(start, s.end()));
        }
        return out;
    }

    private boolean hasHead(List<Token> tokens, int from, int to) {
        for (Token t : tokens) {
            // "Force’s": a head word with a glued possessive is still the head
            if (t.start() >= from && endWithoutPossessive(t) <= to && names.orgHeads.containsKey(withoutPossessive(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "U.S. America First" is a policy, not an organization: no head word, mostly country names;
     * "predominantly Muslim Kashmir" a place: no head word, mostly a region's name.
     */
    private boolean mostlyCountries(List<Token> tokens, List<Span> countrySpans, Span org) {
        if (hasHead(tokens, org.start(), org.end())) {
            return false;
        }
        int inCountry = 0;
        for (Span c : countrySpans) {
            inCountry += c.overlap(org);
        }
        return inCountry * 2 >= org.length();
    }

    /** A word that can be part of a proper name: capitalized or an acronym, and not a function word. */
    private boolean isNameWord(String w) {
        if (w.isEmpty() || names.functionWords.contains(w)) {
            return false;
        }
        char c = w.charAt(0);
        return Character.isUpperCase(c) || (Character.isDigit(c) && w.chars().anyMatch(Character::isUpperCase));
    }

    private static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.naturalOrder());
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).overlaps(s)) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Drops a leading "the" and a trailing possessive; null if nothing name-like is left. */
    private Span trimOrganization(String text, List<Token> tokens, Span org) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= org.start() && t.end() <= org.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        while (first <= last && (names.functionWords.contains(tokens.get(first).text())
                || tokens.get(first).text().equalsIgnoreCase("the")
                || tokens.get(first).text().matches("\\d+(st|nd|rd|th)"))) {
            first++; // "the 119th Congress" is Congress
        }
        // "International Security in National War College" (a degree, then its college): a span whose words
        // before "in" hold no head word, and whose words after it do, names what follows "in".
        for (int k = first + 1; k < last; k++) {
            if (tokens.get(k).text().equals("in") && !hasHead(tokens, tokens.get(first).start(), tokens.get(k - 1).end())
                    && hasHead(tokens, tokens.get(k + 1).start(), tokens.get(last).end())) {
                first = k + 1;
                break;
            }
        }
        // "NATO’s Eastern flank": a glued possessive inside ends the name unless a head word follows it.
        for (int k = first; k < last; k++) {
            if (endWithoutPossessive(tokens.get(k)) < tokens.get(k).end()) {
                boolean headAfter = false;
                for (int h = k + 1; h <= last; h++) {
                    headAfter |= names.orgHeads.containsKey(tokens.get(h).text());
                }
                if (!headAfter) {
                    last = k;
                }
                break;
            }
        }
        while (last >= first && (POSSESSIVE.contains(tokens.get(last).text())
                || !Character.isLetterOrDigit(tokens.get(last).text().charAt(0))
                    && !(last > first && glued(tokens, last - 1, null) && HAS_LETTER.matcher(tokens.get(last).text()).find()) // "-Insaf"
                || names.timeWords.contains(tokens.get(last).text()))) {
            last--;
        }
        if (first > last) {
            return null;
        }
        Token end = tokens.get(last);
        int dash = end.text().indexOf('\u2014') >= 0 ? end.text().indexOf('\u2014') : end.text().indexOf('\u2013');
        if (dash > 0) {
            return new Span(tokens.get(first).start(), end.start() + dash); // "Security—provide": the tokenizer kept an em dash
        }
        return new Span(tokens.get(first).start(), endWithoutPossessive(end));
    }

    /** The end of a token without a glued possessive: "Trump’s" ends after "Trump". */
    /** The token's text without a glued possessive: "Force’s" is "Force". */
    private static String withoutPossessive(Token t) {
        return t.text().substring(0, endWithoutPossessive(t) - t.start());
    }

    private static int endWithoutPossessive(Token t) {
        String w = t.text();
        int n = w.length();
        if (n > 2 && (w.charAt(n - 2) == '\'' || w.charAt(n - 2) == '\u2019') && w.charAt(n - 1) == 's') {
            return t.end() - 2;
        }
        return t.end();
    }

    /** Strips titles ("Dr.", "Lt Gen (Ret.)") and possessives from a person span. */
    private Span trimPerson(String text, List<Token> tokens, TagSpan s) {
        int first = s.firstToken();
        int last = s.lastToken();
        while (first <= last && isTitle(tokens.get(first).text())) {
            first++;
        }
        // a trailing token without letters goes; "-hoon" in "Lee Sang" + "-hoon" is part of the name
        while (last >= first && (POSSESSIVE.contains(tokens.get(last).text())
                || !HAS_LETTER.matcher(tokens.get(last).text()).find())) {
            last--;
        }
        if (first > last || !Character.isUpperCase(tokens.get(first).text().charAt(0))) {
            return null;
        }
        return new Span(tokens.get(first).start(), endWithoutPossessive(tokens.get(last)));
    }

    /**
     * "Supreme Allied Commander Europe James Stavridis": after a title, a place that begins the span belongs to
     * the post, not to the name.
     */
    private Span withoutPostPlace(List<Token> tokens, Span person, List<Span> countrySpans, List<Span> places) {
        if (person == null) {
            return null;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() == person.start()) {
                Span word = new Span(t.start(), t.end());
                boolean place = isCoveredBy(countrySpans, word) || isCoveredBy(places, word);
                if (place && isTitle(tokens.get(i - 1).text()) && tokens.get(i + 1).start() < person.end()) {
                    return new Span(tokens.get(i + 1).start(), person.end());
                }
                return person;
            }
        }
        return person;
    }

    private boolean isTitle(String w) {
        return names.titles.contains(w) || w.equals("(") || w.equals(")") || w.equals("(Ret.)");
    }

    private static boolean isCoveredBy(List<Span> spans, Span s) {
        for (Span c : spans) {
            if (c.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Every letter of {@code s} lies inside one of {@code spans} ("Dokdo/Takeshima"). */
    private static boolean coveredByUnion(List<Span> spans, String text, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            boolean inside = false;
            for (Span c : spans) {
                if (c.start() <= i && i < c.end()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlapsAny(List<Candidate> candidates, Span s, EntityType type) {
        for (Candidate c : candidates) {
            if (c.type() == type && c.start() < s.end() && s.start() < c.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCapital(String text, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
