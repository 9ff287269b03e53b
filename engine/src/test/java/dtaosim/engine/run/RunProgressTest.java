package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The runner reports progress in path-blocks a hundredth of a batch's horizon at a time, so that a few paths
 * over a long horizon still show it; the slices do not change a number.
 */
class RunProgressTest {
    @Test
    void progressShouldArriveWithinABatchAndAddUpToEveryPathBlock() {
        final Network network = new Network(new double[] {1000.0, 200.0}, new double[] {2000.0, 1000.0},
                new double[] {2000.0, 1000.0}, new double[] {0.5, 0.2}, new long[2], 1e5, 0.0);
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network, 0, 1000, 3, 7L,
                List.of(new UniformNoiseTraders(0.003)), List.of());
        final AtomicLong reports = new AtomicLong();
        final AtomicLong pathBlocks = new AtomicLong();
        final RunResult reported = Runner.run(scenario, new RunOptions(1, 64, Kernels.best(), false, n -> {
            reports.incrementAndGet();
            pathBlocks.addAndGet(n);
        }));
        // the same batch run whole and in slices of 7 blocks
        final BatchSimulation whole = new BatchSimulation(scenario, 0, 3, Kernels.best());
        whole.runBlocks(1000);
        final BatchSimulation sliced = new BatchSimulation(scenario, 0, 3, Kernels.best());
        sliced.runAll(7, blocks -> { });
        assertAll(
                () -> assertEquals(3L * 1000, pathBlocks.get()),
                () -> assertEquals(100, reports.get(), "one batch of 3 paths, reported every 10 of 1,000 blocks"),
                () -> assertArrayEquals(whole.state().taoReserve, sliced.state().taoReserve),
                () -> assertArrayEquals(whole.outcomes().columns().get(RunResult.POOL_TAO),
                        reported.outcomes().columns().get(RunResult.POOL_TAO)));
        assertTrue(whole.state().taoReserve[0] != 1000.0, "the market moved the pools");
    }
}
