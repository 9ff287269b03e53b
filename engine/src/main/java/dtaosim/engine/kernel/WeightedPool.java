package dtaosim.engine.kernel;

/**
 * mechanics §5, the Balancer weighted pool of the swap pallet ({@code pallets/swap/src/pallet/balancer.rs},
 * from 2026-06-25) as pure functions on doubles: reserves {@code x} (alpha, SubnetAlphaIn) and {@code y} (TAO,
 * SubnetTAO) in TAO units, quote (TAO) weight {@code w2} and base (alpha) weight {@code w1 = 1 − w2}. The
 * constant-product pools of the earlier eras are the case {@code w2 = 0.5}.
 *
 * <p>Nothing here floors to rao; {@link WeightedPoolRao} is the rao-exact twin that reproduces the chain's
 * fixed-point rounding. Fee rates are the chain's {@code FeeRate}, x/65535. Every function expects finite
 * positive reserves and a weight in [{@value #MIN_WEIGHT}, 1 − {@value #MIN_WEIGHT}]; callers validate once.
 */
public final class WeightedPool {
    /** balancer.rs {@code MIN_WEIGHT}: each weight stays ≥ 0.01. */
    public static final double MIN_WEIGHT = 0.01;
    /** Fee rates are parts of u16::MAX = 65535 (mechanics §5, {@code FeeRate}). */
    public static final int FEE_RATE_DENOMINATOR = 65_535;
    /** swap_step.rs {@code MAX_SWAP_INPUT_RESERVE_MULTIPLIER}: net input ≤ 1000 × input reserve (2026-06-26+). */
    public static final double MAX_INPUT_RESERVE_MULTIPLIER = 1000.0;
    /** runtime {@code SwapMinimumReserve}: the output reserve must hold ≥ 1e6 rao before a swap. */
    public static final double MINIMUM_RESERVE_TAO = 1e6 / 1e9;
    /** runtime {@code SubtensorInitialMinStake} ({@code DefaultMinStake}): 2e6 rao since 2025-07-10. */
    public static final double MIN_STAKE_TAO = 2e6 / 1e9;

    private WeightedPool() {
    }

    /** mechanics §5, {@code calculate_price}: {@code p = (w1/w2)·y/x} TAO per alpha; {@code y/x} at w2 = 0.5. */
    public static double price(final double taoReserve, final double alphaReserve, final double quoteWeight) {
        return (1.0 - quoteWeight) / quoteWeight * (taoReserve / alphaReserve);
    }

    /**
     * mechanics §5, buy ({@code convert_deltas} TAO → alpha): alpha paid out for {@code taoIn} TAO entering the
     * pool after the fee, {@code x·(1 − (y/(y+Δy))^(w2/w1))}, as {@code −x·expm1(−(w2/w1)·log1p(Δy/y))} so
     * that small trades keep full precision.
     */
    public static double alphaOut(final double taoReserve, final double alphaReserve, final double quoteWeight,
                                  final double taoIn) {
        final double exponent = quoteWeight / (1.0 - quoteWeight);
        return -alphaReserve * Math.expm1(-exponent * Math.log1p(taoIn / taoReserve));
    }

    /**
     * mechanics §5, sell ({@code convert_deltas} alpha → TAO): TAO paid out for {@code alphaIn} alpha entering
     * the pool after the fee, {@code y·(1 − (x/(x+Δx))^(w1/w2))}.
     */
    public static double taoOut(final double taoReserve, final double alphaReserve, final double quoteWeight,
                                final double alphaIn) {
        final double exponent = (1.0 - quoteWeight) / quoteWeight;
        return -taoReserve * Math.expm1(-exponent * Math.log1p(alphaIn / alphaReserve));
    }

    /** mechanics §5, {@code calculate_fee_amount}: the fee taken from an input, {@code amount·rate/65535}. */
    public static double fee(final double amount, final int feeRate) {
        return amount * feeRate / FEE_RATE_DENOMINATOR;
    }

