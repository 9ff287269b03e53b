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
            // V3: the pallet's √p is a bisection to within ε (1e-12 for the pool's, 1e-10 for a limit's), which
            // moves a TAO amount L·Δ√p by about L·ε rao (L = √(x·y)) and an alpha amount L·Δ(1/√p) by L·ε/p, and
            // its liquidity ⌊√(x·y)⌋ is up to 1 below the curve's: a rao per unit of √p or 1/√p moved
            final boolean v3 = era.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE;
            final double epsilon = v3 ? (withLimit ? 1e-10 : 1e-12) : 0.0;
            final double liquidity = Math.sqrt((double) tao * alpha);
            final double lowest = Math.min(Math.min(priceTao, approx.priceAfter()), withLimit ? limitExact : priceTao);
            final double span = v3 ? sqrtSpan(priceTao, approx.priceAfter())
                    + (withLimit ? sqrtSpan(priceTao, limitExact) : 0.0) : 0.0;
            final double taoSlack = 4.0 * epsilon * liquidity + span;
            final double alphaSlack = 4.0 * epsilon * liquidity / lowest + span;
            // a rao of input (the floored fee) is worth up to 1/price alpha or price TAO of output
            final double rate = stake ? 1.0 / Math.min(priceTao, approx.priceAfter())
                    : Math.max(priceTao, approx.priceAfter());
            final double inSlack = stake ? taoSlack : alphaSlack;
            assertEquals(approx.amountOut() * 1e9, exact.amountOut(),
                    4.0 + 3.0 * rate + exact.amountOut() * 1e-12 + (stake ? alphaSlack : taoSlack), where);
            assertEquals(approx.fee() * 1e9, exact.fee(), 4.0 + 3.0 * rate + exact.fee() * 1e-12 + inSlack, where);
            if (withLimit) {
                final long max = exact.maxAmount().orElseThrow();
                assertEquals(approx.maxAmount() * 1e9, max, 4.0 + max * 1e-12 + inSlack, where);
            }
            // one rao of flooring moves the price by about 1/(w·reserve after) of itself
            final double taoAfter = stake ? tao + exact.amountIn() : tao - exact.amountOut();
            final double alphaAfter = stake ? alpha - exact.amountOut() : alpha + exact.amountIn();
            final double relative = 1e-9 + 4.0 / (Math.min(w, 1.0 - w) * Math.min(taoAfter, alphaAfter))
                    + 4.0 * epsilon / Math.sqrt(approx.priceAfter());
            final double priceAfter = WeightedPoolRao.taoPerAlpha(exact.priceAfterBits());
            assertEquals(approx.priceAfter(), priceAfter, approx.priceAfter() * relative, where);
        }
        assertTrue(filled > CASES / 4, "quotes filled: " + filled);
        assertTrue(verdicts.keySet().size() >= 4, "errors seen: " + verdicts);
    }

    /** How far √p and 1/√p move between two prices (TAO per alpha), summed. */
    private static double sqrtSpan(final double from, final double to) {
        return Math.abs(Math.sqrt(from) - Math.sqrt(to)) + Math.abs(1.0 / Math.sqrt(from) - 1.0 / Math.sqrt(to));
    }

    /**
     * Orders that fall within a rao of a threshold (a maximum equal to the amount, a limit within rounding of
     * the price) may take different sides in the two procedures; the differential skips those few.
     */
    private static boolean nearABoundary(final RaoQuote exact, final Quote approx, final boolean stake,
                                         final SwapRules rules, final PoolReserves pool, final double amount) {
        final boolean v3 = rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE;
        if (v3 && exact.maxAmount().isEmpty() && approx.error() == null
                && (approx.priceAfter() >= RaoQuoter.MAX_PRICE_RAO / 1e9 * (1.0 - 1e-9)
                || approx.priceAfter() <= Quoter.MIN_PRICE * (1.0 + 1e-9))) {
            // an order without a limit that the doubles stop at their default limit (1e15 or 1000 rao per
            // alpha), which the V3 pallet (u64::MAX, 0) does not have
            return true;
        }
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
        // V3 eras before 2025-12-26 (1c663f17d): a sell whose TAO floors to 0 is no swap-pallet error, so the
        // staking pallet's minimum (AmountTooLow) refuses it in rao, where the doubles keep the later ReservesTooLow
        if (!stake && rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE && !rules.alphaFeeResold()
                && exact.error() == SwapError.AMOUNT_TOO_LOW && approx.error() == SwapError.INSUFFICIENT_LIQUIDITY) {
            return true;
        }
        // the V3 pallet's default limits are 0 and u64::MAX rao per alpha (min/max_price_inner); the doubles keep
        // the later 1000 and 1e15, so pools priced beyond those differ on orders without a limit
        final double price = pool.price();
        if (rules.pool() == Era.Pool.CONSTANT_PRODUCT_RATE_FEE
                && (price <= Quoter.MIN_PRICE || price >= RaoQuoter.MAX_PRICE_RAO / 1e9)) {
            return true;
        }
        return exact.maxAmount().isPresent()
                && Math.abs(exact.maxAmount().getAsLong() - approx.maxAmount() * 1e9) < 8.0;
    }
}
