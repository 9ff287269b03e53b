package dtaosim.engine.kernel;

import static dtaosim.engine.kernel.WeightedPoolVectorsTest.ONE_FIXED;
import static dtaosim.engine.kernel.WeightedPoolVectorsTest.bits;
import static dtaosim.engine.kernel.WeightedPoolVectorsTest.parts;
import static dtaosim.engine.kernel.WeightedPoolVectorsTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.quote.RaoPool;
import dtaosim.engine.quote.RaoQuoter;
import dtaosim.engine.quote.SwapRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Further cases ported from the swap pallet's own tests (subtensor 14bc6f9f,
 * {@code pallets/swap/src/pallet/balancer.rs} tests module and {@code pallets/swap/src/pallet/tests.rs}); each
 * method names its source. Pallet-level swaps run with the test mock's rules: {@code MinimumReserve} 1 rao,
 * {@code FeeRate} 33, the 1000 × reserve input limit.
 */
class SwapPalletPortsTest {
    private static final SwapRules MOCK = new SwapRules(Era.Pool.WEIGHTED, false, 0L, 33, 2_000_000L, 1L, 1000L,
            false, false, true);
    private static final long QUARTER = parts(250_000_000_000L, 1_000_000_000_000L);
    private static final BigInteger MIN_PRICE = WeightedPoolRao.priceOfRaoPerAlpha(1_000L);
    private static final BigInteger MAX_PRICE = WeightedPoolRao.priceOfRaoPerAlpha(1_000_000_000_000_000L);

    @Test
    void limitBelowThePriceNeedsNoQuoteAsTestCalculateQuoteDeltaInImpossible() {
        assertEquals(0L, WeightedPoolRao.quoteDeltaIn(bits(0.1), bits(0.05), 1_000_000_000L, QUARTER));
        assertEquals(0.0, WeightedPool.taoToReachPrice(1e9, 0.25, 0.1, 0.05));
    }

    @Test
    void limitAboveThePriceNeedsNoBaseAsTestCalculateBaseDeltaInImpossible() {
        assertEquals(0L, WeightedPoolRao.baseDeltaIn(bits(0.1), bits(0.2), 1_000_000_000L, QUARTER));
        assertEquals(0.0, WeightedPool.alphaToReachPrice(1e9, 0.25, 0.1, 0.2));
    }

    @Test
    void limitSizedBuyShouldReachTheLimitAsTestCalculateDeltaInReverseSwap() {
        final long half = WeightedPoolRao.HALF_PARTS;
        final long tao = 1_000_000_000L;
        final long alpha = (long) (tao / 0.1);
        final long dy = WeightedPoolRao.quoteDeltaIn(bits(0.1), bits(0.2), tao, half);
        final double dx = alpha * (1.0 - Math.pow(tao / (double) (tao + dy), 1.0));
        final double after = toDouble(WeightedPoolRao.price(alpha - (long) dx, tao + dy, half));
        assertEquals(0.2, after, 0.2 / 1e9);
    }

    @Test
    void powRatioShouldMatchTestPerquintillPower() {
        // (21e15/28e15)^(0.6/0.4) at scale 1e18, an exact-path power
        final BigInteger result = PowRatio.floorScaledPow(BigInteger.valueOf(21_000_000_000_000_000L),
                BigInteger.valueOf(28_000_000_000_000_000L), BigInteger.valueOf(600_000_000_000_000_000L),
                BigInteger.valueOf(400_000_000_000_000_000L), 256, BigInteger.valueOf(1_000_000_000_000_000_000L));
        assertEquals(BigInteger.valueOf(649_519_052_838_328_985L), result);
    }

