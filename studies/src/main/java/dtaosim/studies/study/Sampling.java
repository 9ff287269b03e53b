package dtaosim.studies.study;

/**
 * When a study samples its time series: {@code count} block offsets spread evenly over the horizon, the last
 * at the final block, so the series' memory depends on the number of samples, not of blocks.
 */
public final class Sampling {
    private Sampling() {
    }

    /** Offsets (0 = the first simulated block) of {@code count} samples over {@code blocks} blocks. */
    public static int[] offsets(final int blocks, final int count) {
        final int n = Math.min(blocks, count);
        final int[] offsets = new int[n];
        for (int j = 0; j < n; j++) {
            offsets[j] = (int) ((long) (j + 1) * blocks / n) - 1;
        }
        return offsets;
    }
}
