package dtaosim.engine.run;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.testing.RandomScenarios;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for a JIT finding: after other scalar and vector workloads (among them batches too small for
 * one whole vector) ran in the same JVM, C2 sometimes compiled {@code VectorRowKernels.uniformNoise} and
 * {@code coinbase} with some Vector API operations left out of line (LogCompilation: {@code _VectorStoreOp}
 * intrinsics 5 → 0 and 11 → 7), and every block then boxed vectors (≈ 1.36 MB per block at 128 subnets × 64
 * paths), 1 run in 5. The kernels now run their lanes in call-free methods entered only when a row holds a
 * whole vector; this test replays that JIT history and then requires the block loop not to allocate.
 */
class VectorKernelJitFragilityTest {

    @Test
    void vectorBlockLoopShouldNotAllocateAfterOtherWorkloadsRanInTheSameJvm() {
        final RowKernels vector = Kernels.vector().orElseThrow(
                () -> new AssertionError("the Vector API kernels are missing: surefire must add jdk.incubator.vector"));
        // the JIT history of a full test run: scalar and vector kernels, every batch size, near-halving pools
        final Scenario mixed = RandomScenarios.allBehaviours(12, 41, 400, 7L);
        Runner.run(mixed, new RunOptions(1, 64, Kernels.scalar(), true, null));
        for (int batch = 1; batch <= 40; batch++) {
            Runner.run(mixed, new RunOptions(1, batch, vector, true, null));
        }
        for (long seed = 100; seed < 112; seed++) {
            final int batch = 1 + (int) (seed % 23);
            Runner.run(RandomScenarios.random(seed), new RunOptions(1, batch, Kernels.scalar(), true, null));
            Runner.run(RandomScenarios.random(seed), new RunOptions(1, batch, vector, true, null));
        }
        AllocationTest.assertBlockLoopDoesNotAllocate(Kernels.scalar());
        AllocationTest.assertBlockLoopDoesNotAllocate(vector);
    }
}
