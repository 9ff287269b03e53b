package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.PricePanel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stylised facts on small panels whose values are worked by hand. */
class StylisedFactsTest {
    private static final double NA = Double.NaN;
    private static final double TOLERANCE = 1e-15;

    /** A panel from per-subnet rows of highs, lows and closes (opens equal to the closes). */
    static PricePanel panel(final double[][] high, final double[][] low, final double[][] close) {
        final int subnets = close.length;
        final int days = close[0].length;
        final PricePanel panel = PricePanel.withoutPrices(subnets, days);
        for (int i = 0; i < subnets; i++) {
            for (int d = 0; d < days; d++) {
                final int k = panel.index(i, d);
                panel.open()[k] = close[i][d];
                panel.high()[k] = high[i][d];
                panel.low()[k] = low[i][d];
                panel.close()[k] = close[i][d];
            }
        }
        return panel;
    }

    /** A panel whose every price of a day is its close. */
    static PricePanel closes(final double[]... close) {
        return panel(close, close, close);
    }

    @Test
    void volatilityShouldBeThePopulationStandardDeviationOfLogReturnsWithBothClosesInTheWindow() {
        final double e1 = Math.exp(0.1);
        final double e2 = Math.exp(0.2);
        final double e3 = Math.exp(0.3);
        final PricePanel panel = closes(
                // window days 1…5; the jumps from day 0 and to day 6 are outside it
                new double[] {100, 1, e1, 1, e1, 1, 50},
                new double[] {1, 1, e3, e3, e3, e3, 1},
                new double[] {1, 1, NA, e2, 1, e2, 1},   // returns touching day 2 are dropped
                new double[] {1, 2, 1, 2, 1, 2, 1});     // outside the cohort
        final boolean[] cohort = {true, true, true, false};
        final double[] volatility = StylisedFacts.logReturnVolatility(panel, cohort, 1, 5);
        // subnet 0: returns ±0.1, mean 0 → 0.1
        assertEquals(0.1, volatility[0], TOLERANCE);
        // subnet 1: returns 0.3, 0, 0, 0: mean 0.075, variance (0.225² + 3·0.075²)/4 = 0.016875
        assertEquals(Math.sqrt(0.016875), volatility[1], TOLERANCE);
        // subnet 2: returns −0.2 (day 4) and +0.2 (day 5) only
        assertEquals(0.2, volatility[2], TOLERANCE);
        assertTrue(Double.isNaN(volatility[3]), "outside the cohort");
        assertEquals(Math.sqrt(0.016875), StylisedFacts.quantile(volatility, 0.5), TOLERANCE, "median of three");
        // a window the panel does not reach, and one with a single return
        assertTrue(Arrays.stream(StylisedFacts.logReturnVolatility(panel, cohort, 3, 7)).allMatch(Double::isNaN));
        assertTrue(Double.isNaN(StylisedFacts.logReturnVolatility(panel, cohort, 0, 1)[0]), "one return");
    }

    @Test
    void largestPumpShouldBeTheHighestHighOfThreeDaysWithAPriceOverThePriorClose() {
        final PricePanel panel = panel(
                new double[][] {{1, 1.5, 1, 3, 1, 1}, {1, NA, NA, 2, 4, 2}, {4, 2, 1, NA, NA, NA}},
                new double[][] {{1, 1, 1, 1, 1, 1}, {1, NA, NA, 2, 2, 2}, {4, 2, 1, NA, NA, NA}},
                new double[][] {{1, 1, 1, 1, 1, 1}, {1, NA, NA, 2, 2, 2}, {4, 2, 1, NA, NA, NA}});
        final double[] pumps = StylisedFacts.largestPump(panel, new boolean[] {true, true, true}, 3);
        // subnet 0: the high of 3 on day 3 over the close of 1 on day 0, 1 or 2
        assertEquals(3.0, pumps[0], TOLERANCE);
        // subnet 1: days 1-2 have no price, so days 3, 4, 5 are the three days after day 0: 4 / 1 (calendar
        // windows would give 4 / 2)
        assertEquals(4.0, pumps[1], TOLERANCE);
        // subnet 2 only falls: the best window is 2 / 4 or 1 / 2
        assertEquals(0.5, pumps[2], TOLERANCE);
        assertEquals(3.0, StylisedFacts.quantile(pumps, 0.5), TOLERANCE);
        // a one-day window: each day's high over the close of the day with a price before: 3 / 1, then for subnet 1
        // 2 / 1 (day 3 after day 0) or 4 / 2 (day 4 after day 3)
        assertArrayEquals(new double[] {3.0, 2.0, 0.5},
                StylisedFacts.largestPump(panel, new boolean[] {true, true, true}, 1), TOLERANCE);
    }

