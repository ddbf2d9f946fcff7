package io.entente.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted probabilities match observed frequencies, from (predicted probability, gold 0/1)
 * pairs: a reliability table over {@value #BINS} equal-width bins of the predicted probability
 * ([0, 0.1), [0.1, 0.2), ..., [0.9, 1.0], the last one closed), the expected calibration error
 * (count-weighted mean over non-empty bins of |observed frequency − mean predicted|) and the Brier
 * score (mean squared difference between probability and outcome). Immutable.
 */
public final class Calibration {
    public static final int BINS = 10;

    /**
     * One bin of the reliability table.
     *
     * @param meanPredicted the mean predicted probability of its pairs (NaN when empty)
     * @param observed      the share of its pairs whose gold is 1 (NaN when empty)
     */
    public record Bin(double from, double to, int count, double meanPredicted, double observed) {
    }

    private final List<Bin> bins;
    private final int pairs;
    private final double ece;
    private final double brier;

    private Calibration(List<Bin> bins, int pairs, double ece, double brier) {
        this.bins = List.copyOf(bins);
        this.pairs = pairs;
        this.ece = ece;
        this.brier = brier;
    }

    /** Collects pairs; not thread-safe, the {@link Calibration} it builds is. */
    public static final class Builder {
        private final int[] count = new int[BINS];
        private final double[] sumPredicted = new double[BINS];
        private final int[] positives = new int[BINS];
        private double squaredError;
        private int pairs;

        /** Adds one pair: a probability in [0, 1] and whether the gold label holds. */
        public Builder add(double predicted, boolean gold) {
            if (!(predicted >= 0 && predicted <= 1)) {
                throw new IllegalArgumentException("predicted probability outside [0, 1]: " + predicted);
            }
            int b = Math.min(BINS - 1, (int) Math.floor(predicted * BINS));
            count[b]++;
            sumPredicted[b] += predicted;
            int y = gold ? 1 : 0;
            positives[b] += y;
            squaredError += (predicted - y) * (predicted - y);
            pairs++;
            return this;
        }

        public Calibration build() {
            List<Bin> bins = new ArrayList<>(BINS);
            double ece = 0;
            for (int b = 0; b < BINS; b++) {
                double mean = count[b] == 0 ? Double.NaN : sumPredicted[b] / count[b];
                double observed = count[b] == 0 ? Double.NaN : positives[b] / (double) count[b];
                bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], mean, observed));
                if (count[b] > 0) {
                    ece += count[b] * Math.abs(observed - mean);
                }
            }
            return pairs == 0 ? new Calibration(bins, 0, Double.NaN, Double.NaN)
                    : new Calibration(bins, pairs, ece / pairs, squaredError / pairs);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The calibration of parallel arrays of probabilities and gold labels. */
    public static Calibration of(double[] predicted, boolean[] gold) {
        if (predicted.length != gold.length) {
            throw new IllegalArgumentException(predicted.length + " probabilities but " + gold.length + " gold labels");
        }
        Builder b = builder();
        for (int i = 0; i < predicted.length; i++) {
            b.add(predicted[i], gold[i]);
        }
        return b.build();
    }

    /** The {@value #BINS} bins in ascending order, empty ones included. */
    public List<Bin> bins() {
        return bins;
    }

    public int pairs() {
        return pairs;
    }

    /** Expected calibration error; NaN without pairs. */
    public double ece() {
        return ece;
    }

    /** Brier score; NaN without pairs. */
    public double brier() {
        return brier;
    }
}
