package dtaosim.engine.model;

import java.util.Locale;

/**
 * The protocol's governance-set numbers (and a few model parameters where the chain keeps per-account state the
 * engine aggregates): each with its unit, allowed range and source. Defaults are per era
 * ({@link Era#defaults()}); a scenario may override any of them by its {@link #id()}.
 */
public enum Parameter {
    /** mechanics §1: DefaultBlockEmission before halvings. */
    BLOCK_EMISSION("blockEmission", "TAO/block", 0.0, 1e6, "mechanics §1 DefaultBlockEmission"),
    /** mechanics §2a: SubnetMovingAlpha, the moving-price EMA factor. */
    MOVING_ALPHA("movingAlpha", "1/block", 0.0, 1.0, "mechanics §2a SubnetMovingAlpha"),
    /** mechanics §2a: EMAPriceHalvingBlocks H of the ramp b/(b+H). */
    EMA_PRICE_HALVING_BLOCKS("emaPriceHalvingBlocks", "blocks", 1.0, 1e12, "mechanics §2a EMAPriceHalvingBlocks"),
    /** mechanics §2b: FlowEmaSmoothingFactor / (2^63 − 1). */
    FLOW_SMOOTHING("flowSmoothing", "1/block", 0.0, 1.0, "mechanics §2b FlowEmaSmoothingFactor"),
    /** mechanics §2b: FlowNormExponent p of z^p / Σ z^p. */
    FLOW_EXPONENT("flowExponent", "", 0.0, 10.0, "mechanics §2b FlowNormExponent"),
    /** mechanics §2b: TaoFlowCutoff. */
    FLOW_CUTOFF("flowCutoff", "TAO", -1e9, 1e9, "mechanics §2b TaoFlowCutoff"),
    /**
     * mechanics §2b: NetTaoFlowEnabled, 1 (the chain's default) for shares from users' flow net of the normalised
     * protocol flow, 0 for users' flow alone (the protocol's flow EMA still advances).
     */
    NET_TAO_FLOW_ENABLED("netTaoFlowEnabled", "0/1", 0.0, 1.0,
            "mechanics §2b NetTaoFlowEnabled (default true; sudo_set_net_tao_flow_enabled)"),
    /** mechanics §4: SubnetOwnerCut / 65535. */
    OWNER_CUT("ownerCut", "fraction", 0.0, 1.0, "mechanics §4 SubnetOwnerCut"),
    /** mechanics §4: TaoWeight / (2^64 − 1). */
    TAO_WEIGHT("taoWeight", "fraction", 0.0, 1.0, "mechanics §4 TaoWeight"),
    /** mechanics §4: Tempo. */
    TEMPO("tempo", "blocks", 1.0, 50_400.0, "mechanics §4 Tempo (chain bounds 360…50,400)"),
    /** mechanics §5: flat fee per stake or unstake of the constant-product era, kept in the pool. */
    STAKE_FEE("stakeFee", "TAO", 0.0, 1e6, "mechanics §5 DefaultStakingFee (50,000 rao)"),
    /** mechanics §5: FeeRate / 65535 of the V3 and Balancer pools, taken from the input. */
    FEE_RATE("feeRate", "x/65535", 0.0, 10_000.0, "mechanics §5 FeeRate (max SwapMaxFeeRate 10,000)"),
    /**
     * mechanics §4 root claim, aggregated: fraction of unclaimed root alpha claimed per block (NumRootClaim
     * auto-claims among NumStakingColdkeys plus manual claims; the chain's coldkey count is not in its code).
     */
    ROOT_CLAIM_RATE("rootClaimRate", "1/block", 0.0, 1.0,
            "assumption: NumRootClaim 5 of ≈ 5,000 root coldkeys per block"),
    /** mechanics §4 root claim: share of claims of type Swap (sold for TAO and restaked on root); Keep the rest. */
    ROOT_CLAIM_SWAP_SHARE("rootClaimSwapShare", "fraction", 0.0, 1.0,
            "mechanics §4 RootClaimType default Swap"),
    /** mechanics §2a: MinerBurned, the share of miner incentive burned by owner hotkeys (Yuma produces it). */
    MINER_BURNED("minerBurned", "fraction", 0.0, 1.0, "mechanics §2a MinerBurned (0 until Yuma runs; one value"
            + " for all subnets cancels in the shares unless Yuma subnets produce their own)"),
    /** mechanics §6: NetworkMinLockCost. */
    MIN_LOCK("minLock", "TAO", ChainConstants.MIN_POOL_RESERVE, 1e9,
            "mechanics §6 NetworkMinLockCost (1 TAO by migrate_rao); at least the minimum pool reserve, as it seeds"
                    + " new pools"),
    /** mechanics §6: last lock cost at the start of a run (the doubling base). */
    LAST_LOCK("lastLock", "TAO", 0.0, 1e9, "mechanics §6 NetworkLastLockCost"),
    /**
     * mechanics §6: blocks from the network's last registration (the one that paid {@code lastLock}) to the run's
     * first block; NetworkLastRegistered = startBlock − this, which starts both the lock's decay and the rate limit.
     */
    LAST_LOCK_AGE("lastLockAge", "blocks", 0.0, 1e9,
            "mechanics §6 NetworkLastRegistered (assumed: a registration at the run's start)"),
    /** mechanics §6: NetworkLockReductionInterval (blocks at 1 TAO/block emission). */
    LOCK_REDUCTION_INTERVAL("lockReductionInterval", "blocks", 1.0, 1e9,
            "mechanics §6 NetworkLockReductionInterval"),
    /** mechanics §6: NetworkRateLimit between subnet registrations. */
    NETWORK_RATE_LIMIT("networkRateLimit", "blocks", 0.0, 1e9, "mechanics §6 NetworkRateLimit"),
    /** mechanics §6: SubnetLimit. */
    SUBNET_LIMIT("subnetLimit", "subnets", 1.0, 4096.0, "mechanics §6 SubnetLimit"),
    /** mechanics §6: NetworkImmunityPeriod. */
    IMMUNITY_PERIOD("immunityPeriod", "blocks", 0.0, 1e12, "mechanics §6 NetworkImmunityPeriod"),
    /** mechanics §6: blocks from registration to start_call (DurationOfStartCall, later StartCallDelay). */
    START_CALL_DELAY("startCallDelay", "blocks", 0.0, 1e9,
            "mechanics §6 StartCallDelay (50,400 from 2025-03-28, 0 from 2026-01-21)"),
    /** mechanics §5: DefaultMinStake. */
    MIN_STAKE("minStake", "TAO", 0.0, 1e6, "mechanics §5 DefaultMinStake");

