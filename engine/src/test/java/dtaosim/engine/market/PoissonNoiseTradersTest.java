package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Effects of the compound-Poisson noise traders on small deterministic cases. */
class PoissonNoiseTradersTest {

    private static Network network(final double tao) {
        return new Network(new double[] {tao, 2 * tao}, new double[] {10 * tao, 10 * tao},
                new double[] {10 * tao, 10 * tao}, new double[] {0.1, 0.2}, new long[2], 1e5, 0.0);
    }

    private static RunResult run(final Network network, final List<Behaviour> behaviours, final int blocks,
                                 final int paths, final int batch, final RowKernels kernels) {
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network, 0, blocks, paths, 11L,
                behaviours, List.of());
        return Runner.run(scenario, new RunOptions(1, batch, kernels, true, null));
    }

    @Test
    void noTradesShouldLeaveThePoolsAsWithoutTheBehaviour() {
        final RunResult without = run(network(100), List.of(), 500, 5, 5, Kernels.scalar());
        final RunResult idle = run(network(100), List.of(new PoissonNoiseTraders(0.0, -6, 1, 0.5)), 500, 5, 5,
                Kernels.scalar());
        assertArrayEquals(without.finalState().taoReserve(), idle.finalState().taoReserve());
        assertArrayEquals(without.finalState().alphaIn(), idle.finalState().alphaIn());
    }

    @Test
    void tradesShouldArriveAtTheirPoissonRate() {
        // pools so deep that each stake of fraction f is f·taoReserve with the reserve ≈ its start throughout:
        // Σ stakes / (f·1e9) counts trades weighted by depth (1 and 2); λ·blocks = 0.5·2000 = 1000 trades per
        // subnet, so ≈ 1000 + 2·1000 = 3000 units (Poisson sd ≈ 55)
        final double fraction = 1e-6;
        final RunResult result = run(network(1e9), List.of(new PoissonNoiseTraders(0.5, Math.log(fraction), 0.0,
                1.0)), 2000, 1, 1, Kernels.scalar());
        final double stakedSmall = result.outcome(RunResult.TAO_STAKED)[0];
        final double trades = stakedSmall / (fraction * 1e9);
        assertTrue(trades > 3000 * 0.85 && trades < 3000 * 1.15,
                "≈ 1000 trades on the 1e9 pool and 1000 on the 2e9 pool give Σ ≈ 3000 units, got " + trades);
    }

    @Test
    void buyersOnlyShouldRaisePricesAndSellersOnlyLowerThem() {
        final RunResult buys = run(network(100), List.of(new PoissonNoiseTraders(0.2, -6, 1, 1.0)), 1000, 3, 3,
                Kernels.scalar());
        final RunResult sells = run(network(100), List.of(new PoissonNoiseTraders(0.2, -6, 1, 0.0)), 1000, 3, 3,
                Kernels.scalar());
        final RunResult none = run(network(100), List.of(), 1000, 3, 3, Kernels.scalar());
        for (int c = 0; c < 6; c++) {
            final double base = none.finalState().spotPrice(c / 2, c % 2);
            assertTrue(buys.finalState().spotPrice(c / 2, c % 2) > base, "stakes raise the price, cell " + c);
            assertTrue(sells.finalState().spotPrice(c / 2, c % 2) < base, "unstakes lower it, cell " + c);
        }
        assertEquals(0.0, buys.outcome(RunResult.TAO_UNSTAKED)[0], "no unstakes");
        assertEquals(0.0, sells.outcome(RunResult.TAO_STAKED)[0], "no stakes");
    }

    @Test
    void drawsShouldNotDependOnBatchesOrKernels() {
        final List<Behaviour> traders = List.of(new PoissonNoiseTraders(0.3, -5, 1.5, 0.5));
        final RunResult reference = run(network(100), traders, 800, 21, 21, Kernels.scalar());
        for (final int batch : new int[] {1, 8, 13}) {
            final RunResult other = run(network(100), traders, 800, 21, batch, Kernels.best());
            assertArrayEquals(reference.finalState().taoReserve(), other.finalState().taoReserve(),
                    "batch " + batch);
            assertArrayEquals(reference.outcome(RunResult.TAO_STAKED), other.outcome(RunResult.TAO_STAKED),
                    "batch " + batch);
        }
    }
}
