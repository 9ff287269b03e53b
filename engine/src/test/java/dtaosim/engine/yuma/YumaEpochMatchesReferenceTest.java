package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.reference.YumaReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the kernel against the readable reference ({@link YumaReference}) on random epochs chained
 * over several tempos (bonds, permits carried over), with every rule variant; and the epoch's invariants.
 */
class YumaEpochMatchesReferenceTest {
    private static final double TOLERANCE = 1e-12;

    private static YumaParams randomParams(final SplittableRandom rnd, final int v, final int m) {
        final BondsMode mode = rnd.nextBoolean() ? BondsMode.YUMA3 : BondsMode.CLASSIC;
        final double low = 0.05 + 0.5 * rnd.nextDouble();
        return new YumaParams(v, m, rnd.nextDouble(), mode, rnd.nextDouble(), rnd.nextBoolean() ? 1.0 : rnd.nextDouble(),
                rnd.nextBoolean(), low, low + (1 - low) * rnd.nextDouble(), 100 + 2000 * rnd.nextDouble(),
                1 + rnd.nextInt(v + 2), rnd.nextInt(4) == 0 ? 0.3 : 0.0, YumaParams.DEFAULT_TAKE);
    }

    @Test
    void kernelShouldMatchTheReferenceOnRandomEpochs() {
        final SplittableRandom rnd = new SplittableRandom(20261122L);
        for (int trial = 0; trial < 300; trial++) {
            final int v = 1 + rnd.nextInt(trial == 0 ? 64 : 12);
            final int m = 1 + rnd.nextInt(trial == 0 ? 256 : 20);
            final YumaParams p = randomParams(rnd, v, m);
            final YumaEpoch kernel = new YumaEpoch(p);
            final double[] stake = new double[v];
            final boolean[] permit = new boolean[v];
            final boolean[] active = new boolean[v];
            final double[] bonds = new double[v * m];
            final double[][] bondRows = new double[v][m];
            for (int i = 0; i < v; i++) {
                permit[i] = rnd.nextInt(5) != 0;
            }
            for (int epoch = 0; epoch < 5; epoch++) {
                final double[][] w = new double[v][m];
                for (int i = 0; i < v; i++) {
                    stake[i] = rnd.nextInt(6) == 0 ? 0.0 : rnd.nextDouble() * 10;
                    active[i] = rnd.nextInt(6) != 0;
                    final boolean emptyRow = rnd.nextInt(8) == 0;
                    for (int j = 0; j < m; j++) {
                        // u16-like values make ties in a column likely, as on chain
                        w[i][j] = emptyRow || rnd.nextInt(3) == 0 ? 0.0 : rnd.nextInt(8) * 8191.0;
                        kernel.weights()[i * m + j] = w[i][j];
                    }
                }
                final YumaReference.Result expected = YumaReference.epoch(p, stake, permit.clone(), active, w,
                        bondRows);
                kernel.run(stake, 0, permit, active, bonds, 0);
                final String what = "trial " + trial + " epoch " + epoch + " " + p;
                assertArrayEquals(expected.consensus(), kernel.consensus(), TOLERANCE, what + " consensus");
                assertArrayEquals(expected.incentive(), kernel.incentive(), TOLERANCE, what + " incentive");
                assertArrayEquals(expected.dividends(), kernel.dividends(), TOLERANCE, what + " dividends");
                assertArrayEquals(expected.validatorShare(), kernel.validatorShare(), TOLERANCE, what + " share");
                assertArrayEquals(expected.permits(), permit, what + " permits");
                for (int i = 0; i < v; i++) {
                    for (int j = 0; j < m; j++) {
                        assertEquals(expected.bonds()[i][j], bonds[i * m + j], TOLERANCE, what + " bond");
                    }
                    bondRows[i] = expected.bonds()[i];
                }
                assertInvariants(kernel, bonds, what);
            }
        }
    }

    private static void assertInvariants(final YumaEpoch e, final double[] bonds, final String what) {
        double incentive = 0;
        for (final double x : e.incentive()) {
            assertFalse(Double.isNaN(x), what);
            assertTrue(x >= 0, what);
            incentive += x;
        }
        assertTrue(incentive == 0.0 || Math.abs(incentive - 1.0) < 1e-12, what + " Σ incentive " + incentive);
        double dividends = 0;
        for (final double x : e.dividends()) {
            assertFalse(Double.isNaN(x), what);
            assertTrue(x >= 0, what);
            dividends += x;
        }
        assertTrue(dividends == 0.0 || Math.abs(dividends - 1.0) < 1e-12, what + " Σ dividends " + dividends);
        double share = 0;
        for (final double x : e.validatorShare()) {
            assertFalse(Double.isNaN(x), what);
            share += x;
        }
        assertTrue(share == 0.0 || Math.abs(share - 1.0) < 1e-12, what + " Σ validator share " + share);
        for (final double b : bonds) {
            assertFalse(Double.isNaN(b), what);
            assertTrue(b >= 0 && b <= 1 + 1e-12, what + " bond " + b);
        }
        assertTrue(e.clippedShare() >= 0 && e.clippedShare() <= 1, what + " clipped share");
    }
}
