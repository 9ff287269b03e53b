package dtaosim.engine.yuma;

import java.util.Arrays;

/**
 * {@link YumaKernels} in plain loops. The consensus goes one column at a time: the chain's pivot selection
 * proposes a value and two row-order sums confirm it; failing that, the column's weights are sorted and searched
 * for the first whose stake at or below it exceeds the minority. S(x) grows with x (non-negative terms added in a
 * fixed order round monotonically), so either way the result is the smallest such value. Allocation-free.
 */
public final class ScalarYumaKernels implements YumaKernels {
    private final double[] column;
    private final double[] sorted;
    private final double[] pivotScratch;
    private final double[] partialSums = new double[8];
    private final double[] liquidScratch;

    /** A workspace for up to {@code validators} rows and {@code miners} columns. */
    public ScalarYumaKernels(final int validators, final int miners) {
        column = new double[validators];
        sorted = new double[validators];
        pivotScratch = new double[6 * validators];
        liquidScratch = new double[miners];
    }

    @Override
    public void quantiles(final double[] w, final int miners, final int[] rows, final double[] stake,
                          final int used, final double minority, final double[] out) {
        for (int j = 0; j < miners; j++) {
            out[j] = column(w, miners, j, rows, stake, used, minority);
        }
    }

    @Override
    public void clipAndRank(final double[] w, final int row, final double[] consensus, final double stake,
                            final double[] ranks, final double[] unclipped, final int m) {
        clipAndRankFrom(0, w, row, consensus, stake, ranks, unclipped, m);
    }

