package dtaosim.engine.yuma;

/**
 * How an epoch updates validators' bonds (mechanics §4; subtensor {@code epoch/run_epoch.rs :: epoch_mechanism}).
 */
public enum BondsMode {
    /**
     * Yuma3 (on for every subnet registered at HEAD, {@code subnets/subnet.rs :: do_register_network}): bonds are
     * fixed proportions in [0, 1], {@code B ← α·W_b + (1 − α)·B}, dividends {@code D_i ∝ S_i·Σ_j B̂_ij·I_j} with
     * B̂ column-normalised.
     */
    YUMA3("yuma3"),
    /**
     * Classic Yuma ({@code Yuma3On} false): bonds column-normalised, {@code ΔB = W_b ◦ S} column-normalised,
     * {@code B ← α·ΔB + (1 − α)·B} column-normalised, {@code D = Bᵀ·I}; stored column max-upscaled.
     */
    CLASSIC("classic");

    private final String id;

    BondsMode(final String id) {
        this.id = id;
    }

    /** The name scenario files use. */
    public String id() {
        return id;
    }

    /** The mode named {@code id}, or an error listing the names. */
    public static BondsMode of(final String field, final String id) {
        for (final BondsMode mode : values()) {
            if (mode.id.equals(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(field + ": \"" + id + "\" is not one of [yuma3, classic]");
    }
}