    private final String id;
    private final String unit;
    private final double min;
    private final double max;
    private final String source;

    Parameter(final String id, final String unit, final double min, final double max, final String source) {
        this.id = id;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.source = source;
    }

    /** The name scenarios and options use, e.g. {@code movingAlpha}. */
    public String id() {
        return id;
    }

    /** Unit of the value. */
    public String unit() {
        return unit;
    }

    /** Smallest allowed value. */
    public double min() {
        return min;
    }

    /** Largest allowed value. */
    public double max() {
        return max;
    }

    /** Where the default comes from. */
    public String source() {
        return source;
    }

    /** Whether the chain keeps the value as an integer (blocks, subnets, a fee count out of 65535, a flag). */
    public boolean whole() {
        return unit.equals("blocks") || unit.equals("subnets") || unit.equals("x/65535") || flag();
    }

    /** Whether the chain keeps the value as a bool (1 true, 0 false). */
    public boolean flag() {
        return unit.equals("0/1");
    }

    /** Validates a value, naming the parameter and its range (and that it is whole, where {@link #whole()}). */
    public double check(final double value) {
        if (!whole()) {
            return Checks.inRange(id, value, min, max);
        }
        final String range = "[" + (long) min + ", " + (long) max + "]";
        if (!(value >= min && value <= max)) {
            final boolean integral = value == Math.rint(value) && Math.abs(value) < 1e15;
            throw new IllegalArgumentException(id + ": " + (integral ? Long.toString((long) value) : value)
                    + " is not in " + range);
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(id + ": " + value + " is not a whole number (" + unit + ", in "
                    + range + ")");
        }
        return value;
    }

    /**
     * Why the parameter changes nothing in a run under {@code protocol}, or {@code null} if it is used: the
     * engine reads it only in the eras whose rules have it (and runs apply no minimum-stake guard).
     */
    public String noEffectIn(final ProtocolParams protocol) {
        final Era era = protocol.era();
        final boolean flowShares = era == Era.TAOFLOW_2025_11 || era == Era.CAPPED_2025_12
                || era == Era.NETFLOW_2026_05;
        return switch (this) {
            case EMA_PRICE_HALVING_BLOCKS -> protocol.movingPriceRamp() ? null
                    : "the moving price does not ramp (launch-2025-02, or movingPriceRamp: false)";
            case FLOW_SMOOTHING, FLOW_EXPONENT, FLOW_CUTOFF -> flowShares ? null
                    : "shares follow the moving price in " + era.id();
            case NET_TAO_FLOW_ENABLED -> era == Era.NETFLOW_2026_05 ? null
                    : "shares take no protocol flow outside netflow-2026-05";
            case ROOT_CLAIM_RATE, ROOT_CLAIM_SWAP_SHARE -> era.compareTo(Era.TAOFLOW_2025_11) >= 0 ? null
                    : "root alpha is sold every block before 2025-11-04 (no root claims)";
            case MINER_BURNED -> era == Era.PRICE_BURN_2026_06 ? null
                    : "shares take no MinerBurned before 2026-06-22";
            case SUBNET_LIMIT, IMMUNITY_PERIOD -> era.compareTo(Era.SUBSIDY_2025_07) > 0
                    || era == Era.SUBSIDY_2025_07 && protocol.on(Switch.SUBNET_LIMIT_PRUNING) ? null
                    : "no subnet limit before 2025-09-24 (subnet-limit-pruning)";
            case MIN_STAKE -> "runs apply no minimum-stake guard (quote --min-stake does)";
            default -> null;
        };
    }

    /** Looks a parameter up by its name; the error lists the names there are. */
    public static Parameter byId(final String id) {
        for (final Parameter p : values()) {
            if (p.id.equals(id) || p.id.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final Parameter p : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(p.id);
        }
        throw new IllegalArgumentException("parameter: '" + id + "' is not one of " + names);
    }
}
