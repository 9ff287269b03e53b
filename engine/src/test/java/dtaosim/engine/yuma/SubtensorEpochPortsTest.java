package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Cases ported from subtensor's own epoch tests ({@code pallets/subtensor/src/tests/epoch.rs} at 14bc6f9f), each
 * named after its source. The chain has one uid space; here validators are rows and miners columns, so a
 * neuron's self-weight (which the chain masks) is an empty row. The chain computes in I32F32 and stores u16; the
 * harness stores bonds as u16 between epochs like the chain, and u16 outputs may differ by one unit.
 */
class SubtensorEpochPortsTest {
    private static final double MAX = 65_535.0;
    private static final double EPS = 1e-3; // the source's epsilon for the Yuma3 cases

    /** setup_yuma_3_scenario: 3 validators, bonds penalty 0, BondsMovingAverage 975,000, liquid alpha (0.1, 0.3). */
    private static EpochHarness yuma3(final int miners, final double... stakes) {
        final YumaParams params = YumaParams.defaults(3, miners)
                .withKappa(32_767.0 / MAX)
                .withBonds(0.975, 0.0)
                .withLiquidAlpha(true, 0.1, 0.3)
                .withMaxAllowedValidators(3);
        // the first epoch, without weights, sets the validator permits
        return new EpochHarness(params, stakes).run();
    }

    private static void check(final EpochHarness h, final double[][] targetBonds, final double[] targetDividends,
                              final String what) {
        for (int i = 0; i < 3; i++) {
            assertEquals(targetDividends[i], h.dividend(i), EPS, what + " dividend " + i);
            for (int j = 0; j < targetBonds[i].length; j++) {
                assertEquals(targetBonds[i][j], h.bond(i, j), EPS, what + " bond " + i + "," + j);
            }
        }
    }

    private static void runYuma3Case(final EpochHarness h, final double[][][] bonds, final double[][] dividends,
                                     final double[][][] weightsByEpoch) {
        for (int epoch = 0; epoch < bonds.length; epoch++) {
            final double[][] set = epoch < weightsByEpoch.length ? weightsByEpoch[epoch] : null;
            if (set != null) {
                for (int i = 0; i < 3; i++) {
                    h.setWeights(i, set[i]);
                }
            }
            h.run();
            check(h, bonds[epoch], dividends[epoch], "epoch " + epoch);
        }
    }

    private static double[][] rows(final double[]... rows) {
        return rows;
    }

    private static final double[] S1 = {MAX, 0};
    private static final double[] S2 = {0, MAX};

    @Test
    void yuma3KappaMovesFirstShouldMatchTestYuma3KappaMovesFirst() {
        runYuma3Case(yuma3(2, 8, 1, 1),
                new double[][][] {
                    {{0.1013, 0}, {0.1013, 0}, {0.1013, 0}},
                    {{0.0908, 0.1013}, {0.3697, 0}, {0.3697, 0}},
                    {{0.0815, 0.1924}, {0.3170, 0.1013}, {0.5580, 0}},
                    {{0.0731, 0.2742}, {0.2765, 0.1924}, {0.4306, 0.1013}},
                    {{0.0656, 0.3478}, {0.2435, 0.2742}, {0.3589, 0.1924}},
                    {{0.0588, 0.4139}, {0.2157, 0.3478}, {0.3089, 0.2742}}},
                new double[][] {{0.8, 0.1, 0.1}, {1.0, 0, 0}, {0.9382, 0.0618, 0}, {0.8819, 0.0773, 0.0407},
                    {0.8564, 0.0844, 0.0592}, {0.8418, 0.0884, 0.0697}},
                new double[][][] {rows(S1, S1, S1), rows(S2, S1, S1), rows(S2, S2, S1), rows(S2, S2, S2)});
    }

    @Test
    void yuma3KappaMovesSecondShouldMatchTestYuma3KappaMovesSecond() {
        runYuma3Case(yuma3(2, 8, 1, 1),
                new double[][][] {
                    {{0.1013, 0}, {0.1013, 0}, {0.1013, 0}},
                    {{0.1924, 0}, {0.0908, 0.2987}, {0.1924, 0}},
                    {{0.1715, 0.1013}, {0.0815, 0.3697}, {0.4336, 0}},
                    {{0.1531, 0.1924}, {0.0731, 0.4336}, {0.3608, 0.1013}},
                    {{0.1369, 0.2742}, {0.0656, 0.4910}, {0.3103, 0.1924}},
                    {{0.1225, 0.3478}, {0.0588, 0.5426}, {0.2712, 0.2742}}},
                new double[][] {{0.8, 0.1, 0.1}, {0.8446, 0.0498, 0.1056}, {0.6868, 0.3132, 0},
                    {0.7421, 0.2090, 0.0489}, {0.7625, 0.1706, 0.0669}, {0.7730, 0.1508, 0.0762}},
                new double[][][] {rows(S1, S1, S1), rows(S1, S2, S1), rows(S2, S2, S1), rows(S2, S2, S2)});
    }

