package dtaosim.engine.yuma;

/**
 * {@code exp(x)} for the liquid-alpha sigmoid, whose argument the chain clamps to ±20 (run_epoch.rs ::
 * alpha_sigmoid, exp_safe). Made of additions and multiplications only, so the Vector API twin
 * ({@code simd.VectorYumaKernels}) computes the same bits lane by lane, which {@link Math#exp} (an intrinsic whose
 * vector form differs by an ulp) would not give. Cody–Waite reduction {@code x = k·ln 2 + r}, |r| ≤ ln 2 / 2, then
 * the Taylor series of e^r to degree 13 (truncation below 1e-17) and 2^k as a product of exact powers of two
 * chosen by comparisons (no bit casts, which the JDK 17 Vector API does not always compile inline); within a few
 * ulp of {@link Math#exp} on [−20, 20] (tested).
 */
public final class SigmoidExp {
    /** log2(e). */
    public static final double LOG2_E = 1.4426950408889634;
    /** ln 2, high part: its trailing bits are zero, so k·LN2_HI is exact for |k| &lt; 2^11 (fdlibm's split). */
    public static final double LN2_HI = 0x1.62e42feep-1;
    /** ln 2 − LN2_HI. */
    public static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 1.5·2^52: adding and subtracting it rounds to an integer, whose low bits the sum's bit pattern holds. */
    public static final double ROUND = 0x1.8p52;
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

    /** e^x for |x| ≤ 20 (the caller clamps: 2^k covers k ∈ [−32, 31]). */
    public static double exp(final double x) {
        final double k = (x * LOG2_E + ROUND) - ROUND;
        final double r = (x - k * LN2_HI) - k * LN2_LO;
        final double p = ((((((((((((F13 * r + F12) * r + F11) * r + F10) * r + F9) * r + F8) * r + F7) * r + F6)
                * r + F5) * r + F4) * r + F3) * r + F2) * r + 1.0) * r + 1.0;
        // 2^k = 2^−32 · 2^(k + 32), the latter from the binary digits of k + 32 ∈ [0, 63]
        double t = k + 32.0;
        double scale = 0x1p-32;
        if (t >= 32.0) {
            scale *= 0x1p32;
            t -= 32.0;
        }
        if (t >= 16.0) {
            scale *= 0x1p16;
            t -= 16.0;
        }
        if (t >= 8.0) {
            scale *= 0x1p8;
            t -= 8.0;
        }
        if (t >= 4.0) {
            scale *= 0x1p4;
            t -= 4.0;
        }
        if (t >= 2.0) {
            scale *= 0x1p2;
            t -= 2.0;
        }
        if (t >= 1.0) {
            scale *= 2.0;
        }
        return p * scale;
    }
}
