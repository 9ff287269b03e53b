package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.MAX_RAO;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The V3-era staking tests of subtensor at bac82463393b51d9383bbc53cb538b41803df727 (2025-11-19, the
 * taoflow-2025-11 era), {@code pallets/subtensor/src/tests/staking.rs}, ported with the chain's expected values
 * and tolerances: {@code assert_abs_diff_eq!(…, v, epsilon = v / 100)} is |ours − v| ≤ ⌊v/100⌋ (0 for v < 100,
 * so those cases are exact). The subtensor mock's {@code SwapMinimumReserve} is 100 rao and its
 * {@code DefaultMinStake} 2,000,000 rao; fee rate 33/65535.
 */
class V3StakingPortsTest {
    private static final long HALF = WeightedPoolRao.HALF_PARTS;
    private static final SwapRules MOCK = SwapRules.of(Era.TAOFLOW_2025_11).withMinimumReserve(100L);
    private static final long U64_MAX = MAX_RAO;
    private static final long MIN_STAKE = 2_000_000L;

    private static RaoPool pool(final long tao, final long alpha) {
        return new RaoPool(tao, alpha, HALF);
    }

    /** A case of a maximum: an expected error, or a value with the test's epsilon v/100. */
    private static Arguments maxCase(final long tao, final long alpha, final long limit, final Object expected) {
        return Arguments.of(Long.toUnsignedString(tao), Long.toUnsignedString(alpha), Long.toUnsignedString(limit),
                expected);
    }

