package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * mechanics §6 on a 7,200-block run of the subsidy era (pruning on, lock beyond min_lock recycled, pools seeded
 * 1:1): four subnets at a limit of four, five registrations 1,000 blocks apart. Expected values are the spec's
 * formulas worked by hand.
 */
class SubnetLifecycleTest {
    private static final double TOLERANCE = 1e-9;

    private static Scenario scenario(final int paths) {
        final ProtocolParams protocol = Era.SUBSIDY_2025_07.defaults()
                .with(Parameter.SUBNET_LIMIT, 4)
                .with(Parameter.IMMUNITY_PERIOD, 100)
                .with(Parameter.NETWORK_RATE_LIMIT, 500)
                .with(Parameter.LOCK_REDUCTION_INTERVAL, 5000)
                .with(Parameter.LAST_LOCK, 100)
                .with(Parameter.MIN_LOCK, 1)
                .with(Parameter.START_CALL_DELAY, 0);
        final Network network = new Network(new double[] {500, 100, 300, 400}, new double[] {1000, 1000, 1000, 1000},
                new double[] {1000, 1000, 1000, 1000}, new double[] {0.5, 0.1, 0.3, 0.4}, new long[4], 1e5, 0.0);
        return new Scenario(protocol, network, 0, 7200, paths, 1L,
                List.of(new SubnetRegistrations(1000, 1000, 5)), List.of());
    }

    @Test
    void lockCostShouldDoubleAfterEachRegistrationAndDecayLinearly() {
        final BatchSimulation sim = new BatchSimulation(scenario(2), 0, 2, Kernels.scalar());
        final BatchState s = sim.state();
        // cost = max(min_lock, mult·last_lock − (last_lock / I_eff)·(now − last_lock_block)), I_eff = 5000·1 TAO
        // #1 at 1000: never registered (last_lock_block 0) ⇒ mult 1: 100 − 100/5000·1000 = 80
        // #2 at 2000: 2·80 − 80/5000·1000 = 144; #3: 2·144 − 28.8 = 259.2; #4: 518.4 − 51.84 = 466.56;
        // #5: 933.12 − 93.312 = 839.808
        final double[] expected = {80.0, 144.0, 259.2, 466.56, 839.808};
        double recycled = 0.0;
        for (int k = 0; k < expected.length; k++) {
            sim.runBlocks((int) (1001 + 1000L * k - sim.nextBlock()));
            for (int p = 0; p < 2; p++) {
                assertEquals(expected[k], s.lastLockTao[p], expected[k] * TOLERANCE, "lock of registration " + (k + 1));
            }
            recycled += expected[k] - 1.0; // min_lock seeds the pool, the rest is recycled (before 2026-04-22)
            assertEquals(recycled, s.taoRecycled[0], recycled * TOLERANCE, "TAO recycled after registration " + (k + 1));
        }
        assertEquals(5.0, s.registrations[0], "registrations");
        assertEquals(5.0, s.prunings[0], "each registration at the limit prunes one subnet");
    }

    @Test
    void pruningShouldDissolveTheLowestMovingPriceSubnetPastImmunity() {
        final BatchSimulation sim = new BatchSimulation(scenario(1), 0, 1, Kernels.scalar());
        final BatchState s = sim.state();
        sim.runBlocks(1001);
        // at block 1000 the lowest moving price is slot 1 (0.1 against 0.3, 0.4, 0.5): dissolved
        assertFalse(s.live[s.cell(1, 0)], "slot 1 pruned");
        assertTrue(s.live[s.cell(4, 0)], "the new subnet took slot 4");
        assertEquals(1.0, s.taoReserve[s.cell(4, 0)], 1e-3, "seeded with min_lock TAO (+ one block of emission)");
        sim.runBlocks(1000);
        // at 2000 the subnet registered at 1000 is past its 100-block immunity and its moving price started at 0,
        // below every other: it is pruned next
        assertFalse(s.live[s.cell(4, 0)], "the young subnet with the lowest EMA is pruned");
        assertTrue(s.live[s.cell(0, 0)] && s.live[s.cell(2, 0)] && s.live[s.cell(3, 0)], "the others survive");
    }

