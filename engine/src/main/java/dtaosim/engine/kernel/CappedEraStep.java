package dtaosim.engine.kernel;

import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.DynamicTempo;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.EpochSchedule;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.state.BatchState;

/**
 * One block of the eras from {@code subsidy-2025-07} on, whose injection is capped and whose excess TAO buys
 * alpha for the protocol (mechanics §2–§4 and their history, read from the chain's code at each era's merge
 * commit; engine/MODEL.md "The later eras" summarises them). The era's variants are chosen once, here:
 * <ul>
 *   <li>shares: moving price (subsidy, price-burn: × (1 − MinerBurned), × root proportion unless the
 *       2026-06-30 switch), EMA of users' net TAO flow (taoflow, capped), or user minus normalised protocol
 *       flow (netflow), the flow weights being {@code z^p}, z = max(flow − L, 0) (mechanics §2b); each
 *       subnet's share is its weight over the sum;</li>
 *   <li>cap on alpha_in: the TAO block emission (subsidy: the price-below-share rule is the same condition),
 *       the alpha emission (taoflow), their minimum (capped, netflow), root proportion × alpha emission
 *       (price-burn); a capped subnet gets {@code alpha_in = cap, tao_in = cap·price} and its excess TAO
 *       {@code share·E − tao_in} buys alpha, before the injection (subsidy, price-burn) or after it;</li>
 *   <li>chain-bought alpha recycled, or kept as protocol alpha (2026-06-01 switch, price-burn);</li>
 *   <li>root alpha: sold every block except on subsidised subnets, where it is neither sold nor paid
 *       (subsidy); accrued for root claims while Σ moving price &gt; 1 and recycled otherwise (taoflow on).</li>
 * </ul>
 * Pools are x·y = k (the V3 full-range position and the Balancer pool at weight ½ are that curve).
 */
public final class CappedEraStep implements BlockStep {
    /** How emission shares are weighted. */
    enum Shares { MOVING_PRICE, TAO_FLOW, NET_TAO_FLOW }

    /** What caps alpha_in. */
    enum Cap { BLOCK_EMISSION, ALPHA_EMISSION, MIN_ALPHA_AND_BLOCK_EMISSION, ROOT_PROPORTION }

    private final ProtocolParams protocol;
    /**
     * Most a subnet's alpha issuance can grow in one block of these eras: alpha_out = alpha_emission ≤ 1 alpha,
     * alpha_in ≤ its cap ≤ max(alpha_emission, TAO block emission) (mechanics §1, §3). Chain buys, recycling,
     * root claims and swaps never raise it; recycling lowers it, which {@link BatchState#refreshAlphaEmissionRow}
     * covers by checking every block the rows that hold a halved cell.
     */
    private final double maxAlphaIssuanceGrowth;
    private final Shares shares;
    private final Cap cap;
    private final boolean subsidy;
    private final boolean subsidyAlphaInIsBlockEmission;
    private final boolean buyBeforeInjection;
    private final boolean keepBoughtAlpha;
    private final boolean issueExcess;
    private final boolean rootAccrues;
    private final boolean rootRecycledWithoutFlag;
    private final boolean sharesWithRootProportion;
    private final boolean rootClaimsRaiseRootStake;
    /**
     * NetTaoFlowEnabled off (netflow era): shares from users' flow alone, while the protocol's flow EMA still
     * advances and its accumulator is drained every block, as get_shares_flow does for each subnet it emits to.
     */
    private final boolean protocolFlowWithoutNet;
    private final double flowSmoothing;
    private final double flowExponent;
    private final double flowCutoff;
    private final double minerBurned;
    private final double claimRate;
    private final double claimSwapShare;
    /** The coinbase variants of this era, for the row kernels. */
    private final CappedRules rules;
    /** The run's hot loops. */
    private final RowKernels kernels;
    private final int[] runStart = new int[1];
    /** Dynamic tempo (2026-06-25): per slot scheduler state, or null for the modulo schedule. */
    private final DynamicTempoState dynamicTempo;
    /** Per slot: whether its epoch runs this block (see {@link #markEpochs}). */
    private boolean[] epochDue;

