package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Noise traders sell no more alpha than holders hold ({@link BatchState#heldAlpha}): with little alpha outside
 * the pools and large trades, unchecked sells would drive AlphaOut below the emission still pending and the
 * claimable root alpha, then below 0 (and the root proportion to NaN). Every era's fee variant of the uniform
 * noise lanes runs here, on 19 paths (vector lanes and a scalar tail).
 */
class HeldAlphaTest {
    private static final int PATHS = 19;
    private static final int BLOCKS = 3_000;

    /** Deep pools, 1 % of their alpha held outside them, root stake so root alpha accrues. */
    private static Network network() {
        final double[] tao = {4_000, 2_000, 1_000};
        final double[] alphaIn = {20_000, 20_000, 20_000};
        final double[] alphaOut = {200, 200, 200};
        return new Network(tao, alphaIn, alphaOut, new double[] {0.2, 0.1, 0.05}, new long[3], 1e6, 5e6);
    }

    private static BatchState run(final Era era, final List<Behaviour> behaviours, final RowKernels kernels) {
        final Scenario scenario = new Scenario(era.defaults(), network(), 0, BLOCKS, PATHS, 5L, behaviours,
                List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, PATHS, kernels);
        for (int b = 0; b < BLOCKS; b += 100) {
            sim.runBlocks(100);
            assertHoldersHoldNothingNegative(sim.state(), era + " block " + sim.nextBlock());
        }
        return sim.state();
    }

    private static void assertHoldersHoldNothingNegative(final BatchState s, final String where) {
        for (int c = 0; c < s.subnets * s.paths; c++) {
            final double locked = s.pendingAlpha[c] + s.pendingOwner[c] + s.pendingRootAlpha[c] + s.rootClaimable[c]
                    + s.protocolAlpha[c];
            final double held = s.alphaOut[c] - locked;
            assertTrue(held >= -1e-9 * (s.alphaOut[c] + locked), where + " cell " + c + ": AlphaOut " + s.alphaOut[c]
                    + " below what is pending, claimable or the protocol's (" + locked + ")");
            assertTrue(Double.isFinite(s.taoReserve[c]) && Double.isFinite(s.movingPrice[c]), where + " finite");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void uniformNoiseShouldSellOnlyHeldAlphaWithEveryKernel(final Era era) {
        final List<Behaviour> noise = List.of(new UniformNoiseTraders(0.3));
        final BatchState vector = run(era, noise, Kernels.best());
        final BatchState scalar = run(era, noise, Kernels.scalar());
        // the lanes and their scalar twin clamp alike, to the bit
        assertArrayEquals(scalar.alphaOut, vector.alphaOut, era + " alphaOut");
        assertArrayEquals(scalar.taoReserve, vector.taoReserve, era + " taoReserve");
    }

    @ParameterizedTest
    @EnumSource(value = Era.class, names = {"LAUNCH_2025_02", "NETFLOW_2026_05"})
    void thePeersTradersShouldSellWhatNoHolderHasWithEveryKernelAlike(final Era era) {
        // heldAlphaOnly off: the numpy peer's unstakes of −x·σ·alphaIn, whatever holders have
        final List<Behaviour> peer = List.of(new UniformNoiseTraders(0.3, false));
        final Scenario scenario = new Scenario(era.defaults(), network(), 0, BLOCKS, PATHS, 5L, peer, List.of());
        final BatchSimulation vector = new BatchSimulation(scenario, 0, PATHS, Kernels.best());
        final BatchSimulation scalar = new BatchSimulation(scenario, 0, PATHS, Kernels.scalar());
        vector.runAll();
        scalar.runAll();
        assertArrayEquals(scalar.state().alphaOut, vector.state().alphaOut, era + " alphaOut");
        assertArrayEquals(scalar.state().taoReserve, vector.state().taoReserve, era + " taoReserve");
        double lowest = Double.POSITIVE_INFINITY;
        for (final double alphaOut : vector.state().alphaOut) {
            lowest = Math.min(lowest, alphaOut);
        }
        assertTrue(lowest < 0.0, era + ": without the cut AlphaOut goes negative (lowest " + lowest + ")");
    }

    @ParameterizedTest
    @EnumSource(value = Era.class, names = {"LAUNCH_2025_02", "NETFLOW_2026_05"})
    void poissonNoiseShouldSellOnlyHeldAlpha(final Era era) {
        // one trade a block of about 5 % of a pool's depth: unchecked, holders' 1 % would be gone in a block
        run(era, List.of(new PoissonNoiseTraders(1.0, Math.log(0.05), 0.5, 0.5)), Kernels.best());
    }
}