    /**
     * mechanics §5, swap_step.rs {@code determine_action}: the fee added on top of a limit-sized input Δ,
     * {@code Δ·rate/(65535 − rate)}, so that {@code fee(Δ + feeOnTop(Δ)) = feeOnTop(Δ)}.
     */
    public static double feeOnTop(final double delta, final int feeRate) {
        return delta * feeRate / (FEE_RATE_DENOMINATOR - feeRate);
    }

    /**
     * mechanics §5, {@code calculate_quote_delta_in}: the TAO (after fee) that moves the price from
     * {@code price} up to {@code limitPrice}, {@code y·((p'/p)^w1 − 1)}; 0 when {@code limitPrice ≤ price}.
     */
    public static double taoToReachPrice(final double taoReserve, final double quoteWeight, final double price,
                                         final double limitPrice) {
        if (!(limitPrice > price)) {
            return 0.0;
        }
        return taoReserve * Math.expm1((1.0 - quoteWeight) * Math.log(limitPrice / price));
    }

    /**
     * mechanics §5, {@code calculate_base_delta_in}: the alpha (after fee) that moves the price from
     * {@code price} down to {@code limitPrice}, {@code x·((p/p')^w2 − 1)}; 0 when {@code limitPrice ≥ price}.
     */
    public static double alphaToReachPrice(final double alphaReserve, final double quoteWeight, final double price,
                                           final double limitPrice) {
        if (!(limitPrice < price)) {
            return 0.0;
        }
        return alphaReserve * Math.expm1(quoteWeight * Math.log(price / limitPrice));
    }

    /**
     * balancer.rs {@code get_base_needed_for_quote}: alpha (after fee) to sell for {@code taoOut} TAO out, the
     * inverse of {@link #taoOut}: {@code x·((y/(y−Δy))^(w2/w1) − 1)}. Requires {@code taoOut < y}.
     */
    public static double alphaNeededForTao(final double taoReserve, final double alphaReserve,
                                           final double quoteWeight, final double taoOut) {
        final double exponent = quoteWeight / (1.0 - quoteWeight); // (y/(y−Δy))^k = exp(−k·log1p(−Δy/y))
        return alphaReserve * Math.expm1(-exponent * Math.log1p(-taoOut / taoReserve));
    }

    /**
     * mechanics §5, {@code update_weights_for_added_liquidity}: the quote weight after adding Δy TAO and Δx
     * alpha at an unchanged price, {@code q2/(q1+q2)} with {@code q1 = w1·y·(x+Δx)}, {@code q2 = w2·x·(y+Δy)};
     * {@link Double#NaN} when it would leave [0.01, 0.99], in which case the chain injects nothing.
     */
    public static double quoteWeightAfterInjection(final double taoReserve, final double alphaReserve,
                                                   final double taoIn, final double alphaIn,
                                                   final double quoteWeight) {
        final double q1 = (1.0 - quoteWeight) * taoReserve * (alphaReserve + alphaIn);
        final double q2 = quoteWeight * alphaReserve * (taoReserve + taoIn);
        final double sum = q1 + q2;
        final double w2 = sum != 0.0 ? q2 / sum : 0.5;
        return w2 >= MIN_WEIGHT && 1.0 - w2 >= MIN_WEIGHT ? w2 : Double.NaN;
    }

    /**
     * mechanics §5, impls.rs {@code maybe_initialize_palswap} with a price (and the V3 → Balancer migration):
     * the quote weight that gives reserves (y, x) the price p, {@code w2 = y/(p·x + y)}; {@link Double#NaN} when
     * outside [0.01, 0.99] (the chain's {@code ReservesOutOfBalance}).
     */
    public static double initialQuoteWeight(final double taoReserve, final double alphaReserve, final double price) {
        final double w2 = taoReserve / (price * alphaReserve + taoReserve);
        return w2 >= MIN_WEIGHT && 1.0 - w2 >= MIN_WEIGHT ? w2 : Double.NaN;
    }
}
