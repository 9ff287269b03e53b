package dtaosim.engine.kernel;

import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.state.BatchState;

/**
 * Plain-loop implementation of {@link RowKernels}. Its range methods also finish the tails of the vector
 * kernels, so the operations and their order here define the numbers both produce.
 */
public final class ScalarRowKernels implements RowKernels {
    /** The shared instance (stateless). */
    public static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

    private ScalarRowKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void emissionPerMovingPrice(final BatchState s) {
        final int paths = s.paths;
        final double[] sum = s.emissionPerMovingPrice;
        final double[] movingPrice = s.movingPrice;
        java.util.Arrays.fill(sum, 0.0);
        for (int i = 0; i < s.subnets; i++) {
            addRow(movingPrice, i * paths, sum, 0, paths);
        }
        finishEmissionPerMovingPrice(s, 0, paths);
    }

    /** {@code sum[p] += row[offset + p]} for p in [from, to). */
    public static void addRow(final double[] row, final int offset, final double[] sum, final int from,
                              final int to) {
        for (int p = from; p < to; p++) {
            sum[p] += row[offset + p];
        }
    }

    /** Turns the moving-price sums in {@code emissionPerMovingPrice} into emission per unit of moving price. */
    public static void finishEmissionPerMovingPrice(final BatchState s, final int from, final int to) {
        final double[] perPrice = s.emissionPerMovingPrice;
        final double[] blockEmission = s.blockEmission;
        for (int p = from; p < to; p++) {
            final double sum = perPrice[p];
            // no subnet with a moving price: no shares, nothing injected (mechanics §2a gives 0/0)
            perPrice[p] = sum > 0.0 ? blockEmission[p] / sum : 0.0;
        }
    }

    @Override
    public void coinbase(final BatchState s, final int subnet, final double movingAlpha) {
        coinbase(s, subnet, movingAlpha, 0, s.paths);
    }

