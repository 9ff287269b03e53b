package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The consensus implementations against each other (to the bit), against the definition (smallest column value
 * whose stake at or below it exceeds the minority, by brute force) and against a port of the chain's mid-pivot
 * selection, on random columns with repeated values, zeros, one to 80 rows and strips that do not fill a vector.
 */
class YumaKernelsTest {

    @Test
    void bestShouldBeTheVectorImplementationWhenTheModuleIsPresent() {
        assertEquals("dtaosim.engine.simd.VectorYumaKernels", YumaKernels.best(64, 256).getClass().getName(),
                "surefire adds jdk.incubator.vector, so the Vector API twin must be the one tested here");
    }

    @Test
    void scalarVectorDefinitionAndChainShouldAgree() {
        final SplittableRandom rnd = new SplittableRandom(2026);
        int chainCompared = 0;
        // rows around every power of two up to 512 (padding and each network size), then random sizes
        final int[] sizes = {7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 300, 511, 512};
        for (int trial = 0; trial < 400 + 2 * sizes.length; trial++) {
            final int validators = trial < 2 * sizes.length ? sizes[trial / 2] : 1 + rnd.nextInt(80);
            final int miners = trial < 2 * sizes.length ? 9 + rnd.nextInt(8) : 1 + rnd.nextInt(40);
            final double[] w = new double[validators * miners];
            final int levels = rnd.nextBoolean() ? 4 : 1 << 20; // few levels: many ties inside a column
            for (int c = 0; c < w.length; c++) {
                w[c] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextInt(levels) / (double) levels;
            }
            final int[] rows = new int[validators];
            final double[] stake = new double[validators];
            int used = 0;
            double total = 0.0;
            for (int i = 0; i < validators; i++) {
                if (rnd.nextInt(6) != 0) {
                    rows[used] = i;
                    stake[used] = rnd.nextDouble() + 1e-3;
                    total += stake[used++];
                }
            }
            double stakeSum = 0.0;
            for (int k = 0; k < used; k++) {
                stake[k] /= total;
                stakeSum += stake[k];
            }
            final double kappa = trial % 7 == 0 ? 0.0 : rnd.nextDouble();
            final double minority = stakeSum - kappa;
            final double[] scalar = new double[miners];
            final double[] vector = new double[miners];
            YumaKernels.scalar(validators, miners).quantiles(w, miners, rows, stake, used, minority, scalar);
            YumaKernels.best(validators, miners).quantiles(w, miners, rows, stake, used, minority, vector);
            final double[] column = new double[used];
            final double[] scratch = new double[6 * Math.max(1, used)];
            for (int j = 0; j < miners; j++) {
                final String what = "trial " + trial + " column " + j + " of " + used + " rows";
                assertEquals(Double.doubleToRawLongBits(scalar[j]), Double.doubleToRawLongBits(vector[j]), what);
                for (int k = 0; k < used; k++) {
                    column[k] = w[rows[k] * miners + j];
                }
                assertEquals(definition(column, stake, used, minority), scalar[j], 0.0, what);
                if (!nearTie(column, stake, used, minority)) {
                    assertEquals(PivotSelection.quantile(column, 0, stake, used, minority, stakeSum, scratch),
                            scalar[j], 0.0, what + " (chain)");
                    chainCompared++;
                }
            }
        }
        assertTrue(chainCompared > 3000, "columns compared with the chain's selection: " + chainCompared);
    }

