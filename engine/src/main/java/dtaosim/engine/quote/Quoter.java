package dtaosim.engine.quote;

import dtaosim.engine.kernel.WeightedPool;
import dtaosim.engine.model.Era;

/**
 * mechanics §5: what a stake or unstake would do on the chain, in TAO and alpha as doubles: the same checks in
 * the same order as {@link RaoQuoter}, with the formulas of {@link WeightedPool} and no rounding to rao.
 * Amounts are TAO (stake) or alpha (unstake); prices TAO per alpha; a limit of {@link Double#NaN} means none.
 */
public final class Quoter {
    /** {@link RaoQuoter#MAX_PRICE_RAO} in TAO per alpha: the limit of a stake without one. */
    public static final double MAX_PRICE = 1e6;
    /** {@link RaoQuoter#MIN_PRICE_RAO} in TAO per alpha: the limit of an unstake without one. */
    public static final double MIN_PRICE = 1e-6;
    private static final double RAO = 1e9;
    /**
     * balancer.rs {@code calculate_quote/base_delta_in}: the power (p'/p)^w is taken at scale 1e18 into a u64, so
     * it saturates at u64::MAX/1e18 ≈ 18.45; one limit-bound swap moves the price at most that power's factor
     * (weighted era only).
     */
    static final double MAX_LIMIT_POWER = 18_446_744_073_709_551_615.0 / 1e18;

    /** The V3 pool's lowest price, that of {@code TickIndex::MIN} = −443,636 (swap pallet tick.rs at bac8246). */
    static final double V3_LOWEST_PRICE = Math.pow(1.0001, -443_636);

    private Quoter() {
    }

    /** One swap through the pool: input into the reserve, output paid, fee in the input token. */
    record Fill(double paidIn, double paidOut, double fee) {
    }

