package dtaosim.engine.state;

import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;

/**
 * The state of one batch of paths, struct-of-arrays: one primitive array per field. Per-subnet fields are laid
 * out {@code [subnet * paths + path]}, so the inner loops of the kernel run over the paths of one subnet with
 * unit stride (the vector lanes hold paths). Per-path fields are indexed {@code [path]}. Amounts in TAO/alpha.
 *
 * <p>Paths of a batch are the global paths {@code firstPath … firstPath + paths − 1} of a run of
 * {@code totalPaths}; counter-keyed random draws use the global index, so a path's numbers do not depend on the
 * batch it lands in.
 */
public final class BatchState {
    /** Subnet slots (netuid = slot + 1): the network's subnets, then free slots for registrations. */
    public final int subnets;
    /** Subnets of the network at the start (the first slots). */
    public final int initialSubnets;
    /** Free slots already reserved by registering behaviours ({@link #reserveSlots}). */
    private int slotsReserved;
    /** Paths in this batch; also the stride between subnets in per-subnet arrays. */
    public final int paths;
    /** Global index of this batch's path 0. */
    public final long firstPath;
    /** Paths in the whole run (the counter formula of the random streams uses it). */
    public final long totalPaths;
    /** The protocol's parameters (changed by {@link #switchProtocol} when the run's era changes). */
    public ProtocolParams protocol;
    /** Flat fee per stake or unstake, kept in the pool (mechanics §5, constant-product era). */
    public double stakeFeeTao;
    /** Swap fee as a fraction of the input (FeeRate / 65535, mechanics §5; V3 and Balancer eras). */
    public double feeRate;
    /** Whether swap fees leave the pool to the block author (mechanics §5, from 2026-03-11). */
    public boolean feesLeavePool;
    /**
     * Whether epochs also pay the sold root share in alpha (launch era with switch {@code dividend-fix} off,
     * 2025-02-13 → 02-24); {@link #pendingRootAlpha} then holds the root alpha sold since the last epoch.
     */
    public boolean overCreditRootAlpha;
    /** The moving price's input is min(spot, this): 1 (mechanics §2a), or +∞ without the 2025-02-15 clip. */
    public double movingPriceClip;

