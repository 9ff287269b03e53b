package dtaosim.engine.model;

import java.time.LocalDate;

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
    LAUNCH_2025_02("launch-2025-02", LocalDate.of(2025, 2, 13), Pool.CONSTANT_PRODUCT_FLAT_FEE, 0,
            "EMA-price shares (input clipped at 1); alpha_in = min(tao_in/price, alpha_emission), TAO in full;"
                    + " root alpha sold every block; constant product, flat 50,000-rao fee"),
    /** mechanics §2a history 2025-03-19: the EMA factor ramps as a·b/(b+H), b = blocks since start_call. */
    EMA_RAMP_2025_03("ema-ramp-2025-03", LocalDate.of(2025, 3, 19), Pool.CONSTANT_PRODUCT_FLAT_FEE, 0,
            "as launch-2025-02, EMA factor a·b/(b+H) with b = blocks since start_call"),
    /**
     * mechanics §3 history 2025-07-29: subsidy of low-price subnets (chain buys removed from AlphaOut, no root
     * sale on subsidised subnets); §5: the V3 pallet's full-range protocol position, fee 0.05 % (from 07-23).
     */
    SUBSIDY_2025_07("subsidy-2025-07", LocalDate.of(2025, 7, 29), Pool.CONSTANT_PRODUCT_RATE_FEE, 33,
            "as ema-ramp-2025-03; subsidy for subnets with price < share (chain buys); fee 0.05 %"),
    /** mechanics §2b and §4 (2025-11-04): shares from the EMA of net TAO flows; root claim; root-sell flag. */
    TAOFLOW_2025_11("taoflow-2025-11", LocalDate.of(2025, 11, 4), Pool.CONSTANT_PRODUCT_RATE_FEE, 33,
            "shares z^p/Σz^p of the EMA of net TAO flows (negatives → 0); excess TAO chain-buys alpha, recycled;"
                    + " root claim; root sells only when Σ EMA price > 1"),
    /** mechanics §3 history 2025-12-12: injection cap min(alpha_emission, TAO block emission). */
    CAPPED_2025_12("capped-2025-12", LocalDate.of(2025, 12, 12), Pool.CONSTANT_PRODUCT_RATE_FEE, 33,
            "as taoflow-2025-11 with injection cap min(alpha_emission, TAO block emission)"),
    /** mechanics §2b (2026-05-27): user flow EMA minus normalised protocol flow EMA; emission-enabled flag. */
    NETFLOW_2026_05("netflow-2026-05", LocalDate.of(2026, 5, 27), Pool.CONSTANT_PRODUCT_RATE_FEE, 33,
            "shares from user minus normalised protocol TAO flow; SubnetEmissionEnabled"),
    /**
     * mechanics §2a, §3, §5 (2026-06-22 … 06-30): EMA-price shares × (1 − MinerBurned), cap = root_prop ×
     * alpha_emission with excess buys kept as protocol alpha, Balancer weighted pool with fees to the author.
     */
    PRICE_BURN_2026_06("price-burn-2026-06", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 22), Pool.WEIGHTED, 33,
            "EMA-price shares × (1 − MinerBurned); cap = root_prop × alpha_emission, excess chain-bought and kept;"
                    + " Balancer weighted pool, fee to the block author");

    /** The pool a swap goes through in an era (mechanics §5). */
    public enum Pool {
        /** x·y = k in stake_utils.rs, a flat 50,000-rao fee per stake or unstake kept in SubnetTAO. */
        CONSTANT_PRODUCT_FLAT_FEE,
        /** The V3 pallet's full-range protocol position: x·y = k, a fee rate taken from the input. */
        CONSTANT_PRODUCT_RATE_FEE,
        /** The Balancer pool: weights w1 (alpha) and w2 (TAO), price (w1/w2)·y/x, a fee rate to the author. */
        WEIGHTED
    }

    private final String id;
    private final LocalDate from;
    private final LocalDate firstStep;
    private final Pool pool;
    private final int feeRate;
    private final String summary;

    Era(final String id, final LocalDate from, final Pool pool, final int feeRate, final String summary) {
        this(id, from, from, pool, feeRate, summary);
    }

    Era(final String id, final LocalDate from, final LocalDate firstStep, final Pool pool, final int feeRate,
            final String summary) {
        this.id = id;
        this.from = from;
        this.firstStep = firstStep;
        this.pool = pool;
        this.feeRate = feeRate;
        this.summary = summary;
    }

    /** The pool swaps go through (mechanics §5). */
    public Pool pool() {
        return pool;
    }

    /**
     * The swap fee rate in the chain's units, x/65535 (FeeRate, mechanics §5); 0 in the eras with the flat
     * fee instead ({@link ChainConstants#LAUNCH_STAKE_FEE_TAO}).
     */
    public int feeRate() {
        return feeRate;
    }

    /** The name users type, e.g. {@code launch-2025-02}. */
    public String id() {
        return id;
    }

    /** First day the rules were live on main (mechanics §9), as the era table of issue 3 dates the era. */
    public LocalDate from() {
        return from;
    }

    /**
     * First day any of the era's rules reached main; before {@link #from()} when they came in steps, as
     * price-burn-2026-06's did from 2026-06-22 (v3.4.9-424, shares × root_prop) to 06-30 (root_prop removed),
     * each step a {@link Switch} of the era (mechanics §9).
     */
    public LocalDate firstStep() {
        return firstStep;
    }

    /** One line of what distinguishes the era. */
    public String summary() {
        return summary;
    }

    /**
     * The chain's defaults for this era (mechanics §7 and the era's history; where the chain's value is not
     * knowable from its code, the parameter's {@link Parameter#source()} says what is assumed), with every
     * switch of the era at its default.
     */
    public ProtocolParams defaults() {
        final boolean constantProductFlatFee = pool == Pool.CONSTANT_PRODUCT_FLAT_FEE;
        final boolean before0924 = this == LAUNCH_2025_02 || this == EMA_RAMP_2025_03;
        final double[] v = new double[Parameter.values().length];
        v[Parameter.BLOCK_EMISSION.ordinal()] = ChainConstants.DEFAULT_BLOCK_EMISSION_TAO;
        v[Parameter.MOVING_ALPHA.ordinal()] = ChainConstants.SUBNET_MOVING_ALPHA;
        v[Parameter.EMA_PRICE_HALVING_BLOCKS.ordinal()] = ChainConstants.EMA_PRICE_HALVING_BLOCKS;
        v[Parameter.FLOW_SMOOTHING.ordinal()] = ChainConstants.FLOW_EMA_SMOOTHING;
        v[Parameter.FLOW_EXPONENT.ordinal()] = 1.0;
        v[Parameter.FLOW_CUTOFF.ordinal()] = 0.0;
        v[Parameter.NET_TAO_FLOW_ENABLED.ordinal()] = 1.0;
        v[Parameter.OWNER_CUT.ordinal()] = ChainConstants.SUBNET_OWNER_CUT;
        v[Parameter.TAO_WEIGHT.ordinal()] = ChainConstants.TAO_WEIGHT;
        v[Parameter.TEMPO.ordinal()] = ChainConstants.DEFAULT_TEMPO;
        v[Parameter.STAKE_FEE.ordinal()] = constantProductFlatFee ? ChainConstants.LAUNCH_STAKE_FEE_TAO : 0.0;
        v[Parameter.FEE_RATE.ordinal()] = feeRate;
        v[Parameter.ROOT_CLAIM_RATE.ordinal()] = 1e-3;
        v[Parameter.ROOT_CLAIM_SWAP_SHARE.ordinal()] = 1.0;
        v[Parameter.MINER_BURNED.ordinal()] = 0.0;
        v[Parameter.MIN_LOCK.ordinal()] = 1.0;
        // last lock 1,250 TAO from the 2025-10-07 reset; before it the doubling base is not in the code (1 TAO)
        v[Parameter.LAST_LOCK.ordinal()] = before0924 ? 1.0 : 1_250.0;
        v[Parameter.LAST_LOCK_AGE.ordinal()] = 0.0;
        v[Parameter.LOCK_REDUCTION_INTERVAL.ordinal()] = before0924 ? ChainConstants.LOCK_INTERVAL_BEFORE_0924
                : ChainConstants.LOCK_INTERVAL_FROM_0924;
        v[Parameter.NETWORK_RATE_LIMIT.ordinal()] = before0924 ? ChainConstants.RATE_LIMIT_BEFORE_0924
                : ChainConstants.RATE_LIMIT_FROM_0924;
        v[Parameter.SUBNET_LIMIT.ordinal()] = 128;
        v[Parameter.IMMUNITY_PERIOD.ordinal()] = before0924 ? ChainConstants.IMMUNITY_BEFORE_0924
                : ChainConstants.IMMUNITY_FROM_0924;
        // start_call needed 7 days (2025-03-28 → 2026-01-21), none before or after
        v[Parameter.START_CALL_DELAY.ordinal()] = this == LAUNCH_2025_02 || compareTo(CAPPED_2025_12) >= 0 ? 0
                : ChainConstants.START_CALL_DELAY_BLOCKS;
        v[Parameter.MIN_STAKE.ordinal()] = before0924 ? 500_000 / ChainConstants.RAO_PER_TAO
                : 2_000_000 / ChainConstants.RAO_PER_TAO;
        final java.util.Set<Switch> on = java.util.EnumSet.noneOf(Switch.class);
        for (final Switch s : Switch.of(this)) {
            if (s.defaultOn()) {
                on.add(s);
            }
        }
        return new ProtocolParams(this, this != LAUNCH_2025_02, v, on);
    }

    /** Looks an era up by its name; the error lists the names there are. */
    public static Era byId(final String id) {
        for (final Era era : values()) {
            if (era.id.equals(id)) {
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
