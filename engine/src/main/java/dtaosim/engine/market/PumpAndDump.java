package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * A scheduled pump-and-dump on one subnet (the reference workload's meme pump): each path buys at its own rate
 * {@code r = rateTao·(0.5 + u)} TAO per block for blocks in [buyFrom, buyUntil), u uniform from the counter
 * stream {@code seed ^ 0xABCDEF} at the global path index, then sells all the alpha it bought at
 * {@code dumpAt}. Reports {@code pump.pnl} (TAO received − TAO spent) per path.
 *
 * @param subnet   subnet slot pumped
 * @param rateTao  mean TAO bought per block
 * @param buyFrom  first block of buying
 * @param buyUntil block at which buying stops (exclusive)
 * @param dumpAt   block at which everything bought is sold, ≥ buyUntil
 */
public record PumpAndDump(int subnet, double rateTao, long buyFrom, long buyUntil, long dumpAt)
        implements Behaviour {
    /** Outcome name of the profit and loss in TAO. */
    public static final String PNL = "pump.pnl";
    /** Stream key of the per-path rate draw (the peer's {@code seed ^ 0xABCDEF}). */
    public static final long RATE_STREAM = 0xABCDEFL;

    /** Validates the schedule and rate. */
    public PumpAndDump {
        Checks.inRange("subnet", subnet, 0, 4095);
        Checks.amount("rateTao", rateTao);
        if (buyUntil < buyFrom) {
            throw new IllegalArgumentException("buyUntil: " + buyUntil + " is not ≥ buyFrom (" + buyFrom + ")");
        }
        // the dump sells what was bought before it; a dump inside the buying would never fire
        if (dumpAt < buyUntil) {
            throw new IllegalArgumentException("dumpAt: " + dumpAt + " is not ≥ buyUntil (" + buyUntil + ")");
        }
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        if (subnet >= state.subnets) {
            throw new IllegalArgumentException("subnet: " + subnet + " is not in [0, " + (state.subnets - 1) + "]");
        }
        return new Pumper(this, state, seed);
    }

    private static final class Pumper implements Actor {
        private final PumpAndDump plan;
        private final BatchState s;
        private final double[] rate;
        private final double[] alphaHeld;
        private final long[] heldRegisteredAt;
        private final double[] taoSpent;
        private final double[] taoReceived;

        Pumper(final PumpAndDump plan, final BatchState s, final long seed) {
            this.plan = plan;
            this.s = s;
            rate = new double[s.paths];
            alphaHeld = new double[s.paths];
            heldRegisteredAt = new long[s.paths];
            taoSpent = new double[s.paths];
            taoReceived = new double[s.paths];
            for (int p = 0; p < s.paths; p++) {
                rate[p] = plan.rateTao * (0.5 + CounterRng.uniform(seed ^ RATE_STREAM, s.firstPath + p));
            }
        }

        @Override
        public void onBlock(final long block) {
            final int row = plan.subnet * s.paths;
            if (block >= plan.buyFrom && block < plan.buyUntil) {
                for (int p = 0; p < s.paths; p++) {
                    final int c = row + p;
                    dropIfDissolved(c, p);
                    final double bought = ConstantProductPool.stake(s, c, p, rate[p]);
                    if (bought > 0.0) {
                        alphaHeld[p] += bought;
                        heldRegisteredAt[p] = s.registeredAt[c];
                        s.positionAlpha[c] += bought;
                        taoSpent[p] += rate[p];
                    }
                }
            } else if (block == plan.dumpAt) {
                for (int p = 0; p < s.paths; p++) {
                    final int c = row + p;
                    dropIfDissolved(c, p);
                    if (alphaHeld[p] > 0.0) {
                        final double paid = ConstantProductPool.unstake(s, c, p, alphaHeld[p]);
                        if (paid > 0.0) { // a refused sale (proceeds at or below the flat fee) leaves the alpha held
                            taoReceived[p] += paid;
                            s.positionAlpha[c] -= alphaHeld[p];
                            alphaHeld[p] = 0.0;
                        }
                    }
                }
            }
        }

        /** The alpha of a dissolved subnet is gone (its pool's TAO went to holders, not tracked here). */
        private void dropIfDissolved(final int c, final int p) {
            if (alphaHeld[p] > 0.0 && (!s.live[c] || heldRegisteredAt[p] != s.registeredAt[c])) {
                alphaHeld[p] = 0.0;
            }
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final double[] pnl = outcomes.column(PNL);
            for (int p = 0; p < s.paths; p++) {
                pnl[p] = taoReceived[p] - taoSpent[p];
            }
        }
    }
}
