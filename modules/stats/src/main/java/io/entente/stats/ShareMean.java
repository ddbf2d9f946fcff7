package io.entente.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of per-document shares (each in [0, 1]) with Student's t interval over the documents:
 *
 * <pre>
 *   mean ± t(1 − α/2, n − 1) · sd / √n, clipped to [0, 1]
 * </pre>
 *
 * <p>The document is the unit: a period of three papers has n = 3 whatever their length, so the
 * interval is as wide as three papers warrant (t with 2 df is 4.30, not 1.96). Chosen over a
 * percentile bootstrap because that one cannot leave [min, max] of the values and is far too
 * narrow with the 3–10 documents a period often has; the t interval is also exact to recompute by
 * hand. With a single document there is no spread to estimate and the interval is null; when every
 * document has the same share the interval has zero width (the data show no spread).
 */
public final class ShareMean {
    /** The method, as reports name it. */
    public static final String METHOD = "t interval over documents (n - 1 df), clipped to [0, 1]";

    private ShareMean() {
    }

    /**
     * @param shares     one share per document, each in [0, 1]
     * @param confidence in (0, 1)
     * @throws IllegalArgumentException for no values, a value outside [0, 1] or a confidence outside (0, 1)
     */
    public static MeanInterval interval(double[] shares, double confidence) {
        Objects.requireNonNull(shares, "shares");
        double alpha = Checks.alphaOf(confidence);
        Checks.finite(shares, "shares");
        if (shares.length == 0) {
            throw new IllegalArgumentException("shares must not be empty");
        }
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] < 0 || shares[i] > 1) {
                throw new IllegalArgumentException("shares[" + i + "] must be in [0, 1] but is " + shares[i]);
            }
            sum += shares[i];
        }
        int n = shares.length;
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(1, mean, null, null, null, confidence);
        }
        double ss = 0;
        for (double v : shares) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - alpha / 2) * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, Math.max(0.0, mean - half), Math.min(1.0, mean + half), confidence);
    }
}
