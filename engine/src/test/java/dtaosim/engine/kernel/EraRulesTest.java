package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Probe;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.engine.state.BatchState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules that tell each of the seven eras apart, one to three blocks on one to three subnets and one path,
 * against values computed here from the formulas of {@code shared/spec/dtao-mechanics.md} (§1–§5) and the
 * per-era pseudo-code read from the chain ({@code research/eras-spec.md}, cited as "eras-spec ERA step").
 * Units: TAO and alpha. Unless a test says otherwise: TotalIssuance below 10.5 M so E = 1 TAO per block, every
 * subnet's alpha issuance below 10.5 M so its alpha emission is 1, tempo 360 so no epoch falls in the first
 * blocks (netuid 1 drains at block 358), FirstEmissionBlockNumber 1 and start block 0.
 */
class EraRulesTest {
    /** mechanics §4: SubnetOwnerCut 11,796 / 65,535. */
    static final double CUT = 11_796.0 / 65_535.0;
    /** mechanics §4: TaoWeight 0.18. */
    static final double TW = 0.18;
    /** mechanics §5: FeeRate 33 / 65,535 of the V3 and Balancer pools. */
    static final double FEE_33 = 33.0 / 65_535.0;
    /** mechanics §2b: FlowEmaSmoothingFactor 29,597,889,189,277 / (2^63 − 1). */
    static final double FLOW_F = 29_597_889_189_277.0 / 9.223372036854775807e18;
    static final double TOL = 1e-12;

    static double[] v(final double... values) {
        return values;
    }

    /** A network whose subnets all have FirstEmissionBlockNumber 1. */
    static Network pools(final double rootStake, final double totalIssuance, final double[] tao,
                         final double[] alphaIn, final double[] alphaOut, final double[] movingPrice) {
        final long[] firstEmission = new long[tao.length];
        Arrays.fill(firstEmission, 1L);
        return new Network(tao, alphaIn, alphaOut, movingPrice, firstEmission, rootStake, totalIssuance);
    }

    /** One path of a scenario without behaviours, on the scalar kernels; a watch on every subnet. */
    static BatchSimulation sim(final ProtocolParams protocol, final Network network, final long startBlock) {
        final List<Probe> watches = new ArrayList<>();
        for (int i = 0; i < network.subnets(); i++) {
            watches.add(new SubnetWatch(i));
        }
        final Scenario scenario = new Scenario(protocol, network, startBlock, 1_000, 1, 7L, List.of(), watches);
        return new BatchSimulation(scenario, 0, 1, Kernels.scalar());
    }

    /** tao_in of a subnet so far (the watch's Σ tao_in). */
    static double taoIn(final BatchSimulation sim, final int subnet) {
        return sim.outcomes().get(new SubnetWatch(subnet).outcome(SubnetWatch.CUM_TAO_EMISSION))[0];
    }

