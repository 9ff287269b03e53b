package dtaosim.engine.yuma;

/**
 * {@code exp(x)} for the liquid-alpha sigmoid, whose argument the chain clamps to ±20 (run_epoch.rs ::
 * alpha_sigmoid, exp_safe). Made of additions and multiplications only, so a vectorized loop computes the same
 * bits lane by lane, which {@link Math#exp} (an intrinsic whose vector forms differ by an ulp) would not give:
 * e^x = (e^(x/64))^64, the inner power by its Taylor series to degree 13 (|x/64| ≤ 0.3125, truncation below
 * 1e-17), then six squarings, which multiply the rounding error by up to 64: within 2e-14 of {@link Math#exp},
 * relatively, on [−20, 20] (tested; 1.3e-14 seen). No range reduction: its comparisons, or a bit cast for 2^k,
 * made C2 box a Vector API loop in some JVMs.
 */
public final class SigmoidExp {
    /** 1/n! for n = 2 … 13. */
    public static final double F2 = 0.5;
    public static final double F3 = 1.0 / 6.0;
    public static final double F4 = 1.0 / 24.0;
    public static final double F5 = 1.0 / 120.0;
    public static final double F6 = 1.0 / 720.0;
    public static final double F7 = 1.0 / 5040.0;
    public static final double F8 = 1.0 / 40320.0;
    public static final double F9 = 1.0 / 362880.0;
    public static final double F10 = 1.0 / 3628800.0;
    public static final double F11 = 1.0 / 39916800.0;
    public static final double F12 = 1.0 / 479001600.0;
    public static final double F13 = 1.0 / 6227020800.0;

    private SigmoidExp() {
    }

    /** e^x for |x| ≤ 20 (the caller clamps). */
    public static double exp(final double x) {
        final double y = x * 0x1p-6;
        double p = ((((((((((((F13 * y + F12) * y + F11) * y + F10) * y + F9) * y + F8) * y + F7) * y + F6)
                * y + F5) * y + F4) * y + F3) * y + F2) * y + 1.0) * y + 1.0;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p;
    }
}