    @Test
    void yuma3KappaMovesLastShouldMatchTestYuma3KappaMovesLast() {
        runYuma3Case(yuma3(2, 8, 1, 1),
                new double[][][] {
                    {{0.1013, 0}, {0.1013, 0}, {0.1013, 0}},
                    {{0.1924, 0}, {0.0908, 0.2987}, {0.1924, 0}},
                    {{0.2742, 0}, {0.0815, 0.5081}, {0.1715, 0.2987}},
                    {{0.2416, 0.1013}, {0.0731, 0.5580}, {0.1531, 0.3697}},
                    {{0.2141, 0.1924}, {0.0656, 0.6028}, {0.1369, 0.4336}},
                    {{0.1903, 0.2742}, {0.0588, 0.6430}, {0.1225, 0.4910}}},
                new double[][] {{0.8, 0.1, 0.1}, {0.8446, 0.0498, 0.1056}, {0.8966, 0.0333, 0.0701},
                    {0.4663, 0.3210, 0.2127}, {0.5976, 0.2340, 0.1683}, {0.6592, 0.1932, 0.1475}},
                new double[][][] {rows(S1, S1, S1), rows(S1, S2, S1), rows(S1, S2, S2), rows(S2, S2, S2)});
    }

    @Test
    void yuma3OneEpochSwitchShouldMatchTestYuma3OneEpochSwitch() {
        final double[][] all1 = rows(S1, S1, S1);
        runYuma3Case(yuma3(2, 33, 33, 34),
                new double[][][] {
                    {{0.1013, 0}, {0.1013, 0}, {0.1013, 0}},
                    {{0.1924, 0}, {0.1924, 0}, {0.1924, 0}},
                    {{0.2742, 0}, {0.2742, 0}, {0.1715, 0.2987}},
                    {{0.3478, 0}, {0.3478, 0}, {0.2554, 0.2618}},
                    {{0.4139, 0}, {0.4139, 0}, {0.3309, 0.2312}},
                    {{0.4733, 0}, {0.4733, 0}, {0.3987, 0.2051}}},
                new double[][] {{0.33, 0.33, 0.34}, {0.33, 0.33, 0.34}, {0.3782, 0.3782, 0.2436},
                    {0.3628, 0.3628, 0.2745}, {0.3541, 0.3541, 0.2917}, {0.3487, 0.3487, 0.3026}},
                new double[][][] {all1, all1, rows(S1, S1, S2), all1, all1, all1});
    }

    /**
     * test_yuma_3_liquid_alpha_disabled: the source lists bonds for three columns of which it checks none (its
     * zip skips them); its dividends are checked, and so are the bonds of the two miners, read as
     * {@code [_, miner 1, miner 2]}.
     */
    @Test
    void yuma3WithoutLiquidAlphaShouldMatchTestYuma3LiquidAlphaDisabled() {
        final YumaParams params = YumaParams.defaults(3, 2).withKappa(32_767.0 / MAX).withBonds(0.975, 0.0)
                .withMaxAllowedValidators(3);
        final EpochHarness h = new EpochHarness(params, 33, 33, 34).run();
        final double[][] all1 = rows(S1, S1, S1);
        runYuma3Case(h,
                new double[][][] {
                    {{0.0250, 0}, {0.0250, 0}, {0.0250, 0}},
                    {{0.0494, 0}, {0.0494, 0}, {0.0494, 0}},
                    {{0.0731, 0}, {0.0731, 0}, {0.0481, 0.0250}},
                    {{0.0963, 0}, {0.0963, 0}, {0.0719, 0.0244}},
                    {{0.1189, 0}, {0.1189, 0}, {0.0951, 0.0238}},
                    {{0.1409, 0}, {0.1409, 0}, {0.1178, 0.0232}}},
                new double[][] {{0.33, 0.33, 0.34}, {0.33, 0.33, 0.34}, {0.3734, 0.3734, 0.2532},
                    {0.3611, 0.3611, 0.2779}, {0.3541, 0.3541, 0.2919}, {0.3495, 0.3495, 0.3009}},
                new double[][][] {all1, all1, rows(S1, S1, S2), all1, all1, all1});
    }