    // ---- per subnet, [subnet * paths + path] ----
    /** SubnetTAO: TAO reserve of the pool. */
    public final double[] taoReserve;
    /** SubnetAlphaIn: alpha reserve of the pool. */
    public final double[] alphaIn;
    /** SubnetAlphaOut: alpha outside the pool (stakes, pending emission). */
    public final double[] alphaOut;
    /** SubnetMovingPrice (mechanics §2a). */
    public final double[] movingPrice;
    /** Cached alpha block emission for the current alpha issuance (mechanics §1). */
    public final double[] alphaEmission;
    /**
     * Per subnet: the block from which the row's alpha-emission caches must be checked again; before it no
     * path's alpha issuance can have left its interval. Anything that lowers or jumps alpha issuance outside
     * the coinbase resets it with {@link #invalidateAlphaEmission}.
     */
    public final long[] alphaEmissionRecheck;
    /** Issuance interval [low, high) inside which {@link #alphaEmission} is exact. */
    public final double[] alphaEmissionLow;
    /** See {@link #alphaEmissionLow}. */
    public final double[] alphaEmissionHigh;
    /** PendingServerEmission + PendingValidatorEmission: miner and validator alpha awaiting the epoch. */
    public final double[] pendingAlpha;
    /** PendingOwnerCut. */
    public final double[] pendingOwner;
    /** PendingRootDivs: TAO from root alpha sold every block, paid to root stakers at the epoch. */
    public final double[] pendingRootTao;
    /**
     * tao_in injected into each pool in the current block, kept only for the subnets a probe asked for
     * ({@link #recordInjection}), so the hot loop does not store it for every cell.
     */
    public final double[] taoInjected;
    /** Per subnet: whether {@link #taoInjected} is kept up to date. */
    public final boolean[] injectionRecorded;
    /** Alpha paid out at the epoch in the current block (valid for the subnets in {@link #drainedSubnets}). */
    public final double[] drainedAlpha;
    /** The miners' part of {@link #drainedAlpha}: half of the alpha_out left after the owner cut (mechanics §4). */
    public final double[] drainedMinerAlpha;
    /** The owner's part of {@link #drainedAlpha}: the owner cut (mechanics §4). */
    public final double[] drainedOwnerAlpha;
    /**
     * The miners' alpha pending since the last epoch, kept only while {@link #minerAlphaAccrues} (see
     * {@link #takePendingMinerAlpha}); allocated then, so runs with an owner cut keep the arrays they had.
     */
    private double[] pendingMinerAlpha;
    /**
     * Whether the steps add each block's miners' alpha to {@link #pendingMinerAlpha} ({@link #accrueMinerAlpha}):
     * from the start with no owner cut, or from an era change that changed the cut, as the miners' alpha then
     * cannot be read from the pending owner cut.
     */
    public boolean minerAlphaAccrues;
    /**
     * Whether the subnet's validators withdrew their support on the path (an intervention): from then on they
     * stop scoring miners the way a behaviour relies on (e.g. by holdings).
     */
    public final boolean[] supportWithdrawn;
    /** Scratch: each subnet's emission share weight this block (moving price, or flow z^p). */
    public final double[] shareWeight;
    /** SubnetTaoFlow's EMA S of users' net TAO flow into the pool (mechanics §2b). */
    public final double[] taoFlowEma;
    /**
     * TAO reserve at the end of the chain's last step plus the swap fees users' stakes left in the pool since;
     * users' net flow (after fees, mechanics §2b) is the reserve less this.
     */
    public final double[] taoAfterStep;
    /** EMA P of the protocol's TAO flow into the pool (mechanics §2b, 2026-05-27), net-flow era only. */
    public final double[] protocolFlowEma;
    /**
     * The protocol's TAO flow into the pool in the current block (injections, chain buys, claim sales), kept in
     * the net-flow era only.
     */
    public final double[] protocolFlow;
    /**
     * PendingRootAlphaDivs: root alpha accrued since the last epoch (mechanics §4, from 2025-11-04); in the launch
     * era without the dividend fix, the root alpha sold since the last epoch (over-credited at the epoch).
     */
    public final double[] pendingRootAlpha;
    /** RootClaimable in aggregate: root alpha paid at epochs and not yet claimed (mechanics §4). */
    public final double[] rootClaimable;
    /** SubnetProtocolAlpha: chain-bought alpha kept by the protocol (mechanics §3, from 2026-06-01). */
    public final double[] protocolAlpha;
    /**
     * Alpha in the positions that behaviours track and later sell as a whole (a pump, speculators, the meme
     * cohort, a capital inflow): theirs, so not for the anonymous holders of {@link #heldAlpha} to sell.
     */
    public final double[] positionAlpha;
    /** Whether the cell holds a subnet on its path (registered and not dissolved). */
    public final boolean[] live;
    /** NetworkRegisteredAt of each cell's subnet. */
    public final long[] registeredAt;

    // ---- per subnet slot ----
    /** Paths on which the slot holds a subnet; 0 = free everywhere, {@link #paths} = live everywhere. */
    public final int[] liveCount;
    /** FirstEmissionBlockNumber of the slot's subnet (start_call + 1), the origin of the EMA ramp's age. */
    public final long[] firstEmissionBlock;
    /**
     * Block the slot's subnet registered (NetworkRegisteredAt), the origin of the ramp's age before 2025-04-04;
     * for the network's subnets, which registered before the run, the chain's first block, 0 (their start_call
     * may be later: on chain a 2025-03 migration set every FirstEmissionBlockNumber to its block).
     */
    public final long[] registrationBlock;
    /**
     * First block whose coinbase emits to the slot's subnet: the chain emits once FirstEmissionBlockNumber is
     * set, i.e. from the block after start_call; the network's subnets have started (a scenario says so).
     */
    public final long[] emitsFrom;
    /** SubnetEmissionEnabled (mechanics §2, 2026-05-27): a disabled subnet gets no share. */
    public final boolean[] emissionEnabled;

