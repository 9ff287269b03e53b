package dtaosim.engine.model;

/**
 * mechanics §6 (pool seeding, 2026-04-22+): the median alpha price that prices a new subnet's pool,
 * {@code SubnetAlphaIn = SubnetTAO / median}.
 *
 * <p>Source: subtensor {@code staking/stake_utils.rs :: get_median_subnet_alpha_price} (e7f05a051, 2026-04-22;
 * same at 14bc6f9f9, 2026-06-30): over added non-root subnets whose spot price
 * ({@code SwapInterface::current_alpha_price}) is {@code > 0}, the middle value for an odd count, the mean of the
 * two middle values for an even count, and 1.0 when no subnet qualifies. The chain snapshots it before the new
 * subnet exists and computes in U64F64; here in double.
 */
public final class SubnetPricing {
    /** The chain's fallback when no subnet has a positive price. */
    public static final double DEFAULT_MEDIAN_PRICE = 1.0;

    private SubnetPricing() {
    }

    /**
     * The median of {@code prices[i]} over the slots with {@code counted[i]} and {@code prices[i] > 0}
     * (so zero, negative and NaN prices are skipped), or {@link #DEFAULT_MEDIAN_PRICE} if there is none.
     * Allocates nothing: it selects the middle ranks by counting, {@code O(n²)} in the number of slots, which suits
     * a call per registration.
     *
     * @param prices  spot price per subnet slot (TAO per alpha)
     * @param counted true for added non-root subnets (the root is not a slot in the engine; see {@link Network})
     */
    public static double medianPrice(final double[] prices, final boolean[] counted) {
        final int n = prices.length;
        int eligible = 0;
        for (int i = 0; i < n; i++) {
            if (counted[i] && prices[i] > 0.0) {
                eligible++;
            }
        }
        if (eligible == 0) {
            return DEFAULT_MEDIAN_PRICE;
        }
        final double lower = priceAtRank(prices, counted, (eligible - 1) / 2);
        if ((eligible & 1) == 1) {
            return lower;
        }
        final double upper = priceAtRank(prices, counted, eligible / 2);
        return (lower + upper) / 2.0; // mechanics §6: average of the two middle values
    }

    /** The eligible price with {@code rank} eligible prices below it in ascending order (0-based, ties spread). */
    private static double priceAtRank(final double[] prices, final boolean[] counted, final int rank) {
        final int n = prices.length;
        for (int i = 0; i < n; i++) {
            if (!(counted[i] && prices[i] > 0.0)) {
                continue;
            }
            final double candidate = prices[i];
            int below = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (counted[j] && prices[j] > 0.0) {
                    if (prices[j] < candidate) {
                        below++;
                    } else if (prices[j] == candidate) {
                        equal++;
                    }
                }
            }
            if (below <= rank && rank < below + equal) {
                return candidate;
            }
        }
        throw new IllegalStateException("rank " + rank + " outside the eligible prices"); // unreachable
    }
}
