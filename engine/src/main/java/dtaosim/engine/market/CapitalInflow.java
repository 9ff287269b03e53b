package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * A wave of outside capital that buys into every subnet and later leaves, as after the dTAO launch of
 * February 2025: every {@code everyBlocks} blocks in [{@code buyFrom}, {@code buyUntil}) it stakes
 * {@code buyRatePerBlock × everyBlocks × τ} TAO into each started subnet, τ the pool's TAO reserve (so each
 * pool's TAO grows by the same fraction per block and every price rises by about twice that fraction), and
 * holds the alpha; every {@code everyBlocks} blocks in [{@code sellFrom}, {@code sellUntil}) it unstakes
 * {@code held × everyBlocks / (sellUntil − block)} (a linear liquidation: all of it by {@code sellUntil}).
 * Deterministic; holdings of a subnet that is dissolved and re-registered are dropped. A plain rule; a scenario
 * states its parameters.
 *
 * @param buyRatePerBlock fraction of a pool's TAO reserve bought per block while buying
 * @param buyFrom         first block of buying
 * @param buyUntil        block at which buying stops (exclusive)
 * @param sellFrom        first block of selling, ≥ buyUntil
 * @param sellUntil       block by which everything is sold (exclusive), &gt; sellFrom
 * @param everyBlocks     blocks between orders
 */
public record CapitalInflow(double buyRatePerBlock, long buyFrom, long buyUntil, long sellFrom, long sellUntil,
                            long everyBlocks) implements Behaviour {
    /** Outcome: TAO spent buying, summed over subnets. */
    public static final String SPENT = "inflow.spent";
    /** Outcome: TAO received selling, summed over subnets. */
    public static final String RECEIVED = "inflow.received";

    /** Validates the parameters. */
    public CapitalInflow {
        Checks.inRange("buyRatePerBlock", buyRatePerBlock, 0.0, 0.01);
        Checks.inRange("everyBlocks", everyBlocks, 1L, ChainConstants.BLOCKS_PER_DAY);
        if (buyUntil < buyFrom) {
            throw new IllegalArgumentException("buyUntil: " + buyUntil + " is not ≥ buyFrom (" + buyFrom + ")");
        }
        if (sellFrom < buyUntil) {
            throw new IllegalArgumentException("sellFrom: " + sellFrom + " is not ≥ buyUntil (" + buyUntil + ")");
        }
        if (sellUntil <= sellFrom) {
            throw new IllegalArgumentException("sellUntil: " + sellUntil + " is not > sellFrom (" + sellFrom + ")");
        }
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final double[] held = new double[state.subnets * state.paths];
        final long[] heldRegisteredAt = new long[state.subnets * state.paths];
        final double[] spent = new double[state.paths];
        final double[] received = new double[state.paths];
        final double buyFraction = buyRatePerBlock * everyBlocks;
        return new Actor() {
            @Override
            public void onBlock(final long block) {
                if (block % everyBlocks != 0) {
                    return;
                }
                final boolean buying = block >= buyFrom && block < buyUntil;
                final boolean selling = block >= sellFrom && block < sellUntil;
                if (!buying && !selling) {
                    return;
                }
                final double sellFraction = selling ? Math.min(1.0, (double) everyBlocks / (sellUntil - block)) : 0.0;
                for (int i = 0; i < state.subnets; i++) {
                    if (state.rowMode(i, block) == BatchState.ROW_IDLE) {
                        continue;
                    }
                    final int row = i * state.paths;
                    for (int p = 0; p < state.paths; p++) {
                        final int c = row + p;
                        if (held[c] > 0.0 && (!state.live[c] || heldRegisteredAt[c] != state.registeredAt[c])) {
                            held[c] = 0.0; // the subnet this alpha was bought in is gone
                        }
                        if (!state.live[c]) {
                            continue;
                        }
                        if (buying) {
                            final double order = buyFraction * state.taoReserve[c];
                            final double bought = ConstantProductPool.stake(state, c, p, order);
                            if (bought > 0.0) {
                                held[c] += bought;
                                heldRegisteredAt[c] = state.registeredAt[c];
                                state.positionAlpha[c] += bought;
                                spent[p] += order;
                            }
                        } else if (held[c] > 0.0) {
                            final double alpha = sellFraction >= 1.0 ? held[c] : sellFraction * held[c];
                            final double paid = ConstantProductPool.unstake(state, c, p, alpha);
                            if (paid > 0.0) { // a refused sale (proceeds at or below the flat fee) keeps the alpha
                                received[p] += paid;
                                held[c] -= alpha;
                                state.positionAlpha[c] -= alpha;
                            }
                        }
                    }
                }
            }

            @Override
            public void collect(final PathOutcomes outcomes) {
                System.arraycopy(spent, 0, outcomes.column(SPENT), 0, state.paths);
                System.arraycopy(received, 0, outcomes.column(RECEIVED), 0, state.paths);
            }
        };
    }
}
