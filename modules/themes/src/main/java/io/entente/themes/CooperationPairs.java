package io.entente.themes;

import io.entente.core.CooperationPair;
import io.entente.core.ThemeEvidence;
import io.entente.core.ThemeResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds a document's main cooperation pair(s) from the countries its sentences involve (named, or
 * referred to: "the two countries").
 *
 * <ul>
 *   <li><b>Pairs</b> are ranked by the number of sentences that involve both countries; ties go to
 *       the pair whose countries the document involves in more sentences overall (the more prominent
 *       pair: in a paper on India–US talks about China, {@code IND-USA} before {@code CHN-IND}),
 *       then alphabetical. A pair needs at least {@value #MIN_SENTENCES} such sentences.</li>
 *   <li>The <b>main pair</b> is the top one. Further pairs are listed when they reach half of the
 *       main pair's sentences ({@value #SECOND_PAIR_SHARE}), at most {@value #MAX_PAIRS} pairs in all:
 *       a paper on Japan–Korea relations that often brings in the United States also gets
 *       {@code JPN-USA} and {@code KOR-USA} when they are discussed nearly as much.</li>
 *   <li>A <b>trilateral group</b> is the main pair plus the third country that appears in the most
 *       of the main pair's sentences, when it appears in at least {@value #GROUP_SHARE} of them
 *       (and in at least {@value #MIN_SENTENCES}). 30% keeps a country that is a standing third
 *       party of the discussion (the common ally of a trilateral) and leaves out one that is
 *       brought in now and then (a third state mentioned in passing). The group is listed right
 *       after the main pair.</li>
 *   <li>Each pair's <b>themes</b> count the theme's evidence sentences that involve every country of
 *       the pair, most first (ties: codebook order); themes with none are left out.</li>
 * </ul>
 *
 * <p>Limitation: co-occurrence cannot tell partners from the third state they face together, so a
 * threat that is named in most of the partners' sentences (North Korea in a Japan–Korea paper on its
 * missiles) can become the third member of a group or, rarely, part of the main pair.
 */
public final class CooperationPairs {
    static final int MIN_SENTENCES = 2;
    static final double GROUP_SHARE = 0.30;
    static final double SECOND_PAIR_SHARE = 0.5;
    static final int MAX_PAIRS = 3;

    private CooperationPairs() {
    }

    /** A set of countries and the sentences that involve all of them. */
    public record Ranked(List<String> countries, int sentences) {
        public String key() {
            return String.join("-", countries);
        }
    }

    /** The main pair and, when there is one, the trilateral group built on it. */
    public record Main(Ranked pair, Ranked group) {
        /** The member of the group outside the pair (the common ally), or null. */
        public String third() {
            if (group == null) {
                return null;
            }
            for (String c : group.countries()) {
                if (!pair.countries().contains(c)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Every pair of countries that share a sentence, most shared sentences first. */
    public static List<Ranked> rankPairs(Collection<? extends Collection<String>> countriesBySentence) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> prominence = new HashMap<>();
        for (Collection<String> sentence : countriesBySentence) {
            List<String> cs = new ArrayList<>(new TreeSet<>(sentence));
            for (int i = 0; i < cs.size(); i++) {
                prominence.merge(cs.get(i), 1, Integer::sum);
                for (int j = i + 1; j < cs.size(); j++) {
                    counts.merge(cs.get(i) + "-" + cs.get(j), 1, Integer::sum);
                }
            }
        }
        Comparator<Ranked> bySentences = Comparator.comparingInt(Ranked::sentences).reversed();
        Comparator<Ranked> byProminence = Comparator.comparingInt(
                (Ranked r) -> r.countries().stream().mapToInt(c -> prominence.getOrDefault(c, 0)).sum()).reversed();
        return counts.entrySet().stream()
                .map(e -> new Ranked(List.of(e.getKey().split("-")), e.getValue()))
                .sorted(bySentences.thenComparing(byProminence).thenComparing(Ranked::key))
                .toList();
    }

    /** The main pair and its trilateral group, or null when no pair shares {@value #MIN_SENTENCES} sentences. */
    public static Main main(Collection<? extends Collection<String>> countriesBySentence) {
        List<Ranked> pairs = rankPairs(countriesBySentence);
        if (pairs.isEmpty() || pairs.get(0).sentences() < MIN_SENTENCES) {
            return null;
        }
        Ranked pair = pairs.get(0);
        Map<String, Integer> third = new HashMap<>();
        for (Collection<String> sentence : countriesBySentence) {
            if (sentence.containsAll(pair.countries())) {
                for (String c : new TreeSet<>(sentence)) {
                    if (!pair.countries().contains(c)) {
                        third.merge(c, 1, Integer::sum);
                    }
                }
            }
        }
        Ranked group = null;
        String best = third.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (best != null) {
            int n = third.get(best);
            if (n >= MIN_SENTENCES && n >= GROUP_SHARE * pair.sentences()) {
                TreeSet<String> members = new TreeSet<>(pair.countries());
                members.add(best);
                group = new Ranked(List.copyOf(members), n);
            }
        }
        return new Main(pair, group);
    }

    /** The document's cooperation pairs with their themes (see the class comment for the rules). */
    public static List<CooperationPair> compute(Collection<? extends Collection<String>> countriesBySentence,
                                                List<ThemeResult> themes) {
        Main main = main(countriesBySentence);
        if (main == null) {
            return List.of();
        }
        List<Ranked> chosen = new ArrayList<>();
        chosen.add(main.pair());
        if (main.group() != null) {
            chosen.add(main.group());
        }
        int pairs = 1;
        for (Ranked r : rankPairs(countriesBySentence)) {
            if (pairs >= MAX_PAIRS) {
                break;
            }
            if (r.key().equals(main.pair().key())) {
                continue;
            }
            if (r.sentences() >= MIN_SENTENCES && r.sentences() >= SECOND_PAIR_SHARE * main.pair().sentences()) {
                chosen.add(r);
                pairs++;
            }
        }
        List<CooperationPair> out = new ArrayList<>();
        for (Ranked r : chosen) {
            List<CooperationPair.PairTheme> pts = new ArrayList<>();
            for (ThemeResult t : themes) {
                int n = 0;
                for (ThemeEvidence e : t.evidence()) {
                    if (e.actors().containsAll(r.countries())) {
                        n++;
                    }
                }
                if (n > 0) {
                    pts.add(new CooperationPair.PairTheme(t.id(), n));
                }
            }
            List<CooperationPair.PairTheme> sorted = new ArrayList<>(pts);
            sorted.sort(Comparator.comparingInt(CooperationPair.PairTheme::sentences).reversed()); // stable: codebook order on ties
            out.add(new CooperationPair(r.key(), r.countries(), r.sentences(), sorted));
        }
        return out;
    }
}