    // ---- per path ----
    /** TAO staked on root, R. */
    public final double[] rootStake;
    /** TotalIssuance of TAO (mechanics §1). */
    public final double[] totalIssuance;
    /** TAO block emission of the current block. */
    public final double[] blockEmission;
    /** Scratch: block emission divided by Σ moving price, so tao_in = movingPrice × this. */
    public final double[] emissionPerMovingPrice;
    /** Σ TAO injected into pools as emission since the start (Σ over subnets of tao_in). */
    public final double[] taoEmitted;
    /** Σ TAO that entered pools through users' stakes (gross of the flat fee). */
    public final double[] taoStaked;
    /** Σ TAO that left pools through users' unstakes (net of the flat fee). */
    public final double[] taoUnstaked;
    /**
     * Σ TAO paid to root stakers at epochs. Root alpha sold into the pools left them as TAO that is either
     * still pending ({@link #pendingRootTao}) or paid here.
     */
    public final double[] rootDividends;
    /** Σ alpha minted over all subnets (alpha_in injected + alpha_out), the growth of alpha issuance. */
    public final double[] alphaMinted;
    /** Σ alpha recycled (alpha issuance lowered: chain-bought alpha, root alpha without the sell flag). */
    public final double[] alphaRecycled;
    /** Σ alpha burned (still counted in issuance, owned by nobody: unpaid root alpha of subsidised subnets). */
    public final double[] alphaBurned;
    /** Σ TAO of swap fees paid to block authors (left the pools, mechanics §5). */
    public final double[] taoFees;
    /** Σ TAO recycled (TotalIssuance lowered; mechanics §1). */
    public final double[] taoRecycled;
    /** Σ TAO put into pools that TotalIssuance never counted (the subsidy era's chain buys, mechanics §3). */
    public final double[] taoUnissued;
    /** Σ TAO root stakers received by selling claimed root alpha (Swap claims, mechanics §4). */
    public final double[] rootClaimTao;
    /** Scratch per path: whether Σ moving price &gt; 1 this block (mechanics §4 root-sell flag). */
    public final boolean[] rootSellFlag;
    /** Scratch per path for a step's reductions over subnets. */
    public final double[] pathScratchA;
    /** See {@link #pathScratchA}. */
    public final double[] pathScratchB;
    /** See {@link #pathScratchA}. */
    public final double[] pathScratchC;
    /** See {@link #pathScratchA}. */
    public final double[] pathScratchD;
    /** Scratch per path: TAO of this block's Swap root claims (added to {@link #rootClaimTao} after them). */
    public final double[] blockClaimTao;
    /**
     * Per path, never read: where a kernel's lanes put what a row does not keep (a tao_in no probe asked for, a
     * protocol flow no era weighs), so that the lanes store without a branch.
     */
    public final double[] pathSink;
    /** NetworkLastLockCost per path (mechanics §6). */
    public final double[] lastLockTao;
    /** Block of the last subnet registration per path (0 = none; see {@link #recordLastRegistration}). */
    public final long[] lastLockBlock;
    /** Σ TAO registrants put into new pools (the lock, or min_lock of it). */
    public final double[] taoLocked;
    /**
     * Σ TAO that left pools with dissolved subnets: paid to their alpha holders, or recycled as the protocol's
     * share (that part is also in {@link #taoRecycled}).
     */
    public final double[] taoDissolved;
    /** Σ alpha that vanished with dissolved subnets. */
    public final double[] alphaDestroyed;
    /** Subnets registered, pruned, and registrations refused (rate limit, SubnetLimitReached). */
    public final double[] registrations;
    /** See {@link #registrations}. */
    public final double[] prunings;
    /** See {@link #registrations}. */
    public final double[] refusedRegistrations;
    /** Σ TAO in pools at the start. */
    public final double initialPoolTao;

    // ---- per block ----
    /** Subnet slots whose epoch ran in the current block; the first {@link #drainedCount} entries are valid. */
    public final int[] drainedSubnets;
    /** See {@link #drainedSubnets}. */
    public int drainedCount;
    /**
     * mechanics §2a MinerBurned per cell: the share of the last Yuma epoch's miner incentive that went to the
     * owner's miners (null unless the scenario runs Yuma; then the price-burn era weighs those subnets' shares
     * by it instead of the era's parameter).
     */
    public double[] yumaMinerBurned;
    /** Subnet slots whose MinerBurned comes from Yuma (see {@link #yumaMinerBurned}). */
    public boolean[] yumaSubnet;

    /**
     * Allocates a batch and sets every path to the network's initial state.
     *
     * @param network    initial network, the same for every path
     * @param protocol   protocol parameters
     * @param firstPath  global index of the batch's first path
     * @param paths      paths in the batch
     * @param totalPaths paths in the whole run
     */
    public BatchState(final Network network, final ProtocolParams protocol, final long firstPath, final int paths,
                      final long totalPaths) {
        this(network, protocol, firstPath, paths, totalPaths, network.subnets());
    }

