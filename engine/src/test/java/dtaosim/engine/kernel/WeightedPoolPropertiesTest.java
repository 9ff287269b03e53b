package dtaosim.engine.kernel;

import static dtaosim.engine.kernel.WeightedPoolVectorsTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the weighted pool (mechanics §5) on seeded random pools: the w2 = 0.5 case is the constant
 * product; a buy followed by selling what it bought never returns more than it cost; a limit-sized order
 * lands on the limit; the rao-exact pool stays within a few rao of the doubles.
 */
class WeightedPoolPropertiesTest {
    private static final int CASES = 400;

    /** Reserves log-uniform in [1e-3, 1e7] TAO, as rao. */
    private static long reserveRao(final SplittableRandom random) {
        return (long) Math.pow(10.0, random.nextDouble(6.0, 16.0));
    }

    /** Quote weights in [0.1, 0.9], the range of the swap pallet's own fuzz test; half of them with 2 digits. */
    private static double weight(final SplittableRandom random) {
        return random.nextBoolean() ? random.nextInt(10, 91) / 100.0 : random.nextDouble(0.1, 0.9);
    }

    private static long parts(final double weight) {
        return WeightedPoolRao.quoteWeightParts(new BigDecimal(weight));
    }

    @Test
    void halfWeightsShouldBeTheConstantProduct() {
        final SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < CASES; k++) {
            final long y = reserveRao(random);
            final long x = reserveRao(random);
            final long d = (long) (y * Math.pow(10.0, random.nextDouble(-9.0, 2.0))) + 1;
            final double buy = (double) x * d / ((double) y + d);
            final double sell = (double) y * d / ((double) x + d);
            final String where = "y " + y + ", x " + x + ", d " + d;
            assertEquals(buy, WeightedPool.alphaOut(y, x, 0.5, d), buy * 1e-12, where);
            assertEquals(sell, WeightedPool.taoOut(y, x, 0.5, d), sell * 1e-12, where);
            final long exact = BigInteger.valueOf(x).multiply(BigInteger.valueOf(d))
                    .divide(BigInteger.valueOf(y).add(BigInteger.valueOf(d))).longValueExact();
            final long rao = WeightedPoolRao.alphaOut(y, x, WeightedPoolRao.HALF_PARTS, d);
            assertTrue(rao == exact || rao == exact - 1, () -> where + ": " + rao + " vs floor " + exact);
            assertEquals(y / (double) x, WeightedPool.price(y, x, 0.5), 0.0, where);
        }
    }

    @Test
    void buyingThenSellingTheSameAlphaShouldNeverGain() {
        final SplittableRandom random = new SplittableRandom(12);
        for (int k = 0; k < CASES; k++) {
            final long y = reserveRao(random);
            final long x = reserveRao(random);
            final double w = weight(random);
            final long q = parts(w);
            final long tao = (long) (y * Math.pow(10.0, random.nextDouble(-8.0, 0.0))) + 1;
            final String where = "y " + y + ", x " + x + ", w2 " + w + ", tao " + tao;
            // doubles, fee-free: the round trip returns the input up to double rounding (x − alpha cancels
            // when a heavy quote weight sells out nearly all alpha), never more
            final double alpha = WeightedPool.alphaOut(y, x, w, tao);
            final double back = WeightedPool.taoOut(y + tao, x - alpha, w, alpha);
            assertTrue(back <= tao * (1.0 + 1e-9), () -> where + ": back " + back);
            // with the default fee on both legs
            final double fee = WeightedPool.fee(tao, 33);
            final double alphaNet = WeightedPool.alphaOut(y, x, w, tao - fee);
            final double backNet = WeightedPool.taoOut(y + tao - fee, x - alphaNet, w,
                    alphaNet - WeightedPool.fee(alphaNet, 33));
            assertTrue(backNet < tao, () -> where + ": back after fees " + backNet);
            // rao: floors always favour the pool
            final long alphaRao = WeightedPoolRao.alphaOut(y, x, q, tao);
            final long backRao = WeightedPoolRao.taoOut(y + tao, x - alphaRao, q, alphaRao);
            assertTrue(backRao <= tao, () -> where + ": back " + backRao + " rao");
        }
    }

    @Test
    void aLimitSizedOrderShouldMoveThePriceExactlyToTheLimit() {
        final SplittableRandom random = new SplittableRandom(13);
        for (int k = 0; k < CASES; k++) {
            final double y = reserveRao(random) / 1e9;
            final double x = reserveRao(random) / 1e9;
            final double w = weight(random);
            final double price = WeightedPool.price(y, x, w);
            final double up = price * random.nextDouble(1.0001, 5.0);
            final double down = price / random.nextDouble(1.0001, 5.0);
            final String where = "y " + y + ", x " + x + ", w2 " + w;
            final double taoIn = WeightedPool.taoToReachPrice(y, w, price, up);
            final double bought = WeightedPool.alphaOut(y, x, w, taoIn);
            assertEquals(up, WeightedPool.price(y + taoIn, x - bought, w), up * 1e-12, where);
            final double alphaIn = WeightedPool.alphaToReachPrice(x, w, price, down);
            final double sold = WeightedPool.taoOut(y, x, w, alphaIn);
            assertEquals(down, WeightedPool.price(y - sold, x + alphaIn, w), down * 1e-12, where);
            // the fee on top is exactly what a fee on the total would take
            final double onTop = WeightedPool.feeOnTop(taoIn, 33);
            assertEquals(onTop, WeightedPool.fee(taoIn + onTop, 33), onTop * 1e-12 + 1e-300, where);
        }
    }

    @Test
    void aLimitSizedOrderInRaoShouldLandOnTheLimitWithinTheFloors() {
        final SplittableRandom random = new SplittableRandom(14);
        for (int k = 0; k < CASES; k++) {
            final long y = reserveRao(random);
            final long x = reserveRao(random);
            final long q = parts(weight(random));
            final BigInteger current = WeightedPoolRao.price(x, y, q);
            final BigInteger limit = current.multiply(BigInteger.valueOf(random.nextLong(10_001, 50_000)))
                    .divide(BigInteger.valueOf(10_000));
            final long taoIn = WeightedPoolRao.quoteDeltaIn(current, limit, y, q);
            final long bought = WeightedPoolRao.alphaOut(y, x, q, taoIn);
            final double after = toDouble(WeightedPoolRao.price(x - bought, y + taoIn, q));
            final double target = toDouble(limit);
            // one rao of flooring moves the price by about 1/(w1·y') (TAO in) or 1/x' (alpha out) of itself
            final double w1 = 1.0 - q / 1e18;
            final double tolerance = target * (1e-12 + 2.0 / (x - bought) + 2.0 / (w1 * (y + taoIn)));
            assertEquals(target, after, tolerance, "y " + y + ", x " + x + ", q " + q);
        }
    }

    @Test
    void raoResultsShouldStayWithinTwoRaoOfTheDoubles() {
        final SplittableRandom random = new SplittableRandom(15);
        for (int k = 0; k < CASES; k++) {
            final long y = reserveRao(random);
            final long x = reserveRao(random);
            final double w = weight(random);
            final long q = parts(w);
            final double wExact = q / 1e18;
            final long d = (long) (Math.min(x, y) * Math.pow(10.0, random.nextDouble(-6.0, 1.0))) + 1;
            final double buy = WeightedPool.alphaOut(y, x, wExact, d);
            final double sell = WeightedPool.taoOut(y, x, wExact, d);
            final String where = "y " + y + ", x " + x + ", w2 " + wExact + ", d " + d;
            assertEquals(Math.floor(buy), WeightedPoolRao.alphaOut(y, x, q, d), 2.0 + buy * 1e-14, where);
            assertEquals(Math.floor(sell), WeightedPoolRao.taoOut(y, x, q, d), 2.0 + sell * 1e-14, where);
            assertEquals(WeightedPool.fee(d, 33), WeightedPoolRao.fee(d, 33), 1.0, where);
        }
    }
}
