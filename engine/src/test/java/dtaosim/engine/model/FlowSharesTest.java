package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link FlowShares} (mechanics §2b, {@code coinbase/subnet_emissions.rs}; spec §8 vector #21). Ported subtensor
 * tests, {@code tests/subnet_emissions.rs}:
 * <ul>
 *   <li>at 14bc6f9f9: {@code inplace_pow_normalize_all_zero_inputs_no_panic_and_unchanged},
 *       {@code inplace_pow_normalize_tiny_values_no_panic},
 *       {@code inplace_pow_normalize_large_values_no_overflow_and_sum_to_one},
 *       {@code inplace_pow_normalize_regular_case_relative_proportions_preserved},
 *       {@code inplace_pow_normalize_fractional_exponent};</li>
 *   <li>at 6218ecc5c (2025-11-04, when {@code get_shares} was {@code get_shares_flow}; commented out since the
 *       return to price shares): {@code get_shares_normal_flows_three_subnets},
 *       {@code get_shares_low_flows_sum_one_and_ordering}, {@code get_shares_high_flows_sum_one_and_ordering},
 *       {@code get_shares_negative_vs_positive_flow}, {@code get_shares_both_negative_flows_zero_emission},
 *       {@code get_shares_both_below_cutoff_zero_emission}, {@code get_shares_one_below_cutoff_other_full_emission},
 *       {@code get_shares_both_negative_above_cutoff};</li>
 *   <li>at 486037ba4 (2026-05-27): {@code protocol_normalization_keeps_eligible_subnet_count_from_collapsing}.</li>
 * </ul>
 * The chain's flows are rao; shares do not depend on the unit as long as the cutoff uses the same one.
 */
class FlowSharesTest {

    private static double[] shares(final double cutoff, final double exponent, final double... flows) {
        final double[] out = new double[flows.length];
        FlowShares.shares(flows, cutoff, exponent, out);
        return out;
    }

    private static double[] powNormalize(final double p, final double... z) {
        final double[] out = new double[z.length];
        FlowShares.powNormalize(z, p, out);
        return out;
    }

    private static double sum(final double[] values) {
        double total = 0.0;
        for (final double v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void allZeroOffsetsShouldGiveAllZeroSharesAsInInplacePowNormalizeAllZeroInputsNoPanicAndUnchanged() {
        final double[] s = powNormalize(1.0, 0.0, 0.0, 0.0);
        for (final double share : s) {
            assertEquals(0.0, share, 1e-18);
        }
    }

    @Test
    void tinyOffsetsShouldNormaliseAsInInplacePowNormalizeTinyValuesNoPanic() {
        final double[] s = powNormalize(2.0, 1e-9, 2e-9, 3e-9);
        final double[] expected = {1.0 / 14.0, 4.0 / 14.0, 9.0 / 14.0};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], s[i], expected[i] / 100.0);
        }
    }

    @Test
    void largeOffsetsShouldSumToOneAsInInplacePowNormalizeLargeValuesNoOverflowAndSumToOne() {
        final double[] s = powNormalize(2.0, 1e9, 5e9, 1e10);
        assertEquals(1.0, sum(s), 1e-9);
        for (final double share : s) {
            assertTrue(Double.isFinite(share) && share >= 0.0 && share <= 1.0, "share " + share);
        }
    }

    @Test
    void linearExponentShouldKeepProportionsAsInInplacePowNormalizeRegularCaseRelativeProportionsPreserved() {
        // spec §8 #21, p = 1
        final double[] s = powNormalize(1.0, 2.0, 3.0, 5.0);
        assertEquals(0.2, s[0], 0.001);
        assertEquals(0.3, s[1], 0.001);
        assertEquals(0.5, s[2], 0.001);
        assertEquals(1.0, sum(s), 1e-12);
    }

    @Test
    void squareExponentShouldGiveSpecVector21() {
        // spec §8 #21, p = 2 → {4, 9, 25} / 38
        final double[] s = powNormalize(2.0, 2.0, 3.0, 5.0);
        assertEquals(4.0 / 38.0, s[0], 1e-15);
        assertEquals(9.0 / 38.0, s[1], 1e-15);
        assertEquals(25.0 / 38.0, s[2], 1e-15);
        assertEquals(1.0, sum(s), 1e-12);
    }

    @Test
    void fractionalExponentsShouldMatchPowersAsInInplacePowNormalizeFractionalExponent() {
        for (int tenths = 10; tenths <= 20; tenths++) {
            final double p = tenths / 10.0;
            final double[] s = powNormalize(p, 2.0, 3.0, 5.0);
            final double total = Math.pow(2.0, p) + Math.pow(3.0, p) + Math.pow(5.0, p);
            assertEquals(Math.pow(2.0, p) / total, s[0], s[0] / 100.0, "p " + p);
            assertEquals(Math.pow(3.0, p) / total, s[1], s[1] / 100.0, "p " + p);
            assertEquals(Math.pow(5.0, p) / total, s[2], s[2] / 100.0, "p " + p);
            assertEquals(1.0, sum(s), 1e-12, "p " + p);
        }
    }

    @Test
    void zeroExponentShouldShareEquallyAmongPositiveOffsetsOnly() {
        // the chain's ln(0) fails to 0, so 0^0 contributes nothing
        final double[] s = powNormalize(0.0, 0.0, 3.0, 7.0, 0.0);
        assertEquals(0.0, s[0], 0.0);
        assertEquals(0.5, s[1], 1e-15);
        assertEquals(0.5, s[2], 1e-15);
        assertEquals(0.0, s[3], 0.0);
    }

    @Test
    void powNormalizeShouldWorkInPlace() {
        final double[] z = {2.0, 3.0, 5.0};
        FlowShares.powNormalize(z, 1.0, z);
        assertEquals(0.5, z[2], 1e-15);
    }

    @Test
    void sharesShouldSumToOneAndFollowTheFlowsAsInGetSharesNormalFlowsThreeSubnets() {
        final double[] s = shares(0.0, 1.0, 1_000.0, 3_000.0, 6_000.0);
        assertEquals(1.0, sum(s), 1e-9);
        assertTrue(s[2] > s[1] && s[1] > s[0]);
        assertEquals(0.1, s[0], 1e-15);
    }

    @Test
    void tinyFlowsShouldStillBeOrderedAsInGetSharesLowFlowsSumOneAndOrdering() {
        final double[] s = shares(0.0, 1.0, 1e-9, 2e-9);
        assertEquals(1.0, sum(s), 1e-8);
        assertTrue(s[1] > s[0]);
    }

    @Test
    void largeFlowsShouldNotOverflowAsInGetSharesHighFlowsSumOneAndOrdering() {
        final double[] s = shares(0.0, 1.0, 9.0e11, 1.8e12);
        assertEquals(1.0, sum(s), 1e-9);
        assertTrue(s[1] > s[0]);
    }

    @Test
    void aNegativeFlowShouldGetNothingAsInGetSharesNegativeVsPositiveFlow() {
        final double[] s = shares(0.0, 1.0, -100.0, 500.0);
        assertEquals(1.0, s[0] + s[1], 1e-9);
        assertTrue(s[1] > 0.999_999 && s[0] < 1e-6);
    }

    @Test
    void allNegativeFlowsShouldGiveNoEmissionAsInGetSharesBothNegativeFlowsZeroEmission() {
        final double[] s = shares(0.0, 1.0, -100.0, -200.0);
        assertTrue(s[0] < 1e-20 && s[1] < 1e-20);
    }

    @Test
    void flowsAtOrBelowACutoffShouldGiveNoEmissionAsInGetSharesBothBelowCutoffZeroEmission() {
        final double[] s = shares(2_000.0, 1.0, 1_000.0, 2_000.0);
        assertTrue(s[0] < 1e-20 && s[1] < 1e-20);
    }

    @Test
    void theOnlyFlowAboveTheCutoffShouldTakeEverythingAsInGetSharesOneBelowCutoffOtherFullEmission() {
        for (final double flow2 : new double[] {2_000.000_01, 2_000.001, 5_000.0}) {
            final double[] s = shares(2_000.0, 1.0, 1_000.0, flow2);
            assertEquals(1.0, s[0] + s[1], 1e-9);
            assertTrue(s[1] > 0.999_999 && s[0] < 1e-6, "flow2 " + flow2);
        }
    }

    @Test
    void negativeFlowsAboveANegativeCutoffShouldShareFromTheLowestAsInGetSharesBothNegativeAboveCutoff() {
        // L = max(−1000, −400) = −400 → z = {300, 100, 0}
        assertEquals(-400.0, FlowShares.lowerLimit(new double[] {-100.0, -300.0, -400.0}, -1_000.0), 0.0);
        final double[] s = shares(-1_000.0, 1.0, -100.0, -300.0, -400.0);
        assertEquals(0.75, s[0], s[0] / 100.0);
        assertEquals(0.25, s[1], s[1] / 100.0);
        assertEquals(0.0, s[2], 1e-9);
        assertEquals(1.0, sum(s), 1e-9);
    }

    @Test
    void lowerLimitShouldBeTheCutoffWhenNoFlowIsBelowIt() {
        assertEquals(0.0, FlowShares.lowerLimit(new double[] {5.0, -3.0}, 0.0), 0.0);
        assertEquals(-3.0, FlowShares.lowerLimit(new double[] {5.0, -3.0}, -10.0), 0.0);
        assertEquals(0.0, FlowShares.lowerLimit(new double[] {5.0, 7.0}, -10.0), 0.0);
        assertEquals(0.0, FlowShares.lowerLimit(new double[0], -10.0), 0.0); // no subnets: max(cutoff, 0)
    }

    @Test
    void normalisedProtocolFlowShouldKeepHalfTheSubnetsAsInProtocolNormalizationKeepsEligibleSubnetCountFromCollapsing() {
        // 70 subnets, user flow 100 each, protocol flow 40 + 4i; smoothing factor 1 ⇒ EMA = the block's flow
        final int n = 70;
        final double[] user = new double[n];
        final double[] protocol = new double[n];
        int unnormalisedEligible = 0;
        for (int i = 0; i < n; i++) {
            user[i] = 100.0;
            protocol[i] = 40.0 + 4.0 * i;
            if (user[i] > protocol[i]) {
                unnormalisedEligible++;
            }
        }
        final double[] net = new double[n];
        final double norm = FlowShares.netFlow(user, protocol, net);
        assertEquals(7_000.0 / 12_460.0, norm, 1e-15);
        final double[] s = new double[n];
        FlowShares.shares(net, 0.0, 1.0, s);
        int eligible = 0;
        for (final double share : s) {
            if (share > 0.0) {
                eligible++;
            }
        }
        final int floor = n / 2; // the test's dynamic eligibility floor: positive user EMAs / 2
        assertEquals(15, unnormalisedEligible);
        assertEquals(35, eligible); // 100 > norm·(40 + 4i) ⇔ i ≤ 34
        assertTrue(unnormalisedEligible < floor && eligible >= floor && eligible > unnormalisedEligible);
        assertEquals(1.0, sum(s), 1e-12);
    }

    @Test
    void netFlowShouldCapTheFactorAtOneAndKeepANegativeProtocolFlowInFull() {
        // Σ max(S,0) = 300 > Σ max(P,0) = 50 → norm 1
        final double[] net = new double[3];
        assertEquals(1.0, FlowShares.netFlow(new double[] {100.0, 200.0, -10.0}, new double[] {50.0, -30.0, 0.0},
                net), 0.0);
        assertEquals(50.0, net[0], 0.0);
        assertEquals(230.0, net[1], 0.0); // S − P with P < 0: the root-claim drain is a benefit
        assertEquals(-10.0, net[2], 0.0);
    }

    @Test
    void netFlowShouldUseAZeroFactorWithoutPositiveProtocolFlow() {
        final double[] user = {100.0, -20.0};
        final double[] net = new double[2];
        assertEquals(0.0, FlowShares.netFlow(user, new double[] {0.0, -5.0}, net), 0.0);
        assertEquals(100.0, net[0], 0.0);
        assertEquals(-15.0, net[1], 0.0);
        // in place
        assertEquals(0.0, FlowShares.netFlow(user, new double[] {0.0, -5.0}, user), 0.0);
        assertEquals(-15.0, user[1], 0.0);
    }
}
