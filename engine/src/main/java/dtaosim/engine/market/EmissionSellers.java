package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Recipients of emission (owner, miners, validators) who sell a fixed fraction of each epoch payout right away:
 * at a subnet's epoch, {@code sellFraction × drained alpha} is unstaked through the pool (the reference
 * workload's {@code sell_frac}), at most the alpha holders hold ({@link BatchState#heldAlpha}) unless
 * {@code heldAlphaOnly} is off.
 *
 * @param sellFraction  fraction of every payout sold, in [0, 1]
 * @param heldAlphaOnly whether a sale is cut to holders' alpha (it binds only if noise traders acting earlier in
 *                      the block sold the payout); off, the numpy peer's sellers, who sell it regardless
 */
public record EmissionSellers(double sellFraction, boolean heldAlphaOnly) implements Behaviour {
    /** Validates the fraction. */
    public EmissionSellers {
        Checks.inRange("sellFraction", sellFraction, 0.0, 1.0);
    }

    /** Sellers who sell only holders' alpha. */
    public EmissionSellers(final double sellFraction) {
        this(sellFraction, true);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final double fraction = sellFraction;
        final boolean heldOnly = heldAlphaOnly;
        return block -> {
            for (int k = 0; k < state.drainedCount; k++) {
                final int row = state.drainedSubnets[k] * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final double wanted = fraction * state.drainedAlpha[row + p];
                    final double sold = heldOnly ? state.sellable(row + p, wanted) : wanted;
                    if (sold > 0.0) {
                        ConstantProductPool.unstake(state, row + p, p, sold);
                    }
                }
            }
        };
    }
}
