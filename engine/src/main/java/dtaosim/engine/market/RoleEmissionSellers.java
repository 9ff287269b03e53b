package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Recipients of emission selling a fixed fraction of each epoch payout, by role (mechanics §4): the owner
 * (owner cut), the miners (half of alpha_out after the owner cut) and the validators with their nominators
 * (the rest). There is no public per-role data; an estimate for 2026 puts miner sell pressure at about 30 % of
 * emission outflows (taodaily, in shared/spec/calibration.md §4), which a scenario may take for all roles.
 *
 * @param ownerFraction     fraction of the owner cut sold
 * @param minerFraction     fraction of the miners' alpha sold
 * @param validatorFraction fraction of the validators' (and nominators') alpha sold
 */
public record RoleEmissionSellers(double ownerFraction, double minerFraction, double validatorFraction)
        implements Behaviour {
    /** Validates the fractions. */
    public RoleEmissionSellers {
        Checks.inRange("ownerFraction", ownerFraction, 0.0, 1.0);
        Checks.inRange("minerFraction", minerFraction, 0.0, 1.0);
        Checks.inRange("validatorFraction", validatorFraction, 0.0, 1.0);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        return block -> {
            for (int k = 0; k < state.drainedCount; k++) {
                final int row = state.drainedSubnets[k] * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final int c = row + p;
                    final double owner = state.drainedOwnerAlpha[c];
                    final double miners = state.drainedMinerAlpha[c];
                    final double validators = Math.max(state.drainedAlpha[c] - owner - miners, 0.0);
                    // recipients sell from their payout; the cut binds only if noise traders sold it first
                    final double sold = state.sellable(c, ownerFraction * owner + minerFraction * miners
                            + validatorFraction * validators);
                    if (sold > 0.0) {
                        ConstantProductPool.unstake(state, c, p, sold);
                    }
                }
            }
        };
    }
}
