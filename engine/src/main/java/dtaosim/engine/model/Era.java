package dtaosim.engine.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The protocol's rule sets over time (mechanics §9). Each era is named as users select it and carries the
 * defaults the chain had when it began; {@link ProtocolParams} holds the values a scenario may override.
 */
public enum Era {
    /**
     * The rules live on 2025-02-15 (subtensor f9254ea63) with the 2025-02-24 dividend fix: shares by moving
     * price with the input clipped at 1 (§2a), TAO injected in full and alpha_in capped at the alpha emission
     * (§3 history), root alpha sold every block (§4), constant-product pool with a flat 50,000-rao fee (§5).
     */
    LAUNCH_2025_02("launch-2025-02", LocalDate.of(2025, 2, 13),
            "EMA-price shares (input clipped at 1); alpha_in = min(tao_in/price, alpha_emission), TAO in full;"
                    + " root alpha sold every block; constant product, flat 50,000-rao fee");

    private final String id;
    private final LocalDate from;
    private final String summary;

    Era(final String id, final LocalDate from, final String summary) {
        this.id = id;
        this.from = from;
        this.summary = summary;
    }

    /** The name users type, e.g. {@code launch-2025-02}. */
    public String id() {
        return id;
    }

    /** First day the rules were live on main (mechanics §9). */
    public LocalDate from() {
        return from;
    }

    /** One line of what distinguishes the era. */
    public String summary() {
        return summary;
    }

    /** The chain's default parameters for this era. */
    public ProtocolParams defaults() {
        return switch (this) {
            case LAUNCH_2025_02 -> new ProtocolParams(this,
                    ChainConstants.DEFAULT_BLOCK_EMISSION_TAO,
                    ChainConstants.SUBNET_MOVING_ALPHA,
                    false,
                    ChainConstants.EMA_PRICE_HALVING_BLOCKS,
                    ChainConstants.SUBNET_OWNER_CUT,
                    ChainConstants.TAO_WEIGHT,
                    ChainConstants.DEFAULT_TEMPO,
                    ChainConstants.LAUNCH_STAKE_FEE_TAO);
        };
    }

    /** Looks an era up by its name; the error lists the names there are. */
    public static Era byId(final String id) {
        for (final Era era : values()) {
            if (era.id.equals(id.toLowerCase(Locale.ROOT))) {
                return era;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final Era era : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(era.id);
        }
        throw new IllegalArgumentException("era: '" + id + "' is not one of " + names);
    }
}
