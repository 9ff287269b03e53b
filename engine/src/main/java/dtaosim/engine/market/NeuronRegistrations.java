package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.state.BatchState;

/**
 * Neurons registering by burn (mechanics §6, {@code subnets/registration.rs}): every {@code everyBlocks} blocks
 * each started subnet gets one registration whose burn of {@code burnTao} TAO is swapped into its pool (with
 * the era's fee) and the bought alpha destroyed (recycled), so the pool gains TAO, loses alpha and its price
 * rises. The TAO counts among users' inflows (and so in TAO-flow shares).
 *
 * @param burnTao     TAO burned per registration
 * @param everyBlocks blocks between registrations on a subnet
 */
public record NeuronRegistrations(double burnTao, long everyBlocks) implements Behaviour {
    /** Validates the parameters. */
    public NeuronRegistrations {
        Checks.nonNegative("burnTao", burnTao);
        Checks.inRange("everyBlocks", everyBlocks, 1L, Long.MAX_VALUE / 4);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final double burn = burnTao;
        final long every = everyBlocks;
        return block -> {
            if (block % every != 0) {
                return;
            }
            for (int i = 0; i < state.subnets; i++) {
                if (state.rowMode(i, block) == BatchState.ROW_IDLE) {
                    continue;
                }
                final int row = i * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final double bought = ConstantProductPool.stake(state, row + p, p, burn);
                    state.alphaOut[row + p] -= bought;
                    state.alphaRecycled[p] += bought;
                }
                // recycling lowered the row's alpha issuance outside the coinbase: its cached emission may be stale
                state.invalidateAlphaEmission(i);
            }
        };
    }
}
