package dtaosim.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.testing.RandomScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reference model's own pieces against the engine's independent ones, and its refusals. */
class ReferenceModelTest {

    @Test
    void blockEmissionShouldAgreeWithHalvingScheduleIncludingAtTheThresholds() {
        final SplittableRandom rng = new SplittableRandom(5);
        for (int k = 1; k <= 20; k++) {
            final double threshold = HalvingSchedule.threshold(k);
            for (final double issuance : new double[] {threshold, Math.nextDown(threshold), Math.nextUp(threshold)}) {
                assertEquals(HalvingSchedule.emission(issuance, 1.0), ReferenceModel.blockEmission(issuance, 1.0),
                        0.0, "issuance " + issuance);
            }
        }
        for (int draw = 0; draw < 100_000; draw++) {
            final double issuance = rng.nextDouble(-1.0, 21_000_001.0);
            final double base = rng.nextDouble(0.0, 3.0);
            assertEquals(HalvingSchedule.emission(issuance, base), ReferenceModel.blockEmission(issuance, base), 0.0,
                    "issuance " + issuance + ", base " + base);
        }
    }

    @Test
    void uniformShouldAgreeWithCounterRng() {
        final SplittableRandom rng = new SplittableRandom(6);
        for (int draw = 0; draw < 100_000; draw++) {
            final long seed = rng.nextLong();
            final long index = rng.nextLong();
            assertEquals(CounterRng.uniform(seed, index), ReferenceModel.uniform(seed, index), 0.0);
        }
    }

    @Test
    void simulateShouldRefuseScenariosItDoesNotModel() {
        final Scenario base = RandomScenarios.allBehaviours(3, 2, 10, 1L);
        final Scenario twoPumps = new Scenario(base.protocol(), base.network(), 0, 10, 2, 1L,
                List.of(new PumpAndDump(0, 1.0, 0, 5, 8), new PumpAndDump(1, 1.0, 0, 5, 8)), List.of());
        assertThrows(IllegalArgumentException.class, () -> ReferenceModel.simulate(twoPumps, 0));
        final Scenario unknownBehaviour = new Scenario(base.protocol(), base.network(), 0, 10, 2, 1L,
                List.of((state, kernels, seed) -> block -> { }), List.of());
        assertThrows(IllegalArgumentException.class, () -> ReferenceModel.simulate(unknownBehaviour, 0));
        final Scenario unknownProbe = new Scenario(base.protocol(), base.network(), 0, 10, 2, 1L, List.of(),
                List.of(state -> block -> { }));
        assertThrows(IllegalArgumentException.class, () -> ReferenceModel.simulate(unknownProbe, 0));
        assertThrows(IllegalArgumentException.class, () -> ReferenceModel.simulate(base, 2));
    }
}
