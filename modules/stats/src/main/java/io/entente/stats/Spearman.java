package io.entente.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Spearman's rank correlation coefficient with a two-sided test by the t approximation (as R's
 * {@code cor.test(x, y, method = "spearman", exact = FALSE)} and scipy's {@code spearmanr}).
 */
public final class Spearman {
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private Spearman() {
    }

    /**
     * Correlates the ranks of x and y.
     *
     * @return rho and p; see {@link SpearmanResult} for when they are null
     * @throws IllegalArgumentException for arrays of different lengths or non-finite values
     */
    public static SpearmanResult test(double[] x, double[] y) {
        Checks.paired(x, y);
        int n = x.length;
        if (n < 3) {
            return new SpearmanResult(null, null, n);
        }
        double[] rx = RANKING.rank(x);
        double[] ry = RANKING.rank(y);
        // Both rank vectors have mean (n + 1)/2.
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return new SpearmanResult(null, null, n);
        }
        double rho = Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
        double p;
        if (Math.abs(rho) >= 1) {
            p = 0.0;
        } else {
            int df = n - 2;
            double t = rho * Math.sqrt(df / (1 - rho * rho));
            p = Math.min(1.0, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
        }
        return new SpearmanResult(rho, p, n);
    }
}
