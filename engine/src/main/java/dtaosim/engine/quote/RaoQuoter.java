package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.MAX_RAO;
import static dtaosim.engine.kernel.WeightedPoolRao.saturatingAdd;
import static dtaosim.engine.kernel.WeightedPoolRao.saturatingMultiply;
import static dtaosim.engine.kernel.WeightedPoolRao.saturatingSubtract;
import static dtaosim.engine.kernel.WeightedPoolRao.unsigned;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * mechanics §5: what a stake ({@code add_stake}, {@code add_stake_limit}) or an unstake ({@code remove_stake},
 * {@code remove_stake_limit}) would do on the chain, in rao, with the chain's checks in the chain's order and
 * its flooring. Nothing is mutated; the pool is given as it stands before the call.
 *
 * <p>V3 eras (subsidy-2025-07 … netflow-2026-05): the V3 pallet's own fixed point, see {@link V3RaoQuoter}.
 *
 * <p>Weighted era (subtensor 14bc6f9f {@code staking/add_stake.rs},
 * {@code remove_stake.rs}, {@code stake_utils.rs :: validate_add_stake / validate_remove_stake /
 * stake_into_subnet / unstake_from_subnet}, swap pallet {@code impls.rs :: do_swap / swap_inner},
 * {@code swap_step.rs}): the input limit (1000 × reserve, {@code InsufficientLiquidity}); with a limit price
 * the maximum from a simulated swap of 1000 × the reserve ({@code get_max_amount_add/remove}, whose errors
 * {@code ReservesTooLow} and {@code PriceLimitExceeded} surface as they are); the minimum stake
 * ({@code AmountTooLow}); fill-or-kill ({@code SlippageTooHigh}); a simulated swap at the default limit (any
 * failure becomes {@code InsufficientLiquidity}); then the swap itself, one {@code BasicSwapStep}. An unstake
 * is checked as one that leaves some stake behind (the minimum applies to its TAO value).
 *
 * <p>Constant-product eras ({@code stake_utils.rs}, {@code add_stake.rs}, {@code remove_stake.rs} at
 * f9254ea63): U110F18 x·y = k, the pool keeping ≥ 1e7 rao, the flat 50,000-rao fee kept in SubnetTAO, the
 * era's linear limit formulas and no price-limit error (a limit not beyond the price gives a maximum of 0).
 *
 * <p>Amounts and limits are the chain's u64 rao, held as the unsigned bits of a {@code long}
 * ({@link WeightedPoolRao}): u64::MAX is −1L, and every comparison is unsigned.
 */
public final class RaoQuoter {
    /** impls.rs {@code max_price_inner}: 1e15 rao per alpha, the limit of a stake given without one. */
    public static final long MAX_PRICE_RAO = 1_000_000_000_000_000L;
    /** impls.rs {@code min_price_inner}: 1000 rao per alpha, the limit of an unstake given without one. */
    public static final long MIN_PRICE_RAO = 1_000L;
    /** 2^18, the unit of the constant-product era's I110F18. */
    private static final BigInteger I110F18_ONE = BigInteger.ONE.shiftLeft(18);
    private static final BigInteger I110F18_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger RAO = BigInteger.valueOf(WeightedPoolRao.RAO_PER_TAO);

    private RaoQuoter() {
    }

    /**
     * One swap through the swap pallet ({@code do_swap} simulated, one {@code BasicSwapStep}).
     *
     * @param paidIn  input that entered the reserve
     * @param paidOut output paid from the other reserve
     * @param fee     fee in the input token, not in the reserves
     */
    public record Fill(long paidIn, long paidOut, long fee) {
    }

