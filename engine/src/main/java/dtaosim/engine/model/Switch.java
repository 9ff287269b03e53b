package dtaosim.engine.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that changed on a known date inside an era (mechanics §9; dates are first-parent merges into
 * subtensor's main, read from the chain's code). On, a switch selects the rule from its date on; off, the rule
 * before it. Its default makes the era the rule set the era's table describes; a scenario may flip it.
 */
public enum Switch {
    /** mechanics §2a: the moving price's input is clipped at 1.0 (f95810a25, in main with the 2025-02-15 deploy). */
    EMA_CLIP_AT_ONE(Era.LAUNCH_2025_02, LocalDate.of(2025, 2, 15), true,
            "moving-price input min(spot, 1)", "moving-price input = spot"),
    /**
     * mechanics §4: the epoch pays validators only the alpha part of their dividend (5073ade60, 2025-02-24);
     * before, the root share already sold for TAO was credited again in alpha.
     */
    DIVIDEND_FIX(Era.LAUNCH_2025_02, LocalDate.of(2025, 2, 24), true,
            "validators receive dividend − root dividend in alpha",
            "validators also receive the sold root share in alpha (alpha over-credit)"),
    /**
     * mechanics §6, §9: start_call (8de0d23ca, 2025-03-28): a new subnet emits only from the block after its
     * owner's start_call, DurationOfStartCall (50,400 blocks) after registration. Sets startCallDelay.
     */
    START_CALL(Era.EMA_RAMP_2025_03, LocalDate.of(2025, 3, 28), true,
            "a subnet registered in the run emits after start_call, 50,400 blocks later",
            "a subnet registered in the run emits at once"),
    /** mechanics §2a: the EMA age b counts from start_call, not registration (719a6f5e9, 2025-04-04). */
    EMA_AGE_FROM_START_CALL(Era.EMA_RAMP_2025_03, LocalDate.of(2025, 4, 4), true,
            "b = blocks since start_call", "b = blocks since registration"),
    /**
     * mechanics §5, §9: the swap pallet (e9bbb6134, 2025-06-30) prices stakes through its V3 full-range position,
     * x·y = k as before, with a fee rate of DefaultFeeRate 196/65535 (0.3 %) of the input kept with the pool's
     * liquidity instead of the flat 50,000-rao fee. Off by default: the era's table keeps launch's pool. Sets
     * the fee parameters (stakeFee, feeRate) to the rule's; a scenario's parameters still override them.
     */
    SWAP_PALLET_V3(Era.EMA_RAMP_2025_03, LocalDate.of(2025, 6, 30), false,
            "V3 swap pallet: fee 196/65535 (0.3 %) of the input, kept in the pool; no flat fee",
            "stake_utils pool: flat 50,000-rao fee"),
    /**
     * mechanics §5, §9: DefaultFeeRate 196 → 33 (0.05 %) (7b541095b, 2025-07-23); only with swap-pallet-v3, off
     * by default with it.
     */
    FEE_RATE_CUT(Era.EMA_RAMP_2025_03, LocalDate.of(2025, 7, 23), false,
            "V3 fee 33/65535 (0.05 %)", "V3 fee 196/65535 (0.3 %)"),
    /**
     * mechanics §3 history: a subsidised subnet's alpha_in is the TAO block emission instead of its alpha
     * emission (835a2c902, 2025-09-24).
     */
    SUBSIDY_ALPHA_IN_IS_BLOCK_EMISSION(Era.SUBSIDY_2025_07, LocalDate.of(2025, 9, 24), true,
            "subsidised alpha_in = TAO block emission", "subsidised alpha_in = alpha emission"),
    /**
     * mechanics §6, §9: the 128-subnet limit with pruning of the lowest moving price, with the migration's new
     * immunity period, lock reduction interval and rate limit (835a2c902, 2025-09-24). Sets those parameters.
     */
    SUBNET_LIMIT_PRUNING(Era.SUBSIDY_2025_07, LocalDate.of(2025, 9, 24), true,
            "registration at the limit prunes the lowest-EMA non-immune subnet; immunity 864,000, lock interval"
                    + " 57,600, rate limit 28,800 blocks",
            "no subnet limit; immunity 1,296,000, lock interval 100,800, rate limit 7,200 blocks"),
    /**
     * mechanics §4: with the root-sell flag off root alpha is recycled (b179867c3, 2025-11-07); on 2025-11-06
     * it went to validators and miners instead.
     */
    ROOT_ALPHA_RECYCLED_WITHOUT_SELL_FLAG(Era.TAOFLOW_2025_11, LocalDate.of(2025, 11, 7), true,
            "root alpha recycled while Σ moving price ≤ 1", "root alpha paid to validators and miners"),
    /**
     * mechanics §3 history: excess TAO chain-buys alpha that is recycled (6a76ecc0d, 2025-11-06); before, the
     * subsidy rule of the previous era still applied.
     */
    EXCESS_BUY(Era.TAOFLOW_2025_11, LocalDate.of(2025, 11, 6), true,
            "alpha_in capped at alpha emission, excess TAO chain-buys alpha (recycled)", "subsidy rule"),
    /** mechanics §5: swap fees go 100 % to the block author (7eb6f9bb7, 2026-03-11), not to the pool. */
    FEES_TO_BLOCK_AUTHOR(Era.CAPPED_2025_12, LocalDate.of(2026, 3, 11), true,
            "swap fees leave the pool to the block author", "swap fees stay with the pool's liquidity"),
    /**
     * mechanics §6: InitialStartCallDelay 0 (f74d69ed5, 2026-01-21): start_call may follow registration at once.
     * Sets startCallDelay.
     */
    START_CALL_DELAY_ZERO(Era.CAPPED_2025_12, LocalDate.of(2026, 1, 21), true,
            "StartCallDelay 0: start_call right after registration", "start_call 50,400 blocks after registration"),
    /** mechanics §6: a new subnet's whole lock seeds its pool at the median price (e7f05a051, 2026-04-22). */
    POOL_SEED_AT_MEDIAN_PRICE(Era.CAPPED_2025_12, LocalDate.of(2026, 4, 22), true,
            "pool = whole lock at the median subnet price", "pool = min_lock : min_lock, rest of the lock recycled"),
    /** mechanics §3 history: chain-bought alpha is kept as protocol alpha (ec2212c53, 2026-06-01). */
    PROTOCOL_ALPHA_KEPT(Era.NETFLOW_2026_05, LocalDate.of(2026, 6, 1), true,
            "chain-bought alpha kept as SubnetProtocolAlpha", "chain-bought alpha recycled"),
    /**
     * mechanics §6: a dissolved subnet registered after TaoInRefundDeploymentBlock counts its pool's alpha in the
     * payout denominator, that share recycled (1104f2aab, 2026-06-02).
     */
    POOL_ALPHA_IN_DISSOLUTION(Era.NETFLOW_2026_05, LocalDate.of(2026, 6, 2), true,
            "dissolution: a subnet registered in the run counts its pool's alpha in the denominator",
            "dissolution: staked (and protocol) alpha only"),
    /** mechanics §2a: share weights without root proportion (bb3591e7, 2026-06-30; v3.4.9-424 had it). */
    SHARES_WITHOUT_ROOT_PROPORTION(Era.PRICE_BURN_2026_06, LocalDate.of(2026, 6, 30), true,
            "share weight = P̄·(1 − MinerBurned)", "share weight = root_prop·P̄·(1 − MinerBurned)"),
    /** mechanics §2: new subnets start with emission disabled (e367ae647, 2026-06-23). */
    NEW_SUBNETS_EMISSION_DISABLED(Era.PRICE_BURN_2026_06, LocalDate.of(2026, 6, 23), true,
            "subnets registered during the run get no share until enabled", "new subnets emit at once"),
    /** mechanics §4: dynamic tempo, epochs every tempo blocks since the last one (06032d518, 2026-06-25). */
    DYNAMIC_TEMPO(Era.PRICE_BURN_2026_06, LocalDate.of(2026, 6, 25), true,
            "epoch when block − LastEpochBlock ≥ tempo, ≤ 2 epochs a block",
            "epoch when (block + netuid + 2) mod (tempo + 1) = 0");