    @Test
    void roundedPerquintillProductsShouldMatchTestMulRoundCases() {
        final long half = parts(1, 2);
        final long third = parts(1, 3);
        final BigInteger big = BigInteger.TEN.pow(18);
        assertAll(
                () -> assertEquals(BigInteger.ZERO,
                        WeightedPoolRao.mulPerquintillRound(0L, BigInteger.valueOf(1_000_000))),
                () -> assertEquals(BigInteger.valueOf(1_000_000), WeightedPoolRao.mulPerquintillRound(
                        WeightedPoolRao.ONE_PARTS, BigInteger.valueOf(1_000_000))),
                // test_mul_round_half_behaviour
                () -> assertEquals(BigInteger.ONE, WeightedPoolRao.mulPerquintillRound(half, BigInteger.ONE)),
                () -> assertEquals(BigInteger.TWO, WeightedPoolRao.mulPerquintillRound(half, BigInteger.valueOf(3))),
                () -> assertEquals(BigInteger.valueOf(3),
                        WeightedPoolRao.mulPerquintillRound(half, BigInteger.valueOf(5))),
                () -> assertEquals(BigInteger.valueOf(512), WeightedPoolRao.mulPerquintillRound(half,
                        BigInteger.valueOf(1023))),
                () -> assertEquals(BigInteger.valueOf(513), WeightedPoolRao.mulPerquintillRound(half,
                        BigInteger.valueOf(1025))),
                // test_mul_round_third_behaviour
                () -> assertEquals(BigInteger.ONE, WeightedPoolRao.mulPerquintillRound(third, BigInteger.valueOf(4))),
                () -> assertEquals(BigInteger.TWO, WeightedPoolRao.mulPerquintillRound(third, BigInteger.valueOf(5))),
                () -> assertEquals(BigInteger.TWO, WeightedPoolRao.mulPerquintillRound(third, BigInteger.valueOf(6))),
                // test_mul_round_large_values_simple_rational
                () -> assertEquals(big.multiply(BigInteger.valueOf(7)).add(BigInteger.valueOf(5))
                        .divide(BigInteger.TEN), WeightedPoolRao.mulPerquintillRound(parts(7, 10), big)));
    }

    @Test
    void pricesShouldMatchTheTestPriceCases() {
        assertAll(
                // test_price_with_equal_weights_is_y_over_x
                () -> assertEquals(2.5, toDouble(WeightedPoolRao.price(2, 5, parts(1, 2))), 1e-12),
                // test_price_scales_with_weight_ratio_two_to_one
                () -> assertEquals(5.0, toDouble(WeightedPoolRao.price(4, 10, parts(1, 3))), 1e-10),
                // test_price_is_zero_when_y_is_zero
                () -> assertEquals(0.0, toDouble(WeightedPoolRao.price(10, 0, parts(3, 10)))),
                // test_price_matches_formula_for_general_quote
                () -> assertEquals(1.5 * 25.0 / 9.0, toDouble(WeightedPoolRao.price(9, 25, parts(2, 5))), 1e-9),
                // test_price_high_values_non_equal_weights
                () -> assertEquals(0.7 / 0.3 * (15.0 / 21.0), toDouble(WeightedPoolRao.price(21_000_000_000_000_000L,
                        15_000_000_000_000_000L, parts(3, 10))), 1e-9),
                () -> assertEquals(0.7 / 0.3 * (15.0 / 21.0), WeightedPool.price(15.0, 21.0, 0.3), 1e-15));
    }

    /** test_exp_base_quote_happy_path: quote weights (numerators over 1e12, the last over 1e18). */
    private static final long[][] HAPPY_WEIGHTS = {
        {500_000_000_000L, 1_000_000_000_000L}, {500_000_000_001L, 1_000_000_000_000L},
        {499_999_999_999L, 1_000_000_000_000L}, {500_000_000_100L, 1_000_000_000_000L},
        {500_000_001_000L, 1_000_000_000_000L}, {500_000_010_000L, 1_000_000_000_000L},
        {500_000_100_000L, 1_000_000_000_000L}, {500_001_000_000L, 1_000_000_000_000L},
        {500_010_000_000L, 1_000_000_000_000L}, {500_100_000_000L, 1_000_000_000_000L},
        {501_000_000_000L, 1_000_000_000_000L}, {510_000_000_000L, 1_000_000_000_000L},
        {100_000_000_000L, 1_000_000_000_000L}, {100_000_000_001L, 1_000_000_000_000L},
        {200_000_000_000L, 1_000_000_000_000L}, {300_000_000_000L, 1_000_000_000_000L},
        {400_000_000_000L, 1_000_000_000_000L}, {600_000_000_000L, 1_000_000_000_000L},
        {700_000_000_000L, 1_000_000_000_000L}, {800_000_000_000L, 1_000_000_000_000L},
        {899_999_999_999L, 1_000_000_000_000L}, {900_000_000_000L, 1_000_000_000_000L},
        {102_337_248_363_782_924L, 1_000_000_000_000_000_000L}};
    /** test_exp_base_quote_happy_path: (y, x, Δx). */
    private static final long[][] HAPPY_CASES = {
        {1_000, 1_000, 0}, {1_000, 1_000, 1}, {1_500, 1_000, 1},
        {1_000_000_000_000L, 100_000_000_000_000L, 100_000_000},
        {100_000_000_000L, 100_000_000_000_000L, 100_000_000}, {100_000_000_000L, 100_000_000_000_000L, 1_000_000},
        {100_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000L},
        {1_000_000_000, 100_000_000_000_000L, 1_000_000_000_000L},
        {1_000_000, 100_000_000_000_000L, 1_000_000_000_000L}, {1_000, 100_000_000_000_000L, 1_000_000_000_000L},
        {1_000, 100_000_000_000_000L, 1_000_000_000}, {1_000, 100_000_000_000_000L, 1_000_000},
        {1_000, 100_000_000_000_000L, 1_000}, {1_000, 100_000_000_000_000L, 100_000_000_000_000L},
        {10, 100_000_000_000_000L, 100_000_000_000_000L}, {1_000_000_000, 4_000_000_000L, 1_000_000_000_000L},
        {1_000_000_000_000L, 1_000, 1_000_000_000_000L},
        {5_628_038_062_729_553L, 400_775_553, 14_446_633_907_665_582L},
        {5_600_000_000_000_000L, 400_000_000, 14_000_000_000_000_000L}};

