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
        int size = n;
        for (int k = 0; k < n; k++) {
            current[k] = k;
        }
        double partitionLo = 0.0;
        double partitionHi = stakeSum;
        for (int iteration = 0; iteration <= n; iteration++) {
            if (size == 0) {
                return 0.0;
            }
            if (size == 1) {
                return score[current[0]];
            }
            final double pivot = score[current[size / 2]];
            double loStake = 0.0;
            double hiStake = 0.0;
            int nLower = 0;
            int nUpper = 0;
            for (int k = 0; k < size; k++) {
                final int idx = current[k];
                final double x = score[idx];
                if (x == pivot) {
                    continue;
                }
                if (x < pivot) {
                    loStake += stake[idx];
                    lower[nLower++] = idx;
                } else {
                    hiStake += stake[idx];
                    upper[nUpper++] = idx;
                }
            }
            if (minority < partitionLo + loStake && nLower > 0) {
                System.arraycopy(lower, 0, current, 0, nLower);
                size = nLower;
                partitionHi = partitionLo + loStake;
            } else if (partitionHi - hiStake <= minority && nUpper > 0) {
                System.arraycopy(upper, 0, current, 0, nUpper);
                size = nUpper;
                partitionLo = partitionHi - hiStake;
            } else {
                return pivot;
            }
        }
        return 0.0;
    }
}
