package dtaosim.engine.model;

import static dtaosim.engine.model.ChainConstants.TOTAL_SUPPLY_TAO;

/**
 * mechanics §1: the block emission for an issuance, shared by TAO (argument: total issuance) and each subnet's
 * alpha (argument: that subnet's alpha issuance, In + Out):
 * {@code emission = base / 2^floor(log2(1 / (1 − issuance / 21e6)))}, and 0 at or above the 21 M supply.
 *
 * <p>Halvings fall where issuance crosses {@code 21M·(1 − 2^−k)}: 10.5 M, 15.75 M, 18.375 M, … The kernel caches
 * one subnet's emission together with an issuance interval inside which the formula cannot change value
 * ({@link #lowerBound}, {@link #upperBound}), and recomputes only when issuance leaves it; the margin keeps the
 * cache exact even where floating-point rounding decides the halving count.
 */
public final class HalvingSchedule {
    /** Relative margin kept between a cached interval and the true halving threshold. */
    private static final double MARGIN = 1e-12;

    private HalvingSchedule() {
    }

    /**
     * Number of halvings k at an issuance (mechanics §1: {@code floor(log2(1/(1 − issuance/supply)))}),
     * or -1 when issuance has reached the supply and nothing is emitted.
     */
    public static int halvings(final double issuanceTao) {
        if (issuanceTao >= TOTAL_SUPPLY_TAO) {
            return -1;
        }
        if (issuanceTao <= 0.0) {
            return 0;
        }
        final double growth = 1.0 / (1.0 - issuanceTao / TOTAL_SUPPLY_TAO);
        // floor(log2(y)) of a normal double y ≥ 1 is its binary exponent, exactly.
        return Math.getExponent(growth);
    }

    /** mechanics §1: emission per block at this issuance, for a base of {@code baseEmission} per block. */
    public static double emission(final double issuanceTao, final double baseEmission) {
        final int k = halvings(issuanceTao);
        return k < 0 ? 0.0 : Math.scalb(baseEmission, -k);
    }

    /** Issuance at which the k-th halving happens: {@code 21M·(1 − 2^−k)}. */
    public static double threshold(final int k) {
        return TOTAL_SUPPLY_TAO * (1.0 - Math.scalb(1.0, -k));
    }

    /** Lowest issuance (inclusive) at which a cached emission for {@code k} halvings is certainly valid. */
    public static double lowerBound(final int k) {
        if (k < 0) {
            return TOTAL_SUPPLY_TAO;
        }
        return k == 0 ? Double.NEGATIVE_INFINITY : threshold(k) * (1.0 + MARGIN);
    }

    /** Issuance (exclusive) below which a cached emission for {@code k} halvings is certainly valid. */
    public static double upperBound(final int k) {
        return k < 0 ? Double.POSITIVE_INFINITY : threshold(k + 1) * (1.0 - MARGIN);
    }
}