    @Test
    void payoutsShouldMatchTestExpBaseQuoteHappyPath() {
        final MathContext mc = MathContext.DECIMAL128;
        for (final long[] w : HAPPY_WEIGHTS) {
            final long weight = parts(w[0], w[1]);
            final double w2 = weight / 1e18;
            final double w1 = (WeightedPoolRao.ONE_PARTS - weight) / 1e18;
            for (final long[] c : HAPPY_CASES) {
                final long y = c[0];
                final long x = c[1];
                final long dx = c[2];
                final BigInteger e1 = WeightedPoolRao.expScaled(x, dx, weight, true);
                final BigInteger e2 = WeightedPoolRao.expScaled(x, dx, weight, false);
                final String where = "w2 " + w2 + ", y " + y + ", x " + x + ", dx " + dx;
                if (dx > x * 1000) {
                    assertTrue(e1.compareTo(ONE_FIXED) <= 0 && e2.compareTo(ONE_FIXED) <= 0, where);
                    continue;
                }
                final double dy1 = new BigDecimal(BigInteger.valueOf(y).multiply(ONE_FIXED.subtract(e1)))
                        .divide(new BigDecimal(ONE_FIXED), mc).doubleValue();
                final double dy2 = new BigDecimal(BigInteger.valueOf(y).multiply(ONE_FIXED.subtract(e2)))
                        .divide(new BigDecimal(ONE_FIXED), mc).doubleValue();
                final double ratio = x / ((double) x + (double) dx);
                final double dy1Expected = y * (1.0 - Math.pow(ratio, w1 / w2));
                final double dy2Expected = y * (1.0 - Math.pow(ratio, w2 / w1));
                assertEquals(dy1Expected, dy1, dy1Expected > 1e14 ? 1.0 : 0.001, "base_quote, " + where);
                assertEquals(dy2Expected, dy2, dy2Expected > 1e14 ? 1.0 : 0.001, "quote_base, " + where);
            }
        }
    }

    @Test
    void convertedDeltasShouldMatchTestConvertDeltas() {
        // u64::MAX deltas of the source stand as Long.MAX_VALUE here (this port's amount domain)
        final long[] reservesTao = {1_500, 1, 1_000_000};
        final long[] reservesAlpha = {1_000, 1_000_000, 1};
        final double[] weights = {0.5, 0.50000001, 0.49999999, 0.1, 0.9};
        final long[] deltas = {1, 10_000, 1_000_000, Long.MAX_VALUE};
        for (final double w : weights) {
            final long weight = parts((long) (w * 1e9), 1_000_000_000L);
            for (int r = 0; r < reservesTao.length; r++) {
                for (final long delta : deltas) {
                    final double y = reservesTao[r];
                    final double x = reservesAlpha[r];
                    final double d = delta;
                    final double expectedSell = y * (1.0 - Math.pow(x / (x + d), (1.0 - w) / w));
                    final double expectedBuy = x * (1.0 - Math.pow(y / (y + d), w / (1.0 - w)));
                    final String where = "w " + w + ", y " + y + ", x " + x + ", d " + delta;
                    assertEquals((double) (long) expectedSell,
                            WeightedPoolRao.taoOut(reservesTao[r], reservesAlpha[r], weight, delta), 2.0, where);
                    assertEquals((double) (long) expectedBuy,
                            WeightedPoolRao.alphaOut(reservesTao[r], reservesAlpha[r], weight, delta), 2.0, where);
                }
            }
        }
    }

