package dtaosim.engine.quote;

import dtaosim.engine.kernel.WeightedPoolRao;
import java.math.BigInteger;

/**
 * One subnet pool in rao as the chain stores it (mechanics §5): {@code SubnetTAO}, {@code SubnetAlphaIn} and the
 * swap pallet's quote weight as Perquintill parts ({@link WeightedPoolRao#HALF_PARTS} in the constant-product
 * eras).
 *
 * @param taoReserve       y, rao
 * @param alphaReserve     x, rao
 * @param quoteWeightParts w2 in parts of 1e18
 */
public record RaoPool(long taoReserve, long alphaReserve, long quoteWeightParts) {
    /** Checks reserves ≥ 0 and a weight the chain accepts. */
    public RaoPool {
        if (taoReserve < 0 || alphaReserve < 0) {
            throw new IllegalArgumentException("reserves must be ≥ 0 rao: " + taoReserve + ", " + alphaReserve);
        }
        if (!WeightedPoolRao.isValidQuoteWeight(quoteWeightParts)) {
            throw new IllegalArgumentException("weight-quote: " + quoteWeightParts + " parts of 1e18 is not in [1e16, "
                    + (WeightedPoolRao.ONE_PARTS - WeightedPoolRao.MIN_WEIGHT_PARTS) + "]");
        }
    }

    /** The spot price as U64F64 bits ({@code calculate_price}). */
    public BigInteger price() {
        return WeightedPoolRao.price(alphaReserve, taoReserve, quoteWeightParts);
    }
}
