package io.entente.semantic;

/**
 * L2-regularized binary logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Features are standardized internally (mean 0, variance 1 over the training rows); the
 * returned weights apply to the raw features. The bias is not penalized. Deterministic: no random
 * initialization, fixed iteration order.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** A fitted model: {@code p = sigmoid(bias + weights . x)}. */
    public record Model(double[] weights, double bias) {
        public double probability(double[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return sigmoid(z);
        }
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * Fits the model.
     *
     * @param x      rows of features
     * @param y      labels
     * @param lambda L2 penalty on the standardized weights ({@code lambda/2 * |w|^2} added to the
     *               negative log-likelihood summed over rows)
     */
    public static Model fit(double[][] x, boolean[] y, double lambda) {
        double[] l = new double[x.length == 0 ? 0 : x[0].length];
        java.util.Arrays.fill(l, lambda);
        return fit(x, y, l);
    }

    /** Features whose standard deviation over the training rows is below this count as constant. */
    static final double MIN_SD = 1e-3;

    /** Fits the model with a penalty per feature ({@code lambda[j]/2 * w_j^2}, standardized scale). */
    public static Model fit(double[][] x, boolean[] y, double[] lambda) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        boolean[] constant = new boolean[d];
        moments(x, mean, scale, constant);
        // standardized design with a leading column of ones for the bias
        int p = d + 1;
        double[][] z = new double[n][p];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = constant[j] ? 0 : (x[i][j] - mean[j]) / scale[j];
            }
            if (y[i]) {
                positives++;
            }
        }
        double[] beta = new double[p];
        // start from the base rate (smoothed), so a one-class problem stays finite
        double rate = (positives + 0.5) / (n + 1.0);
        beta[0] = Math.log(rate / (1 - rate));
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[p];
            double[][] h = new double[p][p];
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += beta[j] * zi[j];
                }
                double mu = sigmoid(eta);
                double yi = y[i] ? 1 : 0;
                loss -= yi * logSigmoid(eta) + (1 - yi) * logSigmoid(-eta);
                double r = mu - yi;
                double w = Math.max(mu * (1 - mu), 1e-10);
                for (int a = 0; a < p; a++) {
                    grad[a] += r * zi[a];
                    double wa = w * zi[a];
                    if (wa == 0) {
                        continue;
                    }
                    double[] ha = h[a];
                    for (int b = a; b < p; b++) {
                        ha[b] += wa * zi[b];
                    }
                }
            }
            for (int a = 1; a < p; a++) {
                loss += 0.5 * lambda[a - 1] * beta[a] * beta[a];
                grad[a] += lambda[a - 1] * beta[a];
                h[a][a] += lambda[a - 1];
            }
            h[0][0] += 1e-8;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    h[a][b] = h[b][a];
                }
            }
            double[] step = solveCholesky(h, grad);
            // damped Newton: halve the step until the penalized loss does not increase
            double t = 1;
            double[] next = new double[p];
            double nextLoss = Double.POSITIVE_INFINITY;
            for (int half = 0; half < 30; half++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] - t * step[a];
                }
                nextLoss = penalizedLoss(z, y, next, lambda);
                if (nextLoss <= loss) {
                    break;
                }
                t /= 2;
            }
            if (nextLoss > loss) {
                break;
            }
            System.arraycopy(next, 0, beta, 0, p);
            if (loss - nextLoss < 1e-10 * Math.max(1, loss)) {
                break;
            }
        }
        double[] w = new double[d];
        double b = beta[0];
        for (int j = 0; j < d; j++) {
            w[j] = constant[j] ? 0 : beta[j + 1] / scale[j];
            b -= w[j] * mean[j];
        }
        return new Model(w, b);
    }

    /**
     * The same model as {@link #fit(double[][], boolean[], double[])} (standardized features, per-feature
     * L2 penalty, unpenalized bias, constant features at 0) fitted by L-BFGS instead of Newton's method:
     * linear cost per iteration in the number of features, for the embedding-sized problems of
     * {@code entente train}. Converges to the same optimum up to the tolerance.
     */
    public static Model fitQuasiNewton(double[][] x, boolean[] y, double[] lambda) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        boolean[] constant = new boolean[d];
        float[][] z = standardize(x, mean, scale, constant);
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double[] beta = new double[d + 1]; // bias last
        double rate = (positives + 0.5) / (n + 1.0);
        beta[d] = Math.log(rate / (1 - rate));
        Lbfgs.minimize((w, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double loss = 0;
            for (int i = 0; i < n; i++) {
                float[] zi = z[i];
                double eta = w[d];
                for (int j = 0; j < d; j++) {
                    eta += w[j] * zi[j];
                }
                loss -= y[i] ? logSigmoid(eta) : logSigmoid(-eta);
                double r = sigmoid(eta) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += r * zi[j];
                }
                grad[d] += r;
            }
            for (int j = 0; j < d; j++) {
                loss += 0.5 * lambda[j] * w[j] * w[j];
                grad[j] += lambda[j] * w[j];
            }
            return loss;
        }, beta, 500, 1e-6);
        double[] w = new double[d];
        double b = beta[d];
        for (int j = 0; j < d; j++) {
            w[j] = constant[j] ? 0 : beta[j] / scale[j];
            b -= w[j] * mean[j];
        }
        return new Model(w, b);
    }

    /** Standardized copy of {@code x} (float: half the memory of the large designs); fills mean, scale and constant. */
    private static float[][] standardize(double[][] x, double[] mean, double[] scale, boolean[] constant) {
        int n = x.length;
        int d = mean.length;
        moments(x, mean, scale, constant);
        float[][] z = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = constant[j] ? 0 : (float) ((x[i][j] - mean[j]) / scale[j]);
            }
        }
        return z;
    }

    /** Column means and standard deviations (1 for constant columns, which are flagged). */
    private static void moments(double[][] x, double[] mean, double[] scale, boolean[] constant) {
        int n = x.length;
        int d = mean.length;
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, n);
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / Math.max(1, n));
            // A (nearly) constant feature carries no information, and standardizing it would turn a
            // rounding-level wiggle into a huge raw weight (all-MiniLM-L6-v2 has such a dimension):
            // it gets weight 0.
            constant[j] = sd < MIN_SD;
            scale[j] = constant[j] ? 1 : sd;
        }
    }

    private static double penalizedLoss(double[][] z, boolean[] y, double[] beta, double[] lambda) {
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double eta = 0;
            for (int j = 0; j < beta.length; j++) {
                eta += beta[j] * z[i][j];
            }
            loss -= y[i] ? logSigmoid(eta) : logSigmoid(-eta);
        }
        for (int a = 1; a < beta.length; a++) {
            loss += 0.5 * lambda[a - 1] * beta[a] * beta[a];
        }
        return loss;
    }

    private static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (a is overwritten). */
    static double[] solveCholesky(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= a[j][k] * a[j][k];
            }
            double l = Math.sqrt(Math.max(s, 1e-12));
            a[j][j] = l;
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                double[] ai = a[i];
                double[] aj = a[j];
                for (int k = 0; k < j; k++) {
                    t -= ai[k] * aj[k];
                }
                ai[j] = t / l;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i][k] * y[k];
            }
            y[i] = t / a[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double t = y[i];
            for (int k = i + 1; k < n; k++) {
                t -= a[k][i] * x[k];
            }
            x[i] = t / a[i][i];
        }
        return x;
    }
}