    static void assertClose(final double expected, final double actual, final String what) {
        assertEquals(expected, actual, TOL * Math.max(1.0, Math.abs(expected)), what);
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class Launch {
        /**
         * eras-spec launch 3.3–3.4, mechanics §3 history 2025-02-13: tao_in = share·E injected in full,
         * alpha_in = min(tao_in/price, alpha_emission); so when the cap binds, the pool gets more TAO than alpha
         * at its price and the price rises.
         */
        @Test
        void taoInShouldBeInjectedInFullWhileAlphaInIsCappedSoThePriceRises() {
            // one subnet, pool 1 TAO : 100 alpha (price 0.01), P̄ 0.5, no root stake, TotalIssuance 0
            final BatchSimulation sim = sim(Era.LAUNCH_2025_02.defaults(),
                    pools(0.0, 0.0, v(1.0), v(100.0), v(0.0), v(0.5)), 0);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            // share = 0.5 / 0.5 = 1 ⇒ tao_in = 1 TAO; tao_in / price = 1 / 0.01 = 100 > alpha_emission 1 ⇒ alpha_in = 1
            final double taoIn = 1.0;
            final double alphaIn = Math.min(1.0 / 0.01, 1.0);
            assertAll(
                    () -> assertClose(taoIn, taoIn(sim, 0), "tao_in"),
                    () -> assertClose(1.0 + taoIn, s.taoReserve[0], "SubnetTAO 1 + 1"),
                    () -> assertClose(100.0 + alphaIn, s.alphaIn[0], "SubnetAlphaIn 100 + 1"),
                    () -> assertClose(1.0, s.alphaOut[0], "alpha_out = alpha emission 1"),
                    // price 2/101 ≈ 0.0198, up from 0.01
                    () -> assertClose(2.0 / 101.0, s.taoReserve[0] / s.alphaIn[0], "price after"),
                    () -> assertTrue(s.taoReserve[0] / s.alphaIn[0] > 0.01, "the price rises"),
                    // eras-spec 0.2(a): TI += tao_in
                    () -> assertClose(taoIn, s.totalIssuance[0], "TotalIssuance 0 + tao_in"));
        }

        /**
         * eras-spec launch 3.6, mechanics §4: every block root_alpha = root_prop·(alpha_out − owner cut)·½ with
         * root_prop = tw·R/(tw·R + alpha issuance after the mint), swapped fee-free into the pool:
         * τ = y·root_alpha/(x + root_alpha), kept in PendingRootDivs until the epoch.
         */
        @Test
        void rootAlphaShouldBeSoldIntoThePoolInEveryBlock() {
            // pool 100 TAO : 100 alpha, 78 alpha out, P̄ 1, R = 1000 TAO (tw·R = 180)
            final BatchSimulation sim = sim(Era.LAUNCH_2025_02.defaults(),
                    pools(1000.0, 0.0, v(100.0), v(100.0), v(78.0), v(1.0)), 0);
            // hand model of the two blocks; block 0: tao_in 1, alpha_in = min(1/1, 1) = 1, alpha_out 1 ⇒
            // x = 101, y = 101, O = 79, issuance 180 ⇒ root_prop = 180/(180 + 180) = ½,
            // root_alpha = ½·(1 − 0.179995)·½ ≈ 0.2050, τ = 101·0.2050/(101 + 0.2050) ≈ 0.2046
            double y = 100.0;
            double x = 100.0;
            double o = 78.0;
            double rootTao = 0.0;
            for (int block = 0; block < 2; block++) {
                final double alphaIn = Math.min(1.0 / (y / x), 1.0); // single subnet: share 1, tao_in = E = 1
                y += 1.0;
                x += alphaIn;
                o += 1.0;
                final double rootProportion = TW * 1000.0 / (TW * 1000.0 + x + o);
                final double rootAlpha = rootProportion * (1.0 - CUT) * 0.5;
                final double sold = y * rootAlpha / (x + rootAlpha);
                x += rootAlpha;
                o -= rootAlpha;
                y -= sold;
                rootTao += sold;
                if (block == 0) {
                    assertClose(0.5, rootProportion, "hand model: root_prop of block 0");
                }
                sim.runBlocks(1);
                final BatchState s = sim.state();
                final String at = "block " + block + ": ";
                final double ey = y;
                final double ex = x;
                final double eo = o;
                final double eRootTao = rootTao;
                assertAll(
                        () -> assertClose(eRootTao, s.pendingRootTao[0], at + "PendingRootDivs Σ τ"),
                        () -> assertClose(ey, s.taoReserve[0], at + "SubnetTAO"),
                        () -> assertClose(ex, s.alphaIn[0], at + "SubnetAlphaIn"),
                        () -> assertClose(eo, s.alphaOut[0], at + "SubnetAlphaOut"));
            }
        }

        /**
         * eras-spec launch 1 and 3.3: tao_in = E·P̄/ΣP̄ is 0 when ΣP̄ = 0 (every P̄ starts at 0 at launch):
         * nothing is injected or issued; alpha_out is minted all the same.
         */
        @Test
        void nothingShouldBeInjectedOrIssuedWhileEveryMovingPriceIsZero() {
            final BatchSimulation sim = sim(Era.LAUNCH_2025_02.defaults(),
                    pools(0.0, 5.0, v(10.0, 20.0), v(10.0, 20.0), v(0.0, 0.0), v(0.0, 0.0)), 0);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            assertAll(
                    () -> assertClose(5.0, s.totalIssuance[0], "TotalIssuance unchanged"),
                    () -> assertClose(0.0, taoIn(sim, 0) + taoIn(sim, 1), "no tao_in"),
                    () -> assertClose(10.0, s.taoReserve[0], "SubnetTAO"),
                    () -> assertClose(20.0, s.alphaIn[1], "SubnetAlphaIn: alpha_in = min(0/p, 1) = 0"),
                    () -> assertClose(1.0, s.alphaOut[0], "alpha_out 1"),
                    () -> assertClose(1.0, s.alphaOut[1], "alpha_out 1"));
        }

        /**
         * eras-spec launch 3.7, mechanics §2a: P̄ ← a·min(spot, 1) + (1 − a)·P̄ with a = SubnetMovingAlpha (no ramp
         * in this era) and the spot after the root sale.
         */
        @Test
        void movingPriceInputShouldBeTheSpotPriceClippedAtOne() {
            // pool 400 TAO : 100 alpha (price 4), P̄ 0.5, a = 0.1, no root stake
            final BatchSimulation sim = sim(Era.LAUNCH_2025_02.defaults().withMovingAlpha(0.1),
                    pools(0.0, 0.0, v(400.0), v(100.0), v(0.0), v(0.5)), 0);
            sim.runBlocks(1);
            // tao_in 1, alpha_in = min(1/4, 1) = 0.25 ⇒ spot 401/100.25 = 4 > 1 ⇒ input 1:
            // P̄ = 0.1·1 + 0.9·0.5 = 0.55 (unclipped it would be 0.1·4 + 0.45 = 0.85)
            assertClose(401.0 / 100.25, sim.state().taoReserve[0] / sim.state().alphaIn[0], "spot");
            assertClose(0.1 * 1.0 + 0.9 * 0.5, sim.state().movingPrice[0], "P̄");
        }

        /** Switch ema-clip-at-one off (e2b8367b8, 2025-02-13, until f95810a25 merged 2025-02-15): the input is the spot, unclipped. */
        @Test
        void movingPriceInputShouldBeTheUnclippedSpotWithTheClipSwitchOff() {
            final BatchSimulation sim = sim(Era.LAUNCH_2025_02.defaults().withMovingAlpha(0.1)
                            .with(Switch.EMA_CLIP_AT_ONE, false),
                    pools(0.0, 0.0, v(400.0), v(100.0), v(0.0), v(0.5)), 0);
            sim.runBlocks(1);
            assertClose(0.1 * 4.0 + 0.9 * 0.5, sim.state().movingPrice[0], "P̄ from the unclipped spot");
        }

        /**
         * eras-spec launch 6 (5073ade60, 2025-02-24): at the epoch validators get dividend − root dividend in
         * alpha, so the alpha paid is PendingEmission + owner cut = alpha_out − root_alpha; the sold root share
         * is paid in TAO.
         */
        @Test
        void epochShouldPayAlphaWithoutTheSoldRootShareAfterTheDividendFix() {
            assertClose(1.0 - rootAlphaOfDividendBlock(), drainedAtEpoch(true), "alpha paid at the epoch");
        }

        /**
         * eras-spec launch 6, 02-13 → 02-24: validators were credited the full dividend in alpha although the
         * root part had been sold, an over-credit of PendingAlphaSwapped: alpha paid = alpha_out.
         */
        @Test
        void epochShouldAlsoPayTheSoldRootShareInAlphaWithoutTheDividendFix() {
            assertClose(1.0, drainedAtEpoch(false), "alpha paid at the epoch");
        }

        /** root_alpha of the one-block fixture of {@link #drainedAtEpoch}: ½·(1 − cut)·½ (root_prop ½). */
        private double rootAlphaOfDividendBlock() {
            return 0.5 * (1.0 - CUT) * 0.5;
        }

        /** Alpha drained at netuid 1's epoch, tempo 10 ⇒ block 8 ((8 + 1 + 2) mod 11 = 0), after one block. */
        private double drainedAtEpoch(final boolean dividendFix) {
            final ProtocolParams protocol = Era.LAUNCH_2025_02.defaults().withTempo(10)
                    .with(Switch.DIVIDEND_FIX, dividendFix);
            // as block 0 of the root-sale test: x = y = 101, O = 79 after minting, root_prop ½
            final BatchSimulation sim = sim(protocol, pools(1000.0, 0.0, v(100.0), v(100.0), v(78.0), v(1.0)), 8);
            sim.runBlocks(1);
            assertEquals(1, sim.state().drainedCount, "netuid 1 drains at block 8");
            return sim.state().drainedAlpha[0];
        }
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class EmaRamp {
        /**
         * eras-spec ema-ramp 5, mechanics §2a: a = SubnetMovingAlpha·b/(b + H), b = block − (FirstEmission − 1).
         * With H = 10 and b = 9 the factor is 0.1·9/19, against 0.1 in the launch era.
         */
        @Test
        void movingPriceFactorShouldRampAsABOverBPlusH() {
            // pool 20 TAO : 100 alpha (price 0.2), P̄ 0.5, a = 0.1, H = 10, FirstEmission 1, block 9 ⇒ b = 9
            final Network network = pools(0.0, 0.0, v(20.0), v(100.0), v(0.0), v(0.5));
            final BatchSimulation ramp = sim(Era.EMA_RAMP_2025_03.defaults().withMovingAlpha(0.1)
                    .with(Parameter.EMA_PRICE_HALVING_BLOCKS, 10), network, 9);
            final BatchSimulation launch = sim(Era.LAUNCH_2025_02.defaults().withMovingAlpha(0.1), network, 9);
            ramp.runBlocks(1);
            launch.runBlocks(1);
            // tao_in 1, alpha_in = min(1/0.2, 1) = 1 ⇒ spot 21/101 ≈ 0.2079
            final double spot = 21.0 / 101.0;
            final double a = 0.1 * 9.0 / (9.0 + 10.0); // ≈ 0.04737
            assertAll(
                    () -> assertClose(a * spot + (1.0 - a) * 0.5, ramp.state().movingPrice[0], "ramped P̄ ≈ 0.4862"),
                    () -> assertClose(0.1 * spot + 0.9 * 0.5, launch.state().movingPrice[0], "launch P̄ ≈ 0.4708"));
        }

        /**
         * mechanics §2a for a subnet of the starting network whose start_call came long after its registration
         * (on chain, migrate_set_first_emission_block_number set every subnet's FirstEmissionBlockNumber to the
         * upgrade's block in 2025-03): switch ema-age-from-start-call on, b = block − (FirstEmission − 1) =
         * 1000 − 899 = 101; off, b counts from its registration at the chain's first block: b = 1000. Pool
         * 20 TAO : 100 alpha, P̄ 0.5, a = 0.1, H = 1000, one block at block 1000 (spot after it 21/101). A
         * FirstEmissionBlockNumber after the block (the migration's, on a subnet already emitting) gives b = 0: the
         * subnet is emitted to, and its moving price stays.
         */
        @Test
        void networkSubnetRampShouldCountFromItsFirstEmissionBlock() {
            final Network network = pools(0.0, 0.0, v(20.0), v(100.0), v(0.0), v(0.5))
                    .withFirstEmissionBlock(new long[] {900});
            final ProtocolParams on = Era.EMA_RAMP_2025_03.defaults().withMovingAlpha(0.1)
                    .with(Parameter.EMA_PRICE_HALVING_BLOCKS, 1000);
            final BatchSimulation fromStartCall = sim(on, network, 1000);
            final BatchSimulation fromRegistration = sim(on.with(Switch.EMA_AGE_FROM_START_CALL, false), network,
                    1000);
            final BatchSimulation beforeStartCall = sim(on, network.withFirstEmissionBlock(new long[] {1001}), 1000);
            fromStartCall.runBlocks(1);
            fromRegistration.runBlocks(1);
            beforeStartCall.runBlocks(1);
            final double spot = 21.0 / 101.0;
            final double aOn = 0.1 * 101.0 / (101.0 + 1000.0);
            final double aOff = 0.1 * 1000.0 / (1000.0 + 1000.0);
            assertAll(
                    () -> assertClose(aOn * spot + (1.0 - aOn) * 0.5, fromStartCall.state().movingPrice[0],
                            "on: b = 101"),
                    () -> assertClose(aOff * spot + (1.0 - aOff) * 0.5, fromRegistration.state().movingPrice[0],
                            "off: b = 1000"),
                    () -> assertEquals(0.5, beforeStartCall.state().movingPrice[0], "b = 0"),
                    () -> assertEquals(21.0, beforeStartCall.state().taoReserve[0], "emitted to all the same"));
        }

        /**
         * Switches swap-pallet-v3 (e9bbb6134, 2025-06-30) and fee-rate-cut (7b541095b, 2025-07-23), mechanics §5
         * and §9: off (the era's table), the flat 50,000-rao fee; the V3 pallet's fee 196/65535 (0.3 %) of the
         * input and no flat fee; then 33/65535 (0.05 %). The cut needs the pallet.
         */
        @Test
        void swapPalletSwitchesShouldSetTheFeeOfTheirDate() {
            final ProtocolParams off = Era.EMA_RAMP_2025_03.defaults();
            final ProtocolParams v3 = off.with(Switch.SWAP_PALLET_V3, true);
            final ProtocolParams cut = v3.with(Switch.FEE_RATE_CUT, true);
            final IllegalArgumentException cutAlone = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> off.with(Switch.FEE_RATE_CUT, true));
            assertAll(
                    () -> assertEquals(50_000e-9, off.stakeFeeTao(), 1e-18, "flat fee"),
                    () -> assertEquals(0.0, off.get(Parameter.FEE_RATE), "no rate"),
                    () -> assertEquals(0.0, v3.stakeFeeTao(), "no flat fee"),
                    () -> assertEquals(196.0, v3.get(Parameter.FEE_RATE), "0.3 %"),
                    () -> assertEquals(33.0, cut.get(Parameter.FEE_RATE), "0.05 %"),
                    () -> assertEquals(196.0, cut.with(Switch.FEE_RATE_CUT, false).get(Parameter.FEE_RATE), "back"),
                    () -> assertEquals(off, v3.with(Switch.SWAP_PALLET_V3, false), "back to the flat fee"),
                    () -> assertEquals(25.0, v3.with(Parameter.FEE_RATE, 25).get(Parameter.FEE_RATE),
                            "a parameter set after the switch overrides it"),
                    () -> assertTrue(cutAlone.getMessage().contains("fee-rate-cut: needs swap-pallet-v3 on"),
                            cutAlone.getMessage()));
        }

        /**
         * Switch ema-age-from-start-call (719a6f5e9, 2025-04-04), mechanics §2a history: on, b counts from
         * start_call (b = block − (FirstEmission − 1)); off, from registration. A subnet registered at block 100
         * with a start_call delay of 300 first emits at block 401, its pool seeded 1:1 (price 1), its P̄ 0 so its
         * share and injection are 0 and, without root stake, nothing is sold: its spot stays 1 and after that
         * block P̄ = a·1, with b = 1 (on) or 301 (off); a = 0.1, H = 1000.
         */
        @Test
        void rampAgeShouldCountFromStartCallOrFromRegistrationBeforeAprilFourth() {
            final ProtocolParams on = Era.EMA_RAMP_2025_03.defaults().withMovingAlpha(0.1)
                    .with(Parameter.EMA_PRICE_HALVING_BLOCKS, 1000).with(Parameter.START_CALL_DELAY, 300)
                    .with(Parameter.MIN_LOCK, 1).with(Parameter.LAST_LOCK, 1);
            final double[] movingPrice = new double[2];
            for (final boolean fromStartCall : new boolean[] {true, false}) {
                final Scenario scenario = new Scenario(on.with(Switch.EMA_AGE_FROM_START_CALL, fromStartCall),
                        pools(0.0, 1_000_000.0, v(20.0), v(100.0), v(0.0), v(0.5)), 0, 1_000, 1, 7L,
                        List.of(new SubnetRegistrations(100, 1_000, 1)), List.of());
                final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
                sim.runBlocks(401);
                assertEquals(0.0, sim.state().movingPrice[sim.state().cell(1, 0)], "no emission before block 401");
                sim.runBlocks(1);
                movingPrice[fromStartCall ? 0 : 1] = sim.state().movingPrice[sim.state().cell(1, 0)];
            }
            assertAll(
                    () -> assertClose(0.1 * 1.0 / (1.0 + 1000.0), movingPrice[0], "on: b = 1"),
                    () -> assertClose(0.1 * 301.0 / (301.0 + 1000.0), movingPrice[1], "off: b = 301"));
        }
    }

    // ------------------------------------------------------------------------------------------------------
    /**
     * One block of the subsidy era on two subnets, R = 1000 TAO (tw·R = 180), TotalIssuance 1 M (E = 1), P̄ ½
     * each ⇒ shares ½ each:
     * <ul>
     *   <li>A (slot 0): 1 TAO : 100 alpha, price 0.01 &lt; share ½ ⇒ subsidised;</li>
     *   <li>B (slot 1): 50 TAO : 62.5 alpha, price 0.8 ≥ ½ ⇒ not; 11 M alpha out ⇒ alpha emission ½.</li>
     * </ul>
     */
    @Nested
    class Subsidy {
        static final double ISSUANCE = 1_000_000.0;
        // eras-spec subsidy 3.3: excess = share·E − price·E = 0.5 − 0.01 = 0.49 TAO buys alpha fee-free in the
        // pre-injection pool: bought = x·excess/(y + excess) = 100·0.49/1.49 ≈ 32.886 alpha
        static final double EXCESS_A = 0.5 - 0.01;
        static final double BOUGHT_A = 100.0 * EXCESS_A / (1.0 + EXCESS_A);

        private BatchSimulation block(final ProtocolParams protocol, final double issuance) {
            final BatchSimulation sim = sim(protocol, pools(1000.0, issuance, v(1.0, 50.0), v(100.0, 62.5),
                    v(0.0, 11_000_000.0), v(0.5, 0.5)), 0);
            sim.runBlocks(1);
            return sim;
        }

        private BatchSimulation block() {
            return block(Era.SUBSIDY_2025_07.defaults(), ISSUANCE);
        }

        /** eras-spec subsidy 3.3: p &lt; share ⇒ tao_in = p·E, alpha_in = E (2025-09-24 switch, on). */
        @Test
        void subsidisedSubnetShouldGetPriceTimesEmissionInTaoAndTheBlockEmissionInAlpha() {
            final BatchSimulation sim = block();
            // alpha minted = A: alpha_in 1 + alpha_out 1; B: alpha_in 0.5/0.8 = 0.625 + alpha_out ½
            assertAll(
                    () -> assertClose(0.01 * 1.0, taoIn(sim, 0), "tao_in = 0.01·1"),
                    () -> assertClose(1.0 + 1.0 + 0.625 + 0.5, sim.state().alphaMinted[0], "alpha minted"));
        }

        /**
         * eras-spec subsidy 3.3: the excess buys in the pre-injection pool, the bought alpha is removed from
         * AlphaOut (recycled); then 1 alpha and 0.01 TAO are injected.
         */
        @Test
        void subsidisedSubnetsExcessShouldBuyAlphaBeforeTheInjectionAndTheBoughtAlphaShouldBeRecycled() {
            final BatchState s = block().state();
            assertAll(
                    () -> assertClose(1.0 + EXCESS_A + 0.01, s.taoReserve[0], "SubnetTAO 1 + 0.49 + 0.01"),
                    // bought before injection: 100 − 32.886 + 1; after it would be 101·0.49/1.5 ≈ 32.993
                    () -> assertClose(100.0 - BOUGHT_A + 1.0, s.alphaIn[0], "SubnetAlphaIn ≈ 68.114"),
                    () -> assertClose(BOUGHT_A, s.alphaRecycled[0], "recycled = bought ≈ 32.886"),
                    () -> assertClose(1.0, s.alphaOut[0], "AlphaOut 0 + alpha_out 1 (+ bought − bought)"));
        }

        /**
         * eras-spec subsidy 3.6: a subsidised subnet's root alpha is neither sold nor paid: it stays in AlphaOut,
         * owned by nobody (burned α); validators' pending excludes it, no PendingRootDivs.
         */
        @Test
        void subsidisedSubnetsRootAlphaShouldBeNeitherSoldNorPaid() {
            final BatchState s = block().state();
            // issuance after the block: x = 101 − 32.886, O = 1 ⇒ root_prop = 180/(180 + x + O)
            final double issuanceA = (100.0 - BOUGHT_A + 1.0) + 1.0;
            final double rootAlpha = TW * 1000.0 / (TW * 1000.0 + issuanceA) * (1.0 - CUT) * 0.5;
            assertAll(
                    () -> assertClose(rootAlpha, s.alphaBurned[0], "burned = root_alpha ≈ 0.296"),
                    () -> assertClose(0.0, s.pendingRootTao[0], "nothing sold"),
                    () -> assertClose(0.0, s.pendingRootAlpha[0], "nothing accrued"),
                    () -> assertClose(1.0 - CUT - rootAlpha, s.pendingAlpha[0], "miners + validators"),
                    () -> assertClose(1.0, s.alphaOut[0], "the root alpha stays in AlphaOut"));
        }

        /** eras-spec subsidy 1 and 0.2(a): TotalIssuance += Σ tao_in; the excess is not issued. */
        @Test
        void subsidyTotalIssuanceShouldGrowOnlyByTaoIn() {
            // tao_in A 0.01 + tao_in B 0.5 = 0.51 (not the 1 TAO that entered the pools)
            final BatchState s = block().state();
            assertClose(ISSUANCE + 0.01 + 0.5, s.totalIssuance[0], "TotalIssuance");
            assertClose(1.0 + 50.0 + 1.0, s.taoReserve[0] + s.taoReserve[1] + s.pendingRootTao[1],
                    "pools got the whole E = 1");
        }

        /**
         * eras-spec subsidy 3.3 "else: tao_in = d, alpha_in = d/p (no cap any more)": B's alpha_in 0.625 exceeds
         * its alpha emission ½ and is not capped; its root alpha is sold.
         */
        @Test
        void subnetAboveItsShareShouldBeUncapped() {
            final BatchSimulation sim = block();
            final BatchState s = sim.state();
            // after injection: y = 50.5, x = 62.5 + 0.625 = 63.125, O = 11,000,000 + ½
            final double rootProportion = TW * 1000.0 / (TW * 1000.0 + 63.125 + 11_000_000.5);
            // root_alpha = root_prop·(alpha_out ½ − owner cut)·½
            final double rootAlpha = rootProportion * 0.5 * (1.0 - CUT) * 0.5;
            final double sold = 50.5 * rootAlpha / (63.125 + rootAlpha);
            assertAll(
                    () -> assertClose(0.5, taoIn(sim, 1), "tao_in = share·E"),
                    () -> assertClose(62.5 + 0.625 + rootAlpha, s.alphaIn[1], "alpha_in 0.625 > alpha emission ½"),
                    () -> assertClose(50.5 - sold, s.taoReserve[1], "root alpha sold"),
                    () -> assertClose(sold, s.pendingRootTao[1], "PendingRootDivs"));
        }

        /**
         * Switch subsidy-alpha-in-is-block-emission (835a2c902, 2025-09-24): off, alpha_in = alpha emission (1);
         * on, alpha_in = E. TotalIssuance 11 M ⇒ E = ½, so they differ.
         */
        @Test
        void subsidisedAlphaInShouldBeTheAlphaEmissionBeforeSeptemberAndTheBlockEmissionAfter() {
            final ProtocolParams on = Era.SUBSIDY_2025_07.defaults();
            final BatchSimulation after = block(on, 11_000_000.0);
            final BatchSimulation before = block(on.with(Switch.SUBSIDY_ALPHA_IN_IS_BLOCK_EMISSION, false),
                    11_000_000.0);
            // E = ½, shares ½ ⇒ d = ¼ each. A: tao_in = 0.01·½ = 0.005, alpha_out 1; B: 0.25/0.8 = 0.3125 + ½
            final double bMinted = 0.25 / 0.8 + 0.5;
            assertAll(
                    () -> assertClose(0.005, taoIn(after, 0), "tao_in = p·E"),
                    () -> assertClose(0.005, taoIn(before, 0), "tao_in = p·E"),
                    () -> assertClose(0.5 + 1.0 + bMinted, after.state().alphaMinted[0], "alpha_in = E = ½"),
                    () -> assertClose(1.0 + 1.0 + bMinted, before.state().alphaMinted[0], "alpha_in = 1"));
        }

        /**
         * eras-spec subsidy 3.4: the V3 pallet adds the injection as liquidity at the post-buy price, so on chain
         * the price stays (1 + 0.49)/(100 − 32.886) ≈ 0.022201 while SubnetTAO/SubnetAlphaIn become 1.5/68.114.
         * The engine prices by the reserves (engine/MODEL.md, "V3 pallet" row): 1.5/68.114 ≈ 0.022022 here.
         */
        @Test
        void subsidisedInjectionShouldMoveThePriceToTheReservesRatio() {
            final BatchState s = block().state();
            assertClose((1.0 + EXCESS_A + 0.01) / (100.0 - BOUGHT_A + 1.0), s.taoReserve[0] / s.alphaIn[0],
                    "price = SubnetTAO/SubnetAlphaIn");
        }

        /**
         * The same block on a pool of mainnet size (5,000 TAO : 1,000,000 alpha, price 0.005, share ½): the
         * reserves' price and the chain's unchanged post-buy V3 price differ by (Δx/x)·(1 − p/p') ≈ 2e-10 of
         * the price, the bound MODEL.md states for the simplification.
         */
        @Test
        void subsidisedInjectionOnAMainnetSizedPoolShouldStayWithinTheDocumentedBoundOfTheV3Price() {
            final BatchSimulation sim = sim(Era.SUBSIDY_2025_07.defaults(), pools(1000.0, ISSUANCE,
                    v(5_000.0, 50.0), v(1_000_000.0, 62.5), v(0.0, 11_000_000.0), v(0.5, 0.5)), 0);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            final double excess = 0.5 - 0.005;
            final double bought = 1_000_000.0 * excess / (5_000.0 + excess);
            final double chainPrice = (5_000.0 + excess) / (1_000_000.0 - bought);
            final double enginePrice = (5_000.0 + excess + 0.005) / (1_000_000.0 - bought + 1.0);
            final double gap = Math.abs(enginePrice / chainPrice - 1.0);
            assertAll(
                    () -> assertEquals(enginePrice, s.taoReserve[0] / s.alphaIn[0], 1e-15, "reserves' price"),
                    () -> assertTrue(gap > 1e-10 && gap < 3e-10, "gap to the V3 price " + gap));
        }
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class TaoFlow {
        /**
         * eras-spec taoflow 2, mechanics §2b: S ← (1 − f)·S + f·F with F the users' net TAO of the previous
         * block; z = max(S − L, 0) with L = max(cutoff 0, min(S, 0)) = 0; share = z/Σz. Stakes of 30 and 10 TAO
         * and an unstake make shares ¾, ¼, 0 in the next block.
         */
        @Test
        void sharesShouldFollowTheEmaOfUsersNetTaoFlowWithNegativeFlowsFlooredAtZero() {
            // three pools 100 TAO : 100 alpha, 10 alpha out, P̄ 0.3, no root stake
            final BatchSimulation sim = sim(Era.TAOFLOW_2025_11.defaults(),
                    pools(0.0, 0.0, v(100.0, 100.0, 100.0), v(100.0, 100.0, 100.0), v(10.0, 10.0, 10.0),
                            v(0.3, 0.3, 0.3)), 0);
            final BatchState s = sim.state();
            sim.runBlocks(1);
            // no flows yet: every z = 0 ⇒ nothing injected
            assertClose(300.0, s.taoReserve[0] + s.taoReserve[1] + s.taoReserve[2], "no injection at S = 0");
            ConstantProductPool.stake(s, 0, 0, 30.0);
            ConstantProductPool.stake(s, 1, 0, 10.0);
            ConstantProductPool.unstake(s, 2, 0, 5.0);
            final double[] before = s.taoReserve.clone();
            sim.runBlocks(1);
            // F = (30, 10, −τ) (each stake net of the same fee rate, which cancels) ⇒ z = f·(30, 10, 0):
            // shares 30/40 = ¾, 10/40 = ¼, 0; tao_in + excess = share·E enters each pool
            assertAll(
                    () -> assertClose(0.75, s.taoReserve[0] - before[0], "subnet A gets ¾ E"),
                    () -> assertClose(0.25, s.taoReserve[1] - before[1], "subnet B gets ¼ E"),
                    () -> assertClose(0.0, s.taoReserve[2] - before[2], "subnet C's outflow gets nothing"));
        }

        /**
         * eras-spec taoflow 3.3–3.4b (2025-11-06): d/p &gt; alpha_em ⇒ alpha_in = alpha_em, tao_in = alpha_em·p;
         * liquidity added first, then excess = d − tao_in buys fee-free and the bought alpha is recycled;
         * TI += tao_in + excess.
         */
        @Test
        void alphaInShouldBeCappedAtTheAlphaEmissionWithTheExcessBoughtAfterTheInjectionAndRecycled() {
            final BatchState s = cappedBlock(Era.TAOFLOW_2025_11.defaults(), 0.0).state();
            // pool 10 TAO : 1000 alpha (p 0.01), share 1 ⇒ d = 1, d/p = 100 > 1 ⇒ alpha_in 1, tao_in 0.01,
            // excess 0.99; injected 10.01 : 1001, then bought = 1001·0.99/(10.01 + 0.99) = 90.09
            final double bought = 1001.0 * 0.99 / 11.0;
            assertAll(
                    () -> assertClose(90.09, bought, "hand arithmetic"),
                    () -> assertClose(11.0, s.taoReserve[0], "SubnetTAO 10 + 0.01 + 0.99"),
                    () -> assertClose(1001.0 - bought, s.alphaIn[0], "SubnetAlphaIn 910.91"),
                    () -> assertClose(bought, s.alphaRecycled[0], "bought alpha recycled"),
                    () -> assertClose(1.0, s.alphaOut[0], "AlphaOut 0 + alpha_out 1"),
                    () -> assertClose(1.0, s.totalIssuance[0], "TotalIssuance += 0.01 + 0.99"));
        }

        /**
         * eras-spec taoflow 3.6 and capped 5 (b179867c3, 2025-11-07): Σ P̄ &gt; 1 ⇒ root_alpha accrues in
         * PendingRootAlphaDivs; otherwise it is recycled (O −= root_alpha).
         */
        @Test
        void rootAlphaShouldAccrueWhileTheMovingPricesSumAboveOneAndBeRecycledOtherwise() {
            // two pools 100 : 100, 79 alpha out, R 1000; no flow ⇒ no injection; alpha_out 1 ⇒ O = 80,
            // issuance 180 ⇒ root_prop = 180/360 = ½, root_alpha = ½·(1 − cut)·½ ≈ 0.2050 per subnet
            final double rootAlpha = 0.5 * (1.0 - CUT) * 0.5;
            final BatchState flagOn = rootBlock(0.6).state(); // Σ P̄ = 1.2 > 1
            final BatchState flagOff = rootBlock(0.4).state(); // Σ P̄ = 0.8
            assertAll(
                    () -> assertClose(rootAlpha, flagOn.pendingRootAlpha[0], "accrued, subnet A"),
                    () -> assertClose(rootAlpha, flagOn.pendingRootAlpha[1], "accrued, subnet B"),
                    () -> assertClose(0.0, flagOn.alphaRecycled[0], "nothing recycled"),
                    () -> assertClose(80.0, flagOn.alphaOut[0], "AlphaOut 79 + 1"),
                    () -> assertClose(0.0, flagOff.pendingRootAlpha[0], "nothing accrued"),
                    () -> assertClose(2.0 * rootAlpha, flagOff.alphaRecycled[0], "both recycled"),
                    () -> assertClose(80.0 - rootAlpha, flagOff.alphaOut[0], "AlphaOut 79 + 1 − root_alpha"));
        }

        private BatchSimulation rootBlock(final double movingPrice) {
            final BatchSimulation sim = sim(Era.TAOFLOW_2025_11.defaults(), pools(1000.0, 0.0, v(100.0, 100.0),
                    v(100.0, 100.0), v(79.0, 79.0), v(movingPrice, movingPrice)), 0);
            sim.runBlocks(1);
            return sim;
        }

        /**
         * mechanics §2b: S ← (1 − f)·S + f·F with F the users' net TAO into the pool since the last block. Fee rate
         * 0 so F is exactly the stake (+100) or minus the unstake's proceeds (5 alpha out of 100 : 100 pays
         * 100·5/105 TAO); S starts at 2 on both subnets.
         */
        @Test
        void flowEmaShouldBlendTheLastBlocksNetFlowWithTheSmoothingFactor() {
            final BatchSimulation sim = sim(Era.TAOFLOW_2025_11.defaults().with(Parameter.FEE_RATE, 0.0),
                    pools(0.0, 0.0, v(100.0, 100.0), v(100.0, 100.0), v(10.0, 10.0), v(0.3, 0.3)), 0);
            final BatchState s = sim.state();
            s.taoFlowEma[0] = 2.0;
            s.taoFlowEma[1] = 2.0;
            ConstantProductPool.stake(s, 0, 0, 100.0);
            ConstantProductPool.unstake(s, 1, 0, 5.0);
            sim.runBlocks(1);
            assertAll(
                    () -> assertClose((1.0 - FLOW_F) * 2.0 + FLOW_F * 100.0, s.taoFlowEma[0], "S after a stake"),
                    () -> assertClose((1.0 - FLOW_F) * 2.0 - FLOW_F * 100.0 * 5.0 / 105.0, s.taoFlowEma[1],
                            "S after an unstake"));
        }

        /**
         * eras-spec "Root-claim aggregate model" and taoflow 6: at the subnet's epoch the accrued root alpha
         * becomes claimable less the validators' take (11,796/65,535, paid to them as alpha); the block's claims
         * then take ρ = 1e-3 (default rootClaimRate) of it.
         */
        @Test
        void accruedRootAlphaShouldBecomeClaimableAtTheEpochLessTheValidatorsTake() {
            // tempo 10: netuid 1 drains at block 8, netuid 2 at block 7; as the accrual test, Σ P̄ = 1.2
            final BatchSimulation sim = sim(Era.TAOFLOW_2025_11.defaults().withTempo(10), pools(1000.0, 0.0,
                    v(100.0, 100.0), v(100.0, 100.0), v(79.0, 79.0), v(0.6, 0.6)), 8);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            final double rootAlpha = 0.5 * (1.0 - CUT) * 0.5; // root_prop ½ as in the accrual test
            final double take = 11_796.0 / 65_535.0;
            assertAll(
                    () -> assertClose(rootAlpha * (1.0 - take) * (1.0 - 1e-3), s.rootClaimable[0],
                            "claimable after the epoch and this block's claims"),
                    () -> assertClose(0.0, s.pendingRootAlpha[0], "drained"),
                    () -> assertClose((1.0 - CUT - rootAlpha) + CUT + rootAlpha * take, s.drainedAlpha[0],
                            "miners + validators + owner + the take"),
                    () -> assertClose(rootAlpha, s.pendingRootAlpha[1], "netuid 2 still accrues"),
                    () -> assertClose(0.0, s.rootClaimable[1], "nothing claimable on netuid 2"));
        }

        /**
         * eras-spec "Root-claim aggregate model": each block ρ·C of the claimable root alpha is claimed; the
         * Swap part is sold fee-free (x += α, y −= τ, O −= α) and R is not raised before 2026-05-27.
         */
        @Test
        void rootClaimsShouldSellTheClaimRateOfClaimableAlphaWithoutRaisingRootStake() {
            final BatchState s = claimBlock(Era.TAOFLOW_2025_11).state();
            // claimed = 0.1·20 = 2 alpha into the pool 100 TAO : 400 alpha ⇒ τ = 100·2/402 ≈ 0.4975
            final double tao = 100.0 * 2.0 / 402.0;
            assertAll(
                    () -> assertClose(18.0, s.rootClaimable[0], "claimable 20 − 2"),
                    () -> assertClose(402.0, s.alphaIn[0], "SubnetAlphaIn 400 + 2"),
                    () -> assertClose(100.0 - tao, s.taoReserve[0], "SubnetTAO"),
                    () -> assertClose(50.0 + 1.0 - 2.0, s.alphaOut[0], "AlphaOut 50 + alpha_out 1 − 2"),
                    () -> assertClose(tao, s.rootClaimTao[0], "root stakers' TAO"),
                    () -> assertClose(0.0, s.rootStake[0], "R unchanged"));
        }

        /**
         * mechanics §2b and eras-spec taoflow 2: F += amount paid in net of the swap fee. A 100 TAO stake at fee
         * 33/65535 (kept in the pool until 2026-03-11) adds 100·(1 − 33/65535) ≈ 99.94965 to F.
         */
        @Test
        void flowShouldCountAStakeNetOfTheSwapFee() {
            final BatchSimulation sim = sim(Era.TAOFLOW_2025_11.defaults(),
                    pools(0.0, 0.0, v(100.0), v(100.0), v(10.0), v(0.3)), 0);
            ConstantProductPool.stake(sim.state(), 0, 0, 100.0);
            sim.runBlocks(1);
            assertEquals(FLOW_F * 100.0 * (1.0 - FEE_33), sim.state().taoFlowEma[0], 1e-15 * FLOW_F * 100.0);
        }

        /**
         * eras-spec taoflow 3 and 3.6 at 6218ecc5c (2025-11-04, before the 11-06 excess buy): subsidy rule, and a
         * subsidised subnet's root alpha is "neither accrued nor recycled ⇒ burned α" (no root-sell flag yet).
         */
        @Test
        void subsidisedRootAlphaShouldBeBurnedUnderTheNovemberFourthRules() {
            final ProtocolParams protocol = Era.TAOFLOW_2025_11.defaults().with(Switch.EXCESS_BUY, false)
                    .with(Switch.ROOT_ALPHA_RECYCLED_WITHOUT_SELL_FLAG, false);
            // pool 1 TAO : 100 alpha (p 0.01), R 1000, flow share 1 ⇒ p < share: subsidised
            final BatchSimulation sim = sim(protocol, pools(1000.0, 0.0, v(1.0), v(100.0), v(0.0), v(0.5)), 0);
            sim.state().taoFlowEma[0] = 1.0;
            sim.runBlocks(1);
            final BatchState s = sim.state();
            // subsidy: excess 1 − 0.01 = 0.99 buys 100·0.99/1.99 before injection; alpha_in = E = 1; O = 1
            final double bought = 100.0 * 0.99 / 1.99;
            final double issuance = (100.0 - bought + 1.0) + 1.0;
            final double rootAlpha = TW * 1000.0 / (TW * 1000.0 + issuance) * (1.0 - CUT) * 0.5;
            assertAll(
                    () -> assertClose(100.0 - bought + 1.0, s.alphaIn[0], "subsidy buy before injection"),
                    () -> assertClose(rootAlpha, s.alphaBurned[0], "root alpha burned"),
                    () -> assertClose(1.0 - CUT - rootAlpha, s.pendingAlpha[0], "validators do not get it"));
        }
    }

    /**
     * One block of a capped-injection era with one pool 10 TAO : 1000 alpha (p 0.01), no root stake, P̄ ½, and
     * a positive user-flow EMA on it (so its flow share is 1).
     */
    static BatchSimulation cappedBlock(final ProtocolParams protocol, final double issuance) {
        final BatchSimulation sim = sim(protocol, pools(0.0, issuance, v(10.0), v(1000.0), v(0.0), v(0.5)), 0);
        sim.state().taoFlowEma[0] = 1.0;
        sim.runBlocks(1);
        return sim;
    }

    /** One block with 20 alpha claimable on one pool 100 TAO : 400 alpha, claim rate 0.1, no flows, R 0. */
    static BatchSimulation claimBlock(final Era era) {
        final BatchSimulation sim = sim(era.defaults().with(Parameter.ROOT_CLAIM_RATE, 0.1),
                pools(0.0, 0.0, v(100.0), v(400.0), v(50.0), v(0.5)), 0);
        sim.state().rootClaimable[0] = 20.0;
        sim.runBlocks(1);
        return sim;
    }

    /** A 100 TAO stake after one block with the era's defaults; returns the state. */
    static BatchState stakeHundred(final Era era) {
        final BatchSimulation sim = sim(era.defaults(), pools(0.0, 0.0, v(100.0), v(100.0), v(10.0), v(0.3)), 0);
        sim.runBlocks(1);
        final BatchState s = sim.state();
        final double taoBefore = s.taoReserve[0];
        ConstantProductPool.stake(s, 0, 0, 100.0);
        assertClose(taoBefore + 100.0 * (1.0 - FEE_33), s.taoReserve[0], "the pool keeps the stake less the fee");
        return s;
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class Capped {
        /**
         * eras-spec capped 3 (8834a7c73, 2025-12-12): cap = min(alpha_em, E). TotalIssuance 11 M ⇒ E = ½ while
         * alpha_em = 1, so alpha_in = ½ (the taoflow era would inject 1).
         */
        @Test
        void alphaInShouldBeCappedAtTheTaoBlockEmissionWhenItIsBelowTheAlphaEmission() {
            final BatchState s = cappedBlock(Era.CAPPED_2025_12.defaults(), 11_000_000.0).state();
            // d = E·1 = ½; d/p = 50 > cap = min(1, ½) = ½ ⇒ alpha_in ½, tao_in = ½·0.01 = 0.005, excess 0.495;
            // injected 10.005 : 1000.5, then bought = 1000.5·0.495/(10.005 + 0.495) ≈ 47.168
            final double bought = 1000.5 * 0.495 / 10.5;
            assertAll(
                    () -> assertClose(0.5, s.blockEmission[0], "E at 11 M issued"),
                    () -> assertClose(10.5, s.taoReserve[0], "SubnetTAO 10 + 0.005 + 0.495"),
                    () -> assertClose(1000.5 - bought, s.alphaIn[0], "SubnetAlphaIn 1000 + ½ − bought"),
                    () -> assertClose(bought, s.alphaRecycled[0], "bought alpha recycled"),
                    () -> assertClose(0.5 + 1.0, s.alphaMinted[0], "alpha_in ½ + alpha_out 1"),
                    () -> assertClose(11_000_000.5, s.totalIssuance[0], "TotalIssuance += 0.005 + 0.495"));
        }

        /** eras-spec capped 7 (7eb6f9bb7, 2026-03-11): the swap fee goes to the block author. */
        @Test
        void stakeShouldPayItsFeeToTheBlockAuthor() {
            assertClose(100.0 * FEE_33, stakeHundred(Era.CAPPED_2025_12).taoFees[0], "fee 100·33/65535");
        }
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class NetFlow {
        /**
         * eras-spec netflow 2, mechanics §2b: norm = min(1, Σmax(S,0)/Σmax(P,0)); Net = S − norm·P if P &gt; 0
         * else S − P; z = max(Net − L, 0), L = 0. S = (6, 4, 0), P = (8, 32, −2) ⇒ norm = min(1, 10/40) = ¼,
         * Net = (6 − 2, 4 − 8, 0 + 2) = (4, −4, 2) ⇒ shares (⅔, 0, ⅓). (User flow alone would give 0.6, 0.4, 0.)
         */
        @Test
        void sharesShouldComeFromUserMinusNormalisedProtocolFlow() {
            final BatchSimulation sim = sim(Era.NETFLOW_2026_05.defaults(),
                    pools(0.0, 0.0, v(100.0, 100.0, 100.0), v(100.0, 100.0, 100.0), v(10.0, 10.0, 10.0),
                            v(0.3, 0.3, 0.3)), 0);
            final BatchState s = sim.state();
            // both EMAs decay by (1 − f) this block (no new flows), which leaves the ratios unchanged
            System.arraycopy(v(6.0, 4.0, 0.0), 0, s.taoFlowEma, 0, 3);
            System.arraycopy(v(8.0, 32.0, -2.0), 0, s.protocolFlowEma, 0, 3);
            sim.runBlocks(1);
            // price 1, d ≤ 1 ⇒ uncapped: SubnetTAO grows by d = share·E
            assertAll(
                    () -> assertClose(100.0 + 2.0 / 3.0, s.taoReserve[0], "⅔ E"),
                    () -> assertClose(100.0, s.taoReserve[1], "0"),
                    () -> assertClose(100.0 + 1.0 / 3.0, s.taoReserve[2], "⅓ E"));
        }

        /**
         * mechanics §2b, NetTaoFlowEnabled false (subnet_emissions.rs get_shares_flow at 14bc6f9f9, after
         * 2d8a9bacf "Drain protocol ema when net_flow disabled"): Net = S, so the case above gives users' flow
         * shares (0.6, 0.4, 0), while the protocol's flow EMA still advances, P ← (1 − f)·P + f·Q, and Q is
         * drained: after the first block P = (1 − f)·8 (Q was 0) and Q holds the block's tao_in; after the
         * second, P = (1 − f)·P + f·Q.
         */
        @Test
        void sharesShouldComeFromUsersFlowAloneWithNetTaoFlowDisabled() {
            final BatchSimulation sim = sim(Era.NETFLOW_2026_05.defaults().with(Parameter.NET_TAO_FLOW_ENABLED, 0),
                    pools(0.0, 0.0, v(100.0, 100.0, 100.0), v(100.0, 100.0, 100.0), v(10.0, 10.0, 10.0),
                            v(0.3, 0.3, 0.3)), 0);
            final BatchState s = sim.state();
            System.arraycopy(v(6.0, 4.0, 0.0), 0, s.taoFlowEma, 0, 3);
            System.arraycopy(v(8.0, 32.0, -2.0), 0, s.protocolFlowEma, 0, 3);
            sim.runBlocks(1);
            assertAll(
                    () -> assertClose(100.0 + 0.6, s.taoReserve[0], "0.6 E"),
                    () -> assertClose(100.0 + 0.4, s.taoReserve[1], "0.4 E"),
                    () -> assertClose(100.0, s.taoReserve[2], "0"),
                    () -> assertEquals((1.0 - FLOW_F) * 8.0, s.protocolFlowEma[0], 1e-15, "P advanced"),
                    () -> assertEquals((1.0 - FLOW_F) * 32.0, s.protocolFlowEma[1], 1e-15, "P advanced"),
                    () -> assertEquals(0.6, s.protocolFlow[0], 1e-12, "Q: this block's tao_in"));
            final double p0 = s.protocolFlowEma[0];
            final double q0 = s.protocolFlow[0];
            sim.runBlocks(1);
            assertEquals((1.0 - FLOW_F) * p0 + FLOW_F * q0, s.protocolFlowEma[0], 1e-15, "P from the drained Q");
        }

        /**
         * mechanics §2b: the floor is {@code L = max(cutoff, min_i min(Net_i, 0))} and the weight {@code z^p},
         * z = max(Net − L, 0). Net = (4, −4, 2)·(1 − f) after this block's decay, so the lowest is −4·(1 − f):
         * a cutoff of −2 binds (z = (6, 0, 4) before decay terms), one of −10 does not (the lowest does: z = (8,
         * 0, 6)), a positive one lowers every weight, and p = 2 squares them. Covers both the one-pass weights
         * (cutoff ≥ 0, p = 1) and the general ones.
         */
        @ParameterizedTest
        @CsvSource({"0, 1", "1, 1", "-2, 1", "-10, 1", "-10, 2", "0.5, 3"})
        void sharesShouldFloorNetFlowAtTheCutoffOrTheLowestAndRaiseItToTheExponent(final double cutoff,
                                                                                   final double exponent) {
            final BatchSimulation sim = sim(Era.NETFLOW_2026_05.defaults().with(Parameter.FLOW_CUTOFF, cutoff)
                            .with(Parameter.FLOW_EXPONENT, exponent),
                    pools(0.0, 0.0, v(100.0, 100.0, 100.0), v(100.0, 100.0, 100.0), v(10.0, 10.0, 10.0),
                            v(0.3, 0.3, 0.3)), 0);
            final BatchState s = sim.state();
            System.arraycopy(v(6.0, 4.0, 0.0), 0, s.taoFlowEma, 0, 3);
            System.arraycopy(v(8.0, 32.0, -2.0), 0, s.protocolFlowEma, 0, 3);
            sim.runBlocks(1);
            final double k = 1.0 - FLOW_F;
            final double[] net = {4.0 * k, -4.0 * k, 2.0 * k};
            final double floor = Math.max(cutoff, -4.0 * k);
            final double[] weight = new double[3];
            double sum = 0.0;
            for (int i = 0; i < 3; i++) {
                weight[i] = Math.pow(Math.max(net[i] - floor, 0.0), exponent);
                sum += weight[i];
            }
            for (int i = 0; i < 3; i++) {
                // price 1 and d ≤ 1: uncapped, SubnetTAO grows by share·E with E = 1
                assertClose(100.0 + weight[i] / sum, s.taoReserve[i], "subnet " + i + ", cutoff " + cutoff
                        + ", exponent " + exponent);
            }
        }

        /**
         * mechanics §2b per path, on a row live on some paths only (subnet 1 dissolved on path 1): each path's
         * floor, norm and weight sum come from its own subnets. Path 0: S = (6, 4, 3), P = (2, 1, −2); path 1:
         * S = (2, −, −5), P = (1, −, 4). Cutoffs at or above 0 with p = 1 take the one-pass weights, whose rows
         * live on some paths only run apart from the lanes; the others the general passes.
         */
        @ParameterizedTest
        @CsvSource({"TAOFLOW_2025_11, 0, 1", "TAOFLOW_2025_11, 0.5, 1", "TAOFLOW_2025_11, -2, 1",
            "NETFLOW_2026_05, 0, 1", "NETFLOW_2026_05, 0.5, 1", "NETFLOW_2026_05, -2, 1", "NETFLOW_2026_05, 0, 2"})
        void sharesOfARowLiveOnSomePathsOnlyShouldComeFromEachPathsOwnSubnets(final Era era, final double cutoff,
                                                                             final double exponent) {
            final ProtocolParams protocol = era.defaults().with(Parameter.FLOW_CUTOFF, cutoff)
                    .with(Parameter.FLOW_EXPONENT, exponent);
            final Scenario scenario = new Scenario(protocol, pools(0.0, 0.0, v(100.0, 100.0, 100.0),
                    v(100.0, 100.0, 100.0), v(10.0, 10.0, 10.0), v(0.3, 0.3, 0.3)), 0, 1_000, 2, 7L, List.of(),
                    List.of());
            final BatchSimulation sim = new BatchSimulation(scenario, 0, 2, Kernels.scalar());
            final BatchState s = sim.state();
            new SubnetLifecycle(protocol, 3).dissolve(s, 1, 1);
            assertEquals(BatchState.ROW_MIXED, s.rowMode(1, 0), "subnet 1 lives on path 0 only");
            final double[][] user = {{6.0, 4.0, 3.0}, {2.0, 0.0, -5.0}};
            final double[][] prot = {{2.0, 1.0, -2.0}, {1.0, 0.0, 4.0}};
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < 3; i++) {
                    s.taoFlowEma[s.cell(i, p)] = user[p][i];
                    s.protocolFlowEma[s.cell(i, p)] = prot[p][i];
                }
            }
            s.taoFlowEma[s.cell(1, 1)] = 0.0; // the dissolved cell holds zeros
            s.protocolFlowEma[s.cell(1, 1)] = 0.0;
            sim.runBlocks(1);
            // both EMAs decay by (1 − f) this block (no new flows)
            final double k = 1.0 - protocol.get(Parameter.FLOW_SMOOTHING);
            final boolean netFlow = era == Era.NETFLOW_2026_05;
            for (int p = 0; p < 2; p++) {
                final int subnets = p == 0 ? 3 : 2;
                final int[] slots = p == 0 ? new int[] {0, 1, 2} : new int[] {0, 2};
                double userPositive = 0.0;
                double protocolPositive = 0.0;
                for (final int i : slots) {
                    userPositive += Math.max(k * user[p][i], 0.0);
                    protocolPositive += Math.max(k * prot[p][i], 0.0);
                }
                final double norm = protocolPositive > 0.0 ? Math.min(1.0, userPositive / protocolPositive) : 0.0;
                final double[] net = new double[subnets];
                double lowest = 0.0;
                for (int j = 0; j < subnets; j++) {
                    final int i = slots[j];
                    final double protocolEma = k * prot[p][i];
                    net[j] = !netFlow ? k * user[p][i]
                            : k * user[p][i] - (protocolEma > 0.0 ? norm : 1.0) * protocolEma;
                    lowest = Math.min(lowest, net[j]);
                }
                final double floor = Math.max(cutoff, lowest);
                final double[] weight = new double[subnets];
                double sum = 0.0;
                for (int j = 0; j < subnets; j++) {
                    weight[j] = Math.pow(Math.max(net[j] - floor, 0.0), exponent);
                    sum += weight[j];
                }
                for (int j = 0; j < subnets; j++) {
                    // price 1 and d ≤ 1: uncapped, SubnetTAO grows by share·E with E = 1
                    assertClose(100.0 + weight[j] / sum, s.taoReserve[s.cell(slots[j], p)], era.id() + " path " + p
                            + " subnet " + slots[j] + ", cutoff " + cutoff + ", exponent " + exponent);
                }
            }
        }

        /**
         * eras-spec netflow 3 (ec2212c53, 2026-06-01): chain-bought alpha is kept as SubnetProtocolAlpha (in
         * AlphaOut); with the switch off it is recycled. Same pool and numbers as the taoflow cap test: bought
         * = 1001·0.99/11 = 90.09.
         */
        @Test
        void chainBoughtAlphaShouldBeKeptAsProtocolAlphaWithTheSwitchOnAndRecycledWithItOff() {
            final ProtocolParams on = Era.NETFLOW_2026_05.defaults();
            assertTrue(on.on(Switch.PROTOCOL_ALPHA_KEPT), "default on");
            final BatchState kept = cappedBlock(on, 0.0).state();
            final BatchState recycled = cappedBlock(on.with(Switch.PROTOCOL_ALPHA_KEPT, false), 0.0).state();
            final double bought = 1001.0 * 0.99 / 11.0;
            assertAll(
                    () -> assertClose(bought, kept.protocolAlpha[0], "protocol alpha"),
                    () -> assertClose(bought + 1.0, kept.alphaOut[0], "AlphaOut bought + alpha_out"),
                    () -> assertClose(0.0, kept.alphaRecycled[0], "nothing recycled"),
                    () -> assertClose(0.0, recycled.protocolAlpha[0], "no protocol alpha"),
                    () -> assertClose(1.0, recycled.alphaOut[0], "AlphaOut alpha_out only"),
                    () -> assertClose(bought, recycled.alphaRecycled[0], "recycled"),
                    () -> assertClose(1001.0 - bought, kept.alphaIn[0], "same pool either way"),
                    () -> assertClose(1001.0 - bought, recycled.alphaIn[0], "same pool either way"));
        }

        /**
         * eras-spec netflow 6 (486037ba4): a Swap claim's TAO is restaked on root and SubnetTAO(0) += τ, so R
         * grows from 2026-05-27.
         */
        @Test
        void rootClaimsShouldRaiseRootStake() {
            final BatchState s = claimBlock(Era.NETFLOW_2026_05).state();
            final double tao = 100.0 * 2.0 / 402.0; // as in the taoflow claim test
            assertClose(tao, s.rootClaimTao[0], "root stakers' TAO");
            assertClose(tao, s.rootStake[0], "R = 0 + τ");
        }

        /**
         * eras-spec netflow 2: the protocol's flow Q of a block is tao_in + the excess bought − the TAO of root
         * claim sales, and the next block's coinbase reads it: P ← (1 − f)·P + f·Q.
         */
        @Test
        void protocolFlowEmaShouldTakeTheBlocksInjectionAndBuyLessClaimSalesInTheNextBlock() {
            final BatchSimulation sim = sim(Era.NETFLOW_2026_05.defaults().with(Parameter.ROOT_CLAIM_RATE, 0.1),
                    pools(0.0, 0.0, v(10.0), v(1000.0), v(0.0), v(0.5)), 0);
            final BatchState s = sim.state();
            s.taoFlowEma[0] = 1.0;
            s.rootClaimable[0] = 20.0;
            sim.runBlocks(1);
            // block 0 as the taoflow cap test: Q = 0.01 + 0.99 = 1, pool 11 : 1001 − 90.09 = 910.91; then the claim
            // of 0.1·20 = 2 alpha pays τ = 11·2/(910.91 + 2) ≈ 0.0241 ⇒ Q = 1 − τ
            final double claimTao = 11.0 * 2.0 / (1001.0 - 1001.0 * 0.99 / 11.0 + 2.0);
            assertClose(claimTao, s.rootClaimTao[0], "claim sale");
            assertEquals(0.0, s.protocolFlowEma[0], 0.0, "P read before this block's flow");
            sim.runBlocks(1);
            final double expected = FLOW_F * (1.0 - claimTao);
            assertEquals(expected, s.protocolFlowEma[0], 1e-12 * expected, "P = f·(1 − τ)");
        }

        /** eras-spec netflow 7: "V3 with author fees (as capped)". */
        @Test
        void stakeShouldPayItsFeeToTheBlockAuthor() {
            assertClose(100.0 * FEE_33, stakeHundred(Era.NETFLOW_2026_05).taoFees[0], "fee 100·33/65535");
        }
    }

    // ------------------------------------------------------------------------------------------------------
    @Nested
    class PriceBurn {
        /**
         * eras-spec price-burn 4–6 and mechanics §3 (2026-06-22): cap = root_prop × alpha_em with root_prop
         * before minting; excess bought fee-free in the pre-injection pool, kept as protocol alpha; root_prop
         * for the root split after minting and the buy.
         */
        @Test
        void capShouldBeRootProportionBeforeMintingTimesAlphaEmissionWithTheExcessBoughtFirstAndKept() {
            // pool 1 TAO : 100 alpha (p 0.01), 80 out, R 1000: root_prop = 180/(180 + 180) = ½ ⇒ cap ½;
            // share 1 ⇒ d = 1, d/p = 100 > ½ ⇒ alpha_in ½, tao_in 0.005, excess 0.995;
            // bought = 100·0.995/(1 + 0.995) ≈ 49.875 before injection
            final BatchSimulation sim = sim(Era.PRICE_BURN_2026_06.defaults(),
                    pools(1000.0, 0.0, v(1.0), v(100.0), v(80.0), v(0.5)), 0);
            sim.runBlocks(1);
            final BatchState s = sim.state();
            final double bought = 100.0 * 0.995 / 1.995;
            // after: x = 100 − bought + ½, O = 80 + bought + 1 ⇒ issuance 181.5, root_prop = 180/361.5;
            // Σ P̄ = ½ ≤ 1 ⇒ root alpha recycled
            final double rootAlpha = 180.0 / 361.5 * (1.0 - CUT) * 0.5;
            assertAll(
                    () -> assertClose(0.005, taoIn(sim, 0), "tao_in = cap·p"),
                    () -> assertClose(2.0, s.taoReserve[0], "SubnetTAO 1 + 0.995 + 0.005"),
                    () -> assertClose(100.0 - bought + 0.5, s.alphaIn[0], "SubnetAlphaIn"),
                    () -> assertClose(bought, s.protocolAlpha[0], "bought alpha kept"),
                    () -> assertClose(80.0 + bought + 1.0 - rootAlpha, s.alphaOut[0], "AlphaOut"),
                    () -> assertClose(rootAlpha, s.alphaRecycled[0], "only root alpha recycled"),
                    () -> assertClose(1.0, s.totalIssuance[0], "TotalIssuance += 0.005 + 0.995"));
        }

        /**
         * eras-spec price-burn 2 (HEAD): w = s·(1 − MinerBurned), share = w/Σw. The engine's MinerBurned is one
         * number for all subnets, so it cancels: P̄ = (0.2, 0.6) ⇒ shares ¼, ¾ at MinerBurned 0.5.
         */
        @Test
        void sharesShouldBeMovingPriceTimesOneMinusMinerBurnedNormalised() {
            final BatchState s = burnBlock(Era.PRICE_BURN_2026_06.defaults().with(Parameter.MINER_BURNED, 0.5));
            // R 1e6 ⇒ root_prop ≈ 1 ⇒ cap ≈ 1 > d/p, uncapped: SubnetTAO grows by d
            assertAll(
                    () -> assertClose(100.0 + 0.25, s.taoReserve[0], "¼ E"),
                    () -> assertClose(100.0 + 0.75, s.taoReserve[1], "¾ E"));
        }

        /** eras-spec price-burn 2 and mechanics §2a: "fallback share_i = s_i if Σw = 0". */
        @Test
        void sharesShouldFallBackToMovingPriceSharesWhenEveryWeightIsZero() {
            final BatchState s = burnBlock(Era.PRICE_BURN_2026_06.defaults().with(Parameter.MINER_BURNED, 1.0));
            assertAll(
                    () -> assertClose(100.0 + 0.25, s.taoReserve[0], "¼ E"),
                    () -> assertClose(100.0 + 0.75, s.taoReserve[1], "¾ E"));
        }

        /**
         * Switch shares-without-root-proportion off (release v3.4.9-424, 2026-06-22…06-30): w = root_prop·P̄.
         * Equal P̄; issuance 180 vs 540, R 1000 ⇒ root_prop ½ vs 180/720 = ¼ ⇒ shares ⅔, ⅓.
         */
        @Test
        void sharesShouldBeWeightedByRootProportionBeforeJuneThirtieth() {
            final BatchSimulation sim = sim(Era.PRICE_BURN_2026_06.defaults()
                            .with(Switch.SHARES_WITHOUT_ROOT_PROPORTION, false),
                    pools(1000.0, 0.0, v(100.0, 100.0), v(100.0, 100.0), v(80.0, 440.0), v(0.5, 0.5)), 0);
            sim.runBlocks(1);
            // d = (⅔, ⅓) TAO; caps ½·1 and ¼·1 at price 1 bind: tao_in + excess = d enters each pool anyway
            assertClose(100.0 + 2.0 / 3.0, sim.state().taoReserve[0], "⅔ E");
            assertClose(100.0 + 1.0 / 3.0, sim.state().taoReserve[1], "⅓ E");
        }

        private BatchState burnBlock(final ProtocolParams protocol) {
            final BatchSimulation sim = sim(protocol,
                    pools(1e6, 0.0, v(100.0, 100.0), v(100.0, 100.0), v(10.0, 10.0), v(0.2, 0.6)), 0);
            sim.runBlocks(1);
            return sim.state();
        }

        /** mechanics §5 and eras-spec price-burn 7: Balancer pool, fee 33/65535 from the input to the author. */
        @Test
        void stakeShouldPayItsFeeToTheBlockAuthor() {
            assertClose(100.0 * FEE_33, stakeHundred(Era.PRICE_BURN_2026_06).taoFees[0], "fee 100·33/65535");
        }

        /**
         * eras-spec 0.4 and price-burn 7 (06032d518, 2026-06-25, switch dynamic-tempo on): an epoch fires when
         * block − LastEpochBlock ≥ tempo, so a subnet drains every tempo blocks (before: every tempo + 1).
         */
        @Test
        void subnetShouldDrainEveryTempoBlocksWithDynamicTempo() {
            final BatchSimulation sim = sim(Era.PRICE_BURN_2026_06.defaults().withTempo(10),
                    pools(0.0, 0.0, v(100.0), v(100.0), v(10.0), v(0.5)), 0);
            final List<Long> epochs = new ArrayList<>();
            for (long block = 0; block < 60; block++) {
                sim.runBlocks(1);
                if (sim.state().drainedCount > 0) {
                    epochs.add(block);
                }
            }
            assertTrue(epochs.size() >= 3, "epochs at " + epochs);
            for (int k = 1; k < epochs.size(); k++) {
                assertEquals(10L, epochs.get(k) - epochs.get(k - 1), "gap between epochs " + epochs);
            }
        }
    }

    /** Guards the fixture constants against typos. */
    @Test
    void fixtureConstantsShouldMatchTheChainConstants() {
        assertAll(
                () -> assertEquals(ChainConstants.SUBNET_OWNER_CUT, CUT, 0.0),
                () -> assertEquals(ChainConstants.TAO_WEIGHT, TW, 0.0),
                () -> assertEquals(ChainConstants.FLOW_EMA_SMOOTHING, FLOW_F, 1e-20));
    }
}
