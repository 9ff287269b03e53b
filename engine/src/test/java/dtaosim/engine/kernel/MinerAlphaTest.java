package dtaosim.engine.kernel;

import static dtaosim.engine.kernel.EraRulesTest.CUT;
import static dtaosim.engine.kernel.EraRulesTest.assertClose;
import static dtaosim.engine.kernel.EraRulesTest.pools;
import static dtaosim.engine.kernel.EraRulesTest.v;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.EraChange;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The miners' alpha an epoch pays out (mechanics §4; run_coinbase.rs at 14bc6f9f: {@code pending_server_alpha =
 * ½·(alpha_out − owner cut)}, root alpha comes out of the validators' half only), with and without an owner cut and
 * across an era change that changes the cut. subtensor {@code tests/coinbase.rs :: test_pending_emission} (owner
 * cut 0, root stake) expects 5e8 rao of miners' alpha from 1e9 alpha out.
 *
 * <p>Fixture: one subnet, pool 100 TAO : 100 alpha, 78 alpha out, R = 1000 TAO (so root alpha is taken every
 * block), alpha emission 1 per block, tempo 10 from block 0: netuid 1's epoch falls in block 8, after 9 blocks.
 */
class MinerAlphaTest {
    private static final int BLOCKS = 9;

    private static Network fixture() {
        return pools(1000.0, 0.0, v(100.0), v(100.0), v(78.0), v(1.0));
    }

    /** The era's defaults at tempo 10, on the modulo epoch schedule (dynamic tempo off in the price-burn era). */
    private static ProtocolParams tempo10(final String era) {
        final Era chosen = Era.byId(era);
        final ProtocolParams defaults = chosen.defaults().withTempo(10);
        return chosen == Era.PRICE_BURN_2026_06 ? defaults.with(Switch.DYNAMIC_TEMPO, false) : defaults;
    }

    private static BatchState runToEpoch(final ProtocolParams first, final List<EraChange> changes) {
        final Scenario scenario = new Scenario(first, fixture(), 0, 1_000, 1, 7L, List.of(), List.of(), changes);
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 1, Kernels.scalar());
        sim.runBlocks(BLOCKS);
        assertEquals(1, sim.state().drainedCount, "netuid 1 drains at block 8");
        return sim.state();
    }

    @ParameterizedTest(name = "{0}, owner cut {1}")
    @CsvSource({
        "launch-2025-02, 0", "launch-2025-02, 0.18", "launch-2025-02, 1",
        "subsidy-2025-07, 0", "taoflow-2025-11, 0", "taoflow-2025-11, 0.18",
        "price-burn-2026-06, 0", "price-burn-2026-06, 0.18"})
    void minersShouldGetHalfTheAlphaOutAfterTheOwnerCutWhateverTheRootTakes(final String era, final double cut) {
        final ProtocolParams protocol = tempo10(era).with(Parameter.OWNER_CUT, cut);
        final BatchState s = runToEpoch(protocol, List.of());
        assertAll(
                () -> assertClose(0.5 * (1.0 - cut) * BLOCKS, s.drainedMinerAlpha[0], "miners' alpha"),
                () -> assertClose(cut * BLOCKS, s.drainedOwnerAlpha[0], "owner cut"));
    }

    @ParameterizedTest(name = "owner cut {0} → {1}")
    @CsvSource({"0.18, 0", "0, 0.18", "0.18, 0.5"})
    void minersAlphaShouldFollowAChangeOfTheCutWithinATempo(final double before, final double after) {
        // blocks 0–3 under the first cut, blocks 4–8 under the second
        final ProtocolParams first = tempo10("launch-2025-02").with(Parameter.OWNER_CUT, before);
        final ProtocolParams second = tempo10("launch-2025-02").with(Parameter.OWNER_CUT, after);
        final BatchState s = runToEpoch(first, List.of(new EraChange(4, second)));
        assertClose(0.5 * (1.0 - before) * 4 + 0.5 * (1.0 - after) * 5, s.drainedMinerAlpha[0], "miners' alpha");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"launch-2025-02", "price-burn-2026-06"})
    void theDefaultCutShouldStillNeedNoAccrual(final String era) {
        // the default cut (11,796/65,535) reads the miners' alpha from the pending owner cut
        final BatchState s = runToEpoch(tempo10(era), List.of());
        assertAll(
                () -> assertEquals(false, s.minerAlphaAccrues),
                () -> assertClose(0.5 * (1.0 - CUT) * BLOCKS, s.drainedMinerAlpha[0], "miners' alpha"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"launch-2025-02", "price-burn-2026-06"})
    void withoutACutEachEpochShouldPayTheBlocksSinceTheLastOnlyOnThePathsHoldingTheSubnet(final String era) {
        // two paths, the subnet dissolved on path 1 before the run (a mixed row); tempo 10: epochs in blocks 8
        // and 19, after 9 and 11 blocks
        final ProtocolParams protocol = tempo10(era).with(Parameter.OWNER_CUT, 0.0);
        final Scenario scenario = new Scenario(protocol, fixture(), 0, 1_000, 2, 7L, List.of(), List.of());
        final BatchSimulation sim = new BatchSimulation(scenario, 0, 2, Kernels.scalar());
        final BatchState s = sim.state();
        new SubnetLifecycle(protocol, 1).dissolve(s, 0, 1);
        sim.runBlocks(BLOCKS);
        assertAll(
                () -> assertClose(0.5 * BLOCKS, s.drainedMinerAlpha[0], "first epoch, path 0"),
                () -> assertEquals(0.0, s.drainedMinerAlpha[1], "first epoch, path 1 (no subnet)"));
        sim.runBlocks(11);
        assertEquals(1, s.drainedCount, "netuid 1 drains again at block 19");
        assertAll(
                () -> assertClose(0.5 * 11, s.drainedMinerAlpha[0], "second epoch, path 0: 11 blocks"),
                () -> assertEquals(0.0, s.drainedMinerAlpha[1], "second epoch, path 1"));
    }
}
