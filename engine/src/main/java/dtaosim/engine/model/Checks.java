package dtaosim.engine.model;

/**
 * Boundary validation: every check names the field and the allowed range, so a user who mistyped a scenario
 * value reads what to change. Used once when records are built, never in the per-block loop.
 */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code min ≤ value ≤ max} and not NaN. */
    public static double inRange(final String field, final double value, final double min, final double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + value + " is not in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Requires {@code min ≤ value ≤ max}. */
    public static long inRange(final String field, final long value, final long min, final long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is not in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Requires a finite value {@code > 0}. */
    public static double positive(final String field, final double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + ": " + value + " is not a finite number > 0");
        }
        return value;
    }

    /** Requires a finite pool reserve of at least {@link ChainConstants#MIN_POOL_RESERVE}. */
    public static double poolReserve(final String field, final double value) {
        if (!(value >= ChainConstants.MIN_POOL_RESERVE) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + ": " + value + " is not a finite number ≥ "
                    + ChainConstants.MIN_POOL_RESERVE + ", the chain's minimum pool reserve (SwapMinimumReserve,"
                    + " 1e6 rao), below which it refuses swaps");
        }
        return value;
    }

    /**
     * Requires an amount of TAO or alpha in [0, 21,000,000]: no more than either token's supply cap (mechanics §1)
     * can be staked, held, burned or traded at once, and the bound keeps every pool's products finite.
     */
    public static double amount(final String field, final double value) {
        if (!(value >= 0.0 && value <= ChainConstants.TOTAL_SUPPLY_TAO)) {
            throw new IllegalArgumentException(field + ": " + value + " is not in [0, 21000000], the TAO and alpha"
                    + " supply cap");
        }
        return value;
    }

    /** Requires a finite value {@code ≥ 0}. */
    public static double nonNegative(final String field, final double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + ": " + value + " is not a finite number ≥ 0");
        }
        return value;
    }
}
