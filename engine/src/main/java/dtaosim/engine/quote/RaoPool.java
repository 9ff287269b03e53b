package dtaosim.engine.quote;

import dtaosim.engine.kernel.WeightedPoolRao;
import java.math.BigInteger;

/**
 * One subnet pool in rao as the chain stores it (mechanics §5): {@code SubnetTAO}, {@code SubnetAlphaIn} and the
 * swap pallet's quote weight as Perquintill parts ({@link WeightedPoolRao#HALF_PARTS} in the constant-product
 * eras).
 *
 * @param taoReserve       y, rao as u64 bits ({@link WeightedPoolRao})
 * @param alphaReserve     x, rao as u64 bits
 * @param quoteWeightParts w2 in parts of 1e18
 */
public record RaoPool(long taoReserve, long alphaReserve, long quoteWeightParts) {
    /** Checks the weight is one the chain accepts (reserves are u64, any {@code long} bits). */
    public RaoPool {
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
