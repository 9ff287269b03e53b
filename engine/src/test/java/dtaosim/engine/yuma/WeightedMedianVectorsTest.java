package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Spec §8 vectors #22–23, from subtensor's {@code pallets/subtensor/src/tests/math.rs ::
 * test_math_weighted_median_col}: the stake-weighted κ-quantile of each column, over the rows with stake > 0.
 */
class WeightedMedianVectorsTest {

    /** The consensus of every column, as weighted_median_col computes it, through {@code quantiles}. */
    static double[] columns(final YumaKernels quantiles, final double[] stake, final double[][] w,
                            final double kappa) {
        final int v = stake.length;
        final int m = w[0].length;
        final double[] use = new double[v];
        int used = 0;
        double total = 0;
        final int[] rows = new int[v];
        for (int i = 0; i < v; i++) {
            if (stake[i] > 0) {
                rows[used] = i;
                use[used++] = stake[i];
                total += stake[i];
            }
        }
        double sum = 0;
        for (int k = 0; k < used; k++) {
            use[k] /= total;
            sum += use[k];
        }
        final double[] flat = new double[v * m];
        for (int i = 0; i < v; i++) {
            System.arraycopy(w[i], 0, flat, i * m, m);
        }
        final double[] out = new double[m];
        quantiles.quantiles(flat, m, rows, use, used, sum - kappa, out);
        return out;
    }

    static double[] columns(final double[] stake, final double[][] w, final double kappa) {
        final double[] scalar = columns(YumaKernels.scalar(stake.length, w[0].length), stake, w, kappa);
        assertArrayEquals(scalar, columns(YumaKernels.best(stake.length, w[0].length), stake, w, kappa), 0.0, "vector");
        return scalar;
    }

    @Test
    void vector22ShouldGiveTheChainsMediansForThreeKappas() {
        final double[] stake = {0, 0.75, 0.25, 0};
        final double[][] w = {{0, 0.1, 0}, {0, 0.2, 0.4}, {0, 0.3, 0.1}, {0, 0.4, 0.5}};
        assertArrayEquals(new double[] {0, 0.3, 0.4}, columns(stake, w, 0.24), 0.0);
        assertArrayEquals(new double[] {0, 0.2, 0.4}, columns(stake, w, 0.26), 0.0);
        assertArrayEquals(new double[] {0, 0.2, 0.1}, columns(stake, w, 0.76), 0.0);
    }

    @Test
    void vector23ShouldGiveTheChainsMedianAtKappa051() {
        final double[] stake = {0, 0.3, 0.2, 0.5};
        final double[][] w = {{0, 0.1, 0}, {0, 0.2, 0.4}, {0, 0.3, 0.1}, {0, 0, 0.5}};
        assertArrayEquals(new double[] {0, 0, 0.4}, columns(stake, w, 0.51), 0.0);
    }
}
