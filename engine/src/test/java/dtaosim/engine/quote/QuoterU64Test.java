package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.MAX_RAO;
import static dtaosim.engine.kernel.WeightedPoolRao.unsigned;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The rao quote over the chain's whole u64 range: amounts and limits above 2^63 − 1, sums that saturate at
 * u64::MAX, and the maxima the chain returns as u64::MAX (subtensor 14bc6f9f {@code tests/staking.rs}
 * {@code test_max_amount_add_dynamic}, {@code test_max_amount_remove_dynamic}, "Miscellaneous overflows and
 * underflows").
 */
class QuoterU64Test {
    private static final long HALF = WeightedPoolRao.HALF_PARTS;
    private static final SwapRules WEIGHTED = SwapRules.of(Era.PRICE_BURN_2026_06);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final MathContext MC = MathContext.DECIMAL128;

    @Test
    void u64ArithmeticShouldSaturateAsTheChains() {
        final long twoTo63 = Long.MIN_VALUE;
        assertAll(
                () -> assertEquals(TWO_TO_64.subtract(BigInteger.ONE), unsigned(MAX_RAO)),
                () -> assertEquals(BigInteger.ONE.shiftLeft(63), unsigned(twoTo63)),
                () -> assertEquals(MAX_RAO, WeightedPoolRao.saturatingAdd(twoTo63, Long.MAX_VALUE)),
                () -> assertEquals(MAX_RAO, WeightedPoolRao.saturatingAdd(twoTo63, twoTo63)),
                () -> assertEquals(MAX_RAO, WeightedPoolRao.saturatingAdd(MAX_RAO, 1L)),
                () -> assertEquals(twoTo63 + 5L, WeightedPoolRao.saturatingAdd(twoTo63, 5L)),
                () -> assertEquals(0L, WeightedPoolRao.saturatingSubtract(1L, 2L)),
                () -> assertEquals(Long.MAX_VALUE, WeightedPoolRao.saturatingSubtract(MAX_RAO, twoTo63)),
                () -> assertEquals(MAX_RAO, WeightedPoolRao.saturatingMultiply(1L << 32, 1L << 32)),
                () -> assertEquals(-(1L << 32), WeightedPoolRao.saturatingMultiply(1L << 32, (1L << 32) - 1)),
                () -> assertEquals(twoTo63, WeightedPoolRao.saturatingMultiply(1L << 62, 2L)),
                () -> assertEquals(0L, WeightedPoolRao.saturatingMultiply(0L, MAX_RAO)),
                () -> assertEquals(MAX_RAO, WeightedPoolRao.toRao(TWO_TO_64)),
                () -> assertEquals(twoTo63, WeightedPoolRao.min(MAX_RAO, twoTo63)));
    }

    @Test
    void maximaBeyondTheSignedRangeShouldBeU64MaxAsInTheChainsTests() {
        // test_max_amount_add_dynamic (u64::MAX/2, u64::MAX, limit u64::MAX): 1000 × y saturates at u64::MAX, the
        // whole probe stays below the limit, and paid in + fee is the probe
        final RaoPool add = new RaoPool(MAX_RAO >>> 1, MAX_RAO, HALF);
        final RaoQuote stake = RaoQuoter.stake(WEIGHTED, add, 1_000_000_000L, OptionalLong.of(MAX_RAO), true);
        // test_max_amount_remove_dynamic (21e15, 21e15, limit 0): 1000 × x = 2.1e19 saturates at u64::MAX
        final RaoPool remove = new RaoPool(21_000_000_000_000_000L, 21_000_000_000_000_000L, HALF);
        final RaoQuote unstake = RaoQuoter.unstake(WEIGHTED, remove, 1_000_000_000L, OptionalLong.of(0L), true);
        assertAll(
                () -> assertNull(stake.error()),
                () -> assertEquals(OptionalLong.of(MAX_RAO), stake.maxAmount()),
                () -> assertNull(unstake.error()),
                () -> assertEquals(OptionalLong.of(MAX_RAO), unstake.maxAmount()));
    }

    @Test
    void aLimitAboveTheSignedRangeShouldBindAnUnstake() {
        // test_max_amount_remove_dynamic (21e15, 1e6, limit u64::MAX) = 67,000 within 1 %: the price 2.1e19
        // rao/alpha is above the limit u64::MAX rao/alpha, so the maximum is x·(√(p/p') − 1) plus the fee on top
        final RaoPool pool = new RaoPool(21_000_000_000_000_000L, 1_000_000L, HALF);
        final RaoQuote q = RaoQuoter.unstake(WEIGHTED, pool, 1_000_000_000L, OptionalLong.of(MAX_RAO), true);
        final double limit = unsigned(MAX_RAO).doubleValue() / 1e9;
        final double delta = 1e6 * (Math.sqrt(21e15 / 1e6 / limit) - 1.0);
        final double max = delta * 65535.0 / (65535.0 - WEIGHTED.feeRate());
        assertAll(
                () -> assertNull(q.error()),
                () -> assertEquals(max, q.maxAmount().orElseThrow(), 3.0),
                () -> assertEquals(67_000.0, q.maxAmount().orElseThrow(), 670.0),
                // the price after is above 2^63 rao/alpha and still below the price before
                () -> assertEquals(1, q.priceAfterRao().compareTo(BigInteger.ONE.shiftLeft(63))),
                () -> assertEquals(1, BigInteger.valueOf(21_000_000_000_000_000L).multiply(BigInteger.valueOf(1000))
                        .compareTo(q.priceAfterRao())));
    }

    @Test
    void swapsWhoseReservePlusInputPassesTwoTo63ShouldPayTheCurvesOutput() {
        // y = 9e18 rao, x = 1e18, stake 1e18: y + Δ ≈ 1e19 passes 2^63 − 1 but not u64::MAX; at w = 0.5 the
        // output is x·Δ/(y + Δ) with Δ the stake less its fee
        final long tao = 9_000_000_000_000_000_000L;
        final long alpha = 1_000_000_000_000_000_000L;
        final long amount = 1_000_000_000_000_000_000L;
        final RaoQuote stake = RaoQuoter.stake(WEIGHTED, new RaoPool(tao, alpha, HALF), amount, OptionalLong.empty(),
                false);
        final long fee = WeightedPoolRao.fee(amount, WEIGHTED.feeRate());
        final BigDecimal delta = BigDecimal.valueOf(amount - fee);
        final BigDecimal expectedOut = BigDecimal.valueOf(alpha).multiply(delta)
                .divide(BigDecimal.valueOf(tao).add(delta), MC);
        // a reserve above 2^63 − 1: y = x = 1.5e19 rao, unstake 1e18 alpha; output y·Δ/(x + Δ)
        final long reserve = new BigInteger("15000000000000000000").longValue();
        final RaoQuote unstake = RaoQuoter.unstake(WEIGHTED, new RaoPool(reserve, reserve, HALF), amount,
                OptionalLong.empty(), false);
        final BigDecimal unsignedReserve = new BigDecimal(unsigned(reserve));
        final BigDecimal expectedTao = unsignedReserve.multiply(delta).divide(unsignedReserve.add(delta), MC);
        assertAll(
                () -> assertNull(stake.error()),
                () -> assertEquals(fee, stake.fee()),
                () -> assertWithin(expectedOut, stake.amountOut(), alpha),
                () -> assertNull(unstake.error()),
                () -> assertWithin(expectedTao, unstake.amountOut(), reserve));
    }

    @Test
    void reservesShouldMoveByTheSwapsDeltasAsI64() {
        // stake_utils.rs swap_tao_for_alpha / swap_alpha_for_tao at 14bc6f9f: SubnetTAO and SubnetAlphaIn move by
        // paid_in/out_reserve_delta_i64().unsigned_abs(), the amounts clamped to i64::MAX and 2^63
        final long twoTo63 = Long.MIN_VALUE;
        final long pool = 10_000_000_000_000_000L;
        final long order = Long.parseUnsignedLong("9300000000000000000");
        final RaoQuote stake = RaoQuoter.stake(WEIGHTED, new RaoPool(pool, pool, HALF), order, OptionalLong.empty(),
                false);
        final long paidIn = stake.amountIn() - stake.fee();
        // fee rate 0, so the author's re-sale of the alpha fee sells nothing and the price after is the swap's
        final SwapRules feeFree = WEIGHTED.withFeeRate(0);
        final long tao = Long.parseUnsignedLong("10000000000000000000");
        final RaoQuote unstake = RaoQuoter.unstake(feeFree, new RaoPool(tao, pool, HALF), tao, OptionalLong.empty(),
                false);
        assertAll(
                () -> assertNull(stake.error()),
                () -> assertEquals(1, unsigned(paidIn).compareTo(BigInteger.valueOf(Long.MAX_VALUE))),
                () -> assertEquals(WeightedPoolRao.price(pool - stake.amountOut(), pool + Long.MAX_VALUE, HALF),
                        stake.priceAfterBits()),
                // the reviewer's value from the chain's clamp; without it 865,889,245,854,970
                () -> assertEquals(BigInteger.valueOf(859_194_538_389_268L), stake.priceAfterRao()),
                () -> assertNull(unstake.error()),
                () -> assertEquals(1, unsigned(unstake.amountOut()).compareTo(unsigned(twoTo63))),
                () -> assertEquals(WeightedPoolRao.price(pool + Long.MAX_VALUE, tao - twoTo63, HALF),
                        unstake.priceAfterBits()));
    }

    @Test
    void theAuthorsResaleShouldRunAlsoForAFeeOfZero() {
        // unstake_from_subnet calls swap_alpha_for_tao(fee_to_block_author) whatever the fee: 1985 rao of alpha
        // pays a fee that floors to 0, and the TAO left (≈ 15,000 rao) is below the 1e6 minimum reserve
        final RaoPool pool = new RaoPool(3_000_000L, 10L, HALF);
        final RaoQuote resold = RaoQuoter.unstake(WEIGHTED, pool, 1_985L, OptionalLong.empty(), false);
        final RaoQuote feeRateZero = RaoQuoter.unstake(WEIGHTED.withFeeRate(0), pool, 1_985L, OptionalLong.empty(),
                false);
        // before fees went to the author (V3 era taoflow-2025-11) no second swap runs
        final RaoQuote noResale = RaoQuoter.unstake(SwapRules.of(Era.TAOFLOW_2025_11), pool, 1_985L,
                OptionalLong.empty(), false);
        final PoolReserves reserves = new PoolReserves(3e-3, 1e-8, 0.5);
        assertAll(
                () -> assertEquals(0L, WeightedPoolRao.fee(1_985L, WEIGHTED.feeRate())),
                () -> assertEquals(SwapError.RESERVES_TOO_LOW, resold.error()),
                () -> assertEquals(SwapError.RESERVES_TOO_LOW, feeRateZero.error()),
                () -> assertNull(noResale.error()),
                () -> assertEquals(SwapError.RESERVES_TOO_LOW,
                        Quoter.unstake(WEIGHTED.withFeeRate(0), reserves, 1.985e-6, Double.NaN, false).error()));
    }

    /**
     * Within 2 rao of flooring plus the chain's power precision: {@code floor(1e18·(r/(r+Δ))^e)} is up to 1e-18
     * from the power, which moves the output by up to {@code outputReserve·1e-18} rao.
     */
    private static void assertWithin(final BigDecimal expected, final long actual, final long outputReserve) {
        final BigDecimal tolerance = new BigDecimal(unsigned(outputReserve)).movePointLeft(18)
                .add(BigDecimal.valueOf(2));
        final BigDecimal difference = expected.subtract(new BigDecimal(unsigned(actual))).abs();
        assertEquals(-1, difference.compareTo(tolerance),
                () -> "expected " + expected.toPlainString() + " ± " + tolerance + ", got " + unsigned(actual));
    }
}
