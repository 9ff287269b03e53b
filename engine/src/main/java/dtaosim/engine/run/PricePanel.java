package dtaosim.engine.run;

import java.util.Arrays;

/**
 * Daily open, high, low and close spot prices (TAO per alpha) of a set of subnets: the panel the
 * {@link DailyPrices} probe records for one path, or one read from observed data. Each array is indexed
 * {@code [subnet · days + day]}; a subnet without a price on a day (not registered, dissolved, or not observed)
 * holds NaN in all four.
 *
 * @param subnets subnets (rows)
 * @param days    days (columns)
 * @param open    first price of the day
 * @param high    highest price of the day
 * @param low     lowest price of the day
 * @param close   last price of the day
 */
public record PricePanel(int subnets, int days, double[] open, double[] high, double[] low, double[] close) {
    /** Checks that the four arrays have {@code subnets · days} entries. */
    public PricePanel {
        if (subnets < 0 || days < 0) {
            throw new IllegalArgumentException("price panel: " + subnets + " subnets x " + days + " days");
        }
        final int cells = Math.multiplyExact(subnets, days);
        if (open.length != cells || high.length != cells || low.length != cells || close.length != cells) {
            throw new IllegalArgumentException("price panel: arrays of " + open.length + ", " + high.length + ", "
                    + low.length + ", " + close.length + " entries for " + subnets + " x " + days + " cells");
        }
    }

    /** A panel of {@code subnets × days} with no prices (NaN everywhere), to fill in. */
    public static PricePanel withoutPrices(final int subnets, final int days) {
        final int cells = Math.multiplyExact(subnets, days);
        final double[] open = new double[cells];
        Arrays.fill(open, Double.NaN);
        return new PricePanel(subnets, days, open, open.clone(), open.clone(), open.clone());
    }

    /** Array index of (subnet, day). */
    public int index(final int subnet, final int day) {
        return subnet * days + day;
    }

    /** Whether the subnet has a price on the day. */
    public boolean hasPrice(final int subnet, final int day) {
        return !Double.isNaN(close[index(subnet, day)]);
    }
}