    /**
     * Allocates a batch with {@code slots} subnet slots, the first holding the network's subnets and the rest
     * free for registrations during the run.
     */
    public BatchState(final Network network, final ProtocolParams protocol, final long firstPath, final int paths,
                      final long totalPaths, final int slots) {
        if (paths <= 0 || firstPath < 0 || firstPath + paths > totalPaths) {
            throw new IllegalArgumentException("batch [" + firstPath + ", " + (firstPath + paths)
                    + ") is not inside [0, " + totalPaths + ")");
        }
        if (slots < network.subnets()) {
            throw new IllegalArgumentException("slots: " + slots + " is fewer than the network's subnets ("
                    + network.subnets() + ")");
        }
        this.subnets = slots;
        this.initialSubnets = network.subnets();
        this.paths = paths;
        this.firstPath = firstPath;
        this.totalPaths = totalPaths;
        this.protocol = protocol;
        applyProtocol(protocol);
        final int cells = Math.multiplyExact(subnets, paths);
        if (!(protocol.ownerCut() > 0.0)) {
            minerAlphaAccrues = true;
            pendingMinerAlpha = new double[cells];
        }
        taoReserve = new double[cells];
        alphaIn = new double[cells];
        alphaOut = new double[cells];
        movingPrice = new double[cells];
        alphaEmission = new double[cells];
        alphaEmissionLow = new double[cells];
        alphaEmissionHigh = new double[cells];
        pendingAlpha = new double[cells];
        pendingOwner = new double[cells];
        pendingRootTao = new double[cells];
        taoInjected = new double[cells];
        injectionRecorded = new boolean[subnets];
        drainedAlpha = new double[cells];
        drainedMinerAlpha = new double[cells];
        drainedOwnerAlpha = new double[cells];
        supportWithdrawn = new boolean[cells];
        shareWeight = new double[cells];
        taoFlowEma = new double[cells];
        taoAfterStep = new double[cells];
        protocolFlowEma = new double[cells];
        protocolFlow = new double[cells];
        pendingRootAlpha = new double[cells];
        rootClaimable = new double[cells];
        protocolAlpha = new double[cells];
        positionAlpha = new double[cells];
        live = new boolean[cells];
        registeredAt = new long[cells];
        liveCount = new int[subnets];
        firstEmissionBlock = new long[subnets];
        registrationBlock = new long[subnets];
        emitsFrom = new long[subnets];
        emissionEnabled = new boolean[subnets];
        rootStake = new double[paths];
        totalIssuance = new double[paths];
        blockEmission = new double[paths];
        emissionPerMovingPrice = new double[paths];
        taoEmitted = new double[paths];
        taoStaked = new double[paths];
        taoUnstaked = new double[paths];
        rootDividends = new double[paths];
        alphaMinted = new double[paths];
        alphaRecycled = new double[paths];
        alphaBurned = new double[paths];
        taoFees = new double[paths];
        taoRecycled = new double[paths];
        taoUnissued = new double[paths];
        rootClaimTao = new double[paths];
        rootSellFlag = new boolean[paths];
        pathScratchA = new double[paths];
        pathScratchB = new double[paths];
        pathScratchC = new double[paths];
        pathScratchD = new double[paths];
        blockClaimTao = new double[paths];
        pathSink = new double[paths];
        lastLockTao = new double[paths];
        lastLockBlock = new long[paths];
        taoLocked = new double[paths];
        taoDissolved = new double[paths];
        alphaDestroyed = new double[paths];
        registrations = new double[paths];
        prunings = new double[paths];
        refusedRegistrations = new double[paths];
        drainedSubnets = new int[subnets];
        alphaEmissionRecheck = new long[subnets];
        java.util.Arrays.fill(alphaEmissionRecheck, Long.MIN_VALUE);
        initialPoolTao = network.poolTao();

        for (int i = 0; i < initialSubnets; i++) {
            liveCount[i] = paths;
            firstEmissionBlock[i] = network.firstEmissionBlock()[i];
            registrationBlock[i] = 0L;
            emitsFrom[i] = Long.MIN_VALUE;
            emissionEnabled[i] = true;
            final int row = i * paths;
            for (int p = 0; p < paths; p++) {
                taoReserve[row + p] = network.taoReserve()[i];
                alphaIn[row + p] = network.alphaIn()[i];
                alphaOut[row + p] = network.alphaOut()[i];
                movingPrice[row + p] = network.movingPrice()[i];
                taoAfterStep[row + p] = network.taoReserve()[i];
                live[row + p] = true;
                // the network's subnets were registered long before the run: past any immunity period
                registeredAt[row + p] = REGISTERED_BEFORE_RUN;
                refreshAlphaEmission(row + p);
            }
        }
        for (int i = initialSubnets; i < subnets; i++) {
            firstEmissionBlock[i] = Long.MAX_VALUE;
            emitsFrom[i] = Long.MAX_VALUE;
            for (int p = 0; p < paths; p++) {
                refreshAlphaEmission(i * paths + p);
            }
        }
        for (int p = 0; p < paths; p++) {
            rootStake[p] = network.rootStakeTao();
            totalIssuance[p] = network.totalIssuanceTao();
            lastLockTao[p] = protocol.get(Parameter.LAST_LOCK);
        }
    }

