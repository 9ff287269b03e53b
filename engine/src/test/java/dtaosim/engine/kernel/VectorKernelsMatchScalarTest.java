package dtaosim.engine.kernel;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import dtaosim.engine.model.Era;
import static dtaosim.engine.testing.Compare.assertBitIdentical;

import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.testing.RandomScenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
