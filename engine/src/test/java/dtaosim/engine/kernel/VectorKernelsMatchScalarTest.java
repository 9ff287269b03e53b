package dtaosim.engine.kernel;

import static dtaosim.engine.testing.Compare.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.testing.RandomScenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API kernels promise the scalar kernels' numbers bit for bit (same operations, no FMA, tails handed to
 * the scalar loop; {@link RowKernels}). Checked with {@code Double.doubleToRawLongBits} on every outcome and every
 * final-state cell, for every batch size from 1 to 40 (below, at and between multiples of the lane count) and for
 * odd splits of the path range.
 */
class VectorKernelsMatchScalarTest {
    private static final long PATHS = 41;
    private static RowKernels vector;

    @BeforeAll
    static void vectorKernelsArePresent() {
        vector = Kernels.vector().orElseThrow(
                () -> new AssertionError("the Vector API kernels are missing: surefire must add jdk.incubator.vector"));
    }

    @Test
    void vectorKernelsShouldGiveTheScalarBitsForEveryBatchSizeFromOneToForty() {
        final Scenario scenario = RandomScenarios.allBehaviours(12, PATHS, 400, 7L);
        final RunResult scalar = Runner.run(scenario, new RunOptions(1, 64, Kernels.scalar(), true, null));
        for (int batch = 1; batch <= 40; batch++) {
            final RunResult lanes = Runner.run(scenario, new RunOptions(1, batch, vector, true, null));
            assertBitIdentical("batch " + batch, scalar, lanes);
        }
    }

