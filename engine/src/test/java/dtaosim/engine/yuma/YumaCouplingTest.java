package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Yuma subnets inside a run: determinism, what the market sees, MinerBurned in the price-burn era, roles. */
class YumaCouplingTest {
    private static final Scenario DEMO = YumaScenarios.demo(24, 361 * 24, 7L);

    private static RunResult run(final Scenario scenario, final int threads, final int batch) {
        return Runner.run(scenario, scenario.allPaths(), new RunOptions(threads, batch, Kernels.best(), false, null));
    }

    @Test
    void yumaOutcomesShouldNotDependOnThreadsOrBatchSize() {
        final PathOutcomes a = run(DEMO, 1, 64).outcomes();
        final PathOutcomes b = run(DEMO, 2, 5).outcomes();
        for (final Map.Entry<String, double[]> column : a.columns().entrySet()) {
            final double[] x = column.getValue();
            final double[] y = b.get(column.getKey());
            for (int p = 0; p < x.length; p++) {
                assertEquals(Double.doubleToLongBits(x[p]), Double.doubleToLongBits(y[p]),
                        column.getKey() + " path " + p);
            }
        }
    }

    @Test
    void burnedIncentiveShouldFollowTheOwnersWeightAndReachTheMarketAsBurnedAlpha() {
        final PathOutcomes out = run(DEMO, 2, 64).outcomes();
        final double[] burned = out.get(YumaOutcomes.MINER_BURNED_ALPHA);
        final double[] alphaBurned = out.get(RunResult.ALPHA_BURNED);
        final double[] minerBurned = out.get(YumaOutcomes.MINER_BURNED);
        for (int p = 0; p < out.paths(); p++) {
            assertTrue(burned[p] > 0.0, "path " + p);
            assertEquals(burned[p], alphaBurned[p], 1e-9 * burned[p], "path " + p);
            // every validator puts 0.3 of its weight on the owner's miner; consensus keeps about that much
            assertTrue(minerBurned[p] > 0.2 && minerBurned[p] < 0.4, "MinerBurned " + minerBurned[p]);
            assertTrue(out.get(YumaOutcomes.VALIDATOR_EARNINGS_TAO)[p] > 0.0);
            assertTrue(out.get(YumaOutcomes.MINER_EARNINGS_TAO)[p] > 0.0);
            assertEquals(48.0, out.get(YumaOutcomes.EPOCHS)[p], "two Yuma subnets × 24 epochs");
        }
    }

    @Test
    void priceBurnSharesShouldUseYumasMinerBurned() {
        final BatchSimulation sim = new BatchSimulation(DEMO, 0, 4, Kernels.best());
        final BatchState s = sim.state();
        sim.runBlocks(1000); // past the first epochs of slots 1 and 2
        final int c = 1 * s.paths + 2;
        final double movingPrice = s.movingPrice[c];
        final double burned = s.yumaMinerBurned[c];
        assertTrue(burned > 0.2 && burned < 0.4, "MinerBurned " + burned);
        sim.runBlocks(1);
        assertEquals(movingPrice * (1.0 - burned), s.shareWeight[c], 0.0);
        // a subnet without Yuma keeps the era's parameter (0)
        assertEquals(s.movingPrice[0 * s.paths + 2] > 0.0, s.shareWeight[0 * s.paths + 2] > 0.0);
    }

    @Test
    void copierShouldEarnLessWithCommitRevealAndOverRaterShouldBeClipped() {
        final PathOutcomes out = run(DEMO, 2, 64).outcomes();
        final double open = median(out.get(YumaOutcomes.COPIER_RELATIVE_RETURN));
        final double delayed = median(out.get(YumaOutcomes.COPIER_RELATIVE_RETURN_COMMIT_REVEAL));
        assertTrue(delayed < open, "copier with commit-reveal " + delayed + " vs without " + open);
        assertTrue(delayed < 1.0, "copier with commit-reveal earns less than honest: " + delayed);
        assertTrue(median(out.get(YumaOutcomes.OVER_RATER_CLIPPED_SHARE)) > 0.1,
                "over-rater clipped " + median(out.get(YumaOutcomes.OVER_RATER_CLIPPED_SHARE)));
        assertTrue(median(out.get(YumaOutcomes.OVER_RATER_RELATIVE_RETURN)) < 1.0);
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
