package dtaosim.studies.stats;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics, numpy's default method ("linear",
 * Hyndman and Fan type 7): the q-quantile of n sorted values sits at index h = (n − 1)·q.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The quantiles {@code qs} (each in [0, 1]) of {@code values}; the input is not modified. */
    public static double[] of(final double[] values, final double... qs) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantiles of an empty sample");
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final double[] out = new double[qs.length];
        for (int k = 0; k < qs.length; k++) {
            out[k] = ofSorted(sorted, qs[k]);
        }
        return out;
    }

    /** The q-quantile of values already sorted ascending. */
    public static double ofSorted(final double[] sorted, final double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile: " + q + " is not in [0, 1]");
        }
        final double h = (sorted.length - 1) * q;
        final int lo = (int) Math.floor(h);
        final int hi = Math.min(lo + 1, sorted.length - 1);
        return lerp(sorted[lo], sorted[hi], h - lo);
    }

    /** Linear interpolation from the nearer end, as numpy does, so the result is exact at t = 0 and t = 1. */
    static double lerp(final double a, final double b, final double t) {
        final double diff = b - a;
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }
}
