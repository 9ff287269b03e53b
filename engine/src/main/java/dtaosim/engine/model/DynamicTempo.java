package dtaosim.engine.model;

/**
 * mechanics §4 (dynamic tempo, 2026-06-25+): the stateful epoch scheduler that replaced the netuid-staggered
 * modulo rule of {@link EpochSchedule}. A subnet's epoch is due at {@code block} when its tempo is not 0 and
 * <ol>
 *   <li>an owner trigger or a deferral is pending: {@code PendingEpochAt > 0 && block ≥ PendingEpochAt}, or</li>
 *   <li>the safety net: {@code BlocksSinceLastStep > MAX_TEMPO} (50,400), or</li>
 *   <li>a full period passed: {@code block − LastEpochBlock ≥ tempo}.</li>
 * </ol>
 * At most {@code MaxEpochsPerBlock} (2 on the production runtime) epochs run per block, in netuid order; a due
 * subnet beyond the cap gets {@code PendingEpochAt = block + 1}. A run sets {@code LastEpochBlock = block}, so the
 * period is {@code tempo} (not {@code tempo + 1}) and a deferral shifts the subnet's phase by one block for good.
 *
 * <p>Sources (subtensor, 06032d518, 2026-06-25; same at 14bc6f9f9): {@code coinbase/run_coinbase.rs ::
 * should_run_epoch, drain_pending, epochs_deferred_this_block, blocks_until_next_auto_epoch,
 * get_next_epoch_start_block}; {@code subnets/subnet.rs :: init_new_network} (stagger);
 * {@code migrations/migrate_dynamic_tempo.rs} (phase kept across the upgrade); {@code lib.rs :: MAX_TEMPO};
 * {@code runtime/src/lib.rs :: SubtensorMaxEpochsPerBlock}. Arrays are indexed by subnet slot
 * (netuid = slot + 1, see {@link Network}); slot order is the chain's iteration order for netuids below 256.
 */
public final class DynamicTempo {
    /** {@code lib.rs :: MAX_TEMPO}: an epoch is forced once BlocksSinceLastStep exceeds it. */
    public static final long MAX_TEMPO = 50_400L;
    /** {@code runtime SubtensorMaxEpochsPerBlock} on the production runtime (the pallet's mock uses 32). */
    public static final int MAX_EPOCHS_PER_BLOCK = 2;
    /** "No epoch" for a tempo of 0 (the chain's u64::MAX or None). */
    public static final long NEVER = Long.MAX_VALUE;

    private DynamicTempo() {
    }

    /**
     * {@code should_run_epoch}: whether the subnet's epoch is due at {@code block}.
     *
     * @param tempo               Tempo; 0 never runs, even when triggered
     * @param block               current block
     * @param lastEpochBlock      LastEpochBlock
     * @param pendingEpochAt      PendingEpochAt, 0 when nothing is pending
     * @param blocksSinceLastStep BlocksSinceLastStep as read at the check (drain_pending has already counted
     *                            this block)
     */
    public static boolean shouldRunEpoch(final int tempo, final long block, final long lastEpochBlock,
                                         final long pendingEpochAt, final long blocksSinceLastStep) {
        if (tempo == 0) {
            return false;
        }
        if (pendingEpochAt > 0 && block >= pendingEpochAt) {
            return true;
        }
        if (blocksSinceLastStep > MAX_TEMPO) {
            return true;
        }
        return Math.max(block - lastEpochBlock, 0L) >= tempo;
    }

    /**
     * {@code blocks_until_next_auto_epoch}: {@code max(LastEpochBlock + tempo − block, 0)}, or {@link #NEVER} for
     * tempo 0; ignores triggers, the safety net and the per-block cap.
     */
    public static long blocksUntilNextAutoEpoch(final int tempo, final long block, final long lastEpochBlock) {
        if (tempo == 0) {
            return NEVER;
        }
        return Math.max(lastEpochBlock + tempo - block, 0L);
    }

    /**
     * {@code get_next_epoch_start_block}: {@code LastEpochBlock + tempo}, or the pending trigger if earlier;
     * {@link #NEVER} for tempo 0. Ignores the safety net and the per-block cap.
     */
    public static long nextEpochStartBlock(final int tempo, final long lastEpochBlock, final long pendingEpochAt) {
        if (tempo == 0) {
            return NEVER;
        }
        final long automatic = lastEpochBlock + tempo;
        return pendingEpochAt > 0 ? Math.min(automatic, pendingEpochAt) : automatic;
    }

    /**
     * {@code init_new_network}: a new subnet's {@code LastEpochBlock = block − (netuid mod max(tempo, 1))},
     * saturating at 0, so its first epoch falls {@code tempo − netuid mod tempo} blocks after registration.
     */
    public static long staggeredLastEpochBlock(final int netuid, final int tempo, final long block) {
        final long stagger = netuid % Math.max(tempo, 1);
        return Math.max(block - stagger, 0L);
    }

    /**
     * {@code migrate_dynamic_tempo}: the LastEpochBlock seeded at the upgrade {@code block} so the first epoch
     * falls where the modulo rule put it, {@code block − (tempo − blocks_until_next_epoch)} (saturating at 0);
     * a subnet with tempo 0 is not seeded and keeps 0.
     */
    public static long migratedLastEpochBlock(final int netuid, final int tempo, final long block) {
        if (tempo == 0) {
            return 0L;
        }
        final long legacyBlocksUntil = EpochSchedule.blocksUntilNextEpoch(netuid, tempo, block);
        return Math.max(block - (tempo - legacyBlocksUntil), 0L);
    }

    /**
     * The scheduling half of {@code drain_pending} for one block, over every subnet slot in netuid order:
     * count the block in {@code blocksSinceLastStep}; if the epoch is due and fewer than
     * {@code maxEpochsPerBlock} ran this block, run it ({@code blocksSinceLastStep = 0},
     * {@code lastEpochBlock = block}, {@code pendingEpochAt = 0}); if due beyond the cap, defer it
     * ({@code pendingEpochAt = block + 1}). The chain also skips (but still consumes the slot of) an epoch whose
     * key state is inconsistent ({@code is_epoch_input_state_consistent}); the engine has no keys, so every due
     * epoch within the cap runs. The state arrays are updated in place.
     *
     * @param epochRuns receives, per slot, whether its epoch runs at this block
     * @return the number of epochs that run
     */
    public static int drainSchedule(final long block, final int[] tempo, final long[] lastEpochBlock,
                                    final long[] pendingEpochAt, final long[] blocksSinceLastStep,
                                    final int maxEpochsPerBlock, final boolean[] epochRuns) {
        final int n = tempo.length;
        int epochsRun = 0;
        for (int s = 0; s < n; s++) {
            blocksSinceLastStep[s]++;
            if (!shouldRunEpoch(tempo[s], block, lastEpochBlock[s], pendingEpochAt[s], blocksSinceLastStep[s])) {
                epochRuns[s] = false;
                continue;
            }
            if (epochsRun >= maxEpochsPerBlock) {
                pendingEpochAt[s] = block + 1; // mechanics §4: deferred one block
                epochRuns[s] = false;
                continue;
            }
            epochsRun++;
            epochRuns[s] = true;
            blocksSinceLastStep[s] = 0;
            lastEpochBlock[s] = block;
            pendingEpochAt[s] = 0;
        }
        return epochsRun;
    }
}