    /** {@link #coinbase(BatchState, int, double)} for path slots [from, to). */
    public static void coinbase(final BatchState s, final int subnet, final double movingAlpha, final int from,
                                final int to) {
        final int row = subnet * s.paths;
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
        final boolean overCredit = s.overCreditRootAlpha;
        final double[] rootAlphaSold = s.pendingRootAlpha;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            double tao = taoReserve[c];
            double ain = alphaIn[c];
            double aout = alphaOut[c];
            final double emitted = alphaEmission[c]; // mechanics §1, cached for this issuance
            // mechanics §3 (2025-02-13): tao_in = share × E in full; alpha_in = min(tao_in / price, alpha_emission)
            final double taoIn = movingPrice[c] * emissionPerMovingPrice[p];
            final double alphaInjected = Math.min(taoIn * ain / tao, emitted);
            ain += alphaInjected;
            aout += emitted;
            tao += taoIn;
            // mechanics §4: owner cut, then root_prop = tw·R / (tw·R + alpha issuance) after minting
            final double owner = emitted * ownerCut;
            final double rest = emitted - owner;
            final double weightedRoot = taoWeight * rootStake[p];
            final double rootProportion = weightedRoot / (weightedRoot + ain + aout);
            final double rootAlpha = rootProportion * rest * 0.5;
            pendingOwner[c] += owner;
            pendingAlpha[c] += rest - rootAlpha;
            // root alpha sold into the pool every block, fee-free (mechanics §4, launch era):
            // rootTao = tao·rootAlpha/(alphaIn + rootAlpha); the new spot price shares the reciprocal
            ain += rootAlpha;
            final double perAlpha = 1.0 / ain;
            final double rootTao = tao * rootAlpha * perAlpha;
            aout -= rootAlpha;
            tao -= rootTao;
            pendingRootTao[c] += rootTao;
            if (overCredit) {
                rootAlphaSold[c] += rootAlpha; // credited again at the epoch without the dividend fix
            }
            // mechanics §2a: P̄ ← a·min(spot, 1) + (1 − a)·P̄
            movingPrice[c] = movingAlpha * Math.min(tao * perAlpha, clip) + keepPrice * movingPrice[c];
            taoReserve[c] = tao;
            alphaIn[c] = ain;
            alphaOut[c] = aout;
            alphaMinted[p] += alphaInjected + emitted;
        }
    }

    @Override
    public void uniformNoise(final BatchState s, final int subnet, final long firstState, final long stateStride,
                             final double sigma, final boolean heldOnly) {
        uniformNoise(s, subnet, firstState, stateStride, sigma, heldOnly, 0, s.paths);
    }

    /**
     * {@link #uniformNoise(BatchState, int, long, long, double, boolean)} for path slots [from, to). Without a fee a
     * stake and an unstake are the same constant-product step with the reserves' roles swapped, which
     * {@link #feeFreeNoise} exploits; with a fee the two branches differ.
     */
    public static void uniformNoise(final BatchState s, final int subnet, final long firstState,
                                    final long stateStride, final double sigma, final boolean heldOnly,
                                    final int from, final int to) {
        if (s.feeRate > 0.0) {
            rateFeeNoise(s, subnet, firstState, stateStride, sigma, heldOnly, from, to);
        } else if (s.stakeFeeTao == 0.0) {
            feeFreeNoise(s, subnet, firstState, stateStride, sigma, heldOnly, from, to);
        } else {
            feeNoise(s, subnet, firstState, stateStride, sigma, heldOnly, from, to);
        }
    }

    /**
     * Noise trades in the eras with a fee rate r (V3, Balancer; mechanics §5), the swaps of
     * {@link ConstantProductPool}: the trader pays {@code gross = |x|·σ·r_in} into the reserve r_in, of which
     * {@code fee = r·gross} is the fee, and receives {@code r_out·net/(r_in + net)}. A fee the pool keeps joins
     * its reserve ({@code r_in + gross}). A fee for the block author is paid directly on a stake; on an unstake
     * the alpha fee joins the pool and is re-sold fee-free, {@code (tao − received)·fee/(alphaIn + gross)}. With
     * the author's fee both divisions share one reciprocal, {@code 1/((r_in + net)(r_in + gross))}.
     */
    public static void rateFeeNoise(final BatchState s, final int subnet, final long firstState,
                                    final long stateStride, final double sigma, final boolean heldOnly,
                                    final int from, final int to) {
        final int row = subnet * s.paths;
        final double rate = s.feeRate;
        final boolean toAuthor = s.feesLeavePool;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] after = s.taoAfterStep;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double x = 2.0 * CounterRng.unit(firstState + p * stateStride) - 1.0;
            final boolean stake = x > 0.0;
            final double tao = taoReserve[c];
            final double ain = alphaIn[c];
            final double reserveIn = stake ? tao : ain;
            final double reserveOut = stake ? ain : tao;
            final double wanted = Math.abs(x) * sigma * reserveIn;
            // holders sell no more alpha than they hold
            final double gross = stake || !heldOnly ? wanted : s.sellable(c, wanted);
            final double fee = gross * rate;
            final double net = gross - fee;
            final double inAfterNet = reserveIn + net;
            final double inAfterGross = reserveIn + gross;
            final double perProduct = toAuthor ? 1.0 / (inAfterNet * inAfterGross) : 0.0;
            final double received = toAuthor ? reserveOut * net * inAfterGross * perProduct
                    : reserveOut * net / inAfterNet;
            if (!(received > 0.0)) {
                continue;
            }
            if (stake) {
                final double authorFee = toAuthor ? fee : 0.0;
                taoReserve[c] = tao + (gross - authorFee);
                after[c] += fee - authorFee; // mechanics §2b: flow counts the stake net of its fee
                alphaIn[c] = ain - received;
                alphaOut[c] += received;
                s.taoStaked[p] += gross;
                s.taoFees[p] += authorFee;
            } else {
                final double taoAfter = tao - received;
                final double authorTao = toAuthor ? taoAfter * fee * inAfterNet * perProduct : 0.0;
                taoReserve[c] = taoAfter - authorTao;
                alphaIn[c] = inAfterGross;
                alphaOut[c] -= gross;
                s.taoUnstaked[p] += received;
                s.taoFees[p] += authorTao;
            }
        }
    }

    /**
     * Fee-free noise trades: with r_in the reserve the trader pays into (TAO on a stake, alpha on an unstake)
     * and r_out the other, the trade puts {@code amount = |x|·σ·r_in} in and takes
     * {@code r_out·amount/(r_in + amount)} out.
     */
    public static void feeFreeNoise(final BatchState s, final int subnet, final long firstState,
                                    final long stateStride, final double sigma, final boolean heldOnly,
                                    final int from, final int to) {
        final int row = subnet * s.paths;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double x = 2.0 * CounterRng.unit(firstState + p * stateStride) - 1.0;
            final boolean stake = x > 0.0;
            final double tao = taoReserve[c];
            final double ain = alphaIn[c];
            final double reserveIn = stake ? tao : ain;
            final double reserveOut = stake ? ain : tao;
            final double wanted = Math.abs(x) * sigma * reserveIn;
            // holders sell no more alpha than they hold
            final double amount = stake || !heldOnly ? wanted : s.sellable(c, wanted);
            final double received = reserveOut * amount / (reserveIn + amount);
            final double newIn = reserveIn + amount;
            final double newOut = reserveOut - received;
            if (stake) {
                taoReserve[c] = newIn;
                alphaIn[c] = newOut;
                alphaOut[c] += received;
                taoStaked[p] += amount;
            } else {
                taoReserve[c] = newOut;
                alphaIn[c] = newIn;
                alphaOut[c] += -amount;
                taoUnstaked[p] += received;
            }
        }
    }

    /** Noise trades with the flat fee of the constant-product era (mechanics §5). */
    public static void feeNoise(final BatchState s, final int subnet, final long firstState,
                                final long stateStride, final double sigma, final boolean heldOnly,
                                final int from, final int to) {
        final int row = subnet * s.paths;
        final double fee = s.stakeFeeTao;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        final double[] taoStaked = s.taoStaked;
        final double[] taoUnstaked = s.taoUnstaked;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double u = CounterRng.unit(firstState + p * stateStride);
            final double x = 2.0 * u - 1.0;
            final double tao = taoReserve[c];
            final double ain = alphaIn[c];
            // mechanics §5, constant product: a stake of t TAO (fee f kept in the pool) buys
            // alphaIn·(t − f)/(tao + t − f); an unstake of a alpha pays taoReserve·a/(alphaIn + a) − f.
            if (x > 0.0) {
                final double stake = x * sigma * tao;
                final double net = stake - fee;
                if (net > 0.0) {
                    final double bought = ain * net / (tao + net);
                    taoReserve[c] = tao + stake;
                    alphaIn[c] = ain - bought;
                    alphaOut[c] += bought;
                    taoStaked[p] += stake;
                }
            } else {
                final double wanted = -x * sigma * ain;
                final double sold = heldOnly ? s.sellable(c, wanted) : wanted; // no more than holders hold
                final double gross = tao * sold / (ain + sold);
                final double paid = gross - fee;
                if (paid > 0.0) {
                    taoReserve[c] = tao - paid;
                    alphaIn[c] = ain + sold;
                    alphaOut[c] -= sold;
                    taoUnstaked[p] += paid;
                }
            }
        }
    }

    @Override
    public void uniforms(final long firstState, final long stride, final double[] out) {
        uniforms(firstState, stride, out, 0, out.length);
    }

    /** {@link RowKernels#uniforms} for slots [from, to). */
    public static void uniforms(final long firstState, final long stride, final double[] out, final int from,
                                final int to) {
        for (int p = from; p < to; p++) {
            out[p] = CounterRng.unit(firstState + p * stride);
        }
    }

    @Override
    public void accumulate(final double[] values, final int row, final double[] sum) {
        addRow(values, row, sum, 0, sum.length);
    }

    @Override
    public void accumulatePositive(final double[] values, final int row, final double[] sum) {
        accumulatePositive(values, row, sum, 0, sum.length);
    }

    /** {@link #accumulatePositive(double[], int, double[])} for path slots [from, to). */
    public static void accumulatePositive(final double[] values, final int row, final double[] sum,
                                          final int from, final int to) {
        for (int p = from; p < to; p++) {
            sum[p] += Math.max(values[row + p], 0.0);
        }
    }

    @Override
    public void priceWeights(final BatchState s, final int subnet, final double factor,
                             final boolean withRootProportion, final double[] sum) {
        priceWeights(s, subnet, factor, withRootProportion, sum, 0, s.paths);
    }

    /** {@link RowKernels#priceWeights} for path slots [from, to). */
    public static void priceWeights(final BatchState s, final int subnet, final double factor,
                                    final boolean withRootProportion, final double[] sum, final int from,
                                    final int to) {
        final int row = subnet * s.paths;
        final double taoWeight = s.protocol.taoWeight();
        for (int p = from; p < to; p++) {
            final int c = row + p;
            double weight = s.movingPrice[c] * factor;
            if (withRootProportion) {
                final double weightedRoot = taoWeight * s.rootStake[p];
                weight *= weightedRoot / (weightedRoot + s.alphaIn[c] + s.alphaOut[c]);
            }
            s.shareWeight[c] = weight;
            sum[p] += weight;
        }
    }

    @Override
    public void netFlowWeights(final BatchState s, final int subnet, final double[] norm, final double[] lowest) {
        netFlowWeights(s, subnet, norm, lowest, 0, s.paths);
    }

    /** {@link RowKernels#netFlowWeights} for path slots [from, to). */
    public static void netFlowWeights(final BatchState s, final int subnet, final double[] norm,
                                      final double[] lowest, final int from, final int to) {
        final int row = subnet * s.paths;
        final double[] user = s.taoFlowEma;
        final double[] prot = s.protocolFlowEma;
        final double[] w = s.shareWeight;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double weight = prot[c] > 0.0 ? user[c] - norm[p] * prot[c] : user[c] - prot[c];
            w[c] = weight;
            lowest[p] = Math.min(lowest[p], weight);
        }
    }

    @Override
    public void updateFlows(final BatchState s, final int subnet, final double smoothing, final boolean protocolFlow,
                            final double[] lowest) {
        updateFlows(s, subnet, smoothing, protocolFlow, lowest, 0, s.paths);
    }

    /** {@link RowKernels#updateFlows} for path slots [from, to). */
    public static void updateFlows(final BatchState s, final int subnet, final double smoothing,
                                   final boolean protocolFlow, final double[] lowest, final int from,
                                   final int to) {
        final int row = subnet * s.paths;
        final double keep = 1.0 - smoothing;
        final double[] tao = s.taoReserve;
        final double[] after = s.taoAfterStep;
        final double[] user = s.taoFlowEma;
        final double[] prot = s.protocolFlowEma;
        final double[] protFlow = s.protocolFlow;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double flow = keep * user[c] + smoothing * (tao[c] - after[c]);
            user[c] = flow;
            if (protocolFlow) {
                prot[c] = keep * prot[c] + smoothing * protFlow[c];
                protFlow[c] = 0.0;
            }
            lowest[p] = Math.min(lowest[p], flow);
        }
    }

    @Override
    public void flowShares(final BatchState s, final int subnet, final double[] flows, final double cutoff,
                           final double[] lowest, final double[] sum) {
        flowShares(s, subnet, flows, cutoff, lowest, sum, 0, s.paths);
    }

    /** {@link RowKernels#flowShares} for path slots [from, to). */
    public static void flowShares(final BatchState s, final int subnet, final double[] flows, final double cutoff,
                                  final double[] lowest, final double[] sum, final int from, final int to) {
        final int row = subnet * s.paths;
        final double[] w = s.shareWeight;
        for (int p = from; p < to; p++) {
            final double z = Math.max(flows[row + p] - Math.max(cutoff, lowest[p]), 0.0);
            w[row + p] = z;
            sum[p] += z;
        }
    }

    @Override
    public void userFlowShares(final BatchState s, final int subnet, final double smoothing, final double cutoff,
                               final double[] sum, final double[] movingPriceSum) {
        userFlowShares(s, subnet, smoothing, cutoff, sum, movingPriceSum, 0, s.paths);
    }

    /** {@link RowKernels#userFlowShares} for path slots [from, to). */
    public static void userFlowShares(final BatchState s, final int subnet, final double smoothing,
                                      final double cutoff, final double[] sum, final double[] movingPriceSum,
                                      final int from, final int to) {
        final int row = subnet * s.paths;
        final double keep = 1.0 - smoothing;
        final double[] tao = s.taoReserve;
        final double[] after = s.taoAfterStep;
        final double[] user = s.taoFlowEma;
        final double[] w = s.shareWeight;
        final double[] movingPrice = s.movingPrice;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double flow = keep * user[c] + smoothing * (tao[c] - after[c]);
            user[c] = flow;
            movingPriceSum[p] += movingPrice[c];
            final double z = Math.max(flow - cutoff, 0.0);
            w[c] = z;
            sum[p] += z;
        }
    }

    @Override
    public void updateNetFlows(final BatchState s, final int subnet, final double smoothing,
                               final double[] userPositive, final double[] protocolPositive,
                               final double[] movingPriceSum) {
        updateNetFlows(s, subnet, smoothing, userPositive, protocolPositive, movingPriceSum, 0, s.paths);
    }

    /** {@link RowKernels#updateNetFlows} for path slots [from, to). */
    public static void updateNetFlows(final BatchState s, final int subnet, final double smoothing,
                                      final double[] userPositive, final double[] protocolPositive,
                                      final double[] movingPriceSum, final int from, final int to) {
        final int row = subnet * s.paths;
        final double keep = 1.0 - smoothing;
        final double[] tao = s.taoReserve;
        final double[] after = s.taoAfterStep;
        final double[] user = s.taoFlowEma;
        final double[] prot = s.protocolFlowEma;
        final double[] protFlow = s.protocolFlow;
        final double[] movingPrice = s.movingPrice;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double flow = keep * user[c] + smoothing * (tao[c] - after[c]);
            user[c] = flow;
            final double protocol = keep * prot[c] + smoothing * protFlow[c];
            prot[c] = protocol;
            protFlow[c] = 0.0;
            userPositive[p] += Math.max(flow, 0.0);
            protocolPositive[p] += Math.max(protocol, 0.0);
            movingPriceSum[p] += movingPrice[c];
        }
    }

    @Override
    public void netFlowShares(final BatchState s, final int subnet, final double[] norm, final double cutoff,
                              final double[] sum) {
        netFlowShares(s, subnet, norm, cutoff, sum, 0, s.paths);
    }

    /** {@link RowKernels#netFlowShares} for path slots [from, to). */
    public static void netFlowShares(final BatchState s, final int subnet, final double[] norm, final double cutoff,
                                     final double[] sum, final int from, final int to) {
        final int row = subnet * s.paths;
        final double[] user = s.taoFlowEma;
        final double[] prot = s.protocolFlowEma;
        final double[] w = s.shareWeight;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double weight = prot[c] > 0.0 ? user[c] - norm[p] * prot[c] : user[c] - prot[c];
            final double z = Math.max(weight - cutoff, 0.0);
            w[c] = z;
            sum[p] += z;
        }
    }

    @Override
    public void claimRoot(final BatchState s, final int subnet, final double rate, final double swapShare,
                          final boolean protocolFlow, final double[] blockClaimTao) {
        claimRoot(s, subnet, rate, swapShare, protocolFlow, blockClaimTao, 0, s.paths);
    }

    /**
     * {@link RowKernels#claimRoot} for path slots [from, to); a claim of 0 changes nothing, so every cell runs
     * the same operations.
     */
    public static void claimRoot(final BatchState s, final int subnet, final double rate, final double swapShare,
                                 final boolean protocolFlow, final double[] blockClaimTao, final int from,
                                 final int to) {
        final int row = subnet * s.paths;
        final double[] claimable = s.rootClaimable;
        final double[] taoReserve = s.taoReserve;
        final double[] alphaIn = s.alphaIn;
        final double[] alphaOut = s.alphaOut;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            final double claimed = rate * claimable[c];
            claimable[c] -= claimed;
            final double sold = claimed * swapShare;
            final double tao = taoReserve[c];
            final double ain = alphaIn[c];
            final double taoOut = tao * sold / (ain + sold);
            taoReserve[c] = tao - taoOut;
            alphaIn[c] = ain + sold;
            alphaOut[c] -= sold;
            if (protocolFlow) {
                s.protocolFlow[c] -= taoOut;
            }
            blockClaimTao[p] += taoOut;
        }
    }

    @Override
    public void cappedCoinbase(final BatchState s, final int subnet, final double movingAlpha,
                               final CappedRules rules) {
        cappedCoinbase(s, subnet, movingAlpha, rules, 0, s.paths);
    }

    @Override
    public void cappedCoinbaseAndClaim(final BatchState s, final int subnet, final double movingAlpha,
                                       final CappedRules rules, final double claimRate, final double claimSwapShare,
                                       final double[] blockClaimTao) {
        cappedCoinbase(s, subnet, movingAlpha, rules, 0, s.paths);
        claimRoot(s, subnet, claimRate, claimSwapShare, rules.recordProtocolFlow(), blockClaimTao, 0, s.paths);
    }

    /**
     * {@link RowKernels#cappedCoinbase} for path slots [from, to), skipping cells without a subnet; the
     * operations and their order define the numbers the vector lanes must reproduce.
     *
     * <p>Divisions share reciprocals (the divider bounds this loop): one for the spot price, alpha wanted and
     * either the buy after the injection ({@code 1/(tao + share)}) or the root proportion before minting; one
     * for the root proportion after minting and the new spot price when root alpha accrues, which moves neither
     * reserve. A cell's results differ from plain divisions by a few ulps.
     */
    public static void cappedCoinbase(final BatchState s, final int subnet, final double movingAlpha,
                                      final CappedRules rules, final int from, final int to) {
        final int row = subnet * s.paths;
        final double ownerCut = s.protocol.ownerCut();
        final double taoWeight = s.protocol.taoWeight();
        final int cap = rules.cap();
        final boolean capAlphaInIsAlphaEmission = rules.capAlphaInIsAlphaEmission();
        final boolean buyBeforeInjection = rules.buyBeforeInjection();
        final boolean keepBoughtAlpha = rules.keepBoughtAlpha();
        final boolean issueExcess = rules.issueExcess();
        final boolean rootAccrues = rules.rootAccrues();
        final boolean rootRecycledWithoutFlag = rules.rootRecycledWithoutSellFlag();
        final boolean recordProtocolFlow = rules.recordProtocolFlow();
        final boolean burnRootOfCapped = rules.burnRootOfCapped();
        final boolean rootProportionCap = cap == CappedRules.CAP_ROOT_PROPORTION;
        final double keepPrice = 1.0 - movingAlpha;
        for (int p = from; p < to; p++) {
            final int c = row + p;
            if (!s.live[c]) {
                continue;
            }
            final double emissionTao = s.blockEmission[p];
            final double emitted = s.alphaEmission[c];
            final double weightedRoot = taoWeight * s.rootStake[p];
            double tao = s.taoReserve[c];
            double ain = s.alphaIn[c];
            double aout = s.alphaOut[c];
            final double share = s.shareWeight[c] * s.emissionPerMovingPrice[p];
            // buy after the injection: tao + tao_in + excess = tao + share, known now
            final double third = !buyBeforeInjection ? tao + share
                    : rootProportionCap ? weightedRoot + ain + aout : 1.0;
            final double poolProduct = tao * ain;
            final double perProduct = 1.0 / (poolProduct * third);
            final double perPool = third * perProduct; // 1/(tao·alphaIn)
            final double price = tao * tao * perPool;
            final double rootProportionBefore = rootProportionCap ? weightedRoot * poolProduct * perProduct : 0.0;
            final double capAlpha = cap == CappedRules.CAP_BLOCK_EMISSION ? emissionTao
                    : cap == CappedRules.CAP_ALPHA_EMISSION ? emitted
                    : cap == CappedRules.CAP_MIN_ALPHA_AND_BLOCK_EMISSION ? Math.min(emitted, emissionTao)
                    : rootProportionBefore * emitted;
            final double wanted = share * ain * ain * perPool; // share / price
            final boolean capped = wanted > capAlpha;
            final double alphaInjected;
            final double taoInjected;
            if (capped) {
                // subsidy (2025-07-29): tao_in = price·E; alpha_in = E (alpha emission before 2025-09-24)
                alphaInjected = capAlphaInIsAlphaEmission ? emitted : capAlpha;
                taoInjected = capAlpha * price;
            } else {
                alphaInjected = wanted;
                taoInjected = share;
            }
            final double excess = share - taoInjected;
            double bought = 0.0;
            if (buyBeforeInjection) {
                if (excess > 0.0) {
                    bought = ain * excess / (tao + excess);
                    tao += excess;
                    ain -= bought;
                }
                ain += alphaInjected;
                tao += taoInjected;
            } else {
                ain += alphaInjected;
                if (excess > 0.0) {
                    bought = ain * excess * (poolProduct * perProduct); // ain·excess / (tao + share)
                    ain -= bought;
                }
                tao = third;
            }
            if (keepBoughtAlpha) {
                aout += bought;
                s.protocolAlpha[c] += bought;
            } else {
                s.alphaRecycled[p] += bought;
            }
            if (!issueExcess) {
                // the subsidy era issues only tao_in; the chain buys' TAO reached the pool unissued
                s.totalIssuance[p] += taoInjected;
                s.taoUnissued[p] += excess;
            }
            if (recordProtocolFlow) {
                s.protocolFlow[c] += taoInjected + excess;
            }
            s.alphaMinted[p] += alphaInjected + emitted;
            // mechanics §4: alpha_out minted, owner cut, root proportion after this subnet's mint
            aout += emitted;
            final double owner = emitted * ownerCut;
            final double rest = emitted - owner;
            s.pendingOwner[c] += owner;
            final double spot;
            if (!rootAccrues) {
                final double rootProportion = weightedRoot / (weightedRoot + ain + aout);
                final double rootAlpha = rootProportion * rest * 0.5;
                s.pendingAlpha[c] += rest - rootAlpha;
                // subsidised (capped) subnets: root alpha neither sold nor paid; others sell it
                final double sold = capped ? 0.0 : rootAlpha;
                if (capped) {
                    s.alphaBurned[p] += rootAlpha;
                }
                final double perAlpha = 1.0 / (ain + sold);
                final double rootTao = tao * sold * perAlpha;
                ain += sold;
                aout -= sold;
                tao -= rootTao;
                if (!capped) {
                    s.pendingRootTao[c] += rootTao;
                }
                spot = tao * perAlpha;
            } else {
                final double depth = weightedRoot + ain + aout;
                final double perDepth = 1.0 / (ain * depth);
                final double rootProportion = weightedRoot * ain * perDepth;
                spot = tao * depth * perDepth; // tao / alphaIn
                final double rootAlpha = rootProportion * rest * 0.5;
                s.pendingAlpha[c] += rest - rootAlpha;
                if (burnRootOfCapped && capped) {
                    s.alphaBurned[p] += rootAlpha; // 2025-11-04 → 11-06: subsidised root alpha neither accrued nor paid
                } else if (s.rootSellFlag[p]) {
                    s.pendingRootAlpha[c] += rootAlpha;
                } else if (rootRecycledWithoutFlag) {
                    aout -= rootAlpha;
                    s.alphaRecycled[p] += rootAlpha;
                } else {
                    s.pendingAlpha[c] += rootAlpha; // 2025-11-06: to validators and miners
                }
            }
            s.movingPrice[c] = movingAlpha * Math.min(spot, s.movingPriceClip) + keepPrice * s.movingPrice[c];
            s.taoReserve[c] = tao;
            s.alphaIn[c] = ain;
            s.alphaOut[c] = aout;
            if (s.injectionRecorded[subnet]) {
                s.taoInjected[c] = taoInjected;
            }
        }
    }
}
