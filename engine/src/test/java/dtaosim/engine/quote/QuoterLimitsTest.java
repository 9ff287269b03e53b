package dtaosim.engine.quote;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
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
        final RaoPool pool = new RaoPool(3_973_824L, 24_405_956L, HALF);
        final RaoQuote rao = RaoQuoter.unstake(SwapRules.of(Era.PRICE_BURN_2026_06), pool, 20_318_069_537L, 0L,
                true);
        final Quote tao = Quoter.unstake(SwapRules.of(Era.PRICE_BURN_2026_06),
                new PoolReserves(3_973_824e-9, 24_405_956e-9, 0.5), 20.318_069_537, Double.NaN, true);
        final double factor = Quoter.MAX_LIMIT_POWER * Quoter.MAX_LIMIT_POWER;
        final double priceBefore = 3_973_824.0 / 24_405_956.0;
        assertAll(
                () -> assertNull(rao.error()),
                () -> assertEquals(priceBefore / factor, WeightedPoolRao.taoPerAlpha(rao.priceAfterBits()),
                        priceBefore / factor * 1e-5), // a rao of the 2e5-rao TAO reserve left is 5e-6 of it
                () -> assertEquals(priceBefore / factor, tao.priceAfter(), priceBefore / factor * 1e-12),
                () -> assertEquals(24_405_956.0 * (Quoter.MAX_LIMIT_POWER - 1.0) * 65535.0 / (65535.0 - 33.0),
                        rao.amountIn(), 2.0));
    }

    @Test
    void aLimitNoRaoReachesShouldBeZeroMaxStakeAmountInTheV3Eras() {
        // y = 0.1 TAO at price 0.25: a limit one rao above needs y·((p'/p)^0.5 − 1) = 0.2 rao, floored to 0
        final RaoPool pool = new RaoPool(100_000_000L, 400_000_000L, HALF);
        final RaoQuote v3 = RaoQuoter.stake(SwapRules.of(Era.TAOFLOW_2025_11), pool, 10_000_000L, 250_000_001L,
                true);
        final RaoQuote weighted = RaoQuoter.stake(SwapRules.of(Era.PRICE_BURN_2026_06), pool, 10_000_000L,
                250_000_001L, true);
        assertAll(
                () -> assertEquals(SwapError.ZERO_MAX_STAKE_AMOUNT, v3.error()),
                // at HEAD a maximum of 0 is no error of its own: the zero fill is below the minimum stake
                () -> assertEquals(SwapError.AMOUNT_TOO_LOW, weighted.error()),
                () -> assertEquals(0L, weighted.maxAmount()));
    }

    @Test
    void aConstantProductLimitBelowThePriceShouldFillNothingRatherThanFail() {
        // add_stake.rs get_max_amount_add at f9254ea63: limit·x/1e9 − y saturates at 0; no PriceLimitExceeded
        final RaoPool pool = new RaoPool(1_000_000_000_000L, 4_000_000_000_000L, HALF);
        final RaoQuote partial = RaoQuoter.stake(SwapRules.of(Era.LAUNCH_2025_02), pool, 10_000_000_000L,
                200_000_000L, true);
        final RaoQuote fillOrKill = RaoQuoter.stake(SwapRules.of(Era.LAUNCH_2025_02), pool, 10_000_000_000L,
                200_000_000L, false);
        assertAll(
                () -> assertNull(partial.error()),
                () -> assertEquals(0L, partial.maxAmount()),
                () -> assertEquals(0L, partial.amountOut()),
                () -> assertEquals(SwapError.SLIPPAGE_TOO_HIGH, fillOrKill.error()));
    }

    @Test
    void theConstantProductEraMaximumShouldBeLinearInTheLimit() {
        // limit 0.3 TAO/alpha on y = 1000, x = 4000 TAO: 0.3·4000 − 1000 = 200 TAO (the price then passes 0.3)
        final RaoPool pool = new RaoPool(1_000_000_000_000L, 4_000_000_000_000L, HALF);
        final RaoQuote q = RaoQuoter.stake(SwapRules.of(Era.EMA_RAMP_2025_03), pool, 10_000_000_000L, 300_000_000L,
                true);
        assertEquals(200_000_000_000L, q.maxAmount());
    }
}
