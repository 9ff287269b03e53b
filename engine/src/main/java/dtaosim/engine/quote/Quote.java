package dtaosim.engine.quote;

/**
 * A stake or unstake as the chain would execute it, in TAO and alpha without rounding (see {@link Quoter}).
 *
 * @param amountIn   what the pool took from the order: input into the reserve plus fee
 * @param amountOut  alpha bought (stake) or TAO paid to the seller (unstake)
 * @param fee        the fee, in the input token (TAO in the constant-product eras)
 * @param priceAfter the pool's price after the swap, TAO per alpha (fees not in the reserves)
 * @param maxAmount  with a limit price, the most the order may be; {@link Double#NaN} without one
 * @param error      the chain's error, or {@code null} when the call succeeds; on an error the amounts are 0
 */
public record Quote(double amountIn, double amountOut, double fee, double priceAfter, double maxAmount,
                    SwapError error) {
    static Quote rejected(final SwapError error, final double maxAmount) {
        return new Quote(0.0, 0.0, 0.0, Double.NaN, maxAmount, error);
    }
}