    @Test
    void basicSwapsShouldMatchTestSwapBasic() {
        // y = 1e9, x = 4e9 rao, w2 = 0.5, fee 33/65535; output ±1 rao of the f64 formula
        final RaoPool pool = new RaoPool(1_000_000_000L, 4_000_000_000L, WeightedPoolRao.HALF_PARTS);
        final long[] buys = {1_000, 2_000, 123_456, 1_000_000_000, 10_000_000_000L};
        final long[] sells = {1_000, 2_000, 123_456};
        for (final long amount : buys) {
            final RaoQuoter.Fill fill = RaoQuoter.swap(pool, true, amount, bits(1000.0), false, MOCK);
            final long fee = (long) (amount * (33.0 / 65535.0));
            final double expected = 4e9 * (1.0 - 1e9 / (1e9 + (amount - fee)));
            assertEquals((double) (long) expected, fill.paidOut(), 1.0, "buy " + amount);
            assertEquals(amount - fee, fill.paidIn(), 1.0, "buy " + amount);
        }
        for (final long amount : sells) {
            final RaoQuoter.Fill fill = RaoQuoter.swap(pool, false, amount, bits(0.0001), false, MOCK);
            final long fee = (long) (amount * (33.0 / 65535.0));
            final double expected = 1e9 * (1.0 - 4e9 / (4e9 + (amount - fee)));
            assertEquals((double) (long) expected, fill.paidOut(), 1.0, "sell " + amount);
            assertEquals(amount - fee, fill.paidIn(), 1.0, "sell " + amount);
        }
    }

    @Test
    void tinyPoolsShouldStillPayAsTestSwapPrecisionEdgeCase() {
        final long[][] cases = {{1_000, 1_000, 999_500}, {1_000_000, 1_000_000, 999_500_000}};
        for (final long[] c : cases) {
            final RaoPool pool = new RaoPool(c[0], c[1], WeightedPoolRao.HALF_PARTS);
            assertTrue(RaoQuoter.swap(pool, false, c[2], MIN_PRICE, false, MOCK).paidOut() > 0);
        }
    }

    @Test
    void inputsOverAThousandReservesShouldFailAsTestSwapRejectsInputOver1000xInputReserve() {
        final RaoPool pool = new RaoPool(1_000, 1_000, WeightedPoolRao.HALF_PARTS);
        assertAll(
                () -> assertEquals("SwapInputTooLarge", assertThrows(IllegalStateException.class,
                        () -> RaoQuoter.swap(pool, false, 1_000_001, MIN_PRICE, true, MOCK)).getMessage()),
                () -> assertEquals("SwapInputTooLarge", assertThrows(IllegalStateException.class,
                        () -> RaoQuoter.swap(pool, true, 1_000_001, MAX_PRICE, true, MOCK)).getMessage()),
                // test_swap_allows_input_at_1000x_input_reserve
                () -> assertTrue(RaoQuoter.swap(pool, false, 1_000_000, MIN_PRICE, true, MOCK).paidOut() > 0),
                () -> assertTrue(RaoQuoter.swap(pool, true, 1_000_000, MAX_PRICE, true, MOCK).paidOut() > 0));
    }

    @Test
    void defaultWeightsShouldGiveTheReserveRatioAsTestSwapInitialization() {
        assertEquals(0.25, toDouble(WeightedPoolRao.price(4_000_000_000L, 1_000_000_000L,
                WeightedPoolRao.HALF_PARTS)), 1e-9);
    }

    @Test
    void injectionIntoAnEmptyAlphaReserveShouldKeepHalfAsTestAdjustProtocolLiquidityZeroAlpha() {
        final long[][] deltas = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1_000_000_000, 0}, {0, 1_000_000_000},
            {1_234_567, 2_432_765_890L}};
        for (final long[] d : deltas) {
            final long updated = WeightedPoolRao.quoteWeightAfterInjection(1_000_000_000_000L, 0L, d[0], d[1],
                    WeightedPoolRao.HALF_PARTS);
            final long kept = updated == WeightedPoolRao.REJECTED ? WeightedPoolRao.HALF_PARTS : updated;
            assertEquals(WeightedPoolRao.HALF_PARTS, kept, "Δy " + d[0] + ", Δx " + d[1]);
        }
    }
}
