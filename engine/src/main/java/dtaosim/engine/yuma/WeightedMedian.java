package dtaosim.engine.yuma;

/**
 * The chain's stake-weighted quantile (subtensor {@code epoch/math.rs :: weighted_median}): a selection by mid
 * pivot that returns the smallest score x whose stake at or below x exceeds {@code minority = Σstake − κ}.
 * Allocation-free: the caller lends three index buffers of at least {@code n} entries.
 */
public final class WeightedMedian {
    private WeightedMedian() {
    }

    /**
     * mechanics §4 consensus of one column.
     *
     * @param stake    stake of the n entries (normalised, all {@code > 0})
     * @param score    their scores
     * @param n        entries used, from index 0
     * @param minority {@code stakeSum − κ}
     * @param stakeSum Σ stake (≈ 1)
     * @param current  scratch
     * @param lower    scratch
     * @param upper    scratch
     */
    public static double quantile(final double[] stake, final double[] score, final int n, final double minority,
                                  final double stakeSum, final int[] current, final int[] lower, final int[] upper) {
        int[] cur = current;
        int[] lo = lower;
        int[] hi = upper;
        int size = n;
        for (int k = 0; k < n; k++) {
            cur[k] = k;
        }
        double partitionLo = 0.0;
        double partitionHi = stakeSum;
        for (int iteration = 0; iteration <= n; iteration++) {
            if (size == 0) {
                return 0.0;
            }
            if (size == 1) {
                return score[cur[0]];
            }
            final double pivot = score[cur[size / 2]];
            double loStake = 0.0;
            double hiStake = 0.0;
            int nLower = 0;
            int nUpper = 0;
            // branch-free partition (scores equal to the pivot go to neither side), in the chain's order
            for (int k = 0; k < size; k++) {
                final int idx = cur[k];
                final double x = score[idx];
                final double st = stake[idx];
                final boolean below = x < pivot;
                final boolean above = x > pivot;
                lo[nLower] = idx;
                hi[nUpper] = idx;
                nLower += below ? 1 : 0;
                nUpper += above ? 1 : 0;
                loStake += below ? st : 0.0;
                hiStake += above ? st : 0.0;
            }
            if (minority < partitionLo + loStake && nLower > 0) {
                final int[] free = cur;
                cur = lo;
                lo = free;
                size = nLower;
                partitionHi = partitionLo + loStake;
            } else if (partitionHi - hiStake <= minority && nUpper > 0) {
                final int[] free = cur;
                cur = hi;
                hi = free;
                size = nUpper;
                partitionLo = partitionHi - hiStake;
            } else {
                return pivot;
            }
        }
        return 0.0;
    }
}
