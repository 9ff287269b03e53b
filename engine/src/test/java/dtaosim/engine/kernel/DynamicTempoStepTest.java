package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mechanics §4: under dynamic tempo (price-burn era, 2026-06-25) a subnet's epochs come every {@code tempo} blocks
 * from its migrated phase; on the modulo schedule every {@code tempo + 1}. Worked by hand for netuid 1, tempo 360,
 * from block 10,000: {@code blocks_until_next_epoch = 360 − (10000 + 1 + 1) mod 361 = 360 − 255 = 105}, so both
 * schedules drain first at 10,105; the migration seeds LastEpochBlock = 10,000 − (360 − 105) = 9,745.
 */
class DynamicTempoStepTest {

    private static List<Long> drainBlocksOfNetuidOne(final ProtocolParams protocol) {
        final Network network = new Network(new double[] {100, 200}, new double[] {400, 400}, new double[] {10, 10},
                new double[] {0.25, 0.5}, new long[] {0, 0}, 1e5, 0.0);
        final Scenario scenario = new Scenario(protocol, network, 10_000, 1000, 1, 1L, List.of(), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        final BatchState s = sim.state();
        final List<Long> blocks = new ArrayList<>();
        for (int b = 0; b < 1000; b++) {
            final long block = sim.nextBlock();
            sim.runBlocks(1);
            for (int k = 0; k < s.drainedCount; k++) {
                if (s.drainedSubnets[k] == 0) {
                    blocks.add(block);
                }
            }
        }
        return blocks;
    }

    @Test
    void dynamicTempoShouldDrainEveryTempoBlocksFromTheMigratedPhase() {
        assertEquals(List.of(10_105L, 10_465L, 10_825L), drainBlocksOfNetuidOne(Era.PRICE_BURN_2026_06.defaults()));
    }

    @Test
    void moduloScheduleShouldDrainEveryTempoPlusOneBlocks() {
        final ProtocolParams modulo = Era.PRICE_BURN_2026_06.defaults().with(Switch.DYNAMIC_TEMPO, false);
        assertEquals(List.of(10_105L, 10_466L, 10_827L), drainBlocksOfNetuidOne(modulo));
    }
}