    @Test
    void yuma3StableMinerShouldMatchTestYuma3StableMiner() {
        final double h = Math.floor(MAX / 2);
        final double[] ac = {h, 0, h};
        final double[] bc = {0, h, h};
        runYuma3Case(yuma3(3, 8, 1, 1),
                new double[][][] {
                    {{0.0507, 0, 0.0507}, {0.0507, 0, 0.0507}, {0.0507, 0, 0.0507}},
                    {{0.0962, 0, 0.0962}, {0.0455, 0.1000, 0.0962}, {0.0962, 0, 0.0962}},
                    {{0.0863, 0.0507, 0.1371}, {0.0408, 0.1405, 0.1371}, {0.1770, 0, 0.1371}},
                    {{0.0774, 0.0962, 0.1739}, {0.0367, 0.1770, 0.1739}, {0.1579, 0.0507, 0.1739}},
                    {{0.0694, 0.1371, 0.2069}, {0.0329, 0.2097, 0.2069}, {0.1411, 0.0962, 0.2069}},
                    {{0.0623, 0.1739, 0.2366}, {0.0296, 0.2391, 0.2366}, {0.1263, 0.1371, 0.2366}}},
                new double[][] {{0.8, 0.1, 0.1}, {0.8226, 0.0745, 0.1028}, {0.7750, 0.1685, 0.0565},
                    {0.7864, 0.1372, 0.0764}, {0.7912, 0.1241, 0.0847}, {0.7937, 0.1173, 0.0890}},
                new double[][][] {rows(ac, ac, ac), rows(ac, bc, ac), rows(bc, bc, ac), rows(bc, bc, bc)});
    }

    /**
     * test_bonds (classic Yuma, Yuma3 off as in the test runtime): 4 validators with stake 1…4 bond to 4 servers;
     * validators 1–3 in turn set only a self-weight (an empty row here), then validator 3 weights server 4 alone.
     * Bonds as the chain stores them (column max-upscaled u16), ±1.
     */
    @Test
    void classicBondsShouldMatchTestBonds() {
        final YumaParams params = YumaParams.defaults(4, 4).withBondsMode(BondsMode.CLASSIC)
                .withMaxAllowedValidators(8);
        final EpochHarness h = new EpochHarness(params, 1, 2, 3, 4).run();
        final double q = Math.floor(MAX / 4);
        h.setAllWeights(q, Math.floor(MAX / 2), q * 3, MAX).run();
        assertBonds(h, 0, 16_383, 32_767, 49_151, 65_535);
        h.setWeights(0, 0, 0, 0, 0).run();
        assertBonds(h, 0, 14_582, 32_767, 49_151, 65_535);
        h.setWeights(1, 0, 0, 0, 0).run();
        assertBonds(h, 0, 12_603, 28_321, 49_151, 65_535);
        h.setWeights(2, 0, 0, 0, 0).run();
        assertBonds(h, 3, 12_602, 28_320, 49_150, 65_535);
        h.setWeights(2, 0, 0, 0, MAX).run();
        assertBonds(h, 3, 10_951, 24_609, 49_150, 65_535);
        h.run();
        assertBonds(h, 3, 9_559, 21_482, 49_150, 65_535);
        h.run();
        assertBonds(h, 3, 8_376, 18_824, 49_150, 65_535);
    }

