package io.entente.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Linear trend of y over x by least squares, for example a theme's share by year.
 *
 * <p>Unweighted, it is ordinary least squares through commons-math's {@link SimpleRegression}
 * (slope interval from {@code getSlopeConfidenceInterval(1 − confidence)}, p-value from
 * {@code getSignificance()}). With weights it is weighted least squares with the weights taken as
 * precisions (inverse variances up to a common factor), as R's {@code lm(y ~ x, weights = w)}:
 *
 * <pre>
 *   x̄ = Σwx/Σw, ȳ = Σwy/Σw, Sxx = Σw(x − x̄)², slope = Σw(x − x̄)(y − ȳ)/Sxx, intercept = ȳ − slope·x̄
 *   s² = Σw(y − ŷ)²/(n − 2), SE(slope) = sqrt(s²/Sxx), interval slope ± t(1 − α/2, n − 2)·SE
 * </pre>
 *
 * <p>Multiplying every weight by the same factor changes nothing; equal weights give OLS. Points
 * with weight 0 are left out (and not counted in n).
 */
public final class Trend {
    private Trend() {
    }

    /** {@link #linear(double[], double[], double[], double)} unweighted, with 95 % confidence. */
    public static LinearTrend linear(double[] x, double[] y) {
        return linear(x, y, null, 0.95);
    }

    /**
     * Fits y = intercept + slope·x.
     *
     * @param weights    null for ordinary least squares, or one finite weight ≥ 0 per point
     * @param confidence confidence level of the slope interval, in (0, 1)
     * @return the fit; see {@link LinearTrend} for what is null when there are too few points
     * @throws IllegalArgumentException for arrays of different lengths, non-finite values, negative
     *                                  weights or a confidence outside (0, 1)
     */
    public static LinearTrend linear(double[] x, double[] y, double[] weights, double confidence) {
        Checks.paired(x, y);
        double alpha = Checks.alphaOf(confidence);
        if (weights == null) {
            return ordinary(x, y, alpha);
        }
        Checks.finite(weights, "weights");
        if (weights.length != x.length) {
            throw new IllegalArgumentException(
                    "weights must have the length of x (" + x.length + ") but have " + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("weights[" + i + "] must not be negative but is " + weights[i]);
            }
        }
        return weighted(x, y, weights, alpha);
    }

    private static LinearTrend ordinary(double[] x, double[] y, double alpha) {
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }
        int n = x.length;
        if (n < 2 || regression.getXSumSquares() == 0) {
            return new LinearTrend(null, null, null, null, null, n);
        }
        double slope = regression.getSlope();
        double intercept = regression.getIntercept();
        if (n < 3) {
            return new LinearTrend(slope, intercept, null, null, null, n);
        }
        double half = regression.getSlopeConfidenceInterval(alpha);
        double p = regression.getSlopeStdErr() == 0 ? perfectFitP(slope) : regression.getSignificance();
        return new LinearTrend(slope, intercept, slope - half, slope + half, clampP(p), n);
    }

    private static LinearTrend weighted(double[] x, double[] y, double[] w, double alpha) {
        int n = 0;
        double sw = 0;
        double swx = 0;
        double swy = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0) {
                n++;
                sw += w[i];
                swx += w[i] * x[i];
                swy += w[i] * y[i];
            }
        }
        if (n < 2) {
            return new LinearTrend(null, null, null, null, null, n);
        }
        double mx = swx / sw;
        double my = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0) {
                double dx = x[i] - mx;
                sxx += w[i] * dx * dx;
                sxy += w[i] * dx * (y[i] - my);
            }
        }
        if (sxx == 0) {
            return new LinearTrend(null, null, null, null, null, n);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        if (n < 3) {
            return new LinearTrend(slope, intercept, null, null, null, n);
        }
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0) {
                double r = y[i] - intercept - slope * x[i];
                sse += w[i] * r * r;
            }
        }
        int df = n - 2;
        double se = Math.sqrt(sse / df / sxx);
        TDistribution t = new TDistribution(null, df);
        double half = t.inverseCumulativeProbability(1 - alpha / 2) * se;
        double p = se == 0 ? perfectFitP(slope) : 2 * t.cumulativeProbability(-Math.abs(slope) / se);
        return new LinearTrend(slope, intercept, slope - half, slope + half, clampP(p), n);
    }

    private static double perfectFitP(double slope) {
        return slope == 0 ? 1.0 : 0.0;
    }

    private static double clampP(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
