package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.engine.state.BatchState;

/**
 * Neurons registering by burn (mechanics §6, {@code subnets/registration.rs}): every {@code everyBlocks} blocks
 * each registered subnet, started or not (registration needs no start_call), gets one registration whose burn
 * of {@code burnTao} TAO is swapped into its pool (with the era's fee) and the bought alpha destroyed
 * (recycled), so the pool gains TAO, loses alpha and its price rises. The burn is users' TAO inflow, at its full
 * amount, from 2026-05-27 ({@code record_tao_inflow(netuid, actual_burn_amount)}, registration.rs at 14bc6f9f,
 * first in 486037ba4); before, only {@code stake_into_subnet} recorded inflows, so a burn moved no flow.
 *
 * @param burnTao     TAO burned per registration
 * @param everyBlocks blocks between registrations on a subnet
 */
public record NeuronRegistrations(double burnTao, long everyBlocks) implements Behaviour {
    /** Validates the parameters. */
    public NeuronRegistrations {
        Checks.amount("burnTao", burnTao);
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
            final boolean burnIsInflow = state.protocol.era().compareTo(Era.NETFLOW_2026_05) >= 0;
            for (int i = 0; i < state.subnets; i++) {
                if (state.liveCount[i] == 0) {
                    continue;
                }
                final int row = i * state.paths;
                for (int p = 0; p < state.paths; p++) {
                    final int c = row + p;
                    final double reserveBefore = state.taoReserve[c];
                    final double baselineBefore = state.taoAfterStep[c];
                    final double bought = ConstantProductPool.stake(state, c, p, burn);
                    if (bought > 0.0) {
                        // users' flow is the reserve's change less the baseline's (mechanics §2b): the whole burn
                        // from 2026-05-27, nothing before
                        state.taoAfterStep[c] = baselineBefore + (state.taoReserve[c] - reserveBefore)
                                - (burnIsInflow ? burn : 0.0);
                    }
                    state.alphaOut[c] -= bought;
                    state.alphaRecycled[p] += bought;
                }
                // recycling lowered the row's alpha issuance outside the coinbase: its cached emission may be stale
                state.invalidateAlphaEmission(i);
            }
        };
    }
}
