package dtaosim.engine.run;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import java.util.function.LongConsumer;

/**
 * How a run executes; none of it changes the numbers.
 *
 * @param threads        worker threads
 * @param batchPaths     paths per batch (a batch's arrays should fit in the L2 cache)
 * @param kernels        hot loops (scalar or vector; bit-identical)
 * @param keepFinalState whether to return every path's final per-subnet state
 * @param progress       called with the path-blocks (paths × blocks) a batch just simulated, every hundredth of
 *                       the horizon (from worker threads)
 */
public record RunOptions(int threads, int batchPaths, RowKernels kernels, boolean keepFinalState,
                         LongConsumer progress) {
    /** Default paths per batch, from the kernel benchmark (128 subnets × 64 paths × 13 fields ≈ 850 kB). */
    public static final int DEFAULT_BATCH_PATHS = 64;

    /** Validates the sizes. */
    public RunOptions {
        Checks.inRange("threads", threads, 1L, 4096L);
        Checks.inRange("batchPaths", batchPaths, 1L, 1L << 20);
        if (kernels == null) {
            kernels = Kernels.best();
        }
        if (progress == null) {
            progress = n -> { };
        }
    }

    /** All cores, default batches, the best kernels, no final state. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_PATHS, Kernels.best(),
                false, null);
    }

    /** A copy with another thread count. */
    public RunOptions withThreads(final int value) {
        return new RunOptions(value, batchPaths, kernels, keepFinalState, progress);
    }

    /** A copy with another batch size. */
    public RunOptions withBatchPaths(final int value) {
        return new RunOptions(threads, value, kernels, keepFinalState, progress);
    }

    /** A copy with other kernels. */
    public RunOptions withKernels(final RowKernels value) {
        return new RunOptions(threads, batchPaths, value, keepFinalState, progress);
    }

    /** A copy that keeps (or not) the final state. */
    public RunOptions withFinalState(final boolean value) {
        return new RunOptions(threads, batchPaths, kernels, value, progress);
    }

    /** A copy with a progress callback. */
    public RunOptions withProgress(final LongConsumer value) {
        return new RunOptions(threads, batchPaths, kernels, keepFinalState, value);
    }
}