    /** Derives the swap and moving-price settings from the protocol's parameters. */
    private void applyProtocol(final ProtocolParams params) {
        this.protocol = params;
        this.stakeFeeTao = params.stakeFeeTao();
        this.feeRate = params.get(Parameter.FEE_RATE) / 65_535.0;
        this.movingPriceClip = params.era() != Era.LAUNCH_2025_02 || params.on(Switch.EMA_CLIP_AT_ONE)
                ? ChainConstants.MOVING_PRICE_INPUT_CLIP : Double.POSITIVE_INFINITY;
        // fees go to the block author from 2026-03-11 (a switch of the capped era; every later era)
        this.feesLeavePool = params.era().compareTo(Era.CAPPED_2025_12) > 0
                || (params.era() == Era.CAPPED_2025_12 && params.on(Switch.FEES_TO_BLOCK_AUTHOR));
        this.overCreditRootAlpha = params.era() == Era.LAUNCH_2025_02 && !params.on(Switch.DIVIDEND_FIX);
    }

    /**
     * Moves the batch to another era's rules at the current block (the runtime upgrade): pools, stakes and
     * pending emission carry over; the flow EMAs start from what they hold (0 if never used, as the chain's
     * 2025-11-04 migration set them), the users' flow is measured from here, and every alpha-emission cache is
     * checked again.
     */
    public void switchProtocol(final ProtocolParams params) {
        final double oldCut = protocol.ownerCut();
        if (!minerAlphaAccrues && params.ownerCut() != oldCut) {
            // the pending owner cut was taken at the old cut: keep the miners' alpha it implies and count on
            pendingMinerAlpha = new double[pendingOwner.length];
            for (int c = 0; c < pendingMinerAlpha.length; c++) {
                pendingMinerAlpha[c] = minerAlphaOfOwnerCut(pendingOwner[c], oldCut);
            }
            minerAlphaAccrues = true;
        }
        if (overCreditRootAlpha) {
            // the fixed runtime pays dividend − root dividend at the next epoch: no over-credit carries over
            java.util.Arrays.fill(pendingRootAlpha, 0.0);
        }
        applyProtocol(params);
        System.arraycopy(taoReserve, 0, taoAfterStep, 0, taoReserve.length);
        java.util.Arrays.fill(alphaEmissionRecheck, Long.MIN_VALUE);
    }

    /**
     * How the chain's step and the behaviours treat a slot at {@code block}: {@link #ROW_IDLE} (no subnet on any
     * path, or not started: no emission, moving price or staking, only burn registrations), {@link #ROW_LIVE} (a
     * started subnet on every path: the row kernels), {@link #ROW_MIXED} (a started subnet on some paths only:
     * per-path runs).
     */
    public int rowMode(final int subnet, final long block) {
        final int count = liveCount[subnet];
        if (count == 0 || block < emitsFrom[subnet]) {
            return ROW_IDLE;
        }
        return count == paths ? ROW_LIVE : ROW_MIXED;
    }

    /**
     * The end (exclusive) of the run of path slots, starting at or after {@code from}, where the slot holds a
     * subnet; {@code from} is moved to the run's start in {@code runStart[0]}. Returns {@code paths} start and
     * end when there is none. Lets a step hand each run of a partly-live row to a range loop.
     */
    public int liveRun(final int subnet, final int from, final int[] runStart) {
        final int row = subnet * paths;
        int p = from;
        while (p < paths && !live[row + p]) {
            p++;
        }
        runStart[0] = p;
        while (p < paths && live[row + p]) {
            p++;
        }
        return p;
    }

