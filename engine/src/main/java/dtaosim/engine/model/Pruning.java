package dtaosim.engine.model;

/**
 * mechanics §6 (subnet limit, 2025-09-24+): which subnet a registration dissolves when the subnet count is at
 * {@code SubnetLimit}.
 *
 * <p>Source: subtensor {@code coinbase/root.rs :: get_network_to_prune} (835a2c902, 2025-09-24; same rule at
 * 14bc6f9f9, 2026-06-30). Among added non-root subnets past their immunity
 * ({@code block ≥ NetworkRegisteredAt + NetworkImmunityPeriod}) it takes the lowest
 * {@code get_moving_alpha_price} (SubnetMovingPrice; 1.0 for stable subnets), on a tie the earliest
 * {@code NetworkRegisteredAt}; on a tie of both it keeps the first in the iteration of {@code NetworksAdded},
 * an Identity-hashed map that yields netuids in little-endian byte order, which is ascending netuid for netuids
 * below 256 (so: the lowest slot). No candidate means {@code None}, i.e. registration fails with
 * {@code SubnetLimitReached}.
 */
public final class Pruning {
    /** Returned when every subnet is immune (the chain's {@code None}, registration fails). */
    public static final int NONE = -1;

    private Pruning() {
    }

    /**
     * The slot to dissolve, or {@link #NONE}.
     *
     * @param block          current block
     * @param immunityBlocks NetworkImmunityPeriod (864,000 from 2025-09-24; runtime default 1,296,000)
     * @param movingPrice    SubnetMovingPrice per slot (1.0 for stable subnets, as the chain reads it)
     * @param registeredAt   NetworkRegisteredAt per slot
     * @param added          true for slots that hold a subnet (NetworksAdded); the root is not a slot
     */
    public static int subnetToPrune(final long block, final long immunityBlocks, final double[] movingPrice,
                                    final long[] registeredAt, final boolean[] added) {
        final int n = movingPrice.length;
        int candidate = NONE;
        double candidatePrice = Double.POSITIVE_INFINITY;
        long candidateRegisteredAt = Long.MAX_VALUE;
        for (int s = 0; s < n; s++) {
            if (!added[s] || block < registeredAt[s] + immunityBlocks) {
                continue; // absent or still immune
            }
            final double price = movingPrice[s];
            // mechanics §6: lowest moving price; tie → earliest registration; tie of both → first (lowest) slot
            if (price < candidatePrice || (price == candidatePrice && registeredAt[s] < candidateRegisteredAt)) {
                candidate = s;
                candidatePrice = price;
                candidateRegisteredAt = registeredAt[s];
            }
        }
        return candidate;
    }
}