    /** The chain's per-subnet epoch scheduler state under dynamic tempo (mechanics §4, 06032d518). */
    private static final class DynamicTempoState {
        int[] tempo;
        long[] lastEpochBlock;
        long[] pendingEpochAt;
        long[] blocksSinceLastStep;
        boolean[] runs;
        boolean[] known;
    }

    /**
     * @param kernels  the run's hot loops
     * @param protocol parameters of the run; its era must be one of the capped eras
     */
    public CappedEraStep(final RowKernels kernels, final ProtocolParams protocol) {
        final Era era = protocol.era();
        this.kernels = kernels;
        this.protocol = protocol;
        maxAlphaIssuanceGrowth = 1.0 + Math.max(1.0, protocol.blockEmissionTao());
        switch (era) {
            case SUBSIDY_2025_07 -> {
                shares = Shares.MOVING_PRICE;
                cap = Cap.BLOCK_EMISSION;
            }
            case TAOFLOW_2025_11 -> {
                shares = Shares.TAO_FLOW;
                cap = protocol.on(Switch.EXCESS_BUY) ? Cap.ALPHA_EMISSION : Cap.BLOCK_EMISSION;
            }
            case CAPPED_2025_12 -> {
                shares = Shares.TAO_FLOW;
                cap = Cap.MIN_ALPHA_AND_BLOCK_EMISSION;
            }
            case NETFLOW_2026_05 -> {
                // mechanics §2b: NetTaoFlowEnabled off weighs users' flow alone (subnet_emissions.rs
                // get_shares_flow, which still advances the protocol's flow EMA: protocolFlowWithoutNet)
                shares = protocol.get(Parameter.NET_TAO_FLOW_ENABLED) == 1.0 ? Shares.NET_TAO_FLOW : Shares.TAO_FLOW;
                cap = Cap.MIN_ALPHA_AND_BLOCK_EMISSION;
            }
            case PRICE_BURN_2026_06 -> {
                shares = Shares.MOVING_PRICE;
                cap = Cap.ROOT_PROPORTION;
            }
            default -> throw new IllegalArgumentException("era " + era.id() + " is not a capped-injection era");
        }
        // taoflow before 2025-11-06 still ran the subsidy rule of the previous era
        subsidy = cap == Cap.BLOCK_EMISSION;
        subsidyAlphaInIsBlockEmission = era != Era.SUBSIDY_2025_07
                || protocol.on(Switch.SUBSIDY_ALPHA_IN_IS_BLOCK_EMISSION);
        buyBeforeInjection = subsidy || era == Era.PRICE_BURN_2026_06;
        keepBoughtAlpha = era == Era.PRICE_BURN_2026_06
                || (era == Era.NETFLOW_2026_05 && protocol.on(Switch.PROTOCOL_ALPHA_KEPT));
        issueExcess = !subsidy;
        rootAccrues = era != Era.SUBSIDY_2025_07;
        rootRecycledWithoutFlag = era != Era.TAOFLOW_2025_11 || protocol.on(Switch.ROOT_ALPHA_RECYCLED_WITHOUT_SELL_FLAG);
        sharesWithRootProportion = era == Era.PRICE_BURN_2026_06
                && !protocol.on(Switch.SHARES_WITHOUT_ROOT_PROPORTION);
        rootClaimsRaiseRootStake = era == Era.NETFLOW_2026_05 || era == Era.PRICE_BURN_2026_06;
        protocolFlowWithoutNet = era == Era.NETFLOW_2026_05 && shares == Shares.TAO_FLOW;
        flowSmoothing = protocol.get(Parameter.FLOW_SMOOTHING);
        flowExponent = protocol.get(Parameter.FLOW_EXPONENT);
        flowCutoff = protocol.get(Parameter.FLOW_CUTOFF);
        minerBurned = protocol.get(Parameter.MINER_BURNED);
        claimRate = protocol.get(Parameter.ROOT_CLAIM_RATE);
        claimSwapShare = protocol.get(Parameter.ROOT_CLAIM_SWAP_SHARE);
        dynamicTempo = era == Era.PRICE_BURN_2026_06 && protocol.on(Switch.DYNAMIC_TEMPO)
                ? new DynamicTempoState() : null;
        rules = new CappedRules(cap.ordinal(), subsidy && !subsidyAlphaInIsBlockEmission, buyBeforeInjection,
                keepBoughtAlpha, issueExcess, rootAccrues, rootRecycledWithoutFlag, era == Era.NETFLOW_2026_05,
                subsidy && rootAccrues);
    }

