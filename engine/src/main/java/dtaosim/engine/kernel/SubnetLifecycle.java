package dtaosim.engine.kernel;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.LockCost;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Pruning;
import dtaosim.engine.model.SubnetPricing;
import dtaosim.engine.model.Switch;
import dtaosim.engine.state.BatchState;

/**
 * mechanics §6: the subnet life cycle on a batch — registration (lock cost, rate limit, pool seeding), the
 * subnet limit with pruning, and dissolution. A registration puts the new subnet in a free slot, the same on
 * every path; where a path must prune first, it dissolves its own lowest-priced subnet (each path's prices
 * differ), so slots can hold a subnet on some paths only. Scalar and rare (a few calls per run).
 */
public final class SubnetLifecycle {
    private ProtocolParams protocol;
    private boolean limitEnforced;
    private boolean seedAtMedianPrice;
    private boolean newSubnetsEmit;
    /** Dissolution: protocol alpha is in the payout's denominator (from 2026-06-01). */
    private boolean protocolAlphaCounts;
    /** Dissolution: a subnet registered in the run counts its pool's alpha too (from 2026-06-02). */
    private boolean poolAlphaCounts;
    private final double[] slotPrice;
    private final double[] slotMovingPrice;
    private final long[] slotRegisteredAt;
    private final boolean[] slotLive;

    /** Life-cycle rules of the run's era (followed through era changes), with scratch for {@code slots} slots. */
    public SubnetLifecycle(final ProtocolParams protocol, final int slots) {
        rulesOf(protocol);
        slotPrice = new double[slots];
        slotMovingPrice = new double[slots];
        slotRegisteredAt = new long[slots];
        slotLive = new boolean[slots];
    }

    /** Derives the era's life-cycle rules; again when the batch's era changed. */
    private void rulesOf(final ProtocolParams params) {
        this.protocol = params;
        final Era era = params.era();
        // no subnet limit at all before 2025-09-24 (835a2c902)
        limitEnforced = era.compareTo(Era.SUBSIDY_2025_07) > 0
                || (era == Era.SUBSIDY_2025_07 && params.on(Switch.SUBNET_LIMIT_PRUNING));
        seedAtMedianPrice = era.compareTo(Era.CAPPED_2025_12) > 0
                || (era == Era.CAPPED_2025_12 && params.on(Switch.POOL_SEED_AT_MEDIAN_PRICE));
        newSubnetsEmit = !(era == Era.PRICE_BURN_2026_06 && params.on(Switch.NEW_SUBNETS_EMISSION_DISABLED));
        // dissolution: protocol alpha joins the denominator from 2026-06-01, the pool's alpha too from 06-02
        protocolAlphaCounts = era == Era.PRICE_BURN_2026_06
                || (era == Era.NETFLOW_2026_05 && params.on(Switch.PROTOCOL_ALPHA_KEPT));
        poolAlphaCounts = era == Era.PRICE_BURN_2026_06
                || (era == Era.NETFLOW_2026_05 && params.on(Switch.POOL_ALPHA_IN_DISSOLUTION));
    }

    /**
     * Registers a subnet in the free slot {@code slot} at {@code block} on every path of the batch where the
     * chain would accept it. Returns the number of paths that accepted.
     */
    public int register(final BatchState s, final int slot, final long block) {
        if (s.liveCount[slot] != 0) {
            throw new IllegalStateException("slot " + slot + " is not free");
        }
        if (s.protocol != protocol) {
            rulesOf(s.protocol);
        }
        int accepted = 0;
        for (int p = 0; p < s.paths; p++) {
            if (registerOnPath(s, slot, block, p)) {
                accepted++;
            }
        }
        if (accepted > 0) {
            // start_call (mechanics §6): FirstEmissionBlockNumber = start_call block + 1
            s.firstEmissionBlock[slot] = block + (long) protocol.get(Parameter.START_CALL_DELAY) + 1;
            s.registrationBlock[slot] = block;
            s.emitsFrom[slot] = s.firstEmissionBlock[slot];
            s.emissionEnabled[slot] = newSubnetsEmit;
        }
        return accepted;
    }

