package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Spec §2 (eligible set: {@code FirstEmissionBlockNumber} set, i.e. start_call done) and §6 (start_call sets
 * FirstEmissionBlockNumber = now + 1; "Emission/moving price only after that"): a subnet whose first emission
 * block lies in the future gets no emission, mints no alpha and keeps its moving price, and the others share the
 * whole block emission.
 */
class EligibilityTest {

    @Test
    @Disabled("engine finding: a subnet with firstEmissionBlock after the current block still receives tao_in"
            + " (here 0.5 TAO per block) and mints alpha; with the ramp off its EMA moves too; Network accepts such"
            + " values silently")
    void subnetShouldNotEmitBeforeItsFirstEmissionBlock() {
        // slot 1 (netuid 2) starts emitting at block 1000; the run covers blocks 0 … 9
        final Network network = new Network(new double[] {10.0, 20.0}, new double[] {10.0, 20.0},
                new double[] {0.0, 0.0}, new double[] {0.5, 0.5}, new long[] {0, 1000}, 100.0, 0.0);
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network, 0, 10, 1, 1L, List.of(),
                List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        for (int block = 0; block < 10; block++) {
            sim.runBlocks(1);
            assertEquals(0.0, sim.state().taoInjected[1], "tao_in of the unstarted subnet at block " + block);
            assertEquals(1.0, sim.state().taoInjected[0], 1e-12, "the started subnet's share at block " + block);
        }
        assertEquals(20.0, sim.state().alphaIn[1] + sim.state().alphaOut[1], "alpha issuance of the unstarted subnet");
        assertEquals(0.5, sim.state().movingPrice[1], "moving price of the unstarted subnet");
    }
}
