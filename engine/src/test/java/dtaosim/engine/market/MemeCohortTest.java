package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meme cohort's reflexive loop (the SN28 episode): eight subnets, the third the meme subnet, three days of
 * the launch era with a fast moving price (factor 1e-3 per block) so the emission share follows the price
 * within hours. The rise needs both feedbacks: switching off the holder rewards or the emission-share feedback
 * makes it disappear. An intervention that withdraws support ends it in a crash.
 */
class MemeCohortTest {
    private static final int MEME = 2;
    private static final int PATHS = 8;
    private static final int BLOCKS = 3 * 7200;

    private static Network network() {
        final int n = 8;
        final double[] tao = new double[n];
        final double[] alphaIn = new double[n];
        final double[] price = new double[n];
        for (int i = 0; i < n; i++) {
            tao[i] = 2000.0 * (i + 1);
            price[i] = 0.01 * (i + 1);
            alphaIn[i] = tao[i] / price[i];
        }
        return new Network(tao, alphaIn, alphaIn.clone(), price, new long[n], 3e5, 0.0);
    }

    private static MemeCohort cohort(final boolean holderRewards, final boolean shareFeedback) {
        return new MemeCohort(MEME, 0.002, 10, 20_000, 360, 5.0, 6.0, 400.0, holderRewards, shareFeedback, 0.4, 0.05);
    }

    private static RunResult run(final List<Behaviour> extra, final MemeCohort cohort) {
        final List<Behaviour> behaviours = new ArrayList<>();
        behaviours.add(new EmissionSellers(0.5));
        behaviours.add(new PoissonNoiseTraders(0.02, -7, 1.0, 0.5));
        behaviours.add(cohort);
        behaviours.addAll(extra);
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults().withMovingAlpha(1e-3), network(), 0,
                BLOCKS, PATHS, 7L, behaviours, List.of());
        return Runner.run(scenario, new RunOptions(2, PATHS, Kernels.best(), true, null));
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return 0.5 * (sorted[PATHS / 2 - 1] + sorted[PATHS / 2]);
    }

    @Test
    void theLoopShouldPumpThePriceAndCaptureEmissionOnlyWithBothFeedbacks() {
        final double both = median(run(List.of(), cohort(true, true)).outcome(MemeCohort.PEAK_MULTIPLE));
        final double noRewards = median(run(List.of(), cohort(false, true)).outcome(MemeCohort.PEAK_MULTIPLE));
        final double noShare = median(run(List.of(), cohort(true, false)).outcome(MemeCohort.PEAK_MULTIPLE));
        assertTrue(both >= 5.0, "with both feedbacks the median peak is ≥ 5× the first price: " + both);
        assertTrue(noRewards < 2.5, "without holder rewards the rise disappears: " + noRewards);
        assertTrue(noShare < 2.5, "without the emission-share feedback the rise disappears: " + noShare);
    }

    @Test
    void anInterventionShouldEndThePumpInACrash() {
        final RunResult result = run(List.of(new Intervention(MEME, 3.0, -1, 50_000, true)), cohort(true, true));
        final FinalState state = result.finalState();
        final double[] when = result.outcome(Intervention.BLOCK);
        final double[] peak = result.outcome(MemeCohort.PEAK_MULTIPLE);
        for (int p = 0; p < PATHS; p++) {
            assertTrue(when[p] >= 0, "the intervention triggered on path " + p);
            final double firstPrice = network().taoReserve()[MEME] / network().alphaIn()[MEME];
            final double finalMultiple = state.spotPrice(p, MEME) / firstPrice;
            assertTrue(finalMultiple < 0.5 * peak[p], "path " + p + ": final " + finalMultiple
                    + "× is less than half the peak " + peak[p] + "×");
        }
    }
}
