package dtaosim.studies.stats;

import dtaosim.engine.run.PricePanel;
import java.util.Arrays;

/**
 * The stylised facts of {@code shared/data/README.md} as pure functions of a daily price panel (subnets × days of
 * open, high, low and close spot prices in TAO per alpha, NaN where a subnet has no price): the same code measures
 * simulated and observed panels. Per-subnet measures return one value per subnet, NaN for subnets outside the
 * cohort or without enough prices; {@link #quantile} and {@link #fractionAtLeast} summarise them over the subnets
 * that have one.
 *
 * <p>Windows of the pump and drawdown count a subnet's <em>days with a price</em>: days it has no price (such as
 * the file's missing 2025-02-27…03-06) are skipped, not counted, so a window spanning them reaches further into
 * the calendar. This is how the README's numbers were measured (they are reproduced that way and not with
 * calendar windows; see {@code engine/MODEL.md}, "Daily prices and the stylised facts").
 */
public final class StylisedFacts {
    private StylisedFacts() {
    }

    /** Cohort: the subnets with a price on {@code day} (none if the panel ends before it). */
    public static boolean[] withPriceOn(final PricePanel panel, final int day) {
        final boolean[] cohort = new boolean[panel.subnets()];
        if (day >= 0 && day < panel.days()) {
            for (int i = 0; i < cohort.length; i++) {
                cohort[i] = panel.hasPrice(i, day);
            }
        }
        return cohort;
    }

    /**
     * Cohort: the subnets with at least one price whose intraday high stays below {@code level} on every day
     * they have a price (with 1 TAO: never a thin pre-emission pool, README caveat 2).
     */
    public static boolean[] alwaysBelow(final PricePanel panel, final double level) {
        final boolean[] cohort = new boolean[panel.subnets()];
        for (int i = 0; i < cohort.length; i++) {
            boolean any = false;
            boolean below = true;
            for (int d = 0; d < panel.days(); d++) {
                if (panel.hasPrice(i, d)) {
                    any = true;
                    below &= panel.high()[panel.index(i, d)] < level;
                }
            }
            cohort[i] = any && below;
        }
        return cohort;
    }

    /**
     * Per subnet of the cohort: the daily log-return volatility over days {@code [fromDay, toDay]}, the population
     * standard deviation (divisor n) of {@code ln(close[d] / close[d − 1])} over the days d in
     * {@code (fromDay, toDay]} with both closes; NaN with fewer than two such returns, or when the panel ends before
     * {@code toDay}.
     */
    public static double[] logReturnVolatility(final PricePanel panel, final boolean[] cohort, final int fromDay,
                                               final int toDay) {
        final double[] out = nans(panel.subnets());
        if (fromDay < 0 || toDay >= panel.days() || toDay <= fromDay) {
            return out;
        }
        final double[] close = panel.close();
        final double[] returns = new double[toDay - fromDay];
        for (int i = 0; i < out.length; i++) {
            if (!cohort[i]) {
                continue;
            }
            int n = 0;
            for (int d = fromDay + 1; d <= toDay; d++) {
                final double today = close[panel.index(i, d)];
                final double before = close[panel.index(i, d - 1)];
                if (!Double.isNaN(today) && !Double.isNaN(before)) {
                    returns[n++] = Math.log(today / before);
                }
            }
            if (n >= 2) {
                out[i] = populationStandardDeviation(returns, n);
            }
        }
        return out;
    }

    /**
     * Per subnet of the cohort: its largest pump over {@code windowDays} days, the highest intraday high over a
     * window of that many of its days with a price divided by the close of its day with a price just before the
     * window (README: "largest 3-day pump (intraday high ÷ prior close)"); windows run from each day after the
     * subnet's first, the last ones cut at the panel's end. NaN with fewer than two days with a price.
     */
    public static double[] largestPump(final PricePanel panel, final boolean[] cohort, final int windowDays) {
        final double[] out = nans(panel.subnets());
        final double[] high = new double[panel.days()];
        final double[] close = new double[panel.days()];
        for (int i = 0; i < out.length; i++) {
            if (!cohort[i]) {
                continue;
            }
            final int n = pricedDays(panel, i, panel.high(), panel.close(), high, close);
            double largest = Double.NaN;
            for (int k = 1; k < n; k++) {
                double peak = high[k];
                for (int j = k + 1; j < Math.min(k + windowDays, n); j++) {
                    peak = Math.max(peak, high[j]);
                }
                final double pump = peak / close[k - 1];
                largest = Double.isNaN(largest) ? pump : Math.max(largest, pump);
            }
            out[i] = largest;
        }
        return out;
    }

