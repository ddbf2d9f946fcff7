package io.entente.themes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words cues match on: runs of letters and digits, lower-cased, with their offsets. Hyphens,
 * apostrophes and periods separate words ("self-defense" is two words, "U.S." is "u", "s").
 */
record SentenceWords(List<String> words, int[] starts, int[] ends) {

    static SentenceWords of(String text, int from, int to) {
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                int j = i + 1;
                while (j < to && Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                String w = text.substring(i, j).toLowerCase(Locale.ROOT);
                words.add(Normalizer.isNormalized(w, Normalizer.Form.NFKC) ? w : Normalizer.normalize(w, Normalizer.Form.NFKC));
                spans.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        int[] s = new int[spans.size()];
        int[] e = new int[spans.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = spans.get(k)[0];
            e[k] = spans.get(k)[1];
        }
        return new SentenceWords(words, s, e);
    }
}
