package dtaosim.studies.study;

import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan's cells over a path range in chunks of {@code checkpointEvery} paths (or one chunk per cell),
 * storing each finished chunk ({@link PartialStore}) and skipping chunks already stored: a resumed run
 * simulates only what is missing, and the merged results do not depend on where it was interrupted.
 */
public final class StudyExecutor {
    private final StudyPlan plan;
    private final PartialStore store;
    private final int threads;
    private final int checkpointEvery;

    /**
     * @param plan            the study's cells
     * @param store           where chunks are stored
     * @param threads         worker threads
     * @param checkpointEvery paths per stored chunk, or 0 for one chunk per cell
     */
    public StudyExecutor(final StudyPlan plan, final PartialStore store, final int threads,
                         final int checkpointEvery) {
        this.plan = plan;
        this.store = store;
        this.threads = threads;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Paths per stored chunk when the study names none: at least four batches of paths for each thread, so every
     * thread stays busy through a chunk, and at most 16 chunks a cell, so short runs do not pay for many; an
     * interrupted study loses at most one chunk a cell.
     */
    public static int defaultCheckpointEvery(final int threads, final long paths) {
        final long perThreads = 4L * RunOptions.DEFAULT_BATCH_PATHS * Math.max(1, threads);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(perThreads, (paths + 15) / 16));
    }

    /** The chunks of {@code range}: consecutive ranges of {@code checkpointEvery} paths from its start. */
    List<PathRange> chunks(final PathRange range) {
        final List<PathRange> chunks = new ArrayList<>();
        final long step = checkpointEvery > 0 ? checkpointEvery : Math.max(1, range.size());
        for (long from = range.from(); from < range.to(); from += step) {
            chunks.add(new PathRange(from, Math.min(range.to(), from + step)));
        }
        return chunks;
    }

    /** Paths of {@code range} not yet stored, over all cells. */
    public long pending(final PathRange range) {
        long n = 0;
        for (final Cell cell : plan.cells()) {
            for (final PathRange chunk : chunks(range)) {
                if (!store.has(cell.index(), chunk)) {
                    n += chunk.size();
                }
            }
        }
        return n;
    }

    /**
     * Simulates every chunk of {@code range} that is not stored yet, storing each as it finishes.
     *
     * @return paths simulated (all cells)
     */
    public long run(final PathRange range, final Progress progress) throws IOException {
        final RunOptions options = RunOptions.defaults().withThreads(threads).withProgress(progress);
        long simulated = 0;
        for (final Cell cell : plan.cells()) {
            for (final PathRange chunk : chunks(range)) {
                if (store.has(cell.index(), chunk)) {
                    continue;
                }
                final RunResult result = Runner.run(cell.scenario(), chunk, options);
                store.save(cell.index(), result);
                simulated += chunk.size();
            }
        }
        return simulated;
    }

    /**
     * Every cell's outcomes over {@code range}, simulated in memory and not stored: the work of one partition of
     * a distributed run, which ships them back ({@link PartialStore#encode}).
     *
     * @return one result per cell, in cell order
     */
    public List<RunResult> simulate(final PathRange range) {
        final RunOptions options = RunOptions.defaults().withThreads(threads);
        final List<RunResult> results = new ArrayList<>();
        for (final Cell cell : plan.cells()) {
            results.add(Runner.run(cell.scenario(), range, options));
        }
        return results;
    }

    /** Every cell's stored outcomes over {@code range}, merged in path order. */
    public List<RunResult> results(final PathRange range) {
        final List<RunResult> results = new ArrayList<>();
        for (final Cell cell : plan.cells()) {
            try {
                final List<RunResult> parts = new ArrayList<>();
                for (final RunResult part : store.load(cell.index())) {
                    if (part.range().from() >= range.from() && part.range().to() <= range.to()) {
                        parts.add(part);
                    }
                }
                final RunResult merged = RunResult.merge(parts);
                if (!merged.range().equals(range)) {
                    throw new IllegalStateException("cell " + cell.index() + ": stored paths " + merged.range()
                            + " do not cover " + range);
                }
                results.add(merged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }
}
