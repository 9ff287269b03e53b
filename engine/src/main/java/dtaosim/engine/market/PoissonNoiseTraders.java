package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.state.BatchState;

/**
 * Noise traders as a compound Poisson process: on every (path, subnet, block) a Poisson number of trades with
 * mean {@code tradesPerBlock} arrives; each is a stake with probability {@code buyProbability} (else an unstake)
 * whose size is a lognormal fraction of the pool's depth in the currency paid in,
 * {@code exp(logSizeMean + logSizeSigma·Z)} (TAO reserve for a stake, alpha reserve for an unstake), capped at
 * {@link #MAX_FRACTION}. Trades go through the era's pool and fee. Draws are counter-keyed by (seed, block,
 * global path, subnet, draw), so a path's trades do not depend on its batch, and runs that differ only in
 * era or behaviours see the same arrivals.
 *
 * @param tradesPerBlock mean trades per subnet per block, λ
 * @param logSizeMean    mean of the log of the size fraction
 * @param logSizeSigma   standard deviation of the log of the size fraction
 * @param buyProbability probability that a trade stakes TAO
 */
public record PoissonNoiseTraders(double tradesPerBlock, double logSizeMean, double logSizeSigma,
                                  double buyProbability) implements Behaviour {
    /** Largest trade, as a fraction of the pool's depth. */
    public static final double MAX_FRACTION = 0.5;
    /** Most trades drawn in one (path, subnet, block); the Poisson tail beyond is cut. */
    public static final int MAX_TRADES = 16;
    /** Stream key of these draws (xor-ed with the run's seed). */
    public static final long STREAM = 0x504F_4953_534F_4E31L;
    /** Uniforms per (path, subnet, block): one for the count, two per trade (direction and size, Box–Muller). */
    private static final int DRAWS = 1 + 3 * MAX_TRADES;

    /** Validates the parameters. */
    public PoissonNoiseTraders {
        Checks.inRange("tradesPerBlock", tradesPerBlock, 0.0, 8.0);
        Checks.inRange("logSizeMean", logSizeMean, -50.0, 0.0);
        Checks.inRange("logSizeSigma", logSizeSigma, 0.0, 5.0);
        Checks.inRange("buyProbability", buyProbability, 0.0, 1.0);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        return new Traders(this, state, kernels, seed ^ STREAM);
    }

    private static final class Traders implements Actor {
        private final PoissonNoiseTraders plan;
        private final BatchState s;
        private final RowKernels kernels;
        private final long stream;
        /** cdf[k] = P(N ≤ k) of the Poisson count. */
        private final double[] cdf = new double[MAX_TRADES + 1];
        private final double[] countDraws;

        Traders(final PoissonNoiseTraders plan, final BatchState s, final RowKernels kernels, final long stream) {
            this.plan = plan;
            this.s = s;
            this.kernels = kernels;
            this.stream = stream;
            this.countDraws = new double[s.paths];
            double term = StrictMath.exp(-plan.tradesPerBlock);
            double sum = term;
            for (int k = 0; k <= MAX_TRADES; k++) {
                cdf[k] = sum;
                term *= plan.tradesPerBlock / (k + 1);
                sum += term;
            }
        }

        @Override
        public void onBlock(final long block) {
            if (plan.tradesPerBlock == 0.0) {
                return;
            }
            final long subnets = s.subnets;
            final long stride = subnets * DRAWS * CounterRng.GAMMA;
            for (int i = 0; i < s.subnets; i++) {
                if (s.rowMode(i, block) == BatchState.ROW_IDLE) {
                    continue;
                }
                // draw 0 of (block, path, subnet): the count; only cells with at least one trade go on
                final long cellIndex = ((block * s.totalPaths + s.firstPath) * subnets + i) * DRAWS;
                final long firstState = CounterRng.state(stream, cellIndex);
                kernels.uniforms(firstState, stride, countDraws);
                final double none = cdf[0];
                for (int p = 0; p < s.paths; p++) {
                    if (countDraws[p] >= none) {
                        trade(i, p, countDraws[p], cellIndex + (long) p * subnets * DRAWS);
                    }
                }
            }
        }

        private void trade(final int subnet, final int p, final double countDraw, final long cellIndex) {
            final int c = s.cell(subnet, p);
            if (!s.live[c]) {
                return;
            }
            int trades = 1;
            while (trades < MAX_TRADES && countDraw >= cdf[trades]) {
                trades++;
            }
            for (int j = 0; j < trades; j++) {
                final long base = cellIndex + 1 + 3L * j;
                final boolean stake = CounterRng.uniform(stream, base) < plan.buyProbability;
                // Box–Muller from two uniforms; 1 − u keeps the logarithm's argument in (0, 1]
                final double u1 = 1.0 - CounterRng.uniform(stream, base + 1);
                final double u2 = CounterRng.uniform(stream, base + 2);
                final double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
                final double fraction = Math.min(StrictMath.exp(plan.logSizeMean + plan.logSizeSigma * z),
                        MAX_FRACTION);
                if (stake) {
                    ConstantProductPool.stake(s, c, p, fraction * s.taoReserve[c]);
                } else {
                    // holders sell no more alpha than they hold
                    ConstantProductPool.unstake(s, c, p, s.sellable(c, fraction * s.alphaIn[c]));
                }
            }
        }
    }
}
