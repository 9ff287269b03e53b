package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Participants leaving a subnet nobody emits to: once a subnet's emission share has stayed below
 * {@code shareThreshold} for {@code graceDays}, its stakers unstake {@code unstakeFractionPerDay} of their
 * alpha per day (in orders every {@code everyBlocks} blocks) until the share recovers. Stakers' alpha is
 * AlphaOut less the emission still pending. A plain rule; a scenario states its parameters.
 *
 * @param shareThreshold        emission share below which a subnet counts as deserted
 * @param graceDays             days below the threshold before stakers leave
 * @param unstakeFractionPerDay fraction of stakers' alpha unstaked per day while deserted
 * @param everyBlocks           blocks between orders
 */
public record GhostTown(double shareThreshold, double graceDays, double unstakeFractionPerDay, long everyBlocks)
        implements Behaviour {
    /** Validates the parameters. */
    public GhostTown {
        Checks.inRange("shareThreshold", shareThreshold, 0.0, 1.0);
        Checks.inRange("graceDays", graceDays, 0.0, 1e5);
        Checks.inRange("unstakeFractionPerDay", unstakeFractionPerDay, 0.0, 1.0);
        Checks.inRange("everyBlocks", everyBlocks, 1L, ChainConstants.BLOCKS_PER_DAY);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        for (int i = 0; i < state.subnets; i++) {
            state.recordInjection(i);
        }
        final long[] lowSince = new long[state.subnets * state.paths];
        java.util.Arrays.fill(lowSince, Long.MAX_VALUE);
        final long grace = (long) (graceDays * ChainConstants.BLOCKS_PER_DAY);
        final double perOrder = unstakeFractionPerDay * everyBlocks / ChainConstants.BLOCKS_PER_DAY;
        return block -> {
            for (int i = 0; i < state.subnets; i++) {
                if (state.rowMode(i, block) == BatchState.ROW_IDLE) {
                    continue;
                }
                final int row = i * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final int c = row + p;
                    if (!state.live[c]) {
                        continue;
                    }
                    final double emission = state.blockEmission[p];
                    final double share = emission > 0.0 ? state.taoInjected[c] / emission : 0.0;
                    if (share >= shareThreshold) {
                        lowSince[c] = Long.MAX_VALUE;
                        continue;
                    }
                    if (lowSince[c] == Long.MAX_VALUE) {
                        lowSince[c] = block;
                    }
                    if (block - lowSince[c] >= grace && block % everyBlocks == 0) {
                        final double sold = perOrder * state.heldAlpha(c);
                        if (sold > 0.0) {
                            ConstantProductPool.unstake(state, c, p, sold);
                        }
                    }
                }
            }
        };
    }
}
