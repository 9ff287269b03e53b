package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.PricePanel;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Day-to-date mapping, the facts' coverage rule, and sampling a simulated panel like the observed one. */
class CalibrationFactsTest {
    @Test
    void dayZeroShouldBe20February2025AndEveryDayOneDateLater() {
        assertEquals(LocalDate.of(2025, 2, 20), CalibrationCalendar.date(0));
        assertEquals(15, CalibrationCalendar.day(LocalDate.of(2025, 3, 7)), "8 days of February after the 20th, 7 of March");
        assertEquals(LocalDate.of(2025, 10, 29), CalibrationCalendar.date(251));
        assertEquals(7200, CalibrationCalendar.BLOCKS_PER_DAY);
    }

    @Test
    void aPanelOfConstantPricesOverThePeriodShouldHaveNoVolatilityPumpOrDrawdown() {
        final int days = 252; // 2025-02-20 … 2025-10-29
        final double[][] close = new double[3][days];
        for (final double[] row : close) {
            Arrays.fill(row, 0.5);
        }
        final double[] facts = CalibrationFacts.measure(StylisedFactsTest.closes(close));
        // volatility ×3, pump median and p90, share ≥ 5×, drawdown median and p75, Σ spot prices ×4
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 0, 0, 1.5, 1.5, 1.5, 1.5}, facts, 1e-15);
        assertEquals(CalibrationFacts.ALL.size(), facts.length);
    }

    @Test
    void factsShouldBeMissingWhenThePanelEndsBeforeTheirDates() {
        final double[][] close = new double[2][80]; // 2025-02-20 … 2025-05-10
        for (final double[] row : close) {
            Arrays.fill(row, 0.25);
        }
        final double[] facts = CalibrationFacts.measure(StylisedFactsTest.closes(close));
        assertEquals(0.0, facts[0], "the first volatility window ends on day 69");
        for (final int f : new int[] {1, 2, 3, 4, 5, 6, 7, 10, 11}) {
            assertTrue(Double.isNaN(facts[f]), CalibrationFacts.ALL.get(f).name() + ": " + facts[f]);
        }
        assertEquals(0.5, facts[8], "Σ on 2025-02-20");
        assertEquals(0.5, facts[9], "Σ on 2025-05-01");
    }

    @Test
    void simulatedPanelShouldLoseTheDaysOnWhichNoSubnetWasObserved() {
        final double n = Double.NaN;
        final PricePanel observed = StylisedFactsTest.closes(new double[] {1, 1, n, n, 1}, new double[] {1, n, n, 1, 1});
        final PricePanel simulated = StylisedFactsTest.closes(new double[] {2, 3, 4, 5, 6, 7},
                new double[] {8, 9, 10, 11, 12, 13}, new double[] {1, 1, 1, 1, 1, 1});
        final PricePanel sampled = CalibrationFacts.sampledLike(simulated, observed);
        // day 2 has no observed price at all; day 5 is after the observed panel's end
        assertArrayEquals(new double[] {2, 3, n, 5, 6, 7, 8, 9, n, 11, 12, 13, 1, 1, n, 1, 1, 1}, sampled.close());
        assertArrayEquals(sampled.close(), sampled.high());
        assertEquals(4.0, simulated.close()[2], "the input is not changed");
    }
}