    /**
     * Stakes {@code amount} rao of TAO. {@code limitRao} is the limit price in rao per alpha, if any (0 is a
     * limit, as on chain: a stake cannot stay below it, an unstake always can);
     * {@code allowPartial} lets a limit order fill up to the limit instead of failing with SlippageTooHigh.
     */
    public static RaoQuote stake(final SwapRules rules, final RaoPool pool, final long amount,
                                 final OptionalLong limitRao, final boolean allowPartial) {
        OptionalLong max = OptionalLong.empty();
        try {
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_FLAT_FEE) {
                if (limitRao.isPresent()) {
                    max = OptionalLong.of(constantProductMaxAdd(pool.taoReserve(), pool.alphaReserve(),
                            limitRao.getAsLong()));
                }
                return stakeConstantProduct(rules, pool, amount, max, allowPartial);
            }
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE) {
                return V3RaoQuoter.stake(rules, pool, amount, limitRao, allowPartial);
            }
            // add_stake.rs ensure_add_stake_input_within_swap_limit, then get_max_amount_add
            checkInputWithinReserveLimit(rules, pool, true, amount, limitRao);
            if (limitRao.isPresent()) {
                max = OptionalLong.of(maxAmount(rules, pool, true, limitRao.getAsLong()));
            }
            return stakeThroughSwapPallet(rules, pool, amount, limitRao, max, allowPartial);
        } catch (final SwapRejected e) {
            return RaoQuote.rejected(e.error(), max);
        }
    }

    /** Unstakes {@code amount} rao of alpha; arguments as for {@link #stake}. */
    public static RaoQuote unstake(final SwapRules rules, final RaoPool pool, final long amount,
                                   final OptionalLong limitRao, final boolean allowPartial) {
        OptionalLong max = OptionalLong.empty();
        try {
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_FLAT_FEE) {
                if (limitRao.isPresent()) {
                    max = OptionalLong.of(constantProductMaxRemove(pool.taoReserve(), pool.alphaReserve(),
                            limitRao.getAsLong()));
                }
                return unstakeConstantProduct(rules, pool, amount, max, allowPartial);
            }
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE) {
                return V3RaoQuoter.unstake(rules, pool, amount, limitRao, allowPartial);
            }
            // remove_stake.rs ensure_remove_stake_input_within_swap_limit, then get_max_amount_remove
            checkInputWithinReserveLimit(rules, pool, false, amount, limitRao);
            if (limitRao.isPresent()) {
                max = OptionalLong.of(maxAmount(rules, pool, false, limitRao.getAsLong()));
            }
            return unstakeThroughSwapPallet(rules, pool, amount, limitRao, max, allowPartial);
        } catch (final SwapRejected e) {
            return RaoQuote.rejected(e.error(), max);
        }
    }

    /**
     * add_stake.rs {@code get_max_amount_add} / remove_stake.rs {@code get_max_amount_remove}: input plus fee of
     * a simulated swap of the largest supported input (1000 × the input reserve, saturating; u64::MAX without
     * that multiplier) up to the limit, saturating at u64::MAX (the V3 eras: {@link V3RaoQuoter#maxAmount}).
     * Errors of that swap surface as they are.
     */
    static long maxAmount(final SwapRules rules, final RaoPool pool, final boolean buy, final long limitRao) {
        final long multiplier = rules.inputReserveMultiplier();
        final long reserve = buy ? pool.taoReserve() : pool.alphaReserve();
        final long probe = multiplier > 0 ? saturatingMultiply(reserve, multiplier) : MAX_RAO;
        final BigInteger limit = WeightedPoolRao.priceOfRaoPerAlpha(limitRao);
        final Fill fill = buy ? buy(pool, probe, limit, false, rules) : sell(pool, probe, limit, false, rules);
        final long max = saturatingAdd(fill.paidIn(), fill.fee());
        if (rules.zeroMaxIsError() && max == 0) {
            throw new SwapRejected(SwapError.ZERO_MAX_STAKE_AMOUNT);
        }
        return max;
    }

    /**
     * The extrinsics' input check (at most 1000 × the input reserve), which the chain makes before
     * {@code get_max_amount_*}. When both fail, a limit order is answered with the maximum's error: the limit
     * question is what {@code --limit-price} asks, and the chain's own tests ask it of an empty alpha side
     * ({@code test_max_amount_remove_dynamic}: 1e9 TAO, 0 alpha, limit 100 → PriceLimitExceeded) where
     * {@code remove_stake_limit} would stop at InsufficientLiquidity.
     */
    private static void checkInputWithinReserveLimit(final SwapRules rules, final RaoPool pool, final boolean buy,
                                                     final long amount, final OptionalLong limitRao) {
        final long multiplier = rules.inputReserveMultiplier();
        final long reserve = buy ? pool.taoReserve() : pool.alphaReserve();
        if (multiplier > 0 && Long.compareUnsigned(amount, saturatingMultiply(reserve, multiplier)) > 0) {
            if (limitRao.isPresent()) {
                maxAmount(rules, pool, buy, limitRao.getAsLong()); // throws the maximum's own error, if any
            }
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
    }

    /**
     * The swap pallet's buy (TAO in), impls.rs {@code do_swap} simulated: input limit, minimum reserve, price
     * limit, then one step (swap_step.rs {@code new / determine_action / process_swap}).
     *
     * @throws SwapRejected with SwapInputTooLarge, ReservesTooLow or PriceLimitExceeded
     */
    static Fill buy(final RaoPool pool, final long amount, final BigInteger limit, final boolean dropFees,
                    final SwapRules rules) {
        final int rate = dropFees ? 0 : rules.feeRate();
        final long tao = pool.taoReserve();
        final long alpha = pool.alphaReserve();
        final long weight = pool.quoteWeightParts();
        long fee = WeightedPoolRao.fee(amount, rate);
        final long requested = amount - fee;
        if (rules.inputReserveMultiplier() > 0
                && Long.compareUnsigned(requested, saturatingMultiply(tao, rules.inputReserveMultiplier())) > 0) {
            throw new SwapRejected(SwapError.SWAP_INPUT_TOO_LARGE);
        }
        if (Long.compareUnsigned(alpha, rules.minimumReserveRao()) < 0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        final BigInteger current = pool.price();
        if (current.compareTo(limit) >= 0) {
            throw new SwapRejected(SwapError.PRICE_LIMIT_EXCEEDED);
        }
        // swap_step.rs: the price the full request would reach, against the limit
        final long alphaForRequest = WeightedPoolRao.alphaOut(tao, alpha, weight, requested);
        final BigInteger target = WeightedPoolRao.price(alpha - alphaForRequest, saturatingAdd(tao, requested),
                weight);
        final long delta;
        if (target.compareTo(limit) <= 0) {
            delta = requested;
        } else {
            delta = WeightedPoolRao.quoteDeltaIn(current, limit, tao, weight);
            fee = WeightedPoolRao.feeOnTop(delta, rate);
        }
        final long out = WeightedPoolRao.alphaOut(tao, alpha, weight, delta);
        if (delta != 0 && out == 0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        return new Fill(delta, out, fee);
    }

    /** The swap pallet's sell (alpha in), as {@link #buy} with the price moving down. */
    static Fill sell(final RaoPool pool, final long amount, final BigInteger limit, final boolean dropFees,
                     final SwapRules rules) {
        final int rate = dropFees ? 0 : rules.feeRate();
        final long tao = pool.taoReserve();
        final long alpha = pool.alphaReserve();
        final long weight = pool.quoteWeightParts();
        long fee = WeightedPoolRao.fee(amount, rate);
        final long requested = amount - fee;
        if (rules.inputReserveMultiplier() > 0
                && Long.compareUnsigned(requested, saturatingMultiply(alpha, rules.inputReserveMultiplier())) > 0) {
            throw new SwapRejected(SwapError.SWAP_INPUT_TOO_LARGE);
        }
        if (Long.compareUnsigned(tao, rules.minimumReserveRao()) < 0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        final BigInteger current = pool.price();
        if (current.compareTo(limit) <= 0) {
            throw new SwapRejected(SwapError.PRICE_LIMIT_EXCEEDED);
        }
        final long taoForRequest = WeightedPoolRao.taoOut(tao, alpha, weight, requested);
        final BigInteger target = WeightedPoolRao.price(saturatingAdd(alpha, requested), tao - taoForRequest,
                weight);
        final long delta;
        if (target.compareTo(limit) >= 0) {
            delta = requested;
        } else {
            delta = WeightedPoolRao.baseDeltaIn(current, limit, alpha, weight);
            fee = WeightedPoolRao.feeOnTop(delta, rate);
        }
        final long out = WeightedPoolRao.taoOut(tao, alpha, weight, delta);
        if (delta != 0 && out == 0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        return new Fill(delta, out, fee);
    }

    /**
     * The swap pallet's swap as the pallet's own tests call it ({@code do_swap(netuid, order, limit, drop_fees,
     * simulate)}): {@code buy} for TAO in, else alpha in; {@code limit} as U64F64 bits. Returns the fill, or
     * throws {@link IllegalStateException} naming the chain's error.
     */
    public static Fill swap(final RaoPool pool, final boolean buy, final long amount, final BigInteger limit,
                            final boolean dropFees, final SwapRules rules) {
        try {
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE) {
                // the V3 pallet takes the limit's square root (ε = 1e-10) and swaps from the reserves' V3 state
                final V3Pool.Swap v3 = V3RaoQuoter.swapToSqrtLimit(rules, pool,
                        V3Pool.fromReserves(pool.taoReserve(), pool.alphaReserve()), buy, amount,
                        V3Pool.limitSqrtPriceOfBits(limit), dropFees);
                return new Fill(v3.paidIn(), v3.paidOut(), v3.fee());
            }
            return buy ? buy(pool, amount, limit, dropFees, rules) : sell(pool, amount, limit, dropFees, rules);
        } catch (final SwapRejected e) {
            throw new IllegalStateException(e.error().chainName(), e);
        }
    }

    private static RaoQuote stakeThroughSwapPallet(final SwapRules rules, final RaoPool pool, final long amount,
                                                   final OptionalLong limitRao, final OptionalLong max,
                                                   final boolean allowPartial) {
        final boolean hasLimit = max.isPresent();
        final BigInteger defaultLimit = WeightedPoolRao.priceOfRaoPerAlpha(MAX_PRICE_RAO);
        // stake_utils.rs validate_add_stake: minimum stake plus the fee a minimum stake would pay
        final long minStake = rules.minStakeRao();
        long minFee;
        try {
            minFee = buy(pool, minStake, defaultLimit, false, rules).fee();
        } catch (final SwapRejected e) {
            minFee = WeightedPoolRao.fee(minStake, rules.feeRate()); // approx_fee_amount
        }
        if (Long.compareUnsigned(amount, saturatingAdd(minStake, minFee)) < 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final long possible = possible(amount, max, allowPartial);
        final Fill simulated;
        try {
            simulated = buy(pool, possible, defaultLimit, false, rules);
        } catch (final SwapRejected e) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (Long.compareUnsigned(simulated.paidIn(), minStake) < 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (simulated.paidOut() == 0) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        // stake_into_subnet → swap_tao_for_alpha with the order's limit
        final BigInteger limit = hasLimit ? WeightedPoolRao.priceOfRaoPerAlpha(limitRao.getAsLong()) : defaultLimit;
        final Fill fill = buy(pool, possible, limit, false, rules);
        if (fill.paidOut() == 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        // stake_utils.rs swap_tao_for_alpha: the reserves move by the swap's deltas as i64
        final BigInteger after = WeightedPoolRao.price(
                saturatingSubtract(pool.alphaReserve(), paidOutReserveDelta(rules, fill.paidOut())),
                saturatingAdd(pool.taoReserve(), paidInReserveDelta(rules, fill.paidIn())), pool.quoteWeightParts());
        return new RaoQuote(saturatingAdd(fill.paidIn(), fill.fee()), fill.paidOut(), fill.fee(), after,
                WeightedPoolRao.raoPerAlpha(after), max, null);
    }

    /**
     * What a swap's input adds to its reserve in {@code swap_tao_for_alpha / swap_alpha_for_tao} (stake_utils.rs
     * at 14bc6f9f): {@code paid_in_reserve_delta_i64().unsigned_abs()}, the amount clamped to i64::MAX. The V3
     * pallet prices from its own liquidity, not from these reserves, so there the whole amount counts.
     */
    private static long paidInReserveDelta(final SwapRules rules, final long paidIn) {
        return rules.pool() == Era.Pool.WEIGHTED ? WeightedPoolRao.min(paidIn, Long.MAX_VALUE) : paidIn;
    }

    /** As {@link #paidInReserveDelta} for the output: {@code paid_out_reserve_delta_i64().unsigned_abs()} ≤ 2^63. */
    private static long paidOutReserveDelta(final SwapRules rules, final long paidOut) {
        return rules.pool() == Era.Pool.WEIGHTED ? WeightedPoolRao.min(paidOut, Long.MIN_VALUE) : paidOut;
    }

    private static RaoQuote unstakeThroughSwapPallet(final SwapRules rules, final RaoPool pool, final long amount,
                                                     final OptionalLong limitRao, final OptionalLong max,
                                                     final boolean allowPartial) {
        final boolean hasLimit = max.isPresent();
        final BigInteger defaultLimit = WeightedPoolRao.priceOfRaoPerAlpha(MIN_PRICE_RAO);
        // stake_utils.rs validate_remove_stake (some stake remains, so the minimum applies to the TAO value)
        if (amount == 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final Fill simulated;
        try {
            simulated = sell(pool, amount, defaultLimit, false, rules);
        } catch (final SwapRejected e) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (Long.compareUnsigned(simulated.paidOut(), rules.minStakeRao()) < 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final long possible = possible(amount, max, allowPartial);
        // unstake_from_subnet → swap_alpha_for_tao with the order's limit
        final BigInteger limit = hasLimit ? WeightedPoolRao.priceOfRaoPerAlpha(limitRao.getAsLong()) : defaultLimit;
        final Fill fill = sell(pool, possible, limit, false, rules);
        long alphaAfter = saturatingAdd(pool.alphaReserve(), paidInReserveDelta(rules, fill.paidIn()));
        long taoAfter = saturatingSubtract(pool.taoReserve(), paidOutReserveDelta(rules, fill.paidOut()));
        if (rules.alphaFeeResold()) {
            // unstake_from_subnet: the alpha fee is sold fee-free at the minimum price, its TAO to the author; the
            // chain makes that swap also for a fee of 0, so its checks (ReservesTooLow …) apply
            final Fill resold = sell(new RaoPool(taoAfter, alphaAfter, pool.quoteWeightParts()), fill.fee(),
                    defaultLimit, true, rules);
            alphaAfter = saturatingAdd(alphaAfter, paidInReserveDelta(rules, resold.paidIn()));
            taoAfter = saturatingSubtract(taoAfter, paidOutReserveDelta(rules, resold.paidOut()));
        }
        final BigInteger after = WeightedPoolRao.price(alphaAfter, taoAfter, pool.quoteWeightParts());
        return new RaoQuote(saturatingAdd(fill.paidIn(), fill.fee()), fill.paidOut(), fill.fee(), after,
                WeightedPoolRao.raoPerAlpha(after), max, null);
    }

    private static RaoQuote stakeConstantProduct(final SwapRules rules, final RaoPool pool, final long amount,
                                                 final OptionalLong max, final boolean allowPartial) {
        final long tao = pool.taoReserve();
        final long alpha = pool.alphaReserve();
        // add_stake.rs do_add_stake(_limit) → stake_utils.rs validate_add_stake at f9254ea63
        final long minFee = rules.flatFee() ? rules.flatFeeRao()
                : WeightedPoolRao.fee(rules.minStakeRao(), rules.feeRate());
        if (Long.compareUnsigned(amount, saturatingAdd(rules.minStakeRao(), minFee)) < 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final long possible = possible(amount, max, allowPartial);
        if (constantProductAlphaOut(tao, alpha, amount, rules.minimumReserveRao()).isEmpty()) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        // stake_into_subnet: the fee stays in SubnetTAO, the rest is swapped (nothing if the pool guard fails)
        final long fee = rules.flatFee() ? WeightedPoolRao.min(rules.flatFeeRao(), possible)
                : WeightedPoolRao.fee(possible, rules.feeRate());
        final long staked = possible - fee;
        final OptionalLong bought = constantProductAlphaOut(tao, alpha, staked, rules.minimumReserveRao());
        final long out = bought.orElse(0L);
        final long taoAfter = saturatingAdd(tao, bought.isPresent() ? possible : fee);
        final BigInteger after = WeightedPoolRao.price(alpha - out, taoAfter, WeightedPoolRao.HALF_PARTS);
        return new RaoQuote(possible, out, fee, after, WeightedPoolRao.raoPerAlpha(after), max,
                null);
    }

    private static RaoQuote unstakeConstantProduct(final SwapRules rules, final RaoPool pool, final long amount,
                                                   final OptionalLong max, final boolean allowPartial) {
        final long tao = pool.taoReserve();
        final long alpha = pool.alphaReserve();
        // stake_utils.rs validate_remove_stake at f9254ea63: the TAO value (before fee) must exceed the minimum
        final OptionalLong value = constantProductTaoOut(tao, alpha, amount, rules.minimumReserveRao());
        if (value.isEmpty()) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (Long.compareUnsigned(value.getAsLong(), rules.minStakeRao()) <= 0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final long possible = possible(amount, max, allowPartial);
        // unstake_from_subnet: the fee comes off the TAO out and stays in SubnetTAO
        final OptionalLong sold = constantProductTaoOut(tao, alpha, possible, rules.minimumReserveRao());
        final long gross = sold.orElse(0L);
        final long fee = rules.flatFee() ? WeightedPoolRao.min(rules.flatFeeRao(), gross)
                : WeightedPoolRao.fee(gross, rules.feeRate());
        final long alphaAfter = sold.isPresent() ? saturatingAdd(alpha, possible) : alpha;
        final BigInteger after = WeightedPoolRao.price(alphaAfter, tao - gross + fee, WeightedPoolRao.HALF_PARTS);
        return new RaoQuote(possible, gross - fee, fee, after, WeightedPoolRao.raoPerAlpha(after),
                max, null);
    }

    /**
     * The order's size after its limit: the maximum when a limit order fills partially, else the order, which
     * must then be within the maximum ({@code SlippageTooHigh}; add_stake.rs / remove_stake.rs).
     */
    /** The amount an order swaps: all of it, or up to its limit's maximum (fill-or-kill: SlippageTooHigh). */
    static long possible(final long amount, final OptionalLong max, final boolean allowPartial) {
        if (max.isEmpty()) {
            return amount;
        }
        if (!allowPartial && Long.compareUnsigned(amount, max.getAsLong()) > 0) {
            throw new SwapRejected(SwapError.SLIPPAGE_TOO_HIGH);
        }
        return WeightedPoolRao.min(amount, max.getAsLong());
    }

    /**
     * stake_utils.rs {@code sim_swap_tao_for_alpha} at f9254ea63: {@code x − k/(y + Δy)} in I110F18, floored;
     * empty (the chain's None) when the new alpha reserve would be below {@code minimumPool} rao.
     */
    static OptionalLong constantProductAlphaOut(final long tao, final long alpha, final long taoIn,
                                                final long minimumPool) {
        return constantProductOut(alpha, tao, taoIn, minimumPool);
    }

    /** stake_utils.rs {@code sim_swap_alpha_for_tao} at f9254ea63, the mirror of the above. */
    static OptionalLong constantProductTaoOut(final long tao, final long alpha, final long alphaIn,
                                              final long minimumPool) {
        return constantProductOut(tao, alpha, alphaIn, minimumPool);
    }

    private static OptionalLong constantProductOut(final long outReserve, final long inReserve, final long in,
                                                   final long minimumPool) {
        final BigInteger kBits = unsigned(outReserve).multiply(unsigned(inReserve)).shiftLeft(18).min(I110F18_MAX);
        final BigInteger denominator = unsigned(inReserve).add(unsigned(in));
        final BigInteger newReserveBits = denominator.signum() == 0 ? BigInteger.ZERO
                : kBits.divide(denominator);
        if (newReserveBits.compareTo(unsigned(minimumPool).shiftLeft(18)) < 0) {
            return OptionalLong.empty();
        }
        final BigInteger outBits = unsigned(outReserve).shiftLeft(18).subtract(newReserveBits);
        return OptionalLong.of(outBits.signum() <= 0 ? 0L : outBits.divide(I110F18_ONE).longValue());
    }

    /**
     * add_stake.rs {@code get_max_amount_add} at f9254ea63: {@code limit·x/1e9 − y} (saturating at 0); 0 when
     * the limit is below the integer part of the price times 1e9 (the era's check) or 0.
     */
    static long constantProductMaxAdd(final long tao, final long alpha, final long limitRao) {
        if (alpha == 0 || tao == 0 || limitRao == 0) {
            return 0L;
        }
        final BigInteger limit = unsigned(limitRao);
        final BigInteger priceFloor = unsigned(Long.divideUnsigned(tao, alpha)).multiply(RAO);
        if (limit.compareTo(priceFloor) < 0) {
            return 0L;
        }
        return clampToRao(limit.multiply(unsigned(alpha)).divide(RAO).subtract(unsigned(tao)));
    }

    /**
     * remove_stake.rs {@code get_max_amount_remove} at f9254ea63: {@code y·1e9/limit − x} (saturating at 0); 0
     * when the limit is at or above {@code floor(y·1e9/x)}; unlimited for a limit of 0.
     */
    static long constantProductMaxRemove(final long tao, final long alpha, final long limitRao) {
        if (alpha == 0 || tao == 0) {
            return 0L;
        }
        if (limitRao == 0) {
            return MAX_RAO;
        }
        final BigInteger taoTimesRao = unsigned(tao).multiply(RAO);
        if (unsigned(limitRao).compareTo(taoTimesRao.divide(unsigned(alpha))) >= 0) {
            return 0L;
        }
        return clampToRao(taoTimesRao.divide(unsigned(limitRao)).subtract(unsigned(alpha)));
    }

    /** u128 {@code saturating_sub} then the conversion to u64 that saturates: the result in [0, u64::MAX]. */
    private static long clampToRao(final BigInteger value) {
        return value.signum() <= 0 ? 0L : WeightedPoolRao.toRao(value);
    }
}
