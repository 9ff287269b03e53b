package dtaosim.engine.model;

/**
 * mechanics §4 (before dynamic tempo, 2026-06-25): the chain drains a subnet's pending emission when
 * {@code blocks_until_next_epoch = tempo − (block + netuid + 1) mod (tempo + 1)} is 0, that is when
 * {@code (block + netuid + 2) mod (tempo + 1) == 0}: every {@code tempo + 1} blocks, staggered by netuid.
 */
public final class EpochSchedule {
    private EpochSchedule() {
    }

    /** subtensor {@code run_coinbase.rs :: blocks_until_next_epoch}; a tempo of 0 never runs an epoch. */
    public static long blocksUntilNextEpoch(final int netuid, final int tempo, final long block) {
        if (tempo == 0) {
            return Long.MAX_VALUE;
        }
        final long period = tempo + 1L;
        return tempo - Math.floorMod(block + netuid + 1L, period);
    }

    /**
     * The smallest netuid ≥ 1 whose epoch falls on {@code block}; the others due then follow every
     * {@code tempo + 1} netuids ({@code netuid ≡ −(block + 2) mod (tempo + 1)}).
     */
    public static long firstNetuidDue(final int tempo, final long block) {
        final long period = tempo + 1L;
        final long netuid = Math.floorMod(-(block + 2L), period);
        return netuid == 0 ? period : netuid;
    }

    /** True when subnet {@code netuid} drains its pending emission at {@code block}. */
    public static boolean isEpochBlock(final int netuid, final int tempo, final long block) {
        return blocksUntilNextEpoch(netuid, tempo, block) == 0;
    }
}
