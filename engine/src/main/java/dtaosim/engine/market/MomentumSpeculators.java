package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * Traders who chase momentum on every subnet: every {@code everyBlocks} blocks each compares a subnet's log
 * price with its EMA over {@code lookbackBlocks}; above it by {@code entryReturn} they buy a position of
 * {@code positionTao} (while the path's budget {@code capitalTao} lasts), and sell the whole position when the
 * price falls {@code exitReturn} below the EMA (the reversal). One position per subnet and path. A plain rule
 * with no fitted parameters; a scenario states them.
 *
 * @param lookbackBlocks EMA window of the log price, in blocks
 * @param entryReturn    log-price excess over the EMA that opens a position
 * @param exitReturn     log-price shortfall under the EMA that closes it
 * @param positionTao    TAO per position
 * @param capitalTao     budget per path across subnets
 * @param everyBlocks    blocks between decisions
 */
public record MomentumSpeculators(double lookbackBlocks, double entryReturn, double exitReturn, double positionTao,
                                  double capitalTao, long everyBlocks) implements Behaviour {
    /** Outcome: TAO received − TAO spent on closed and open positions at the final prices. */
    public static final String PNL = "momentum.pnl";

    /** Validates the parameters. */
    public MomentumSpeculators {
        Checks.inRange("lookbackBlocks", lookbackBlocks, 1.0, 1e8);
        Checks.inRange("entryReturn", entryReturn, 0.0, 10.0);
        Checks.inRange("exitReturn", exitReturn, 0.0, 10.0);
        Checks.amount("positionTao", positionTao);
        Checks.amount("capitalTao", capitalTao);
        Checks.inRange("everyBlocks", everyBlocks, 1L, 1_000_000L);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        return new Speculators(this, state);
    }

    private static final class Speculators implements Actor {
        private final MomentumSpeculators plan;
        private final BatchState s;
        private final double weight;
        private final double[] logPriceEma;
        private final double[] position;
        private final long[] positionRegisteredAt;
        private final double[] invested;
        private final double[] result;

        Speculators(final MomentumSpeculators plan, final BatchState s) {
            this.plan = plan;
            this.s = s;
            this.weight = Math.min(1.0, plan.everyBlocks / plan.lookbackBlocks);
            final int cells = s.subnets * s.paths;
            logPriceEma = new double[cells];
            position = new double[cells];
            positionRegisteredAt = new long[cells];
            invested = new double[s.paths];
            result = new double[s.paths];
            java.util.Arrays.fill(logPriceEma, Double.NaN);
        }

        @Override
        public void onBlock(final long block) {
            if (block % plan.everyBlocks != 0) {
                return;
            }
            for (int i = 0; i < s.subnets; i++) {
                final boolean idle = s.rowMode(i, block) == BatchState.ROW_IDLE;
                final int row = i * s.paths;
                for (int p = 0; p < s.paths; p++) {
                    final int c = row + p;
                    if (position[c] > 0.0 && (!s.live[c] || positionRegisteredAt[c] != s.registeredAt[c])) {
                        // the subnet of this position was dissolved (a pruned slot stays dead, a reused one is
                        // registered anew): its alpha is gone (the holders' share of the pool's TAO is not
                        // tracked here), the budget frees up
                        position[c] = 0.0;
                        invested[p] -= plan.positionTao;
                    }
                    if (idle || !s.live[c]) {
                        continue;
                    }
                    final double logPrice = StrictMath.log(s.taoReserve[c] / s.alphaIn[c]);
                    if (Double.isNaN(logPriceEma[c])) {
                        logPriceEma[c] = logPrice;
                        continue;
                    }
                    logPriceEma[c] += weight * (logPrice - logPriceEma[c]);
                    final double signal = logPrice - logPriceEma[c];
                    if (position[c] == 0.0 && signal > plan.entryReturn
                            && invested[p] + plan.positionTao <= plan.capitalTao) {
                        final double bought = ConstantProductPool.stake(s, c, p, plan.positionTao);
                        if (bought > 0.0) {
                            position[c] = bought;
                            positionRegisteredAt[c] = s.registeredAt[c];
                            s.positionAlpha[c] += bought;
                            invested[p] += plan.positionTao;
                            result[p] -= plan.positionTao;
                        }
                    } else if (position[c] > 0.0 && signal < -plan.exitReturn) {
                        final double tao = ConstantProductPool.unstake(s, c, p, position[c]);
                        if (tao > 0.0) {
                            result[p] += tao;
                            s.positionAlpha[c] -= position[c];
                            invested[p] -= plan.positionTao;
                            position[c] = 0.0;
                        }
                    }
                }
            }
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final double[] pnl = outcomes.column(PNL);
            for (int p = 0; p < s.paths; p++) {
                double open = 0.0;
                for (int i = 0; i < s.subnets; i++) {
                    final int c = s.cell(i, p);
                    if (position[c] > 0.0 && s.live[c] && positionRegisteredAt[c] == s.registeredAt[c]) {
                        open += position[c] * s.taoReserve[c] / s.alphaIn[c];
                    }
                }
                pnl[p] = result[p] + open;
            }
        }
    }
}
