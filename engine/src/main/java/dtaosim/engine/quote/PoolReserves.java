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
    /** Checks finite positive reserves and a weight the chain accepts. */
    public PoolReserves {
        Checks.positive("tao-reserve", taoReserve);
        Checks.positive("alpha-reserve", alphaReserve);
        Checks.inRange("weight-quote", quoteWeight, WeightedPool.MIN_WEIGHT, 1.0 - WeightedPool.MIN_WEIGHT);
    }

    /** The spot price, TAO per alpha. */
    public double price() {
        return WeightedPool.price(taoReserve, alphaReserve, quoteWeight);
    }
}
