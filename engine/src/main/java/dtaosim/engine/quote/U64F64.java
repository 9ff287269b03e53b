package dtaosim.engine.quote;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The chain's unsigned 64.64 fixed point ({@code substrate_fixed::types::U64F64}, encointer substrate-fixed
 * v0.6.0) as the {@link BigInteger} of its 128 bits, with the operations the V3 swap pallet uses: products and
 * quotients floored (the widened product shifted down, the shifted dividend divided), {@code saturating_*}
 * clamped to [0, 2^128 − 1], and safe_math's {@code safe_div} giving 0 on a zero divisor or an overflow.
 */
final class U64F64 {
    /** 1.0: 2^64. */
    static final BigInteger ONE = BigInteger.ONE.shiftLeft(64);
    /** The largest value, 2^128 − 1 bits. */
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger U64_MAX = ONE.subtract(BigInteger.ONE);

    private U64F64() {
    }

    /** {@code saturating_from_num(u64)}: exact. */
    static BigInteger ofRao(final BigInteger whole) {
        return whole.shiftLeft(64);
    }

    /** {@code saturating_from_num(f64)}: the double's exact value rounded to the nearest 2^-64, ties to even. */
    static BigInteger ofDouble(final double value) {
        final BigDecimal scaled = new BigDecimal(value).multiply(new BigDecimal(ONE));
        final BigInteger floor = scaled.toBigInteger();
        final int half = scaled.subtract(new BigDecimal(floor)).compareTo(new BigDecimal("0.5"));
        final BigInteger rounded = half > 0 || half == 0 && floor.testBit(0) ? floor.add(BigInteger.ONE) : floor;
        return rounded.min(MAX);
    }

    /** {@code saturating_mul}: floor(a·b / 2^64), at most {@link #MAX}. */
    static BigInteger mul(final BigInteger a, final BigInteger b) {
        return a.multiply(b).shiftRight(64).min(MAX);
    }

    /** {@code safe_div}: floor(a·2^64 / b); 0 when b is 0 or the quotient does not fit (checked_div's None). */
    static BigInteger div(final BigInteger a, final BigInteger b) {
        if (b.signum() == 0) {
            return BigInteger.ZERO;
        }
        final BigInteger quotient = a.shiftLeft(64).divide(b);
        return quotient.compareTo(MAX) > 0 ? BigInteger.ZERO : quotient;
    }

    /** {@code saturating_add}. */
    static BigInteger add(final BigInteger a, final BigInteger b) {
        return a.add(b).min(MAX);
    }

    /** {@code saturating_sub}. */
    static BigInteger sub(final BigInteger a, final BigInteger b) {
        return a.compareTo(b) <= 0 ? BigInteger.ZERO : a.subtract(b);
    }

    /** {@code saturating_to_num::<u64>()}: the integer part (floor), at most u64::MAX, as u64 bits. */
    static long toRao(final BigInteger value) {
        return value.shiftRight(64).min(U64_MAX).longValue();
    }

    /**
     * safe_math {@code checked_sqrt(epsilon)}: bisection on [0, max(v, 1)] until |v/m − m| ≤ ε, at most 129
     * halvings; the midpoint and the quotient floored as above (an overflowing or by-zero quotient is 0).
     */
    static BigInteger sqrt(final BigInteger value, final BigInteger epsilon) {
        BigInteger high;
        BigInteger low;
        if (value.compareTo(ONE) > 0) {
            high = value;
            low = BigInteger.ZERO;
        } else {
            high = ONE;
            low = value;
        }
        final BigInteger two = ONE.shiftLeft(1);
        BigInteger middle = div(add(high, low), two);
        BigInteger check = div(value, middle);
        int iteration = 0;
        while (check.subtract(middle).abs().compareTo(epsilon) > 0) {
            if (check.compareTo(middle) < 0) {
                high = middle;
            } else {
                low = middle;
            }
            middle = div(add(high, low), two);
            check = div(value, middle);
            iteration++;
            if (iteration > 128) {
                break;
            }
        }
        return middle;
    }
}
