package io.entente.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void recoversASeparableProblem() {
        // label = x0 - 2 x1 > 0.5, with a margin; x2 is noise on a different scale
        Random r = new Random(7);
        int n = 200;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        int i = 0;
        while (i < n) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double m = a - 2 * b - 0.5;
            if (Math.abs(m) < 0.3) {
                continue;
            }
            x[i] = new double[] {a, b, 100 * r.nextGaussian()};
            y[i] = m > 0;
            i++;
        }
        LogisticRegression.Model model = LogisticRegression.fit(x, y, 0.01);
        for (int k = 0; k < n; k++) {
            assertEquals(y[k], model.probability(x[k]) >= 0.5, "row " + k);
        }
        double[] w = model.weights();
        assertTrue(w[0] > 0 && w[1] < 0, "signs");
        assertEquals(-2.0, w[1] / w[0], 0.3, "direction of the separating line");
        assertEquals(-0.5, model.bias() / w[0], 0.2, "offset");
        assertTrue(Math.abs(w[2] * 100) < Math.abs(w[0]), "the noise feature counts little");
    }

    @Test
    void regularizationShrinksAndIsDeterministic() {
        double[][] x = {{0}, {1}, {2}, {3}};
        boolean[] y = {false, false, true, true};
        LogisticRegression.Model weak = LogisticRegression.fit(x, y, 0.1);
        LogisticRegression.Model strong = LogisticRegression.fit(x, y, 10);
        assertTrue(weak.weights()[0] > strong.weights()[0] && strong.weights()[0] > 0);
        assertEquals(0.5, strong.probability(new double[] {1.5}), 1e-9, "symmetric problem: midpoint at 0.5");
        assertArrayEquals(weak.weights(), LogisticRegression.fit(x, y, 0.1).weights());
    }

    @Test
    void oneClassStaysFinite() {
        double[][] x = {{0}, {1}, {2}};
        boolean[] y = {false, false, false};
        LogisticRegression.Model m = LogisticRegression.fit(x, y, 1);
        double p = m.probability(new double[] {1});
        assertTrue(p > 0 && p < 0.5, "p=" + p);
    }

    @Test
    void bestThresholdMaximizesF1() {
        double[] p = {0.9, 0.8, 0.7, 0.4, 0.3, 0.1};
        boolean[] y = {true, true, false, true, false, false};
        // top 4 gives tp 3, fp 1: F1 = 6/7, the best; threshold between 0.4 and 0.3
        assertEquals(0.35, Trainer.bestThreshold(p, y), 1e-12);
        assertEquals(1.0, Trainer.bestThreshold(p, new boolean[6]), "no positive: never assign");
    }

    @Test
    void quasiNewtonReachesTheNewtonOptimum() {
        Random r = new Random(7);
        int n = 300;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian() * (j + 1);
            }
            y[i] = 0.8 * x[i][0] - 0.5 * x[i][1] + 0.2 * r.nextGaussian() > 0.1;
        }
        double[] lambda = {2, 2, 2};
        LogisticRegression.Model newton = LogisticRegression.fit(x, y, lambda);
        LogisticRegression.Model lbfgs = LogisticRegression.fitQuasiNewton(x, y, lambda);
        for (int j = 0; j < 3; j++) {
            assertEquals(newton.weights()[j], lbfgs.weights()[j], 1e-3, "weight " + j);
        }
        assertEquals(newton.bias(), lbfgs.bias(), 1e-3);
    }

    /** Regression: a nearly constant feature (one embedding dimension) once got a weight of 10^6. */
    @Test
    void nearlyConstantFeaturesGetNoWeight() {
        Random r = new Random(3);
        int n = 200;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = -0.3 + 1e-6 * r.nextGaussian(); // constant up to rounding
            y[i] = x[i][0] + 0.3 * r.nextGaussian() > 0;
        }
        LogisticRegression.Model m = LogisticRegression.fit(x, y, 1.0);
        assertEquals(0.0, m.weights()[1], 0.0);
        assertTrue(m.weights()[0] > 1, "the informative feature keeps its weight: " + m.weights()[0]);
        assertTrue(Math.abs(m.bias()) < 5, "bias stays moderate: " + m.bias());
    }
}
