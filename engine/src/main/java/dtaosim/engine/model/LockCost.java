package dtaosim.engine.model;

/**
 * mechanics §6: the TAO a new subnet must lock to register,
 * {@code max(minLock, mult·lastLock − (lastLock / I_eff)·(block − lastLockBlock))}, with {@code mult = 1} while
 * no registration has been recorded ({@code lastLockBlock == 0}) and 2 after. After a registration the caller sets
 * {@code lastLock} to the lock just paid and {@code lastLockBlock} to that block, so the cost doubles, decays
 * linearly back to the paid lock over {@code I_eff} blocks, and on to {@code minLock} after {@code 2·I_eff}.
 *
 * <p>Source: subtensor {@code coinbase/root.rs :: get_network_lock_cost} and {@code get_lock_reduction_interval}
 * (unchanged in substance from e2b8367b8, 2025-02-13, to 14bc6f9f9, 2026-06-30). The chain works in rao (u64):
 * the per-block decay is {@code floor(lastLock_rao / I_eff)} (0 when {@code I_eff} is 0, {@code safe_div}),
 * {@code I_eff = floor(interval × emission_rao / 1e9)} in I64F64, and both subtractions saturate at 0. This
 * model keeps exact real arithmetic: its decay is less than 1 rao per block faster than the chain's (under
 * {@code 2·I_eff} rao before the floor is reached, about 1.2e-4 TAO at 57,600 blocks), and {@code I_eff} is not
 * floored (the first six TAO halvings divide the 57,600 and 100,800 intervals exactly).
 */
public final class LockCost {
    private LockCost() {
    }

    /**
     * mechanics §6: {@code I_eff = NetworkLockReductionInterval × blockEmission / 1 TAO}; the interval halves with
     * each TAO halving and is 0 once nothing is emitted (then the lock never decays).
     *
     * @param reductionIntervalBlocks NetworkLockReductionInterval (100,800 runtime default; 57,600 from 2025-09-24)
     * @param blockEmissionTao        the TAO block emission at the current TotalIssuance (1.0 before the first halving)
     */
    public static double effectiveIntervalBlocks(final double reductionIntervalBlocks, final double blockEmissionTao) {
        return reductionIntervalBlocks * (blockEmissionTao / ChainConstants.DEFAULT_BLOCK_EMISSION_TAO);
    }

    /**
     * mechanics §6: the lock cost at {@code block}, in TAO.
     *
     * @param lastLockTao             NetworkLastLockCost, the lock paid at the last registration
     * @param lastLockBlock           block of the last registration (0 = none recorded, so {@code mult = 1}); a block
     *                                after {@code block} (set so by the 2025-09-24 migration) counts as no time elapsed
     * @param block                   current block
     * @param minLockTao              NetworkMinLockCost, the floor
     * @param effectiveIntervalBlocks {@code I_eff} from {@link #effectiveIntervalBlocks}; 0 means no decay
     */
    public static double lockCost(final double lastLockTao, final long lastLockBlock, final long block,
                                  final double minLockTao, final double effectiveIntervalBlocks) {
        final double mult = lastLockBlock == 0 ? 1.0 : 2.0;
        final long elapsedBlocks = Math.max(block - lastLockBlock, 0L); // saturating_sub
        final double decayPerBlock = effectiveIntervalBlocks > 0.0 ? lastLockTao / effectiveIntervalBlocks : 0.0;
        final double decayed = Math.max(mult * lastLockTao - decayPerBlock * elapsedBlocks, 0.0);
        return Math.max(decayed, minLockTao);
    }
}
