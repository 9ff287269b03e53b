package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * A subnet that earns revenue outside the chain and spends part of it buying back its alpha (as Chutes, TAOHash
 * and Gradients do): each day's revenue in TAO is lognormal with mean {@code revenueTaoPerDay} and log-sd
 * {@code revenueSigma} (a draw per path and day), and {@code buybackFraction} of it is staked into the subnet's
 * pool in equal parts every {@code everyBlocks} blocks of that day. The bought alpha is held, or with
 * {@code burnBought} destroyed (recycled), which shrinks the supply. No public revenue figures are in the
 * project's sources: the parameters are assumptions a scenario states.
 *
 * @param subnet           the subnet's slot
 * @param revenueTaoPerDay mean daily revenue in TAO
 * @param revenueSigma     log-standard deviation of the daily revenue
 * @param buybackFraction  fraction of revenue spent on buybacks
 * @param everyBlocks      blocks between buyback orders
 * @param burnBought       whether the bought alpha is destroyed
 */
public record RevenueBuybacks(int subnet, double revenueTaoPerDay, double revenueSigma, double buybackFraction,
                              long everyBlocks, boolean burnBought) implements Behaviour {
    /** Stream key of the revenue draws. */
    public static final long STREAM = 0x5245_5645_4E55_4531L;
    /** Outcome: TAO spent on buybacks. */
    public static final String SPENT = "buyback.spent";

    /** Validates the parameters. */
    public RevenueBuybacks {
        Checks.inRange("subnet", subnet, 0, 4095);
        Checks.amount("revenueTaoPerDay", revenueTaoPerDay);
        Checks.inRange("revenueSigma", revenueSigma, 0.0, 5.0);
        Checks.inRange("buybackFraction", buybackFraction, 0.0, 1.0);
        Checks.inRange("everyBlocks", everyBlocks, 1L, ChainConstants.BLOCKS_PER_DAY);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        if (subnet >= state.subnets) {
            throw new IllegalArgumentException("subnet: " + subnet + " is not in [0, " + (state.subnets - 1) + "]");
        }
        final long stream = seed ^ STREAM;
        final double ordersPerDay = Math.ceil((double) ChainConstants.BLOCKS_PER_DAY / everyBlocks);
        final double[] spent = new double[state.paths];
        return new Actor() {
            @Override
            public void onBlock(final long block) {
                if (block % everyBlocks != 0) {
                    return;
                }
                final long day = Math.floorDiv(block, ChainConstants.BLOCKS_PER_DAY);
                for (int p = 0; p < state.paths; p++) {
                    final int c = state.cell(subnet, p);
                    if (!state.live[c]) {
                        continue;
                    }
                    // lognormal revenue with the given mean: exp(σZ − σ²/2), Z by Box–Muller from the day's draws
                    final long index = 2 * (day * state.totalPaths + state.firstPath + p);
                    final double u1 = 1.0 - CounterRng.uniform(stream, index);
                    final double u2 = CounterRng.uniform(stream, index + 1);
                    final double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
                    final double revenue = revenueTaoPerDay
                            * StrictMath.exp(revenueSigma * z - 0.5 * revenueSigma * revenueSigma);
                    final double order = buybackFraction * revenue / ordersPerDay;
                    final double bought = ConstantProductPool.stake(state, c, p, order);
                    if (bought > 0.0) {
                        spent[p] += order;
                        if (burnBought) {
                            state.alphaOut[c] -= bought;
                            state.alphaRecycled[p] += bought;
                            // alpha issuance fell outside the coinbase: recheck the cached emission next block
                            state.invalidateAlphaEmission(subnet);
                        }
                    }
                }
            }

            @Override
            public void collect(final PathOutcomes outcomes) {
                System.arraycopy(spent, 0, outcomes.column(SPENT), 0, state.paths);
            }
        };
    }
}
