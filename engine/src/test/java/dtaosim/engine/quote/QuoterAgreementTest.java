package dtaosim.engine.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the two quote procedures (mechanics §5): on seeded random pools, orders and limits in
 * every era, {@link Quoter} (doubles) and {@link RaoQuoter} (rao, the chain's flooring) reach the same verdict,
 * and their amounts agree to a few rao.
 */
class QuoterAgreementTest {
    private static final int CASES = 3000;

    @Test
    void doublesAndRaoShouldAgreeOnEveryEra() {
        final SplittableRandom random = new SplittableRandom(21);
        final Map<SwapError, Integer> verdicts = new EnumMap<>(SwapError.class);
        int filled = 0;
        for (int k = 0; k < CASES; k++) {
            final Era era = Era.values()[random.nextInt(Era.values().length)];
            final SwapRules rules = random.nextInt(4) == 0 ? SwapRules.of(era).withFeeRate(random.nextInt(0, 10_001))
                    : SwapRules.of(era);
            final long tao = (long) Math.pow(10.0, random.nextDouble(5.0, 16.0));
            final long alpha = (long) Math.pow(10.0, random.nextDouble(5.0, 16.0));
            final double w = era.pool() == Era.Pool.WEIGHTED && random.nextBoolean()
                    ? random.nextInt(10, 91) / 100.0 : 0.5;
            final long parts = WeightedPoolRao.quoteWeightParts(new BigDecimal(w));
            final RaoPool raoPool = new RaoPool(tao, alpha, parts);
            final PoolReserves pool = new PoolReserves(tao / 1e9, alpha / 1e9, parts / 1e18);
            final boolean stake = random.nextBoolean();
            final long reserveIn = stake ? tao : alpha;
            // at least 1e5 rao: smaller orders can floor to no output in rao (ReservesTooLow), never in doubles
            final long amount = Math.max(100_000L, (long) (reserveIn * Math.pow(10.0, random.nextDouble(-9.0, 3.5))));
            final boolean withLimit = random.nextBoolean();
            final double priceTao = pool.price();
            final double limitTao = withLimit ? priceTao * random.nextDouble(0.5, 1.5) : Double.NaN;
            final OptionalLong limitRao = withLimit ? OptionalLong.of(Math.max(1L, (long) (limitTao * 1e9)))
                    : OptionalLong.empty();
            final double limitExact = withLimit ? limitRao.getAsLong() / 1e9 : Double.NaN;
            final boolean partial = random.nextBoolean();
            final RaoQuote exact = stake ? RaoQuoter.stake(rules, raoPool, amount, limitRao, partial)
                    : RaoQuoter.unstake(rules, raoPool, amount, limitRao, partial);
            final Quote approx = stake ? Quoter.stake(rules, pool, amount / 1e9, limitExact, partial)
                    : Quoter.unstake(rules, pool, amount / 1e9, limitExact, partial);
            final String where = era.id() + ", rules " + rules + ", y " + tao + ", x " + alpha + ", "
                    + (stake ? "stake " : "unstake ") + amount + ", limit " + limitRao + ", partial " + partial;
            if (nearABoundary(exact, approx, stake, rules, pool, amount / 1e9)) {
                continue;
            }
            assertEquals(exact.error(), approx.error(), where);
            if (exact.error() != null) {
                verdicts.merge(exact.error(), 1, Integer::sum);
                continue;
            }
            filled++;
            // a rao of input (the floored fee) is worth up to 1/price alpha or price TAO of output
            final double rate = stake ? 1.0 / Math.min(priceTao, approx.priceAfter())
                    : Math.max(priceTao, approx.priceAfter());
            assertEquals(approx.amountOut() * 1e9, exact.amountOut(), 4.0 + 3.0 * rate + exact.amountOut() * 1e-12,
                    where);
            assertEquals(approx.fee() * 1e9, exact.fee(), 4.0 + 3.0 * rate + exact.fee() * 1e-12, where);
            if (withLimit) {
                final long max = exact.maxAmount().orElseThrow();
                assertEquals(approx.maxAmount() * 1e9, max, 4.0 + max * 1e-12, where);
            }
            // one rao of flooring moves the price by about 1/(w·reserve after) of itself
            final double taoAfter = stake ? tao + exact.amountIn() : tao - exact.amountOut();
            final double alphaAfter = stake ? alpha - exact.amountOut() : alpha + exact.amountIn();
            final double relative = 1e-9 + 4.0 / (Math.min(w, 1.0 - w) * Math.min(taoAfter, alphaAfter));
            final double priceAfter = WeightedPoolRao.taoPerAlpha(exact.priceAfterBits());
            assertEquals(approx.priceAfter(), priceAfter, approx.priceAfter() * relative, where);
        }
        assertTrue(filled > CASES / 4, "quotes filled: " + filled);
        assertTrue(verdicts.keySet().size() >= 4, "errors seen: " + verdicts);
    }

    /**
     * Orders that fall within a rao of a threshold (a maximum equal to the amount, a limit within rounding of
     * the price) may take different sides in the two procedures; the differential skips those few.
     */
    private static boolean nearABoundary(final RaoQuote exact, final Quote approx, final boolean stake,
                                         final SwapRules rules, final PoolReserves pool, final double amount) {
        if (exact.error() == approx.error()) {
            return false;
        }
        // an unstake that takes the price to the default minimum leaves the author's fee-free re-sale of its alpha
        // fee at that limit, where a rao of flooring decides between success, PriceLimitExceeded and
        // ReservesTooLow (no output)
        final Set<SwapError> atTheLimit = EnumSet.of(SwapError.PRICE_LIMIT_EXCEEDED, SwapError.RESERVES_TOO_LOW);
        if (!stake && rules.alphaFeeResold() && (exact.error() == null || atTheLimit.contains(exact.error()))
                && (approx.error() == null || atTheLimit.contains(approx.error()))) {
            try {
                final Quoter.Fill main = Quoter.sell(pool, amount, Quoter.MIN_PRICE, rules);
                if (main.paidIn() + main.fee() < amount * (1.0 - 1e-9)) {
                    return true;
                }
            } catch (final SwapRejected e) {
                return false;
            }
        }
        return exact.maxAmount().isPresent()
                && Math.abs(exact.maxAmount().getAsLong() - approx.maxAmount() * 1e9) < 8.0;
    }
}
