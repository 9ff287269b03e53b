package dtaosim.engine.quote;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Limit-order behaviour of the chain that the plain formulas of mechanics §5 do not show, read from its code:
 * the saturated 1e18-scale power of {@code calculate_*_delta_in}, the V3 eras' {@code ZeroMaxStakeAmount},
 * and the constant-product era's limit without a price-limit error.
 */
class QuoterLimitsTest {
    private static final long HALF = WeightedPoolRao.HALF_PARTS;

    @Test
    void aSwapBoundByTheDefaultLimitShouldStopAtTheSaturatedPowersFactor() {
        // unstake 830 × the alpha reserve: the default limit of 1000 rao/alpha binds; (p/p')^0.5 saturates at
        // u64::MAX/1e18 ≈ 18.45, so the price falls only by that factor squared (balancer.rs
        // calculate_base_delta_in), and the rest of the order is refunded
        final SwapRules rules = SwapRules.of(Era.PRICE_BURN_2026_06);
        final RaoPool pool = new RaoPool(3_973_824L, 24_405_956L, HALF);
        final RaoQuoter.Fill rao = RaoQuoter.swap(pool, false, 20_318_069_537L,
                WeightedPoolRao.priceOfRaoPerAlpha(RaoQuoter.MIN_PRICE_RAO), false, rules);
        final PoolReserves reserves = new PoolReserves(3_973_824e-9, 24_405_956e-9, 0.5);
        final Quoter.Fill tao = Quoter.sell(reserves, 20.318_069_537, Quoter.MIN_PRICE, rules);
        final double factor = Quoter.MAX_LIMIT_POWER * Quoter.MAX_LIMIT_POWER;
        final double priceBefore = 3_973_824.0 / 24_405_956.0;
        final double raoPriceAfter = (3_973_824.0 - rao.paidOut()) / (24_405_956.0 + rao.paidIn());
        final double taoPriceAfter = (reserves.taoReserve() - tao.paidOut()) / (reserves.alphaReserve() + tao.paidIn());
        assertAll(
                // a rao of the 2e5-rao TAO reserve left is 5e-6 of it
                () -> assertEquals(priceBefore / factor, raoPriceAfter, priceBefore / factor * 1e-5),
                () -> assertEquals(priceBefore / factor, taoPriceAfter, priceBefore / factor * 1e-12),
                () -> assertEquals(24_405_956.0 * (Quoter.MAX_LIMIT_POWER - 1.0) * 65535.0 / (65535.0 - 33.0),
                        rao.paidIn() + rao.fee(), 2.0));
        // the unstake call then sells the alpha fee for the block author into a TAO reserve of 2e5 rao, below
        // SwapMinimumReserve (1e6): unstake_from_subnet fails with the re-sale's ReservesTooLow
        assertEquals(SwapError.RESERVES_TOO_LOW,
                RaoQuoter.unstake(rules, pool, 20_318_069_537L, OptionalLong.empty(), true).error());
        assertEquals(SwapError.RESERVES_TOO_LOW,
                Quoter.unstake(rules, reserves, 20.318_069_537, Double.NaN, true).error());
    }

    @Test
    void aLimitNoRaoReachesShouldBeZeroMaxStakeAmountInTheV3Eras() {
        // y = 0.1 TAO at price 0.25: a limit one rao above needs y·((p'/p)^0.5 − 1) = 0.2 rao, floored to 0
        final RaoPool pool = new RaoPool(100_000_000L, 400_000_000L, HALF);
        final RaoQuote v3 = RaoQuoter.stake(SwapRules.of(Era.TAOFLOW_2025_11), pool, 10_000_000L,
                OptionalLong.of(250_000_001L), true);
        final RaoQuote weighted = RaoQuoter.stake(SwapRules.of(Era.PRICE_BURN_2026_06), pool, 10_000_000L,
                OptionalLong.of(250_000_001L), true);
        assertAll(
                () -> assertEquals(SwapError.ZERO_MAX_STAKE_AMOUNT, v3.error()),
                // at HEAD a maximum of 0 is no error of its own: the zero fill is below the minimum stake
                () -> assertEquals(SwapError.AMOUNT_TOO_LOW, weighted.error()),
                () -> assertEquals(OptionalLong.of(0L), weighted.maxAmount()));
    }

