package dtaosim.engine.run;

import dtaosim.engine.market.Actor;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.state.BatchState;
import java.util.Arrays;

/**
 * Records every path's daily open, high, low and close of every subnet slot's spot price
 * ({@code taoReserve / alphaIn}, read after the behaviours of each block), for {@code days} days of 7,200 blocks
 * from {@code startBlock}: day d covers blocks {@code [startBlock + 7200·d, startBlock + 7200·(d + 1))}. A cell
 * counts only in blocks where its slot holds a subnet on its path ({@code BatchState.live}); a slot without a
 * subnet all day has NaN for the day. Blocks outside the days are ignored.
 *
 * <p>The batch's arrays (4 × slots × days × paths doubles) are allocated at bind, laid out so that one block
 * writes consecutive paths; nothing is allocated per block. At the end of the batch they are written, path by
 * path, to the series {@link #SERIES} of the run's outcomes, which the runner merges in path order like any
 * outcome. {@link #panel} reads one path's panel back.
 *
 * @param startBlock chain block of day 0's first block (the scenario's start block)
 * @param days       days recorded
 */
public record DailyPrices(long startBlock, int days) implements Probe {
    /** Name of the series: per path {@code 4 · slots · days} values, see {@link #panel}. */
    public static final String SERIES = "dailyPrices";
    /** Blocks in a day (12-second blocks). */
    public static final int BLOCKS_PER_DAY = ChainConstants.BLOCKS_PER_DAY;
    /** Fields per (slot, day) in the series: open, high, low, close, in this order. */
    static final int FIELDS = 4;

    /** Validates the days. */
    public DailyPrices {
        if (days < 1) {
            throw new IllegalArgumentException("days: " + days + " is not ≥ 1");
        }
        if (startBlock < 0) {
            throw new IllegalArgumentException("startBlock: " + startBlock + " is negative");
        }
    }

    /** The probe covering every block of {@code scenario}: its start block, ⌈blocks / 7200⌉ days. */
    public static DailyPrices covering(final Scenario scenario) {
        return new DailyPrices(scenario.startBlock(), (scenario.blocks() + BLOCKS_PER_DAY - 1) / BLOCKS_PER_DAY);
    }

    /**
     * The panel of the path at {@code path} (index within {@code result}'s range) from a run with this probe:
     * subnet i of the panel is slot i.
     */
    public PricePanel panel(final RunResult result, final int path) {
        final PathOutcomes outcomes = result.outcomes();
        final int width = outcomes.seriesWidth(SERIES);
        final int slots = width / (FIELDS * days);
        if (slots * FIELDS * days != width) {
            throw new IllegalArgumentException("series " + SERIES + " has width " + width + ", which is not 4 x "
                    + days + " days x slots: was it recorded by a probe of another horizon?");
        }
        if (path < 0 || path >= outcomes.paths()) {
            throw new IllegalArgumentException("path: " + path + " is not in [0, " + outcomes.paths() + ")");
        }
        final double[] series = outcomes.getSeries(SERIES);
        final int cells = slots * days;
        final int at = path * width;
        return new PricePanel(slots, days,
                Arrays.copyOfRange(series, at, at + cells),
                Arrays.copyOfRange(series, at + cells, at + 2 * cells),
                Arrays.copyOfRange(series, at + 2 * cells, at + 3 * cells),
                Arrays.copyOfRange(series, at + 3 * cells, at + 4 * cells));
    }

    @Override
    public Actor bind(final BatchState state) {
        return new Recorder(this, state);
    }

    /**
     * One batch's recorder. Its arrays are indexed {@code [(slot · days + day) · paths + path]}; the series
     * written at the end is path-major: path k's values at {@code [k·w, (k + 1)·w)}, {@code w = 4 · slots · days},
     * field f (open, high, low, close) of (slot, day) at {@code f · slots · days + slot · days + day} within them,
     * so each field of a path is a {@link PricePanel} array.
     */
    private static final class Recorder implements Actor {
        private final BatchState s;
        private final long startBlock;
        private final int days;
        private final double[] open;
        private final double[] high;
        private final double[] low;
        private final double[] close;

        Recorder(final DailyPrices probe, final BatchState s) {
            this.s = s;
            this.startBlock = probe.startBlock;
            this.days = probe.days;
            final int cells = Math.multiplyExact(Math.multiplyExact(s.subnets, days), s.paths);
            open = new double[cells];
            Arrays.fill(open, Double.NaN);
            high = open.clone();
            low = open.clone();
            close = open.clone();
        }

        @Override
        public void onBlock(final long block) {
            final long sinceStart = block - startBlock;
            if (sinceStart < 0 || sinceStart >= (long) days * BLOCKS_PER_DAY) {
                return;
            }
            final int day = (int) (sinceStart / BLOCKS_PER_DAY);
            final BatchState st = s;
            final int paths = st.paths;
            final int slots = st.subnets;
            final double[] taoReserve = st.taoReserve;
            final double[] alphaIn = st.alphaIn;
            final boolean[] live = st.live;
            final int[] liveCount = st.liveCount;
            final double[] o = open;
            final double[] h = high;
            final double[] l = low;
            final double[] c = close;
            for (int i = 0; i < slots; i++) {
                if (liveCount[i] == 0) {
                    continue;
                }
                final int row = i * paths;
                final int at = (i * days + day) * paths;
                for (int p = 0; p < paths; p++) {
                    if (!live[row + p]) {
                        continue;
                    }
                    final double price = taoReserve[row + p] / alphaIn[row + p];
                    final int k = at + p;
                    if (Double.isNaN(o[k])) { // the cell's first block of the day
                        o[k] = price;
                        h[k] = price;
                        l[k] = price;
                    } else {
                        h[k] = Math.max(h[k], price);
                        l[k] = Math.min(l[k], price);
                    }
                    c[k] = price;
                }
            }
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final int paths = s.paths;
            final int cells = s.subnets * days;
            final double[] series = outcomes.series(SERIES, FIELDS * cells);
            final double[][] fields = {open, high, low, close};
            for (int p = 0; p < paths; p++) {
                for (int f = 0; f < FIELDS; f++) {
                    final double[] field = fields[f];
                    final int to = (p * FIELDS + f) * cells;
                    for (int cell = 0; cell < cells; cell++) {
                        series[to + cell] = field[cell * paths + p];
                    }
                }
            }
        }
    }
}