    /** Stakes {@code amount} TAO; {@code allowPartial} lets a limit order fill up to the limit. */
    public static Quote stake(final SwapRules rules, final PoolReserves pool, final double amount,
                              final double limitPrice, final boolean allowPartial) {
        final boolean hasLimit = !Double.isNaN(limitPrice);
        double max = Double.NaN;
        try {
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_FLAT_FEE) {
                max = hasLimit ? constantProductMaxAdd(pool, limitPrice) : Double.NaN;
                return stakeConstantProduct(rules, pool, amount, max, allowPartial);
            }
            checkInputWithinReserveLimit(rules, pool, true, amount, limitPrice);
            max = hasLimit ? maxAmount(rules, pool, true, limitPrice) : Double.NaN;
            return stakeThroughSwapPallet(rules, pool, amount, limitPrice, max, allowPartial);
        } catch (final SwapRejected e) {
            return Quote.rejected(e.error(), max);
        }
    }

    /** Unstakes {@code amount} alpha; arguments as for {@link #stake}. */
    public static Quote unstake(final SwapRules rules, final PoolReserves pool, final double amount,
                                final double limitPrice, final boolean allowPartial) {
        final boolean hasLimit = !Double.isNaN(limitPrice);
        double max = Double.NaN;
        try {
            if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_FLAT_FEE) {
                max = hasLimit ? constantProductMaxRemove(pool, limitPrice) : Double.NaN;
                return unstakeConstantProduct(rules, pool, amount, max, allowPartial);
            }
            checkInputWithinReserveLimit(rules, pool, false, amount, limitPrice);
            max = hasLimit ? maxAmount(rules, pool, false, limitPrice) : Double.NaN;
            return unstakeThroughSwapPallet(rules, pool, amount, limitPrice, max, allowPartial);
        } catch (final SwapRejected e) {
            return Quote.rejected(e.error(), max);
        }
    }

    /** Buy (TAO in) through the swap pallet, as {@link RaoQuoter#buy}; an infinite amount probes the limit. */
    static Fill buy(final PoolReserves pool, final double amount, final double limit, final SwapRules rules) {
        final double tao = pool.taoReserve();
        final double alpha = pool.alphaReserve();
        final double weight = pool.quoteWeight();
        final int rate = rules.feeRate();
        double fee = WeightedPool.fee(amount, rate);
        final double requested = amount - fee;
        if (rules.inputReserveMultiplier() > 0 && requested > tao * rules.inputReserveMultiplier()) {
            throw new SwapRejected(SwapError.SWAP_INPUT_TOO_LARGE);
        }
        if (alpha < rules.minimumReserveRao() / RAO) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        final double current = pool.price();
        if (!(current < limit)) {
            throw new SwapRejected(SwapError.PRICE_LIMIT_EXCEEDED);
        }
        final double delta;
        if (Double.isFinite(amount) && priceAfterBuy(pool, requested) <= limit) {
            delta = requested;
        } else {
            // the Balancer's saturated power caps the input at y·(18.45 − 1); the V3 eras have no such cap
            delta = Math.min(WeightedPool.taoToReachPrice(tao, weight, current, limit), limitCap(rules, tao));
            fee = WeightedPool.feeOnTop(delta, rate);
        }
        final double out = WeightedPool.alphaOut(tao, alpha, weight, delta);
        if (delta != 0.0 && out == 0.0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        return new Fill(delta, out, fee);
    }

    /** Sell (alpha in) through the swap pallet, as {@link RaoQuoter#sell}. */
    static Fill sell(final PoolReserves pool, final double amount, final double limit, final SwapRules rules) {
        final double tao = pool.taoReserve();
        final double alpha = pool.alphaReserve();
        final double weight = pool.quoteWeight();
        final int rate = rules.feeRate();
        double fee = WeightedPool.fee(amount, rate);
        final double requested = amount - fee;
        if (rules.inputReserveMultiplier() > 0 && requested > alpha * rules.inputReserveMultiplier()) {
            throw new SwapRejected(SwapError.SWAP_INPUT_TOO_LARGE);
        }
        if (tao < rules.minimumReserveRao() / RAO) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        final double current = pool.price();
        if (!(current > limit)) {
            throw new SwapRejected(SwapError.PRICE_LIMIT_EXCEEDED);
        }
        // swap_step.rs determine_action: a V3 swap ends at the lowest tick's price, which a limit of 0 lies beyond
        final double floor = rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE ? Math.max(limit, V3_LOWEST_PRICE)
                : limit;
        final double delta;
        if (Double.isFinite(amount) && priceAfterSell(pool, requested) >= floor) {
            delta = requested;
        } else {
            delta = Math.min(WeightedPool.alphaToReachPrice(alpha, weight, current, floor), limitCap(rules, alpha));
            fee = WeightedPool.feeOnTop(delta, rate);
        }
        final double out = WeightedPool.taoOut(tao, alpha, weight, delta);
        if (delta != 0.0 && out == 0.0) {
            throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
        }
        return new Fill(delta, out, fee);
    }

    private static double limitCap(final SwapRules rules, final double reserve) {
        return rules.pool() == Era.Pool.WEIGHTED ? reserve * (MAX_LIMIT_POWER - 1.0) : Double.POSITIVE_INFINITY;
    }

    /** The price after {@code taoIn} TAO (after fee) buys into the pool. */
    static double priceAfterBuy(final PoolReserves pool, final double taoIn) {
        final double out = WeightedPool.alphaOut(pool.taoReserve(), pool.alphaReserve(), pool.quoteWeight(), taoIn);
        return WeightedPool.price(pool.taoReserve() + taoIn, pool.alphaReserve() - out, pool.quoteWeight());
    }

    /** The price after {@code alphaIn} alpha (after fee) sells into the pool. */
    static double priceAfterSell(final PoolReserves pool, final double alphaIn) {
        final double out = WeightedPool.taoOut(pool.taoReserve(), pool.alphaReserve(), pool.quoteWeight(), alphaIn);
        return WeightedPool.price(pool.taoReserve() - out, pool.alphaReserve() + alphaIn, pool.quoteWeight());
    }

    /** {@code get_max_amount_add/remove}: input plus fee of a swap of the largest supported input up to the limit. */
    static double maxAmount(final SwapRules rules, final PoolReserves pool, final boolean buy, final double limit) {
        final double reserve = buy ? pool.taoReserve() : pool.alphaReserve();
        // the chain probes with 1000 × the reserve, or u64::MAX rao in the V3 eras: a limit of 0 stops none of it
        final double probe = rules.inputReserveMultiplier() > 0 ? reserve * rules.inputReserveMultiplier()
                : PoolReserves.MAX_RESERVE;
        final Fill fill;
        try {
            fill = buy ? buy(pool, probe, limit, rules) : sell(pool, probe, limit, rules);
        } catch (final SwapRejected e) {
            // get_max_amount_add/remove's map_err before 2025-11-04 (SwapRules.maxErrorsAreZeroMax)
            throw rules.maxErrorsAreZeroMax() ? new SwapRejected(SwapError.ZERO_MAX_STAKE_AMOUNT) : e;
        }
        final double max = fill.paidIn() + fill.fee();
        if (rules.zeroMaxIsError() && max == 0.0) {
            throw new SwapRejected(SwapError.ZERO_MAX_STAKE_AMOUNT);
        }
        return max;
    }

    /** As {@link RaoQuoter}'s: a limit order failing this and its maximum gets the maximum's error. */
    private static void checkInputWithinReserveLimit(final SwapRules rules, final PoolReserves pool,
                                                     final boolean buy, final double amount, final double limit) {
        final double reserve = buy ? pool.taoReserve() : pool.alphaReserve();
        if (rules.inputReserveMultiplier() > 0 && amount > reserve * rules.inputReserveMultiplier()) {
            if (!Double.isNaN(limit)) {
                maxAmount(rules, pool, buy, limit); // throws the maximum's own error, if any
            }
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
    }

    private static Quote stakeThroughSwapPallet(final SwapRules rules, final PoolReserves pool, final double amount,
                                                final double limitPrice, final double max,
                                                final boolean allowPartial) {
        final boolean hasLimit = !Double.isNaN(max);
        final double minStake = rules.minStakeRao() / RAO;
        double minFee;
        try {
            minFee = buy(pool, minStake, MAX_PRICE, rules).fee();
        } catch (final SwapRejected e) {
            minFee = WeightedPool.fee(minStake, rules.feeRate());
        }
        if (amount < minStake + minFee) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (hasLimit && !allowPartial && amount > max) {
            throw new SwapRejected(SwapError.SLIPPAGE_TOO_HIGH);
        }
        final double possible = hasLimit ? Math.min(amount, max) : amount;
        final Fill simulated;
        try {
            simulated = buy(pool, possible, MAX_PRICE, rules);
        } catch (final SwapRejected e) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (simulated.paidIn() < minStake) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (simulated.paidOut() == 0.0) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        final Fill fill = buy(pool, possible, hasLimit ? limitPrice : MAX_PRICE, rules);
        if (fill.paidOut() == 0.0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final double after = WeightedPool.price(pool.taoReserve() + fill.paidIn(),
                pool.alphaReserve() - fill.paidOut(), pool.quoteWeight());
        return new Quote(fill.paidIn() + fill.fee(), fill.paidOut(), fill.fee(), after, max, null);
    }

    private static Quote unstakeThroughSwapPallet(final SwapRules rules, final PoolReserves pool,
                                                  final double amount, final double limitPrice, final double max,
                                                  final boolean allowPartial) {
        final boolean hasLimit = !Double.isNaN(max);
        if (amount == 0.0) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        final Fill simulated;
        try {
            simulated = sell(pool, amount, MIN_PRICE, rules);
        } catch (final SwapRejected e) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (simulated.paidOut() < rules.minStakeRao() / RAO) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (hasLimit && !allowPartial && amount > max) {
            throw new SwapRejected(SwapError.SLIPPAGE_TOO_HIGH);
        }
        final Fill fill = sell(pool, hasLimit ? Math.min(amount, max) : amount, hasLimit ? limitPrice : MIN_PRICE,
                rules);
        double taoAfter = pool.taoReserve() - fill.paidOut();
        double alphaAfter = pool.alphaReserve() + fill.paidIn();
        if (rules.alphaFeeResold()) {
            // unstake_from_subnet: the alpha fee is sold fee-free at the minimum price, its TAO to the author (also
            // a fee of 0: the chain's checks of that swap apply)
            final Fill resold = sell(new PoolReserves(taoAfter, alphaAfter, pool.quoteWeight()), fill.fee(),
                    MIN_PRICE, rules.withFeeRate(0));
            taoAfter -= resold.paidOut();
            alphaAfter += resold.paidIn();
        }
        final double after = WeightedPool.price(taoAfter, alphaAfter, pool.quoteWeight());
        return new Quote(fill.paidIn() + fill.fee(), fill.paidOut(), fill.fee(), after, max, null);
    }

    private static Quote stakeConstantProduct(final SwapRules rules, final PoolReserves pool, final double amount,
                                              final double max, final boolean allowPartial) {
        final double tao = pool.taoReserve();
        final double alpha = pool.alphaReserve();
        final boolean hasLimit = !Double.isNaN(max);
        final double minStake = rules.minStakeRao() / RAO;
        final double minFee = rules.flatFee() ? rules.flatFeeRao() / RAO : WeightedPool.fee(minStake,
                rules.feeRate());
        if (amount < minStake + minFee) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (hasLimit && !allowPartial && amount > max) {
            throw new SwapRejected(SwapError.SLIPPAGE_TOO_HIGH);
        }
        final double minimumPool = rules.minimumReserveRao() / RAO;
        if (tao * alpha / (tao + amount) < minimumPool) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        // mechanics §5 (constant-product era): x·Δ/(y + Δ) for Δ = amount − fee; the fee stays in SubnetTAO
        final double possible = hasLimit ? Math.min(amount, max) : amount;
        final double fee = rules.flatFee() ? Math.min(rules.flatFeeRao() / RAO, possible)
                : WeightedPool.fee(possible, rules.feeRate());
        final double staked = possible - fee;
        final double out = alpha * staked / (tao + staked);
        final double after = (tao + possible) / (alpha - out);
        return new Quote(possible, out, fee, after, max, null);
    }

    private static Quote unstakeConstantProduct(final SwapRules rules, final PoolReserves pool, final double amount,
                                                final double max, final boolean allowPartial) {
        final double tao = pool.taoReserve();
        final double alpha = pool.alphaReserve();
        final boolean hasLimit = !Double.isNaN(max);
        final double minimumPool = rules.minimumReserveRao() / RAO;
        if (tao * alpha / (alpha + amount) < minimumPool) {
            throw new SwapRejected(SwapError.INSUFFICIENT_LIQUIDITY);
        }
        if (tao * amount / (alpha + amount) <= rules.minStakeRao() / RAO) {
            throw new SwapRejected(SwapError.AMOUNT_TOO_LOW);
        }
        if (hasLimit && !allowPartial && amount > max) {
            throw new SwapRejected(SwapError.SLIPPAGE_TOO_HIGH);
        }
        // mechanics §5 (constant-product era): y·Δ/(x + Δ) − fee; the fee stays in SubnetTAO
        final double possible = hasLimit ? Math.min(amount, max) : amount;
        final double gross = tao * possible / (alpha + possible);
        final double fee = rules.flatFee() ? Math.min(rules.flatFeeRao() / RAO, gross)
                : WeightedPool.fee(gross, rules.feeRate());
        final double after = (tao - gross + fee) / (alpha + possible);
        return new Quote(possible, gross - fee, fee, after, max, null);
    }

    /**
     * add_stake.rs {@code get_max_amount_add} at f9254ea63: {@code max(0, limit·x − y)}, at most u64::MAX rao (the
     * chain's u64, as {@link RaoQuoter}); 0 below floor(price).
     */
    static double constantProductMaxAdd(final PoolReserves pool, final double limit) {
        if (limit < Math.floor(pool.taoReserve() / pool.alphaReserve()) || limit == 0.0) {
            return 0.0;
        }
        return Math.min(PoolReserves.MAX_RESERVE, Math.max(0.0, limit * pool.alphaReserve() - pool.taoReserve()));
    }

    /**
     * remove_stake.rs {@code get_max_amount_remove} at f9254ea63: {@code max(0, y/limit − x)}; 0 at/above price;
     * u64::MAX rao for a limit of 0, and at most that.
     */
    static double constantProductMaxRemove(final PoolReserves pool, final double limit) {
        if (limit >= pool.taoReserve() / pool.alphaReserve()) {
            return 0.0;
        }
        if (limit == 0.0) {
            return PoolReserves.MAX_RESERVE;
        }
        return Math.min(PoolReserves.MAX_RESERVE, Math.max(0.0, pool.taoReserve() / limit - pool.alphaReserve()));
    }
}
