package io.entente.entities;

import io.entente.core.EntityType;
import io.entente.core.Sentence;
import io.entente.core.Span;
import io.entente.core.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the mentions of one sentence: countries from the gazetteer, people from the CRF tagger,
 * organizations from the tagger, the alias table and head-word patterns ("Korea Military Academy").
 * Stateless; the knowledge it reads is immutable.
 */
final class MentionFinder {
    private static final Set<String> ORG_CONNECTORS_RIGHT = Set.of("of", "for", "on", "&");
    private static final Set<String> POSSESSIVE = Set.of("'s", "\u2019s");

    private final CountryTable countries;
    private final NameKnowledge names;

    MentionFinder(CountryTable countries, NameKnowledge names) {
        this.countries = countries;
        this.names = names;
    }

    private record TagSpan(String tag, int start, int end, int firstToken, int lastToken) {
    }

    List<Candidate> find(String text, Sentence sentence, String[] tags) {
        List<Token> tokens = sentence.tokens();
        List<TagSpan> nerSpans = tagSpans(tokens, tags);
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
            if (form.needsNer() && !overlapsTag(nerSpans, m.start(), m.end(), "LOCATION")) {
                continue;
            }
            countrySpans.add(new Span(m.start(), m.end()));
            out.add(new Candidate(EntityType.COUNTRY, m.start(), m.end(), text.substring(m.start(), m.end()),
                    sentence.index(), "gazetteer", form.code(), mentionForm(form)));
        }

        List<Span> orgs = new ArrayList<>();
        for (Gazetteer.Match<String> m : names.orgAliases.find(gaz)) {
            orgs.add(new Span(m.start(), m.end()));
        }
        for (TagSpan s : nerSpans) {
            if (s.tag().equals("ORGANIZATION")) {
                orgs.add(new Span(s.start(), s.end()));
            }
        }
        orgs.addAll(headWordOrganizations(tokens));
        for (Span org : splitAtAnd(tokens, union(orgs))) {
            Span trimmed = trimOrganization(text, tokens, org);
            if (trimmed == null || isCoveredBy(countrySpans, trimmed) || coveredByUnion(nonEntities, text, trimmed)
                    || !hasCapital(text, trimmed)
                    || mostlyCountries(tokens, countrySpans, trimmed)) {
                continue;
            }
            out.add(new Candidate(EntityType.ORGANIZATION, trimmed.start(), trimmed.end(), trimmed.of(text),
                    sentence.index(), "org", null, null));
        }

        for (TagSpan s : nerSpans) {
            if (!s.tag().equals("PERSON")) {
                continue;
            }
            Span person = trimPerson(text, tokens, s);
            if (person == null || isCoveredBy(countrySpans, person) || isCoveredBy(nonEntities, person) || overlapsAny(out, person, EntityType.ORGANIZATION)) {
                continue;
            }
            out.add(new Candidate(EntityType.PERSON, person.start(), person.end(), person.of(text),
                    sentence.index(), "ner", null, null));
        }
        out.sort(Comparator.comparingInt(Candidate::start));
        return out;
    }

    /** A territory's own names read as {@code territory}; its demonyms, capitals and abbreviations keep their kind. */
    private String mentionForm(CountryTable.Form form) {
        boolean nameLike = Set.of("name", "official", "alt", "historical").contains(form.kind());
        return nameLike && countries.status(form.code()).isTerritory() ? "territory" : form.kind();
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
    private List<Span> headWordOrganizations(List<Token> tokens) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Boolean takesPlace = names.orgHeads.get(tokens.get(i).text());
            if (takesPlace == null) {
                continue;
            }
            int left = i;
            while (left > 0) {
                String prev = tokens.get(left - 1).text();
                if (isNameWord(prev)) {
                    left--;
                } else if ((prev.equals("of") || prev.equals("&")) && left >= 2 && isNameWord(tokens.get(left - 2).text())
                        && !names.titles.contains(tokens.get(left - 2).text())) {
                    left -= 2;
                } else if (POSSESSIVE.contains(prev) && left >= 2 && isNameWord(tokens.get(left - 2).text())) {
                    left -= 2;
                } else {
                    break;
                }
            }
            int right = i;
            boolean connected = false;
            while (right + 1 < tokens.size()) {
                String next = tokens.get(right + 1).text();
                if (isNameWord(next)) {
                    right++;
                } else if (!connected && (ORG_CONNECTORS_RIGHT.contains(next) || (takesPlace && next.equals("in")))
                        && right + 2 < tokens.size()) {
                    connected = true; // one "of"/"for"/"in" at most: "Embassy in Cambodia", not "... for ..."

                    int k = right + 2;
                    if (tokens.get(k).text().equals("the") && k + 1 < tokens.size()) {
                        k++;
                    }
                    if (isNameWord(tokens.get(k).text())) {
                        right = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (right > left) {
                out.add(new Span(tokens.get(left).start(), tokens.get(right).end()));
            }
        }
        return out;
    }

    /**
     * "X Command and Y Council" (or "X College/the Y University") names two organizations when each
     * side has its own head word;
     * "Nippon Steel and Sumitomo Metal Corporation" stays one.
     */
    private List<Span> splitAtAnd(List<Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            int start = s.start();
            boolean headSinceStart = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < start || t.end() > s.end()) {
                    continue;
                }
                if (names.orgHeads.containsKey(t.text())) {
                    headSinceStart = true;
                }
                if ((t.text().equals("and") || t.text().equals("/")) && headSinceStart && hasHead(tokens, t.end(), s.end())) {
                    out.add(new Span(start, tokens.get(i - 1).end()));
                    start = tokens.get(i + 1).start();
                    headSinceStart = false;
                }
            }
            out.add(new Span(start, s.end()));
        }
        return out;
    }

    private boolean hasHead(List<Token> tokens, int from, int to) {
        for (Token t : tokens) {
            if (t.start() >= from && t.end() <= to && names.orgHeads.containsKey(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** "U.S. America First" is a policy, not an organization: no head word, mostly country names. */
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
                || tokens.get(first).text().equalsIgnoreCase("the"))) {
            first++;
        }
        while (last >= first && (POSSESSIVE.contains(tokens.get(last).text())
                || !Character.isLetterOrDigit(tokens.get(last).text().charAt(0)))) {
            last--;
        }
        if (first > last) {
            return null;
        }
        return new Span(tokens.get(first).start(), tokens.get(last).end());
    }

    /** Strips titles ("Dr.", "Lt Gen (Ret.)") and possessives from a person span. */
    private Span trimPerson(String text, List<Token> tokens, TagSpan s) {
        int first = s.firstToken();
        int last = s.lastToken();
        while (first <= last && isTitle(tokens.get(first).text())) {
            first++;
        }
        while (last >= first && (POSSESSIVE.contains(tokens.get(last).text())
                || !Character.isLetter(tokens.get(last).text().charAt(0)))) {
            last--;
        }
        if (first > last || !Character.isUpperCase(tokens.get(first).text().charAt(0))) {
            return null;
        }
        return new Span(tokens.get(first).start(), tokens.get(last).end());
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
