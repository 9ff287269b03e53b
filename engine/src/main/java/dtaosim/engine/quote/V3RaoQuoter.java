package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.saturatingAdd;
import static dtaosim.engine.kernel.WeightedPoolRao.saturatingSubtract;

import dtaosim.engine.kernel.WeightedPoolRao;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Stakes and unstakes in the V3 eras (subsidy-2025-07 … netflow-2026-05) as subtensor runs them at bac8246
 * ({@code staking/add_stake.rs :: do_add_stake(_limit), get_max_amount_add}, {@code remove_stake.rs ::
 * do_remove_stake(_limit), get_max_amount_remove}, {@code stake_utils.rs :: validate_add_stake,
 * validate_remove_stake, stake_into_subnet, unstake_from_subnet}) on the swap pallet's V3 arithmetic
 * ({@link V3Pool}). Each call starts from a V3 state initialised from the reserves, as the swap pallet does on
 * its first swap ({@code maybe_initialize_v3}); simulated swaps roll back, so every check sees that state.
 */
final class V3RaoQuoter {
    private V3RaoQuoter() {
    }

    static RaoQuote stake(final SwapRules rules, final RaoPool pool, final long amount, final OptionalLong limitRao,
                          final boolean allowPartial) {
        OptionalLong max = OptionalLong.empty();
        try {
            final V3Pool v3 = V3Pool.fromReserves(pool.taoReserve(), pool.alphaReserve());
            final long limit = limitRao.orElse(V3Pool.MAX_PRICE_RAO);
            if (limitRao.isPresent()) {
                max = OptionalLong.of(maxAmount(rules, pool, v3, true, limit));
            }
            // stake_utils.rs validate_add_stake: the minimum stake plus the fee a minimum stake would pay
            final long minStake = rules.minStakeRao();
            long minFee;
            try {
                minFee = swap(rules, pool, v3, true, minStake, V3Pool.MAX_PRICE_RAO, false).fee();
            } catch (final SwapRejected e) {
                minFee = WeightedPoolRao.fee(minStake, rules.feeRate()); // approx_fee_amount
            }
            if (Long.compareUnsigned(amount, saturatingAdd(minStake, minFee)) < 0) {
                throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
            }
            final long possible = RaoQuoter.possible(amount, max, allowPartial);
            final V3Pool.Swap simulated;
            try {
                simulated = swap(rules, pool, v3, true, possible, V3Pool.MAX_PRICE_RAO, false);
            } catch (final SwapRejected e) {
                throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
            }
            if (Long.compareUnsigned(simulated.paidIn(), minStake) < 0) {
                throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
            }
            if (simulated.paidOut() == 0) {
                throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
            }
            // stake_into_subnet → swap_tao_for_alpha with the order's limit (or max_price)
            final V3Pool.Swap fill = swap(rules, pool, v3, true, possible, limit, false);
            committed(fill, pool.alphaReserve());
            if (fill.paidOut() == 0) {
                throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
            }
            return quote(fill, fill.after(), max);
        } catch (final SwapRejected e) {
            return RaoQuote.rejected(e.error(), max);
        }
    }

    static RaoQuote unstake(final SwapRules rules, final RaoPool pool, final long amount, final OptionalLong limitRao,
                            final boolean allowPartial) {
        OptionalLong max = OptionalLong.empty();
        try {
            final V3Pool v3 = V3Pool.fromReserves(pool.taoReserve(), pool.alphaReserve());
            final long limit = limitRao.orElse(V3Pool.MIN_PRICE_RAO);
            if (limitRao.isPresent()) {
                max = OptionalLong.of(maxAmount(rules, pool, v3, false, limit));
            }
            // stake_utils.rs validate_remove_stake (some stake remains, so the minimum applies to the TAO value)
            if (amount == 0) {
                throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
            }
            final V3Pool.Swap simulated;
            try {
                simulated = swap(rules, pool, v3, false, amount, V3Pool.MIN_PRICE_RAO, false);
            } catch (final SwapRejected e) {
                throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
            }
            if (Long.compareUnsigned(simulated.paidOut(), rules.minStakeRao()) < 0) {
                throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
            }
            final long possible = RaoQuoter.possible(amount, max, allowPartial);
            // unstake_from_subnet → swap_alpha_for_tao with the order's limit (or min_price)
            final V3Pool.Swap fill = swap(rules, pool, v3, false, possible, limit, false);
            committed(fill, pool.taoReserve());
            V3Pool after = fill.after();
            if (rules.alphaFeeResold()) {
                // unstake_from_subnet (7a727dd4d): the block author's alpha fee (all of it: DefaultFeeSplit is 0;
                // none when nothing entered the pool) is sold fee-free at min_price from the state the swap left,
                // against the TAO reserve the swap lowered; also for a fee of 0
                final long authorFee = fill.paidIn() == 0 ? 0L : fill.fee();
                final long taoLeft = saturatingSubtract(pool.taoReserve(), fill.paidOut());
                final RaoPool reservesLeft = new RaoPool(taoLeft, saturatingAdd(pool.alphaReserve(), fill.paidIn()),
                        pool.quoteWeightParts());
                final V3Pool.Swap resale = swap(rules, reservesLeft, after, false, authorFee, V3Pool.MIN_PRICE_RAO,
                        true);
                committed(resale, taoLeft);
                after = resale.after();
            }
            return quote(fill, after, max);
        } catch (final SwapRejected e) {
            return RaoQuote.rejected(e.error(), max);
        }
    }

