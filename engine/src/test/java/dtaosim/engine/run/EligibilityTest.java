package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §2: the eligible set holds the subnets whose {@code FirstEmissionBlockNumber} is set (start_call done),
 * whatever its value; the EMA ramp alone reads the value (§2a). The network's subnets are all eligible: one
 * whose FirstEmissionBlockNumber lies after the first block (as the 2025-03 migration set it on subnets already
 * emitting) is emitted to from the first block.
 */
class EligibilityTest {

    private static Network network(final long secondSubnetFirstEmission) {
        return new Network(new double[] {10.0, 20.0}, new double[] {10.0, 20.0}, new double[] {0.0, 0.0},
                new double[] {0.5, 0.5}, new long[] {0, secondSubnetFirstEmission}, 0.0, 0.0);
    }

    /** Moving prices ½ and ½, no root stake: each subnet gets half the block's 1 TAO, the later started one too. */
    @Test
    void aNetworkSubnetShouldBeEmittedToWhateverItsFirstEmissionBlock() {
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network(1000), 0, 10, 1, 1L,
                List.of(), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(1);
        assertAll(
                () -> assertEquals(10.5, sim.state().taoReserve[sim.state().cell(0, 0)], 1e-12, "started at 0"),
                () -> assertEquals(20.5, sim.state().taoReserve[sim.state().cell(1, 0)], 1e-12, "FirstEmission 1000"));
    }

    @Test
    void scenarioShouldRejectANegativeFirstEmissionBlock() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scenario(Era.LAUNCH_2025_02.defaults(), network(-1), 0, 10, 1, 1L, List.of(),
                        List.of()));
        assertTrue(e.getMessage().startsWith("network.firstEmissionBlock[1]: -1"), e.getMessage());
    }
}