    @Override
    public void run(final BatchState s, final long block) {
        final double baseEmission = protocol.blockEmissionTao();
        for (int p = 0; p < s.paths; p++) {
            s.blockEmission[p] = HalvingSchedule.emission(s.totalIssuance[p], baseEmission);
        }
        for (int i = 0; i < s.subnets; i++) {
            if (s.liveCount[i] > 0 && block >= s.alphaEmissionRecheck[i]) {
                s.refreshAlphaEmissionRow(i, block, maxAlphaIssuanceGrowth, true);
            }
        }
        shareWeights(s, block);
        markEpochs(s, block);
        // mechanics §4 root claims: the block's Swap claims are summed per path, then paid to root stakers and
        // (from 2026-05-27) restaked on root, after every subnet's coinbase read R
        final double[] blockClaimTao = s.blockClaimTao;
        java.util.Arrays.fill(blockClaimTao, 0.0);
        s.drainedCount = 0;
        // coinbase, epoch and root claims row by row: each reads and writes its own row and adds to per-path
        // sums in subnet order, so this gives the bits of a coinbase pass, an epoch pass and a claim pass
        for (int i = 0; i < s.subnets; i++) {
            final int mode = s.rowMode(i, block);
            if (mode != BatchState.ROW_IDLE) {
                if (s.minerAlphaAccrues) {
                    s.accrueMinerAlpha(i, mode == BatchState.ROW_LIVE);
                }
                final double movingAlpha = MovingPrice.factor(protocol, s.firstEmissionBlock[i], block);
                if (mode == BatchState.ROW_LIVE && rootAccrues && !epochDue[i]) {
                    kernels.cappedCoinbaseAndClaim(s, i, movingAlpha, rules, claimRate, claimSwapShare,
                            blockClaimTao);
                    continue;
                }
                if (mode == BatchState.ROW_LIVE) {
                    kernels.cappedCoinbase(s, i, movingAlpha, rules);
                } else {
                    ScalarRowKernels.cappedCoinbase(s, i, movingAlpha, rules, 0, s.paths);
                }
            }
            if (epochDue[i]) {
                drainSubnet(s, i);
            }
            if (rootAccrues) {
                claimRoot(s, i, blockClaimTao);
            }
        }
        if (rootAccrues) {
            for (int p = 0; p < s.paths; p++) {
                s.rootClaimTao[p] += blockClaimTao[p];
                if (rootClaimsRaiseRootStake) {
                    s.rootStake[p] += blockClaimTao[p];
                }
            }
        }
        for (int p = 0; p < s.paths; p++) {
            // every subnet's tao_in + excess is its share of E, so the pools received E (none without shares);
            // from 2025-11-06 the chain issues it all, the subsidy era only the tao_in (the kernel issues it and
            // counts the excess as unissued)
            if (s.emissionPerMovingPrice[p] > 0.0) {
                s.taoEmitted[p] += s.blockEmission[p];
                if (issueExcess) {
                    s.totalIssuance[p] += s.blockEmission[p];
                }
            }
        }
        if (shares != Shares.MOVING_PRICE) {
            // users' flow in the next block is read against the reserves the chain left, for the rows whose flow
            // this block's update took; a subnet waiting for start_call keeps its baseline, so the inflow recorded
            // meanwhile (burns) reaches its first update, as SubnetTaoFlow accumulates until the subnet's first
            // get_ema_flow (mechanics §2b)
            for (int i = 0; i < s.subnets; i++) {
                if (s.rowMode(i, block) != BatchState.ROW_IDLE) {
                    System.arraycopy(s.taoReserve, i * s.paths, s.taoAfterStep, i * s.paths, s.paths);
                }
            }
        }
    }

