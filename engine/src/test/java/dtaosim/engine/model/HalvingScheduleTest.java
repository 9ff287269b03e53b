package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the block emission of mechanics §1 ({@code block_emission.rs ::
 * get_block_emission_for_issuance}), from spec §8 ("Derived emission table") and from subtensor's
 * {@code pallets/subtensor/src/tests/block_emission.rs}. Amounts in the chain's rao are compared after flooring,
 * as the chain floors to rao.
 */
class HalvingScheduleTest {
    private static final double RAO = 1e9;

    private static long emissionRao(final double issuanceTao) {
        return (long) Math.floor(HalvingSchedule.emission(issuanceTao, ChainConstants.DEFAULT_BLOCK_EMISSION_TAO) * RAO);
    }

    @Test
    void emissionShouldMatchTheSpecsDerivedEmissionTable() {
        // spec §8 "Derived emission table": issuance in TAO → emission in rao
        assertEquals(1_000_000_000L, emissionRao(0.0));
        assertEquals(1_000_000_000L, emissionRao(10_499_900.0));
        assertEquals(500_000_000L, emissionRao(10_500_100.0));
        assertEquals(250_000_000L, emissionRao(15_760_000.0));
        assertEquals(125_000_000L, emissionRao(18_400_000.0));
        assertEquals(61_035L, emissionRao(20_999_000.0));
    }

    @Test
    void halvingsShouldFallWhereIssuanceCrossesTheSpecsThresholds() {
        // mechanics §1: halvings at 21M·(1 − 2^−k) = 10.5M, 15.75M, 18.375M, 19.6875M
        final double[] thresholds = {10_500_000.0, 15_750_000.0, 18_375_000.0, 19_687_500.0};
        for (int k = 1; k <= thresholds.length; k++) {
            final double threshold = thresholds[k - 1];
            assertEquals(threshold, HalvingSchedule.threshold(k), "threshold " + k);
            assertEquals(k, HalvingSchedule.halvings(threshold), "halvings at the threshold " + k);
            // the engine counts TAO in float64: near 18M TAO one rao is below the spacing of doubles (3.7e-9), so
            // "just below" is the largest double below the threshold
            assertEquals(k - 1, HalvingSchedule.halvings(Math.nextDown(threshold)), "just below threshold " + k);
            assertEquals(Math.scalb(1.0, -k), HalvingSchedule.emission(threshold, 1.0), "emission at threshold " + k);
        }
    }

    @Test
    void emissionShouldBeTheDefaultAtZeroIssuanceAsInTestZeroIssuance() {
        // block_emission.rs test_zero_issuance / test_underflow_handling
        assertEquals(1_000_000_000L, emissionRao(0.0));
        assertTrue(emissionRao(1.0 / RAO) > 0 && emissionRao(1.0 / RAO) <= 1_000_000_000L,
                "test_minimum_non_zero_issuance");
    }

    @Test
    void emissionShouldStopAtAndAboveTheTotalSupplyAsInTestMaximumIssuance() {
        // block_emission.rs test_maximum_issuance, test_division_by_zero_prevention, test_behavior_near_total_supply
        assertEquals(0L, emissionRao(21_000_000.0));
        assertEquals(0L, emissionRao(21_000_000.0 + 1.0 / RAO));
        final long nearLimit = emissionRao(21_000_000.0 - 1.0);
        assertTrue(nearLimit > 0 && nearLimit < 1_000_000_000L, "test_behavior_near_total_supply: " + nearLimit);
        assertEquals(-1, HalvingSchedule.halvings(21_000_000.0));
    }

    @Test
    void emissionShouldNeverRiseWithIssuanceAsInTestEmissionRateDecrease() {
        // block_emission.rs test_emission_rate_decrease: issuance 0, supply/10, …, supply
        long last = Long.MAX_VALUE;
        for (int i = 0; i <= 10; i++) {
            final long emission = emissionRao(i * 2_100_000.0);
            assertTrue(emission <= last, "emission at " + i + "/10 of supply");
            last = emission;
        }
        // block_emission.rs test_emission_at_key_milestones: strictly lower at 25 %, 50 %, 75 % of supply
        assertTrue(emissionRao(5_250_000.0) > emissionRao(10_500_000.0));
        assertTrue(emissionRao(10_500_000.0) > emissionRao(15_750_000.0));
    }

    @Test
    void cachedIntervalsShouldHoldExactlyOneHalvingCount() {
        // HalvingSchedule's contract: inside [lowerBound(k), upperBound(k)) the formula gives k halvings, so the
        // kernel's cached emission is exact there
        final SplittableRandom rng = new SplittableRandom(8);
        for (int k = 0; k <= 30; k++) {
            final double low = Math.max(HalvingSchedule.lowerBound(k), 0.0);
            final double high = HalvingSchedule.upperBound(k);
            assertTrue(low < high, "interval " + k);
            assertEquals(k, HalvingSchedule.halvings(low), "at the low end of interval " + k);
            assertEquals(k, HalvingSchedule.halvings(Math.nextDown(high)), "at the high end of interval " + k);
            for (int draw = 0; draw < 1000; draw++) {
                final double issuance = rng.nextDouble(low, high);
                assertEquals(k, HalvingSchedule.halvings(issuance), "inside interval " + k + " at " + issuance);
            }
        }
    }
}
