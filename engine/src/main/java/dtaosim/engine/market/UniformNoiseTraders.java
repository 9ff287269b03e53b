package dtaosim.engine.market;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.kernel.ScalarRowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.state.BatchState;

/**
 * The reference workload's noise traders: on every (path, subnet, block) one trade, x = 2u − 1 with u uniform
 * from the counter stream at index {@code (block·P + path)·N + subnet} (P paths in the run, N subnets); x &gt; 0
 * stakes {@code x·σ·taoReserve} TAO, x ≤ 0 unstakes {@code −x·σ·alphaIn} alpha, at most the alpha holders hold
 * ({@link BatchState#heldAlpha}) unless {@code heldAlphaOnly} is off. The index formula is the numpy peer's, and
 * uses the global path index, so draws do not depend on batching.
 *
 * @param sigma         trade size as a fraction of pool depth, in [0, 0.5]
 * @param heldAlphaOnly whether unstakes are cut to holders' alpha; off, the numpy peer's trader, which sells
 *                      {@code −x·σ·alphaIn} even when no holder has it (the reference workload)
 */
public record UniformNoiseTraders(double sigma, boolean heldAlphaOnly) implements Behaviour {
    /** Validates sigma. */
    public UniformNoiseTraders {
        Checks.inRange("sigma", sigma, 0.0, 0.5);
    }

    /** Traders who sell only holders' alpha. */
    public UniformNoiseTraders(final double sigma) {
        this(sigma, true);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        return new Trader(state, kernels, seed, sigma, heldAlphaOnly);
    }

    private static final class Trader implements Actor {
        private final BatchState s;
        private final RowKernels kernels;
        private final long seed;
        private final double sigma;
        private final boolean heldOnly;
        private final int[] runStart = new int[1];

        Trader(final BatchState s, final RowKernels kernels, final long seed, final double sigma,
               final boolean heldOnly) {
            this.s = s;
            this.kernels = kernels;
            this.seed = seed;
            this.sigma = sigma;
            this.heldOnly = heldOnly;
        }

        @Override
        public void onBlock(final long block) {
            final long subnets = s.subnets;
            final long firstIndex = (block * s.totalPaths + s.firstPath) * subnets;
            final long stride = subnets * CounterRng.GAMMA;
            for (int i = 0; i < s.subnets; i++) {
                final int mode = s.rowMode(i, block);
                final long first = CounterRng.state(seed, firstIndex + i);
                if (mode == BatchState.ROW_LIVE) {
                    kernels.uniformNoise(s, i, first, stride, sigma, heldOnly);
                } else if (mode == BatchState.ROW_MIXED) {
                    tradeLiveRuns(i, first, stride);
                }
                // idle slots: no subnet, or staking not yet enabled (before start_call)
            }
        }

        private void tradeLiveRuns(final int subnet, final long first, final long stride) {
            for (int end = s.liveRun(subnet, 0, runStart); runStart[0] < s.paths;
                    end = s.liveRun(subnet, end, runStart)) {
                ScalarRowKernels.uniformNoise(s, subnet, first, stride, sigma, heldOnly, runStart[0], end);
            }
        }
    }
}