    private static void assertBonds(final EpochHarness h, final int miner, final int... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], h.bondU16(i, miner), 1.0, "bond of validator " + i + " on miner " + miner);
        }
    }

    /**
     * test_active_stake (classic): two validators and two servers, stake 1 each (servers are stake rows without
     * weights, and the miner columns). After the activity cutoff only validator 0 renews its weights, then both.
     * Dividends (u16) and emissions (whole rao of 1e9) ±1 unit.
     */
    @Test
    void activeStakeShouldMatchTestActiveStake() {
        final YumaParams params = YumaParams.defaults(4, 2).withBondsMode(BondsMode.CLASSIC)
                .withMaxAllowedValidators(4);
        final EpochHarness h = new EpochHarness(params, 1, 1, 1, 1).run();
        final double half = Math.floor(MAX / 2);
        h.setWeights(0, half, half).setWeights(1, half, half).run();
        assertEquals(32_767, h.dividendU16(0), 1.0);
        assertEquals(32_767, h.dividendU16(1), 1.0);
        assertEquals(250_000_000, h.emissionRao(0, -1, 1e9), 1.0);
        assertEquals(250_000_000, h.emissionRao(2, 0, 1e9), 1.0);
        assertEquals(65_535, h.bondU16(0, 1), 1.0);

        // block 5002: only validator 0 updated within the cutoff; servers never set weights
        h.active[1] = false;
        h.active[2] = false;
        h.active[3] = false;
        h.run();
        assertEquals(36_044, h.dividendU16(0), 1.0);
        assertEquals(274_999_999, h.emissionRao(0, -1, 1e9), 1.0);
        assertEquals(29_490, h.dividendU16(1), 1.0);
        assertEquals(224_999_999, h.emissionRao(1, -1, 1e9), 1.0);
        assertEquals(65_535, h.bondU16(0, 0), 1.0);
        assertEquals(53_619, h.bondU16(1, 0), 1.0);

        // block 5003: validator 1 renews its weights as well
        h.active[1] = true;
        h.run();
        assertEquals(35_716, h.dividendU16(0), 1.0);
        assertEquals(272_501_132, h.emissionRao(0, -1, 1e9), 1.0);
        assertEquals(29_818, h.dividendU16(1), 1.0);
        assertEquals(227_498_866, h.emissionRao(1, -1, 1e9), 1.0);
        assertEquals(65_535, h.bondU16(0, 1), 1.0);
        assertEquals(54_712, h.bondU16(1, 1), 1.0);
    }

    /** test_10_graph: ten neurons of stake 1 with self-weights only: nothing earned, emission by stake. */
    @Test
    void selfWeightsOnlyShouldPayByStakeAsTestTenGraph() {
        final double[] stakes = new double[10];
        java.util.Arrays.fill(stakes, 1.0);
        final EpochHarness h = new EpochHarness(YumaParams.defaults(10, 10), stakes).run();
        for (int i = 0; i < 10; i++) {
            assertEquals(0.0, h.epoch.incentive()[i]);
            assertEquals(0.0, h.epoch.consensus()[i]);
            assertEquals(0, h.dividendU16(i));
            assertEquals(99_999_999, h.emissionRao(i, i, 1e9), 1.0);
        }
    }

    /** test_1_graph: one neuron with a self-weight: rank, consensus, incentive and dividends all 0. */
    @Test
    void singleNeuronShouldEarnNothingAsTestOneGraph() {
        final EpochHarness h = new EpochHarness(YumaParams.defaults(1, 1), 1e9).run();
        assertEquals(0.0, h.epoch.incentive()[0]);
        assertEquals(0.0, h.epoch.consensus()[0]);
        assertEquals(0.0, h.epoch.dividends()[0]);
        assertEquals(0.0, h.epoch.incentiveSum());
    }

    /**
     * test_validator_permits: permits go to stakes at or above StakeThreshold, at most max_allowed_validators of
     * them; once the servers' stake rises above the validators', the permits move to the servers. Network sizes
     * (2, 1), (4, 2), (8, 4), both stake assignments, validators first, last and interleaved.
     */
    @Test
    void permitsShouldFollowStakeAsTestValidatorPermits() {
        final int[][] sizes = {{2, 1}, {4, 2}, {8, 4}};
        for (int interleave = 0; interleave < 3; interleave++) {
            for (final int[] size : sizes) {
                final int n = size[0];
                final int validatorsN = size[1];
                for (int assignment = 0; assignment <= 1; assignment++) {
                    final boolean[] isValidator = new boolean[n];
                    for (int k = 0; k < validatorsN; k++) {
                        final int uid = switch (interleave) {
                            case 0 -> k;
                            case 1 -> n - validatorsN + k;
                            default -> 2 * k;
                        };
                        isValidator[uid] = true;
                    }
                    final double[] stake = new double[n];
                    for (int uid = 0; uid < n; uid++) {
                        stake[uid] = isValidator[uid] ? (assignment == 1 ? uid + n : 1) : (assignment == 1 ? uid : 0);
                    }
                    final YumaParams params = new YumaParams(n, 1, YumaParams.DEFAULT_KAPPA, BondsMode.CLASSIC, 0.9,
                            1.0, false, 0.7, 0.9, 1000, validatorsN, validatorsN, YumaParams.DEFAULT_TAKE);
                    final EpochHarness h = new EpochHarness(params, stake).run();
                    final boolean[] expected = new boolean[n];
                    for (int uid = 0; uid < n; uid++) {
                        expected[uid] = isValidator[uid] && stake[uid] >= validatorsN;
                    }
                    assertArrayEquals(expected, h.permit.clone(), "first epoch, n " + n + " assignment "
                            + assignment + " interleave " + interleave);
                    for (int uid = 0; uid < n; uid++) {
                        if (!isValidator[uid]) {
                            h.stake[uid] += 2 * n;
                        }
                    }
                    h.run();
                    for (int uid = 0; uid < n; uid++) {
                        assertEquals(!isValidator[uid], h.permit[uid], "servers take the permits, uid " + uid);
                    }
                }
            }
        }
    }
}
