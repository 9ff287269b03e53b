package dtaosim.engine.simd;

import dtaosim.engine.yuma.ScalarYumaKernels;
import dtaosim.engine.yuma.SigmoidExp;
import dtaosim.engine.yuma.YumaKernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link YumaKernels} with the Vector API, one miner column per lane. Row loops take whole vectors and finish
 * with the scalar twin's loop. The consensus takes a strip of adjacent columns per vector (the weights are stored
 * by row, so a strip of one row is one load): each lane's weights are sorted by Batcher's odd–even merge
 * network (min/max of whole vectors, no branches), then a 4-way search over the sorted values evaluates
 * {@code S(x) = Σ_k stake_k·[w_k ≤ x]} for all lanes at once, summed over the rows in order as the scalar twin
 * does, so both return the same doubles (the smallest sorted value with S above the minority is unique). Columns
 * past the last whole strip go through the scalar twin. ≈ 39 µs for 64 × 256 against ≈ 140 µs for the chain's
 * mid-pivot selection one column at a time (one core, JDK 17).
 */
public final class VectorYumaKernels implements YumaKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = D.vectorShape().withLanes(long.class);
    private static final int LANES = D.length();

    private final double[] strip;
    private final long[] sorted;
    /**
     * networks[b]: comparator pairs sorting 2^b rows, as offsets into {@link #sorted}; for 16 rows and more only
     * the pairs that merge sorted blocks of 16.
     */
    private final int[][] networks;
    private final int[] lo;
    private final int[] hi;
    private final double[] candidate;
    private final double[] stakeBelow;
    private final double[] partialSums = new double[8];
    private final ScalarYumaKernels tail;

    /** A workspace for up to {@code validators} rows. */
    public VectorYumaKernels(final int validators) {
        final int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, validators) - 1);
        strip = new double[validators * LANES];
        sorted = new long[(1 << bits) * LANES];
        networks = new int[bits + 1][];
        for (int b = 0; b <= bits; b++) {
            // from 16 rows on, blocks of 16 are sorted in registers first (sortSixteenRows): only the merges
            networks[b] = oddEvenMergeSort(1 << b, b >= 4 ? 16 : 1, LANES);
        }
        lo = new int[LANES];
        hi = new int[LANES];
        candidate = new double[3 * LANES];
        stakeBelow = new double[3 * LANES];
        tail = new ScalarYumaKernels(validators);
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
        final int[] network = networks[bits];
        final int padded = 1 << bits;
        final LongVector infinity = LongVector.broadcast(L, Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
        final int whole = miners - miners % LANES;
        for (int j0 = 0; j0 < whole; j0 += LANES) {
            for (int k = 0; k < used; k++) {
                final DoubleVector x = DoubleVector.fromArray(D, w, rows[k] * miners + j0);
                x.intoArray(strip, k * LANES);
                x.reinterpretAsLongs().intoArray(sorted, k * LANES);
            }
            for (int k = used; k < padded; k++) {
                infinity.intoArray(sorted, k * LANES);
            }
            // weights are ≥ 0, whose bit patterns order as the values do: one integer min and max per pair
            for (int block = 0; block < padded / 16; block++) {
                sortSixteenRows(block * 16 * LANES);
            }
            for (int c = 0; c < network.length; c += 2) {
                final int a = network[c];
                final int b = network[c + 1];
                final LongVector x = LongVector.fromArray(L, sorted, a);
                final LongVector y = LongVector.fromArray(L, sorted, b);
                x.min(y).intoArray(sorted, a);
                x.max(y).intoArray(sorted, b);
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
        final double slope = steepness / -100.0;
        final double range = high - low;
        final int whole = m - m % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final DoubleVector wij = DoubleVector.fromArray(D, w, row + j);
            final DoubleVector c = DoubleVector.fromArray(D, consensus, j);
            final DoubleVector wb = wij.add(wij.min(c).sub(wij).mul(penalty));
            final DoubleVector b = DoubleVector.fromArray(D, bonds, bondRow + j);
            final DoubleVector diffBuy = wb.sub(c).max(0.0).min(1.0);
            final DoubleVector diffSell = b.sub(wb).max(0.0).min(1.0);
            final DoubleVector combined = diffSell.blend(diffBuy, wb.compare(VectorOperators.GE, b));
            final DoubleVector x = combined.sub(0.5).mul(slope).max(-20.0).min(20.0);
            // SigmoidExp.exp, lane by lane the same operations (no inner loop, no bit casts: see SigmoidExp)
            final DoubleVector k = x.mul(SigmoidExp.LOG2_E).add(SigmoidExp.ROUND).sub(SigmoidExp.ROUND);
            final DoubleVector r = x.sub(k.mul(SigmoidExp.LN2_HI)).sub(k.mul(SigmoidExp.LN2_LO));
            final DoubleVector p = r.mul(SigmoidExp.F13).add(SigmoidExp.F12).mul(r).add(SigmoidExp.F11).mul(r)
                    .add(SigmoidExp.F10).mul(r).add(SigmoidExp.F9).mul(r).add(SigmoidExp.F8).mul(r)
                    .add(SigmoidExp.F7).mul(r).add(SigmoidExp.F6).mul(r).add(SigmoidExp.F5).mul(r)
                    .add(SigmoidExp.F4).mul(r).add(SigmoidExp.F3).mul(r).add(SigmoidExp.F2).mul(r).add(1.0).mul(r)
                    .add(1.0);
            DoubleVector t = k.add(32.0);
            DoubleVector scale = DoubleVector.broadcast(D, 0x1p-32);
            VectorMask<Double> digit = t.compare(VectorOperators.GE, 32.0);
            scale = scale.blend(scale.mul(0x1p32), digit);
            t = t.blend(t.sub(32.0), digit);
            digit = t.compare(VectorOperators.GE, 16.0);
            scale = scale.blend(scale.mul(0x1p16), digit);
            t = t.blend(t.sub(16.0), digit);
            digit = t.compare(VectorOperators.GE, 8.0);
            scale = scale.blend(scale.mul(0x1p8), digit);
            t = t.blend(t.sub(8.0), digit);
            digit = t.compare(VectorOperators.GE, 4.0);
            scale = scale.blend(scale.mul(0x1p4), digit);
            t = t.blend(t.sub(4.0), digit);
            digit = t.compare(VectorOperators.GE, 2.0);
            scale = scale.blend(scale.mul(0x1p2), digit);
            t = t.blend(t.sub(2.0), digit);
            scale = scale.blend(scale.mul(2.0), t.compare(VectorOperators.GE, 1.0));
            final DoubleVector twoToK = scale;
            final DoubleVector sigmoid = DoubleVector.broadcast(D, 1.0).div(p.mul(twoToK).add(1.0));
            final DoubleVector alpha = sigmoid.mul(range).add(low).max(low).min(high);
            final DoubleVector nb = DoubleVector.broadcast(D, 1.0).sub(alpha).mul(b).add(alpha.mul(wb).max(0.0))
                    .min(1.0);
            nb.intoArray(bonds, bondRow + j);
            DoubleVector.fromArray(D, columnSum, j).add(nb).intoArray(columnSum, j);
        }
        ScalarYumaKernels.liquidBondRowFrom(whole, w, row, consensus, penalty, low, high, steepness, bonds, bondRow,
                columnSum, m);
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
     * Sorts each lane of the 16 rows at {@code sorted[base, base + 16·LANES)} in registers: the first four
     * levels of Batcher's network for 16 (63 pairs), written out so the rows stay in vector registers instead
     * of being stored and reloaded at every pair (stores bound the network in memory).
     */
    private void sortSixteenRows(final int base) {
        final long[] a = sorted;
        LongVector r0 = LongVector.fromArray(L, a, base + 0 * LANES);
        LongVector r1 = LongVector.fromArray(L, a, base + 1 * LANES);
        LongVector r2 = LongVector.fromArray(L, a, base + 2 * LANES);
        LongVector r3 = LongVector.fromArray(L, a, base + 3 * LANES);
        LongVector r4 = LongVector.fromArray(L, a, base + 4 * LANES);
        LongVector r5 = LongVector.fromArray(L, a, base + 5 * LANES);
        LongVector r6 = LongVector.fromArray(L, a, base + 6 * LANES);
        LongVector r7 = LongVector.fromArray(L, a, base + 7 * LANES);
        LongVector r8 = LongVector.fromArray(L, a, base + 8 * LANES);
        LongVector r9 = LongVector.fromArray(L, a, base + 9 * LANES);
        LongVector r10 = LongVector.fromArray(L, a, base + 10 * LANES);
        LongVector r11 = LongVector.fromArray(L, a, base + 11 * LANES);
        LongVector r12 = LongVector.fromArray(L, a, base + 12 * LANES);
        LongVector r13 = LongVector.fromArray(L, a, base + 13 * LANES);
        LongVector r14 = LongVector.fromArray(L, a, base + 14 * LANES);
        LongVector r15 = LongVector.fromArray(L, a, base + 15 * LANES);
        LongVector t;
        t = r0.min(r1); r1 = r0.max(r1); r0 = t;
        t = r2.min(r3); r3 = r2.max(r3); r2 = t;
        t = r4.min(r5); r5 = r4.max(r5); r4 = t;
        t = r6.min(r7); r7 = r6.max(r7); r6 = t;
        t = r8.min(r9); r9 = r8.max(r9); r8 = t;
        t = r10.min(r11); r11 = r10.max(r11); r10 = t;
        t = r12.min(r13); r13 = r12.max(r13); r12 = t;
        t = r14.min(r15); r15 = r14.max(r15); r14 = t;
        t = r0.min(r2); r2 = r0.max(r2); r0 = t;
        t = r1.min(r3); r3 = r1.max(r3); r1 = t;
        t = r4.min(r6); r6 = r4.max(r6); r4 = t;
        t = r5.min(r7); r7 = r5.max(r7); r5 = t;
        t = r8.min(r10); r10 = r8.max(r10); r8 = t;
        t = r9.min(r11); r11 = r9.max(r11); r9 = t;
        t = r12.min(r14); r14 = r12.max(r14); r12 = t;
        t = r13.min(r15); r15 = r13.max(r15); r13 = t;
        t = r1.min(r2); r2 = r1.max(r2); r1 = t;
        t = r5.min(r6); r6 = r5.max(r6); r5 = t;
        t = r9.min(r10); r10 = r9.max(r10); r9 = t;
        t = r13.min(r14); r14 = r13.max(r14); r13 = t;
        t = r0.min(r4); r4 = r0.max(r4); r0 = t;
        t = r1.min(r5); r5 = r1.max(r5); r1 = t;
        t = r2.min(r6); r6 = r2.max(r6); r2 = t;
        t = r3.min(r7); r7 = r3.max(r7); r3 = t;
        t = r8.min(r12); r12 = r8.max(r12); r8 = t;
        t = r9.min(r13); r13 = r9.max(r13); r9 = t;
        t = r10.min(r14); r14 = r10.max(r14); r10 = t;
        t = r11.min(r15); r15 = r11.max(r15); r11 = t;
        t = r2.min(r4); r4 = r2.max(r4); r2 = t;
        t = r3.min(r5); r5 = r3.max(r5); r3 = t;
        t = r10.min(r12); r12 = r10.max(r12); r10 = t;
        t = r11.min(r13); r13 = r11.max(r13); r11 = t;
        t = r1.min(r2); r2 = r1.max(r2); r1 = t;
        t = r3.min(r4); r4 = r3.max(r4); r3 = t;
        t = r5.min(r6); r6 = r5.max(r6); r5 = t;
        t = r9.min(r10); r10 = r9.max(r10); r9 = t;
        t = r11.min(r12); r12 = r11.max(r12); r11 = t;
        t = r13.min(r14); r14 = r13.max(r14); r13 = t;
        t = r0.min(r8); r8 = r0.max(r8); r0 = t;
        t = r1.min(r9); r9 = r1.max(r9); r1 = t;
        t = r2.min(r10); r10 = r2.max(r10); r2 = t;
        t = r3.min(r11); r11 = r3.max(r11); r3 = t;
        t = r4.min(r12); r12 = r4.max(r12); r4 = t;
        t = r5.min(r13); r13 = r5.max(r13); r5 = t;
        t = r6.min(r14); r14 = r6.max(r14); r6 = t;
        t = r7.min(r15); r15 = r7.max(r15); r7 = t;
        t = r4.min(r8); r8 = r4.max(r8); r4 = t;
        t = r5.min(r9); r9 = r5.max(r9); r5 = t;
        t = r6.min(r10); r10 = r6.max(r10); r6 = t;
        t = r7.min(r11); r11 = r7.max(r11); r7 = t;
        t = r2.min(r4); r4 = r2.max(r4); r2 = t;
        t = r3.min(r5); r5 = r3.max(r5); r3 = t;
        t = r6.min(r8); r8 = r6.max(r8); r6 = t;
        t = r7.min(r9); r9 = r7.max(r9); r7 = t;
        t = r10.min(r12); r12 = r10.max(r12); r10 = t;
        t = r11.min(r13); r13 = r11.max(r13); r11 = t;
        t = r1.min(r2); r2 = r1.max(r2); r1 = t;
        t = r3.min(r4); r4 = r3.max(r4); r3 = t;
        t = r5.min(r6); r6 = r5.max(r6); r5 = t;
        t = r7.min(r8); r8 = r7.max(r8); r7 = t;
        t = r9.min(r10); r10 = r9.max(r10); r9 = t;
        t = r11.min(r12); r12 = r11.max(r12); r11 = t;
        t = r13.min(r14); r14 = r13.max(r14); r13 = t;
        r0.intoArray(a, base + 0 * LANES);
        r1.intoArray(a, base + 1 * LANES);
        r2.intoArray(a, base + 2 * LANES);
        r3.intoArray(a, base + 3 * LANES);
        r4.intoArray(a, base + 4 * LANES);
        r5.intoArray(a, base + 5 * LANES);
        r6.intoArray(a, base + 6 * LANES);
        r7.intoArray(a, base + 7 * LANES);
        r8.intoArray(a, base + 8 * LANES);
        r9.intoArray(a, base + 9 * LANES);
        r10.intoArray(a, base + 10 * LANES);
        r11.intoArray(a, base + 11 * LANES);
        r12.intoArray(a, base + 12 * LANES);
        r13.intoArray(a, base + 13 * LANES);
        r14.intoArray(a, base + 14 * LANES);
        r15.intoArray(a, base + 15 * LANES);
    }

    /**
     * Batcher's odd–even merge sort for n = 2^b elements (Knuth, TAOCP 5.3.4): comparator pairs (low, high) with
     * each index scaled by {@code stride}, from merge level {@code fromP} on (the pairs of the levels below it
     * sort blocks of {@code fromP} elements; 1 gives the whole network).
     */
    static int[] oddEvenMergeSort(final int n, final int fromP, final int stride) {
        final int bits = Integer.numberOfTrailingZeros(n);
        final int[] pairs = new int[2 * Math.max(1, n * bits * bits)]; // more than the (b² − b + 4)·2^(b−2) − 1
        int at = 0;
        for (int p = fromP; p < n; p <<= 1) {
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
