package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §2 (eligible set: {@code FirstEmissionBlockNumber} set, i.e. start_call done) and §6 (start_call sets
 * FirstEmissionBlockNumber = now + 1). Until the engine models start_call during a run, every subnet of a
 * scenario must have started: a first emission block after the first simulated block + 1 is rejected rather
 * than emitted to.
 */
class EligibilityTest {

    private static Network network(final long secondSubnetFirstEmission) {
        return new Network(new double[] {10.0, 20.0}, new double[] {10.0, 20.0}, new double[] {0.0, 0.0},
                new double[] {0.5, 0.5}, new long[] {0, secondSubnetFirstEmission}, 100.0, 0.0);
    }

    @Test
    void scenarioShouldRejectASubnetThatHasNotStartedYet() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scenario(Era.LAUNCH_2025_02.defaults(), network(1000), 0, 10, 1, 1L, List.of(),
                        List.of()));
        assertTrue(e.getMessage().startsWith("network.firstEmissionBlock[1]: 1000"), e.getMessage());
    }

    @Test
    void scenarioShouldAcceptASubnetStartedAtTheFirstBlock() {
        // start_call at block 0 sets FirstEmissionBlockNumber = 1, and the subnet is eligible from then on
        assertDoesNotThrow(() -> new Scenario(Era.LAUNCH_2025_02.defaults(), network(1), 0, 10, 1, 1L, List.of(),
                List.of()));
    }
}
