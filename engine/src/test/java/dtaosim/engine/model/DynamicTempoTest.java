package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamicTempo} (mechanics §4, dynamic tempo 2026-06-25+; spec §8 vector #26). Ported subtensor tests at
 * 14bc6f9f9:
 * <ul>
 *   <li>{@code tests/emission.rs} ({@code blocks_until_next_auto_epoch}): {@code test_zero_tempo},
 *       {@code test_regular_case}, {@code test_boundary_conditions}, {@code test_overflow_handling},
 *       {@code test_epoch_alignment}, {@code test_different_network_ids}, {@code test_large_tempo_values},
 *       {@code test_consecutive_blocks}, {@code test_wrap_around_behavior} (u64::MAX blocks become 2^62, the
 *       engine's block bound);</li>
 *   <li>{@code tests/tempo_control.rs}: {@code get_next_epoch_start_block_returns_none_when_tempo_zero},
 *       {@code get_next_epoch_start_block_uses_last_epoch_block_plus_tempo},
 *       {@code get_next_epoch_start_block_returns_pending_when_pending_is_earlier},
 *       {@code get_next_epoch_start_block_ignores_pending_when_auto_is_earlier},
 *       {@code get_next_epoch_start_block_reflects_set_tempo_cycle_reset},
 *       {@code do_trigger_epoch_rejects_when_auto_epoch_already_imminent} (its remaining-blocks arithmetic);</li>
 *   <li>{@code tests/coinbase.rs}: {@code test_epochs_deferred_this_block_respects_cap},
 *       {@code test_coinbase_drain_pending_increments_blockssincelaststep},
 *       {@code test_coinbase_drain_pending_resets_blockssincelaststep};</li>
 *   <li>{@code tests/migration.rs}: {@code test_migrate_dynamic_tempo_aligns_first_post_upgrade_fire}.</li>
 * </ul>
 * The stagger of {@code init_new_network} has no chain test; its cases here are derived from the code.
 */
class DynamicTempoTest {
    private static final long FAR_FUTURE = 1L << 62;

    @Test
    void zeroTempoShouldNeverRunAsInTestZeroTempo() {
        assertEquals(DynamicTempo.NEVER, DynamicTempo.blocksUntilNextAutoEpoch(0, 100, 0));
        assertFalse(DynamicTempo.shouldRunEpoch(0, 100, 0, 50, DynamicTempo.MAX_TEMPO + 1)); // even if triggered
    }

    @Test
    void blocksUntilNextAutoEpochShouldMatchSpecVector26AsInTestRegularCaseAndTestEpochAlignment() {
        // spec §8 #26, LastEpochBlock = 0
        assertEquals(5, DynamicTempo.blocksUntilNextAutoEpoch(10, 5, 0));
        assertEquals(0, DynamicTempo.blocksUntilNextAutoEpoch(20, 21, 0)); // one past next-auto: saturates
        assertEquals(1, DynamicTempo.blocksUntilNextAutoEpoch(10, 9, 0));
        // test_regular_case, remaining rows
        assertEquals(5, DynamicTempo.blocksUntilNextAutoEpoch(20, 15, 0));
        assertEquals(5, DynamicTempo.blocksUntilNextAutoEpoch(30, 25, 0));
    }

    @Test
    void blocksUntilNextAutoEpochShouldNotDependOnTheNetuidAsInTestDifferentNetworkIds() {
        // the signature has no netuid: netuids 1, 2, 3 anchored at 0 all give 5
        for (int netuid = 1; netuid <= 3; netuid++) {
            assertEquals(5, DynamicTempo.blocksUntilNextAutoEpoch(10, 5, 0), "netuid " + netuid);
        }
    }

    @Test
    void blocksUntilNextAutoEpochShouldSaturateAsInTestBoundaryConditionsTestOverflowHandlingAndTestWrapAroundBehavior() {
        assertEquals(0, DynamicTempo.blocksUntilNextAutoEpoch(65_535, FAR_FUTURE, 0));
        assertEquals(65_535, DynamicTempo.blocksUntilNextAutoEpoch(65_535, 0, 0));
        assertEquals(0, DynamicTempo.blocksUntilNextAutoEpoch(65_535, FAR_FUTURE - 1, 0));
        assertEquals(0, DynamicTempo.blocksUntilNextAutoEpoch(10, FAR_FUTURE, 0));
        assertEquals(0, DynamicTempo.blocksUntilNextAutoEpoch(10, FAR_FUTURE - 1, 0));
    }

    @Test
    void blocksUntilNextAutoEpochShouldHandleLargeTemposAsInTestLargeTempoValues() {
        assertEquals(65_535 - 1 - 100, DynamicTempo.blocksUntilNextAutoEpoch(65_534, 100, 0));
    }

    @Test
    void blocksUntilNextAutoEpochShouldCountDownAsInTestConsecutiveBlocks() {
        long last = DynamicTempo.blocksUntilNextAutoEpoch(10, 0, 0);
        for (long block = 1; block < 9; block++) {
            final long current = DynamicTempo.blocksUntilNextAutoEpoch(10, block, 0);
            assertEquals(last - 1, current, "block " + block);
            last = current;
        }
    }

    @Test
    void nextEpochStartBlockShouldFollowTheGetNextEpochStartBlockTests() {
        // get_next_epoch_start_block_returns_none_when_tempo_zero
        assertEquals(DynamicTempo.NEVER, DynamicTempo.nextEpochStartBlock(0, 100, 0));
        // get_next_epoch_start_block_uses_last_epoch_block_plus_tempo
        assertEquals(150, DynamicTempo.nextEpochStartBlock(50, 100, 0));
        // get_next_epoch_start_block_returns_pending_when_pending_is_earlier
        assertEquals(120, DynamicTempo.nextEpochStartBlock(50, 100, 120));
        // get_next_epoch_start_block_ignores_pending_when_auto_is_earlier
        assertEquals(150, DynamicTempo.nextEpochStartBlock(50, 100, 200));
        // get_next_epoch_start_block_reflects_set_tempo_cycle_reset: set_tempo at block 10 sets LastEpochBlock = 10
        assertEquals(10 + 720, DynamicTempo.nextEpochStartBlock(720, 10, 0));
    }

    @Test
    void remainingBlocksShouldBeSixAsInDoTriggerEpochRejectsWhenAutoEpochAlreadyImminent() {
        // (LastEpochBlock 1 + tempo 10) − block 5 = 6 < AdminFreezeWindow 8 ⇒ the trigger is refused
        assertEquals(6, DynamicTempo.blocksUntilNextAutoEpoch(10, 5, 1));
    }

    @Test
    void shouldRunEpochShouldFireOnTheFullPeriodATriggerOrTheSafetyNet() {
        // period: block − LastEpochBlock ≥ tempo (period tempo, not tempo + 1)
        assertFalse(DynamicTempo.shouldRunEpoch(360, 1_359, 1_000, 0, 359));
        assertTrue(DynamicTempo.shouldRunEpoch(360, 1_360, 1_000, 0, 360));
        // owner trigger / deferral: PendingEpochAt reached
        assertFalse(DynamicTempo.shouldRunEpoch(360, 1_099, 1_000, 1_100, 99));
        assertTrue(DynamicTempo.shouldRunEpoch(360, 1_100, 1_000, 1_100, 100));
        // safety net: strictly more than MAX_TEMPO blocks since the last successful step
        assertFalse(DynamicTempo.shouldRunEpoch(360, 1_100, 1_000, 0, 50_400));
        assertTrue(DynamicTempo.shouldRunEpoch(360, 1_100, 1_000, 0, 50_401));
        // a LastEpochBlock ahead of the block (seeded stagger near genesis) counts as no time elapsed
        assertFalse(DynamicTempo.shouldRunEpoch(10, 5, 8, 0, 0));
    }

    @Test
    void dueSubnetsBeyondTheCapShouldBeDeferredOneBlockAsInTestEpochsDeferredThisBlockRespectsCap() {
        for (final int cap : new int[] {DynamicTempo.MAX_EPOCHS_PER_BLOCK, 32}) { // production, pallet mock
            final int n = cap + 2;
            final int[] tempo = new int[n];
            final long[] last = new long[n];
            final long[] pending = new long[n];
            final long[] sinceStep = new long[n];
            final boolean[] runs = new boolean[n];
            Arrays.fill(tempo, 100);
            Arrays.fill(pending, 1); // forced "due this block"
            final long block = 1;
            assertEquals(cap, DynamicTempo.drainSchedule(block, tempo, last, pending, sinceStep, cap, runs));
            for (int s = 0; s < n; s++) {
                final boolean deferred = s >= cap; // netuid order
                assertEquals(!deferred, runs[s], "slot " + s);
                assertEquals(deferred ? block + 1 : 0, pending[s], "slot " + s);
                assertEquals(deferred ? 0 : block, last[s], "slot " + s);
                assertEquals(deferred ? 1 : 0, sinceStep[s], "slot " + s);
            }
            // the deferred ones fire at the next block and their period restarts there
            assertEquals(2, DynamicTempo.drainSchedule(block + 1, tempo, last, pending, sinceStep, cap, runs));
            assertTrue(runs[n - 1] && runs[n - 2] && !runs[0]);
            assertEquals(block + 1 + 100, DynamicTempo.nextEpochStartBlock(100, last[n - 1], pending[n - 1]));
        }
    }

    @Test
    void drainShouldCountTheBlockWhenNoEpochRunsAsInTestCoinbaseDrainPendingIncrementsBlockssincelaststep() {
        // a fresh subnet (the mock's InitialTempo 360, staggered at block 0), drained at block 1
        final long[] sinceStep = {7};
        final boolean[] runs = new boolean[1];
        final long[] last = {DynamicTempo.staggeredLastEpochBlock(1, 360, 0)};
        assertEquals(0, DynamicTempo.drainSchedule(1, new int[] {360}, last, new long[1], sinceStep,
                DynamicTempo.MAX_EPOCHS_PER_BLOCK, runs));
        assertEquals(8, sinceStep[0]);
        assertFalse(runs[0]);
    }

    @Test
    void aRunEpochShouldResetTheStepCounterAsInTestCoinbaseDrainPendingResetsBlockssincelaststep() {
        // tempo 100, LastEpochBlock 0, block 102, BlocksSinceLastStep 12,345,678
        assertTrue(DynamicTempo.shouldRunEpoch(100, 102, 0, 0, 12_345_679));
        final long[] sinceStep = {12_345_678};
        final long[] last = {0};
        final boolean[] runs = new boolean[1];
        assertEquals(1, DynamicTempo.drainSchedule(102, new int[] {100}, last, new long[1], sinceStep,
                DynamicTempo.MAX_EPOCHS_PER_BLOCK, runs));
        assertEquals(0, sinceStep[0]);
        assertEquals(102, last[0]);
        assertTrue(runs[0]);
    }

    @Test
    void everySubnetShouldRunOncePerTempoWhenTheCapIsNotBinding() {
        // 128 subnets registered at 0 with the stagger, tempo 360, cap 2: the netuid mod 360 stagger puts at most
        // one subnet on each block, so each runs every 360 blocks and none is deferred
        final int n = 128;
        final int[] tempo = new int[n];
        final long[] last = new long[n];
        final long[] pending = new long[n];
        final long[] sinceStep = new long[n];
        final boolean[] runs = new boolean[n];
        final int[] count = new int[n];
        for (int s = 0; s < n; s++) {
            tempo[s] = 360;
            last[s] = DynamicTempo.staggeredLastEpochBlock(s + 1, 360, 100_000);
        }
        for (long block = 100_001; block <= 100_000 + 3_600; block++) {
            final int ran = DynamicTempo.drainSchedule(block, tempo, last, pending, sinceStep, 2, runs);
            assertTrue(ran <= 1, "block " + block);
            for (int s = 0; s < n; s++) {
                if (runs[s]) {
                    count[s]++;
                    assertEquals(Math.floorMod(block - 100_000 + (s + 1), 360), 0, "slot " + s);
                }
            }
        }
        final int[] tenEach = new int[n];
        Arrays.fill(tenEach, 10);
        assertArrayEquals(tenEach, count);
    }

    @Test
    void newSubnetsShouldBeStaggeredByNetuidModuloTempo() {
        // init_new_network: LastEpochBlock = now − netuid mod max(tempo, 1), saturating
        assertEquals(993, DynamicTempo.staggeredLastEpochBlock(7, 360, 1_000));
        assertEquals(1_000 - 5, DynamicTempo.staggeredLastEpochBlock(365, 360, 1_000));
        assertEquals(0, DynamicTempo.staggeredLastEpochBlock(7, 360, 3));
        assertEquals(1_000, DynamicTempo.staggeredLastEpochBlock(7, 0, 1_000)); // tempo 0: period 1, no stagger
        // so netuid 7's first epoch falls tempo − 7 blocks after registration
        assertEquals(1_000 + 353, DynamicTempo.nextEpochStartBlock(360, 993, 0));
    }

    @Test
    void theMigrationShouldKeepTheLegacyPhaseAsInTestMigrateDynamicTempoAlignsFirstPostUpgradeFire() {
        // netuid 7, tempo 360, migration at block 1234
        final long legacyNextFire = 1_234 + (360 - (1_234 + 7 + 1) % 361);
        final long seeded = DynamicTempo.migratedLastEpochBlock(7, 360, 1_234);
        assertEquals(legacyNextFire, seeded + 360);
        assertEquals(legacyNextFire, 1_234 + EpochSchedule.blocksUntilNextEpoch(7, 360, 1_234));
        assertEquals(0, DynamicTempo.migratedLastEpochBlock(7, 0, 1_234)); // tempo 0 is not seeded
    }
}
