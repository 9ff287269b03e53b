package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.testing.RandomScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runtime upgrades during a run: the state carries over and the new era's rules apply from the change on. */
class EraChangeTest {

    private static Scenario withChanges(final Scenario base, final ProtocolParams first, final List<EraChange> changes) {
        return new Scenario(first, base.network(), base.startBlock(), base.blocks(), base.paths(), base.seed(),
                base.behaviours(), base.probes(), changes);
    }

    @Test
    void aChangeToTheSameRulesShouldChangeNothing() {
        final Scenario base = RandomScenarios.allBehaviours(8, 12, 1500, 21L);
        final RunResult plain = Runner.run(base, new RunOptions(1, 12, Kernels.best(), true, null));
        final Scenario same = withChanges(base, base.protocol(),
                List.of(new EraChange(base.startBlock() + 700, base.protocol())));
        final RunResult changed = Runner.run(same, new RunOptions(1, 12, Kernels.best(), true, null));
        assertArrayEquals(plain.finalState().taoReserve(), changed.finalState().taoReserve());
        assertArrayEquals(plain.finalState().movingPrice(), changed.finalState().movingPrice());
    }

    @Test
    void everyEraInTurnShouldConserveTaoAndAlphaAndApplyItsRules() {
        final Scenario base = RandomScenarios.allBehaviours(10, 16, 3500, 22L);
        final long start = base.startBlock();
        final Scenario history = withChanges(base, Era.LAUNCH_2025_02.defaults(), List.of(
                new EraChange(start + 500, Era.EMA_RAMP_2025_03.defaults()),
                new EraChange(start + 1000, Era.SUBSIDY_2025_07.defaults()),
                new EraChange(start + 1500, Era.TAOFLOW_2025_11.defaults()),
                new EraChange(start + 2000, Era.CAPPED_2025_12.defaults()),
                new EraChange(start + 2500, Era.NETFLOW_2026_05.defaults()),
                new EraChange(start + 3000, Era.PRICE_BURN_2026_06.defaults())));
        final RunResult result = Runner.run(history, new RunOptions(2, 8, Kernels.best(), true, null));
        InvariantsTest.assertInvariants("launch → price-burn", history, result);
        // the later eras' fees go to block authors, their chain buys recycle or keep alpha: both happened
        for (int p = 0; p < result.range().size(); p++) {
            assertTrue(result.outcome(RunResult.TAO_FEES)[p] > 0.0, "fees to authors on path " + p);
        }
    }

    @Test
    void changesOutsideTheRunOrOutOfOrderShouldBeRefused() {
        final Scenario base = RandomScenarios.allBehaviours(4, 4, 1000, 23L);
        final ProtocolParams p = base.protocol();
        assertThrows(IllegalArgumentException.class, () -> withChanges(base, p,
                List.of(new EraChange(base.startBlock() + 1000, p))));
        assertThrows(IllegalArgumentException.class, () -> withChanges(base, p,
                List.of(new EraChange(base.startBlock() + 600, p), new EraChange(base.startBlock() + 500, p))));
    }
}
