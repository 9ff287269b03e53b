package dtaosim.engine.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * mechanics §5, the Balancer weighted pool in rao as the swap pallet computes it
 * ({@code pallets/swap/src/pallet/balancer.rs}, {@code swap_step.rs}, {@code impls.rs} at subtensor 14bc6f9f):
 * the same formulas as {@link WeightedPool}, with every intermediate value rounded where the chain rounds.
 *
 * <p>Representation: amounts are rao as the chain's u64, held in a {@code long} read as unsigned (so
 * {@link #MAX_RAO}, u64::MAX, is −1 as a signed {@code long}; compare with {@link Long#compareUnsigned}, convert
 * with {@link #unsigned}); sums and products saturate at u64::MAX as the chain's do. The quote weight is a
 * Perquintill, parts of {@value #ONE_PARTS}; prices are U64F64 values given by their 128 raw bits (value × 2^64)
 * as a {@link BigInteger}. Fixed-point multiplications and divisions truncate, as the {@code fixed} crate does.
 *
 * <p>Where this differs from the chain: the chain evaluates the weighted powers with
 * {@code safe_bigmath::pow_ratio_scaled} at scale 1e18 (see {@link PowRatio}). When the reduced exponent has
 * numerator and denominator ≤ 1024 (every weight with few digits: 0.5, 0.25, 0.773 …) the chain's result is
 * exact and so is this class's. Otherwise the chain uses ≥ 256-bit ln/exp and may floor one unit of 1e-18
 * away from the true value that this class floors, which moves an output by at most {@code reserve·1e-18}
 * rao before its final floor (≤ 0.03 rao for any reserve below 21M TAO), so results agree to ±1 rao.
 * Relative to the doubles of {@link WeightedPool} the floors cost up to about 1 rao per step, and the 1e-18
 * power scale about 1e-9 relative on outputs of 1e-9 of the reserve (the spec's "≈1e-9 relative").
 */
public final class WeightedPoolRao {
    /** Perquintill accuracy: a weight of 1.0 is 1e18 parts (balancer.rs {@code ACCURACY}). */
    public static final long ONE_PARTS = 1_000_000_000_000_000_000L;
    /** balancer.rs {@code MIN_WEIGHT}: 0.01 = 1e16 parts. */
    public static final long MIN_WEIGHT_PARTS = ONE_PARTS / 100;
    /** Perquintill 1/2, the default weight. */
    public static final long HALF_PARTS = ONE_PARTS / 2;
    /** rao per TAO, the divisor of limit prices given in rao per alpha (impls.rs {@code swap}). */
    public static final long RAO_PER_TAO = 1_000_000_000L;
    /** Marker for a rejected weight update or initialisation. */
    public static final long REJECTED = -1L;
    /** u64::MAX rao, the largest amount, as the unsigned bits of a {@code long}. */
    public static final long MAX_RAO = -1L;

    private static final BigInteger ONE_FIXED = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger ACCURACY = BigInteger.valueOf(ONE_PARTS);
    private static final BigInteger RAO = BigInteger.valueOf(RAO_PER_TAO);

    private WeightedPoolRao() {
    }

    /** A weight in [0, 1] as Perquintill parts, floored: {@code floor(w·1e18)}. */
    public static long quoteWeightParts(final BigDecimal weight) {
        return weight.movePointRight(18).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** sp_arithmetic {@code Perquintill::from_rational(p, q)}: {@code floor(p·1e18/q)}, 1.0 when p ≥ q. */
    public static long partsOfRational(final BigInteger p, final BigInteger q) {
        if (p.compareTo(q) >= 0) {
            return ONE_PARTS;
        }
        return p.multiply(ACCURACY).divide(q).longValueExact();
    }

    /** Whether both weights are at least 0.01 (balancer.rs {@code check_constraints}). */
    public static boolean isValidQuoteWeight(final long quoteParts) {
        return quoteParts >= MIN_WEIGHT_PARTS && ONE_PARTS - quoteParts >= MIN_WEIGHT_PARTS;
    }

    /**
     * balancer.rs {@code calculate_price}: U64F64 bits of {@code (w1/w2)·(y/x)}, each quotient and the product
     * truncated; 0 when x is 0 (impls.rs {@code current_price}).
     */
    public static BigInteger price(final long alphaReserve, final long taoReserve, final long quoteParts) {
        if (alphaReserve == 0) {
            return BigInteger.ZERO;
        }
        final BigInteger weightRatio = BigInteger.valueOf(ONE_PARTS - quoteParts).shiftLeft(64)
                .divide(BigInteger.valueOf(quoteParts));
        final BigInteger reserveRatio = unsigned(taoReserve).shiftLeft(64).divide(unsigned(alphaReserve));
        return weightRatio.multiply(reserveRatio).shiftRight(64).min(U128_MAX);
    }

    /** impls.rs {@code swap}: a limit of {@code raoPerAlpha} as U64F64 bits, {@code floor(limit·2^64/1e9)}. */
    public static BigInteger priceOfRaoPerAlpha(final long raoPerAlpha) {
        return unsigned(raoPerAlpha).shiftLeft(64).divide(RAO);
    }

    /**
     * A U64F64 price in rao per alpha, floored: {@code floor(bits·1e9/2^64)} (up to 2^64·1e9, as U64F64 holds
     * prices up to 2^64 TAO per alpha).
     */
    public static BigInteger raoPerAlpha(final BigInteger priceBits) {
        return priceBits.multiply(RAO).shiftRight(64);
    }

    /** A U64F64 price in TAO per alpha as the nearest double. */
    public static double taoPerAlpha(final BigInteger priceBits) {
        return new BigDecimal(priceBits).divide(new BigDecimal(ONE_FIXED)).doubleValue();
    }

    /**
     * impls.rs {@code calculate_fee_amount}: {@code floor(amount · (rate/65535))} with the rate first truncated
     * to U64F64, so an exact multiple of 65535 loses one rao (65535 rao at rate 33 pays 32).
     */
    public static long fee(final long amount, final int feeRate) {
        final BigInteger rate = BigInteger.valueOf(feeRate).shiftLeft(64)
                .divide(BigInteger.valueOf(WeightedPool.FEE_RATE_DENOMINATOR));
        return unsigned(amount).multiply(rate).shiftRight(64).longValue();
    }

    /**
     * swap_step.rs {@code determine_action}: the fee on top of a limit-sized input,
     * {@code floor(Δ · (rate/(65535 − rate)))} with the ratio truncated to U64F64.
     */
    public static long feeOnTop(final long delta, final int feeRate) {
        final BigInteger rate = BigInteger.valueOf(feeRate).shiftLeft(64)
                .divide(BigInteger.valueOf(WeightedPool.FEE_RATE_DENOMINATOR - feeRate));
        return toRao(unsigned(delta).multiply(rate).shiftRight(64));
    }

    /**
     * balancer.rs {@code exp_scaled}: U64F64 bits of {@code (r/(r+Δ))^(w1/w2)} when {@code baseQuote}, else
     * {@code ^(w2/w1)}: {@code floor(1e18·power)} by {@code pow_ratio_scaled}, then ÷ 1e18 truncated to U64F64,
     * capped at 1.0 for Δ added; 0 when {@code r ± Δ} is 0 or the scaled power does not fit a u64. The sum
     * saturates at u64::MAX and the difference at 0, as the chain's {@code saturating_add/sub}.
     */
    static BigInteger expScaled(final long reserve, final long delta, final long quoteParts,
                                final boolean baseQuote) {
        return expScaled(reserve, delta, false, quoteParts, baseQuote);
    }

    private static BigInteger expScaled(final long reserve, final long delta, final boolean deltaOut,
                                        final long quoteParts, final boolean baseQuote) {
        final long reservePlusDelta = deltaOut ? saturatingSubtract(reserve, delta) : saturatingAdd(reserve, delta);
        if (reservePlusDelta == 0) {
            return BigInteger.ZERO;
        }
        final BigInteger w1 = BigInteger.valueOf(ONE_PARTS - quoteParts);
        final BigInteger w2 = BigInteger.valueOf(quoteParts);
        final BigInteger scaled = PowRatio.floorScaledPow(unsigned(reserve), unsigned(reservePlusDelta),
                baseQuote ? w1 : w2, baseQuote ? w2 : w1, 256, ACCURACY);
        if (scaled == null || scaled.compareTo(U64_MAX) > 0) {
            return BigInteger.ZERO;
        }
        final BigInteger bits = scaled.shiftLeft(64).divide(ACCURACY);
        return deltaOut ? bits : bits.min(ONE_FIXED);
    }

    /**
     * mechanics §5 buy, swap_step.rs {@code convert_deltas} (TAO → alpha):
     * {@code floor(x · (1 − e))}, {@code e = exp_quote_base(y, Δy)} in U64F64.
     */
    public static long alphaOut(final long taoReserve, final long alphaReserve, final long quoteParts,
                                final long taoIn) {
        return oneMinusTimes(alphaReserve, expScaled(taoReserve, taoIn, quoteParts, false));
    }

    /**
     * mechanics §5 sell, swap_step.rs {@code convert_deltas} (alpha → TAO):
     * {@code floor(y · (1 − e))}, {@code e = exp_base_quote(x, Δx)} in U64F64.
     */
    public static long taoOut(final long taoReserve, final long alphaReserve, final long quoteParts,
                              final long alphaIn) {
        return oneMinusTimes(taoReserve, expScaled(alphaReserve, alphaIn, quoteParts, true));
    }

    private static long oneMinusTimes(final long reserve, final BigInteger e) {
        final BigInteger oneMinusE = ONE_FIXED.subtract(e).max(BigInteger.ZERO);
        return unsigned(reserve).multiply(oneMinusE).shiftRight(64).longValue();
    }

    /**
     * balancer.rs {@code calculate_quote_delta_in}: TAO (after fee) that lifts the price from {@code current} to
     * {@code target}, {@code floor(y·(floor(1e18·(p'/p)^w1)/1e18 − 1))} in U64F64; 0 when {@code target ≤
     * current} or {@code current} is 0.
     */
    public static long quoteDeltaIn(final BigInteger current, final BigInteger target, final long taoReserve,
                                    final long quoteParts) {
        return deltaIn(target, current, ONE_PARTS - quoteParts, taoReserve);
    }

    /**
     * balancer.rs {@code calculate_base_delta_in}: alpha (after fee) that lowers the price from {@code current}
     * to {@code target}, {@code floor(x·(floor(1e18·(p/p')^w2)/1e18 − 1))}; 0 when {@code target ≥ current}.
     */
    public static long baseDeltaIn(final BigInteger current, final BigInteger target, final long alphaReserve,
                                   final long quoteParts) {
        return deltaIn(current, target, quoteParts, alphaReserve);
    }

    private static long deltaIn(final BigInteger numerator, final BigInteger denominator, final long weightParts,
                                final long reserve) {
        final BigInteger scaled = PowRatio.floorScaledPow(numerator, denominator, BigInteger.valueOf(weightParts),
                ACCURACY, 1024, ACCURACY);
        if (scaled == null) {
            return 0L;
        }
        final BigInteger fixed = scaled.min(U64_MAX).shiftLeft(64).divide(ACCURACY);
        final BigInteger minusOne = fixed.subtract(ONE_FIXED).max(BigInteger.ZERO);
        return toRao(unsigned(reserve).multiply(minusOne).shiftRight(64));
    }

    /**
     * balancer.rs {@code get_base_needed_for_quote}: alpha (after fee) to sell for {@code taoOut} TAO,
     * {@code floor(x·(e − 1))}, {@code e = exp_scaled(y, −Δy)} with exponent w2/w1.
     */
    public static long baseNeededForQuote(final long taoReserve, final long alphaReserve, final long quoteParts,
                                          final long taoOut) {
        final BigInteger e = expScaled(taoReserve, taoOut, true, quoteParts, false);
        final BigInteger minusOne = e.subtract(ONE_FIXED).max(BigInteger.ZERO);
        return toRao(unsigned(alphaReserve).multiply(minusOne).shiftRight(64));
    }

    /** balancer.rs {@code mul_perquintill_round}: {@code value·parts/1e18} rounded half up, capped at u128. */
    static BigInteger mulPerquintillRound(final long parts, final BigInteger value) {
        return value.multiply(BigInteger.valueOf(parts)).add(ACCURACY.shiftRight(1)).divide(ACCURACY).min(U128_MAX);
    }

    /**
     * mechanics §5 injection, balancer.rs {@code update_weights_for_added_liquidity}: the new quote weight
     * {@code q2/(q1+q2)} (Perquintill, floored), {@code q1 = round(w1·y·(x+Δx))},
     * {@code q2 = round(w2·x·(y+Δy))};
     * 1/2 when both are 0; {@link #REJECTED} when a weight would fall below 0.01, in which case
     * {@code adjust_protocol_liquidity} injects nothing.
     */
    public static long quoteWeightAfterInjection(final long taoReserve, final long alphaReserve, final long taoIn,
                                                 final long alphaIn, final long quoteParts) {
        final BigInteger tao = unsigned(taoReserve);
        final BigInteger alpha = unsigned(alphaReserve);
        final BigInteger q1 = mulPerquintillRound(ONE_PARTS - quoteParts,
                tao.multiply(alpha.add(unsigned(alphaIn))).min(U128_MAX));
        final BigInteger q2 = mulPerquintillRound(quoteParts,
                alpha.multiply(tao.add(unsigned(taoIn))).min(U128_MAX));
        final BigInteger sum = q1.add(q2).min(U128_MAX);
        final long parts = sum.signum() != 0 ? partsOfRational(q2, sum) : HALF_PARTS;
        return isValidQuoteWeight(parts) ? parts : REJECTED;
    }

    /**
     * mechanics §5, impls.rs {@code maybe_initialize_palswap} with a price (vector #11): {@code w2 = y/(p·x + y)}
     * with {@code p·x = floor(p)·x + floor(x·frac(p))}; {@link #REJECTED} for the chain's
     * {@code ReservesOutOfBalance} (both reserves 0, or a weight below 0.01).
     */
    public static long initialQuoteWeight(final long taoReserve, final long alphaReserve,
                                          final BigInteger priceBits) {
        final BigInteger alpha = unsigned(alphaReserve);
        final BigInteger integerPart = priceBits.shiftRight(64).min(U64_MAX);
        final BigInteger fraction = priceBits.and(U64_MAX);
        final BigInteger priceTimesAlpha = integerPart.multiply(alpha).add(alpha.multiply(fraction).shiftRight(64));
        final BigInteger sum = priceTimesAlpha.add(unsigned(taoReserve));
        if (sum.signum() == 0) {
            return REJECTED;
        }
        final long parts = partsOfRational(unsigned(taoReserve), sum);
        return isValidQuoteWeight(parts) ? parts : REJECTED;
    }

    /** u64 {@code saturating_add}: {@code a + b}, or u64::MAX when the sum does not fit. */
    public static long saturatingAdd(final long a, final long b) {
        final long sum = a + b;
        return Long.compareUnsigned(sum, a) < 0 ? MAX_RAO : sum;
    }

    /** u64 {@code saturating_sub}: {@code a − b}, or 0 when b is larger. */
    public static long saturatingSubtract(final long a, final long b) {
        return Long.compareUnsigned(a, b) <= 0 ? 0L : a - b;
    }

    /** u64 {@code saturating_mul}: {@code a · b}, or u64::MAX when the product does not fit. */
    public static long saturatingMultiply(final long a, final long b) {
        if (a == 0 || b == 0) {
            return 0L;
        }
        return Long.compareUnsigned(a, Long.divideUnsigned(MAX_RAO, b)) > 0 ? MAX_RAO : a * b;
    }

    /** The smaller of two u64 amounts. */
    public static long min(final long a, final long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** A u64 amount (the unsigned bits of {@code rao}) as a number. */
    public static BigInteger unsigned(final long rao) {
        final BigInteger value = BigInteger.valueOf(rao & Long.MAX_VALUE);
        return rao < 0 ? value.setBit(63) : value;
    }

    /** A whole number ≥ 0 as a u64 amount, saturating at u64::MAX. */
    public static long toRao(final BigInteger value) {
        return value.min(U64_MAX).longValue();
    }
}