    /**
     * Fills {@code shareWeight} with each subnet's weight, {@code emissionPerMovingPrice} with the emission per
     * unit of weight (so tao_emission = weight × it), and {@code rootSellFlag} with Σ P̄ &gt; 1 (pre-update).
     */
    private void shareWeights(final BatchState s, final long block) {
        if (shares != Shares.MOVING_PRICE && flowExponent == 1.0 && flowCutoff >= 0.0) {
            fewerPassFlowWeights(s, block);
            return;
        }
        final int paths = s.paths;
        final double[] w = s.shareWeight;
        final boolean netFlow = shares == Shares.NET_TAO_FLOW;
        final boolean userFlow = shares == Shares.TAO_FLOW;
        // per-path sums over subnets, accumulated row by row in subnet order (cells without a subnet hold
        // zeros and add nothing)
        final double[] userPositive = s.pathScratchA;
        final double[] protocolOrLowest = s.pathScratchB;
        final double[] movingPriceSum = s.pathScratchC;
        java.util.Arrays.fill(userPositive, 0.0);
        java.util.Arrays.fill(protocolOrLowest, 0.0);
        java.util.Arrays.fill(movingPriceSum, 0.0);
        for (int i = 0; i < s.subnets; i++) {
            if (s.liveCount[i] == 0) {
                continue;
            }
            final int row = i * paths;
            if (shares != Shares.MOVING_PRICE && s.rowMode(i, block) != BatchState.ROW_IDLE) {
                // mechanics §2b: the flow EMAs advance for the subnets the chain emits to; with users' flow
                // alone the weights are the EMA and their lowest comes in the same pass
                kernels.updateFlows(s, i, flowSmoothing, netFlow || protocolFlowWithoutNet,
                        userFlow ? protocolOrLowest : s.pathScratchD);
            }
            if (netFlow) {
                kernels.accumulatePositive(s.taoFlowEma, row, userPositive);
                kernels.accumulatePositive(s.protocolFlowEma, row, protocolOrLowest);
            }
            kernels.accumulate(s.movingPrice, row, movingPriceSum);
        }
        final double[] norm = userPositive;
        for (int p = 0; p < paths; p++) {
            // mechanics §4 (2025-11-06): root alpha accrues for root stakers only while Σ P̄ > 1
            s.rootSellFlag[p] = movingPriceSum[p] > 1.0;
            if (netFlow) {
                // mechanics §2b (2026-05-27): norm = min(1, Σ max(S,0) / Σ max(P,0)), 0 without protocol inflow
                norm[p] = protocolOrLowest[p] > 0.0 ? Math.min(1.0, userPositive[p] / protocolOrLowest[p]) : 0.0;
                protocolOrLowest[p] = 0.0;
            }
        }
        final double[] lowestNegative = protocolOrLowest;
        // weights before the floor: users' flow EMA, or the net-flow weights
        final double[] flows = userFlow ? s.taoFlowEma : w;
        final double[] sum = s.emissionPerMovingPrice;
        java.util.Arrays.fill(sum, 0.0);
        // mechanics §2a: P̄·(1 − MinerBurned) [× root proportion in v3.4.9-424]; a uniform MinerBurned of 1
        // zeroes every weight: the chain then falls back to the unweighted
        final double priceFactor = minerBurned < 1.0 ? 1.0 - minerBurned : 1.0;
        for (int i = 0; i < s.subnets; i++) {
            final int row = i * paths;
            if (s.rowMode(i, block) == BatchState.ROW_IDLE || !s.emissionEnabled[i]) {
                java.util.Arrays.fill(w, row, row + paths, 0.0); // not eligible (mechanics §2); adds nothing
            } else if (shares == Shares.MOVING_PRICE && s.yumaMinerBurned != null && s.yumaSubnet[i]
                    && protocol.era() == Era.PRICE_BURN_2026_06) {
                yumaPriceWeights(s, i, sum); // MinerBurned from the subnet's own epochs
            } else if (shares == Shares.MOVING_PRICE) {
                // the weights' sum in the same pass (in subnet order; the rows skipped would add +0)
                kernels.priceWeights(s, i, priceFactor, sharesWithRootProportion, sum);
            } else if (netFlow) {
                // cells without a subnet give weight 0, which leaves the lowest (≤ 0) unchanged
                kernels.netFlowWeights(s, i, norm, lowestNegative);
            }
        }
        for (int i = 0; i < s.subnets; i++) {
            final int row = i * paths;
            final int mode = s.rowMode(i, block);
            if (mode == BatchState.ROW_IDLE || shares == Shares.MOVING_PRICE || !s.emissionEnabled[i]) {
                continue; // weight 0 (adds +0), or summed with the price weights
            } else if (mode == BatchState.ROW_LIVE && flowExponent == 1.0) {
                kernels.flowShares(s, i, flows, flowCutoff, lowestNegative, sum);
            } else {
                // mechanics §2b: L = max(cutoff, min_i min(Net_i, 0)); z = max(Net − L, 0); weight z^p
                for (int p = 0; p < paths; p++) {
                    final double z = Math.max(flows[row + p] - Math.max(flowCutoff, lowestNegative[p]), 0.0);
                    final double weight = !s.live[row + p] ? 0.0 : flowExponent == 1.0 ? z : Math.pow(z, flowExponent);
                    w[row + p] = weight;
                    sum[p] += weight;
                }
            }
        }
        for (int p = 0; p < paths; p++) {
            sum[p] = sum[p] > 0.0 ? s.blockEmission[p] / sum[p] : 0.0;
        }
    }