    /**
     * add_stake.rs {@code get_max_amount_add} / remove_stake.rs {@code get_max_amount_remove}: paid in plus fee of
     * a simulated swap of u64::MAX to the limit (saturating); its errors surface as they are (as
     * {@code ZeroMaxStakeAmount} before 2025-11-04: {@link SwapRules#maxErrorsAreZeroMax}), and a maximum of 0 is
     * {@code ZeroMaxStakeAmount}.
     */
    static long maxAmount(final SwapRules rules, final RaoPool pool, final V3Pool v3, final boolean buy,
                          final long limitRao) {
        final V3Pool.Swap probe;
        try {
            probe = swap(rules, pool, v3, buy, WeightedPoolRao.MAX_RAO, limitRao, false);
        } catch (final SwapRejected e) {
            throw rules.maxErrorsAreZeroMax() ? new SwapRejected(SwapError.ZERO_MAX_STAKE_AMOUNT) : e;
        }
        final long max = saturatingAdd(probe.paidIn(), probe.fee());
        if (max == 0) {
            throw new SwapRejected(SwapError.ZERO_MAX_STAKE_AMOUNT);
        }
        return max;
    }

    /**
     * impls.rs {@code swap} → {@code do_swap → swap_inner}: the output reserve must hold the minimum reserve
     * (before the V3 state is looked at), then the limit as a √p and the steps.
     */
    static V3Pool.Swap swap(final SwapRules rules, final RaoPool reserves, final V3Pool v3, final boolean buy,
                            final long amount, final long limitRao, final boolean dropFees) {
        return swapToSqrtLimit(rules, reserves, v3, buy, amount, V3Pool.limitSqrtPrice(limitRao), dropFees);
    }

    static V3Pool.Swap swapToSqrtLimit(final SwapRules rules, final RaoPool reserves, final V3Pool v3,
                                       final boolean buy, final long amount, final BigInteger limitSqrtPrice,
                                       final boolean dropFees) {
        final long reserveOut = buy ? reserves.alphaReserve() : reserves.taoReserve();
        if (Long.compareUnsigned(reserveOut, rules.minimumReserveRao()) < 0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        // the zero-output check of process_swap came with 1c663f17d (2025-12-26); the eras whose unstake re-sells
        // the fee (capped from 2026-03-11 on) run that later pallet (7a727dd4d)
        return v3.swap(buy, amount, limitSqrtPrice, dropFees ? 0 : rules.feeRate(), rules.alphaFeeResold());
    }

    /** impls.rs {@code do_swap}, committed: paying out more than the output reserve is InsufficientLiquidity. */
    private static void committed(final V3Pool.Swap fill, final long reserveOut) {
        if (Long.compareUnsigned(reserveOut, fill.paidOut()) < 0) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
    }

    /** The quote: what the order paid (input plus fee), got and paid in fee; the price is the pallet's √p². */
    private static RaoQuote quote(final V3Pool.Swap fill, final V3Pool after, final OptionalLong max) {
        final BigInteger price = after.price();
        return new RaoQuote(saturatingAdd(fill.paidIn(), fill.fee()), fill.paidOut(), fill.fee(), price,
                WeightedPoolRao.raoPerAlpha(price), max, null);
    }
}