    /** NetworkRegisteredAt given to the network's subnets: long enough ago to be past immunity. */
    public static final long REGISTERED_BEFORE_RUN = Long.MIN_VALUE / 4;
    /** See {@link #rowMode}. */
    public static final int ROW_IDLE = 0;
    /** See {@link #rowMode}. */
    public static final int ROW_LIVE = 1;
    /** See {@link #rowMode}. */
    public static final int ROW_MIXED = 2;

    /**
     * Sets every path's last registration to {@code lastLockAge} blocks before the run's first block (mechanics §6
     * NetworkLastRegistered), so that {@code lastLock} is the lock paid then: the first registration of the run
     * costs {@code max(minLock, 2·lastLock − lastLock/I_eff · (blocks since))} and waits out the rate limit.
     */
    public void recordLastRegistration(final long startBlock) {
        // mechanics §6: the chain keeps no registration at block 0, which reads as "none" (lock multiplier 1)
        final long block = Math.max(startBlock - (long) protocol.get(Parameter.LAST_LOCK_AGE), 0L);
        java.util.Arrays.fill(lastLockBlock, block);
    }

    /**
     * The alpha of a cell that holders outside the pool can sell: AlphaOut less what is minted but not yet theirs
     * (pending emission, root alpha accrued or claimable), the protocol's alpha and the tracked positions
     * ({@link #positionAlpha}), at least 0. The over-credit
     * variant of the launch era keeps sold root alpha in {@link #pendingRootAlpha}; it counts here too (a few
     * blocks of root alpha held back).
     */
    public double heldAlpha(final int cell) {
        final double held = alphaOut[cell] - pendingAlpha[cell] - pendingOwner[cell] - pendingRootAlpha[cell]
                - rootClaimable[cell] - protocolAlpha[cell] - positionAlpha[cell];
        return held > 0.0 ? held : 0.0;
    }

    /**
     * An unstake of {@code wanted} alpha cut to what holders hold: {@code min(wanted, heldAlpha)} written as the
     * comparison the vector lanes make, so both give the same bits.
     */
    public double sellable(final int cell, final double wanted) {
        final double held = heldAlpha(cell);
        return wanted > held ? held : wanted;
    }

    /** Asks the block step to keep {@link #taoInjected} of one subnet up to date (probes call it at bind). */
    public void recordInjection(final int subnet) {
        injectionRecorded[subnet] = true;
    }

    /**
     * The miners' alpha in a cell's pending emission, which the epoch pays out now: it is no longer pending
     * (mechanics §4: half of alpha_out after the owner cut; the other half less the root share goes to
     * validators, run_coinbase.rs at 14bc6f9f). With an owner cut {@code cut} > 0 throughout,
     * {@code Σ(alpha_out − owner)/2 = pendingOwner·(1 − cut)/(2·cut)}, which costs the coinbase nothing;
     * otherwise the sum the steps kept ({@link #accrueMinerAlpha}).
     */
    public double takePendingMinerAlpha(final int cell) {
        if (!minerAlphaAccrues) {
            return minerAlphaOfOwnerCut(pendingOwner[cell], protocol.ownerCut());
        }
        final double miners = pendingMinerAlpha[cell];
        pendingMinerAlpha[cell] = 0.0;
        return miners;
    }

    private static double minerAlphaOfOwnerCut(final double ownerAlpha, final double cut) {
        return cut > 0.0 ? ownerAlpha * (1.0 - cut) / (2.0 * cut) : 0.0;
    }

    /**
     * mechanics §4: adds this block's miners' alpha, {@code alpha_emission·(1 − cut)/2}, to the cells of a
     * subnet whose coinbase runs this block (every cell, or with {@code allLive} false the cells holding it).
     * The steps call it only while {@link #minerAlphaAccrues}.
     */
    public void accrueMinerAlpha(final int subnet, final boolean allLive) {
        final double minersShare = 0.5 * (1.0 - protocol.ownerCut());
        final int row = subnet * paths;
        final double[] miners = pendingMinerAlpha;
        final double[] emitted = alphaEmission;
        if (allLive) {
            for (int p = 0; p < paths; p++) {
                miners[row + p] += minersShare * emitted[row + p];
            }
            return;
        }
        for (int p = 0; p < paths; p++) {
            if (live[row + p]) {
                miners[row + p] += minersShare * emitted[row + p];
            }
        }
    }

