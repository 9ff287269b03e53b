package dtaosim.engine.yuma;

/**
 * A port of the chain's stake-weighted quantile (subtensor {@code epoch/math.rs :: weighted_median}): a selection
 * by mid pivot that returns the smallest score x whose stake at or below x exceeds {@code minority = Σstake − κ}.
 * Each round keeps, in order, the entries below or above the pivot (those equal to it drop out), as the chain's
 * lists do, so the pivots are the chain's; its partial sums round in doubles where the chain's fixed point is
 * exact, so near a tie it may pick a neighbour, which {@link ScalarYumaKernels} checks. Allocation-free: the
 * caller lends a scratch of {@code 6·n} doubles, three (score, stake) buffers that the rounds rotate through.
 */
final class PivotSelection {
    private PivotSelection() {
    }

    /**
     * mechanics §4 consensus of one column.
     *
     * @param score    the n scores at {@code [scoreOff, scoreOff + n)}
     * @param scoreOff offset of the first score
     * @param stake    their stakes at {@code [0, n)} (normalised, all {@code > 0})
     * @param n        entries
     * @param minority {@code stakeSum − κ}
     * @param stakeSum Σ stake (≈ 1)
     * @param scratch  at least {@code 6·n} doubles
     */
    static double quantile(final double[] score, final int scoreOff, final double[] stake, final int n,
                           final double minority, final double stakeSum, final double[] scratch) {
        double[] srcScore = score;
        int scoreAt = scoreOff;
        double[] srcStake = stake;
        int stakeAt = 0;
        int currentBuffer = 2; // the input is "buffer 2", so the first round writes buffers 0 and 1
        int size = n;
        double partitionLo = 0.0;
        double partitionHi = stakeSum;
        for (int iteration = 0; iteration <= n; iteration++) {
            if (size == 0) {
                return 0.0;
            }
            if (size == 1) {
                return srcScore[scoreAt];
            }
            final double pivot = srcScore[scoreAt + size / 2];
            final int lowBuffer = currentBuffer == 2 ? 0 : currentBuffer + 1;
            final int highBuffer = lowBuffer == 2 ? 0 : lowBuffer + 1;
            final int loScore = lowBuffer * n;
            final int loStakeAt = (3 + lowBuffer) * n;
            final int hiScore = highBuffer * n;
            final int hiStakeAt = (3 + highBuffer) * n;
            double loStake = 0.0;
            double hiStake = 0.0;
            int nLower = 0;
            int nUpper = 0;
            for (int k = 0; k < size; k++) {
                final double x = srcScore[scoreAt + k];
                final double st = srcStake[stakeAt + k];
                // sign bits of x − pivot and pivot − x: 1 below (above), both 0 when equal. Arithmetic instead
                // of compares, which C2 turns into branches that mispredict on real columns
                final long below = Double.doubleToRawLongBits(x - pivot) >>> 63;
                final long above = Double.doubleToRawLongBits(pivot - x) >>> 63;
                scratch[loScore + nLower] = x;
                scratch[loStakeAt + nLower] = st;
                scratch[hiScore + nUpper] = x;
                scratch[hiStakeAt + nUpper] = st;
                nLower += (int) below;
                nUpper += (int) above;
                loStake += st * below;
                hiStake += st * above;
            }
            if (minority < partitionLo + loStake && nLower > 0) {
                currentBuffer = lowBuffer;
                size = nLower;
                partitionHi = partitionLo + loStake;
            } else if (partitionHi - hiStake <= minority && nUpper > 0) {
                currentBuffer = highBuffer;
                size = nUpper;
                partitionLo = partitionHi - hiStake;
            } else {
                return pivot;
            }
            srcScore = scratch;
            srcStake = scratch;
            scoreAt = currentBuffer * n;
            stakeAt = (3 + currentBuffer) * n;
        }
        return 0.0;
    }
}