    /**
     * {@link #shareWeights} for flow shares with exponent 1 and a cutoff at or above 0 (the eras' defaults), in
     * fewer passes with the same bits: the floor {@code L = max(cutoff, lowest)} is then the cutoff, as the
     * lowest weight is at most 0, so a row's weights need no other row's. Users' flow: one pass (EMA, weight,
     * sums); net flow: one pass for the EMAs and their positive sums, one for the weights after the norm.
     */
    private void fewerPassFlowWeights(final BatchState s, final long block) {
        final int paths = s.paths;
        final double[] w = s.shareWeight;
        final boolean netFlow = shares == Shares.NET_TAO_FLOW;
        final double[] userPositive = s.pathScratchA;
        final double[] protocolPositive = s.pathScratchB;
        final double[] movingPriceSum = s.pathScratchC;
        final double[] sum = s.emissionPerMovingPrice;
        java.util.Arrays.fill(userPositive, 0.0);
        java.util.Arrays.fill(protocolPositive, 0.0);
        java.util.Arrays.fill(movingPriceSum, 0.0);
        java.util.Arrays.fill(sum, 0.0);
        // per-path sums over subnets, row by row in subnet order, as the passes of shareWeights add them
        for (int i = 0; i < s.subnets; i++) {
            final int row = i * paths;
            final int mode = s.rowMode(i, block);
            if (s.liveCount[i] == 0) {
                java.util.Arrays.fill(w, row, row + paths, 0.0);
            } else if (mode == BatchState.ROW_IDLE) {
                // not started: no flow update, no weight, but its EMAs and moving price count in the sums
                if (netFlow) {
                    kernels.accumulatePositive(s.taoFlowEma, row, userPositive);
                    kernels.accumulatePositive(s.protocolFlowEma, row, protocolPositive);
                }
                kernels.accumulate(s.movingPrice, row, movingPriceSum);
                java.util.Arrays.fill(w, row, row + paths, 0.0);
            } else if (netFlow) {
                kernels.updateNetFlows(s, i, flowSmoothing, userPositive, protocolPositive, movingPriceSum);
            } else if (mode == BatchState.ROW_LIVE && s.emissionEnabled[i]) {
                kernels.userFlowShares(s, i, flowSmoothing, flowCutoff, sum, movingPriceSum);
                if (protocolFlowWithoutNet) {
                    advanceProtocolFlow(s, i);
                }
            } else {
                kernels.updateFlows(s, i, flowSmoothing, protocolFlowWithoutNet, s.pathScratchD);
                kernels.accumulate(s.movingPrice, row, movingPriceSum);
                for (int p = 0; p < paths; p++) {
                    final int c = row + p;
                    final double weight = s.emissionEnabled[i] && s.live[c]
                            ? Math.max(s.taoFlowEma[c] - flowCutoff, 0.0) : 0.0;
                    w[c] = weight;
                    if (s.emissionEnabled[i]) {
                        sum[p] += weight;
                    }
                }
            }
        }
        final double[] norm = userPositive;
        for (int p = 0; p < paths; p++) {
            // mechanics §4 (2025-11-06): root alpha accrues for root stakers only while Σ P̄ > 1
            s.rootSellFlag[p] = movingPriceSum[p] > 1.0;
            if (netFlow) {
                // mechanics §2b (2026-05-27): norm = min(1, Σ max(S,0) / Σ max(P,0)), 0 without protocol inflow
                norm[p] = protocolPositive[p] > 0.0 ? Math.min(1.0, userPositive[p] / protocolPositive[p]) : 0.0;
            }
        }
        if (netFlow) {
            for (int i = 0; i < s.subnets; i++) {
                final int row = i * paths;
                final int mode = s.rowMode(i, block);
                if (mode == BatchState.ROW_IDLE || !s.emissionEnabled[i]) {
                    java.util.Arrays.fill(w, row, row + paths, 0.0);
                } else if (mode == BatchState.ROW_LIVE) {
                    kernels.netFlowShares(s, i, norm, flowCutoff, sum);
                } else {
                    for (int p = 0; p < paths; p++) {
                        final int c = row + p;
                        final double user = s.taoFlowEma[c];
                        final double prot = s.protocolFlowEma[c];
                        final double net = prot > 0.0 ? user - norm[p] * prot : user - prot;
                        final double weight = s.live[c] ? Math.max(net - flowCutoff, 0.0) : 0.0;
                        w[c] = weight;
                        sum[p] += weight;
                    }
                }
            }
        }
        for (int p = 0; p < paths; p++) {
            sum[p] = sum[p] > 0.0 ? s.blockEmission[p] / sum[p] : 0.0;
        }
    }

