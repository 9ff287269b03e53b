package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.reference.ReferenceModel;
import dtaosim.engine.reference.ReferencePath;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of spec §8 that the launch-era block step can reproduce end to end: one {@link BatchSimulation}
 * step (both kernels) set up so that one rule's output can be read back from the state. Each test names the
 * subtensor test it ports. Amounts: 1 TAO = 1e9 rao.
 */
class LaunchEraGoldenTest {

    private static List<RowKernels> kernels() {
        return List.of(Kernels.scalar(), Kernels.vector().orElseThrow(
                () -> new AssertionError("the Vector API kernels are missing: surefire must add jdk.incubator.vector")));
    }

    private static ProtocolParams params(final double movingAlpha, final boolean ramp, final double ownerCut,
                                         final int tempo) {
        return Era.LAUNCH_2025_02.defaults().withMovingAlpha(movingAlpha).withMovingPriceRamp(ramp)
                .with(Parameter.OWNER_CUT, ownerCut).withTempo(tempo).withStakeFee(0.0);
    }

    private static Scenario scenario(final ProtocolParams protocol, final Network network, final long startBlock,
                                     final int blocks) {
        return new Scenario(protocol, network, startBlock, blocks, 1, 1L, List.of(), List.of());
    }

    /**
     * Spec §8 #20, subtensor {@code test_root_proportion}: R = 1e12 rao root stake, tao weight 0.18, alpha issuance
     * 1e11 rao ⇒ root_prop = tw·R / (tw·R + issuance) = 1.8e11 / 2.8e11 = 9/14. Here: R = 1000 TAO and a pool of
     * 1 TAO / 1 alpha with 97 alpha out; the block mints alpha_in = 1 (spot 1, tao_in 1) and alpha_out = 1, so the
     * issuance the proportion sees after minting (mechanics §4) is 100 alpha. With owner cut 0 the pending alpha
     * grows by 1 − root_prop/2, which gives root_prop back.
     */
    @Test
    void rootProportionShouldMatchSubtensorTestRootProportion() {
        final double expected = 1.8e11 / 2.8e11;
        final Network network = new Network(new double[] {1.0}, new double[] {1.0}, new double[] {97.0},
                new double[] {1.0}, new long[] {0}, 1000.0, 0.0);
        final Scenario scenario = scenario(params(ChainConstants.SUBNET_MOVING_ALPHA, false, 0.0, 360), network, 0, 1);
        for (final RowKernels k : kernels()) {
            final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, k);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            assertEquals(100.0, s.alphaIn[0] + s.alphaOut[0], 1e-12, "alpha issuance after the block");
            final double rootProportion = 2.0 * (1.0 - s.pendingAlpha[0]);
            assertEquals(expected, rootProportion, 1e-14, k.name());
        }
        final ReferencePath reference = ReferenceModel.simulate(scenario, 0);
        // the reference's root sell: alphaOut = 97 + 1 − root_alpha
        assertEquals(expected, 2.0 * (98.0 - reference.alphaOut()[0]), 1e-12, "reference model");
    }

    /**
     * Spec §8 #15, subtensor {@code test_coinbase_moving_prices}: spot 1.0, P̄ from 0, SubnetMovingAlpha 0.1,
     * b = H = 201,600 (ramp factor b/(b+H) = ½), 14 updates ⇒ 1 − 0.95^14 ≈ 0.512325 (tolerance 0.001). The
     * chain test updates 14 times at one block; here b advances by one per block, which moves the answer by ~1e-6.
     * A second subnet with P̄ = 1 keeps Σ P̄ > 0; the root stake is 0 so no root sell moves the spot price.
     */
    @Test
    void movingPriceShouldMatchSubtensorTestCoinbaseMovingPrices() {
        final long firstEmission = 1;
        final long startBlock = firstEmission - 1 + ChainConstants.EMA_PRICE_HALVING_BLOCKS; // b = H at the start
        final Network network = new Network(new double[] {1e-3, 1.0}, new double[] {1e-3, 1.0},
                new double[] {0.0, 0.0}, new double[] {0.0, 1.0}, new long[] {firstEmission, firstEmission}, 0.0, 0.0);
        final Scenario scenario = scenario(params(0.1, true, ChainConstants.SUBNET_OWNER_CUT, 360), network,
                startBlock, 14);
        for (final RowKernels k : kernels()) {
            final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, k);
            sim.runAll();
            assertEquals(0.512325, sim.state().movingPrice[0], 0.001, k.name());
        }
        assertEquals(0.512325, ReferenceModel.simulate(scenario, 0).movingPrice()[0], 0.001, "reference model");
    }

    /**
     * Spec §8 #16, subtensor {@code test_update_moving_price_initial} and {@code test_update_moving_price_after_time}:
     * SubnetMovingAlpha 0.5, spot 1 (1e6 rao / 1e6 rao), P̄ from 0, FirstEmissionBlockNumber 500; at block 510
     * (b = 11) one update leaves P̄ below 0.001; at block 144,000,500 (b = 144,000,001) it is within 0.001 of 0.5.
     */
    @Test
    void movingPriceShouldRampAsInSubtensorTestUpdateMovingPriceInitialAndAfterTime() {
        final Network network = new Network(new double[] {1e-3, 1.0}, new double[] {1e-3, 1.0},
                new double[] {0.0, 0.0}, new double[] {0.0, 1.0}, new long[] {500, 500}, 0.0, 0.0);
        final ProtocolParams protocol = params(0.5, true, ChainConstants.SUBNET_OWNER_CUT, 360);
        final Scenario initial = scenario(protocol, network, 510, 1);
        final Scenario later = scenario(protocol, network, 144_000_500L, 1);
        for (final RowKernels k : kernels()) {
            final BatchSimulation early = new BatchSimulation(initial, 0, 1, k);
            early.runAll();
            assertTrue(early.state().movingPrice[0] < 0.001, k.name() + ": " + early.state().movingPrice[0]);
            final BatchSimulation late = new BatchSimulation(later, 0, 1, k);
            late.runAll();
            assertEquals(0.5, late.state().movingPrice[0], 0.001, k.name());
        }
    }

    /**
     * Spec §4 and subtensor {@code test_regular_case} ({@code blocks_until_next_epoch(1, 10, 5) == 3}): with tempo
     * 10, netuid 1 (slot 0) drains at block 8, then every 11 blocks. Root dividends, paid only at the drain, must
     * step up at exactly those blocks and nowhere else.
     */
    @Test
    void epochShouldPayRootDividendsForNetuidOneAtBlockEightAndEveryElevenBlocks() {
        final Network network = new Network(new double[] {100.0}, new double[] {200.0}, new double[] {200.0},
                new double[] {0.5}, new long[] {0}, 1000.0, 0.0);
        final Scenario scenario = scenario(params(ChainConstants.SUBNET_MOVING_ALPHA, false,
                ChainConstants.SUBNET_OWNER_CUT, 10), network, 0, 60);
        for (final RowKernels k : kernels()) {
            final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, k);
            double last = 0.0;
            for (long block = 0; block < 60; block++) {
                sim.runBlocks(1);
                final double dividends = sim.state().rootDividends[0];
                final boolean epoch = block % 11 == 8;
                assertEquals(epoch, dividends > last, k.name() + ": root dividends step at block " + block);
                assertEquals(epoch ? 1 : 0, sim.state().drainedCount, k.name() + ": drained subnets at " + block);
                last = dividends;
            }
        }
    }
}
