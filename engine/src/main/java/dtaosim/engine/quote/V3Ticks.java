package dtaosim.engine.quote;

import java.math.BigInteger;

/**
 * The V3 swap pallet's tick prices (swap pallet tick.rs at bac8246: {@code get_sqrt_ratio_at_tick},
 * {@code try_to_sqrt_price}, {@code from_sqrt_price_bounded}), the Uniswap V3 TickMath: √1.0001^tick in Q64.96
 * from the 2^128-scaled factors √1.0001^(−2^k), rounded up, then to U64F64 rounded up again. Ticks run over
 * [−443,636, 443,636] (half Uniswap's range, so that prices fit U64F64); the protocol's full-range position
 * spans exactly that, so these two ends are the only ticks a swap can meet.
 */
final class V3Ticks {
    /** {@code TickIndex::MIN}. */
    static final int MIN_TICK = -443_636;
    /** {@code TickIndex::MAX}. */
    static final int MAX_TICK = 443_636;
    /** Uniswap's factor for tick bit 0 and 1 (no factor), then for bits 1 … 19: 2^128 / √1.0001^(2^k). */
    private static final BigInteger[] FACTORS = {
        new BigInteger("fffcb933bd6fad37aa2d162d1a594001", 16),
        new BigInteger("100000000000000000000000000000000", 16),
        new BigInteger("fff97272373d413259a46990580e213a", 16),
        new BigInteger("fff2e50f5f656932ef12357cf3c7fdcc", 16),
        new BigInteger("ffe5caca7e10e4e61c3624eaa0941cd0", 16),
        new BigInteger("ffcb9843d60f6159c9db58835c926644", 16),
        new BigInteger("ff973b41fa98c081472e6896dfb254c0", 16),
        new BigInteger("ff2ea16466c96a3843ec78b326b52861", 16),
        new BigInteger("fe5dee046a99a2a811c461f1969c3053", 16),
        new BigInteger("fcbe86c7900a88aedcffc83b479aa3a4", 16),
        new BigInteger("f987a7253ac413176f2b074cf7815e54", 16),
        new BigInteger("f3392b0822b70005940c7a398e4b70f3", 16),
        new BigInteger("e7159475a2c29b7443b29c7fa6e889d9", 16),
        new BigInteger("d097f3bdfd2022b8845ad8f792aa5825", 16),
        new BigInteger("a9f746462d870fdf8a65dc1f90e061e5", 16),
        new BigInteger("70d869a156d2a1b890bb3df62baf32f7", 16),
        new BigInteger("31be135f97d08fd981231505542fcfa6", 16),
        new BigInteger("9aa508b5b7a84e1c677de54f3e99bc9", 16),
        new BigInteger("5d6af8dedb81196699c329225ee604", 16),
        new BigInteger("2216e584f5fa1ea926041bedfe98", 16),
        new BigInteger("48a170391f7dc42444e8fa2", 16),
    };
    private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    /** √p of the lowest tick as U64F64 bits: where a sell stops whatever its limit. */
    static final BigInteger MIN_SQRT_PRICE = sqrtPrice(MIN_TICK);
    /** √p of the highest tick as U64F64 bits: where a buy stops. */
    static final BigInteger MAX_SQRT_PRICE = sqrtPrice(MAX_TICK);
    private static final BigInteger ABOVE_MIN_Q96 = sqrtRatio(MIN_TICK + 1);
    private static final BigInteger MAX_Q96 = sqrtRatio(MAX_TICK);

    private V3Ticks() {
    }

    /** {@code get_sqrt_ratio_at_tick}: √1.0001^tick in Q64.96, rounded up. */
    static BigInteger sqrtRatio(final int tick) {
        final int abs = Math.abs(tick);
        BigInteger ratio = (abs & 1) != 0 ? FACTORS[0] : FACTORS[1];
        for (int bit = 1; bit < 20; bit++) {
            if ((abs & (1 << bit)) != 0) {
                ratio = ratio.multiply(FACTORS[bit + 1]).shiftRight(128);
            }
        }
        if (tick > 0) {
            ratio = U256_MAX.divide(ratio);
        }
        return roundUpShift(ratio, 32);
    }

    /** {@code try_to_sqrt_price}: the Q64.96 ratio to U64F64, rounded up. */
    static BigInteger sqrtPrice(final int tick) {
        return roundUpShift(sqrtRatio(tick), 32);
    }

    /**
     * Where {@code from_sqrt_price_bounded} puts a √p: −1 at or below {@code TickIndex::MIN} (also below the
     * tick math's range), +1 at or above {@code TickIndex::MAX}, 0 strictly between (the tick is the greatest
     * whose ratio is ≤ √p in Q64.96, as the pallet's post-checked estimate).
     */
    static int bound(final BigInteger sqrtPrice) {
        final BigInteger q96 = sqrtPrice.shiftLeft(32);
        if (q96.compareTo(MAX_Q96) >= 0) {
            return 1;
        }
        return q96.compareTo(ABOVE_MIN_Q96) < 0 ? -1 : 0;
    }

    private static BigInteger roundUpShift(final BigInteger value, final int bits) {
        final BigInteger shifted = value.shiftRight(bits);
        return value.getLowestSetBit() < bits && value.signum() != 0 ? shifted.add(BigInteger.ONE) : shifted;
    }
}
