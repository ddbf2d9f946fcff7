package io.entente.core;

import java.util.List;

/**
 * A pair (or trilateral group) of countries whose cooperation a document discusses.
 *
 * @param pair      the countries' codes joined by '-', in alphabetical order ({@code JPN-KOR}, {@code JPN-KOR-USA})
 * @param countries the same codes, alphabetical
 * @param sentences the number of sentences that involve every country of the pair (named or referred to)
 * @param themes    the themes whose evidence sentences involve every country of the pair, most sentences first
 */
public record CooperationPair(String pair, List<String> countries, int sentences, List<PairTheme> themes) {
    public CooperationPair {
        countries = List.copyOf(countries);
        themes = List.copyOf(themes);
        if (countries.size() < 2) {
            throw new IllegalArgumentException("a cooperation pair needs at least two countries: " + countries);
        }
        if (!pair.equals(String.join("-", countries))) {
            throw new IllegalArgumentException("pair '" + pair + "' must be the countries joined by '-': " + countries);
        }
    }

    /** A theme attached to a pair: how many of its evidence sentences involve the pair. */
    public record PairTheme(String id, int sentences) {
    }
}