    @Test
    void worstDrawdownShouldFallFromAnIntradayHighToALaterOrSameDayLowWithinTheWindow() {
        final PricePanel panel = panel(
                new double[][] {{1, 2, 1.5, 1}, {2, NA, 1.5, NA}},
                new double[][] {{0.9, 1.5, 0.5, 0.8}, {1.8, NA, 0.5, NA}},
                new double[][] {{1, 1.8, 0.6, 0.9}, {1.9, NA, 0.7, NA}});
        final boolean[] both = {true, true};
        // same day only: 1 − 0.9/1, 1 − 1.5/2, 1 − 0.5/1.5, 1 − 0.8/1 → 2/3
        assertEquals(2.0 / 3.0, StylisedFacts.worstDrawdown(panel, both, 1)[0], TOLERANCE);
        // two days: from 2 (day 1) to 0.5 (day 2) → 0.75; thirty days: the same
        assertEquals(0.75, StylisedFacts.worstDrawdown(panel, both, 2)[0], TOLERANCE);
        assertEquals(0.75, StylisedFacts.worstDrawdown(panel, both, 30)[0], TOLERANCE);
        // subnet 1: day 1 has no price, so days 0 and 2 are two consecutive days with a price: 1 − 0.5/2
        assertEquals(0.75, StylisedFacts.worstDrawdown(panel, both, 2)[1], TOLERANCE);
        assertTrue(Double.isNaN(StylisedFacts.worstDrawdown(panel, new boolean[] {true, false}, 2)[1]), "cohort");
    }

    @Test
    void spotPriceSumShouldAddTheClosesBelowOneOnTheDay() {
        final PricePanel panel = closes(new double[] {0.4, 0.5}, new double[] {0.2, 0.3}, new double[] {2, 1.2},
                new double[] {0.1, NA}, new double[] {0.2, 1.0});
        assertEquals(0.8, StylisedFacts.spotPriceSum(panel, 1, 1.0), TOLERANCE, "0.5 + 0.3; 1.2, NaN and 1.0 left out");
        assertEquals(0.9, StylisedFacts.spotPriceSum(panel, 0, 1.0), TOLERANCE, "0.4 + 0.2 + 0.1 + 0.2");
        assertTrue(Double.isNaN(StylisedFacts.spotPriceSum(panel, 2, 1.0)), "after the panel's end");
    }

    @Test
    void cohortsShouldSelectSubnetsWithAPriceOnADayOrNeverAtOrAboveALevel() {
        final PricePanel panel = panel(
                new double[][] {{0.5, 0.9}, {NA, 0.2}, {0.5, 1.0}, {NA, NA}},
                new double[][] {{0.5, 0.9}, {NA, 0.2}, {0.5, 0.4}, {NA, NA}},
                new double[][] {{0.5, 0.9}, {NA, 0.2}, {0.5, 0.4}, {NA, NA}});
        assertArrayEquals(new boolean[] {true, false, true, false}, StylisedFacts.withPriceOn(panel, 0));
        assertArrayEquals(new boolean[] {true, true, true, false}, StylisedFacts.withPriceOn(panel, 1));
        assertArrayEquals(new boolean[4], StylisedFacts.withPriceOn(panel, 2), "after the end: nobody");
        // subnet 2 reached a high of 1.0; subnet 3 has no price at all
        assertArrayEquals(new boolean[] {true, true, false, false}, StylisedFacts.alwaysBelow(panel, 1.0));
    }

    @Test
    void summariesShouldIgnoreSubnetsWithoutAValue() {
        final double[] values = {NA, 4, 1, NA, 3, 2};
        // numpy: np.quantile([1, 2, 3, 4], 0.9) = 3 + 0.7·(4 − 3)
        assertEquals(3.7, StylisedFacts.quantile(values, 0.9), TOLERANCE);
        assertEquals(0.5, StylisedFacts.fractionAtLeast(values, 3.0), "2 of 4");
        assertTrue(Double.isNaN(StylisedFacts.quantile(new double[] {NA}, 0.5)));
        assertTrue(Double.isNaN(StylisedFacts.fractionAtLeast(new double[] {NA, NA}, 1.0)));
    }
}
