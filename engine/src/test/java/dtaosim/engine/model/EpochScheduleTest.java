package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Known answers for {@link EpochSchedule}, the epoch schedule before dynamic tempo (mechanics §4,
 * {@code run_coinbase.rs :: blocks_until_next_epoch}: {@code tempo − (block + netuid + 1) mod (tempo + 1)}).
 *
 * <p>Source of the vectors: subtensor {@code pallets/subtensor/tests/emission.rs} (commit 2df4df5d, the tests of
 * {@code blocks_until_next_epoch(netuid, tempo, block)} written for that formula). Two groups are not ported:
 * <ul>
 *   <li>Spec §8 #26 (HEAD {@code pallets/subtensor/src/tests/emission.rs}: (tempo 10, block 5) → 5, (20, 21) → 0,
 *       (10, 9) → 1 with LastEpochBlock = 0) tests {@code blocks_until_next_auto_epoch} of dynamic tempo
 *       (2026-06-25+), i.e. {@code LastEpochBlock + tempo − block}, saturating at 0, with no netuid stagger and
 *       a period of tempo blocks. Our function models the launch era, whose epochs are staggered by netuid every
 *       tempo + 1 blocks, so for the same arguments it must give other numbers (netuid 1, tempo 10, block 5 is
 *       3 here, not 5); those vectors describe another rule, not this one.</li>
 *   <li>The u64::MAX cases (test_boundary_conditions, test_overflow_handling, test_wrap_around_behavior) rely on
 *       u64 wrap-around; the engine's blocks are signed longs below 2^62 (Scenario validation).</li>
 * </ul>
 */
class EpochScheduleTest {

    @Test
    void blocksUntilNextEpochShouldMatchTestRegularCase() {
        // emission.rs test_regular_case (also spec §4: blocks_until_next_epoch(1, 10, 5) == 3)
        assertEquals(3, EpochSchedule.blocksUntilNextEpoch(1, 10, 5));
        assertEquals(2, EpochSchedule.blocksUntilNextEpoch(2, 20, 15));
        assertEquals(1, EpochSchedule.blocksUntilNextEpoch(3, 30, 25));
    }

    @Test
    void blocksUntilNextEpochShouldMatchTestEpochAlignment() {
        // emission.rs test_epoch_alignment
        assertEquals(10, EpochSchedule.blocksUntilNextEpoch(1, 10, 9));
        assertEquals(17, EpochSchedule.blocksUntilNextEpoch(2, 20, 21));
    }

    @Test
    void blocksUntilNextEpochShouldMatchTestDifferentNetworkIds() {
        // emission.rs test_different_network_ids
        assertEquals(3, EpochSchedule.blocksUntilNextEpoch(1, 10, 5));
        assertEquals(2, EpochSchedule.blocksUntilNextEpoch(2, 10, 5));
        assertEquals(1, EpochSchedule.blocksUntilNextEpoch(3, 10, 5));
    }

    @Test
    void blocksUntilNextEpochShouldMatchTestLargeTempoValues() {
        // emission.rs test_large_tempo_values: (1, u16::MAX − 1, 100) → u16::MAX − 103
        assertEquals(65_535 - 103, EpochSchedule.blocksUntilNextEpoch(1, 65_534, 100));
    }

    @Test
    void blocksUntilNextEpochShouldCountDownByOneAsInTestConsecutiveBlocks() {
        // emission.rs test_consecutive_blocks: tempo 10, netuid 1, blocks 1 … tempo − 2
        long last = EpochSchedule.blocksUntilNextEpoch(1, 10, 0);
        for (long block = 1; block < 9; block++) {
            final long current = EpochSchedule.blocksUntilNextEpoch(1, 10, block);
            assertEquals(Math.max(last - 1, 0), current, "block " + block);
            last = current;
        }
    }

    @Test
    void zeroTempoShouldNeverRunAnEpochAsInTestZeroTempo() {
        // emission.rs test_zero_tempo: u64::MAX; the engine's "never" is Long.MAX_VALUE
        assertEquals(Long.MAX_VALUE, EpochSchedule.blocksUntilNextEpoch(1, 0, 100));
    }

    @Test
    void netuidOneWithTempoTenShouldRunItsEpochAtBlockEightThenEveryElevenBlocks() {
        // spec §4: the run_coinbase test puts netuid 1's epoch at block 8; period tempo + 1
        for (long block = 0; block < 200; block++) {
            assertEquals(block % 11 == 8, EpochSchedule.isEpochBlock(1, 10, block), "block " + block);
        }
    }
}