    /** {@link #clipAndRank} for the columns j ∈ [first, m) (also the Vector API twin's tail). */
    public static void clipAndRankFrom(final int first, final double[] w, final int row, final double[] consensus,
                                       final double stake, final double[] ranks, final double[] unclipped,
                                       final int m) {
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            ranks[j] += Math.min(wij, consensus[j]) * stake;
            unclipped[j] += wij * stake;
        }
    }

    @Override
    public void bondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                        final double alpha, final double[] bonds, final int bondRow, final double[] columnSum,
                        final int m) {
        bondRowFrom(0, w, row, consensus, penalty, alpha, bonds, bondRow, columnSum, m);
    }

    /** {@link #bondRow} for the columns j ∈ [first, m). */
    public static void bondRowFrom(final int first, final double[] w, final int row, final double[] consensus,
                                   final double penalty, final double alpha, final double[] bonds,
                                   final int bondRow, final double[] columnSum, final int m) {
        final double keep = 1.0 - alpha;
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            final double wb = wij + penalty * (Math.min(wij, consensus[j]) - wij);
            final double nb = alpha * wb + keep * bonds[bondRow + j];
            bonds[bondRow + j] = nb;
            columnSum[j] += nb;
        }
    }

    @Override
    public void liquidBondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                              final double low, final double high, final double steepness, final double[] bonds,
                              final int bondRow, final double[] columnSum, final int m) {
        liquidBondRowFrom(0, w, row, consensus, penalty, low, high, steepness, bonds, bondRow, columnSum, m,
                liquidScratch);
    }

    /**
     * {@link #liquidBondRow} for the columns j ∈ [first, m), in three passes through {@code scratch} (at least m
     * doubles): the sigmoid's exponent, the sigmoid, the bond. The middle pass is plain arithmetic, which C2
     * vectorizes by itself; the Vector API version of all three passes was boxed in some JVMs.
     */
    public static void liquidBondRowFrom(final int first, final double[] w, final int row,
                                         final double[] consensus, final double penalty, final double low,
                                         final double high, final double steepness, final double[] bonds,
                                         final int bondRow, final double[] columnSum, final int m,
                                         final double[] scratch) {
        final double slope = steepness / -100.0;
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            final double c = consensus[j];
            final double b = bonds[bondRow + j];
            final double wb = wij + penalty * (Math.min(wij, c) - wij);
            final double combined = wb >= b ? Math.min(1.0, Math.max(0.0, wb - c))
                    : Math.min(1.0, Math.max(0.0, b - wb));
            scratch[j] = Math.min(20.0, Math.max(-20.0, slope * (combined - 0.5)));
        }
        for (int j = first; j < m; j++) {
            scratch[j] = 1.0 / (1.0 + SigmoidExp.exp(scratch[j]));
        }
        final double range = high - low;
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            final double wb = wij + penalty * (Math.min(wij, consensus[j]) - wij);
            final double alpha = Math.min(high, Math.max(low, low + scratch[j] * range));
            final double nb = Math.min(1.0, (1.0 - alpha) * bonds[bondRow + j] + Math.max(0.0, alpha * wb));
            bonds[bondRow + j] = nb;
            columnSum[j] += nb;
        }
    }

    @Override
    public void classicSums(final double[] w, final int row, final double[] consensus, final double penalty,
                            final double stake, final double[] bonds, final int bondRow, final double[] oldSum,
                            final double[] deltaSum, final int m) {
        classicSumsFrom(0, w, row, consensus, penalty, stake, bonds, bondRow, oldSum, deltaSum, m);
    }

    /** {@link #classicSums} for the columns j ∈ [first, m). */
    public static void classicSumsFrom(final int first, final double[] w, final int row, final double[] consensus,
                                       final double penalty, final double stake, final double[] bonds,
                                       final int bondRow, final double[] oldSum, final double[] deltaSum,
                                       final int m) {
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            final double wb = wij + penalty * (Math.min(wij, consensus[j]) - wij);
            oldSum[j] += bonds[bondRow + j];
            deltaSum[j] += wb * stake;
        }
    }

    @Override
    public void classicBondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                               final double stake, final double alpha, final double[] bonds, final int bondRow,
                               final double[] oldFactor, final double[] deltaFactor, final double[] newSum,
                               final int m) {
        classicBondRowFrom(0, w, row, consensus, penalty, stake, alpha, bonds, bondRow, oldFactor, deltaFactor,
                newSum, m);
    }

    /** {@link #classicBondRow} for the columns j ∈ [first, m). */
    public static void classicBondRowFrom(final int first, final double[] w, final int row,
                                          final double[] consensus, final double penalty, final double stake,
                                          final double alpha, final double[] bonds, final int bondRow,
                                          final double[] oldFactor, final double[] deltaFactor,
                                          final double[] newSum, final int m) {
        final double keep = 1.0 - alpha;
        for (int j = first; j < m; j++) {
            final double wij = w[row + j];
            final double wb = wij + penalty * (Math.min(wij, consensus[j]) - wij);
            final double nb = alpha * (wb * stake * deltaFactor[j]) + keep * (bonds[bondRow + j] * oldFactor[j]);
            bonds[bondRow + j] = nb;
            newSum[j] += nb;
        }
    }

    @Override
    public void scaleAndMax(final double[] x, final int from, final double[] factor, final double[] max,
                            final int m) {
        scaleAndMaxFrom(0, x, from, factor, max, m);
    }

    /** {@link #scaleAndMax} for j ∈ [first, m). */
    public static void scaleAndMaxFrom(final int first, final double[] x, final int from, final double[] factor,
                                       final double[] max, final int m) {
        for (int j = first; j < m; j++) {
            final double b = x[from + j] * factor[j];
            x[from + j] = b;
            max[j] = Math.max(max[j], b);
        }
    }

    @Override
    public double sum(final double[] x, final int from, final int n) {
        return partialSums(x, from, null, n);
    }

    @Override
    public double dot(final double[] x, final int from, final double[] y, final int n) {
        return partialSums(x, from, y, n);
    }

    /** Σ x[from + j] (y null) or Σ x[from + j]·y[j], in the eight partial sums of {@link YumaKernels#sum}. */
    private double partialSums(final double[] x, final int from, final double[] y, final int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += term(x, from, y, j);
            s1 += term(x, from, y, j + 1);
            s2 += term(x, from, y, j + 2);
            s3 += term(x, from, y, j + 3);
            s4 += term(x, from, y, j + 4);
            s5 += term(x, from, y, j + 5);
            s6 += term(x, from, y, j + 6);
            s7 += term(x, from, y, j + 7);
        }
        final double[] partial = partialSums;
        partial[0] = s0;
        partial[1] = s1;
        partial[2] = s2;
        partial[3] = s3;
        partial[4] = s4;
        partial[5] = s5;
        partial[6] = s6;
        partial[7] = s7;
        return finishPartialSums(partial, x, from, y, j, n);
    }

    private static double term(final double[] x, final int from, final double[] y, final int j) {
        return y == null ? x[from + j] : x[from + j] * y[j];
    }

    /**
     * Adds the terms j ∈ [whole, n) (x alone when y is null, else x·y) to the eight partial sums, then combines
     * them in the fixed tree {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}.
     */
    public static double finishPartialSums(final double[] partial, final double[] x, final int from,
                                           final double[] y, final int whole, final int n) {
        for (int j = whole; j < n; j++) {
            partial[j & 7] += term(x, from, y, j);
        }
        return ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
    }

    /**
     * The κ-quantile of column {@code j} (see {@link YumaKernels}): the chain's pivot selection proposes a value,
     * which is the answer when the row-order sums agree, S(≤ x) &gt; minority ≥ S(&lt; x); otherwise (near a
     * tie, or κ = 0) the column is sorted and searched.
     */
    public double column(final double[] w, final int miners, final int j, final int[] rows, final double[] stake,
                         final int used, final double minority) {
        if (used == 0) {
            return 0.0;
        }
        double stakeSum = 0.0;
        for (int k = 0; k < used; k++) {
            column[k] = w[rows[k] * miners + j];
            stakeSum += stake[k];
        }
        final double proposed = PivotSelection.quantile(column, 0, stake, used, minority, stakeSum, pivotScratch);
        if (stakeAtOrBelow(proposed, stake, used) > minority && !(stakeBelow(proposed, stake, used) > minority)) {
            return proposed; // every smaller value x has S(≤ x) ≤ S(< proposed): none qualifies
        }
        System.arraycopy(column, 0, sorted, 0, used);
        Arrays.sort(sorted, 0, used);
        int lo = 0;
        int hi = used - 1;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (stakeAtOrBelow(sorted[mid], stake, used) > minority) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sorted[lo];
    }

    private double stakeAtOrBelow(final double x, final double[] stake, final int used) {
        double below = 0.0;
        for (int k = 0; k < used; k++) {
            if (column[k] <= x) {
                below += stake[k];
            }
        }
        return below;
    }

    private double stakeBelow(final double x, final double[] stake, final int used) {
        double below = 0.0;
        for (int k = 0; k < used; k++) {
            if (column[k] < x) {
                below += stake[k];
            }
        }
        return below;
    }
}