    /**
     * Per subnet of the cohort: its worst drawdown within {@code windowDays} days, the largest
     * {@code 1 − low[v] / high[u]} over pairs of its days with a price u ≤ v less than {@code windowDays} such days
     * apart (peak at an intraday high, trough at an intraday low of the same or a later day; README "worst
     * 30-day drawdown"). NaN without a day with a price.
     */
    public static double[] worstDrawdown(final PricePanel panel, final boolean[] cohort, final int windowDays) {
        final double[] out = nans(panel.subnets());
        final double[] high = new double[panel.days()];
        final double[] low = new double[panel.days()];
        for (int i = 0; i < out.length; i++) {
            if (!cohort[i]) {
                continue;
            }
            final int n = pricedDays(panel, i, panel.high(), panel.low(), high, low);
            double worst = Double.NaN;
            for (int u = 0; u < n; u++) {
                double trough = low[u];
                for (int v = u + 1; v < Math.min(u + windowDays, n); v++) {
                    trough = Math.min(trough, low[v]);
                }
                final double drawdown = 1.0 - trough / high[u];
                worst = Double.isNaN(worst) ? drawdown : Math.max(worst, drawdown);
            }
            out[i] = worst;
        }
        return out;
    }

    /**
     * Σ of the closes on {@code day} of the subnets whose close is below {@code below} (README: "sum of spot prices
     * (subnets with price &lt; 1)"); NaN when the panel ends before the day.
     */
    public static double spotPriceSum(final PricePanel panel, final int day, final double below) {
        if (day < 0 || day >= panel.days()) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < panel.subnets(); i++) {
            final double close = panel.close()[panel.index(i, day)];
            if (close < below) { // false for NaN
                sum += close;
            }
        }
        return sum;
    }

    /** The q-quantile ({@link Quantiles}, numpy's linear method) of the values that are not NaN; NaN if none is. */
    public static double quantile(final double[] perSubnet, final double q) {
        final double[] values = present(perSubnet);
        return values.length == 0 ? Double.NaN : Quantiles.of(values, q)[0];
    }

    /** The fraction of the values that are not NaN which are ≥ {@code level}; NaN if none is. */
    public static double fractionAtLeast(final double[] perSubnet, final double level) {
        final double[] values = present(perSubnet);
        int count = 0;
        for (final double v : values) {
            count += v >= level ? 1 : 0;
        }
        return values.length == 0 ? Double.NaN : (double) count / values.length;
    }

    /** The values that are not NaN, in order. */
    static double[] present(final double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Copies subnet i's two fields on its days with a price, in day order, to {@code a} and {@code b}; their count. */
    private static int pricedDays(final PricePanel panel, final int subnet, final double[] fieldA,
                                  final double[] fieldB, final double[] a, final double[] b) {
        int n = 0;
        for (int d = 0; d < panel.days(); d++) {
            if (panel.hasPrice(subnet, d)) {
                final int k = panel.index(subnet, d);
                a[n] = fieldA[k];
                b[n] = fieldB[k];
                n++;
            }
        }
        return n;
    }

    /** Population standard deviation of {@code values[0, n)}: two passes, mean first. */
    private static double populationStandardDeviation(final double[] values, final int n) {
        double sum = 0.0;
        for (int k = 0; k < n; k++) {
            sum += values[k];
        }
        final double mean = sum / n;
        double squares = 0.0;
        for (int k = 0; k < n; k++) {
            final double deviation = values[k] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / n);
    }

    private static double[] nans(final int n) {
        final double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