    @Test
    void vectorKernelsShouldGiveTheScalarBitsOnRandomScenarios() {
        for (long seed = 100; seed < 112; seed++) {
            final Scenario scenario = RandomScenarios.random(seed);
            final int batch = 1 + (int) (seed % 23);
            final RunResult scalar = Runner.run(scenario, new RunOptions(1, batch, Kernels.scalar(), true, null));
            final RunResult lanes = Runner.run(scenario, new RunOptions(1, batch, vector, true, null));
            assertBitIdentical("seed " + seed, scalar, lanes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Era.class)
    void vectorKernelsShouldGiveTheScalarBitsInEveryEra(final Era era) {
        final Scenario base = RandomScenarios.allBehaviours(10, PATHS, 300, 13L);
        final Scenario scenario = new Scenario(era.defaults(), base.network(), base.startBlock(), base.blocks(),
                base.paths(), base.seed(), base.behaviours(), base.probes());
        final RunResult scalar = Runner.run(scenario, new RunOptions(1, 64, Kernels.scalar(), true, null));
        for (final int batch : new int[] {5, 8, 17, 41}) {
            final RunResult lanes = Runner.run(scenario, new RunOptions(1, batch, vector, true, null));
            assertBitIdentical(era.id() + ", batch " + batch, scalar, lanes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Era.class)
    void vectorKernelsShouldGiveTheScalarBitsForThePeersTradersUnderEveryErasFees(final Era era) {
        // the numpy peer's traders and sellers (no cut to holders' alpha) with the era's own fees: the holders'
        // lanes with every lane uncut; alpha out well below alpha in, so that holders' alpha would bind on
        // some unstakes if the lanes cut them
        final Network network = new Network(new double[] {4_000, 2_000, 1_000, 300, 50},
                new double[] {20_000, 20_000, 20_000, 20_000, 5_000}, new double[] {40, 400, 20, 10, 5},
                new double[] {0.2, 0.1, 0.05, 0.01, 0.01}, new long[5], 1e6, 5e6);
        final List<Behaviour> market = List.of(new EmissionSellers(0.5, false), new UniformNoiseTraders(0.02, false));
        final Scenario scenario = new Scenario(era.defaults().withTempo(20), network, 0, 400, PATHS, 5L, market,
                List.of());
        final RunResult scalar = Runner.run(scenario, new RunOptions(1, 64, Kernels.scalar(), true, null));
        final RunResult held = Runner.run(new Scenario(scenario.protocol(), network, 0, 400, PATHS, 5L,
                List.of(new EmissionSellers(0.5, true), new UniformNoiseTraders(0.02, true)), List.of()),
                new RunOptions(1, 64, Kernels.scalar(), true, null));
        assertFalse(Arrays.equals(scalar.outcome(RunResult.TAO_UNSTAKED), held.outcome(RunResult.TAO_UNSTAKED)),
                "holders' alpha binds in this market");
        for (final int batch : new int[] {8, 17, 41}) {
            final RunResult lanes = Runner.run(scenario, new RunOptions(1, batch, vector, true, null));
            assertBitIdentical(era.id() + ", batch " + batch, scalar, lanes);
        }
    }

    @Test
    void vectorKernelsShouldGiveTheScalarBitsWhenThePathRangeIsSplitAtOddBoundaries() {
        final Scenario scenario = RandomScenarios.allBehaviours(9, PATHS, 300, 11L);
        final RunResult scalar = Runner.run(scenario, new RunOptions(1, 64, Kernels.scalar(), true, null));
        final long[] cuts = {0, 3, 4, 13, 22, 39, PATHS};
        final List<RunResult> parts = new ArrayList<>();
        for (int k = 0; k + 1 < cuts.length; k++) {
            final int batch = 1 + k * 5;
            parts.add(Runner.run(scenario, new PathRange(cuts[k], cuts[k + 1]),
                    new RunOptions(1, batch, vector, true, null)));
        }
        assertBitIdentical("split vector vs whole scalar", scalar, RunResult.merge(parts));
    }

    @ParameterizedTest(name = "{0}, cutoff {1}, exponent {2}")
    @CsvSource({
        "TAOFLOW_2025_11, 0, 1", "TAOFLOW_2025_11, 0.5, 1", "TAOFLOW_2025_11, -2, 1", "TAOFLOW_2025_11, 0, 2",
        "CAPPED_2025_12, 0, 1", "CAPPED_2025_12, -2, 1",
        "NETFLOW_2026_05, 0, 1", "NETFLOW_2026_05, 0.5, 1", "NETFLOW_2026_05, -2, 1", "NETFLOW_2026_05, 0, 2"})
    void vectorKernelsShouldGiveTheScalarBitsForFlowSharesThroughRegistrationsAndPrunings(final Era era,
            final double cutoff, final double exponent) {
        // a cutoff at or above 0 with exponent 1 takes CappedEraStep's fewer-pass weights, the others the general
        // passes (fast smoothing, so the flow EMAs reach the cutoffs within the run); registrations into fresh
        // slots bring rows not yet started, then prunings (every path here prunes the same subnet; rows live on
        // some paths only run apart from the lanes and are checked against hand-computed shares in
        // EraRulesTest.NetFlow)
        final ProtocolParams protocol = era.defaults().with(Parameter.FLOW_CUTOFF, cutoff)
                .with(Parameter.FLOW_EXPONENT, exponent).with(Parameter.FLOW_SMOOTHING, 0.01)
                .with(Parameter.SUBNET_LIMIT, 5).with(Parameter.NETWORK_RATE_LIMIT, 50)
                .with(Parameter.IMMUNITY_PERIOD, 100).with(Parameter.START_CALL_DELAY, 10)
                .with(Parameter.LOCK_REDUCTION_INTERVAL, 1_000).with(Parameter.LAST_LOCK, 10).withTempo(20);
        final Network network = new Network(new double[] {4_000, 2_000, 1_000, 300},
                new double[] {20_000, 20_000, 20_000, 20_000}, new double[] {2_000, 2_000, 2_000, 1_000},
                new double[] {0.2, 0.1, 0.05, 0.01}, new long[4], 1e6, 5e6);
        final List<Behaviour> market = List.of(new UniformNoiseTraders(0.05), new SubnetRegistrations(100, 120, 8));
        final Scenario scenario = new Scenario(protocol, network, 0, 1_500, PATHS, 21L, market, List.of());
        final RunResult scalar = Runner.run(scenario, new RunOptions(1, 64, Kernels.scalar(), true, null));
        assertTrue(Arrays.stream(scalar.outcome(RunResult.PRUNINGS)).max().orElse(0) > 0,
                "subnets were pruned within the run");
        for (final int batch : new int[] {8, 19, 41}) {
            final RunResult lanes = Runner.run(scenario, new RunOptions(1, batch, vector, true, null));
            assertBitIdentical(era.id() + " cutoff " + cutoff + " exponent " + exponent + ", batch " + batch,
                    scalar, lanes);
        }
    }
}
