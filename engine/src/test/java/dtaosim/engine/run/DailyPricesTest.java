package dtaosim.engine.run;

import static dtaosim.engine.testing.Compare.rawBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.state.BatchState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link DailyPrices} probe: each path's panel holds, per slot and day, the first, highest, lowest and last spot
 * price over the blocks in which the slot held a subnet on that path, recomputed here from the state block by
 * block; subnets registered or pruned during the run have prices only while they exist; the panel does not depend
 * on how paths are cut into batches (see also {@link DeterminismTest}).
 */
class DailyPricesTest {
    private static final int PATHS = 5;
    private static final int SLOTS = 4 + 3;
    private static final int BLOCKS = 2 * 7200 + 3600; // two and a half days: the last day is a half day

    /**
     * Four subnets at a subnet limit of four, noise traders, and three registrations at blocks 3,000 (day 0),
     * 8,000 (day 1) and 13,000 (day 1), each pruning the subnet of lowest moving price past its immunity.
     */
    private static Scenario scenario() {
        final ProtocolParams protocol = Era.SUBSIDY_2025_07.defaults()
                .with(Parameter.SUBNET_LIMIT, 4)
                .with(Parameter.IMMUNITY_PERIOD, 100)
                .with(Parameter.NETWORK_RATE_LIMIT, 500)
                .with(Parameter.START_CALL_DELAY, 0);
        final Network network = new Network(new double[] {500, 100, 300, 400}, new double[] {1000, 1000, 1000, 1000},
                new double[] {1000, 1000, 1000, 1000}, new double[] {0.5, 0.1, 0.3, 0.4}, new long[4], 1e5, 0.0);
        return new Scenario(protocol, network, 0, BLOCKS, PATHS, 7L,
                List.of(new UniformNoiseTraders(0.003), new SubnetRegistrations(3000, 5000, 3)), List.of());
    }

    @Test
    void panelShouldHoldEachDaysFirstHighestLowestAndLastPriceOfEveryLiveCell() {
        final Scenario plain = scenario();
        final DailyPrices probe = DailyPrices.covering(plain);
        assertEquals(3, probe.days(), "2.5 days of blocks cover 3 days");
        // batches of 2 paths on 2 threads: the panel comes back through the runner's merge
        final RunResult result = Runner.run(plain.withProbe(probe), new RunOptions(2, 2, Kernels.best(), false, null));

        // the same paths stepped block by block without the probe, prices read from the state
        final BatchSimulation sim = new BatchSimulation(plain, 0, PATHS, Kernels.best());
        final BatchState s = sim.state();
        final PricePanel[] expected = new PricePanel[PATHS];
        for (int p = 0; p < PATHS; p++) {
            expected[p] = PricePanel.withoutPrices(SLOTS, 3);
        }
        for (int b = 0; b < BLOCKS; b++) {
            sim.runBlocks(1);
            final int day = b / 7200;
            for (int p = 0; p < PATHS; p++) {
                final PricePanel e = expected[p];
                for (int i = 0; i < SLOTS; i++) {
                    final int cell = s.cell(i, p);
                    if (!s.live[cell]) {
                        continue;
                    }
                    final double price = s.taoReserve[cell] / s.alphaIn[cell];
                    final int k = e.index(i, day);
                    final boolean first = Double.isNaN(e.close()[k]);
                    e.open()[k] = first ? price : e.open()[k];
                    e.high()[k] = first || price > e.high()[k] ? price : e.high()[k];
                    e.low()[k] = first || price < e.low()[k] ? price : e.low()[k];
                    e.close()[k] = price;
                }
            }
        }
        for (int p = 0; p < PATHS; p++) {
            final PricePanel got = probe.panel(result, p);
            assertEquals(SLOTS, got.subnets(), "slots");
            assertEquals(3, got.days(), "days");
            assertArrayEquals(rawBits(expected[p].open()), rawBits(got.open()), "open, path " + p);
            assertArrayEquals(rawBits(expected[p].high()), rawBits(got.high()), "high, path " + p);
            assertArrayEquals(rawBits(expected[p].low()), rawBits(got.low()), "low, path " + p);
            assertArrayEquals(rawBits(expected[p].close()), rawBits(got.close()), "close, path " + p);
        }
    }

