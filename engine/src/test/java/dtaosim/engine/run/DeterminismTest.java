package dtaosim.engine.run;

import static dtaosim.engine.testing.Compare.assertBitIdentical;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.testing.RandomScenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numbers must not depend on how a run executes (style guide: random streams belong to paths, merge in path
 * order): thread count, batch size, and how [0, P) is cut into ranges that are run separately and merged with
 * {@link RunResult#merge} all give the same bits, for outcomes (columns and series) and final state.
 */
class DeterminismTest {
    private static final long PATHS = 70;
    private static final Scenario BASE = RandomScenarios.allBehaviours(9, PATHS, 500, 20250215L);
    /** With the daily prices probe, whose panel is a per-path series outcome. */
    private static final Scenario SCENARIO = BASE.withProbe(DailyPrices.covering(BASE));
    private static final RowKernels KERNELS = Kernels.best();

    private static RunResult run(final PathRange range, final int threads, final int batch) {
        return Runner.run(SCENARIO, range, new RunOptions(threads, batch, KERNELS, true, null));
    }

    @Test
    void resultsShouldNotDependOnThreadCount() {
        final RunResult one = run(SCENARIO.allPaths(), 1, 7);
        final RunResult two = run(SCENARIO.allPaths(), 2, 7);
        assertBitIdentical("1 vs 2 threads", one, two);
    }

    @Test
    void resultsShouldNotDependOnBatchSize() {
        final RunResult base = run(SCENARIO.allPaths(), 2, 64);
        assertBitIdentical("batch 64 vs 1", base, run(SCENARIO.allPaths(), 2, 1));
        assertBitIdentical("batch 64 vs 7", base, run(SCENARIO.allPaths(), 1, 7));
    }

    @Test
    void rangesRunApartAndMergedShouldEqualOneRunOverAllPaths() {
        final RunResult whole = run(SCENARIO.allPaths(), 2, 64);
        final List<RunResult> parts = new ArrayList<>();
        // deliberately out of order: merge sorts by range
        parts.add(run(new PathRange(14, PATHS), 2, 7));
        parts.add(run(new PathRange(0, 13), 1, 64));
        parts.add(run(new PathRange(13, 14), 1, 1));
        assertBitIdentical("[0,13) + [13,14) + [14,P) merged", whole, RunResult.merge(parts));
    }

    @Test
    void shardsShouldTileThePathRangeAndMergeIntoTheWholeRun() {
        final RunResult whole = run(SCENARIO.allPaths(), 1, 64);
        final List<RunResult> parts = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            parts.add(run(PathRange.shard(PATHS, k, 3), 1, 5 + k));
        }
        assertBitIdentical("3 shards merged", whole, RunResult.merge(parts));
    }
}