    private boolean registerOnPath(final BatchState s, final int slot, final long block, final int p) {
        // rate limit between registrations (NetworkRateLimit)
        if (s.lastLockBlock[p] != 0 && block - s.lastLockBlock[p] < protocol.get(Parameter.NETWORK_RATE_LIMIT)) {
            s.refusedRegistrations[p]++;
            return false;
        }
        final double emission = HalvingSchedule.emission(s.totalIssuance[p], protocol.blockEmissionTao());
        final double lock = LockCost.lockCost(s.lastLockTao[p], s.lastLockBlock[p], block,
                protocol.get(Parameter.MIN_LOCK), LockCost.effectiveIntervalBlocks(
                        protocol.get(Parameter.LOCK_REDUCTION_INTERVAL), emission));
        if (lock > s.totalIssuance[p]) {
            // no coldkey holds more TAO than exists: the chain refuses the lock (CannotAffordLockCost) before
            // it prunes anything
            s.refusedRegistrations[p]++;
            return false;
        }
        gather(s, p);
        if (limitEnforced && liveSubnets() >= protocol.get(Parameter.SUBNET_LIMIT)) {
            final int victim = Pruning.subnetToPrune(block, (long) protocol.get(Parameter.IMMUNITY_PERIOD),
                    slotMovingPrice, slotRegisteredAt, slotLive);
            if (victim == Pruning.NONE) {
                s.refusedRegistrations[p]++; // SubnetLimitReached
                return false;
            }
            dissolve(s, victim, p);
            s.prunings[p]++;
            gather(s, p);
        }
        final double minLock = protocol.get(Parameter.MIN_LOCK);
        final double poolTao;
        final double poolAlpha;
        if (seedAtMedianPrice) {
            // 2026-04-22: the whole lock seeds the pool at the median subnet price
            poolTao = Math.max(lock, minLock);
            poolAlpha = poolTao / SubnetPricing.medianPrice(slotPrice, slotLive);
        } else {
            // before: min_lock TAO and min_lock alpha (price 1), the rest of the lock recycled
            poolTao = minLock;
            poolAlpha = minLock;
            final double recycled = Math.max(lock - minLock, 0.0);
            s.totalIssuance[p] -= recycled;
            s.taoRecycled[p] += recycled;
        }
        final int c = s.cell(slot, p);
        s.taoReserve[c] = poolTao;
        s.alphaIn[c] = poolAlpha;
        s.alphaOut[c] = 0.0;
        s.movingPrice[c] = 0.0;
        s.taoAfterStep[c] = poolTao;
        s.live[c] = true;
        s.registeredAt[c] = block;
        s.liveCount[slot]++;
        s.refreshAlphaEmission(c);
        s.invalidateAlphaEmission(slot);
        s.taoLocked[p] += poolTao;
        s.alphaMinted[p] += poolAlpha;
        s.lastLockTao[p] = lock;
        s.lastLockBlock[p] = block;
        s.registrations[p]++;
        return true;
    }

    /**
     * mechanics §6: dissolves the subnet of one cell: its pool's TAO goes to the holders of its staked alpha, pro
     * rata, except the protocol's share (recycled); all its alpha, pending emission and root claims vanish.
     */
    public void dissolve(final BatchState s, final int slot, final int p) {
        final int c = s.cell(slot, p);
        final double pot = s.taoReserve[c];
        final double protocolAlpha = s.protocolAlpha[c];
        // the chain pays staked alpha (remove_stake.rs destroy_alpha_in_out_stakes at 14bc6f9f): AlphaOut less the
        // protocol's, the emission not yet paid out (pending miner, validator, owner and root alpha) and the root
        // alpha not yet claimed (RootClaimable is no stake, claim_root.rs), which vanish with the subnet
        final double holders = s.alphaOut[c] - protocolAlpha - s.pendingAlpha[c] - s.pendingOwner[c]
                - s.pendingRootAlpha[c] - s.rootClaimable[c];
        // subnets registered after TaoInRefundDeploymentBlock (2026-06-02) count their pool's alpha too
        final double denominator = holders + (protocolAlphaCounts ? protocolAlpha : 0.0)
                + (poolAlphaCounts && slot >= s.initialSubnets ? s.alphaIn[c] : 0.0);
        // the holders' share first, so that holders alone (share exactly 1) take the whole pot and nothing is
        // recycled; at most the pot, as a share rounded above 1 would recycle a negative amount
        final double paid = denominator > 0.0 ? Math.min(pot, pot * (Math.max(holders, 0.0) / denominator)) : 0.0;
        s.taoDissolved[p] += pot;
        s.totalIssuance[p] -= pot - paid;
        s.taoRecycled[p] += pot - paid;
        s.alphaDestroyed[p] += s.alphaIn[c] + s.alphaOut[c];
        // TAO already sold from root alpha is the root stakers' (paid now rather than at the next epoch)
        s.rootDividends[p] += s.pendingRootTao[c];
        s.taoReserve[c] = 0.0;
        s.alphaIn[c] = 0.0;
        s.alphaOut[c] = 0.0;
        s.movingPrice[c] = 0.0;
        s.pendingAlpha[c] = 0.0;
        s.pendingOwner[c] = 0.0;
        s.clearPendingMinerAlpha(c);
        s.pendingRootTao[c] = 0.0;
        s.pendingRootAlpha[c] = 0.0;
        s.rootClaimable[c] = 0.0;
        s.protocolAlpha[c] = 0.0;
        s.positionAlpha[c] = 0.0;
        s.taoFlowEma[c] = 0.0;
        s.protocolFlowEma[c] = 0.0;
        s.protocolFlow[c] = 0.0;
        s.taoAfterStep[c] = 0.0;
        s.live[c] = false;
        s.liveCount[slot]--;
    }

    /** Copies one path's per-slot prices, moving prices, registration blocks and liveness into scratch. */
    private void gather(final BatchState s, final int p) {
        for (int i = 0; i < s.subnets; i++) {
            final int c = s.cell(i, p);
            slotLive[i] = s.live[c];
            slotPrice[i] = s.live[c] ? s.taoReserve[c] / s.alphaIn[c] : 0.0;
            slotMovingPrice[i] = s.movingPrice[c];
            slotRegisteredAt[i] = s.registeredAt[c];
        }
    }

    private int liveSubnets() {
        int n = 0;
        for (final boolean b : slotLive) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
