package dtaosim.engine.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.HalvingSchedule;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviours that recycle alpha lower a subnet's alpha issuance outside the coinbase (mechanics §1: recycled
 * alpha leaves issuance): a pool just past its first alpha halving whose burns take issuance back below it must
 * mint the pre-halving alpha emission again, not a cached halved one.
 */
class AlphaBurnHalvingTest {
    @ParameterizedTest
    @ValueSource(strings = {"neuron-registrations", "revenue-buybacks"})
    void burnsBelowAHalvingShouldRestoreTheAlphaEmission(final String behaviour) {
        final double issuance = HalvingSchedule.threshold(1) + 20.0; // just past the first halving
        final double alphaIn = 5.0e6;
        final Network network = new Network(new double[] {1.0e6}, new double[] {alphaIn},
                new double[] {issuance - alphaIn}, new double[] {0.2}, new long[] {1L}, 0.0, 0.0);
        final Behaviour burns = behaviour.equals("neuron-registrations") ? new NeuronRegistrations(10.0, 1)
                : new RevenueBuybacks(0, 7200.0 * 10.0, 0.0, 1.0, 1, true);
        final Scenario scenario = new Scenario(Era.LAUNCH_2025_02.defaults(), network, 1_000, 100, 2, 3L,
                List.of(burns), List.of());
        for (final var kernels : List.of(Kernels.scalar(), Kernels.best())) {
            final BatchSimulation sim = new BatchSimulation(scenario, 0, 2, kernels);
            sim.runBlocks(30);
            final BatchState s = sim.state();
            for (int p = 0; p < 2; p++) {
                final double now = s.alphaIn[p] + s.alphaOut[p];
                assertTrue(now < HalvingSchedule.threshold(1) - 100.0, "burned below the halving: " + now);
                assertEquals(1.0, s.alphaEmission[p], 0.0, "alpha emission before the first halving");
            }
        }
    }
}
