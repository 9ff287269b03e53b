package dtaosim.engine.market;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.kernel.SubnetLifecycle;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Owners registering new subnets on a schedule: {@code count} attempts, the first at {@code firstBlock} and then
 * every {@code everyBlocks}, each paying the era's lock cost (mechanics §6). Where the chain refuses one (rate
 * limit, subnet limit with nothing prunable), that path has no new subnet and the attempt counts as refused.
 * Each attempt takes a slot of its own; at the subnet limit each path prunes its own lowest-priced subnet.
 *
 * @param firstBlock  block of the first attempt
 * @param everyBlocks blocks between attempts
 * @param count       number of attempts
 */
public record SubnetRegistrations(long firstBlock, long everyBlocks, int count) implements Behaviour {
    /** Validates the schedule. */
    public SubnetRegistrations {
        Checks.inRange("firstBlock", firstBlock, 0L, Long.MAX_VALUE / 4);
        Checks.inRange("everyBlocks", everyBlocks, 1L, Long.MAX_VALUE / 4);
        Checks.inRange("count", count, 0L, 4096L);
    }

    @Override
    public int extraSlots() {
        return count;
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final SubnetLifecycle lifecycle = new SubnetLifecycle(state.protocol, state.subnets);
        final int firstSlot = state.reserveSlots(count);
        return block -> {
            final long since = block - firstBlock;
            if (since >= 0 && since % everyBlocks == 0 && since / everyBlocks < count) {
                lifecycle.register(state, firstSlot + (int) (since / everyBlocks), block);
            }
        };
    }
}
