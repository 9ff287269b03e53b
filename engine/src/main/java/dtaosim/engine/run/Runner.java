package dtaosim.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a scenario over a path range on a fixed pool of worker threads. The range is cut into batches of
 * {@link RunOptions#batchPaths()} paths; each batch owns its arrays and draws its random numbers by global path
 * index, and writes its outcomes into its own slice of the result. The numbers therefore do not depend on the
 * thread count, the batch size or how [0, P) was split into ranges.
 */
public final class Runner {
    private Runner() {
    }

    /** Runs the whole scenario, every path. */
    public static RunResult run(final Scenario scenario, final RunOptions options) {
        return run(scenario, scenario.allPaths(), options);
    }

    /** Runs the paths of {@code range} (inside [0, P)) of the scenario. */
    public static RunResult run(final Scenario scenario, final PathRange range, final RunOptions options) {
        if (range.to() > scenario.paths()) {
            throw new IllegalArgumentException("path range " + range + " is not inside [0, " + scenario.paths()
                    + ")");
        }
        final int total = Math.toIntExact(range.size());
        final PathOutcomes outcomes = new PathOutcomes(total);
        final FinalState finalState = options.keepFinalState()
                ? FinalState.allocate(total, scenario.slots()) : null;
        if (total == 0) {
            return new RunResult(range, outcomes, finalState);
        }
        final int batchPaths = options.batchPaths();
        final int batches = (total + batchPaths - 1) / batchPaths;
        final int threads = Math.min(options.threads(), batches);
        final ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerFactory());
        try {
            final List<Future<PathOutcomes>> futures = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                final int offset = b * batchPaths;
                final int paths = Math.min(batchPaths, total - offset);
                futures.add(pool.submit(() -> {
                    final BatchSimulation batch = new BatchSimulation(scenario, range.from() + offset, paths,
                            options.kernels());
                    // progress in path-blocks, a hundredth of the horizon at a time, so that few paths over a
                    // long horizon still show it
                    batch.runAll(Math.max(1, scenario.blocks() / 100),
                            blocks -> options.progress().accept((long) blocks * paths));
                    if (finalState != null) {
                        batch.copyFinalState(finalState, offset);
                    }
                    return batch.outcomes();
                }));
            }
            // merge in path order: batch b's outcomes go to slice [b·batchPaths, …)
            for (int b = 0; b < batches; b++) {
                outcomes.copyFrom(futures.get(b).get(), b * batchPaths);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run interrupted", e);
        } catch (ExecutionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a batch failed", cause);
        } finally {
            pool.shutdownNow();
        }
        return new RunResult(range, outcomes, finalState);
    }

    private static final class WorkerFactory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable task) {
            final Thread thread = new Thread(task, "dtaosim-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
