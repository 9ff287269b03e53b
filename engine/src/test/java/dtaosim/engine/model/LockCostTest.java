package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link LockCost} (mechanics §6, {@code coinbase/root.rs :: get_network_lock_cost}). Ported subtensor tests:
 * {@code test_root_subnet_creation_deletion} ({@code tests/root.rs} at d4d8182eb, 2025-01-07, removed by the dTAO
 * launch; its mock emits 1 TAO per block, so the interval is the same before and after the halving scaling),
 * {@code test_migrate_network_lock_reduction_interval_and_decay} and
 * {@code test_migrate_network_lock_cost_2500_sets_price_and_decay} ({@code tests/migration.rs} at 14bc6f9f9). The
 * pallet mock: NetworkMinLockCost 100 TAO, NetworkLockReductionInterval 2 blocks, block emission 1 TAO.
 */
class LockCostTest {
    private static final double EXACT = 1e-9;
    private static final double MOCK_MIN_LOCK = 100.0;
    private static final double MOCK_INTERVAL = LockCost.effectiveIntervalBlocks(2, 1.0);

    /** The chain's registration bookkeeping: the lock paid becomes last_lock, its block last_lock_block. */
    private double lastLock = MOCK_MIN_LOCK;
    private long lastLockBlock;

    private double costAt(final long block) {
        return LockCost.lockCost(lastLock, lastLockBlock, block, MOCK_MIN_LOCK, MOCK_INTERVAL);
    }

    private void registerAt(final long block) {
        lastLock = costAt(block);
        lastLockBlock = block;
    }

    @Test
    void lockCostShouldDoubleDecayAndFloorAsInTestRootSubnetCreationDeletion() {
        registerAt(0); // at block 0 last_lock_block stays 0: mult remains 1
        assertEquals(100.0, costAt(0), EXACT);
        registerAt(1);
        assertEquals(200.0, costAt(1), EXACT); // doubles from the previous creation
        assertEquals(150.0, costAt(2), EXACT); // reduced by half a lock per block
        assertEquals(100.0, costAt(3), EXACT);
        assertEquals(100.0, costAt(4), EXACT); // reaches the minimum
        registerAt(4);
        assertEquals(200.0, costAt(4), EXACT);
        registerAt(5);
        assertEquals(300.0, costAt(5), EXACT);
        registerAt(6);
        assertEquals(450.0, costAt(6), EXACT);
        registerAt(7);
        assertEquals(675.0, costAt(7), EXACT);
        registerAt(7);
        assertEquals(1_350.0, costAt(7), EXACT); // same block: doubles again
        registerAt(7);
        assertEquals(2_700.0, costAt(7), EXACT);
        assertEquals(2_025.0, costAt(8), EXACT); // 675 per block
        assertEquals(1_350.0, costAt(9), EXACT);
        assertEquals(675.0, costAt(10), EXACT);
        assertEquals(100.0, costAt(11), EXACT); // floor at the minimum
    }

    @Test
    void lockCostShouldBeDoubleTheLastLockWhileTheLastLockBlockLiesAheadAsInTestMigrateNetworkLockReductionIntervalAndDecay() {
        // migrate_network_lock_reduction_interval at block 1: last_lock 1000 TAO, last_lock_block = 1 + 50,400
        final double interval = LockCost.effectiveIntervalBlocks(57_600, 1.0);
        assertEquals(2_000.0, LockCost.lockCost(1_000.0, 50_401, 1, MOCK_MIN_LOCK, interval), EXACT);
        assertEquals(2_000.0, LockCost.lockCost(1_000.0, 50_401, 50_401, MOCK_MIN_LOCK, interval), EXACT);
    }

    @Test
    void lockCostShouldStartAt2500AndDecayOneStepAsInTestMigrateNetworkLockCost2500SetsPriceAndDecay() {
        // migrate_network_lock_cost_2500 at block 1: last_lock 1,250 TAO, last_lock_block = 1
        assertEquals(2_500.0, LockCost.lockCost(1_250.0, 1, 1, MOCK_MIN_LOCK, MOCK_INTERVAL), EXACT);
        // one block later: 2·L − floor(L / I_eff) = 2,500 − 625
        assertEquals(1_875.0, LockCost.lockCost(1_250.0, 1, 2, MOCK_MIN_LOCK, MOCK_INTERVAL), EXACT);
    }

    @Test
    void lockCostShouldDecayLinearlyToTheLastLockOverOneIntervalAndToTheFloorOverTwo() {
        // mechanics §6 with the 2025-10-07 state: last_lock 1,250 TAO, interval 57,600, min lock 1 TAO
        final double interval = LockCost.effectiveIntervalBlocks(57_600, 1.0);
        final long paidAt = 1_000_000;
        assertEquals(2_500.0, LockCost.lockCost(1_250.0, paidAt, paidAt, 1.0, interval), EXACT);
        assertEquals(1_875.0, LockCost.lockCost(1_250.0, paidAt, paidAt + 28_800, 1.0, interval), EXACT);
        assertEquals(1_250.0, LockCost.lockCost(1_250.0, paidAt, paidAt + 57_600, 1.0, interval), EXACT);
        assertEquals(625.0, LockCost.lockCost(1_250.0, paidAt, paidAt + 86_400, 1.0, interval), EXACT);
        assertEquals(1.0, LockCost.lockCost(1_250.0, paidAt, paidAt + 115_200, 1.0, interval), EXACT);
        assertEquals(1.0, LockCost.lockCost(1_250.0, paidAt, paidAt + 10_000_000, 1.0, interval), EXACT);
    }

    @Test
    void lockCostShouldUseMultiplierOneWhenNoRegistrationIsRecorded() {
        assertEquals(1_000.0, LockCost.lockCost(1_000.0, 0, 0, 1.0, 57_600), EXACT);
        assertEquals(500.0, LockCost.lockCost(1_000.0, 0, 28_800, 1.0, 57_600), EXACT);
    }

    @Test
    void effectiveIntervalShouldHalveWithEachTaoHalving() {
        assertEquals(57_600.0, LockCost.effectiveIntervalBlocks(57_600, 1.0), EXACT);
        assertEquals(28_800.0, LockCost.effectiveIntervalBlocks(57_600, 0.5), EXACT);
        assertEquals(14_400.0, LockCost.effectiveIntervalBlocks(57_600, 0.25), EXACT);
        // after the first halving the doubled lock is back at the paid lock in half the blocks
        final double halved = LockCost.effectiveIntervalBlocks(57_600, 0.5);
        assertEquals(1_250.0, LockCost.lockCost(1_250.0, 7_000, 7_000 + 28_800, 1.0, halved), EXACT);
        assertEquals(1.0, LockCost.lockCost(1_250.0, 7_000, 7_000 + 57_600, 1.0, halved), EXACT);
    }

    @Test
    void lockShouldNotDecayOnceNothingIsEmitted() {
        // safe_div by a zero interval gives a zero decay
        final double interval = LockCost.effectiveIntervalBlocks(57_600, 0.0);
        assertEquals(0.0, interval, 0.0);
        assertEquals(2_500.0, LockCost.lockCost(1_250.0, 5, 5_000_000, 1.0, interval), EXACT);
    }
}
