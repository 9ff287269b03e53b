package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.EraChange;
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
        return run(new Scenario(era.defaults(), network(), 0, BLOCKS, PATHS, 5L, behaviours, List.of()), kernels,
                era.toString());
    }

    private static BatchState run(final Scenario scenario, final RowKernels kernels, final String name) {
        final BatchSimulation sim = new BatchSimulation(scenario, 0, PATHS, kernels);
        for (long b = 0; b < scenario.blocks(); b++) {
            sim.runBlocks(1);
            assertHoldersHoldNothingNegative(sim.state(), name + " block " + sim.nextBlock());
        }
        return sim.state();
    }

    /** Small limits, so that subnets register into fresh slots, get pruned and start within the run. */
    private static ProtocolParams lifecycle(final ProtocolParams params) {
        return params.with(Parameter.SUBNET_LIMIT, 5).with(Parameter.NETWORK_RATE_LIMIT, 50)
                .with(Parameter.IMMUNITY_PERIOD, 100).with(Parameter.START_CALL_DELAY, 10)
                .with(Parameter.LOCK_REDUCTION_INTERVAL, 1_000).with(Parameter.LAST_LOCK, 10).withTempo(20);
    }

    private static void assertHoldersHoldNothingNegative(final BatchState s, final String where) {
        for (int c = 0; c < s.subnets * s.paths; c++) {
            final double locked = s.pendingAlpha[c] + s.pendingOwner[c] + s.pendingRootAlpha[c] + s.rootClaimable[c]
                    + s.protocolAlpha[c] + s.positionAlpha[c];
            final double held = s.alphaOut[c] - locked;
            // rounding of the pool's scale: a position sold in full leaves a residue of ~1e-15 of the alpha traded
            final double rounding = 1e-12 * (s.alphaIn[c] + Math.abs(s.alphaOut[c]) + Math.abs(locked));
            assertTrue(held >= -rounding, where + " cell " + c + ": AlphaOut " + s.alphaOut[c]
                    + " below what is pending, claimable, the protocol's or in tracked positions (" + locked + ")");
            assertTrue(s.positionAlpha[c] >= -rounding, where + " cell " + c + ": position alpha "
                    + s.positionAlpha[c]);
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
    @EnumSource(Era.class)
    void noiseShouldLeaveTrackedPositionsToTheirOwnersWithEveryKernel(final Era era) {
        // noise traders first, so they could sell the positions and payouts that the others sell later in full
        final List<Behaviour> market = List.of(new UniformNoiseTraders(0.3),
                new PumpAndDump(2, 20.0, 100, 1_500, 2_000),
                new MomentumSpeculators(200, 0.01, 0.01, 30.0, 200.0, 10),
                new CapitalInflow(1e-3, 200, 800, 1_000, 2_500, 20),
                new MemeCohort(1, 0.2, 10.0, 500.0, 100, 5.0, 1.0, 10.0, true, true, 0.3, 0.05),
                new EmissionSellers(0.8),
                new RoleEmissionSellers(1.0, 0.5, 0.5));
        final BatchState vector = run(era, market, Kernels.best());
        final BatchState scalar = run(era, market, Kernels.scalar());
        // the lanes load the positions as the scalar twin does
        assertArrayEquals(scalar.alphaOut, vector.alphaOut, era + " alphaOut");
        assertArrayEquals(scalar.taoReserve, vector.taoReserve, era + " taoReserve");
    }

    @ParameterizedTest
    @EnumSource(value = Era.class, names = {"LAUNCH_2025_02", "NETFLOW_2026_05"})
    void memeCohortRewardsShouldComeOutOfWhatHoldersStillHold(final Era era) {
        // the cohort owns most alpha outside the pool and never panics; noise, acting first, sells the rest of
        // each epoch's payout, so the cohort's share of the miners' alpha must be cut to what is left
        run(era, List.of(new UniformNoiseTraders(0.3),
                new MemeCohort(1, 1.0, 10.0, 3_000.0, 100, 0.0, 0.0, 0.0, true, false, 1.0, 0.0)), Kernels.best());
    }

    @ParameterizedTest
    @EnumSource(value = Era.class, names = {"LAUNCH_2025_02", "SUBSIDY_2025_07", "CAPPED_2025_12"})
    void theCohortsRewardShouldStayPositiveThroughEraChangesAndRegistrations(final Era era) {
        // a meme cohort in a registered slot, whose AlphaOut, between registrations (and, from subsidy-2025-07,
        // prunings) and two era changes, can sit at a rounding residue just below 0: the cohort's share of that
        // is none, not a large negative one
        final Network network = new Network(new double[] {4_000, 2_000, 1_000, 300},
                new double[] {20_000, 20_000, 20_000, 20_000}, new double[] {200, 200, 200, 100},
                new double[] {0.2, 0.1, 0.05, 0.01}, new long[4], 1e6, 5e6);
        final Era[] eras = Era.values();
        final List<EraChange> changes = List.of(
                new EraChange(1_000, lifecycle(eras[era.ordinal() + 1].defaults())),
                new EraChange(2_000, lifecycle(eras[era.ordinal() + 2].defaults())));
        final List<Behaviour> market = List.of(new UniformNoiseTraders(0.5),
                new SubnetRegistrations(100, 150, 8),
                new MomentumSpeculators(50, 0.005, 0.005, 30.0, 90.0, 5),
                new MemeCohort(6, 0.5, 10.0, 500.0, 100, 5.0, 1.0, 10.0, true, true, 0.9, 0.05));
        final Scenario scenario = new Scenario(lifecycle(era.defaults()), network, 0, 6_000, PATHS, 5L, market,
                List.of(), changes);
        final BatchState s = run(scenario, Kernels.best(), era + " and the next two");
        assertTrue(s.registrations[0] > 0, era + ": subnets registered within the run");
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