    @Test
    void rowLoopsShouldGiveTheScalarTwinsBits() {
        final SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 50; trial++) {
            final int m = 1 + rnd.nextInt(70);
            final int row = rnd.nextInt(3) * m;
            final double[] w = new double[4 * m];
            final double[] consensus = new double[m];
            for (int c = 0; c < w.length; c++) {
                w[c] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble() / m;
            }
            for (int j = 0; j < m; j++) {
                consensus[j] = rnd.nextDouble() / m;
            }
            final double stake = rnd.nextDouble();
            final double[][] ranks = new double[2][m];
            final double[][] unclipped = new double[2][m];
            final double[][] bonds = new double[2][4 * m];
            final double[][] columnSum = new double[2][m];
            final YumaKernels[] kernels = {YumaKernels.scalar(4, m), YumaKernels.best(4, m)};
            final double[] oldBonds = new double[4 * m];
            for (int c = 0; c < 4 * m; c++) {
                oldBonds[c] = rnd.nextDouble();
                bonds[0][c] = oldBonds[c];
                bonds[1][c] = oldBonds[c];
            }
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < m; j++) {
                    ranks[k][j] = 0.25;
                    unclipped[k][j] = 0.5;
                    columnSum[k][j] = 0.125;
                }
                kernels[k].clipAndRank(w, row, consensus, stake, ranks[k], unclipped[k], m);
                kernels[k].bondRow(w, row, consensus, 0.7, 0.1, bonds[k], 2 * m, columnSum[k], m);
            }
            final double[][] liquidBonds = new double[2][];
            final double[][] liquidSum = new double[2][m];
            for (int k = 0; k < 2; k++) {
                liquidBonds[k] = oldBonds.clone();
                kernels[k].liquidBondRow(w, row, consensus, 0.7, 0.7, 0.9, 1000.0, liquidBonds[k], m,
                        liquidSum[k], m);
            }
            for (int j = 0; j < m; j++) {
                // run_epoch.rs :: alpha_sigmoid with Math.exp: the kernels' exp is within a few ulp of it
                final double wb = w[row + j] + 0.7 * (Math.min(w[row + j], consensus[j]) - w[row + j]);
                final double b = oldBonds[m + j];
                final double diff = wb >= b ? Math.min(1, Math.max(0, wb - consensus[j]))
                        : Math.min(1, Math.max(0, b - wb));
                final double sigmoid = 1 / (1 + Math.exp(Math.max(-20, Math.min(20, -10.0 * (diff - 0.5)))));
                final double a = Math.min(0.9, Math.max(0.7, 0.7 + sigmoid * 0.2));
                assertEquals(Math.min(1, (1 - a) * b + Math.max(0, a * wb)), liquidBonds[0][m + j], 1e-14,
                        "scalar liquid bond " + j);
                assertEquals(Double.doubleToRawLongBits(liquidBonds[0][m + j]),
                        Double.doubleToRawLongBits(liquidBonds[1][m + j]), "vector liquid bond " + j);
                assertEquals(Double.doubleToRawLongBits(liquidSum[0][j]), Double.doubleToRawLongBits(liquidSum[1][j]));
            }
            final double[][] classicBonds = new double[2][];
            final double[][] oldSum = new double[2][m];
            final double[][] deltaSum = new double[2][m];
            final double[][] newSum = new double[2][m];
            final double[][] max = new double[2][m];
            final double[] oldFactor = new double[m];
            final double[] deltaFactor = new double[m];
            for (int j = 0; j < m; j++) {
                oldFactor[j] = 1.0 + rnd.nextDouble();
                deltaFactor[j] = 1.0 + rnd.nextDouble();
            }
            for (int k = 0; k < 2; k++) {
                classicBonds[k] = oldBonds.clone();
                kernels[k].classicSums(w, row, consensus, 0.7, stake, classicBonds[k], m, oldSum[k], deltaSum[k], m);
                kernels[k].classicBondRow(w, row, consensus, 0.7, stake, 0.1, classicBonds[k], m, oldFactor,
                        deltaFactor, newSum[k], m);
                kernels[k].scaleAndMax(classicBonds[k], m, oldFactor, max[k], m);
            }
            for (int j = 0; j < m; j++) {
                final double wb = w[row + j] + 0.7 * (Math.min(w[row + j], consensus[j]) - w[row + j]);
                assertEquals(oldBonds[m + j], oldSum[0][j], 0.0, "classic old sum " + j);
                assertEquals(wb * stake, deltaSum[0][j], 0.0, "classic delta sum " + j);
                final double nb = 0.1 * (wb * stake * deltaFactor[j]) + (1.0 - 0.1) * (oldBonds[m + j] * oldFactor[j]);
                assertEquals(nb, newSum[0][j], 0.0, "classic new sum " + j);
                assertEquals(nb * oldFactor[j], classicBonds[0][m + j], 0.0, "classic scaled bond " + j);
                assertEquals(nb * oldFactor[j], max[0][j], 0.0, "classic column max " + j);
                for (final double[][] x : new double[][][] {oldSum, deltaSum, newSum, max}) {
                    assertEquals(Double.doubleToRawLongBits(x[0][j]), Double.doubleToRawLongBits(x[1][j]));
                }
            }
            for (int c = 0; c < 4 * m; c++) {
                assertEquals(Double.doubleToRawLongBits(classicBonds[0][c]),
                        Double.doubleToRawLongBits(classicBonds[1][c]));
            }
            for (int j = 0; j < m; j++) {
                final double expected = 0.25 + Math.min(w[row + j], consensus[j]) * stake;
                assertEquals(expected, ranks[0][j], 0.0, "scalar rank " + j);
                final double wb = w[row + j] + 0.7 * (Math.min(w[row + j], consensus[j]) - w[row + j]);
                assertEquals(0.1 * wb + (1.0 - 0.1) * oldBonds[2 * m + j], bonds[0][2 * m + j], 0.0,
                        "scalar bond " + j);
                assertEquals(0.125 + bonds[0][2 * m + j], columnSum[0][j], 0.0, "scalar column sum " + j);
            }
            for (int c = 0; c < m; c++) {
                assertEquals(Double.doubleToRawLongBits(ranks[0][c]), Double.doubleToRawLongBits(ranks[1][c]));
                assertEquals(Double.doubleToRawLongBits(unclipped[0][c]),
                        Double.doubleToRawLongBits(unclipped[1][c]));
                assertEquals(Double.doubleToRawLongBits(columnSum[0][c]),
                        Double.doubleToRawLongBits(columnSum[1][c]));
            }
            for (int c = 0; c < 4 * m; c++) {
                assertEquals(Double.doubleToRawLongBits(bonds[0][c]), Double.doubleToRawLongBits(bonds[1][c]));
            }
        }
    }

    @Test
    void sumsShouldFollowTheirFixedOrderInEveryImplementation() {
        final SplittableRandom rnd = new SplittableRandom(23);
        final YumaKernels scalar = YumaKernels.scalar(8, 8);
        final YumaKernels vector = YumaKernels.best(8, 8);
        for (int n = 0; n < 70; n++) {
            final int from = rnd.nextInt(5);
            final double[] x = new double[from + n];
            final double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                x[from + j] = rnd.nextDouble() * Math.pow(10, rnd.nextInt(8) - 4);
                y[j] = rnd.nextDouble();
            }
            final double[] partial = new double[8];
            final double[] products = new double[8];
            for (int j = 0; j < n; j++) {
                partial[j % 8] += x[from + j];
                products[j % 8] += x[from + j] * y[j];
            }
            final double sum = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                    + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
            final double dot = ((products[0] + products[1]) + (products[2] + products[3]))
                    + ((products[4] + products[5]) + (products[6] + products[7]));
            assertEquals(sum, scalar.sum(x, from, n), 0.0, "scalar sum of " + n);
            assertEquals(dot, scalar.dot(x, from, y, n), 0.0, "scalar dot of " + n);
            assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(vector.sum(x, from, n)),
                    "vector sum of " + n);
            assertEquals(Double.doubleToRawLongBits(dot), Double.doubleToRawLongBits(vector.dot(x, from, y, n)),
                    "vector dot of " + n);
        }
    }

    /** The smallest value with S(≤ x) > minority, or the largest value, or 0 without rows. */
    private static double definition(final double[] x, final double[] stake, final int n, final double minority) {
        double best = Double.NaN;
        double largest = 0.0;
        for (int c = 0; c < n; c++) {
            largest = c == 0 ? x[c] : Math.max(largest, x[c]);
            if (stakeAtOrBelow(x, stake, n, x[c]) > minority && !(best <= x[c])) {
                best = x[c];
            }
        }
        return n == 0 ? 0.0 : Double.isNaN(best) ? largest : best;
    }

    private static double stakeAtOrBelow(final double[] x, final double[] stake, final int n, final double v) {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            if (x[k] <= v) {
                s += stake[k];
            }
        }
        return s;
    }

    /** The chain's sums are exact; ours round, so a stake level within 1e-12 of the minority may go either way. */
    private static boolean nearTie(final double[] x, final double[] stake, final int n, final double minority) {
        for (int c = 0; c < n; c++) {
            if (Math.abs(stakeAtOrBelow(x, stake, n, x[c]) - minority) < 1e-12) {
                return true;
            }
        }
        return false;
    }
}
