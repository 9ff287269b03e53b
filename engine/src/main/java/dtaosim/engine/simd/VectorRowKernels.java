package dtaosim.engine.simd;

import dtaosim.engine.kernel.CappedRules;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.kernel.ScalarRowKernels;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.state.BatchState;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API, paths in the lanes. Every lane performs exactly the operations of
 * {@link ScalarRowKernels}, in the same order (+ − × ÷, min, compares, no FMA), and the last
 * {@code paths mod lanes} paths of a row go through the scalar loop, so a path's numbers are the same bits
 * whichever lane, batch or shard it falls in.
 */
public final class VectorRowKernels implements RowKernels {
    /** The shared instance (stateless). */
    public static final VectorRowKernels INSTANCE = new VectorRowKernels();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());
    private static final int LANES = D.length();
    /** 0, 1, …, lanes − 1: loaded rather than built with addIndex, which allocates on JDK 17. */
    private static final long[] LANE_INDEX = java.util.stream.LongStream.range(0, LANES).toArray();

    private VectorRowKernels() {
    }

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    @Override
    public void emissionPerMovingPrice(final BatchState s) {
        final int paths = s.paths;
        final int bound = D.loopBound(paths);
        if (bound > 0) {
            sumMovingPriceLanes(s, bound);
        }
        final double[] sum = s.emissionPerMovingPrice;
        for (int q = bound; q < paths; q++) {
            sum[q] = 0.0;
        }
        for (int i = 0; i < s.subnets; i++) {
            ScalarRowKernels.addRow(s.movingPrice, i * paths, sum, bound, paths);
        }
        ScalarRowKernels.finishEmissionPerMovingPrice(s, 0, paths);
    }

    /** Σ over subnets of the moving price for path slots [0, bound), accumulated in subnet order. */
    private static void sumMovingPriceLanes(final BatchState s, final int bound) {
        final int paths = s.paths;
        final int subnets = s.subnets;
        final double[] movingPrice = s.movingPrice;
        final double[] sum = s.emissionPerMovingPrice;
        for (int p = 0; p < bound; p += LANES) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int i = 0; i < subnets; i++) {
                acc = acc.add(DoubleVector.fromArray(D, movingPrice, i * paths + p));
            }
            acc.intoArray(sum, p);
        }
    }

    /*
     * Each kernel runs its lanes in a method of its own, called only when the row has at least one whole vector
     * and free of calls and rarely taken branches: the JIT then always sees the vector operations as hot and
     * intrinsifies them. (A vector loop that small batches never entered, or a fallback call inside it, let C2
     * leave some operations out of line, boxing vectors on every block.)
     */

    @Override
    public void coinbase(final BatchState s, final int subnet, final double movingAlpha) {
        // the eleven days without the dividend fix run the scalar twin (bit-identical): a branch in the lanes
        // loop let C2 box vectors after some JIT histories (VectorKernelJitFragilityTest)
        final int bound = s.overCreditRootAlpha ? 0 : D.loopBound(s.paths);
        if (bound > 0) {
            coinbaseLanes(s, subnet, movingAlpha, bound);
        }
        ScalarRowKernels.coinbase(s, subnet, movingAlpha, bound, s.paths);
    }

    /** {@link ScalarRowKernels#coinbase} for path slots [0, bound). */
    private static void coinbaseLanes(final BatchState s, final int subnet, final double movingAlpha,
                                      final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double ownerCut = s.protocol.ownerCut();
        final double taoWeight = s.protocol.taoWeight();
        final double keepPrice = 1.0 - movingAlpha;
        final double clip = s.movingPriceClip;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] movingPrice = s.movingPrice;
        final double[] alphaEmission = s.alphaEmission;
        final double[] pendingAlpha = s.pendingAlpha;
        final double[] pendingOwner = s.pendingOwner;
        final double[] pendingRootTao = s.pendingRootTao;
        final double[] emissionPerMovingPrice = s.emissionPerMovingPrice;
        final double[] rootStake = s.rootStake;
        final double[] alphaMinted = s.alphaMinted;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            DoubleVector aout = DoubleVector.fromArray(D, alphaOut, c);
            final DoubleVector emitted = DoubleVector.fromArray(D, alphaEmission, c);
            final DoubleVector taoIn = DoubleVector.fromArray(D, movingPrice, c)
                    .mul(DoubleVector.fromArray(D, emissionPerMovingPrice, p));
            final DoubleVector alphaInjected = taoIn.mul(ain).div(tao).min(emitted);
            ain = ain.add(alphaInjected);
            aout = aout.add(emitted);
            tao = tao.add(taoIn);
            final DoubleVector owner = emitted.mul(ownerCut);
            final DoubleVector rest = emitted.sub(owner);
            final DoubleVector weightedRoot = DoubleVector.fromArray(D, rootStake, p).mul(taoWeight);
            final DoubleVector rootProportion = weightedRoot.div(weightedRoot.add(ain).add(aout));
            final DoubleVector rootAlpha = rootProportion.mul(rest).mul(0.5);
            DoubleVector.fromArray(D, pendingOwner, c).add(owner).intoArray(pendingOwner, c);
            DoubleVector.fromArray(D, pendingAlpha, c).add(rest.sub(rootAlpha)).intoArray(pendingAlpha, c);
            ain = ain.add(rootAlpha);
            final DoubleVector perAlpha = DoubleVector.broadcast(D, 1.0).div(ain);
            final DoubleVector rootTao = tao.mul(rootAlpha).mul(perAlpha);
            aout = aout.sub(rootAlpha);
            tao = tao.sub(rootTao);
            DoubleVector.fromArray(D, pendingRootTao, c).add(rootTao).intoArray(pendingRootTao, c);
            final DoubleVector price = tao.mul(perAlpha).min(clip);
            DoubleVector.broadcast(D, movingAlpha).mul(price)
                    .add(DoubleVector.broadcast(D, keepPrice).mul(DoubleVector.fromArray(D, movingPrice, c)))
                    .intoArray(movingPrice, c);
            tao.intoArray(taoReserve, c);
            ain.intoArray(alphaIn, c);
            aout.intoArray(alphaOut, c);
            DoubleVector.fromArray(D, alphaMinted, p).add(alphaInjected.add(emitted)).intoArray(alphaMinted, p);
        }
    }

    @Override
    public void uniformNoise(final BatchState s, final int subnet, final long firstState, final long stateStride,
                             final double sigma, final boolean heldOnly) {
        final int bound = D.loopBound(s.paths);
        if (!heldOnly && s.feeRate == 0.0 && s.stakeFeeTao == 0.0) {
            // the numpy peer's trader in its fee-free pools (the reference workload)
            if (bound > 0) {
                peerFeeFreeNoiseLanes(s, subnet, firstState, stateStride, sigma, bound);
            }
            ScalarRowKernels.uniformNoise(s, subnet, firstState, stateStride, sigma, false, bound, s.paths);
            return;
        }
        // with fees, the peer's trader (heldOnly off) runs the holders' lanes with every lane uncut
        if (s.feeRate > 0.0) {
            if (bound > 0 && s.feesLeavePool) {
                rateFeeNoiseLanes(s, subnet, firstState, stateStride, sigma, heldOnly, bound);
            } else if (bound > 0) {
                keptFeeNoiseLanes(s, subnet, firstState, stateStride, sigma, heldOnly, bound);
            }
            ScalarRowKernels.rateFeeNoise(s, subnet, firstState, stateStride, sigma, heldOnly, bound, s.paths);
            return;
        }
        if (s.stakeFeeTao == 0.0) {
            if (bound > 0) {
                feeFreeNoiseLanes(s, subnet, firstState, stateStride, sigma, bound);
            }
            ScalarRowKernels.feeFreeNoise(s, subnet, firstState, stateStride, sigma, true, bound, s.paths);
        } else {
            if (bound > 0) {
                feeNoiseLanes(s, subnet, firstState, stateStride, sigma, heldOnly, bound);
            }
            ScalarRowKernels.feeNoise(s, subnet, firstState, stateStride, sigma, heldOnly, bound, s.paths);
        }
    }

    /**
     * {@link ScalarRowKernels#feeFreeNoise} without the cut to holders' alpha (the numpy peer's trader) for path
     * slots [0, bound).
     */
    private static void peerFeeFreeNoiseLanes(final BatchState s, final int subnet, final long firstState,
                                              final long stateStride, final double sigma, final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stateStride);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector x = uniform(laneStates, firstState + p * stateStride).mul(2.0).sub(1.0);
            final VectorMask<Double> stake = x.compare(VectorOperators.GT, 0.0);
            final DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            final DoubleVector reserveIn = ain.blend(tao, stake);
            final DoubleVector reserveOut = tao.blend(ain, stake);
            final DoubleVector amount = x.abs().mul(sigma).mul(reserveIn);
            final DoubleVector received = reserveOut.mul(amount).div(reserveIn.add(amount));
            final DoubleVector newIn = reserveIn.add(amount);
            final DoubleVector newOut = reserveOut.sub(received);
            newOut.blend(newIn, stake).intoArray(taoReserve, c);
            newIn.blend(newOut, stake).intoArray(alphaIn, c);
            DoubleVector.fromArray(D, alphaOut, c).add(amount.neg().blend(received, stake)).intoArray(alphaOut, c);
            DoubleVector.fromArray(D, taoStaked, p).add(amount, stake).intoArray(taoStaked, p);
            DoubleVector.fromArray(D, taoUnstaked, p).add(received, stake.not()).intoArray(taoUnstaked, p);
        }
    }

    /** {@link ScalarRowKernels#feeNoise} for path slots [0, bound). */
    private static void feeNoiseLanes(final BatchState s, final int subnet, final long firstState,
                                      final long stateStride, final double sigma, final boolean heldOnly,
                                      final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double fee = s.stakeFeeTao;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector unlimited = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        // loop-invariant: every lane uncut for the numpy peer's trader, none for holders
        final VectorMask<Double> uncut = D.maskAll(!heldOnly);
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stateStride);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector x = uniform(laneStates, firstState + p * stateStride).mul(2.0).sub(1.0);
            final DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            final DoubleVector aout = DoubleVector.fromArray(D, alphaOut, c);
            final VectorMask<Double> buy = x.compare(VectorOperators.GT, 0.0);
            final DoubleVector stake = x.mul(sigma).mul(tao);
            final DoubleVector net = stake.sub(fee);
            // holders sell no more alpha than they hold (BatchState.heldAlpha)
            final DoubleVector held = aout.sub(DoubleVector.fromArray(D, s.pendingAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.pendingOwner, c))
                    .sub(DoubleVector.fromArray(D, s.pendingRootAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.rootClaimable, c))
                    .sub(DoubleVector.fromArray(D, s.protocolAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.positionAlpha, c));
            final DoubleVector wanted = x.neg().mul(sigma).mul(ain);
            // compare and blend, against the held alpha floored at 0 as BatchState.sellable does (NaN included):
            // Java's min and max semantics cost a few more instructions
            final DoubleVector limit = zero.blend(held, held.compare(VectorOperators.GT, 0.0)).blend(unlimited, uncut);
            final DoubleVector sold = wanted.blend(limit, wanted.compare(VectorOperators.GT, limit));
            // one division per lane: bought = ain·net/(tao+net) on buys, gross = tao·sold/(ain+sold) on sells
            final DoubleVector quotient = tao.mul(sold).blend(ain.mul(net), buy)
                    .div(ain.add(sold).blend(tao.add(net), buy));
            final DoubleVector paid = quotient.sub(fee);
            final VectorMask<Double> stakes = buy.and(net.compare(VectorOperators.GT, 0.0));
            final VectorMask<Double> unstakes = buy.not().and(paid.compare(VectorOperators.GT, 0.0));
            tao.blend(tao.add(stake), stakes).blend(tao.sub(paid), unstakes).intoArray(taoReserve, c);
            ain.blend(ain.sub(quotient), stakes).blend(ain.add(sold), unstakes).intoArray(alphaIn, c);
            aout.blend(aout.add(quotient), stakes).blend(aout.sub(sold), unstakes).intoArray(alphaOut, c);
            DoubleVector.fromArray(D, taoStaked, p).add(stake, stakes).intoArray(taoStaked, p);
            DoubleVector.fromArray(D, taoUnstaked, p).add(paid, unstakes).intoArray(taoUnstaked, p);
        }
    }

    /** {@link ScalarRowKernels#feeFreeNoise} for path slots [0, bound). */
    private static void feeFreeNoiseLanes(final BatchState s, final int subnet, final long firstState,
                                          final long stateStride, final double sigma, final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector unlimited = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stateStride);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector x = uniform(laneStates, firstState + p * stateStride).mul(2.0).sub(1.0);
            final VectorMask<Double> stake = x.compare(VectorOperators.GT, 0.0);
            final DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            final DoubleVector reserveIn = ain.blend(tao, stake);
            final DoubleVector reserveOut = tao.blend(ain, stake);
            final DoubleVector aout = DoubleVector.fromArray(D, alphaOut, c);
            // holders sell no more alpha than they hold (BatchState.heldAlpha)
            final DoubleVector held = aout.sub(DoubleVector.fromArray(D, s.pendingAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.pendingOwner, c))
                    .sub(DoubleVector.fromArray(D, s.pendingRootAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.rootClaimable, c))
                    .sub(DoubleVector.fromArray(D, s.protocolAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.positionAlpha, c));
            final DoubleVector wanted = x.abs().mul(sigma).mul(reserveIn);
            // an unstake sells at most holders' alpha (≥ 0), a stake is not limited; compare and blend, as
            // Java's min and max semantics cost a few more instructions
            final DoubleVector limit = zero.blend(held, held.compare(VectorOperators.GT, 0.0)).blend(unlimited, stake);
            final DoubleVector amount = wanted.blend(limit, wanted.compare(VectorOperators.GT, limit));
            final DoubleVector received = reserveOut.mul(amount).div(reserveIn.add(amount));
            final DoubleVector newIn = reserveIn.add(amount);
            final DoubleVector newOut = reserveOut.sub(received);
            newOut.blend(newIn, stake).intoArray(taoReserve, c);
            newIn.blend(newOut, stake).intoArray(alphaIn, c);
            aout.add(amount.neg().blend(received, stake)).intoArray(alphaOut, c);
            DoubleVector.fromArray(D, taoStaked, p).add(amount, stake).intoArray(taoStaked, p);
            DoubleVector.fromArray(D, taoUnstaked, p).add(received, stake.not()).intoArray(taoUnstaked, p);
        }
    }

    /**
     * {@link ScalarRowKernels#rateFeeNoise} for path slots [0, bound) when the pool keeps the fees (V3 eras until
     * 2026-03-11): as the fee-free lanes with {@code r_in + gross} in, and no author fee, so nothing is added to
     * {@code taoFees}. A lane whose trade would receive nothing moves by +0.
     */
    private static void keptFeeNoiseLanes(final BatchState s, final int subnet, final long firstState,
                                          final long stateStride, final double sigma, final boolean heldOnly,
                                          final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double rate = s.feeRate;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        final double[] after = s.taoAfterStep;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector unlimited = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        // loop-invariant: every lane uncut for the numpy peer's trader, none for holders
        final VectorMask<Double> uncut = D.maskAll(!heldOnly);
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stateStride);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector x = uniform(laneStates, firstState + p * stateStride).mul(2.0).sub(1.0);
            final VectorMask<Double> stake = x.compare(VectorOperators.GT, 0.0);
            final DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            final DoubleVector reserveIn = ain.blend(tao, stake);
            final DoubleVector reserveOut = tao.blend(ain, stake);
            final DoubleVector aout = DoubleVector.fromArray(D, alphaOut, c);
            // holders sell no more alpha than they hold (BatchState.heldAlpha)
            final DoubleVector held = aout.sub(DoubleVector.fromArray(D, s.pendingAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.pendingOwner, c))
                    .sub(DoubleVector.fromArray(D, s.pendingRootAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.rootClaimable, c))
                    .sub(DoubleVector.fromArray(D, s.protocolAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.positionAlpha, c));
            final DoubleVector wanted = x.abs().mul(sigma).mul(reserveIn);
            // an unstake sells at most holders' alpha (≥ 0), a stake is not limited; compare and blend, as
            // Java's min and max semantics cost a few more instructions
            final DoubleVector limit = zero.blend(held, held.compare(VectorOperators.GT, 0.0))
                    .blend(unlimited, stake.or(uncut));
            final DoubleVector gross = wanted.blend(limit, wanted.compare(VectorOperators.GT, limit));
            final DoubleVector fee = gross.mul(rate);
            final DoubleVector net = gross.sub(fee);
            final DoubleVector received = reserveOut.mul(net).div(reserveIn.add(net));
            final VectorMask<Double> trades = received.compare(VectorOperators.GT, 0.0);
            final DoubleVector paidIn = zero.blend(gross, trades);
            final DoubleVector paidOut = zero.blend(received, trades);
            final DoubleVector newIn = reserveIn.add(paidIn);
            final DoubleVector newOut = reserveOut.sub(paidOut);
            newOut.blend(newIn, stake).intoArray(taoReserve, c);
            newIn.blend(newOut, stake).intoArray(alphaIn, c);
            aout.add(paidIn.neg().blend(paidOut, stake)).intoArray(alphaOut, c);
            DoubleVector.fromArray(D, taoStaked, p).add(paidIn, stake).intoArray(taoStaked, p);
            DoubleVector.fromArray(D, taoUnstaked, p).add(paidOut, stake.not()).intoArray(taoUnstaked, p);
            // mechanics §2b: flow counts the stake net of its fee, so the fee the pool keeps joins the baseline
            DoubleVector.fromArray(D, after, c).add(fee, stake.and(trades)).intoArray(after, c);
        }
    }

    /**
     * {@link ScalarRowKernels#rateFeeNoise} for path slots [0, bound) when the fees go to the block author: a stake
     * puts {@code r_in + net} in, an unstake {@code r_in + gross} less the author's re-sold TAO; the flow baseline
     * is unchanged (the fee left the pool). A lane whose trade would receive nothing moves by +0.
     */
    private static void rateFeeNoiseLanes(final BatchState s, final int subnet, final long firstState,
                                          final long stateStride, final double sigma, final boolean heldOnly,
                                          final int bound) {
        final int paths = s.paths;
        final int row = subnet * paths;
        final double rate = s.feeRate;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        final double[] taoFees = s.taoFees;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector unlimited = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        // loop-invariant: every lane uncut for the numpy peer's trader, none for holders
        final VectorMask<Double> uncut = D.maskAll(!heldOnly);
        final DoubleVector one = DoubleVector.broadcast(D, 1.0);
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stateStride);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector x = uniform(laneStates, firstState + p * stateStride).mul(2.0).sub(1.0);
            final VectorMask<Double> stake = x.compare(VectorOperators.GT, 0.0);
            final DoubleVector tao = DoubleVector.fromArray(D, taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, alphaIn, c);
            final DoubleVector reserveIn = ain.blend(tao, stake);
            final DoubleVector reserveOut = tao.blend(ain, stake);
            final DoubleVector aout = DoubleVector.fromArray(D, alphaOut, c);
            // holders sell no more alpha than they hold (BatchState.heldAlpha)
            final DoubleVector held = aout.sub(DoubleVector.fromArray(D, s.pendingAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.pendingOwner, c))
                    .sub(DoubleVector.fromArray(D, s.pendingRootAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.rootClaimable, c))
                    .sub(DoubleVector.fromArray(D, s.protocolAlpha, c))
                    .sub(DoubleVector.fromArray(D, s.positionAlpha, c));
            final DoubleVector wanted = x.abs().mul(sigma).mul(reserveIn);
            // an unstake sells at most holders' alpha (≥ 0), a stake is not limited; compare and blend, as
            // Java's min and max semantics cost a few more instructions
            final DoubleVector limit = zero.blend(held, held.compare(VectorOperators.GT, 0.0))
                    .blend(unlimited, stake.or(uncut));
            final DoubleVector gross = wanted.blend(limit, wanted.compare(VectorOperators.GT, limit));
            final DoubleVector fee = gross.mul(rate);
            final DoubleVector net = gross.sub(fee);
            final DoubleVector inAfterNet = reserveIn.add(net);
            final DoubleVector inAfterGross = reserveIn.add(gross);
            final DoubleVector perProduct = one.div(inAfterNet.mul(inAfterGross));
            final DoubleVector received = reserveOut.mul(net).mul(inAfterGross).mul(perProduct);
            final VectorMask<Double> trades = received.compare(VectorOperators.GT, 0.0);
            final VectorMask<Double> unstakes = stake.not().and(trades);
            final DoubleVector paidIn = zero.blend(gross, trades);
            final DoubleVector paidOut = zero.blend(received, trades);
            final DoubleVector newIn = reserveIn.blend(inAfterGross.blend(inAfterNet, stake), trades);
            final DoubleVector newOut = reserveOut.sub(paidOut);
            // the alpha fee re-sold fee-free for the author: (tao − received)·fee/(alphaIn + gross)
            final DoubleVector authorTao = zero.blend(reserveOut.sub(received).mul(fee).mul(inAfterNet)
                    .mul(perProduct), unstakes);
            newOut.sub(authorTao).blend(newIn, stake).intoArray(taoReserve, c);
            newIn.blend(newOut, stake).intoArray(alphaIn, c);
            aout.add(paidIn.neg().blend(paidOut, stake)).intoArray(alphaOut, c);
            DoubleVector.fromArray(D, taoStaked, p).add(paidIn, stake).intoArray(taoStaked, p);
            DoubleVector.fromArray(D, taoUnstaked, p).add(paidOut, stake.not()).intoArray(taoUnstaked, p);
            DoubleVector.fromArray(D, taoFees, p).add(authorTao.blend(fee, stake.and(trades))).intoArray(taoFees, p);
        }
    }

    @Override
    public void uniforms(final long firstState, final long stride, final double[] out) {
        final int bound = D.loopBound(out.length);
        if (bound > 0) {
            uniformsLanes(firstState, stride, out, bound);
        }
        ScalarRowKernels.uniforms(firstState, stride, out, bound, out.length);
    }

    private static void uniformsLanes(final long firstState, final long stride, final double[] out,
                                      final int bound) {
        final LongVector laneStates = LongVector.fromArray(L, LANE_INDEX, 0).mul(stride);
        for (int p = 0; p < bound; p += LANES) {
            uniform(laneStates, firstState + p * stride).intoArray(out, p);
        }
    }

    @Override
    public void accumulate(final double[] values, final int row, final double[] sum) {
        final int bound = D.loopBound(sum.length);
        if (bound > 0) {
            accumulateLanes(values, row, sum, bound);
        }
        ScalarRowKernels.addRow(values, row, sum, bound, sum.length);
    }

    private static void accumulateLanes(final double[] values, final int row, final double[] sum, final int bound) {
        for (int p = 0; p < bound; p += LANES) {
            DoubleVector.fromArray(D, sum, p).add(DoubleVector.fromArray(D, values, row + p)).intoArray(sum, p);
        }
    }

    @Override
    public void accumulatePositive(final double[] values, final int row, final double[] sum) {
        final int bound = D.loopBound(sum.length);
        if (bound > 0) {
            accumulatePositiveLanes(values, row, sum, bound);
        }
        ScalarRowKernels.accumulatePositive(values, row, sum, bound, sum.length);
    }

    private static void accumulatePositiveLanes(final double[] values, final int row, final double[] sum,
                                                final int bound) {
        for (int p = 0; p < bound; p += LANES) {
            DoubleVector.fromArray(D, sum, p).add(DoubleVector.fromArray(D, values, row + p).max(0.0))
                    .intoArray(sum, p);
        }
    }

    @Override
    public void priceWeights(final BatchState s, final int subnet, final double factor,
                             final boolean withRootProportion, final double[] sum) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0 && withRootProportion) {
            rootPriceWeightsLanes(s, subnet, factor, sum, bound);
        } else if (bound > 0) {
            priceWeightsLanes(s, subnet, factor, sum, bound);
        }
        ScalarRowKernels.priceWeights(s, subnet, factor, withRootProportion, sum, bound, s.paths);
    }

    private static void priceWeightsLanes(final BatchState s, final int subnet, final double factor,
                                          final double[] sum, final int bound) {
        final int row = subnet * s.paths;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector weight = DoubleVector.fromArray(D, s.movingPrice, c).mul(factor);
            weight.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, sum, p).add(weight).intoArray(sum, p);
        }
    }

    private static void rootPriceWeightsLanes(final BatchState s, final int subnet, final double factor,
                                              final double[] sum, final int bound) {
        final int row = subnet * s.paths;
        final double taoWeight = s.protocol.taoWeight();
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector weightedRoot = DoubleVector.fromArray(D, s.rootStake, p).mul(taoWeight);
            final DoubleVector weight = DoubleVector.fromArray(D, s.movingPrice, c).mul(factor)
                    .mul(weightedRoot.div(weightedRoot.add(DoubleVector.fromArray(D, s.alphaIn, c))
                            .add(DoubleVector.fromArray(D, s.alphaOut, c))));
            weight.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, sum, p).add(weight).intoArray(sum, p);
        }
    }

    @Override
    public void netFlowWeights(final BatchState s, final int subnet, final double[] norm, final double[] lowest) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            netFlowWeightsLanes(s, subnet, norm, lowest, bound);
        }
        ScalarRowKernels.netFlowWeights(s, subnet, norm, lowest, bound, s.paths);
    }

    private static void netFlowWeightsLanes(final BatchState s, final int subnet, final double[] norm,
                                            final double[] lowest, final int bound) {
        final int row = subnet * s.paths;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector user = DoubleVector.fromArray(D, s.taoFlowEma, c);
            final DoubleVector prot = DoubleVector.fromArray(D, s.protocolFlowEma, c);
            final DoubleVector weight = user.sub(prot).blend(user.sub(DoubleVector.fromArray(D, norm, p).mul(prot)),
                    prot.compare(VectorOperators.GT, 0.0));
            weight.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, lowest, p).min(weight).intoArray(lowest, p);
        }
    }

    @Override
    public void updateFlows(final BatchState s, final int subnet, final double smoothing, final boolean protocolFlow,
                            final double[] lowest) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0 && protocolFlow) {
            updateFlowsLanes(s, subnet, smoothing, lowest, bound);
        } else if (bound > 0) {
            userFlowLanes(s, subnet, smoothing, lowest, bound);
        }
        ScalarRowKernels.updateFlows(s, subnet, smoothing, protocolFlow, lowest, bound, s.paths);
    }

    /** {@link ScalarRowKernels#updateFlows} without the protocol's flow, for path slots [0, bound). */
    private static void userFlowLanes(final BatchState s, final int subnet, final double smoothing,
                                      final double[] lowest, final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector keep = DoubleVector.broadcast(D, 1.0 - smoothing);
        final DoubleVector f = DoubleVector.broadcast(D, smoothing);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector userFlow = DoubleVector.fromArray(D, s.taoReserve, c)
                    .sub(DoubleVector.fromArray(D, s.taoAfterStep, c));
            final DoubleVector flow = keep.mul(DoubleVector.fromArray(D, s.taoFlowEma, c)).add(f.mul(userFlow));
            flow.intoArray(s.taoFlowEma, c);
            DoubleVector.fromArray(D, lowest, p).min(flow).intoArray(lowest, p);
        }
    }

    /** {@link ScalarRowKernels#updateFlows} with the protocol's flow, for path slots [0, bound). */
    private static void updateFlowsLanes(final BatchState s, final int subnet, final double smoothing,
                                         final double[] lowest, final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector keep = DoubleVector.broadcast(D, 1.0 - smoothing);
        final DoubleVector f = DoubleVector.broadcast(D, smoothing);
        final DoubleVector zero = DoubleVector.zero(D);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector userFlow = DoubleVector.fromArray(D, s.taoReserve, c)
                    .sub(DoubleVector.fromArray(D, s.taoAfterStep, c));
            final DoubleVector flow = keep.mul(DoubleVector.fromArray(D, s.taoFlowEma, c)).add(f.mul(userFlow));
            flow.intoArray(s.taoFlowEma, c);
            keep.mul(DoubleVector.fromArray(D, s.protocolFlowEma, c))
                    .add(f.mul(DoubleVector.fromArray(D, s.protocolFlow, c))).intoArray(s.protocolFlowEma, c);
            zero.intoArray(s.protocolFlow, c);
            DoubleVector.fromArray(D, lowest, p).min(flow).intoArray(lowest, p);
        }
    }

    @Override
    public void flowShares(final BatchState s, final int subnet, final double[] flows, final double cutoff,
                           final double[] lowest, final double[] sum) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            flowSharesLanes(s, subnet, flows, cutoff, lowest, sum, bound);
        }
        ScalarRowKernels.flowShares(s, subnet, flows, cutoff, lowest, sum, bound, s.paths);
    }

    private static void flowSharesLanes(final BatchState s, final int subnet, final double[] flows,
                                        final double cutoff, final double[] lowest, final double[] sum,
                                        final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector cutoffs = DoubleVector.broadcast(D, cutoff);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector z = DoubleVector.fromArray(D, flows, c)
                    .sub(cutoffs.max(DoubleVector.fromArray(D, lowest, p))).max(0.0);
            z.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, sum, p).add(z).intoArray(sum, p);
        }
    }

    @Override
    public void userFlowShares(final BatchState s, final int subnet, final double smoothing, final double cutoff,
                               final double[] sum, final double[] movingPriceSum) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            userFlowSharesLanes(s, subnet, smoothing, cutoff, sum, movingPriceSum, bound);
        }
        ScalarRowKernels.userFlowShares(s, subnet, smoothing, cutoff, sum, movingPriceSum, bound, s.paths);
    }

    private static void userFlowSharesLanes(final BatchState s, final int subnet, final double smoothing,
                                            final double cutoff, final double[] sum, final double[] movingPriceSum,
                                            final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector keep = DoubleVector.broadcast(D, 1.0 - smoothing);
        final DoubleVector f = DoubleVector.broadcast(D, smoothing);
        final DoubleVector cutoffs = DoubleVector.broadcast(D, cutoff);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector userFlow = DoubleVector.fromArray(D, s.taoReserve, c)
                    .sub(DoubleVector.fromArray(D, s.taoAfterStep, c));
            final DoubleVector flow = keep.mul(DoubleVector.fromArray(D, s.taoFlowEma, c)).add(f.mul(userFlow));
            flow.intoArray(s.taoFlowEma, c);
            DoubleVector.fromArray(D, movingPriceSum, p).add(DoubleVector.fromArray(D, s.movingPrice, c))
                    .intoArray(movingPriceSum, p);
            final DoubleVector z = flow.sub(cutoffs).max(0.0);
            z.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, sum, p).add(z).intoArray(sum, p);
        }
    }

    @Override
    public void updateNetFlows(final BatchState s, final int subnet, final double smoothing,
                               final double[] userPositive, final double[] protocolPositive,
                               final double[] movingPriceSum) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            updateNetFlowsLanes(s, subnet, smoothing, userPositive, protocolPositive, movingPriceSum, bound);
        }
        ScalarRowKernels.updateNetFlows(s, subnet, smoothing, userPositive, protocolPositive, movingPriceSum,
                bound, s.paths);
    }

    private static void updateNetFlowsLanes(final BatchState s, final int subnet, final double smoothing,
                                            final double[] userPositive, final double[] protocolPositive,
                                            final double[] movingPriceSum, final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector keep = DoubleVector.broadcast(D, 1.0 - smoothing);
        final DoubleVector f = DoubleVector.broadcast(D, smoothing);
        final DoubleVector zero = DoubleVector.zero(D);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector userFlow = DoubleVector.fromArray(D, s.taoReserve, c)
                    .sub(DoubleVector.fromArray(D, s.taoAfterStep, c));
            final DoubleVector flow = keep.mul(DoubleVector.fromArray(D, s.taoFlowEma, c)).add(f.mul(userFlow));
            flow.intoArray(s.taoFlowEma, c);
            final DoubleVector protocol = keep.mul(DoubleVector.fromArray(D, s.protocolFlowEma, c))
                    .add(f.mul(DoubleVector.fromArray(D, s.protocolFlow, c)));
            protocol.intoArray(s.protocolFlowEma, c);
            zero.intoArray(s.protocolFlow, c);
            DoubleVector.fromArray(D, userPositive, p).add(flow.max(0.0)).intoArray(userPositive, p);
            DoubleVector.fromArray(D, protocolPositive, p).add(protocol.max(0.0)).intoArray(protocolPositive, p);
            DoubleVector.fromArray(D, movingPriceSum, p).add(DoubleVector.fromArray(D, s.movingPrice, c))
                    .intoArray(movingPriceSum, p);
        }
    }

    @Override
    public void netFlowShares(final BatchState s, final int subnet, final double[] norm, final double cutoff,
                              final double[] sum) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            netFlowSharesLanes(s, subnet, norm, cutoff, sum, bound);
        }
        ScalarRowKernels.netFlowShares(s, subnet, norm, cutoff, sum, bound, s.paths);
    }

    private static void netFlowSharesLanes(final BatchState s, final int subnet, final double[] norm,
                                           final double cutoff, final double[] sum, final int bound) {
        final int row = subnet * s.paths;
        final DoubleVector cutoffs = DoubleVector.broadcast(D, cutoff);
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector user = DoubleVector.fromArray(D, s.taoFlowEma, c);
            final DoubleVector prot = DoubleVector.fromArray(D, s.protocolFlowEma, c);
            final DoubleVector weight = user.sub(prot).blend(user.sub(DoubleVector.fromArray(D, norm, p).mul(prot)),
                    prot.compare(VectorOperators.GT, 0.0));
            final DoubleVector z = weight.sub(cutoffs).max(0.0);
            z.intoArray(s.shareWeight, c);
            DoubleVector.fromArray(D, sum, p).add(z).intoArray(sum, p);
        }
    }

    @Override
    public void claimRoot(final BatchState s, final int subnet, final double rate, final double swapShare,
                          final boolean protocolFlow, final double[] blockClaimTao) {
        final int bound = D.loopBound(s.paths);
        if (bound > 0) {
            claimRootLanes(s, subnet, rate, swapShare, protocolFlow, blockClaimTao, bound);
        }
        ScalarRowKernels.claimRoot(s, subnet, rate, swapShare, protocolFlow, blockClaimTao, bound, s.paths);
    }

    private static void claimRootLanes(final BatchState s, final int subnet, final double rate,
                                       final double swapShare, final boolean protocolFlow,
                                       final double[] blockClaimTao, final int bound) {
        final int row = subnet * s.paths;
        final double[] flowTo = protocolFlow ? s.protocolFlow : s.pathSink;
        final int flowRow = protocolFlow ? row : 0;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector claimable = DoubleVector.fromArray(D, s.rootClaimable, c);
            final DoubleVector claimed = claimable.mul(rate);
            claimable.sub(claimed).intoArray(s.rootClaimable, c);
            final DoubleVector sold = claimed.mul(swapShare);
            final DoubleVector tao = DoubleVector.fromArray(D, s.taoReserve, c);
            final DoubleVector ain = DoubleVector.fromArray(D, s.alphaIn, c);
            final DoubleVector taoOut = tao.mul(sold).div(ain.add(sold));
            tao.sub(taoOut).intoArray(s.taoReserve, c);
            ain.add(sold).intoArray(s.alphaIn, c);
            DoubleVector.fromArray(D, s.alphaOut, c).sub(sold).intoArray(s.alphaOut, c);
            DoubleVector.fromArray(D, flowTo, flowRow + p).sub(taoOut).intoArray(flowTo, flowRow + p);
            DoubleVector.fromArray(D, blockClaimTao, p).add(taoOut).intoArray(blockClaimTao, p);
        }
    }

    @Override
    public void cappedCoinbase(final BatchState s, final int subnet, final double movingAlpha,
                               final CappedRules rules) {
        final int bound = lanesRun(rules) ? D.loopBound(s.paths) : 0;
        if (bound > 0) {
            if (rules.rootAccrues()) {
                // claims of rate 0 change no bit (each adds or subtracts +0): a row with an epoch this block
                cappedAccrueLanes(s, subnet, movingAlpha, rules, 0.0, 0.0, s.pathScratchB, bound);
            } else {
                cappedSellLanes(s, subnet, movingAlpha, rules, bound);
            }
        }
        ScalarRowKernels.cappedCoinbase(s, subnet, movingAlpha, rules, bound, s.paths);
    }

    @Override
    public void cappedCoinbaseAndClaim(final BatchState s, final int subnet, final double movingAlpha,
                                       final CappedRules rules, final double claimRate, final double claimSwapShare,
                                       final double[] blockClaimTao) {
        final int bound = lanesRun(rules) ? D.loopBound(s.paths) : 0;
        if (bound > 0) {
            cappedAccrueLanes(s, subnet, movingAlpha, rules, claimRate, claimSwapShare, blockClaimTao, bound);
        }
        ScalarRowKernels.cappedCoinbase(s, subnet, movingAlpha, rules, bound, s.paths);
        ScalarRowKernels.claimRoot(s, subnet, claimRate, claimSwapShare, rules.recordProtocolFlow(), blockClaimTao,
                bound, s.paths);
    }

    /**
     * Whether the coinbase lanes cover these rules. The lanes have no branch around a vector load or store (one
     * let C2 box vectors after some JIT histories), so the rule sets no era's defaults use run the scalar twin
     * (bit-identical): root alpha accruing with the subsidy rule (taoflow before 2025-11-06), or the subsidy era
     * with a protocol-flow record.
     */
    private static boolean lanesRun(final CappedRules rules) {
        return rules.rootAccrues() ? rules.issueExcess() && !rules.burnRootOfCapped()
                : !rules.issueExcess() && !rules.recordProtocolFlow();
    }

    /**
     * {@link ScalarRowKernels#cappedCoinbase} for path slots [0, bound) of a row where every cell is live, in
     * the eras whose root alpha accrues, followed by the row's root claims ({@link ScalarRowKernels#claimRoot}).
     */
    private static void cappedAccrueLanes(final BatchState s, final int subnet, final double movingAlpha,
                                          final CappedRules rules, final double claimRate,
                                          final double claimSwapShare, final double[] blockClaimTao,
                                          final int bound) {
        final boolean rootRecycled = rules.rootRecycledWithoutSellFlag();
        final int row = subnet * s.paths;
        final double ownerCut = s.protocol.ownerCut();
        final double taoWeight = s.protocol.taoWeight();
        final int cap = rules.cap();
        final boolean capAlphaInIsAlphaEmission = rules.capAlphaInIsAlphaEmission();
        final boolean buyBefore = rules.buyBeforeInjection();
        final boolean keepBought = rules.keepBoughtAlpha();
        final boolean recordProtocolFlow = rules.recordProtocolFlow();
        final boolean rootProportionCap = cap == CappedRules.CAP_ROOT_PROPORTION;
        final double keepPrice = 1.0 - movingAlpha;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector one = DoubleVector.broadcast(D, 1.0);
        // loop-invariant choices as masks and arrays, so the lanes loop holds no branch around a load or store
        final VectorMask<Double> keepLanes = one.compare(VectorOperators.LT, keepBought ? 2.0 : 0.0);
        final double[] boughtTo = keepBought ? s.protocolAlpha : s.alphaRecycled;
        final int boughtRow = keepBought ? row : 0;
        final double[] flowTo = recordProtocolFlow ? s.protocolFlow : s.pathSink;
        final int flowRow = recordProtocolFlow ? row : 0;
        // tao_in is kept for the rows a probe asked for
        final double[] taoInjectedTo = s.injectionRecorded[subnet] ? s.taoInjected : s.pathSink;
        final int injectedRow = s.injectionRecorded[subnet] ? row : 0;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector emissionTao = DoubleVector.fromArray(D, s.blockEmission, p);
            final DoubleVector emitted = DoubleVector.fromArray(D, s.alphaEmission, c);
            final DoubleVector weightedRoot = DoubleVector.fromArray(D, s.rootStake, p).mul(taoWeight);
            DoubleVector tao = DoubleVector.fromArray(D, s.taoReserve, c);
            DoubleVector ain = DoubleVector.fromArray(D, s.alphaIn, c);
            DoubleVector aout = DoubleVector.fromArray(D, s.alphaOut, c);
            final DoubleVector share = DoubleVector.fromArray(D, s.shareWeight, c)
                    .mul(DoubleVector.fromArray(D, s.emissionPerMovingPrice, p));
            final DoubleVector third = !buyBefore ? tao.add(share)
                    : rootProportionCap ? weightedRoot.add(ain).add(aout) : one;
            final DoubleVector poolProduct = tao.mul(ain);
            final DoubleVector perProduct = one.div(poolProduct.mul(third));
            final DoubleVector perPool = third.mul(perProduct);
            final DoubleVector price = tao.mul(tao).mul(perPool);
            final DoubleVector rootProportionBefore = rootProportionCap
                    ? weightedRoot.mul(poolProduct).mul(perProduct) : zero;
            final DoubleVector capAlpha = cap == CappedRules.CAP_BLOCK_EMISSION ? emissionTao
                    : cap == CappedRules.CAP_ALPHA_EMISSION ? emitted
                    : cap == CappedRules.CAP_MIN_ALPHA_AND_BLOCK_EMISSION ? emitted.min(emissionTao)
                    : rootProportionBefore.mul(emitted);
            final DoubleVector wanted = share.mul(ain).mul(ain).mul(perPool);
            final VectorMask<Double> capped = wanted.compare(VectorOperators.GT, capAlpha);
            final DoubleVector alphaInjected = wanted.blend(capAlphaInIsAlphaEmission ? emitted : capAlpha, capped);
            final DoubleVector taoInjected = share.blend(capAlpha.mul(price), capped);
            final DoubleVector excess = share.sub(taoInjected);
            // the scalar twin buys only for excess > 0; a buy of +0 leaves every sum and reserve's bits as they were
            final DoubleVector buy = excess.max(zero);
            final DoubleVector bought;
            if (buyBefore) {
                bought = ain.mul(buy).div(tao.add(buy));
                tao = tao.add(buy);
                ain = ain.sub(bought);
                ain = ain.add(alphaInjected);
                tao = tao.add(taoInjected);
            } else {
                ain = ain.add(alphaInjected);
                bought = ain.mul(buy).mul(poolProduct.mul(perProduct));
                ain = ain.sub(bought);
                tao = third;
            }
            // chain-bought alpha: kept as protocol alpha (in alpha out) or recycled, into the array chosen above
            aout = aout.add(bought, keepLanes);
            DoubleVector.fromArray(D, boughtTo, boughtRow + p).add(bought).intoArray(boughtTo, boughtRow + p);
            DoubleVector recycled = DoubleVector.fromArray(D, s.alphaRecycled, p);
            DoubleVector.fromArray(D, s.alphaMinted, p).add(alphaInjected.add(emitted)).intoArray(s.alphaMinted, p);
            aout = aout.add(emitted);
            final DoubleVector owner = emitted.mul(ownerCut);
            final DoubleVector rest = emitted.sub(owner);
            DoubleVector.fromArray(D, s.pendingOwner, c).add(owner).intoArray(s.pendingOwner, c);
            final DoubleVector depth = weightedRoot.add(ain).add(aout);
            final DoubleVector perDepth = one.div(ain.mul(depth));
            final DoubleVector rootProportion = weightedRoot.mul(ain).mul(perDepth);
            final DoubleVector spot = tao.mul(depth).mul(perDepth);
            final DoubleVector rootAlpha = rootProportion.mul(rest).mul(0.5);
            DoubleVector pendingAlpha = DoubleVector.fromArray(D, s.pendingAlpha, c).add(rest.sub(rootAlpha));
            // (burning subsidised root alpha, 2025-11-04 → 11-06, runs the scalar twin: lanesRun)
            final VectorMask<Double> flag = VectorMask.fromArray(D, s.rootSellFlag, p);
            final VectorMask<Double> noFlag = flag.not();
            DoubleVector.fromArray(D, s.pendingRootAlpha, c).add(rootAlpha, flag).intoArray(s.pendingRootAlpha, c);
            if (rootRecycled) {
                aout = aout.blend(aout.sub(rootAlpha), noFlag);
                recycled = recycled.add(rootAlpha, noFlag);
            } else {
                pendingAlpha = pendingAlpha.add(rootAlpha, noFlag);
            }
            recycled.intoArray(s.alphaRecycled, p);
            pendingAlpha.intoArray(s.pendingAlpha, c);
            DoubleVector.broadcast(D, movingAlpha).mul(spot.min(s.movingPriceClip))
                    .add(DoubleVector.broadcast(D, keepPrice).mul(DoubleVector.fromArray(D, s.movingPrice, c)))
                    .intoArray(s.movingPrice, c);
            // mechanics §4 root claims of this row (ScalarRowKernels.claimRoot)
            final DoubleVector claimable = DoubleVector.fromArray(D, s.rootClaimable, c);
            final DoubleVector claimed = claimable.mul(claimRate);
            claimable.sub(claimed).intoArray(s.rootClaimable, c);
            final DoubleVector sold = claimed.mul(claimSwapShare);
            final DoubleVector taoOut = tao.mul(sold).div(ain.add(sold));
            tao = tao.sub(taoOut);
            ain = ain.add(sold);
            aout = aout.sub(sold);
            DoubleVector.fromArray(D, flowTo, flowRow + p).add(taoInjected.add(excess)).sub(taoOut)
                    .intoArray(flowTo, flowRow + p);
            DoubleVector.fromArray(D, blockClaimTao, p).add(taoOut).intoArray(blockClaimTao, p);
            tao.intoArray(s.taoReserve, c);
            ain.intoArray(s.alphaIn, c);
            aout.intoArray(s.alphaOut, c);
            taoInjected.intoArray(taoInjectedTo, injectedRow + p);
        }
    }

    /**
     * {@link ScalarRowKernels#cappedCoinbase} for path slots [0, bound) of a row where every cell is live, in
     * the era that sells root alpha (subsidy): sold every block except on subsidised subnets, where it burns.
     */
    private static void cappedSellLanes(final BatchState s, final int subnet, final double movingAlpha,
                                        final CappedRules rules, final int bound) {
        final int row = subnet * s.paths;
        final double ownerCut = s.protocol.ownerCut();
        final double taoWeight = s.protocol.taoWeight();
        final int cap = rules.cap();
        final boolean capAlphaInIsAlphaEmission = rules.capAlphaInIsAlphaEmission();
        final boolean buyBefore = rules.buyBeforeInjection();
        final boolean keepBought = rules.keepBoughtAlpha();
        final boolean rootProportionCap = cap == CappedRules.CAP_ROOT_PROPORTION;
        final double keepPrice = 1.0 - movingAlpha;
        final DoubleVector zero = DoubleVector.zero(D);
        final DoubleVector one = DoubleVector.broadcast(D, 1.0);
        // loop-invariant choices as masks and arrays, so the lanes loop holds no branch around a load or store
        final VectorMask<Double> keepLanes = one.compare(VectorOperators.LT, keepBought ? 2.0 : 0.0);
        final double[] boughtTo = keepBought ? s.protocolAlpha : s.alphaRecycled;
        final int boughtRow = keepBought ? row : 0;
        // tao_in is kept for the rows a probe asked for
        final double[] taoInjectedTo = s.injectionRecorded[subnet] ? s.taoInjected : s.pathSink;
        final int injectedRow = s.injectionRecorded[subnet] ? row : 0;
        for (int p = 0; p < bound; p += LANES) {
            final int c = row + p;
            final DoubleVector emissionTao = DoubleVector.fromArray(D, s.blockEmission, p);
            final DoubleVector emitted = DoubleVector.fromArray(D, s.alphaEmission, c);
            final DoubleVector weightedRoot = DoubleVector.fromArray(D, s.rootStake, p).mul(taoWeight);
            DoubleVector tao = DoubleVector.fromArray(D, s.taoReserve, c);
            DoubleVector ain = DoubleVector.fromArray(D, s.alphaIn, c);
            DoubleVector aout = DoubleVector.fromArray(D, s.alphaOut, c);
            final DoubleVector share = DoubleVector.fromArray(D, s.shareWeight, c)
                    .mul(DoubleVector.fromArray(D, s.emissionPerMovingPrice, p));
            final DoubleVector third = !buyBefore ? tao.add(share)
                    : rootProportionCap ? weightedRoot.add(ain).add(aout) : one;
            final DoubleVector poolProduct = tao.mul(ain);
            final DoubleVector perProduct = one.div(poolProduct.mul(third));
            final DoubleVector perPool = third.mul(perProduct);
            final DoubleVector price = tao.mul(tao).mul(perPool);
            final DoubleVector rootProportionBefore = rootProportionCap
                    ? weightedRoot.mul(poolProduct).mul(perProduct) : zero;
            final DoubleVector capAlpha = cap == CappedRules.CAP_BLOCK_EMISSION ? emissionTao
                    : cap == CappedRules.CAP_ALPHA_EMISSION ? emitted
                    : cap == CappedRules.CAP_MIN_ALPHA_AND_BLOCK_EMISSION ? emitted.min(emissionTao)
                    : rootProportionBefore.mul(emitted);
            final DoubleVector wanted = share.mul(ain).mul(ain).mul(perPool);
            final VectorMask<Double> capped = wanted.compare(VectorOperators.GT, capAlpha);
            final DoubleVector alphaInjected = wanted.blend(capAlphaInIsAlphaEmission ? emitted : capAlpha, capped);
            final DoubleVector taoInjected = share.blend(capAlpha.mul(price), capped);
            final DoubleVector excess = share.sub(taoInjected);
            // the scalar twin buys only for excess > 0; a buy of +0 leaves every sum and reserve's bits as they were
            final DoubleVector buy = excess.max(zero);
            final DoubleVector bought;
            if (buyBefore) {
                bought = ain.mul(buy).div(tao.add(buy));
                tao = tao.add(buy);
                ain = ain.sub(bought);
                ain = ain.add(alphaInjected);
                tao = tao.add(taoInjected);
            } else {
                ain = ain.add(alphaInjected);
                bought = ain.mul(buy).mul(poolProduct.mul(perProduct));
                ain = ain.sub(bought);
                tao = third;
            }
            // chain-bought alpha: kept as protocol alpha (in alpha out) or recycled, into the array chosen above
            aout = aout.add(bought, keepLanes);
            DoubleVector.fromArray(D, boughtTo, boughtRow + p).add(bought).intoArray(boughtTo, boughtRow + p);
            // the subsidy era issues only the tao_in (lanesRun); the chain buys' TAO reached the pool unissued
            DoubleVector.fromArray(D, s.totalIssuance, p).add(taoInjected).intoArray(s.totalIssuance, p);
            DoubleVector.fromArray(D, s.taoUnissued, p).add(excess).intoArray(s.taoUnissued, p);
            DoubleVector.fromArray(D, s.alphaMinted, p).add(alphaInjected.add(emitted)).intoArray(s.alphaMinted, p);
            aout = aout.add(emitted);
            final DoubleVector owner = emitted.mul(ownerCut);
            final DoubleVector rest = emitted.sub(owner);
            DoubleVector.fromArray(D, s.pendingOwner, c).add(owner).intoArray(s.pendingOwner, c);
            final DoubleVector rootProportion = weightedRoot.div(weightedRoot.add(ain).add(aout));
            final DoubleVector rootAlpha = rootProportion.mul(rest).mul(0.5);
            DoubleVector.fromArray(D, s.pendingAlpha, c).add(rest.sub(rootAlpha)).intoArray(s.pendingAlpha, c);
            // subsidised (capped) subnets: root alpha neither sold nor paid; others sell it
            final VectorMask<Double> sells = capped.not();
            final DoubleVector sold = rootAlpha.blend(zero, capped);
            DoubleVector.fromArray(D, s.alphaBurned, p).add(rootAlpha, capped).intoArray(s.alphaBurned, p);
            final DoubleVector perAlpha = one.div(ain.add(sold));
            final DoubleVector rootTao = tao.mul(sold).mul(perAlpha);
            ain = ain.add(sold);
            aout = aout.sub(sold);
            tao = tao.sub(rootTao);
            DoubleVector.fromArray(D, s.pendingRootTao, c).add(rootTao, sells).intoArray(s.pendingRootTao, c);
            DoubleVector.broadcast(D, movingAlpha).mul(tao.mul(perAlpha).min(s.movingPriceClip))
                    .add(DoubleVector.broadcast(D, keepPrice).mul(DoubleVector.fromArray(D, s.movingPrice, c)))
                    .intoArray(s.movingPrice, c);
            tao.intoArray(s.taoReserve, c);
            ain.intoArray(s.alphaIn, c);
            aout.intoArray(s.alphaOut, c);
            taoInjected.intoArray(taoInjectedTo, injectedRow + p);
        }
    }

    /** SplitMix64 uniforms at states {@code first + lane·stride}, as {@link CounterRng#unit} lane by lane. */
    private static DoubleVector uniform(final LongVector laneStates, final long first) {
        LongVector z = laneStates.add(first);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(CounterRng.MIX1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(CounterRng.MIX2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        return ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                .mul(CounterRng.UNIT);
    }
}
