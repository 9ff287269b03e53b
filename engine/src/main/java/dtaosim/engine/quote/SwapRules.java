package dtaosim.engine.quote;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of one era's stake and unstake calls that a quote needs (mechanics §5, §7, §9).
 *
 * @param pool                   the era's pool (mechanics §5)
 * @param flatFee                whether the fee is the flat {@code flatFeeRao} per call, kept in SubnetTAO
 *                               (constant-product era), rather than {@code feeRate} of the input
 * @param flatFeeRao             the flat fee, {@code DefaultStakingFee} 50,000 rao
 * @param feeRate                the fee rate, x/65535 ({@code FeeRate}); used when {@code flatFee} is false
 * @param minStakeRao            {@code DefaultMinStake}: 500,000 rao until 2025-07-06, 2e7 from 07-07, 2e6 from
 *                               07-10
 * @param minimumReserveRao      constant product: the pool must keep ≥ this after the swap
 *                               ({@code DefaultMinimumPoolLiquidity}, 1e7); swap pallet: the output reserve must
 *                               hold ≥ this before it ({@code SwapMinimumReserve}, 1e6)
 * @param inputReserveMultiplier input ≤ this × input reserve (1000 from 2026-06-26), 0 for no such check
 * @param zeroMaxIsError         whether a limit reached by no amount is an error ({@code ZeroMaxStakeAmount},
 *                               V3 eras) rather than a maximum of 0
 * @param maxErrorsAreZeroMax    whether every error of the maximum's simulated swap is reported as
 *                               {@code ZeroMaxStakeAmount} ({@code get_max_amount_add/remove}'s
 *                               {@code map_err} from the V3 pallet's deployment until 2025-11-04, 7639869f2:
 *                               ema-ramp with {@code swap-pallet-v3} and subsidy)
 * @param alphaFeeResold         whether an unstake's alpha fee is then sold fee-free into the pool for the block
 *                               author's TAO ({@code stake_utils.rs :: unstake_from_subnet}; fees go to the author
 *                               from 2026-03-11: the capped era's default and the later eras)
 */
