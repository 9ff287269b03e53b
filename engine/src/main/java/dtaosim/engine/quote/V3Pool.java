package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.saturatingAdd;
import static dtaosim.engine.kernel.WeightedPoolRao.saturatingSubtract;
import static dtaosim.engine.kernel.WeightedPoolRao.unsigned;

import dtaosim.engine.kernel.WeightedPoolRao;
import java.math.BigInteger;

/**
 * The V3 swap pallet's state for one subnet with only the protocol's full-range position (subtensor swap pallet
 * at bac8246, unchanged in its arithmetic to 7a727dd4d): the √price ({@code AlphaSqrtPrice}, U64F64 bits), the
 * current liquidity ({@code CurrentLiquidity}) and the position's liquidity. Immutable; a swap returns the state
 * after it.
 *
 * @param sqrtPrice         √(TAO per alpha) as U64F64 bits
 * @param liquidity         the liquidity in range, u64 bits (0 once a swap crossed an end of the range)
 * @param positionLiquidity the protocol position's liquidity, u64 bits
 */
public record V3Pool(BigInteger sqrtPrice, long liquidity, long positionLiquidity) {
    private static final BigInteger EPSILON_POOL = U64F64.ofDouble(1e-12);
    private static final BigInteger EPSILON_LIMIT = U64F64.ofDouble(1e-10);
    private static final BigInteger BILLION = U64F64.ofRao(BigInteger.valueOf(WeightedPoolRao.RAO_PER_TAO));
    /**
     * impls.rs {@code min_price_inner}: the lowest tick's price (√p from tick.rs {@code min_sqrt_price}) in rao
     * per alpha, floored: 0, the limit of an unstake given without one.
     */
    public static final long MIN_PRICE_RAO = U64F64.toRao(U64F64.mul(
            U64F64.mul(U64F64.ofDouble(0.0000000002328350195), U64F64.ofDouble(0.0000000002328350195)), BILLION));
    /**
     * impls.rs {@code max_price_inner}: the highest tick's price in rao per alpha, saturating: u64::MAX, the limit
     * of a stake given without one.
     */
    public static final long MAX_PRICE_RAO = U64F64.toRao(roundSaturating(U64F64.mul(
            U64F64.mul(U64F64.ofDouble(4294886577.20989222513899790805), U64F64.ofDouble(4294886577.20989222513899790805)),
            BILLION)));

    /**
     * One swap's totals ({@code SwapResult}) and the state after it.
     *
     * @param paidIn  input that entered the pool (all steps' {@code delta_in})
     * @param paidOut output paid out
     * @param fee     fee in the input token
     * @param after   the pool after the swap
     */
    public record Swap(long paidIn, long paidOut, long fee, V3Pool after) {
    }

    /**
     * impls.rs {@code maybe_initialize_v3}: √p = checked_sqrt(y/x, ε = 1e-12) with y/x a U64F64 quotient (0 when
     * x is 0 or the quotient overflows), liquidity ⌊√(x·y)⌋; the position over [MIN, MAX] clamps a √p at or
     * beyond an end to that end's price ({@code clamp_sqrt_price}) and counts as in range unless the tick is MAX
     * ({@code update_liquidity_if_needed}: tick_low ≤ current < tick_high).
     */
    public static V3Pool fromReserves(final long taoReserve, final long alphaReserve) {
        final BigInteger price = U64F64.div(U64F64.ofRao(unsigned(taoReserve)), U64F64.ofRao(unsigned(alphaReserve)));
        BigInteger sqrt = U64F64.sqrt(price, EPSILON_POOL);
        final int bound = V3Ticks.bound(sqrt);
        if (bound < 0) {
            sqrt = V3Ticks.MIN_SQRT_PRICE;
        } else if (bound > 0) {
            sqrt = V3Ticks.MAX_SQRT_PRICE;
        }
        final long position = unsigned(taoReserve).multiply(unsigned(alphaReserve)).sqrt().longValue();
        return new V3Pool(sqrt, bound > 0 ? 0L : position, position);
    }

