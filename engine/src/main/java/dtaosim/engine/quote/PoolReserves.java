package dtaosim.engine.quote;

import dtaosim.engine.kernel.WeightedPool;
import dtaosim.engine.model.Checks;

/**
 * One subnet pool in TAO units (mechanics §5): {@code SubnetTAO}, {@code SubnetAlphaIn} and the quote weight
 * (0.5 in the constant-product eras).
 *
 * @param taoReserve   y, TAO
 * @param alphaReserve x, alpha
 * @param quoteWeight  w2, in [0.01, 0.99]
 */
public record PoolReserves(double taoReserve, double alphaReserve, double quoteWeight) {
    /** The largest reserve the chain can hold: u64::MAX rao, in TAO (alpha). */
    public static final double MAX_RESERVE = 18_446_744_073.709_551_615;

    /** Checks finite positive reserves the chain's u64 can hold and a weight the chain accepts. */
    public PoolReserves {
        Checks.inRange("tao-reserve", Checks.positive("tao-reserve", taoReserve), 0.0, MAX_RESERVE);
        Checks.inRange("alpha-reserve", Checks.positive("alpha-reserve", alphaReserve), 0.0, MAX_RESERVE);
        Checks.inRange("weight-quote", quoteWeight, WeightedPool.MIN_WEIGHT, 1.0 - WeightedPool.MIN_WEIGHT);
    }

    /** The spot price, TAO per alpha. */
    public double price() {
        return WeightedPool.price(taoReserve, alphaReserve, quoteWeight);
    }
}
