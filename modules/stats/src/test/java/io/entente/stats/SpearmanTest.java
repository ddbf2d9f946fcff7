package io.entente.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void wikipediaIqAndTelevision() {
        // Wikipedia, "Spearman's rank correlation coefficient", worked example: IQ against hours of TV
        // per week for 10 people; Σd² = 194, rho = 1 - 6·194/(10·99) = -29/165 = -0.175758, and the
        // t-distribution p-value 0.627188 (scipy.stats.spearmanr agrees).
        double[] iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
        double[] tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
        SpearmanResult r = Spearman.test(iq, tv);
        assertEquals(-29.0 / 165, r.rho(), 1e-9);
        assertEquals(0.627188, r.pValue(), 1e-6);
        assertEquals(10, r.n());
    }

    @Test
    void tiesGetAverageRanks() {
        // x = 1,2,3,4,5, y = 1,2,2,3,5 -> ranks of y 1, 2.5, 2.5, 4, 5. Pearson on ranks by hand:
        // deviations x: -2,-1,0,1,2; y: -2,-0.5,-0.5,1,2; Σdxdy = 4+0.5+0+1+4 = 9.5, Σdx² = 10,
        // Σdy² = 4+0.25+0.25+1+4 = 9.5 -> rho = 9.5/sqrt(95) = 0.974679;
        // t = rho·sqrt(3/(1-rho²)) = 7.549834, p (3 df) = 0.004818.
        SpearmanResult r = Spearman.test(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 2, 3, 5});
        assertEquals(0.974679, r.rho(), 1e-6);
        assertEquals(0.004818, r.pValue(), 1e-6);
    }

    @Test
    void perfectRankAgreementHasPZero() {
        SpearmanResult r = Spearman.test(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64});
        assertEquals(1.0, r.rho(), 1e-12);
        assertEquals(0.0, r.pValue(), 0.0);
        SpearmanResult down = Spearman.test(new double[] {1, 2, 3, 4}, new double[] {9, 7, 5, 1});
        assertEquals(-1.0, down.rho(), 1e-12);
    }

    @Test
    void undefinedCasesAreNull() {
        SpearmanResult two = Spearman.test(new double[] {1, 2}, new double[] {2, 1});
        assertNull(two.rho());
        assertNull(two.pValue());
        assertFalse(two.enough());
        SpearmanResult constant = Spearman.test(new double[] {1, 2, 3}, new double[] {5, 5, 5});
        assertNull(constant.rho());
        assertNull(constant.pValue());
        assertThrows(IllegalArgumentException.class, () -> Spearman.test(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}