    @Test
    void lastLockShouldBeTheLockPaidLastLockAgeBlocksBeforeTheStart() {
        // NetworkLastRegistered = 10,000 − 2,000 = 8,000: the attempt at 11,000 costs
        // 2·100 − 100/5000·(11,000 − 8,000) = 140 (mult 2: a registration is on record)
        final Scenario base = scenario(2);
        final ProtocolParams aged = base.protocol().with(Parameter.LAST_LOCK_AGE, 2000);
        final Scenario scenario = new Scenario(aged, base.network(), 10_000, 2000, 2, 1L,
                List.of(new SubnetRegistrations(11_000, 1000, 1)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 2, Kernels.scalar());
        sim.runAll();
        for (int p = 0; p < 2; p++) {
            assertEquals(140.0, sim.state().lastLockTao[p], 140.0 * TOLERANCE, "lock paid on path " + p);
            assertEquals(139.0, sim.state().taoRecycled[p], 139.0 * TOLERANCE, "all but min_lock recycled");
        }
        // with the last registration at the first block, the attempt 1,000 blocks later is within the rate limit
        final Scenario fresh = new Scenario(base.protocol().with(Parameter.NETWORK_RATE_LIMIT, 1500), base.network(),
                10_000, 2000, 1, 1L, List.of(new SubnetRegistrations(11_000, 1000, 1)), List.of());
        final BatchSimulation refused = new BatchSimulation(fresh, 0, 1, Kernels.scalar());
        refused.runAll();
        assertEquals(0.0, refused.state().registrations[0], "NetworkRateLimit counts from NetworkLastRegistered");
        assertEquals(1.0, refused.state().refusedRegistrations[0], "refused");
    }

    @Test
    void aLockAboveAllTaoIssuedShouldBeRefusedBeforeAnythingIsPruned() {
        // issuance 1,000 TAO at the start, emission ≈ 1 TAO a block: the lock 2·10⁶ − 10⁶/5000·1000 = 1.8e6 TAO
        // cannot be paid, so nothing is recycled and the subnet at the limit survives
        final Scenario base = scenario(1);
        final Network network = base.network();
        final Network poor = new Network(network.taoReserve(), network.alphaIn(), network.alphaOut(),
                network.movingPrice(), network.firstEmissionBlock(), network.rootStakeTao(), 1000.0);
        final Scenario scenario = new Scenario(base.protocol().with(Parameter.LAST_LOCK, 1e6), poor, 10_000, 2000,
                1, 1L, List.of(new SubnetRegistrations(11_000, 1000, 1)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runAll();
        final BatchState s = sim.state();
        assertEquals(1.0, s.refusedRegistrations[0], "refused");
        assertEquals(0.0, s.registrations[0] + s.prunings[0] + s.taoRecycled[0], "no registration, pruning, recycling");
        assertTrue(s.live[s.cell(1, 0)], "the lowest-priced subnet is still there");
        assertTrue(s.totalIssuance[0] > 1000.0, "issuance only grew");
    }

    @Test
    void registrationShouldBeRefusedWithinTheRateLimit() {
        final Scenario base = scenario(1);
        final ProtocolParams slowRate = base.protocol().with(Parameter.NETWORK_RATE_LIMIT, 1500);
        final Scenario scenario = new Scenario(slowRate, base.network(), 0, 7200, 1, 1L, base.behaviours(), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runAll();
        // attempts at 1000 … 5000: 2000 and 4000 come 1000 < 1500 blocks after an accepted one (NetworkRateLimit)
        assertEquals(3.0, sim.state().registrations[0], "registered at 1000, 3000, 5000");
        assertEquals(2.0, sim.state().refusedRegistrations[0], "refused at 2000 and 4000");
    }

    /**
     * mechanics §6, remove_stake.rs destroy_alpha_in_out_stakes (14bc6f9f): the pool's TAO goes to staked alpha pro
     * rata; emission still pending vanishes and takes no share. Subtensor's
     * dissolve_protocol_alpha_share_is_not_paid_to_users (200 TAO pool, 100 staked, 100 protocol alpha: 100 paid,
     * 100 recycled) with 20 alpha of pending emission beside it, split over the pending arrays, and 15 alpha of
     * root claims not yet claimed (RootClaimable is no stake).
     */
    @Test
    void dissolutionShouldPayStakedAlphaOnlyNotPendingEmissionOrUnclaimedRootAlpha() {
        final ProtocolParams protocol = Era.PRICE_BURN_2026_06.defaults();
        final Network network = new Network(new double[] {200.0}, new double[] {1000.0}, new double[] {235.0},
                new double[] {1.0}, new long[] {0L}, 0.0, 1e6);
        final BatchSimulation sim = new BatchSimulation(new Scenario(protocol, network, 0, 10, 1, 1L, List.of(),
                List.of()), 0, 1, Kernels.scalar());
        final BatchState s = sim.state();
        s.protocolAlpha[0] = 100.0;
        s.pendingAlpha[0] = 12.0;
        s.pendingOwner[0] = 5.0;
        s.pendingRootAlpha[0] = 3.0;
        s.rootClaimable[0] = 15.0;
        final double issuance = s.totalIssuance[0];
        new SubnetLifecycle(protocol, 1).dissolve(s, 0, 0);
        // a subnet of the starting network: the denominator is staked (100) + protocol alpha (100)
        assertEquals(200.0, s.taoDissolved[0], TOLERANCE, "pool TAO dissolved");
        assertEquals(100.0, s.taoRecycled[0], TOLERANCE, "protocol's share recycled; users got 100");
        assertEquals(issuance - 100.0, s.totalIssuance[0], TOLERANCE, "TotalIssuance less the recycled");
    }

    /**
     * mechanics §6: with staked alpha alone in the denominator the holders take the whole pot, to the bit, so
     * nothing is recycled (pot·h/h can round an ulp below the pot, as for these pots and staked alpha, about
     * one pair in twenty).
     */
    @ParameterizedTest
    @CsvSource({"470.20407428440024, 2.9319129045484305", "865.8640004936756, 54.92499626267649",
        "4915.95539883106, 59.35905466496776"})
    void holdersAloneShouldTakeTheWholePotAndNothingBeRecycled(final double pot, final double staked) {
        final ProtocolParams protocol = Era.CAPPED_2025_12.defaults();
        final Network network = new Network(new double[] {pot}, new double[] {1000.0}, new double[] {staked},
                new double[] {1.0}, new long[] {0L}, 0.0, 1e6);
        final BatchSimulation sim = new BatchSimulation(new Scenario(protocol, network, 0, 10, 1, 1L, List.of(),
                List.of()), 0, 1, Kernels.scalar());
        final BatchState s = sim.state();
        final double issuance = s.totalIssuance[0];
        new SubnetLifecycle(protocol, 1).dissolve(s, 0, 0);
        assertEquals(0.0, s.taoRecycled[0], 0.0, "recycled");
        assertEquals(issuance, s.totalIssuance[0], 0.0, "TotalIssuance unchanged");
    }

    /**
     * Switch pool-alpha-in-dissolution (1104f2aab, 2026-06-02), mechanics §6: a subnet registered after
     * TaoInRefundDeploymentBlock counts its pool's alpha in the payout's denominator. A subnet registered in the
     * run, pool 200 TAO : 1000 alpha, AlphaOut 300 of which 50 protocol alpha: holders 250; on, 250 + 50 + 1000
     * share the 200 TAO (users 38.46, recycled 161.54); off, 250 + 50 (users 166.67, recycled 33.33).
     */
    @Test
    void aSubnetRegisteredInTheRunShouldCountItsPoolAlphaInTheDissolutionFromJuneSecond() {
        for (final boolean on : new boolean[] {true, false}) {
            final ProtocolParams protocol = Era.NETFLOW_2026_05.defaults()
                    .with(dtaosim.engine.model.Switch.POOL_ALPHA_IN_DISSOLUTION, on)
                    .with(Parameter.MIN_LOCK, 1).with(Parameter.LAST_LOCK, 1);
            final Network network = new Network(new double[] {200.0}, new double[] {1000.0}, new double[] {235.0},
                    new double[] {1.0}, new long[] {0L}, 0.0, 1e6);
            final BatchSimulation sim = new BatchSimulation(new Scenario(protocol, network, 0, 10, 1, 1L,
                    List.of(new SubnetRegistrations(1, 1000, 1)), List.of()), 0, 1, Kernels.scalar());
            sim.runBlocks(2);
            final BatchState s = sim.state();
            final int c = s.cell(1, 0);
            assertTrue(s.live[c], "registered at block 1");
            s.taoReserve[c] = 200.0;
            s.alphaIn[c] = 1000.0;
            s.alphaOut[c] = 300.0;
            s.protocolAlpha[c] = 50.0;
            s.pendingAlpha[c] = 0.0;
            s.pendingOwner[c] = 0.0;
            s.pendingRootAlpha[c] = 0.0;
            s.rootClaimable[c] = 0.0;
            s.clearPendingMinerAlpha(c);
            final double recycledBefore = s.taoRecycled[0];
            new SubnetLifecycle(protocol, 2).dissolve(s, 1, 0);
            final double expected = on ? 200.0 - 200.0 * 250.0 / 1300.0 : 200.0 - 200.0 * 250.0 / 300.0;
            assertEquals(expected, s.taoRecycled[0] - recycledBefore, TOLERANCE, "recycled, switch " + on);
        }
    }
}
