package io.entente.gold;

/**
 * True positives, false positives and false negatives, with the measures derived from them: the one
 * counts type of Entente, used alike by {@code evaluate}, cross-validation, {@code train} and
 * {@code lexicon}, so a score means the same wherever it is printed.
 *
 * <p>Conventions for empty denominators:
 * <ul>
 *   <li>precision is 1 when nothing was predicted ({@code tp + fp == 0}): no claim was wrong;</li>
 *   <li>recall is 1 when there was nothing to find ({@code tp + fn == 0}): nothing was missed;</li>
 *   <li>F1 is {@code 2tp / (2tp + fp + fn)}, the harmonic mean of the two, and <b>1 when all three
 *   counts are 0</b> (a theme that neither occurs nor is predicted: nothing to find, nothing claimed).
 *   A theme with gold but no prediction, or prediction but no gold, has F1 0 either way.</li>
 * </ul>
 * An all-zero count carries no evidence about a classifier, so aggregates that would be biased by
 * the vacuous 1 (bootstrap resamples, macro averages) should test {@link #isEmpty()} and leave such
 * counts out rather than average them in. Choices that maximize F1 (penalties, thresholds, scales)
 * compare counts with something to find, where the convention does not arise.
 */
public record Counts(int tp, int fp, int fn) {
    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count: tp " + tp + ", fp " + fp + ", fn " + fn);
        }
    }

    /** The counts of one decision: predicted or not, against gold or not. */
    public static Counts of(boolean predicted, boolean gold) {
        return new Counts(predicted && gold ? 1 : 0, predicted && !gold ? 1 : 0, !predicted && gold ? 1 : 0);
    }

    /** The counts of a predicted set against a gold set (themes of a sentence or a document). */
    public static Counts ofSets(java.util.Set<String> predicted, java.util.Set<String> gold) {
        int tp = 0;
        for (String p : predicted) {
            tp += gold.contains(p) ? 1 : 0;
        }
        return new Counts(tp, predicted.size() - tp, gold.size() - tp);
    }

    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** These counts {@code k} times over (a document drawn {@code k} times into a bootstrap resample). */
    public Counts times(int k) {
        return new Counts(tp * k, fp * k, fn * k);
    }

    /** Neither gold nor prediction: every measure is vacuous. */
    public boolean isEmpty() {
        return tp == 0 && fp == 0 && fn == 0;
    }

    public double precision() {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
        return isEmpty() ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