    @Test
    void aConstantProductLimitBelowThePriceShouldFillNothingRatherThanFail() {
        // add_stake.rs get_max_amount_add at f9254ea63: limit·x/1e9 − y saturates at 0; no PriceLimitExceeded
        final RaoPool pool = new RaoPool(1_000_000_000_000L, 4_000_000_000_000L, HALF);
        final RaoQuote partial = RaoQuoter.stake(SwapRules.of(Era.LAUNCH_2025_02), pool, 10_000_000_000L,
                OptionalLong.of(200_000_000L), true);
        final RaoQuote fillOrKill = RaoQuoter.stake(SwapRules.of(Era.LAUNCH_2025_02), pool, 10_000_000_000L,
                OptionalLong.of(200_000_000L), false);
        assertAll(
                () -> assertNull(partial.error()),
                () -> assertEquals(OptionalLong.of(0L), partial.maxAmount()),
                () -> assertEquals(0L, partial.amountOut()),
                () -> assertEquals(SwapError.SLIPPAGE_TOO_HIGH, fillOrKill.error()));
    }

    @Test
    void theConstantProductEraMaximumShouldBeLinearInTheLimit() {
        // limit 0.3 TAO/alpha on y = 1000, x = 4000 TAO: 0.3·4000 − 1000 = 200 TAO (the price then passes 0.3)
        final RaoPool pool = new RaoPool(1_000_000_000_000L, 4_000_000_000_000L, HALF);
        final RaoQuote q = RaoQuoter.stake(SwapRules.of(Era.EMA_RAMP_2025_03), pool, 10_000_000_000L,
                OptionalLong.of(300_000_000L), true);
        assertEquals(OptionalLong.of(200_000_000_000L), q.maxAmount());
    }

    @Test
    void anUnstakesPriceAfterShouldIncludeTheAlphaFeeResoldForTheAuthor() {
        // test_remove_stake_full_limit_ok's pool (y = x = 100 TAO), 10 alpha unstaked at fee 33/65535: the swap
        // takes fee f = ⌈…⌉ alpha, pays out for the rest, then unstake_from_subnet sells f fee-free for the
        // author (stake_utils.rs), so the pool ends at (y − out − f·y'/(x' + f)) / (x' + f), x' = x + 10 − f
        final RaoPool pool = new RaoPool(100_000_000_000L, 100_000_000_000L, HALF);
        for (final Era era : new Era[] {Era.NETFLOW_2026_05, Era.PRICE_BURN_2026_06, Era.TAOFLOW_2025_11}) {
            final RaoQuote quote = RaoQuoter.unstake(SwapRules.of(era), pool, 10_000_000_000L, OptionalLong.empty(),
                    false);
            assertNull(quote.error(), era.id());
            final double fee = quote.fee();
            final double taoAfterSwap = 100e9 - quote.amountOut();
            final double alphaAfterSwap = 100e9 + (10e9 - fee);
            final boolean resold = era != Era.TAOFLOW_2025_11; // fees go to the author from 2026-03-11
            final double authorTao = resold ? taoAfterSwap * fee / (alphaAfterSwap + fee) : 0.0;
            final double expected = (taoAfterSwap - authorTao) / (alphaAfterSwap + (resold ? fee : 0.0)) * 1e9;
            assertEquals(expected, quote.priceAfterRao().doubleValue(), 2.0, era.id() + ": price after, rao per alpha");
            final Quote doubles = Quoter.unstake(SwapRules.of(era), new PoolReserves(100.0, 100.0, 0.5), 10.0,
                    Double.NaN, false);
            assertEquals(expected / 1e9, doubles.priceAfter(), 1e-8, era.id() + ": price after in TAO");
        }
    }
}