    /**
     * impls.rs {@code swap} (SwapEngine): a limit in rao per alpha as √(limit/1e9) by checked_sqrt with
     * ε = 1e-10, the limit's quotient a U64F64 one.
     */
    public static BigInteger limitSqrtPrice(final long limitRao) {
        return U64F64.sqrt(U64F64.div(U64F64.ofRao(unsigned(limitRao)), BILLION), EPSILON_LIMIT);
    }

    /** A limit given as a U64F64 price (TAO per alpha), as {@link #limitSqrtPrice} takes its root. */
    public static BigInteger limitSqrtPriceOfBits(final BigInteger priceBits) {
        return U64F64.sqrt(priceBits, EPSILON_LIMIT);
    }

    /** The price, √p squared, as U64F64 bits ({@code current_price} before its U96F32 cast). */
    public BigInteger price() {
        return U64F64.mul(sqrtPrice, sqrtPrice);
    }

    /**
     * impls.rs {@code swap_inner} after its reserve check and initialisation: the limit must be beyond the price
     * ({@code is_beyond_price_limit}), then steps ({@code BasicSwapStep}) until the input is used, a step stops
     * or takes nothing.
     *
     * @param buy               TAO in (the price rises), else alpha in
     * @param amount            the order, u64 bits
     * @param limitSqrtPrice    the limit's √p as U64F64 bits
     * @param feeRate           FeeRate (x/65535); 0 with drop_fees
     * @param zeroOutputIsError whether a step that takes input and pays nothing fails with ReservesTooLow
     *                          (swap_step.rs {@code process_swap} from 2025-12-26, 1c663f17d)
     * @throws SwapRejected with PriceLimitExceeded or ReservesTooLow
     */
    public Swap swap(final boolean buy, final long amount, final BigInteger limitSqrtPrice, final int feeRate,
                     final boolean zeroOutputIsError) {
        final int beyond = sqrtPrice.compareTo(limitSqrtPrice);
        if (buy ? beyond >= 0 : beyond <= 0) {
            throw new SwapRejected(SwapError.PRICE_LIMIT_EXCEEDED);
        }
        V3Pool state = this;
        long remaining = amount;
        long paidIn = 0L;
        long paidOut = 0L;
        long fees = 0L;
        while (remaining != 0) {
            final Step step = state.step(buy, remaining, limitSqrtPrice, feeRate);
            if (zeroOutputIsError && step.deltaIn != 0 && step.deltaOut == 0) {
                throw new SwapRejected(SwapError.RESERVES_TOO_LOW);
            }
            final long taken = saturatingAdd(step.deltaIn, step.fee);
            paidIn = saturatingAdd(paidIn, step.deltaIn);
            fees = saturatingAdd(fees, step.fee);
            paidOut = saturatingAdd(paidOut, step.deltaOut);
            remaining = saturatingSubtract(remaining, taken);
            state = new V3Pool(step.finalSqrtPrice,
                    step.crossing ? saturatingSubtract(state.liquidity, positionLiquidity) : state.liquidity,
                    positionLiquidity);
            if (!step.crossing || taken == 0) {
                remaining = 0;
            }
        }
        return new Swap(paidIn, paidOut, fees, state);
    }

    private record Step(long deltaIn, long deltaOut, long fee, BigInteger finalSqrtPrice, boolean crossing) {
    }

