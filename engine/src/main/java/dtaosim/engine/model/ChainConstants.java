package dtaosim.engine.model;

/**
 * Constants of the chain, in TAO (1 TAO = 1 alpha = 1e9 rao). Each cites the spec section it comes from
 * ({@code shared/spec/dtao-mechanics.md}, "mechanics §N").
 */
public final class ChainConstants {
    /** mechanics §header: 1 TAO = 1e9 rao. */
    public static final double RAO_PER_TAO = 1e9;
    /** mechanics §1: TotalSupply 21e15 rao, the same cap for every subnet's alpha. */
    public static final double TOTAL_SUPPLY_TAO = 21_000_000.0;
    /**
     * mechanics §5: the least TAO or alpha a pool of a scenario may hold, the swap pallet's SwapMinimumReserve
     * (1e6 rao); the chain refuses a swap out of a pool below it, and the model, which has no such guard, divides
     * by reserves near 0 (engine/MODEL.md, Simplifications). A scenario's pools and minLock start at or above
     * it; a subnet registered in a run seeds its pool with the lock (≥ minLock) TAO, and its alpha at the median
     * price (from 2026-04-22) can be less, as on chain.
     */
    public static final double MIN_POOL_RESERVE = 0.001;
    /** mechanics §1: DefaultBlockEmission 1e9 rao. */
    public static final double DEFAULT_BLOCK_EMISSION_TAO = 1.0;
    /** mechanics §1: 12 s blocks. */
    public static final int BLOCKS_PER_DAY = 7200;
    /** mechanics §4: SubnetOwnerCut 11,796 / 65,535 (about 18 %). */
    public static final double SUBNET_OWNER_CUT = 11_796.0 / 65_535.0;
    /** mechanics §4: TaoWeight 3,320,413,933,267,719,290 / (2^64 − 1), equal to 0.18 within 1e-19. */
    public static final double TAO_WEIGHT = 0.18;
    /** mechanics §4 and §7: default delegate (hotkey) take, 11,796 / 65,535. */
    public static final double DEFAULT_DELEGATE_TAKE = 11_796.0 / 65_535.0;
    /** mechanics §4: Tempo default 360 blocks. */
    public static final int DEFAULT_TEMPO = 360;
    /** mechanics §2a: SubnetMovingAlpha default 3e-6. */
    public static final double SUBNET_MOVING_ALPHA = 3e-6;
    /** mechanics §2a: EMAPriceHalvingBlocks default 201,600 (28 days). */
    public static final long EMA_PRICE_HALVING_BLOCKS = 201_600L;
    /** mechanics §2a: the spot price enters the moving price clipped at 1.0 (from 2025-02-15). */
    public static final double MOVING_PRICE_INPUT_CLIP = 1.0;
    /** mechanics §2b: FlowEmaSmoothingFactor 29,597,889,189,277 / (2^63 − 1) ≈ 3.2090e-6 (half-life 216,000 blocks). */
    public static final double FLOW_EMA_SMOOTHING = 29_597_889_189_277.0 / 9.223372036854775807e18;
    /** mechanics §5: flat stake/unstake fee of the constant-product era, 50,000 rao, kept in the pool. */
    public static final double LAUNCH_STAKE_FEE_TAO = 50_000.0 / RAO_PER_TAO;
    /** mechanics §6: DurationOfStartCall, 7 days of blocks (start_call from 2025-03-28; 0 from 2026-01-21). */
    public static final long START_CALL_DELAY_BLOCKS = 7L * 24 * 60 * 60 / 12;
    /** mechanics §6, §9: NetworkImmunityPeriod before / from the 2025-09-24 migration. */
    public static final long IMMUNITY_BEFORE_0924 = 1_296_000L;
    /** mechanics §6, §9: NetworkImmunityPeriod from 2025-09-24. */
    public static final long IMMUNITY_FROM_0924 = 864_000L;
    /** mechanics §6, §9: NetworkLockReductionInterval before 2025-09-24 (14 days) and from it (8 days). */
    public static final long LOCK_INTERVAL_BEFORE_0924 = 100_800L;
    /** mechanics §6, §9: NetworkLockReductionInterval from 2025-09-24 (8 days). */
    public static final long LOCK_INTERVAL_FROM_0924 = 57_600L;
    /** mechanics §6, §9: NetworkRateLimit before 2025-09-24 (1 day). */
    public static final long RATE_LIMIT_BEFORE_0924 = 7_200L;
    /** mechanics §6, §9: NetworkRateLimit from 2025-09-24 (4 days). */
    public static final long RATE_LIMIT_FROM_0924 = 28_800L;
    /** mechanics §5: the swap pallet's FeeRate 33/65535 (≈ 0.05 %, DefaultFeeRate from 2025-07-23). */
    public static final int FEE_RATE = 33;
    /** mechanics §9: the swap pallet's DefaultFeeRate at its 2025-06-30 deploy, 196/65535 (≈ 0.3 %). */
    public static final int V3_LAUNCH_FEE_RATE = 196;

    private ChainConstants() {
    }

    /**
     * {@code days} in whole blocks of {@link #BLOCKS_PER_DAY}, or −1 when that is not a whole number. A decimal
     * such as 0.07 days is 504 blocks although 0.07 × 7200 = 503.99999999999994 in doubles: products within a
     * millionth of a block of a whole number count as it.
     */
    public static long wholeBlocks(final double days) {
        final double blocks = days * BLOCKS_PER_DAY;
        final double whole = Math.rint(blocks);
        return Math.abs(blocks - whole) <= 1e-6 ? (long) whole : -1;
    }
}