public record SwapRules(Era.Pool pool, boolean flatFee, long flatFeeRao, int feeRate, long minStakeRao,
                        long minimumReserveRao, long inputReserveMultiplier, boolean zeroMaxIsError,
                        boolean maxErrorsAreZeroMax, boolean alphaFeeResold) {
    /** The chain's maximum {@code FeeRate} ({@code SwapMaxFeeRate}, mechanics §7). */
    public static final int MAX_FEE_RATE = 10_000;
    /** mechanics §5: {@code DefaultStakingFee} of the constant-product era, 50,000 rao. */
    public static final long FLAT_FEE_RAO = 50_000L;
    /** Largest minimum reserve or minimum stake a quote accepts, 1e18 rao (1e9 TAO). */
    public static final long MAX_MINIMUM_RESERVE_RAO = 1_000_000_000_000_000_000L;

    /** The switches that change a stake or unstake: the others change emission, registration or epochs. */
    public static final Set<Switch> SWAP_SWITCHES = EnumSet.of(Switch.SWAP_PALLET_V3, Switch.FEE_RATE_CUT,
            Switch.FEES_TO_BLOCK_AUTHOR);

    /**
     * The rules of an era with its default fee and dated switches: the constant-product eras as in
     * {@code stake_utils.rs} at f9254ea63 (flat fee, min stake 500,000, pool liquidity 1e7, no price-limit error),
     * the V3 eras as the swap pallet at 7a727dd4d (fee rate, min stake 2e6, minimum reserve 1e6,
     * {@code ZeroMaxStakeAmount}), the weighted era as at 14bc6f9f (plus the 1000 × reserve input limit).
     */
    public static SwapRules of(final Era era) {
        return of(era.defaults());
    }

    /**
     * The rules of {@code params}' era under its switches ({@link #SWAP_SWITCHES}): {@code swap-pallet-v3} gives
     * the EMA-ramp era the V3 eras' rules with {@code params}' fee rate (196, or 33 with {@code fee-rate-cut}) and
     * the fee kept with the pool; {@code fees-to-block-author} off gives the capped era the taoflow era's rules
     * (the alpha fee stays in the pool, as before 7eb6f9bb7). Other parameters do not change a quote.
     */
    public static SwapRules of(final ProtocolParams params) {
        final Era era = params.era();
        final boolean v3 = era.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE
                || (era == Era.EMA_RAMP_2025_03 && params.on(Switch.SWAP_PALLET_V3));
        if (v3) {
            final boolean feesToAuthor = era.compareTo(Era.CAPPED_2025_12) > 0
                    || (era == Era.CAPPED_2025_12 && params.on(Switch.FEES_TO_BLOCK_AUTHOR));
            final boolean maxErrorsHidden = era.compareTo(Era.SUBSIDY_2025_07) <= 0;
            return new SwapRules(Era.Pool.CONSTANT_PRODUCT_RATE_FEE, false, 0L, (int) params.get(Parameter.FEE_RATE),
                    2_000_000L, 1_000_000L, 0L, true, maxErrorsHidden, feesToAuthor);
        }
        return switch (era.pool()) {
            case CONSTANT_PRODUCT_FLAT_FEE -> new SwapRules(era.pool(), true, FLAT_FEE_RAO, 0, 500_000L,
                    10_000_000L, 0L, false, false, false);
            case WEIGHTED -> new SwapRules(era.pool(), false, 0L, (int) params.get(Parameter.FEE_RATE), 2_000_000L,
                    1_000_000L, 1000L, false, false, true);
            case CONSTANT_PRODUCT_RATE_FEE -> throw new AssertionError("V3 handled above");
        };
    }

    /**
     * The same rules with fee rate {@code rate} (x/65535, 0 … {@value #MAX_FEE_RATE}); in the constant-product
     * eras the rate replaces the flat fee: it is taken from the TAO side (the stake's input, the unstake's
     * output) and, like the flat fee, kept in SubnetTAO.
     */
    public SwapRules withFeeRate(final int rate) {
        if (rate < 0 || rate > MAX_FEE_RATE) {
            throw new IllegalArgumentException("fee-rate: " + rate + " is not in [0, " + MAX_FEE_RATE + "]");
        }
        return new SwapRules(pool, false, 0L, rate, minStakeRao, minimumReserveRao, inputReserveMultiplier,
                zeroMaxIsError, maxErrorsAreZeroMax, alphaFeeResold);
    }

    /**
     * The same rules with minimum reserve {@code rao} (u64 bits, 1 … {@value #MAX_MINIMUM_RESERVE_RAO}): the swap
     * pallet's {@code SwapMinimumReserve} (the runtime's 1e6; the pallets' test mocks use 100 and 1), or in the
     * constant-product eras {@code DefaultMinimumPoolLiquidity} (1e7).
     */
    public SwapRules withMinimumReserve(final long rao) {
        if (rao == 0 || Long.compareUnsigned(rao, MAX_MINIMUM_RESERVE_RAO) > 0) {
            throw new IllegalArgumentException("minimum-reserve: " + Long.toUnsignedString(rao) + " is not in [1, "
                    + MAX_MINIMUM_RESERVE_RAO + "] rao");
        }
        return new SwapRules(pool, flatFee, flatFeeRao, feeRate, minStakeRao, rao, inputReserveMultiplier,
                zeroMaxIsError, maxErrorsAreZeroMax, alphaFeeResold);
    }

    /**
     * The same rules with minimum stake {@code rao} (0 … {@value #MAX_MINIMUM_RESERVE_RAO}): the staking pallet's
     * {@code DefaultMinStake}, which a stake (plus its fee) and an unstake's TAO must reach; 0 lets orders of any
     * size through to the swap pallet's own checks, as its unit tests swap them.
     */
    public SwapRules withMinStake(final long rao) {
        if (Long.compareUnsigned(rao, MAX_MINIMUM_RESERVE_RAO) > 0) {
            throw new IllegalArgumentException("min-stake: " + Long.toUnsignedString(rao) + " is not in [0, "
                    + MAX_MINIMUM_RESERVE_RAO + "] rao");
        }
        return new SwapRules(pool, flatFee, flatFeeRao, feeRate, rao, minimumReserveRao, inputReserveMultiplier,
                zeroMaxIsError, maxErrorsAreZeroMax, alphaFeeResold);
    }
}
