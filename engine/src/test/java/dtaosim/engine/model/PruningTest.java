package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Pruning#subnetToPrune} (mechanics §6, {@code coinbase/root.rs :: get_network_to_prune}; spec §8 vector
 * #25). Ported from subtensor {@code tests/networks.rs} at 14bc6f9f9: {@code prune_none_with_no_networks},
 * {@code prune_none_when_all_networks_immune}, {@code prune_selects_network_with_lowest_price},
 * {@code prune_ignores_immune_network_even_if_lower_price}, {@code prune_tie_on_price_earlier_registration_wins},
 * {@code prune_selection_complex_state_exhaustive} (phases A–I). The pallet mock's NetworkImmunityPeriod is
 * 1,296,000; {@code add_dynamic_network} records the current block as NetworkRegisteredAt; a fresh subnet's
 * moving price is 0.
 */
class PruningTest {
    private static final long IMM = 1_296_000L;

    @Test
    void noSubnetShouldBePrunedWithoutSubnetsAsInPruneNoneWithNoNetworks() {
        assertEquals(Pruning.NONE, Pruning.subnetToPrune(0, IMM, new double[0], new long[0], new boolean[0]));
    }

    @Test
    void noSubnetShouldBePrunedWhileAllAreImmuneAsInPruneNoneWhenAllNetworksImmune() {
        assertEquals(Pruning.NONE, Pruning.subnetToPrune(0, IMM, new double[] {0.0, 0.0}, new long[] {0, 0},
                new boolean[] {true, true}));
    }

    @Test
    void theLowestMovingPriceShouldBePrunedAsInPruneSelectsNetworkWithLowestPrice() {
        // n1 P̄ 1, n2 P̄ 10, both registered at 0, block imm + 10
        assertEquals(0, Pruning.subnetToPrune(IMM + 10, IMM, new double[] {1.0, 10.0}, new long[] {0, 0},
                new boolean[] {true, true}));
    }

    @Test
    void anImmuneSubnetShouldBeSkippedEvenIfCheaperAsInPruneIgnoresImmuneNetworkEvenIfLowerPrice() {
        // n1 registered at 0 (P̄ 5), n2 registered at imm + 5 (P̄ 1), block imm + 10
        assertEquals(0, Pruning.subnetToPrune(IMM + 10, IMM, new double[] {5.0, 1.0}, new long[] {0, IMM + 5},
                new boolean[] {true, true}));
    }

    @Test
    void theEarlierRegistrationShouldWinAPriceTieAsInPruneTieOnPriceEarlierRegistrationWins() {
        // n1 at block 0, n2 at block 1, both P̄ 7, block imm + 20
        assertEquals(0, Pruning.subnetToPrune(IMM + 20, IMM, new double[] {7.0, 7.0}, new long[] {0, 1},
                new boolean[] {true, true}));
        // the same with the later-registered subnet in the lower slot
        assertEquals(1, Pruning.subnetToPrune(IMM + 20, IMM, new double[] {7.0, 7.0}, new long[] {1, 0},
                new boolean[] {true, true}));
    }

    @Test
    void selectionShouldFollowEveryPhaseOfPruneSelectionComplexStateExhaustive() {
        // n1, n2 at block 0; n3 at 1; n4 at 2; n5 at imm + 5; n6 at imm + 6 (slots 0..5)
        final long[] registeredAt = {0, 0, 1, 2, IMM + 5, IMM + 6};
        final boolean[] added = {true, true, true, true, true, true};
        final double[] price = {25, 25, 100, 1, 0, 0};
        // A: only n1..n4 mature → n4 (price 1)
        assertEquals(3, Pruning.subnetToPrune(IMM + 10, IMM, price, registeredAt, added));
        // B: n4 → 25; tie n1/n2 with the same registration block → first encountered, n1
        price[3] = 25;
        assertEquals(0, Pruning.subnetToPrune(IMM + 10, IMM, price, registeredAt, added));
        // C: n3 → 25; all four tie → earliest registration, n1
        price[2] = 25;
        assertEquals(0, Pruning.subnetToPrune(IMM + 10, IMM, price, registeredAt, added));
        // D: n5, n6 (price 0) still immune → n1
        assertEquals(0, Pruning.subnetToPrune(IMM + 10, IMM, price, registeredAt, added));
        // E: at block 0 everything is immune
        assertEquals(Pruning.NONE, Pruning.subnetToPrune(0, IMM, price, registeredAt, added));
        // F: at 2·imm + 10 n5 and n6 are mature with price 0 → n5, registered earlier
        assertEquals(4, Pruning.subnetToPrune(2 * IMM + 10, IMM, price, registeredAt, added));
        // G: n5 dissolved → n6
        added[4] = false;
        assertEquals(5, Pruning.subnetToPrune(2 * IMM + 10, IMM, price, registeredAt, added));
        // H: n6 → 100, n3 → 1 → n3
        price[5] = 100;
        price[2] = 1;
        assertEquals(2, Pruning.subnetToPrune(2 * IMM + 10, IMM, price, registeredAt, added));
        // I: n2 → 1 ties n3 and registered earlier → n2
        price[1] = 1;
        assertEquals(1, Pruning.subnetToPrune(2 * IMM + 10, IMM, price, registeredAt, added));
        // extra: an unadded n2 is not considered
        added[1] = false;
        assertNotEquals(1, Pruning.subnetToPrune(2 * IMM + 10, IMM, price, registeredAt, added));
    }

    @Test
    void immunityShouldEndExactlyAtRegistrationPlusThePeriod() {
        final double[] price = {0.5};
        final long[] registeredAt = {1_000};
        final boolean[] added = {true};
        assertEquals(Pruning.NONE, Pruning.subnetToPrune(1_000 + IMM - 1, IMM, price, registeredAt, added));
        assertEquals(0, Pruning.subnetToPrune(1_000 + IMM, IMM, price, registeredAt, added));
    }
}
