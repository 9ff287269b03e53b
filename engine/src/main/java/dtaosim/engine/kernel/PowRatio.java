package dtaosim.engine.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code floor(scale · (a/b)^(p/q))} for non-negative integers as the swap pallet gets it from
 * {@code safe_bigmath::SafeInt::pow_ratio_scaled} (mechanics §5; safe-bigmath 013c4998 {@code src/integer.rs},
 * called by {@code balancer.rs :: exp_scaled} at precision 256 and {@code calculate_quote/base_delta_in} at 1024).
 *
 * <p>The chain reduces p/q by their gcd. When both are at most {@value #MAX_EXACT_EXPONENT} it takes the exact
 * floored root of {@code a^p·scale^q / b^p}: here a {@link BigDecimal} estimate confirmed with integer powers,
 * which is that root exactly. Otherwise it evaluates {@code exp(p/q · (ln a − ln b))} in binary fixed point with
 * Taylor series that stop after at most {@code min(4096, precision + 24 + 128)} terms or once the rounded sum
 * stops changing, and this class repeats those operations term by term ({@link #fixedPointPow}). That fallback
 * is the exact floor, or within a unit of it, while {@code |p/q · ln(a/b)|} stays below about 137; beyond, its
 * exponential series ends before converging and returns values far from the true power (up to about 1e19 units
 * where the true value is below 1e-59), which the chain then uses and so does a quote.
 */
final class PowRatio {
    /** safe-bigmath's {@code MAX_EXACT_EXPONENT}: larger reduced exponents go through ln/exp. */
    static final int MAX_EXACT_EXPONENT = 1024;
    /** safe-bigmath's {@code DEFAULT_MAX_ITERS}, and the 24 guard bits of its fallback. */
    private static final int DEFAULT_MAX_ITERS = 4096;
    private static final int GUARD_BITS = 24;
    private static final int DIGITS = 110;
    private static final MathContext MC = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SERIES_EPSILON = BigDecimal.ONE.movePointLeft(DIGITS + 10);
    private static final BigDecimal LN_2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));

    private PowRatio() {
    }

    /**
     * {@code floor(scale · (num/den)^(expNum/expDen))}; {@code null} when {@code den} or {@code expDen} is 0 (the
     * chain's {@code None}); 0 when {@code num} is 0; {@code scale} when {@code expNum} is 0. All arguments ≥ 0.
     */
    static BigInteger floorScaledPow(final BigInteger num, final BigInteger den, final BigInteger expNum,
                                     final BigInteger expDen, final int precision, final BigInteger scale) {
        if (den.signum() == 0 || expDen.signum() == 0) {
            return null;
        }
        if (num.signum() == 0) {
            return BigInteger.ZERO;
        }
        if (expNum.signum() == 0) {
            return scale;
        }
        final BigInteger g = expNum.gcd(expDen);
        final BigInteger p = expNum.divide(g);
        final BigInteger q = expDen.divide(g);
        if (p.bitLength() > 31 || q.bitLength() > 31
                || p.intValue() > MAX_EXACT_EXPONENT || q.intValue() > MAX_EXACT_EXPONENT) {
            return fixedPointPow(num, den, p, q, precision, scale);
        }
        final BigDecimal exponent = new BigDecimal(p).divide(new BigDecimal(q), MC);
        final BigDecimal logRatio = ln(num).subtract(ln(den), MC);
        final BigDecimal power = exp(logRatio.multiply(exponent, MC));
        final BigInteger estimate = power.multiply(new BigDecimal(scale), MC).setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
        return exactFloorRoot(num, den, p.intValue(), q.intValue(), scale, estimate);
    }

    /**
     * safe-bigmath's fallback ({@code pow_ratio_scaled_with_max_iters} without a cap of its own): ln of the
     * numerator and denominator from mantissas near 1 ({@code ln_biguint}), their difference times p/q floored,
     * {@code exp_fixed}, rounded off its 24 guard bits and scaled; the same integer operations in the same order.
     */
    static BigInteger fixedPointPow(final BigInteger num, final BigInteger den, final BigInteger p,
                                    final BigInteger q, final int precision, final BigInteger scale) {
        final int requested = Math.max(Math.max(precision, 32), scale.bitLength() + 8);
        final int internalPrecision = requested + GUARD_BITS;
        final int maxIters = Math.max(1, Math.min(DEFAULT_MAX_ITERS, internalPrecision + 128));
        final BigInteger targetScale = BigInteger.ONE.shiftLeft(requested);
        final BigInteger guard = BigInteger.ONE.shiftLeft(GUARD_BITS);
        final BigInteger internalScale = targetScale.shiftLeft(GUARD_BITS);
        final BigInteger lnTwo = ln1p(internalScale.shiftRight(1).negate(), internalScale, guard, maxIters).negate();
        final BigInteger lnBase = fixedPointLn(num, internalPrecision, internalScale, guard, lnTwo, maxIters)
                .subtract(fixedPointLn(den, internalPrecision, internalScale, guard, lnTwo, maxIters));
        final BigInteger lnScaled = floorDiv(lnBase.multiply(p), q);
        final BigInteger exp = roundOffGuard(expSeries(lnScaled, internalScale, guard, maxIters), guard);
        return floorDiv(exp.multiply(scale), targetScale);
    }

    /** {@code ln_biguint}: ln of {@code value > 0} as ln1p of its mantissa in [0.5, 1.5) plus shift · ln 2. */
    private static BigInteger fixedPointLn(final BigInteger value, final int internalPrecision,
                                           final BigInteger internalScale, final BigInteger guard,
                                           final BigInteger lnTwo, final int maxIters) {
        int shift = Math.max(0, value.bitLength() - 1);
        BigInteger mantissa = value.shiftLeft(internalPrecision).shiftRight(shift);
        if (mantissa.compareTo(internalScale.add(internalScale.shiftRight(1))) >= 0) {
            mantissa = mantissa.shiftRight(1);
            shift++;
        }
        return ln1p(mantissa.subtract(internalScale), internalScale, guard, maxIters)
                .add(lnTwo.multiply(BigInteger.valueOf(shift)));
    }

    /**
     * {@code ln1p_fixed}: ln(1 + x) by its Taylor series in fixed point, each power floored; stops when a term
     * floors to 0, falls below the guard unit, or leaves the sum rounded off its guard bits unchanged.
     */
    private static BigInteger ln1p(final BigInteger x, final BigInteger scale, final BigInteger guard,
                                   final int maxIters) {
        BigInteger term = x;
        BigInteger result = x;
        BigInteger previous = roundOffGuard(result, guard);
        for (int n = 2; n <= maxIters; n++) {
            term = floorDiv(term.multiply(x), scale);
            if (term.signum() == 0) {
                break;
            }
            final BigInteger next = floorDiv(term, BigInteger.valueOf(n));
            if (next.signum() == 0) {
                break;
            }
            result = n % 2 == 0 ? result.subtract(next) : result.add(next);
            final BigInteger rounded = roundOffGuard(result, guard);
            if (next.abs().compareTo(guard) < 0 || rounded.equals(previous)) {
                break;
            }
            previous = rounded;
        }
        return result;
    }

    /** {@code exp_fixed}: e^x by its Taylor series in fixed point, with the stops of {@link #ln1p}. */
    private static BigInteger expSeries(final BigInteger x, final BigInteger scale, final BigInteger guard,
                                        final int maxIters) {
        BigInteger term = scale;
        BigInteger result = scale;
        BigInteger previous = roundOffGuard(result, guard);
        for (int n = 1; n <= maxIters; n++) {
            term = floorDiv(term.multiply(x), scale.multiply(BigInteger.valueOf(n)));
            if (term.signum() == 0) {
                break;
            }
            result = result.add(term);
            final BigInteger rounded = roundOffGuard(result, guard);
            if (term.abs().compareTo(guard) < 0 || rounded.equals(previous)) {
                break;
            }
            previous = rounded;
        }
        return result;
    }

    /** {@code round_to_precision}: value / guard truncated, then rounded half away from zero. */
    private static BigInteger roundOffGuard(final BigInteger value, final BigInteger guard) {
        final BigInteger[] qr = value.divideAndRemainder(guard);
        if (qr[1].signum() != 0 && qr[1].abs().shiftLeft(1).compareTo(guard) >= 0) {
            return qr[0].add(BigInteger.valueOf(qr[1].signum()));
        }
        return qr[0];
    }

    /** num-integer's {@code div_floor}: the quotient rounded towards −∞. */
    private static BigInteger floorDiv(final BigInteger a, final BigInteger b) {
        final BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** The largest c with {@code c^q · den^p ≤ num^p · scale^q}, searched from the estimate {@code c}. */
    private static BigInteger exactFloorRoot(final BigInteger num, final BigInteger den, final int p, final int q,
                                             final BigInteger scale, final BigInteger estimate) {
        final BigInteger target = num.pow(p).multiply(scale.pow(q));
        final BigInteger denPow = den.pow(p);
        BigInteger c = estimate.max(BigInteger.ZERO);
        while (c.signum() > 0 && c.pow(q).multiply(denPow).compareTo(target) > 0) {
            c = c.subtract(BigInteger.ONE);
        }
        while (c.add(BigInteger.ONE).pow(q).multiply(denPow).compareTo(target) <= 0) {
            c = c.add(BigInteger.ONE);
        }
        return c;
    }

    /** Natural logarithm of an integer {@code n > 0}: {@code n = m·2^k} with m in [0.75, 1.5]. */
    private static BigDecimal ln(final BigInteger n) {
        int k = n.bitLength() - 1;
        BigDecimal m = new BigDecimal(n).divide(new BigDecimal(BigInteger.ONE.shiftLeft(k)), MC);
        if (m.compareTo(new BigDecimal("1.5")) > 0) {
            m = m.divide(TWO, MC);
            k++;
        }
        final BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        return atanhSeries(z).add(LN_2.multiply(BigDecimal.valueOf(k), MC), MC);
    }

    /** {@code 2·atanh(z) = ln((1+z)/(1−z))} by its odd power series, for |z| ≤ 1/3. */
    private static BigDecimal atanhSeries(final BigDecimal z) {
        final BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int k = 3; ; k += 2) {
            power = power.multiply(z2, MC);
            final BigDecimal term = power.divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(SERIES_EPSILON) < 0) {
                return sum.multiply(TWO, MC);
            }
        }
    }

    /** {@code e^t = 2^n · e^r} with {@code n = round(t / ln 2)}, |r| ≤ 0.35, r by its Taylor series. */
    private static BigDecimal exp(final BigDecimal t) {
        final BigInteger n = t.divide(LN_2, MC).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        final BigDecimal r = t.subtract(LN_2.multiply(new BigDecimal(n), MC), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; ; k++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(SERIES_EPSILON) < 0) {
                break;
            }
        }
        final BigDecimal twoToN = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(n.intValueExact())));
        return n.signum() >= 0 ? sum.multiply(twoToN, MC) : sum.divide(twoToN, MC);
    }
}
