package dtaosim.studies.stats;

import dtaosim.engine.run.PricePanel;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The stylised facts of {@code shared/data/README.md} that a calibrated scenario should reproduce, each a function
 * of a daily price panel whose day 0 is 2025-02-20 ({@link CalibrationCalendar}), built from {@link StylisedFacts}.
 * A fact is NaN when the panel does not reach its last date. The cohorts follow the README and
 * {@code shared/spec/calibration.md} §2.6–§2.7:
 * <ul>
 *   <li>volatility: the launch subnets, those with a price on 2025-02-25 (69 in the data: netuids 1–69);</li>
 *   <li>pumps and drawdowns: over 2025-02-20…2025-10-29, the subnets whose intraday high stays below 1 TAO
 *       throughout (73 in the data, the "clean series": never a thin pool before its first emission);</li>
 *   <li>Σ spot prices: the closes below 1 TAO on the day.</li>
 * </ul>
 * A simulated panel is first {@link #sampledLike sampled like} the observed one (the days missing from the data
 * dropped), so that both go through the same windows.
 */
public final class CalibrationFacts {
    /** The date the volatility cohort is taken on. */
    public static final LocalDate LAUNCH_COHORT_DATE = LocalDate.of(2025, 2, 25);
    /** The last date of the observed period; pumps and drawdowns need a panel reaching it. */
    public static final LocalDate LAST_DATE = LocalDate.of(2025, 10, 29);
    /** Window of the pump, in days with a price. */
    public static final int PUMP_DAYS = 3;
    /** Window of the drawdown, in days with a price. */
    public static final int DRAWDOWN_DAYS = 30;
    /** Price level separating established subnets from thin pools (README caveat 2), TAO per alpha. */
    public static final double THIN_POOL_PRICE = 1.0;

    /** How a fact's value reads. */
    public enum Unit {
        /** a fraction shown in per cent */
        PERCENT,
        /** a ratio shown as a multiple (×) */
        MULTIPLE,
        /** TAO per alpha */
        TAO
    }

    /**
     * One fact.
     *
     * @param name    what it is, with its dates
     * @param unit    how it reads
     * @param measure its value on a panel (NaN when the panel does not cover it)
     */
    public record Fact(String name, Unit unit, ToDoubleFunction<PricePanel> measure) {
    }

    /** The facts, in the README's order. */
    public static final List<Fact> ALL = List.of(
            volatility(LocalDate.of(2025, 3, 7), LocalDate.of(2025, 4, 30)),
            volatility(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 31)),
            volatility(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 10, 29)),
            new Fact("3-day pump, median over subnets", Unit.MULTIPLE,
                    p -> StylisedFacts.quantile(pumps(p), 0.5)),
            new Fact("3-day pump, p90 over subnets", Unit.MULTIPLE,
                    p -> StylisedFacts.quantile(pumps(p), 0.9)),
            new Fact("subnets with a 3-day pump ≥ 5×", Unit.PERCENT,
                    p -> StylisedFacts.fractionAtLeast(pumps(p), 5.0)),
            new Fact("30-day drawdown, median over subnets", Unit.PERCENT,
                    p -> StylisedFacts.quantile(drawdowns(p), 0.5)),
            new Fact("30-day drawdown, p75 over subnets", Unit.PERCENT,
                    p -> StylisedFacts.quantile(drawdowns(p), 0.75)),
            spotPriceSum(LocalDate.of(2025, 2, 20)),
            spotPriceSum(LocalDate.of(2025, 5, 1)),
            spotPriceSum(LocalDate.of(2025, 9, 1)),
            spotPriceSum(LocalDate.of(2025, 10, 29)));

    private CalibrationFacts() {
    }

    /** Every fact's value on {@code panel}, in the order of {@link #ALL}. */
    public static double[] measure(final PricePanel panel) {
        final double[] values = new double[ALL.size()];
        for (int f = 0; f < values.length; f++) {
            values[f] = ALL.get(f).measure().applyAsDouble(panel);
        }
        return values;
    }

    /**
     * {@code simulated} with no prices on the days before the end of {@code observed} on which no observed subnet
     * has one (2025-02-27…03-06 in the data), so that windows counted in days with a price span the same dates.
     */
    public static PricePanel sampledLike(final PricePanel simulated, final PricePanel observed) {
        final PricePanel out = new PricePanel(simulated.subnets(), simulated.days(), simulated.open().clone(),
                simulated.high().clone(), simulated.low().clone(), simulated.close().clone());
        for (int d = 0; d < Math.min(simulated.days(), observed.days()); d++) {
            boolean observedDay = false;
            for (int i = 0; i < observed.subnets() && !observedDay; i++) {
                observedDay = observed.hasPrice(i, d);
            }
            if (!observedDay) {
                for (int i = 0; i < out.subnets(); i++) {
                    final int k = out.index(i, d);
                    out.open()[k] = Double.NaN;
                    out.high()[k] = Double.NaN;
                    out.low()[k] = Double.NaN;
                    out.close()[k] = Double.NaN;
                }
            }
        }
        return out;
    }

    private static Fact volatility(final LocalDate from, final LocalDate to) {
        final int fromDay = CalibrationCalendar.day(from);
        final int toDay = CalibrationCalendar.day(to);
        final int cohortDay = CalibrationCalendar.day(LAUNCH_COHORT_DATE);
        return new Fact("daily volatility " + from + "…" + to + ", median", Unit.PERCENT,
                p -> StylisedFacts.quantile(StylisedFacts.logReturnVolatility(p,
                        StylisedFacts.withPriceOn(p, cohortDay), fromDay, toDay), 0.5));
    }

    private static Fact spotPriceSum(final LocalDate date) {
        final int day = CalibrationCalendar.day(date);
        return new Fact("sum of spot prices < 1 on " + date, Unit.TAO,
                p -> StylisedFacts.spotPriceSum(p, day, THIN_POOL_PRICE));
    }

    /** Per clean subnet: largest 3-day pump over the observed period; NaN unless the panel covers it. */
    static double[] pumps(final PricePanel panel) {
        final PricePanel period = observedPeriod(panel);
        return period == null ? new double[] {Double.NaN} : StylisedFacts.largestPump(period,
                StylisedFacts.alwaysBelow(period, THIN_POOL_PRICE), PUMP_DAYS);
    }

    /** Per clean subnet: worst 30-day drawdown over the observed period; NaN unless the panel covers it. */
    static double[] drawdowns(final PricePanel panel) {
        final PricePanel period = observedPeriod(panel);
        return period == null ? new double[] {Double.NaN} : StylisedFacts.worstDrawdown(period,
                StylisedFacts.alwaysBelow(period, THIN_POOL_PRICE), DRAWDOWN_DAYS);
    }

    /** The panel's days 2025-02-20…{@link #LAST_DATE}, or null when it ends before. */
    private static PricePanel observedPeriod(final PricePanel panel) {
        final int days = CalibrationCalendar.day(LAST_DATE) + 1;
        if (panel.days() < days) {
            return null;
        }
        if (panel.days() == days) {
            return panel;
        }
        final PricePanel out = PricePanel.withoutPrices(panel.subnets(), days);
        for (int i = 0; i < panel.subnets(); i++) {
            System.arraycopy(panel.open(), panel.index(i, 0), out.open(), out.index(i, 0), days);
            System.arraycopy(panel.high(), panel.index(i, 0), out.high(), out.index(i, 0), days);
            System.arraycopy(panel.low(), panel.index(i, 0), out.low(), out.index(i, 0), days);
            System.arraycopy(panel.close(), panel.index(i, 0), out.close(), out.index(i, 0), days);
        }
        return out;
    }
}
