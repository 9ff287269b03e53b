package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capped eras check a row's alpha-emission caches only when its issuance may have left them (growth bounded
 * per block, falls only mattering past a halving). Whatever the schedule, the emission the coinbase reads must be
 * mechanics §1's for the issuance at that block, also when the coinbase's own recycling takes issuance back below
 * a halving and when minting takes it over one.
 */
class CappedAlphaEmissionCacheTest {
    private static final int PATHS = 16;

    @Test
    void recyclingBelowTheFirstHalvingShouldRestoreTheAlphaEmission() {
        // subsidy era at price 0.2: capped, so the excess TAO buys ≈ 4 alpha a block, recycled
        final double issuance = HalvingSchedule.threshold(1) + 40.0;
        final double lowest = checkEveryBlock(Era.SUBSIDY_2025_07, issuance, 60);
        assertTrue(lowest < HalvingSchedule.threshold(1) - 50.0, "recycled below the first halving: " + lowest);
    }

    @Test
    void mintingPastTheFirstHalvingShouldHalveTheAlphaEmission() {
        // price-burn era: chain-bought alpha is kept, so issuance only grows (≤ 2 a block)
        final double issuance = HalvingSchedule.threshold(1) - 30.0;
        checkEveryBlock(Era.PRICE_BURN_2026_06, issuance, 60);
    }

    /** Runs block by block and checks each block's cached alpha emission; returns the lowest final issuance. */
    private static double checkEveryBlock(final Era era, final double issuance, final int blocks) {
        final double alphaIn = 5.0e6;
        final Network network = new Network(new double[] {1.0e6}, new double[] {alphaIn},
                new double[] {issuance - alphaIn}, new double[] {0.2}, new long[] {1L}, 1.0e6, 0.0);
        final Scenario scenario = new Scenario(era.defaults(), network, 1_000, blocks, PATHS, 3L, List.of(),
                List.of());
        double lowest = Double.POSITIVE_INFINITY;
        boolean crossed = false;
        for (final RowKernels kernels : List.of(Kernels.scalar(), Kernels.best())) {
            final BatchSimulation sim = new BatchSimulation(scenario, 0, PATHS, kernels);
            final BatchState s = sim.state();
            final boolean halvedAtStart = HalvingSchedule.halvings(issuance) == 1;
            final double[] before = new double[PATHS];
            for (int b = 0; b < blocks; b++) {
                for (int p = 0; p < PATHS; p++) {
                    before[p] = s.alphaIn[p] + s.alphaOut[p];
                }
                sim.runBlocks(1);
                for (int p = 0; p < PATHS; p++) {
                    assertEquals(HalvingSchedule.emission(before[p], 1.0), s.alphaEmission[p], 0.0,
                            kernels.name() + ", block " + b + ", path " + p + ", issuance " + before[p]);
                }
                crossed |= (HalvingSchedule.halvings(s.alphaIn[0] + s.alphaOut[0]) == 1) != halvedAtStart;
            }
            for (int p = 0; p < PATHS; p++) {
                lowest = Math.min(lowest, s.alphaIn[p] + s.alphaOut[p]);
            }
        }
        assertTrue(crossed, "issuance crossed the first halving");
        return lowest;
    }
}