    /**
     * mechanics §2b: the protocol's flow EMA of one row, {@code P ← (1 − f)·P + f·Q}, and its accumulator Q
     * drained, with the operations of {@link RowKernels#updateFlows}' protocol part (NetTaoFlowEnabled off).
     */
    private void advanceProtocolFlow(final BatchState s, final int subnet) {
        final double keep = 1.0 - flowSmoothing;
        final int row = subnet * s.paths;
        for (int c = row; c < row + s.paths; c++) {
            s.protocolFlowEma[c] = keep * s.protocolFlowEma[c] + flowSmoothing * s.protocolFlow[c];
            s.protocolFlow[c] = 0.0;
        }
    }

    /**
     * mechanics §2a: P̄·(1 − MinerBurned) [× root proportion in v3.4.9-424] for one row of a Yuma subnet, with
     * MinerBurned from the subnet's last epoch cell by cell; the weights are added to {@code sum}.
     */
    private void yumaPriceWeights(final BatchState s, final int subnet, final double[] sum) {
        final int row = subnet * s.paths;
        final double[] burned = s.yumaMinerBurned;
        final double taoWeight = protocol.taoWeight();
        for (int p = 0; p < s.paths; p++) {
            final int c = row + p;
            double weight = s.movingPrice[c] * (1.0 - burned[c]);
            if (sharesWithRootProportion) {
                final double weightedRoot = taoWeight * s.rootStake[p];
                weight *= weightedRoot / (weightedRoot + s.alphaIn[c] + s.alphaOut[c]);
            }
            s.shareWeight[c] = weight;
            sum[p] += weight;
        }
    }

    /**
     * mechanics §4: marks in {@code epochDue} the subnets whose epoch runs this block, on the modulo schedule of
     * the launch era, or under dynamic tempo (price-burn era, switch {@code dynamic-tempo}) on the chain's
     * per-subnet scheduler. At its epoch a subnet's accrued root alpha becomes claimable by root stakers, less
     * the validators' take (18 %, paid to them as alpha like the rest of the payout; {@link #drainSubnet}).
     */
    private void markEpochs(final BatchState s, final long block) {
        if (epochDue == null || epochDue.length != s.subnets) {
            epochDue = new boolean[s.subnets];
        }
        final boolean[] due = epochDue;
        java.util.Arrays.fill(due, false);
        if (dynamicTempo != null) {
            scheduleDynamicEpochs(s, block);
            for (int i = 0; i < s.subnets; i++) {
                due[i] = dynamicTempo.runs[i] && s.liveCount[i] > 0;
            }
            return;
        }
        final int tempo = protocol.tempo();
        for (long netuid = EpochSchedule.firstNetuidDue(tempo, block); netuid <= s.subnets;
                netuid += tempo + 1L) {
            final int i = (int) netuid - 1;
            due[i] = s.liveCount[i] > 0;
        }
    }

