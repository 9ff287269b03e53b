package dtaosim.studies.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.studies.scenario.BuiltInScenarios;
import dtaosim.studies.scenario.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The study probe's samples against values computed independently from the engine's final state and its own
 * watch probe: the last sample is the final block, capture blocks agree with the highest share, and recording
 * the samples does not change the run.
 */
class SeriesProbeTest {
    private static final int PATHS = 8;
    private static final int BLOCKS = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"launch-2025-02", "taoflow-2025-11", "price-burn-2026-06"})
    void lastSampleShouldEqualTheFinalState(final String era) {
        final Scenario base = BuiltInScenarios.load("meme-loop-demo")
                .resolve(new Overrides((long) PATHS, BLOCKS, null, Era.byId(era))).withProbe(new SubnetWatch(2));
        final int[] samples = Sampling.offsets(BLOCKS, 7);
        assertEquals(BLOCKS - 1, samples[samples.length - 1]);
        final double[] thresholds = {0.05, 0.125, 0.2};
        final Scenario probed = base.withProbe(new SeriesProbe(base.startBlock(), samples, new int[] {2, 5}, 2,
                thresholds));
        final RunOptions options = RunOptions.defaults().withThreads(2).withFinalState(true);
        final RunResult plain = Runner.run(base, options);
        final RunResult r = Runner.run(probed, options);
        // sampling (which switches injection recording on and off) leaves the run as it was
        assertArrayEquals(plain.finalState().taoReserve(), r.finalState().taoReserve());
        assertArrayEquals(plain.outcome("subnet2.cumTaoEmission"), r.outcome(SeriesProbe.TARGET_EMISSION));

        final int subnets = r.finalState().subnets();
        final int w = samples.length;
        final double[] sumPrice = r.outcomes().getSeries(SeriesProbe.network("sumPrice"));
        final double[] depth = r.outcomes().getSeries(SeriesProbe.subnet(5, "depth"));
        final double[] price = r.outcomes().getSeries(SeriesProbe.subnet(2, "price"));
        for (int p = 0; p < PATHS; p++) {
            double sum = 0.0;
            for (int i = 0; i < subnets; i++) {
                sum += r.finalState().taoReserve()[p * subnets + i] / r.finalState().alphaIn()[p * subnets + i];
            }
            assertEquals(sum, sumPrice[p * w + w - 1], 1e-12 * sum);
            assertEquals(r.finalState().taoReserve()[p * subnets + 5], depth[p * w + w - 1], 0.0);
            assertEquals(r.finalState().taoReserve()[p * subnets + 2] / r.finalState().alphaIn()[p * subnets + 2],
                    price[p * w + w - 1], 0.0);
            final double max = r.outcome(SeriesProbe.TARGET_MAX_SHARE)[p];
            for (int k = 0; k < thresholds.length; k++) {
                final double block = r.outcome(SeriesProbe.captureBlock(k))[p];
                assertEquals(max >= thresholds[k], !Double.isNaN(block), "path " + p + " threshold " + k);
            }
        }
        final double[] gini = r.outcomes().getSeries(SeriesProbe.network("gini"));
        final double[] top = r.outcomes().getSeries(SeriesProbe.network("top10"));
        for (int k = 0; k < gini.length; k++) {
            assertTrue(gini[k] >= 0.0 && gini[k] < 1.0, "gini " + gini[k]);
            assertEquals(1.0, top[k], 1e-12, "8 subnets: the top 10 hold everything");
        }
    }

    @Test
    void samplesShouldSpreadEvenlyAndEndAtTheLastBlock() {
        assertArrayEquals(new int[] {2, 5, 8, 11}, Sampling.offsets(12, 4));
        assertArrayEquals(new int[] {0, 1, 2}, Sampling.offsets(3, 10));
    }

    @Test
    void seriesShouldBeLabelledForReadersWithTheirCsvNames() {
        assertEquals("Σ spot prices (TAO/alpha) [net.sumPrice]", SeriesProbe.label("net.sumPrice"));
        assertEquals("total issuance (TAO) [net.issuance]", SeriesProbe.label("net.issuance"));
        assertEquals("subnet 7 pool depth (TAO reserve) [subnet7.depth]", SeriesProbe.label("subnet7.depth"));
        assertEquals("subnet 12 emission share (tao_in / block emission) [subnet12.share]",
                SeriesProbe.label("subnet12.share"));
        // every network measure has a label
        for (final String measure : SeriesProbe.NETWORK) {
            assertTrue(SeriesProbe.label(SeriesProbe.network(measure)).endsWith(" [net." + measure + "]"), measure);
        }
        assertEquals("other.thing", SeriesProbe.label("other.thing"));
    }
}