    private final Era era;
    private final LocalDate date;
    private final boolean defaultOn;
    private final String on;
    private final String off;

    Switch(final Era era, final LocalDate date, final boolean defaultOn, final String on, final String off) {
        this.era = era;
        this.date = date;
        this.defaultOn = defaultOn;
        this.on = on;
        this.off = off;
    }

    /** The name users type, e.g. {@code dividend-fix}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The era the change falls in. */
    public Era era() {
        return era;
    }

    /** The date the rule changed (merge into main). */
    public LocalDate date() {
        return date;
    }

    /** Whether the era runs the rule from {@link #date()} on by default. */
    public boolean defaultOn() {
        return defaultOn;
    }

    /** The rule when on. */
    public String ruleOn() {
        return on;
    }

    /** The rule when off. */
    public String ruleOff() {
        return off;
    }

    /** The switches that fall inside {@code era}. */
    public static List<Switch> of(final Era era) {
        final List<Switch> out = new ArrayList<>();
        for (final Switch s : values()) {
            if (s.era == era) {
                out.add(s);
            }
        }
        return out;
    }

    /** Looks a switch up by its name; the error lists the names there are. */
    public static Switch byId(final String id) {
        for (final Switch s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final Switch s : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(s.id());
        }
        throw new IllegalArgumentException("switch: '" + id + "' is not one of " + names);
    }
}