    /** Drops a cell's pending miners' alpha with its subnet (dissolution). */
    public void clearPendingMinerAlpha(final int cell) {
        if (minerAlphaAccrues) {
            pendingMinerAlpha[cell] = 0.0;
        }
    }

    /**
     * Lets Yuma supply MinerBurned for {@code slots}: per cell, starting from the era's parameter until the
     * subnet's first epoch.
     */
    public void enableYumaMinerBurned(final java.util.List<Integer> slots) {
        yumaMinerBurned = new double[subnets * paths];
        java.util.Arrays.fill(yumaMinerBurned, protocol.get(dtaosim.engine.model.Parameter.MINER_BURNED));
        yumaSubnet = new boolean[subnets];
        for (final int slot : slots) {
            yumaSubnet[slot] = true;
        }
    }

    /**
     * Reserves the next {@code count} free slots for one registering behaviour and returns the first: behaviours
     * reserve, in the order they are bound, the slots their {@code extraSlots} added after the network's subnets,
     * so two of them in one scenario never take the same slot.
     */
    public int reserveSlots(final int count) {
        final int first = initialSubnets + slotsReserved;
        if (count < 0 || first + count > subnets) {
            throw new IllegalStateException(count + " slots from " + first + " exceed the " + subnets + " slots");
        }
        slotsReserved += count;
        return first;
    }

    /** Netuid of a subnet slot (root is netuid 0). */
    public static int netuid(final int subnet) {
        return subnet + 1;
    }

    /** Index of (subnet, path) in per-subnet arrays. */
    public int cell(final int subnet, final int path) {
        return subnet * paths + path;
    }

    /**
     * Makes the alpha-emission caches of one subnet row exact at the current issuance and sets the next block
     * at which they must be checked, given that issuance grows by at most {@code maxGrowthPerBlock} a block:
     * with headroom h below the nearest cache bound, no path can cross it for {@code h / maxGrowthPerBlock}
     * blocks.
     */
    public void refreshAlphaEmissionRow(final int subnet, final long block, final double maxGrowthPerBlock) {
        refreshAlphaEmissionRow(subnet, block, maxGrowthPerBlock, false);
    }

    /**
     * {@link #refreshAlphaEmissionRow(int, long, double)} for the eras whose coinbase also lowers alpha issuance
     * (recycling, {@code issuanceFalls}): a fall can leave an interval only past a halving (below the lower bound
     * of {@code k ≥ 1} halvings), so a row holding such a cell is checked again at the next block.
     */
    public void refreshAlphaEmissionRow(final int subnet, final long block, final double maxGrowthPerBlock,
                                        final boolean issuanceFalls) {
        final int row = subnet * paths;
        double headroom = Double.POSITIVE_INFINITY;
        for (int p = 0; p < paths; p++) {
            final int c = row + p;
            final double issuance = alphaIn[c] + alphaOut[c];
            if (issuance < alphaEmissionLow[c] || issuance >= alphaEmissionHigh[c]) {
                refreshAlphaEmission(c);
            }
            headroom = Math.min(headroom, alphaEmissionHigh[c] - issuance);
            if (issuanceFalls && alphaEmissionLow[c] > Double.NEGATIVE_INFINITY) {
                headroom = 0.0;
            }
        }
        // k blocks are safe while k·growth < headroom; never fewer than the next block
        final double safeBlocks = Math.floor(headroom / maxGrowthPerBlock * (1.0 - 1e-9));
        alphaEmissionRecheck[subnet] = block + 1 + (long) Math.max(0.0, Math.min(safeBlocks, 1e15));
    }

    /** Forces a check of one row's alpha-emission caches at the next block (after issuance changed). */
    public void invalidateAlphaEmission(final int subnet) {
        alphaEmissionRecheck[subnet] = Long.MIN_VALUE;
    }

    /**
     * mechanics §1: recomputes the cached alpha emission of one cell from its alpha issuance (In + Out) and the
     * issuance interval in which it stays exact. Called when issuance leaves that interval.
     */
    public void refreshAlphaEmission(final int cell) {
        final double issuance = alphaIn[cell] + alphaOut[cell];
        final int halvings = HalvingSchedule.halvings(issuance);
        alphaEmission[cell] = halvings < 0 ? 0.0 : Math.scalb(1.0, -halvings);
        alphaEmissionLow[cell] = HalvingSchedule.lowerBound(halvings);
        alphaEmissionHigh[cell] = HalvingSchedule.upperBound(halvings);
    }
}