    /** swap_step.rs {@code new / determine_action / process_swap}, one step. */
    private Step step(final boolean buy, final long remaining, final BigInteger limit, final int feeRate) {
        final BigInteger liquidityFixed = U64F64.ofRao(unsigned(liquidity));
        final BigInteger edge = buy ? V3Ticks.MAX_SQRT_PRICE : V3Ticks.MIN_SQRT_PRICE;
        long fee = WeightedPoolRao.fee(remaining, feeRate);
        final long possible = remaining - fee;
        final BigInteger target = target(buy, liquidityFixed, possible);
        final boolean crossing;
        final BigInteger finalPrice;
        final long deltaIn;
        if (closer(buy, target, limit) && closer(buy, target, edge)) {
            crossing = false;
            finalPrice = target;
            deltaIn = possible;
        } else if (closer(buy, limit, target) && closer(buy, limit, edge)) {
            crossing = false;
            finalPrice = limit;
            deltaIn = deltaIn(buy, liquidityFixed, limit);
            fee = WeightedPoolRao.feeOnTop(deltaIn, feeRate);
        } else {
            crossing = true;
            finalPrice = edge;
            deltaIn = deltaIn(buy, liquidityFixed, edge);
            fee = WeightedPoolRao.feeOnTop(deltaIn, feeRate);
        }
        // determine_action: stopping exactly at the edge crosses on a buy and stops on a sell
        final BigInteger naturalStop = closer(buy, limit, target) ? limit : target;
        final boolean crosses = naturalStop.equals(edge) ? buy : crossing;
        return new Step(deltaIn, convertDeltas(buy, deltaIn), fee, finalPrice, crosses);
    }

    /** swap_step.rs {@code price_is_closer}: a ≤ b on a buy, a ≥ b on a sell. */
    private static boolean closer(final boolean buy, final BigInteger a, final BigInteger b) {
        return buy ? a.compareTo(b) <= 0 : a.compareTo(b) >= 0;
    }

    /**
     * swap_step.rs {@code sqrt_price_target}: √p + Δ/L on a buy, 1/(Δ/L + 1/√p) on a sell; with no liquidity the
     * price limit of the direction ({@code max/min_price_inner} taken as a √p).
     */
    private BigInteger target(final boolean buy, final BigInteger liquidityFixed, final long delta) {
        if (liquidity == 0) {
            return U64F64.ofRao(unsigned(buy ? MAX_PRICE_RAO : MIN_PRICE_RAO));
        }
        final BigInteger perLiquidity = U64F64.div(U64F64.ofRao(unsigned(delta)), liquidityFixed);
        return buy ? U64F64.add(perLiquidity, sqrtPrice)
                : U64F64.div(U64F64.ONE, U64F64.add(perLiquidity, U64F64.div(U64F64.ONE, sqrtPrice)));
    }

    /** swap_step.rs {@code delta_in}: L·(√p' − √p) on a buy, L·(1/√p' − 1/√p) on a sell, floored. */
    private long deltaIn(final boolean buy, final BigInteger liquidityFixed, final BigInteger to) {
        final BigInteger span = buy ? U64F64.sub(to, sqrtPrice)
                : U64F64.sub(U64F64.div(U64F64.ONE, to), U64F64.div(U64F64.ONE, sqrtPrice));
        return U64F64.toRao(U64F64.mul(liquidityFixed, span));
    }

    /**
     * swap_step.rs {@code convert_deltas} at the step's starting price: a buy pays L/((L·√p + Δ)·√p)·Δ alpha, a
     * sell Δ·(L/(L/√p + Δ))·√p TAO, each product and quotient floored in U64F64.
     */
    long convertDeltas(final boolean buy, final long deltaIn) {
        if (deltaIn == 0) {
            return 0L;
        }
        final BigInteger liquidityFixed = U64F64.ofRao(unsigned(liquidity));
        final BigInteger delta = U64F64.ofRao(unsigned(deltaIn));
        if (buy) {
            final BigInteger denominator = U64F64.mul(U64F64.add(U64F64.mul(liquidityFixed, sqrtPrice), delta),
                    sqrtPrice);
            return U64F64.toRao(U64F64.mul(U64F64.div(liquidityFixed, denominator), delta));
        }
        final BigInteger denominator = U64F64.add(U64F64.div(liquidityFixed, sqrtPrice), delta);
        return U64F64.toRao(U64F64.mul(delta, U64F64.mul(U64F64.div(liquidityFixed, denominator), sqrtPrice)));
    }

    /** {@code saturating_round}: to the nearest whole number, halves up, at most the largest U64F64. */
    private static BigInteger roundSaturating(final BigInteger value) {
        return value.add(U64F64.ONE.shiftRight(1)).shiftRight(64).shiftLeft(64).min(U64F64.MAX);
    }
}
