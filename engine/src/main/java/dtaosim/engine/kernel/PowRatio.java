package dtaosim.engine.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code floor(scale · (a/b)^(p/q))} for non-negative integers, the quantity the swap pallet takes from
 * {@code safe_bigmath::SafeInt::pow_ratio_scaled} (mechanics §5; used by {@code balancer.rs :: exp_scaled},
 * {@code calculate_quote_delta_in} and {@code calculate_base_delta_in}).
 *
 * <p>The chain reduces p/q by their gcd; when both are at most {@value #MAX_EXACT_EXPONENT} it takes the exact
 * floored root of {@code a^p·scale^q / b^p}, otherwise a ≥ 256-bit fixed-point ln/exp. Here the power is
 * evaluated with {@link BigDecimal} logarithm and exponential series at {@value #DIGITS} significant digits and
 * floored; in the chain's exact case the floor is then confirmed with integer powers, so the result is the
 * chain's exactly. In the ln/exp case the chain's own result may differ from the true floor by one unit of
 * {@code scale} (1e-18 at the pallet's scale), which this class does not reproduce.
 */
final class PowRatio {
    /** safe-bigmath's {@code MAX_EXACT_EXPONENT}: larger reduced exponents go through ln/exp. */
    static final int MAX_EXACT_EXPONENT = 1024;
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
                                     final BigInteger expDen, final BigInteger scale) {
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
        final BigDecimal exponent = new BigDecimal(p).divide(new BigDecimal(q), MC);
        final BigDecimal logRatio = ln(num).subtract(ln(den), MC);
        final BigDecimal power = exp(logRatio.multiply(exponent, MC));
        BigInteger floor = power.multiply(new BigDecimal(scale), MC).setScale(0, RoundingMode.FLOOR).toBigInteger();
        if (p.bitLength() <= 31 && q.bitLength() <= 31
                && p.intValue() <= MAX_EXACT_EXPONENT && q.intValue() <= MAX_EXACT_EXPONENT) {
            floor = exactFloorRoot(num, den, p.intValue(), q.intValue(), scale, floor);
        }
        return floor.max(BigInteger.ZERO);
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
