package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SubnetPricing#medianPrice} (mechanics §6, {@code staking/stake_utils.rs :: get_median_subnet_alpha_price};
 * spec §8 vector #24). Ported from subtensor {@code tests/networks.rs} at 14bc6f9f9:
 * {@code median_subnet_alpha_price_returns_one_when_no_eligible_subnet_prices},
 * {@code median_subnet_alpha_price_returns_middle_value_for_odd_unsorted_prices},
 * {@code median_subnet_alpha_price_averages_even_prices_and_ignores_root_zero_and_unadded},
 * {@code register_network_seeds_new_subnet_from_even_median_snapshot}. The root is not a slot in the engine,
 * so "root ignored" is the caller not passing it.
 */
class SubnetPricingTest {

    @Test
    void medianShouldBeOneWithoutEligiblePricesAsInMedianSubnetAlphaPriceReturnsOneWhenNoEligibleSubnetPrices() {
        assertEquals(1.0, SubnetPricing.medianPrice(new double[0], new boolean[0]), 0.0); // empty state
        // a zero-priced subnet (SubnetTAO 0, alpha 100) is ignored
        assertEquals(1.0, SubnetPricing.medianPrice(new double[] {0.0}, new boolean[] {true}), 0.0);
        // and so is an unadded subnet with price 9 (900 / 100)
        assertEquals(1.0, SubnetPricing.medianPrice(new double[] {0.0, 9.0}, new boolean[] {true, false}), 0.0);
    }

    @Test
    void medianShouldBeTheMiddleValueAsInMedianSubnetAlphaPriceReturnsMiddleValueForOddUnsortedPrices() {
        assertEquals(5.0, SubnetPricing.medianPrice(new double[] {7.0, 2.0, 5.0}, new boolean[] {true, true, true}),
                0.0);
    }

    @Test
    void medianShouldAverageTheMiddlePairAsInMedianSubnetAlphaPriceAveragesEvenPricesAndIgnoresRootZeroAndUnadded() {
        // n1 price 2, n2 unadded price 4, n3 price 8, n4 price 0 → eligible {2, 8}
        final double[] prices = {2.0, 4.0, 8.0, 0.0};
        final boolean[] added = {true, false, true, true};
        assertEquals(5.0, SubnetPricing.medianPrice(prices, added), 0.0);
    }

    @Test
    void medianShouldBeThreeAndAHalfAsInRegisterNetworkSeedsNewSubnetFromEvenMedianSnapshot() {
        assertEquals(3.5, SubnetPricing.medianPrice(new double[] {5.0, 2.0}, new boolean[] {true, true}), 0.0);
    }

    @Test
    void medianShouldCountRepeatedPricesOnceEach() {
        final boolean[] all = {true, true, true, true, true};
        assertEquals(3.0, SubnetPricing.medianPrice(new double[] {3.0, 1.0, 3.0, 9.0, 3.0}, all), 0.0);
        assertEquals(2.0, SubnetPricing.medianPrice(new double[] {1.0, 1.0, 3.0, 3.0}, new boolean[] {
            true, true, true, true}), 0.0);
        assertEquals(1.0, SubnetPricing.medianPrice(new double[] {1.0, 1.0, 1.0, 3.0}, new boolean[] {
            true, true, true, true}), 0.0);
    }

    @Test
    void medianShouldMatchASortedReferenceOnRandomPrices() {
        final SplittableRandom random = new SplittableRandom(24);
        for (int trial = 0; trial < 200; trial++) {
            final int n = 1 + random.nextInt(40);
            final double[] prices = new double[n];
            final boolean[] added = new boolean[n];
            final double[] kept = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                prices[i] = random.nextInt(4) == 0 ? 0.0 : Math.floor(random.nextDouble() * 8.0) / 4.0;
                added[i] = random.nextInt(5) != 0;
                if (added[i] && prices[i] > 0.0) {
                    kept[m++] = prices[i];
                }
            }
            Arrays.sort(kept, 0, m);
            final double expected = m == 0 ? 1.0 : (m % 2 == 1 ? kept[m / 2] : (kept[m / 2 - 1] + kept[m / 2]) / 2.0);
            assertEquals(expected, SubnetPricing.medianPrice(prices, added), 0.0, "trial " + trial);
        }
    }
}
