package dtaosim.studies.stats;

import java.util.Arrays;

/**
 * Concentration of non-negative shares (emission by subnet): Gini coefficient, Herfindahl–Hirschman index and
 * the top-k share. Each works on the first {@code n} entries of an array and may reorder them (sorting in place),
 * so probes can call them on a scratch array without allocating.
 */
public final class Concentration {
    private Concentration() {
    }

    /**
     * Gini coefficient {@code Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σ x)}, computed after sorting ascending as
     * {@code Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n Σ x)} (i from 1); 0 for equal shares, (n−1)/n when one holds all; 0 when the
     * total is 0. Sorts {@code x[0, n)}.
     */
    public static double gini(final double[] x, final int n) {
        if (n == 0) {
            return 0.0;
        }
        Arrays.sort(x, 0, n);
        double total = 0.0;
        double weighted = 0.0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return total > 0.0 ? weighted / (n * total) : 0.0;
    }

    /** Herfindahl–Hirschman index {@code Σ (xᵢ/Σx)²} in [1/n, 1]; 0 when the total is 0. */
    public static double hhi(final double[] x, final int n) {
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += x[i];
        }
        if (!(total > 0.0)) {
            return 0.0;
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double s = x[i] / total;
            sum += s * s;
        }
        return sum;
    }

    /** Share of the total held by the {@code k} largest entries; 0 when the total is 0. Sorts {@code x[0, n)}. */
    public static double topShare(final double[] x, final int n, final int k) {
        Arrays.sort(x, 0, n);
        double total = 0.0;
        double top = 0.0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            if (i >= n - k) {
                top += x[i];
            }
        }
        return total > 0.0 ? top / total : 0.0;
    }
}