    @Test
    void subnetsShouldHavePricesOnlyOnDaysTheyExist() {
        final Scenario plain = scenario();
        final DailyPrices probe = DailyPrices.covering(plain);
        final RunResult result = Runner.run(plain.withProbe(probe), new RunOptions(1, PATHS, Kernels.best(), false,
                null));
        for (int p = 0; p < PATHS; p++) {
            final PricePanel panel = probe.panel(result, p);
            // slot 4 registers at block 3,000 (day 0); slots 5 and 6 at 8,000 and 13,000 (day 1)
            assertTrue(panel.hasPrice(4, 0), "slot 4 on day 0, path " + p);
            assertFalse(panel.hasPrice(5, 0), "slot 5 on day 0, path " + p);
            assertFalse(panel.hasPrice(6, 0), "slot 6 on day 0, path " + p);
            assertTrue(panel.hasPrice(6, 1) && panel.hasPrice(6, 2), "slot 6 on days 1 and 2, path " + p);
            // each registration prunes one subnet: four subnets at the end of every day, five had a price on day 0
            assertEquals(5, subnetsWithPrice(panel, 0), "subnets with a price on day 0, path " + p);
            assertEquals(4, subnetsWithPrice(panel, 2), "subnets with a price on day 2, path " + p);
            for (int i = 0; i < SLOTS; i++) {
                // registered once, pruned at most once: the days with a price are consecutive
                int starts = 0;
                for (int d = 0; d < 3; d++) {
                    starts += panel.hasPrice(i, d) && (d == 0 || !panel.hasPrice(i, d - 1)) ? 1 : 0;
                }
                assertTrue(starts <= 1, "slot " + i + " has prices on consecutive days, path " + p);
            }
            for (int i = 0; i < SLOTS; i++) {
                for (int d = 0; d < 3; d++) {
                    final int k = panel.index(i, d);
                    final double[] ohlc = {panel.open()[k], panel.high()[k], panel.low()[k], panel.close()[k]};
                    if (panel.hasPrice(i, d)) {
                        assertTrue(ohlc[2] <= Math.min(ohlc[0], ohlc[3]) && ohlc[1] >= Math.max(ohlc[0], ohlc[3])
                                && ohlc[2] > 0.0, "low ≤ open, close ≤ high: " + Arrays.toString(ohlc));
                    } else {
                        assertTrue(Arrays.stream(ohlc).allMatch(Double::isNaN), "all NaN: " + Arrays.toString(ohlc));
                    }
                }
            }
        }
    }

    private static int subnetsWithPrice(final PricePanel panel, final int day) {
        int count = 0;
        for (int i = 0; i < panel.subnets(); i++) {
            count += panel.hasPrice(i, day) ? 1 : 0;
        }
        return count;
    }

    @Test
    void blocksAfterTheRecordedDaysShouldBeIgnored() {
        final Scenario plain = scenario();
        final RunResult all = Runner.run(plain.withProbe(DailyPrices.covering(plain)),
                new RunOptions(1, PATHS, Kernels.best(), false, null));
        final DailyPrices first = new DailyPrices(0, 1);
        final RunResult oneDay = Runner.run(plain.withProbe(first), new RunOptions(1, PATHS, Kernels.best(), false,
                null));
        for (int p = 0; p < PATHS; p++) {
            final PricePanel whole = DailyPrices.covering(plain).panel(all, p);
            final PricePanel day0 = first.panel(oneDay, p);
            for (int i = 0; i < SLOTS; i++) {
                assertEquals(whole.close()[whole.index(i, 0)], day0.close()[day0.index(i, 0)], "close of day 0");
                assertEquals(whole.high()[whole.index(i, 0)], day0.high()[day0.index(i, 0)], "high of day 0");
            }
        }
    }

    @Test
    void readingAPanelWithAnotherHorizonShouldBeRefused() {
        final Scenario plain = scenario();
        final RunResult result = Runner.run(plain.withProbe(DailyPrices.covering(plain)),
                new RunOptions(1, PATHS, Kernels.best(), false, null));
        // 7 slots × 3 days × 4 = 84 values per path: not a multiple of 4 × 5 days
        assertThrows(IllegalArgumentException.class, () -> new DailyPrices(0, 5).panel(result, 0));
        assertThrows(IllegalArgumentException.class, () -> new DailyPrices(0, 0));
    }
}
