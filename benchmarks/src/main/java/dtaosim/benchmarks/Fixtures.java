package dtaosim.benchmarks;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.studies.reference.ReferenceWorkload;

/**
 * What the benchmarks share: the kernel chosen by name, the reference workload resized to one batch, and the
 * fixed amount of work per JMH invocation.
 *
 * <p>{@code @OperationsPerInvocation} must be a compile-time constant, while a block's work (subnets × paths
 * updates) varies with the {@code @Param} sweep. So every invocation runs exactly
 * {@link #ELEMENTS_PER_INVOCATION} subnet-path updates: {@code ELEMENTS_PER_INVOCATION / (subnets × paths)}
 * consecutive blocks. JMH's score is then time per subnet-path update.
 */
final class Fixtures {
    /**
     * Subnet-path updates per invocation, 2^18: a whole number of blocks for any power-of-two sizes up to
     * 2,048 paths × 128 subnets (512 blocks of 16 paths × 32 subnets, 8 blocks of 256 × 128).
     */
    static final int ELEMENTS_PER_INVOCATION = 1 << 18;

    private Fixtures() {
    }

    /** "scalar" or "vector"; fails rather than measuring scalar loops under the vector name. */
    static RowKernels kernels(final String name) {
        switch (name) {
            case "scalar":
                return Kernels.scalar();
            case "vector":
                return Kernels.vector().orElseThrow(() -> new IllegalStateException(
                        "the Vector API kernels need the JVM option --add-modules jdk.incubator.vector"));
            default:
                throw new IllegalArgumentException("kernel: " + name + " is not \"scalar\" or \"vector\"");
        }
    }

    /**
     * The reference workload of the numpy peer ({@link ReferenceWorkload#DEFAULT}) with {@code paths} paths and
     * {@code subnets} log-spaced subnets; everything else (seed, tempo, σ, sell fraction, pump) as the default.
     */
    static ReferenceWorkload workload(final int paths, final int subnets) {
        final ReferenceWorkload d = ReferenceWorkload.DEFAULT;
        return new ReferenceWorkload(paths, subnets, d.blocks(), d.seed(), d.tempo(), d.blockEmission(),
                d.movingAlpha(), d.taoWeight(), d.rootTao(), d.sigma(), d.sellFrac(), d.pumpRate());
    }

    /** Blocks per invocation for a batch of {@code subnets × paths} cells. */
    static int blocksPerInvocation(final int paths, final int subnets) {
        final long cells = (long) paths * subnets;
        if (cells <= 0 || cells > ELEMENTS_PER_INVOCATION || ELEMENTS_PER_INVOCATION % cells != 0) {
            throw new IllegalArgumentException("paths × subnets = " + cells + " must divide "
                    + ELEMENTS_PER_INVOCATION + " (use powers of two)");
        }
        return (int) (ELEMENTS_PER_INVOCATION / cells);
    }
}