    static Stream<Arguments> maxAmountAddDynamic() {
        return Stream.of(
                // Zero handling (no panics)
                maxCase(1_000_000_000L, 1_000_000_000L, 0L, SwapError.PRICE_LIMIT_EXCEEDED),
                // Low bounds
                maxCase(100L, 100L, 1_100_000_000L, 4L),
                maxCase(1_000L, 1_000L, 1_100_000_000L, 48L),
                maxCase(10_000L, 10_000L, 1_100_000_000L, 489L),
                // Basic math
                maxCase(1_000_000L, 1_000_000L, 4_000_000_000L, 1_000_000L),
                maxCase(1_000_000L, 1_000_000L, 9_000_000_000L, 2_000_000L),
                maxCase(1_000_000L, 1_000_000L, 16_000_000_000L, 3_000_000L),
                maxCase(1_000_000_000_000L, 1_000_000_000_000L, 16_000_000_000L, 3_000_000_000_000L),
                // Normal range values with edge cases
                maxCase(150_000_000_000L, 100_000_000_000L, 0L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(150_000_000_000L, 100_000_000_000L, 100_000_000L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(150_000_000_000L, 100_000_000_000L, 500_000_000L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(150_000_000_000L, 100_000_000_000L, 1_499_999_999L, SwapError.PRICE_LIMIT_EXCEEDED),
                // the limit equal to the price: the pool's √1.5 (ε = 1e-12) is below the limit's (ε = 1e-10)
                maxCase(150_000_000_000L, 100_000_000_000L, 1_500_000_000L, 5L),
                maxCase(150_000_000_000L, 100_000_000_000L, 1_500_000_001L, 51L),
                maxCase(150_000_000_000L, 100_000_000_000L, 6_000_000_000L, 150_000_000_000L),
                // Miscellaneous overflows and underflows
                maxCase(U64_MAX >>> 1, U64_MAX, U64_MAX, U64_MAX));
    }

    @ParameterizedTest(name = "get_max_amount_add on ({0}, {1}), limit {2}: {3}")
    @MethodSource("maxAmountAddDynamic")
    void testMaxAmountAddDynamic(final String tao, final String alpha, final String limit, final Object expected) {
        final RaoQuote quote = RaoQuoter.stake(MOCK, pool(Long.parseUnsignedLong(tao), Long.parseUnsignedLong(alpha)),
                10_000_000L, OptionalLong.of(Long.parseUnsignedLong(limit)), true);
        assertMaximum(expected, quote);
    }

    /**
     * The same test as the subsidy era ran it (6309d3592, deployed 2025-07-29): {@code get_max_amount_add} then
     * mapped every error of its simulated swap to {@code ZeroMaxStakeAmount} (until 7639869f2, 2025-11-04), so the
     * test's rows that fail expect that error; the maxima are the same.
     */
    @ParameterizedTest(name = "subsidy era get_max_amount_add on ({0}, {1}), limit {2}: {3}")
    @MethodSource("maxAmountAddDynamic")
    void testMaxAmountAddDynamicBeforeItsErrorsSurfaced(final String tao, final String alpha, final String limit,
                                                         final Object expected) {
        final SwapRules subsidy = SwapRules.of(Era.SUBSIDY_2025_07).withMinimumReserve(100L);
        final RaoQuote quote = RaoQuoter.stake(subsidy, pool(Long.parseUnsignedLong(tao),
                Long.parseUnsignedLong(alpha)), 10_000_000L, OptionalLong.of(Long.parseUnsignedLong(limit)), true);
        assertMaximum(expected instanceof SwapError ? SwapError.ZERO_MAX_STAKE_AMOUNT : expected, quote);
    }

    static Stream<Arguments> maxAmountRemoveDynamic() {
        final long e21e15 = 21_000_000_000_000_000L;
        return Stream.of(
                // Zero handling (no panics)
                maxCase(0L, 1_000_000_000L, 100L, SwapError.RESERVES_TOO_LOW),
                maxCase(1_000_000_000L, 0L, 100L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(10_000_000_000L, 10_000_000_000L, 0L, U64_MAX),
                // Low bounds ("empirical" numbers)
                maxCase(1_000L, 1_000L, 0L, 4_308_000_000_000L),
                maxCase(1_001L, 1_001L, 0L, 4_310_000_000_000L),
                maxCase(1_001L, 1_001L, 1L, 31_750_000L),
                maxCase(1_001L, 1_001L, 2L, 22_500_000L),
                maxCase(1_001L, 1_001L, 1_001L, 1_000_000L),
                maxCase(1_001L, 1_001L, 10_000L, 316_000L),
                maxCase(1_001L, 1_001L, 100_000L, 100_000L),
                // Basic math
                maxCase(1_000_000L, 1_000_000L, 250_000_000L, 1_000_000L),
                maxCase(1_000_000L, 1_000_000L, 62_500_000L, 3_000_000L),
                maxCase(1_000_000_000_000L, 1_000_000_000_000L, 62_500_000L, 3_000_000_000_000L),
                // Normal range values with edge cases and sanity checks
                maxCase(200_000_000_000L, 100_000_000_000L, 0L, U64_MAX),
                maxCase(200_000_000_000L, 100_000_000_000L, 500_000_000L, 100_000_000_000L),
                maxCase(200_000_000_000L, 100_000_000_000L, 125_000_000L, 300_000_000_000L),
                maxCase(200_000_000_000L, 100_000_000_000L, 2_000_000_000L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(200_000_000_000L, 100_000_000_000L, 2_000_000_001L, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(200_000_000_000L, 100_000_000_000L, 1_999_999_999L, 24L),
                maxCase(200_000_000_000L, 100_000_000_000L, 1_999_999_990L, 252L),
                // Miscellaneous overflows and underflows
                maxCase(e21e15, 1_000_000L, e21e15, 30_700_000L),
                maxCase(e21e15, 1_000_000L, U64_MAX, 67_164L),
                maxCase(e21e15, 1_000_000_000_000_000_000L, U64_MAX, SwapError.PRICE_LIMIT_EXCEEDED),
                maxCase(e21e15, 1_000_000_000_000_000_000L, 20_000_000L, 24_800_000_000_000_000L),
                maxCase(e21e15, e21e15, 999_999_999L, 10_500_000L),
                maxCase(e21e15, e21e15, 0L, U64_MAX));
    }

    @ParameterizedTest(name = "get_max_amount_remove on ({0}, {1}), limit {2}: {3}")
    @MethodSource("maxAmountRemoveDynamic")
    void testMaxAmountRemoveDynamic(final String tao, final String alpha, final String limit,
                                    final Object expected) {
        final RaoQuote quote = RaoQuoter.unstake(MOCK, pool(Long.parseUnsignedLong(tao),
                Long.parseUnsignedLong(alpha)), 10_000_000L, OptionalLong.of(Long.parseUnsignedLong(limit)), true);
        assertMaximum(expected, quote);
    }

    private static void assertMaximum(final Object expected, final RaoQuote quote) {
        if (expected instanceof SwapError error) {
            assertEquals(error, quote.error());
            assertTrue(quote.maxAmount().isEmpty(), "the maximum fails, so no maximum");
            return;
        }
        final BigInteger v = WeightedPoolRao.unsigned((Long) expected);
        final BigInteger ours = WeightedPoolRao.unsigned(quote.maxAmount().orElseThrow());
        final BigInteger epsilon = v.divide(BigInteger.valueOf(100));
        assertTrue(ours.subtract(v).abs().compareTo(epsilon) <= 0,
                () -> "chain " + v + " ± " + epsilon + ", ours " + ours);
    }

    @Test
    void testAddStakeLimitOk() {
        // 900 TAO over the maximum at limit 24 on a 150:100 pool: ~450 TAO executes, 75 alpha out (±0.1 %), the
        // coldkey keeps amount/2 − fee (±0.1 %), the price ends at ~24 (± 0.001)
        final long amount = 900_000_000_000L;
        final RaoQuote q = RaoQuoter.stake(MOCK, pool(150_000_000_000L, 100_000_000_000L), amount,
                OptionalLong.of(24_000_000_000L), true);
        final long balanceLeft = amount - q.amountIn();
        final long fee = WeightedPoolRao.fee(amount / 2, MOCK.feeRate()); // approx_fee_amount(amount / 2)
        assertAll(
                () -> assertNull(q.error()),
                () -> assertEquals(75_000_000_000.0, q.amountOut(), 75_000_000.0),
                () -> assertEquals(amount / 2 - fee, balanceLeft, amount / 2 / 1000),
                () -> assertEquals(24.0, WeightedPoolRao.taoPerAlpha(q.priceAfterBits()), 0.001));
    }

    @Test
    void testAddStakeLimitFillOrKill() {
        final RaoPool pool = pool(150_000_000_000L, 100_000_000_000L);
        final OptionalLong limit = OptionalLong.of(24_000_000_000L);
        assertAll(
                () -> assertEquals(SwapError.SLIPPAGE_TOO_HIGH,
                        RaoQuoter.stake(MOCK, pool, 900_000_000_000L, limit, false).error()),
                () -> assertNull(RaoQuoter.stake(MOCK, pool, 450_000_000_000L, limit, false).error()));
    }

    @Test
    void testAddStakeLimitPartialZeroMaxStakeAmountError() {
        // the mainnet extrinsic 5338471-0009: a limit below the price
        final RaoQuote q = RaoQuoter.stake(MOCK, pool(5_032_494_439_940L, 186_268_425_402_874L), 19_980_000_000L,
                OptionalLong.of(26_953_618L), true);
        assertEquals(SwapError.PRICE_LIMIT_EXCEEDED, q.error());
    }

    @Test
    void testRemoveStakeLimitFillOrKill() {
        final RaoPool pool = pool(150_000_000_000L, 100_000_000_000L);
        final OptionalLong limit = OptionalLong.of(1_350_000_000L);
        assertAll(
                () -> assertEquals(SwapError.SLIPPAGE_TOO_HIGH,
                        RaoQuoter.unstake(MOCK, pool, 150_000_000_000L, limit, false).error()),
                () -> assertNull(RaoQuoter.unstake(MOCK, pool, 1_500_000_000L, limit, false).error()));
    }

    @Test
    void testRemoveStakeFullLimit() {
        // test_remove_stake_full_limit_ok / _ok_with_no_limit_price: 10 alpha out of a 100:100 pool pays
        // 9.086 TAO (± 0.001); _fails_slippage_too_high: a limit of 0.91 is SlippageTooHigh (fill or kill)
        final RaoPool pool = pool(100_000_000_000L, 100_000_000_000L);
        final long stake = 10_000_000_000L;
        final RaoQuote limited = RaoQuoter.unstake(MOCK, pool, stake, OptionalLong.of(90_000_000L), false);
        final RaoQuote unlimited = RaoQuoter.unstake(MOCK, pool, stake, OptionalLong.empty(), false);
        assertAll(
                () -> assertNull(limited.error()),
                () -> assertEquals(9_086_000_000.0, limited.amountOut(), 1_000_000.0),
                () -> assertNull(unlimited.error()),
                () -> assertEquals(9_086_000_000.0, unlimited.amountOut(), 1_000_000.0),
                () -> assertEquals(SwapError.SLIPPAGE_TOO_HIGH,
                        RaoQuoter.unstake(MOCK, pool, stake, OptionalLong.of(910_000_000L), false).error()));
    }

    @Test
    void testStakeAndUnstakeProhibitiveLimits() {
        // test_stake_into_subnet_prohibitive_limit: a stake's limit of 0 on a 100:1000 TAO:alpha pool
        final RaoPool pool = pool(100_000_000_000L, 1_000_000_000_000L);
        final RaoQuote stake = RaoQuoter.stake(MOCK, pool, 100_000_000L, OptionalLong.of(0L), true);
        // test_unstake_from_subnet_prohibitive_limit: after a 0.1-TAO stake (stake_into_subnet at max_price),
        // unstaking all of it with limit u64::MAX; the pool after the stake moved by its deltas
        final RaoQuote staked = RaoQuoter.stake(MOCK, pool, 100_000_000L, OptionalLong.empty(), false);
        final RaoPool after = pool(pool.taoReserve() + staked.amountIn() - staked.fee(),
                pool.alphaReserve() - staked.amountOut());
        final RaoQuote unstake = RaoQuoter.unstake(MOCK, after, staked.amountOut(), OptionalLong.of(U64_MAX), true);
        assertAll(
                () -> assertEquals(SwapError.PRICE_LIMIT_EXCEEDED, stake.error()),
                () -> assertNull(staked.error()),
                () -> assertEquals(SwapError.PRICE_LIMIT_EXCEEDED, unstake.error()));
    }

    @Test
    void testInsufficientLiquidity() {
        // test_add_stake_insufficient_liquidity(_one_side_ok/_fail), test_remove_stake_insufficient_liquidity:
        // reserves of SwapMinimumReserve − 1 on the side paid out refuse the order; 10 × DefaultMinStake
        final long amount = 10 * MIN_STAKE;
        assertAll(
                () -> assertEquals(SwapError.INSUFFICIENT_LIQUIDITY,
                        RaoQuoter.stake(MOCK, pool(99L, 99L), amount, OptionalLong.empty(), false).error()),
                () -> assertNull(RaoQuoter.stake(MOCK, pool(99L, 100L), amount, OptionalLong.empty(), false).error()),
                () -> assertEquals(SwapError.INSUFFICIENT_LIQUIDITY,
                        RaoQuoter.stake(MOCK, pool(100L, 99L), amount, OptionalLong.empty(), false).error()),
                () -> assertEquals(SwapError.INSUFFICIENT_LIQUIDITY,
                        RaoQuoter.unstake(MOCK, pool(99L, 99L), amount, OptionalLong.empty(), false).error()));
    }

    @Test
    void testRemoveStakeAmountTooLow() {
        assertEquals(SwapError.AMOUNT_TOO_LOW, RaoQuoter.unstake(MOCK, pool(100_000_000_000L, 100_000_000_000L),
                0L, OptionalLong.empty(), false).error());
    }

    @Test
    void testDefaultMinStakeSufficiency() {
        // twice DefaultMinStake on a 210,000 TAO : 21e6 alpha pool: the fee is not 0 and the price moves up
        final RaoPool pool = pool(210_000_000_000_000L, 21_000_000_000_000_000L);
        final RaoQuote q = RaoQuoter.stake(MOCK, pool, 2 * MIN_STAKE, OptionalLong.empty(), false);
        assertAll(
                () -> assertNull(q.error()),
                () -> assertTrue(q.fee() > 0),
                () -> assertTrue(q.priceAfterBits().compareTo(V3Pool.fromReserves(pool.taoReserve(),
                        pool.alphaReserve()).price()) > 0));
    }
}
