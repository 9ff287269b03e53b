package dtaosim.studies.stats;

/**
 * Confidence intervals of the studies: Wilson's score interval for a proportion, and the Student-t interval of
 * a mean (used for per-path means and paired differences). Both at 95 % by default.
 */
public final class Intervals {
    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;
    /** Two-sided 97.5 % Student-t quantiles for 1..30 degrees of freedom (tables; above 30 the normal's z). */
    private static final double[] T975 = {12.7062, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.30600,
        2.26216, 2.22814, 2.20099, 2.17881, 2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092, 2.09302, 2.08596,
        2.07961, 2.07387, 2.06866, 2.06390, 2.05954, 2.05553, 2.05183, 2.04841, 2.04523, 2.04227};

    private Intervals() {
    }

    /**
     * Wilson's score interval for {@code successes} out of {@code trials} at normal quantile {@code z}:
     * {@code (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)}. Unlike p̂ ± z·se it stays inside [0, 1] and
     * is not empty at 0 or n successes.
     *
     * @return {lower, upper}
     */
    public static double[] wilson(final long successes, final long trials, final double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("wilson: " + successes + " of " + trials + " is not a proportion");
        }
        final double n = trials;
        final double p = successes / n;
        final double z2 = z * z;
        final double centre = p + z2 / (2 * n);
        final double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        final double denominator = 1 + z2 / n;
        // the ends are exact at 0 and n successes (the formula gives them only up to rounding)
        final double lower = successes == 0 ? 0.0 : Math.max(0.0, (centre - half) / denominator);
        final double upper = successes == trials ? 1.0 : Math.min(1.0, (centre + half) / denominator);
        return new double[] {lower, upper};
    }

    /** 95 % Wilson interval. */
    public static double[] wilson(final long successes, final long trials) {
        return wilson(successes, trials, Z95);
    }

    /**
     * Mean of {@code values} with its two-sided 95 % Student-t interval {@code mean ± t·s/√n} (s the sample
     * standard deviation); with one value the interval is that value.
     *
     * @return {mean, lower, upper}
     */
    public static double[] mean(final double[] values) {
        final int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("mean of an empty sample");
        }
        double sum = 0.0;
        for (final double v : values) {
            sum += v;
        }
        final double mean = sum / n;
        if (n == 1) {
            return new double[] {mean, mean, mean};
        }
        double squares = 0.0;
        for (final double v : values) {
            squares += (v - mean) * (v - mean);
        }
        final double half = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new double[] {mean, mean - half, mean + half};
    }

    /** The 97.5 % quantile of Student's t with {@code df} degrees of freedom (table to 30, then z). */
    public static double t975(final int df) {
        if (df < 1) {
            throw new IllegalArgumentException("t975: " + df + " degrees of freedom");
        }
        return df <= T975.length ? T975[df - 1] : Z95;
    }
}
