package dtaosim.engine.run;

import dtaosim.engine.market.Actor;
import dtaosim.engine.state.BatchState;

/**
 * Follows one subnet on every path: the TAO it received as emission (Σ tao_in), its mean emission share
 * (tao_in / block emission, averaged over blocks) and the highest spot price seen at the end of a block.
 *
 * @param subnet subnet slot watched
 */
public record SubnetWatch(int subnet) implements Probe {
    /** Outcome name suffix: Σ tao_in in TAO. */
    public static final String CUM_TAO_EMISSION = "cumTaoEmission";
    /** Outcome name suffix: mean emission share. */
    public static final String MEAN_SHARE = "meanShare";
    /** Outcome name suffix: highest end-of-block spot price. */
    public static final String MAX_PRICE = "maxPrice";

    /** Outcome column name of a measure of this subnet, e.g. {@code subnet7.maxPrice}. */
    public String outcome(final String measure) {
        return "subnet" + subnet + "." + measure;
    }

    @Override
    public Actor bind(final BatchState s) {
        if (subnet < 0 || subnet >= s.subnets) {
            throw new IllegalArgumentException("subnet: " + subnet + " is not in [0, " + (s.subnets - 1) + "]");
        }
        s.recordInjection(subnet);
        return new Watcher(this, s);
    }

    private static final class Watcher implements Actor {
        private final SubnetWatch watch;
        private final BatchState s;
        private final double[] cumEmission;
        private final double[] cumShare;
        private final double[] maxPrice;
        private long blocks;

        Watcher(final SubnetWatch watch, final BatchState s) {
            this.watch = watch;
            this.s = s;
            cumEmission = new double[s.paths];
            cumShare = new double[s.paths];
            maxPrice = new double[s.paths];
        }

        @Override
        public void onBlock(final long block) {
            final int row = watch.subnet * s.paths;
            for (int p = 0; p < s.paths; p++) {
                final double taoIn = s.taoInjected[row + p];
                final double emission = s.blockEmission[p];
                cumEmission[p] += taoIn;
                cumShare[p] += emission > 0.0 ? taoIn / emission : 0.0;
                if (s.live[row + p]) {
                    maxPrice[p] = Math.max(maxPrice[p], s.taoReserve[row + p] / s.alphaIn[row + p]);
                }
            }
            blocks++;
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final double[] emission = outcomes.column(watch.outcome(CUM_TAO_EMISSION));
            final double[] share = outcomes.column(watch.outcome(MEAN_SHARE));
            final double[] price = outcomes.column(watch.outcome(MAX_PRICE));
            for (int p = 0; p < s.paths; p++) {
                emission[p] = cumEmission[p];
                share[p] = blocks == 0 ? 0.0 : cumShare[p] / blocks;
                price[p] = maxPrice[p];
            }
        }
    }
}
