package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Burn registrations (mechanics §6, subnets/registration.rs): when the burn is users' TAO inflow (from 2026-05-27,
 * at its full amount, {@code record_tao_inflow(netuid, actual_burn_amount)}; before, only stakes recorded
 * inflows), and that subnets not yet started take registrations too (subtensor {@code tests/subnet.rs ::
 * test_subtoken_enable_ok_for_burn_register_before_enable}). One subnet, pool 100 TAO : 100 alpha, one burn of
 * 1 TAO in block 0 ({@code everyBlocks} 1000), flow smoothing ½ so the flow EMA after the next block's update is
 * half the flow.
 */
class NeuronRegistrationsTest {
    private static final double BURN = 1.0;

    private static BatchState run(final ProtocolParams protocol, final long firstEmission, final int blocks) {
        final Network network = new Network(new double[] {100.0}, new double[] {100.0}, new double[] {10.0},
                new double[] {1.0}, new long[] {firstEmission}, 0.0, 0.0);
        final Scenario scenario = new Scenario(protocol, network, 0, 1_000, 1, 3L,
                List.of(new NeuronRegistrations(BURN, 1_000)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(blocks);
        return sim.state();
    }

    @ParameterizedTest(name = "{0}: flow {1} of the burn")
    @CsvSource({"taoflow-2025-11, 0", "capped-2025-12, 0", "netflow-2026-05, 1"})
    void aBurnShouldBeUsersInflowAtItsFullAmountFromTheNetFlowEraOnly(final String era, final double counted) {
        final ProtocolParams protocol = Era.byId(era).defaults().with(Parameter.FLOW_SMOOTHING, 0.5);
        final BatchState s = run(protocol, 1L, 2);
        // block 0's step sees no flow; block 1's sees the burn made after block 0's step
        assertEquals(0.5 * counted * BURN, s.taoFlowEma[0], 1e-12, "users' flow EMA");
    }

    @Test
    void aSubnetNotYetStartedShouldStillTakeBurnRegistrations() {
        // a subnet registered in block 0 waits 1,000 blocks for start_call: no emission, but burns are swapped
        // into its pool, seeded 1:1 at the minimum lock (taoflow era: the fee stays in the pool)
        final ProtocolParams protocol = Era.TAOFLOW_2025_11.defaults().with(Parameter.START_CALL_DELAY, 1_000)
                .with(Parameter.NETWORK_RATE_LIMIT, 0);
        final Network network = new Network(new double[] {100.0}, new double[] {100.0}, new double[] {10.0},
                new double[] {1.0}, new long[] {1L}, 0.0, 1.0e6); // TotalIssuance covers the lock
        final Scenario scenario = new Scenario(protocol, network, 0, 1_000, 1, 3L,
                List.of(new SubnetRegistrations(0, 1_000, 1), new NeuronRegistrations(BURN, 1)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(1);
        final BatchState s = sim.state();
        final double seed = protocol.get(Parameter.MIN_LOCK);
        final double fee = BURN * 33.0 / 65_535.0;
        final double bought = seed * (BURN - fee) / (seed + BURN - fee);
        assertAll(
                () -> assertEquals(BatchState.ROW_IDLE, s.rowMode(1, 1), "not started"),
                () -> assertEquals(seed + BURN, s.taoReserve[1], 1e-12, "SubnetTAO: seed + burn"),
                () -> assertEquals(seed - bought, s.alphaIn[1], 1e-12, "SubnetAlphaIn"),
                () -> assertEquals(0.0, s.alphaOut[1], 1e-12, "bought alpha recycled, no emission"));
    }

    /**
     * A burn before start_call is users' inflow in the netflow era too: SubnetTaoFlow accumulates it until the
     * subnet's first flow update (get_ema_flow runs for started subnets only). A subnet registered in block 0
     * with start_call 10 blocks later takes a 1-TAO burn in blocks 0, 5 and 10; its first update, in block 11
     * (its first emission block), sees all three: EMA = ½ · 3 TAO (before this, only block 10's burn counted).
     */
    @Test
    void burnsBeforeStartCallShouldReachTheSubnetsFirstFlowUpdate() {
        final ProtocolParams protocol = Era.NETFLOW_2026_05.defaults().with(Parameter.START_CALL_DELAY, 10)
                .with(Parameter.NETWORK_RATE_LIMIT, 0).with(Parameter.FLOW_SMOOTHING, 0.5);
        final Network network = new Network(new double[] {100.0}, new double[] {100.0}, new double[] {10.0},
                new double[] {1.0}, new long[] {1L}, 0.0, 1.0e6);
        final Scenario scenario = new Scenario(protocol, network, 0, 1_000, 1, 3L,
                List.of(new SubnetRegistrations(0, 1_000, 1), new NeuronRegistrations(BURN, 5)), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(11);
        final BatchState s = sim.state();
        assertAll(
                () -> assertEquals(BatchState.ROW_IDLE, s.rowMode(1, 10), "not started before block 11"),
                () -> assertEquals(0.0, s.taoFlowEma[1], "no flow update before the first emission"));
        sim.runBlocks(1);
        assertEquals(0.5 * 3 * BURN, s.taoFlowEma[1], 1e-12, "block 11: the three burns, halved by the EMA");
    }
}
