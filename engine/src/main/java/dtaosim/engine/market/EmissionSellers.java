package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Recipients of emission (owner, miners, validators) who sell a fixed fraction of each epoch payout right away:
 * at a subnet's epoch, {@code sellFraction × drained alpha} is unstaked through the pool (the reference
 * workload's {@code sell_frac}).
 *
 * @param sellFraction fraction of every payout sold, in [0, 1]
 */
public record EmissionSellers(double sellFraction) implements Behaviour {
    /** Validates the fraction. */
    public EmissionSellers {
        Checks.inRange("sellFraction", sellFraction, 0.0, 1.0);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final double fraction = sellFraction;
        return block -> {
            for (int k = 0; k < state.drainedCount; k++) {
                final int row = state.drainedSubnets[k] * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final double sold = fraction * state.drainedAlpha[row + p];
                    if (sold > 0.0) {
                        ConstantProductPool.unstake(state, row + p, p, sold);
                    }
                }
            }
        };
    }
}
