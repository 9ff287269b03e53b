package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Effects of the role sellers, revenue buybacks, momentum speculators, ghost towns and capital inflow on small cases.
 */
class MarketBehavioursTest {

    /** Three subnets; subnet 2 is priced at a thousandth of the others, so its emission share is tiny. */
    private static Network network() {
        return new Network(new double[] {1000, 1000, 10}, new double[] {10_000, 10_000, 100_000},
                new double[] {10_000, 10_000, 100_000}, new double[] {0.1, 0.1, 1e-4}, new long[3], 1e4, 0.0);
    }

    private static RunResult run(final List<Behaviour> behaviours, final int blocks) {
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults().withStakeFee(0.0), network(), 0, blocks,
                4, 3L, behaviours, List.of());
        return Runner.run(scenario, new RunOptions(1, 4, Kernels.scalar(), true, null));
    }

    @Test
    void sellingEveryRoleShouldMatchSellingEveryPayoutAndSellingNoneShouldSellNothing() {
        final RunResult roles = run(List.of(new RoleEmissionSellers(1.0, 1.0, 1.0)), 2000);
        final RunResult all = run(List.of(new EmissionSellers(1.0)), 2000);
        final RunResult none = run(List.of(new RoleEmissionSellers(0.0, 0.0, 0.0)), 2000);
        for (int c = 0; c < roles.finalState().taoReserve().length; c++) {
            assertEquals(all.finalState().taoReserve()[c], roles.finalState().taoReserve()[c],
                    1e-12 * all.finalState().taoReserve()[c], "owner + miners + validators = the whole payout");
        }
        assertEquals(0.0, none.outcome(RunResult.TAO_UNSTAKED)[0], "nothing sold");
        final RunResult ownerOnly = run(List.of(new RoleEmissionSellers(1.0, 0.0, 0.0)), 2000);
        final double ownerSold = ownerOnly.outcome(RunResult.TAO_UNSTAKED)[0];
        final double allSold = all.outcome(RunResult.TAO_UNSTAKED)[0];
        // the owner cut is 18 % of alpha_out; the whole payout is 82 % of it less the root share, plus the cut
        assertTrue(ownerSold > 0.15 * allSold && ownerSold < 0.3 * allSold,
                "the owner cut is about a fifth of the payout: " + ownerSold + " of " + allSold);
    }

    @Test
    void buybacksShouldSpendTheirShareOfRevenueAndRaiseThePrice() {
        // σ = 0: revenue is 100 TAO a day exactly; 30 % of it over 2 days in orders every 360 blocks = 60 TAO
        final RunResult buybacks = run(List.of(new RevenueBuybacks(2, 100.0, 0.0, 0.3, 360, true)), 14_400);
        final RunResult quiet = run(List.of(), 14_400);
        for (int p = 0; p < 4; p++) {
            assertEquals(60.0, buybacks.outcome(RevenueBuybacks.SPENT)[p], 1e-9, "spent on path " + p);
            assertTrue(buybacks.finalState().spotPrice(p, 2) > quiet.finalState().spotPrice(p, 2), "price up");
            assertTrue(buybacks.outcome(RunResult.ALPHA_RECYCLED)[p] > 0.0, "bought alpha destroyed");
        }
    }

    @Test
    void momentumSpeculatorsShouldTradeOnlyWhenPricesMove() {
        // emission alone lifts these thin pools by under 0.25 in log price against a 720-block EMA; the pump of
        // 2 TAO a block into subnet 0's 1,000 TAO lifts it by ≈ 2 above its EMA
        final MomentumSpeculators chasers = new MomentumSpeculators(720, 0.5, 0.2, 10, 100, 30);
        final RunResult still = run(List.of(chasers), 3000);
        final RunResult pumped = run(List.of(chasers, new PumpAndDump(0, 2.0, 500, 1500, 2000)), 3000);
        assertEquals(0.0, still.outcome(RunResult.TAO_STAKED)[0], "no momentum, no trade");
        assertTrue(pumped.outcome(RunResult.TAO_STAKED)[0] > 2.0 * 1000, "the pump's stakes and the chasers' "
                + pumped.outcome(RunResult.TAO_STAKED)[0]);
        final double chasersPnl = pumped.outcome(MomentumSpeculators.PNL)[0];
        assertTrue(chasersPnl != 0.0, "positions opened and closed: PnL " + chasersPnl);
    }

    @Test
    void aSpeculatorsPositionInAPrunedSubnetShouldBeDroppedAndItsBudgetFreed() {
        // a pump lifts subnet 1, the speculators put their whole budget (one position) in it; a registration at
        // block 200 prunes it (limit 2, no immunity) into a slot left dead; a pump of subnet 0 from block 400 is
        // then the speculators' next chance, which they take only if the pruned position no longer counts
        final RunResult allIn = pruneUnderSpeculators(1.0);
        final RunResult roomForTwo = pruneUnderSpeculators(2.0);
        assertEquals(1.0, allIn.outcome(RunResult.PRUNINGS)[0], "subnet 1 pruned");
        final double pnl = allIn.outcome(MomentumSpeculators.PNL)[0];
        assertTrue(pnl > -1.0, "the speculators traded subnet 0's pump after losing their position: PnL " + pnl);
        assertEquals(roomForTwo.outcome(MomentumSpeculators.PNL)[0], pnl, "a budget of one position is enough again");
    }

    private static RunResult pruneUnderSpeculators(final double capitalTao) {
        final ProtocolParams params = Era.CAPPED_2025_12.defaults().with(Parameter.SUBNET_LIMIT, 2)
                .with(Parameter.NETWORK_RATE_LIMIT, 0).with(Parameter.IMMUNITY_PERIOD, 0)
                .with(Parameter.START_CALL_DELAY, 10).with(Parameter.LAST_LOCK, 10);
        final Network network = new Network(new double[] {1000, 10}, new double[] {1000, 1000},
                new double[] {100, 100}, new double[] {0.5, 0.001}, new long[2], 1e6, 5e6);
        final Scenario scenario = new Scenario(params, network, 0, 800, 1, 1L, List.of(
                new PumpAndDump(1, 5.0, 10, 60, 100_000),
                new MomentumSpeculators(20, 0.02, 5.0, 1.0, capitalTao, 1),
                new SubnetRegistrations(200, 1000, 1),
                new PumpAndDump(0, 50.0, 400, 500, 100_000)), List.of());
        return Runner.run(scenario, new RunOptions(1, 1, Kernels.scalar(), true, null));
    }

    @Test
    void aSaleThePoolRefusesShouldLeaveThePumpsAlphaWithThePump() {
        // one stake of 30,000–90,000 rao (75,000 on this path) under the launch era's 50,000-rao flat fee buys
        // alpha worth the rest, whose sale cannot cover the fee: the dump is refused and the alpha stays the
        // pump's, not the holders'
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network(), 0, 30, 1, 3L,
                List.of(new PumpAndDump(0, 6e-5, 0, 1, 20)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(19);
        final double bought = sim.state().positionAlpha[0];
        assertTrue(bought > 0.0, "the pump bought alpha: " + bought);
        sim.runBlocks(11);
        assertEquals(bought, sim.state().positionAlpha[0], "still the pump's after the refused dump");
        assertEquals(0.0, sim.state().taoUnstaked[0], "nothing sold");
        assertEquals(-sim.state().taoStaked[0], sim.outcomes().column(PumpAndDump.PNL)[0], "spent, nothing received");
    }

    @Test
    void salesThePoolRefusesShouldLeaveTheInflowsAlphaWithTheInflow() {
        // one order of 7.5e-8 of each pool's TAO: 75,000 rao into subnets 0 and 1 under the launch era's
        // 50,000-rao flat fee (subnet 2's 750 rao buy nothing) buys alpha worth about 25,000 rao, whose sales
        // cannot cover the fee: every sale of the liquidation is refused and the alpha stays the inflow's
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network(), 0, 30, 1, 3L,
                List.of(new CapitalInflow(7.5e-8, 0, 1, 10, 20, 1)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(10);
        final double[] bought = sim.state().positionAlpha.clone();
        assertTrue(bought[0] > 0.0 && bought[1] > 0.0, "the inflow bought into subnets 0 and 1");
        assertEquals(0.0, bought[2], "an order below the fee buys nothing");
        sim.runBlocks(20);
        assertArrayEquals(bought, sim.state().positionAlpha, "still the inflow's after the refused sales");
        assertEquals(0.0, sim.state().taoUnstaked[0], "nothing sold");
        assertEquals(0.0, sim.outcomes().column(CapitalInflow.RECEIVED)[0], "nothing received");
        assertEquals(sim.state().taoStaked[0], sim.outcomes().column(CapitalInflow.SPENT)[0], "spent what it staked");
    }

    @Test
    void stakersShouldLeaveASubnetWhoseShareStaysBelowTheThreshold() {
        // subnet 2's share is ≈ 1e-4 / 0.2 = 5e-4 < 1e-3: after one day its stakers unstake 20 % a day
        final RunResult ghost = run(List.of(new GhostTown(1e-3, 1.0, 0.2, 360)), 3 * 7200);
        final RunResult quiet = run(List.of(), 3 * 7200);
        for (int p = 0; p < 4; p++) {
            assertTrue(ghost.finalState().spotPrice(p, 2) < 0.8 * quiet.finalState().spotPrice(p, 2),
                    "the deserted subnet's price falls on path " + p);
            // they only feel the deserted subnet through its smaller emission share
            assertEquals(quiet.finalState().spotPrice(p, 0), ghost.finalState().spotPrice(p, 0),
                    1e-4 * quiet.finalState().spotPrice(p, 0), "subnets above the threshold are left alone");
        }
    }

    @Test
    void registrationsShouldArriveAtTheirPoissonRateAndPayTheLock() {
        final PoissonRegistrations arrivals = new PoissonRegistrations(2.0, 0, 400);
        // exponential gaps of mean half a day: the 400th attempt comes after ≈ 200 days (sd ≈ 10)
        final long[] blocks = arrivals.arrivalBlocks(3L);
        final double days = blocks[399] / 7200.0;
        assertTrue(days > 170 && days < 230, "400 attempts at 2 a day take ≈ 200 days: " + days);
        for (int k = 1; k < blocks.length; k++) {
            assertTrue(blocks[k] >= blocks[k - 1], "arrivals in order");
        }
        // within 10 days ≈ 20 attempts; with no rate limit, and a lock that decays back to min_lock within a
        // block (so that it cannot outgrow the TAO there is), every one registers and pays a lock into a pool
        final long inTenDays = java.util.Arrays.stream(blocks).filter(b -> b < 10 * 7200).count();
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults()
                .with(dtaosim.engine.model.Parameter.NETWORK_RATE_LIMIT, 0)
                .with(dtaosim.engine.model.Parameter.LOCK_REDUCTION_INTERVAL, 1), network(), 0, 10 * 7200, 2, 3L,
                List.of(arrivals), List.of());
        final RunResult result = Runner.run(scenario, new RunOptions(1, 2, Kernels.scalar(), true, null));
        assertEquals((double) inTenDays, result.outcome(RunResult.REGISTRATIONS)[0], "every attempt registered");
        assertTrue(result.outcome(RunResult.TAO_LOCKED)[0] >= inTenDays * 1.0, "each seeded its pool with ≥ 1 TAO");
    }

    @Test
    void scheduledAndPoissonRegistrationsShouldEachTakeSlotsOfTheirOwn() {
        // both behaviours in one scenario: each reserves the slots it added, so neither registers into the other's
        final PoissonRegistrations arrivals = new PoissonRegistrations(2.0, 0, 10);
        final int blocks = 3 * 7200;
        final long arrived = java.util.Arrays.stream(arrivals.arrivalBlocks(3L)).filter(b -> b < blocks).count();
        assertTrue(arrived > 0, "some Poisson arrivals within the run");
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults().with(Parameter.NETWORK_RATE_LIMIT, 0)
                .with(Parameter.LOCK_REDUCTION_INTERVAL, 1), network(), 0, blocks, 2, 3L,
                List.of(new SubnetRegistrations(100, 3_600, 4), arrivals), List.of());
        final RunResult result = Runner.run(scenario, new RunOptions(1, 2, Kernels.scalar(), true, null));
        assertEquals(4.0 + arrived, result.outcome(RunResult.REGISTRATIONS)[0], "every attempt of both registered");
        assertEquals(3 + 4 + 10, result.finalState().subnets(), "slots: the network's, then each behaviour's");
    }

    @Test
    void capitalInflowShouldLiftEveryPoolWhileBuyingAndSellEverythingByItsEnd() {
        // 1e-4 of each pool's TAO a block for 1,000 blocks: τ grows by ≈ e^0.1, prices by ≈ e^0.2 before selling
        final CapitalInflow wave = new CapitalInflow(1e-4, 0, 1_000, 1_000, 2_000, 10);
        final RunResult bought = run(List.of(new CapitalInflow(1e-4, 0, 1_000, 5_000, 6_000, 10)), 1_000);
        final RunResult quiet = run(List.of(), 1_000);
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 3; i++) {
                final double ratio = bought.finalState().spotPrice(p, i) / quiet.finalState().spotPrice(p, i);
                assertTrue(ratio > 1.15 && ratio < 1.3, "subnet " + i + " on path " + p + " lifted ×" + ratio);
            }
            assertEquals(0.0, bought.outcome(CapitalInflow.RECEIVED)[p], "nothing sold before sellFrom");
        }
        final RunResult roundTrip = run(List.of(wave), 2_000);
        final RunResult quietLong = run(List.of(), 2_000);
        for (int p = 0; p < 4; p++) {
            final double spent = roundTrip.outcome(CapitalInflow.SPENT)[p];
            final double received = roundTrip.outcome(CapitalInflow.RECEIVED)[p];
            // emission keeps deepening the pools while the alpha is held, so the wave may sell above its cost
            assertTrue(spent > 0.0 && received > 0.0, "bought and sold: " + spent + " → " + received);
            for (int i = 0; i < 3; i++) {
                // everything bought is sold: prices come back close to the quiet run's
                final double ratio = roundTrip.finalState().spotPrice(p, i) / quietLong.finalState().spotPrice(p, i);
                assertTrue(Math.abs(ratio - 1.0) < 0.05, "subnet " + i + " back to ×" + ratio);
            }
            // TAO is conserved: the pools gained exactly what the wave left behind
            double reserveGain = 0.0;
            for (int i = 0; i < 3; i++) {
                final int c = i * 4 + p;
                reserveGain += roundTrip.finalState().taoReserve()[c] - quietLong.finalState().taoReserve()[c];
            }
            assertTrue(Math.abs(reserveGain - (spent - received)) < 0.05 * Math.abs(spent - received) + 1e-6,
                    "pools keep the wave's loss: " + reserveGain + " vs " + (spent - received));
        }
    }
}