    /**
     * mechanics §4, dynamic tempo: an epoch runs when tempo blocks passed since the last one, at most two a block
     * in netuid order (the rest deferred a block). The network's subnets keep their old phase (as the chain's
     * migration did); a subnet registered during the run starts staggered by its netuid.
     */
    private void scheduleDynamicEpochs(final BatchState s, final long block) {
        final DynamicTempoState d = dynamicTempo;
        final int n = s.subnets;
        if (d.tempo == null) {
            d.tempo = new int[n];
            d.lastEpochBlock = new long[n];
            d.pendingEpochAt = new long[n];
            d.blocksSinceLastStep = new long[n];
            d.runs = new boolean[n];
            d.known = new boolean[n];
            java.util.Arrays.fill(d.tempo, protocol.tempo());
        }
        for (int i = 0; i < n; i++) {
            if (!d.known[i] && s.liveCount[i] > 0) {
                final int netuid = BatchState.netuid(i);
                d.lastEpochBlock[i] = i < s.initialSubnets
                        ? DynamicTempo.migratedLastEpochBlock(netuid, protocol.tempo(), block)
                        : DynamicTempo.staggeredLastEpochBlock(netuid, protocol.tempo(), block);
                d.known[i] = true;
            }
        }
        DynamicTempo.drainSchedule(block, d.tempo, d.lastEpochBlock, d.pendingEpochAt, d.blocksSinceLastStep,
                DynamicTempo.MAX_EPOCHS_PER_BLOCK, d.runs);
    }

    /** Pays out one subnet's pending emission at its epoch (see {@link #drain}). */
    private static void drainSubnet(final BatchState s, final int i) {
        final double take = ChainConstants.DEFAULT_DELEGATE_TAKE;
        s.drainedSubnets[s.drainedCount++] = i;
        final int row = i * s.paths;
        for (int p = 0; p < s.paths; p++) {
            final int c = row + p;
            final double rootAlpha = s.pendingRootAlpha[c];
            s.drainedAlpha[c] = s.pendingAlpha[c] + s.pendingOwner[c] + rootAlpha * take;
            s.drainedMinerAlpha[c] = s.takePendingMinerAlpha(c);
            s.drainedOwnerAlpha[c] = s.pendingOwner[c];
            s.rootClaimable[c] += rootAlpha * (1.0 - take);
            s.rootDividends[p] += s.pendingRootTao[c];
            s.pendingAlpha[c] = 0.0;
            s.pendingOwner[c] = 0.0;
            s.pendingRootTao[c] = 0.0;
            s.pendingRootAlpha[c] = 0.0;
        }
    }

    /**
     * mechanics §4 root claim, in aggregate, for one row: a fraction {@code rootClaimRate} of the claimable root
     * alpha is claimed each block; the Swap share is sold fee-free for TAO restaked on root (raising R from
     * 2026-05-27, and in the net-flow era an outflow of the protocol's flow), the Keep share becomes root
     * stakers' alpha.
     */
    private void claimRoot(final BatchState s, final int i, final double[] blockClaimTao) {
        if (s.liveCount[i] == s.paths) {
            kernels.claimRoot(s, i, claimRate, claimSwapShare, rules.recordProtocolFlow(), blockClaimTao);
        } else if (s.liveCount[i] > 0) {
            for (int end = s.liveRun(i, 0, runStart); runStart[0] < s.paths; end = s.liveRun(i, end, runStart)) {
                ScalarRowKernels.claimRoot(s, i, claimRate, claimSwapShare, rules.recordProtocolFlow(), blockClaimTao,
                        runStart[0], end);
            }
        }
    }
}
