package dtaosim.engine.kernel;

import dtaosim.engine.model.EpochSchedule;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.state.BatchState;

/**
 * One block of the launch era (mechanics §1–§4, era {@code launch-2025-02}), in the chain's order:
 * TAO block emission from total issuance, shares by moving price, per-subnet coinbase (injection, alpha_out,
 * owner cut, root sell) followed by the moving-price update, then the epoch drain of subnets whose
 * {@code blocks_until_next_epoch} is 0. Everything per element runs in {@link RowKernels}.
 */
public final class LaunchEraStep implements BlockStep {
    /**
     * Most a subnet's alpha issuance can grow in one block of this era: alpha_in ≤ alpha_emission plus
     * alpha_out = alpha_emission ≤ 1 alpha; nothing lowers it (no alpha is recycled).
     */
    static final double MAX_ALPHA_ISSUANCE_GROWTH = 2.0;

    private final RowKernels kernels;
    private final ProtocolParams protocol;
    /** The ramp's age counts from registration (ema-ramp-2025-03 before 2025-04-04), not start_call. */
    private final boolean ageFromRegistration;
    private final int[] runStart = new int[1];

    /**
     * @param kernels  hot loops to use
     * @param protocol parameters of the run
     */
    public LaunchEraStep(final RowKernels kernels, final ProtocolParams protocol) {
        this.kernels = kernels;
        this.protocol = protocol;
        this.ageFromRegistration = MovingPrice.ageFromRegistration(protocol);
    }

    @Override
    public void run(final BatchState s, final long block) {
        final double baseEmission = protocol.blockEmissionTao();
        final double[] totalIssuance = s.totalIssuance;
        final double[] blockEmission = s.blockEmission;
        for (int p = 0; p < s.paths; p++) {
            // mechanics §1: TAO emission halves on total issuance
            blockEmission[p] = HalvingSchedule.emission(totalIssuance[p], baseEmission);
        }
        for (int i = 0; i < s.subnets; i++) {
            if (block >= s.alphaEmissionRecheck[i]) {
                s.refreshAlphaEmissionRow(i, block, MAX_ALPHA_ISSUANCE_GROWTH);
            }
        }
        kernels.emissionPerMovingPrice(s);
        final double[] emissionPerMovingPrice = s.emissionPerMovingPrice;
        final double[] taoEmitted = s.taoEmitted;
        for (int p = 0; p < s.paths; p++) {
            // run_coinbase @ f9254ea63 injects and issues Σ_i share_i·E = E, or nothing when no subnet has a
            // moving price (the per-subnet tao_in sum to E up to rounding)
            if (emissionPerMovingPrice[p] > 0.0) {
                totalIssuance[p] += blockEmission[p];
                taoEmitted[p] += blockEmission[p];
            }
        }
        for (int i = 0; i < s.subnets; i++) {
            final int mode = s.rowMode(i, block);
            if (mode == BatchState.ROW_IDLE) {
                continue; // no subnet, or not started: no emission, no moving price (mechanics §2, §6)
            }
            if (s.injectionRecorded[i]) {
                recordInjection(s, i);
            }
            if (s.minerAlphaAccrues) {
                s.accrueMinerAlpha(i, mode == BatchState.ROW_LIVE);
            }
            final double movingAlpha = MovingPrice.factor(protocol,
                    ageFromRegistration ? s.registrationBlock[i] + 1 : s.firstEmissionBlock[i], block);
            if (mode == BatchState.ROW_LIVE) {
                kernels.coinbase(s, i, movingAlpha);
            } else {
                coinbaseLiveRuns(s, i, movingAlpha);
            }
        }
        drain(s, block);
    }

    /** tao_in of one subnet this block, as the coinbase computes it: moving price × emission per moving price. */
    private static void recordInjection(final BatchState s, final int subnet) {
        final int row = subnet * s.paths;
        for (int p = 0; p < s.paths; p++) {
            s.taoInjected[row + p] = s.movingPrice[row + p] * s.emissionPerMovingPrice[p];
        }
    }

    /** The coinbase of a slot that holds a subnet on some paths only: the scalar loop over each run of them. */
    private void coinbaseLiveRuns(final BatchState s, final int subnet, final double movingAlpha) {
        for (int end = s.liveRun(subnet, 0, runStart); runStart[0] < s.paths;
                end = s.liveRun(subnet, end, runStart)) {
            ScalarRowKernels.coinbase(s, subnet, movingAlpha, runStart[0], end);
        }
    }

    /**
     * mechanics §4: at a subnet's epoch its pending miner, validator and owner alpha is paid out as stake (it
     * stays in AlphaOut; {@code drainedAlpha} records it for sellers) and the TAO from root sells goes to root
     * stakers. Without the dividend fix (2025-02-13 → 02-24) validators are also credited the sold root alpha:
     * new stake that no swap backs, added to AlphaOut and counted as minted.
     */
    private void drain(final BatchState s, final long block) {
        s.drainedCount = 0;
        final int tempo = protocol.tempo();
        final int paths = s.paths;
        for (long netuid = EpochSchedule.firstNetuidDue(tempo, block); netuid <= s.subnets; netuid += tempo + 1L) {
            final int i = (int) netuid - 1;
            if (s.liveCount[i] == 0) {
                continue;
            }
            s.drainedSubnets[s.drainedCount++] = i;
            final int row = i * paths;
            for (int p = 0; p < paths; p++) {
                final int c = row + p;
                s.drainedAlpha[c] = s.pendingAlpha[c] + s.pendingOwner[c];
                s.drainedMinerAlpha[c] = s.takePendingMinerAlpha(c);
                s.drainedOwnerAlpha[c] = s.pendingOwner[c];
                s.rootDividends[p] += s.pendingRootTao[c];
                s.pendingAlpha[c] = 0.0;
                s.pendingOwner[c] = 0.0;
                s.pendingRootTao[c] = 0.0;
            }
            if (s.overCreditRootAlpha) {
                overCredit(s, i);
            }
        }
    }

    /** eras-spec launch 6, switch {@code dividend-fix} off: the epoch credits the root alpha sold since the last. */
    private static void overCredit(final BatchState s, final int subnet) {
        final int row = subnet * s.paths;
        for (int p = 0; p < s.paths; p++) {
            final int c = row + p;
            final double sold = s.pendingRootAlpha[c];
            s.drainedAlpha[c] += sold;
            s.alphaOut[c] += sold;
            s.alphaMinted[p] += sold;
            s.pendingRootAlpha[c] = 0.0;
        }
        // the credit lands at once, beyond the per-block growth the alpha-emission cache assumes
        s.alphaEmissionRecheck[subnet] = Long.MIN_VALUE;
    }
}
