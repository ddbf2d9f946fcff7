package io.entente.stats;

import java.util.Objects;

/** Argument checks shared by the statistics classes. */
final class Checks {
    private Checks() {
    }

    static double alphaOf(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1) but is " + confidence);
        }
        return 1 - confidence;
    }

    static void alpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but is " + alpha);
        }
    }

    static void counts(int successes, int total, String group) {
        if (total < 0) {
            throw new IllegalArgumentException(group + "total must not be negative but is " + total);
        }
        if (successes < 0 || successes > total) {
            throw new IllegalArgumentException(
                    group + "successes must be in [0, " + total + "] but are " + successes);
        }
    }

    static void cells(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException(
                    "2x2 counts must not be negative: [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
        }
    }

    static void finite(double[] values, String name) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but is " + values[i]);
            }
        }
    }

    static void paired(double[] x, double[] y) {
        finite(x, "x");
        finite(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "x and y must have the same length but have " + x.length + " and " + y.length);
        }
    }
}
