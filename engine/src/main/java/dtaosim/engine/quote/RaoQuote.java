package dtaosim.engine.quote;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * A stake or unstake as the chain would execute it, in rao (see {@link RaoQuoter}).
 *
 * @param amountIn          what the pool took from the order: input into the reserve plus fee (less than the
 *                          order when a limit fills it partially)
 * @param amountOut         alpha bought (stake) or TAO paid to the seller (unstake), rao
 * @param fee               the fee, rao of the input token (TAO in the constant-product eras)
 * @param priceAfterBits    the pool's price after the swap as U64F64 bits (fees not in the reserves)
 * @param priceAfterRao     the same in rao per alpha, floored
 * @param maxAmount         with a limit price, the most the order may be ({@code get_max_amount_add/remove});
 *                          empty without one or when the call fails before the chain computes it
 * @param error             the chain's error, or {@code null} when the call succeeds; on an error the amounts are 0
 */
public record RaoQuote(long amountIn, long amountOut, long fee, BigInteger priceAfterBits,
                       BigInteger priceAfterRao, OptionalLong maxAmount, SwapError error) {
    static RaoQuote rejected(final SwapError error, final OptionalLong maxAmount) {
        return new RaoQuote(0L, 0L, 0L, BigInteger.ZERO, BigInteger.ZERO, maxAmount, error);
    }
}
