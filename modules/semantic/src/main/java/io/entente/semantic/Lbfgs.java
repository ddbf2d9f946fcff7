package io.entente.semantic;

/**
 * Limited-memory BFGS for smooth convex objectives (two-loop recursion, backtracking line search
 * with the Armijo condition). Deterministic: no randomness, fixed evaluation order. Used for
 * logistic regressions with hundreds of features, where Newton's method would build a dense
 * Hessian per iteration.
 */
final class Lbfgs {
    /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
    interface Objective {
        double valueAndGradient(double[] x, double[] grad);
    }

    private Lbfgs() {
    }

    /** Minimizes from {@code x} (updated in place) for at most {@code maxIterations} steps; returns the value. */
    static double minimize(Objective f, double[] x, int maxIterations, double tolerance) {
        int d = x.length;
        int m = 10;
        double[][] s = new double[m][d];
        double[][] y = new double[m][d];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        double[] g = new double[d];
        double fx = f.valueAndGradient(x, g);
        double[] dir = new double[d];
        double[] xNew = new double[d];
        double[] gNew = new double[d];
        int stored = 0;
        int head = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            if (norm(g) <= tolerance * Math.max(1, norm(x))) {
                break;
            }
            // two-loop recursion: dir = -H g
            System.arraycopy(g, 0, dir, 0, d);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(head - 1 - k, m);
                alpha[i] = rho[i] * dot(s[i], dir);
                axpy(-alpha[i], y[i], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(dir, gamma);
            } else {
                scale(dir, 1 / Math.max(1, norm(g)));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(head - 1 - k, m);
                double beta = rho[i] * dot(y[i], dir);
                axpy(alpha[i] - beta, s[i], dir);
            }
            scale(dir, -1);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                for (int j = 0; j < d; j++) {
                    dir[j] = -g[j];
                }
                slope = dot(g, dir);
                stored = 0;
            }
            double t = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int half = 0; half < 40; half++) {
                for (int j = 0; j < d; j++) {
                    xNew[j] = x[j] + t * dir[j];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * t * slope) {
                    accepted = true;
                    break;
                }
                t /= 2;
            }
            if (!accepted) {
                break;
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int j = 0; j < d; j++) {
                sk[j] = xNew[j] - x[j];
                yk[j] = gNew[j] - g[j];
            }
            double sy = dot(sk, yk);
            double improvement = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, d);
            System.arraycopy(gNew, 0, g, 0, d);
            fx = fNew;
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            if (improvement < 1e-10 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return fx;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
