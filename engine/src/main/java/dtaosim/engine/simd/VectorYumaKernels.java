package dtaosim.engine.simd;

import dtaosim.engine.yuma.ScalarYumaKernels;
import dtaosim.engine.yuma.SigmoidExp;
import dtaosim.engine.yuma.YumaKernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link YumaKernels} with the Vector API, one miner column per lane. Row loops take whole vectors and finish
 * with the scalar twin's loop; liquid-alpha rows are the scalar twin's (a Vector API version was boxed in some
 * JVMs). The consensus takes a strip of adjacent columns per vector (the weights are stored by row, so a strip of
 * one row is one load): each lane's weights are sorted by a sorting network (min/max of whole vectors, no
 * branches): Batcher's for blocks of 8 rows in registers, then bitonic merges whose long-distance pairs go
 * through memory and whose last three stages run in registers block by block. Then a 4-way search over the
 * sorted values evaluates {@code S(x) = Σ_k stake_k·[w_k ≤ x]} for all lanes at once, summed over the rows in
 * order as the scalar twin does, so both return the same doubles (the smallest sorted value with S above the
 * minority is unique). Columns past the last whole strip go through the scalar twin. ≈ 30 µs for 64 × 256
 * against ≈ 140 µs for the chain's mid-pivot selection one column at a time (one core, JDK 17).
 */
