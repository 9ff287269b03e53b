package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run whose pool falls to about 0 stops with the path and subnet instead of carrying NaN into its outcomes.
 * Two 1-rao pools under the netflow era with a large root stake: the first epoch hands root stakers alpha whose
 * claims sell it into the pool, then a chain buy takes the whole alpha side (scenario files refuse such pools).
 */
class NonFinitePoolTest {
    private static Scenario scenario(final double reserve, final int blocks) {
        final double[] pools = {reserve, reserve};
        final Network network = new Network(pools, pools.clone(), pools.clone(), new double[] {1.0, 1.0},
                new long[2], 1e6, 0.0);
        return new Scenario(Era.NETFLOW_2026_05.defaults(), network, 0, blocks, 1, 1L, List.of(), List.of());
    }

    @Test
    void aPoolEmptiedToNaNShouldStopTheRunNamingPathAndSubnet() {
        final NonFiniteStateException e = assertThrows(NonFiniteStateException.class,
                () -> Runner.run(scenario(1e-9, 400), new RunOptions(1, 64, Kernels.best(), false, null)));
        assertTrue(e.getMessage().startsWith("path 0, subnet "), e.getMessage());
        assertTrue(e.getMessage().contains("minimum reserve"), e.getMessage());
    }

    @Test
    void theSameMarketWithPoolsAtTheMinimumReserveShouldRun() {
        assertDoesNotThrow(() -> Runner.run(scenario(0.001, 400), new RunOptions(1, 64, Kernels.best(), false, null)));
    }
}
