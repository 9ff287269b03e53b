package dtaosim.engine.quote;

import static dtaosim.engine.kernel.WeightedPoolRao.MAX_RAO;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The V3 swap pallet's own tests at subtensor bac82463393b51d9383bbc53cb538b41803df727
 * ({@code pallets/swap/src/pallet/tests.rs}) that need only the protocol's position. The swap mock's reserves
 * are 1e12 TAO : 4e12 alpha rao (price 0.25; netuid 123: 10,000 : 10,000), {@code MinimumReserves} 1, fee rate
 * 33/65535.
 */
class V3SwapPalletPortsTest {
    private static final long TAO = 1_000_000_000_000L;
    private static final long ALPHA = 4_000_000_000_000L;
    private static final SwapRules MOCK = SwapRules.of(Era.TAOFLOW_2025_11).withMinimumReserve(1L);

    @Test
    void testSwapInitialization() {
        // √p within 1e-9 of 0.5; position and current liquidity ⌊√(x·y)⌋ = 2e12
        final V3Pool pool = V3Pool.fromReserves(TAO, ALPHA);
        assertAll(
                () -> assertEquals(0.5, WeightedPoolRao.taoPerAlpha(pool.sqrtPrice()), 1e-9),
                () -> assertEquals(2_000_000_000_000L, pool.positionLiquidity()),
                () -> assertEquals(2_000_000_000_000L, pool.liquidity()));
    }

    static Stream<Arguments> swapBasic() {
        // (order, amount, limit price, output, price grows)
        return Stream.of(Arguments.of(true, 1_000L, 1000.0, 3_990L), Arguments.of(false, 1_000L, 0.0001, 250L),
                Arguments.of(true, 500_000_000L, 1000.0, 2_000_000_000L));
    }

    @ParameterizedTest(name = "buy {0}, {1} rao, limit {2}: {3}")
    @MethodSource("swapBasic")
    void testSwapBasic(final boolean buy, final long amount, final double limit, final long output) {
        // output within 1 %, paid in within 10 % of the amount, fee within 1 of ⌊amount·33/65535⌋ (f64), the
        // price moving with the order; the test's limit is SqrtPrice::from_num(√limit)
        final V3Pool pool = V3Pool.fromReserves(TAO, ALPHA);
        final RaoPool reserves = new RaoPool(TAO, ALPHA, WeightedPoolRao.HALF_PARTS);
        final V3Pool.Swap swap = V3RaoQuoter.swapToSqrtLimit(MOCK, reserves, pool, buy, amount,
                U64F64.ofDouble(Math.sqrt(limit)), false);
        final long expectedFee = (long) (amount * (33.0 / 65535.0));
        assertAll(
                () -> assertEquals(output, swap.paidOut(), output / 100),
                () -> assertEquals(amount, swap.paidIn(), amount / 10),
                () -> assertTrue(Math.abs(swap.fee() - expectedFee) <= 1, "fee " + swap.fee()),
                () -> assertEquals(buy, swap.after().price().compareTo(pool.price()) >= 0));
    }

    static Stream<Arguments> convertDeltas() {
        final BigInteger oneAndAHalf = U64F64.ONE.multiply(BigInteger.valueOf(3)).shiftRight(1);
        final BigInteger min = V3Ticks.MIN_SQRT_PRICE;
        final BigInteger max = V3Ticks.MAX_SQRT_PRICE;
        // (√p, delta in, expected buy, expected sell)
        return Stream.of(
                Arguments.of(oneAndAHalf, 1L, 0L, 2L),
                Arguments.of(oneAndAHalf, 10_000L, 4_444L, 22_500L),
                Arguments.of(oneAndAHalf, 1_000_000L, 444_444L, 2_250_000L),
                Arguments.of(oneAndAHalf, MAX_RAO, 2_000_000_000_000L, 3_000_000_000_000L),
                Arguments.of(min, 1L, Long.parseUnsignedLong("18406523739291577836"), 465L),
                Arguments.of(min, 10_000L, MAX_RAO, 465L),
                Arguments.of(min, 1_000_000L, MAX_RAO, 465L),
                Arguments.of(min, MAX_RAO, MAX_RAO, 464L),
                Arguments.of(max, 1L, 0L, Long.parseUnsignedLong("18406523745214495085")),
                Arguments.of(max, 10_000L, 0L, MAX_RAO),
                Arguments.of(max, 1_000_000L, 0L, MAX_RAO),
                Arguments.of(max, MAX_RAO, 2_000_000_000_000L, MAX_RAO));
    }

    @ParameterizedTest(name = "√p {0} bits, Δ {1}")
    @MethodSource("convertDeltas")
    void testConvertDeltas(final BigInteger sqrtPrice, final long deltaIn, final long buy, final long sell) {
        // liquidity 2e12 (the mock's pool), each within 2 rao
        final V3Pool pool = new V3Pool(sqrtPrice, 2_000_000_000_000L, 2_000_000_000_000L);
        assertAll(
                () -> assertWithin2(sell, pool.convertDeltas(false, deltaIn)),
                () -> assertWithin2(buy, pool.convertDeltas(true, deltaIn)));
    }

    private static void assertWithin2(final long expected, final long actual) {
        final BigInteger difference = WeightedPoolRao.unsigned(expected).subtract(WeightedPoolRao.unsigned(actual));
        assertTrue(difference.abs().compareTo(BigInteger.TWO) <= 0,
                () -> "expected " + Long.toUnsignedString(expected) + ", got " + Long.toUnsignedString(actual));
    }

    @Test
    void testSwapPrecisionEdgeCase() {
        // netuid 123 (10,000 : 10,000 rao): selling 1e18 alpha down to the lowest tick's √p still pays TAO
        final RaoPool reserves = new RaoPool(10_000L, 10_000L, WeightedPoolRao.HALF_PARTS);
        final V3Pool.Swap swap = V3RaoQuoter.swapToSqrtLimit(MOCK, reserves, V3Pool.fromReserves(10_000L, 10_000L),
                false, 1_000_000_000_000_000_000L, V3Ticks.MIN_SQRT_PRICE, false);
        assertTrue(swap.paidOut() > 0, "paid out " + swap.paidOut());
    }
}