public final class VectorYumaKernels implements YumaKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = D.vectorShape().withLanes(long.class);
    private static final int LANES = D.length();

    private final double[] strip;
    private final long[] sorted;
    /** networks[b], b &lt; 3: Batcher's comparator pairs sorting 2^b rows, as offsets into {@link #sorted}. */
    private final int[][] networks;
    /**
     * merges[b][level], b ≥ 3: the pairs in memory of the bitonic merge of sorted runs of 8·2^level rows into
     * runs twice as long (the flip and the half-cleaners down to distance 8); {@link #cleanEightRows} does the
     * rest in registers.
     */
    private final int[][][] merges;
    private final int[] lo;
    private final int[] hi;
    private final double[] candidate;
    private final double[] stakeBelow;
    private final double[] partialSums = new double[8];
    private final ScalarYumaKernels tail;

    /** A workspace for up to {@code validators} rows and {@code miners} columns. */
    public VectorYumaKernels(final int validators, final int miners) {
        final int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, validators) - 1);
        strip = new double[validators * LANES];
        sorted = new long[(1 << bits) * LANES];
        networks = new int[3][];
        merges = new int[Math.max(3, bits + 1)][][];
        for (int b = 0; b <= Math.max(2, bits); b++) {
            if (b < 3) {
                networks[b] = oddEvenMergeSort(1 << b, LANES);
                continue;
            }
            merges[b] = new int[b - 3][];
            for (int level = 0; level < b - 3; level++) {
                merges[b][level] = bitonicMergePairs(1 << b, 8 << level, LANES);
            }
        }
        lo = new int[LANES];
        hi = new int[LANES];
        candidate = new double[3 * LANES];
        stakeBelow = new double[3 * LANES];
        tail = new ScalarYumaKernels(validators, miners);
    }

    @Override
    public void quantiles(final double[] w, final int miners, final int[] rows, final double[] stake,
                          final int used, final double minority, final double[] out) {
        if (used == 0) {
            for (int j = 0; j < miners; j++) {
                out[j] = 0.0;
            }
            return;
        }
        final int bits = 32 - Integer.numberOfLeadingZeros(used - 1); // ⌈log2 used⌉
        final int padded = 1 << bits;
        final long infinity = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        final int whole = miners - miners % LANES;
        for (int j0 = 0; j0 < whole; j0 += LANES) {
            for (int k = 0; k < used; k++) {
                final DoubleVector x = DoubleVector.fromArray(D, w, rows[k] * miners + j0);
                x.intoArray(strip, k * LANES);
                x.reinterpretAsLongs().intoArray(sorted, k * LANES);
            }
            // a vector held across these loops would be boxed on every call: plain stores
            for (int c = used * LANES; c < padded * LANES; c++) {
                sorted[c] = infinity;
            }
            // weights are ≥ 0, whose bit patterns order as the values do: one integer min and max per pair
            if (bits < 3) {
                inMemory(networks[bits]);
            } else {
                for (int block = 0; block < padded; block += 8) {
                    sortEightRows(block * LANES);
                }
                for (final int[] level : merges[bits]) {
                    inMemory(level);
                    for (int block = 0; block < padded; block += 8) {
                        cleanEightRows(block * LANES);
                    }
                }
            }
            for (int lane = 0; lane < LANES; lane++) {
                lo[lane] = 0;
                hi[lane] = used - 1;
            }
            // a 4-way search: three candidates per lane and step, whose sums are independent chains
            boolean open = used > 1;
            while (open) {
                for (int lane = 0; lane < LANES; lane++) {
                    final int l = lo[lane];
                    final int span = hi[lane] - l;
                    candidate[lane] = Double.longBitsToDouble(sorted[(l + span / 4) * LANES + lane]);
                    candidate[LANES + lane] = Double.longBitsToDouble(sorted[(l + span / 2) * LANES + lane]);
                    candidate[2 * LANES + lane] = Double.longBitsToDouble(sorted[(l + 3 * span / 4) * LANES + lane]);
                }
                final DoubleVector x1 = DoubleVector.fromArray(D, candidate, 0);
                final DoubleVector x2 = DoubleVector.fromArray(D, candidate, LANES);
                final DoubleVector x3 = DoubleVector.fromArray(D, candidate, 2 * LANES);
                DoubleVector below1 = DoubleVector.zero(D);
                DoubleVector below2 = DoubleVector.zero(D);
                DoubleVector below3 = DoubleVector.zero(D);
                for (int k = 0; k < used; k++) {
                    final DoubleVector weight = DoubleVector.fromArray(D, strip, k * LANES);
                    final DoubleVector s = DoubleVector.broadcast(D, stake[k]);
                    below1 = below1.add(s, weight.compare(VectorOperators.LE, x1));
                    below2 = below2.add(s, weight.compare(VectorOperators.LE, x2));
                    below3 = below3.add(s, weight.compare(VectorOperators.LE, x3));
                }
                // not a mask's toLong(), which JDK 17 builds from a boolean[]
                below1.intoArray(stakeBelow, 0);
                below2.intoArray(stakeBelow, LANES);
                below3.intoArray(stakeBelow, 2 * LANES);
                open = false;
                for (int lane = 0; lane < LANES; lane++) {
                    final int l = lo[lane];
                    final int span = hi[lane] - l;
                    if (span == 0) {
                        continue;
                    }
                    if (stakeBelow[lane] > minority) {
                        hi[lane] = l + span / 4;
                    } else if (stakeBelow[LANES + lane] > minority) {
                        lo[lane] = l + span / 4 + 1;
                        hi[lane] = l + span / 2;
                    } else if (stakeBelow[2 * LANES + lane] > minority) {
                        lo[lane] = l + span / 2 + 1;
                        hi[lane] = l + 3 * span / 4;
                    } else {
                        lo[lane] = l + 3 * span / 4 + 1;
                    }
                    open |= lo[lane] < hi[lane];
                }
            }
            for (int lane = 0; lane < LANES; lane++) {
                out[j0 + lane] = Double.longBitsToDouble(sorted[lo[lane] * LANES + lane]);
            }
        }
        for (int j = whole; j < miners; j++) {
            out[j] = tail.column(w, miners, j, rows, stake, used, minority);
        }
    }

    @Override
    public double sum(final double[] x, final int from, final int n) {
        if (LANES != 8) {
            return tail.sum(x, from, n);
        }
        final int whole = n - n % 8;
        DoubleVector partial = DoubleVector.zero(D);
        for (int j = 0; j < whole; j += 8) {
            partial = partial.add(DoubleVector.fromArray(D, x, from + j)); // lane k sums j ≡ k (mod 8)
        }
        partial.intoArray(partialSums, 0);
        return ScalarYumaKernels.finishPartialSums(partialSums, x, from, null, whole, n);
    }

    @Override
    public double dot(final double[] x, final int from, final double[] y, final int n) {
        if (LANES != 8) {
            return tail.dot(x, from, y, n);
        }
        final int whole = n - n % 8;
        DoubleVector partial = DoubleVector.zero(D);
        for (int j = 0; j < whole; j += 8) {
            partial = partial.add(DoubleVector.fromArray(D, x, from + j).mul(DoubleVector.fromArray(D, y, j)));
        }
        partial.intoArray(partialSums, 0);
        return ScalarYumaKernels.finishPartialSums(partialSums, x, from, y, whole, n);
    }

    @Override
    public void clipAndRank(final double[] w, final int row, final double[] consensus, final double stake,
                            final double[] ranks, final double[] unclipped, final int m) {
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector wij = DoubleVector.fromArray(D, w, row + j);
            final DoubleVector c = DoubleVector.fromArray(D, consensus, j);
            DoubleVector.fromArray(D, ranks, j).add(wij.min(c).mul(stake)).intoArray(ranks, j);
            DoubleVector.fromArray(D, unclipped, j).add(wij.mul(stake)).intoArray(unclipped, j);
        }
        ScalarYumaKernels.clipAndRankFrom(whole, w, row, consensus, stake, ranks, unclipped, m);
    }

    @Override
    public void bondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                        final double alpha, final double[] bonds, final int bondRow, final double[] columnSum,
                        final int m) {
        final double keep = 1.0 - alpha;
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector wij = DoubleVector.fromArray(D, w, row + j);
            final DoubleVector c = DoubleVector.fromArray(D, consensus, j);
            final DoubleVector wb = wij.add(wij.min(c).sub(wij).mul(penalty));
            final DoubleVector nb = wb.mul(alpha).add(DoubleVector.fromArray(D, bonds, bondRow + j).mul(keep));
            nb.intoArray(bonds, bondRow + j);
            DoubleVector.fromArray(D, columnSum, j).add(nb).intoArray(columnSum, j);
        }
        ScalarYumaKernels.bondRowFrom(whole, w, row, consensus, penalty, alpha, bonds, bondRow, columnSum, m);
    }

    @Override
    public void liquidBondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                              final double low, final double high, final double steepness, final double[] bonds,
                              final int bondRow, final double[] columnSum, final int m) {
        // the scalar twin's passes: their Vector API version was boxed in about one JVM in three under JMH
        tail.liquidBondRow(w, row, consensus, penalty, low, high, steepness, bonds, bondRow, columnSum, m);
    }

    @Override
    public void classicSums(final double[] w, final int row, final double[] consensus, final double penalty,
                            final double stake, final double[] bonds, final int bondRow, final double[] oldSum,
                            final double[] deltaSum, final int m) {
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector wij = DoubleVector.fromArray(D, w, row + j);
            final DoubleVector wb = wij.add(wij.min(DoubleVector.fromArray(D, consensus, j)).sub(wij).mul(penalty));
            DoubleVector.fromArray(D, oldSum, j).add(DoubleVector.fromArray(D, bonds, bondRow + j))
                    .intoArray(oldSum, j);
            DoubleVector.fromArray(D, deltaSum, j).add(wb.mul(stake)).intoArray(deltaSum, j);
        }
        ScalarYumaKernels.classicSumsFrom(whole, w, row, consensus, penalty, stake, bonds, bondRow, oldSum, deltaSum,
                m);
    }

    @Override
    public void classicBondRow(final double[] w, final int row, final double[] consensus, final double penalty,
                               final double stake, final double alpha, final double[] bonds, final int bondRow,
                               final double[] oldFactor, final double[] deltaFactor, final double[] newSum,
                               final int m) {
        final double keep = 1.0 - alpha;
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector wij = DoubleVector.fromArray(D, w, row + j);
            final DoubleVector wb = wij.add(wij.min(DoubleVector.fromArray(D, consensus, j)).sub(wij).mul(penalty));
            final DoubleVector delta = wb.mul(stake).mul(DoubleVector.fromArray(D, deltaFactor, j));
            final DoubleVector old = DoubleVector.fromArray(D, bonds, bondRow + j)
                    .mul(DoubleVector.fromArray(D, oldFactor, j));
            final DoubleVector nb = delta.mul(alpha).add(old.mul(keep));
            nb.intoArray(bonds, bondRow + j);
            DoubleVector.fromArray(D, newSum, j).add(nb).intoArray(newSum, j);
        }
        ScalarYumaKernels.classicBondRowFrom(whole, w, row, consensus, penalty, stake, alpha, bonds, bondRow,
                oldFactor, deltaFactor, newSum, m);
    }

    @Override
    public void scaleAndMax(final double[] x, final int from, final double[] factor, final double[] max,
                            final int m) {
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector b = DoubleVector.fromArray(D, x, from + j).mul(DoubleVector.fromArray(D, factor, j));
            b.intoArray(x, from + j);
            DoubleVector.fromArray(D, max, j).max(b).intoArray(max, j);
        }
        ScalarYumaKernels.scaleAndMaxFrom(whole, x, from, factor, max, m);
    }

    /**
     * Sorts each lane of the 8 rows at {@code sorted[base, base + 8·LANES)} in registers: the first three levels
     * of Batcher's network (19 pairs), written out so the rows stay in vector registers instead of being
     * stored and reloaded at every pair (stores bound the network in memory). Kept this small on purpose: with
     * 16 rows in registers (63 pairs, or the 25 of their last merge) C2 compiled the Vector API calls out of line
     * and boxed them on every call in about one JVM in three.
     */
    private void sortEightRows(final int base) {
        final long[] a = sorted;
        LongVector r0 = LongVector.fromArray(L, a, base + 0 * LANES);
        LongVector r1 = LongVector.fromArray(L, a, base + 1 * LANES);
        LongVector r2 = LongVector.fromArray(L, a, base + 2 * LANES);
        LongVector r3 = LongVector.fromArray(L, a, base + 3 * LANES);
        LongVector r4 = LongVector.fromArray(L, a, base + 4 * LANES);
        LongVector r5 = LongVector.fromArray(L, a, base + 5 * LANES);
        LongVector r6 = LongVector.fromArray(L, a, base + 6 * LANES);
        LongVector r7 = LongVector.fromArray(L, a, base + 7 * LANES);
        LongVector t;
        t = r0.min(r1); r1 = r0.max(r1); r0 = t;
        t = r2.min(r3); r3 = r2.max(r3); r2 = t;
        t = r4.min(r5); r5 = r4.max(r5); r4 = t;
        t = r6.min(r7); r7 = r6.max(r7); r6 = t;
        t = r0.min(r2); r2 = r0.max(r2); r0 = t;
        t = r1.min(r3); r3 = r1.max(r3); r1 = t;
        t = r4.min(r6); r6 = r4.max(r6); r4 = t;
        t = r5.min(r7); r7 = r5.max(r7); r5 = t;
        t = r1.min(r2); r2 = r1.max(r2); r1 = t;
        t = r5.min(r6); r6 = r5.max(r6); r5 = t;
        t = r0.min(r4); r4 = r0.max(r4); r0 = t;
        t = r1.min(r5); r5 = r1.max(r5); r1 = t;
        t = r2.min(r6); r6 = r2.max(r6); r2 = t;
        t = r3.min(r7); r7 = r3.max(r7); r3 = t;
        t = r2.min(r4); r4 = r2.max(r4); r2 = t;
        t = r3.min(r5); r5 = r3.max(r5); r3 = t;
        t = r1.min(r2); r2 = r1.max(r2); r1 = t;
        t = r3.min(r4); r4 = r3.max(r4); r3 = t;
        t = r5.min(r6); r6 = r5.max(r6); r5 = t;
        r0.intoArray(a, base + 0 * LANES);
        r1.intoArray(a, base + 1 * LANES);
        r2.intoArray(a, base + 2 * LANES);
        r3.intoArray(a, base + 3 * LANES);
        r4.intoArray(a, base + 4 * LANES);
        r5.intoArray(a, base + 5 * LANES);
        r6.intoArray(a, base + 6 * LANES);
        r7.intoArray(a, base + 7 * LANES);
    }

    /** Applies comparator pairs to {@link #sorted} through memory, each lane on its own. */
    private void inMemory(final int[] pairs) {
        for (int c = 0; c < pairs.length; c += 2) {
            final int a = pairs[c];
            final int b = pairs[c + 1];
            final LongVector x = LongVector.fromArray(L, sorted, a);
            final LongVector y = LongVector.fromArray(L, sorted, b);
            x.min(y).intoArray(sorted, a);
            x.max(y).intoArray(sorted, b);
        }
    }

    /** The last half-cleaners of a bitonic merge (distances 4, 2, 1) on the 8 rows at {@code base}, in registers. */
    private void cleanEightRows(final int base) {
        final long[] a = sorted;
        LongVector r0 = LongVector.fromArray(L, a, base);
        LongVector r1 = LongVector.fromArray(L, a, base + LANES);
        LongVector r2 = LongVector.fromArray(L, a, base + 2 * LANES);
        LongVector r3 = LongVector.fromArray(L, a, base + 3 * LANES);
        LongVector r4 = LongVector.fromArray(L, a, base + 4 * LANES);
        LongVector r5 = LongVector.fromArray(L, a, base + 5 * LANES);
        LongVector r6 = LongVector.fromArray(L, a, base + 6 * LANES);
        LongVector r7 = LongVector.fromArray(L, a, base + 7 * LANES);
        LongVector t;
        t = r0.min(r4); r4 = r0.max(r4); r0 = t;
        t = r1.min(r5); r5 = r1.max(r5); r1 = t;
        t = r2.min(r6); r6 = r2.max(r6); r2 = t;
        t = r3.min(r7); r7 = r3.max(r7); r3 = t;
        t = r0.min(r2); r2 = r0.max(r2); r0 = t;
        t = r1.min(r3); r3 = r1.max(r3); r1 = t;
        t = r4.min(r6); r6 = r4.max(r6); r4 = t;
        t = r5.min(r7); r7 = r5.max(r7); r5 = t;
        t = r0.min(r1); r1 = r0.max(r1); r0 = t;
        t = r2.min(r3); r3 = r2.max(r3); r2 = t;
        t = r4.min(r5); r5 = r4.max(r5); r4 = t;
        t = r6.min(r7); r7 = r6.max(r7); r6 = t;
        r0.intoArray(a, base);
        r1.intoArray(a, base + LANES);
        r2.intoArray(a, base + 2 * LANES);
        r3.intoArray(a, base + 3 * LANES);
        r4.intoArray(a, base + 4 * LANES);
        r5.intoArray(a, base + 5 * LANES);
        r6.intoArray(a, base + 6 * LANES);
        r7.intoArray(a, base + 7 * LANES);
    }

    /** The half-cleaner distances {@link #cleanEightRows} applies, as pairs of rows within a block of 8. */
    static final int[] CLEAN_PAIRS = {0, 4, 1, 5, 2, 6, 3, 7, 0, 2, 1, 3, 4, 6, 5, 7, 0, 1, 2, 3, 4, 5, 6, 7};

    /**
     * The pairs in memory of one bitonic merge level over n rows: sorted runs of p rows (p ≥ 8) become sorted runs
     * of 2p. First the flip, row i against row 2p − 1 − i of each run pair (no run needs reversing), then the
     * half-cleaners at distances p/2 … 8; the distances 4, 2, 1 are {@link #cleanEightRows}'s. Rows scaled by
     * {@code stride}.
     */
    static int[] bitonicMergePairs(final int n, final int p, final int stride) {
        final int stages = 1 + Integer.numberOfTrailingZeros(p / 8); // the flip, then distances p/2 … 8
        final int[] pairs = new int[stages * n]; // n/2 pairs of two rows per stage
        int at = 0;
        for (int start = 0; start < n; start += 2 * p) {
            for (int i = 0; i < p; i++) {
                pairs[at++] = (start + i) * stride;
                pairs[at++] = (start + 2 * p - 1 - i) * stride;
            }
        }
        for (int d = p / 2; d >= 8; d /= 2) {
            for (int start = 0; start < n; start += 2 * d) {
                for (int i = 0; i < d; i++) {
                    pairs[at++] = (start + i) * stride;
                    pairs[at++] = (start + i + d) * stride;
                }
            }
        }
        return pairs;
    }

    /**
     * Batcher's odd–even merge sort for n = 2^b elements (Knuth, TAOCP 5.3.4): comparator pairs (low, high) with
     * each index scaled by {@code stride}.
     */
    static int[] oddEvenMergeSort(final int n, final int stride) {
        final int bits = Integer.numberOfTrailingZeros(n);
        final int[] pairs = new int[2 * Math.max(1, n * bits * bits)]; // more than the (b² − b + 4)·2^(b−2) − 1
        int at = 0;
        for (int p = 1; p < n; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < n; j += 2 * k) {
                    for (int i = 0; i < k && i + j + k < n; i++) {
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
                            pairs[at++] = (i + j) * stride;
                            pairs[at++] = (i + j + k) * stride;
                        }
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(pairs, at);
    }
}
