package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden values of mechanics §8 (vectors #1–8, #11, #12), each ported from the subtensor unit test named in
 * the method (swap pallet, {@code pallets/swap/src/pallet/balancer.rs} and {@code tests.rs} at 14bc6f9f), for
 * the rao-exact {@link WeightedPoolRao} and, within the spec's tolerance, the doubles of {@link WeightedPool}.
 */
class WeightedPoolVectorsTest {
    static final BigInteger ONE_FIXED = BigInteger.ONE.shiftLeft(64);

    /** U64F64 bits of a double, as {@code U64F64::from_num(f64)}: rounded to nearest, ties to even. */
    static BigInteger bits(final double value) {
        return new BigDecimal(value).multiply(new BigDecimal(ONE_FIXED)).setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    static double toDouble(final BigInteger fixedBits) {
        return WeightedPoolRao.taoPerAlpha(fixedBits);
    }

    static long parts(final long numerator, final long denominator) {
        return WeightedPoolRao.partsOfRational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** Vectors #1–5: quote weight num/den, reserve, delta, base_quote, expected. */
    static Stream<Arguments> expScaledVectors() {
        return Stream.of(
                Arguments.of(5L, 10L, 100_000L, 100L, true, 0.999000999000999),
                Arguments.of(1L, 4L, 500_000L, 5_000L, true, 0.970590147927644),
                Arguments.of(3L, 4L, 200_000L, 2_000L, false, 0.970590147927644),
                Arguments.of(9L, 10L, 13_513_642L, 1_673L, false, 0.998886481979889),
                Arguments.of(773L, 1000L, 7_000_000_000L, 10_000L, true, 0.999999580484586));
    }

    @ParameterizedTest(name = "w2 = {0}/{1}, r = {2}, Δ = {3}, base_quote = {4}")
    @MethodSource("expScaledVectors")
    void expScaledShouldMatchTestExpScaled(final long num, final long den, final long reserve, final long delta,
                                           final boolean baseQuote, final double expected) {
        final long weight = parts(num, den);
        final double w2 = (double) num / den;
        // the double twin: e = 1 − out/reserve with a unit opposite reserve
        final double eDouble = baseQuote ? 1.0 - WeightedPool.taoOut(1.0, reserve, w2, delta)
                : 1.0 - WeightedPool.alphaOut(reserve, 1.0, w2, delta);
        assertAll(
                () -> assertEquals(expected, toDouble(WeightedPoolRao.expScaled(reserve, delta, weight, baseQuote)),
                        1e-9, "rao (test_exp_scaled)"),
                () -> assertEquals(expected, eDouble, 1e-9, "double"));
    }

    @Test
    void quoteDeltaInShouldMatchTestCalculateQuoteDeltaIn() {
        // vector #6: w2 = 0.25, price 0.1 → 0.2, y = 1e9 rao: y·((p'/p)^0.75 − 1) floored
        final long weight = parts(250_000_000_000L, 1_000_000_000_000L);
        assertEquals(681_792_830L, WeightedPoolRao.quoteDeltaIn(bits(0.1), bits(0.2), 1_000_000_000L, weight));
        assertEquals(681_792_830.0, Math.floor(WeightedPool.taoToReachPrice(1e9, 0.25, 0.1, 0.2)), 1.0);
    }

    @Test
    void baseDeltaInShouldMatchTestCalculateBaseDeltaIn() {
        // vector #7: w2 = 0.25, price 0.2 → 0.1, x = 1e9 rao: x·((p/p')^0.25 − 1) floored
        final long weight = parts(250_000_000_000L, 1_000_000_000_000L);
        assertEquals(189_207_115L, WeightedPoolRao.baseDeltaIn(bits(0.2), bits(0.1), 1_000_000_000L, weight));
        assertEquals(189_207_115.0, Math.floor(WeightedPool.alphaToReachPrice(1e9, 0.25, 0.2, 0.1)), 1.0);
    }

    @Test
    void baseNeededForQuoteShouldMatchTestBaseNeededForQuote() {
        // vector #8: w2 = 0.25, x = y = 1e9, Δy = 1,123,432 rao: x·((y/(y−Δy))^(1/3) − 1)
        final long weight = parts(250_000_000_000L, 1_000_000_000_000L);
        assertEquals(374_758L, WeightedPoolRao.baseNeededForQuote(1_000_000_000L, 1_000_000_000L, weight,
                1_123_432L));
        assertEquals(374_758.0, Math.floor(WeightedPool.alphaNeededForTao(1e9, 1e9, 0.25, 1_123_432.0)), 1.0);
    }

    @Test
    void initialWeightsForAPriceShouldMatchTestSwapInitializationWithPrice() {
        // vector #11: y = 1e9, x = 4e9 rao, initial price 0.2 (U64F64 1/5): w2 = 1e9/(0.8e9 + 1e9), price 0.2
        final BigInteger fifth = ONE_FIXED.divide(BigInteger.valueOf(5));
        final long weight = WeightedPoolRao.initialQuoteWeight(1_000_000_000L, 4_000_000_000L, fifth);
        final double weightDouble = WeightedPool.initialQuoteWeight(1.0, 4.0, 0.2);
        assertAll(
                () -> assertEquals(1e9 / 1.8e9, weight / 1e18, 1e-9, "w2 (rao)"),
                () -> assertEquals(0.2, toDouble(WeightedPoolRao.price(4_000_000_000L, 1_000_000_000L, weight)), 1e-9,
                        "price (rao)"),
                () -> assertEquals(1.0 / 1.8, weightDouble, 1e-15, "w2 (double)"),
                () -> assertEquals(0.2, WeightedPool.price(1.0, 4.0, weightDouble), 1e-15, "price (double)"));
    }

    /** The (Δy, Δx) cases of test_adjust_protocol_liquidity_happy, on y = 1e12, x = 4e12 rao, w2 = 0.5. */
    static Stream<Arguments> injections() {
        final long[][] cases = {
            {0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 10}, {10, 0}, {10, 10}, {0, 100}, {100, 0}, {100, 100},
            {0, 1_000}, {1_000, 0}, {1_000, 1_000}, {1_000_000, 0}, {0, 1_000_000}, {1_000_000, 1_000_000},
            {1_000_000_000, 0}, {0, 1_000_000_000}, {1_000_000_000, 1_000_000_000}, {1_000_000_000_000L, 0},
            {0, 1_000_000_000_000L}, {1_000_000_000_000L, 1_000_000_000_000L}, {1, 2}, {2, 1}, {10, 20}, {20, 10},
            {100, 200}, {200, 100}, {1_000, 2_000}, {2_000, 1_000}, {1_000_000, 2_000_000}, {2_000_000, 1_000_000},
            {1_000_000_000, 2_000_000_000}, {2_000_000_000, 1_000_000_000},
            {1_000_000_000_000L, 2_000_000_000_000L}, {2_000_000_000_000L, 1_000_000_000_000L},
            {1_234_567, 2_432_765}, {1_234_567, 2_432_765_890L}};
        final List<Arguments> all = new ArrayList<>();
        for (final long[] c : cases) {
            all.add(Arguments.of(c[0], c[1]));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "Δy = {0}, Δx = {1}")
    @MethodSource("injections")
    void injectionShouldKeepThePriceAsTestAdjustProtocolLiquidityHappy(final long taoIn, final long alphaIn) {
        final long tao = 1_000_000_000_000L;
        final long alpha = 4_000_000_000_000L;
        final long weight = WeightedPoolRao.HALF_PARTS;
        final double priceBefore = toDouble(WeightedPoolRao.price(alpha, tao, weight));
        final long updated = WeightedPoolRao.quoteWeightAfterInjection(tao, alpha, taoIn, alphaIn, weight);
        final double priceAfter = toDouble(WeightedPoolRao.price(alpha + alphaIn, tao + taoIn, updated));
        final double newTao = tao + taoIn;
        final double expectedWeight = newTao / ((alpha + alphaIn) * priceBefore + newTao);
        final double doubleWeight = WeightedPool.quoteWeightAfterInjection(1e12, 4e12, taoIn, alphaIn, 0.5);
        assertAll(
                () -> assertEquals(priceBefore, priceAfter, priceBefore / 1e12, "price (rao)"),
                () -> assertEquals(expectedWeight - 0.5, updated / 1e18 - 0.5, expectedWeight / 1e12, "w2 (rao)"),
                () -> assertEquals(expectedWeight, doubleWeight, 1e-15, "w2 (double)"),
                () -> assertEquals(0.25, WeightedPool.price(newTao, 4e12 + alphaIn, doubleWeight), 1e-15,
                        "price (double)"));
    }

    @Test
    void theSpecsDerivedInjectionWeightShouldHold() {
        // vector #12 (derived): Δy = 1,234,567, Δx = 2,432,765,890: w2 = y'/(0.25·x' + y') = 0.4998483070
        final long updated = WeightedPoolRao.quoteWeightAfterInjection(1_000_000_000_000L, 4_000_000_000_000L,
                1_234_567L, 2_432_765_890L, WeightedPoolRao.HALF_PARTS);
        assertEquals(0.4998483070, updated / 1e18, 1e-10);
        assertTrue(Math.abs(updated / 1e18 - 0.4998483070) < 0.4998483070 / 1e9);
    }
}
