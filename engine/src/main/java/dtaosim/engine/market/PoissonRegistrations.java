package dtaosim.engine.market;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.kernel.SubnetLifecycle;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.state.BatchState;

/**
 * New subnets arriving as a Poisson process: registration attempts at exponential waiting times of mean
 * {@code 1/ratePerDay} days from {@code firstBlock}, at most {@code maxCount}, each paying the era's lock cost
 * (mechanics §6; refused where the chain would refuse). The arrival times are drawn from the run's seed alone,
 * so every path sees the same arrivals (common random numbers across paths and eras); the paths differ in what
 * the chain does with them (prices decide pruning). Observed rate in 2025: about one every two days
 * (calibration.md §2.9).
 *
 * @param ratePerDay mean registration attempts per day
 * @param firstBlock block from which attempts arrive
 * @param maxCount   most attempts (slots reserved for them)
 */
public record PoissonRegistrations(double ratePerDay, long firstBlock, int maxCount) implements Behaviour {
    /** Stream key of the arrival draws. */
    public static final long STREAM = 0x5245_4749_5354_4552L;

    /** Validates the parameters. */
    public PoissonRegistrations {
        Checks.inRange("ratePerDay", ratePerDay, 0.0, 1000.0);
        Checks.inRange("firstBlock", firstBlock, 0L, Long.MAX_VALUE / 4);
        Checks.inRange("maxCount", maxCount, 0L, 4096L);
    }

    @Override
    public int extraSlots() {
        return maxCount;
    }

    /** The blocks of the attempts, in order (Long.MAX_VALUE where the rate is 0). */
    public long[] arrivalBlocks(final long seed) {
        final long[] blocks = new long[maxCount];
        double at = firstBlock;
        for (int k = 0; k < maxCount; k++) {
            if (ratePerDay == 0.0) {
                blocks[k] = Long.MAX_VALUE;
                continue;
            }
            final double u = 1.0 - CounterRng.uniform(seed ^ STREAM, k);
            at += -StrictMath.log(u) / ratePerDay * ChainConstants.BLOCKS_PER_DAY;
            blocks[k] = (long) Math.ceil(at);
        }
        return blocks;
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        final SubnetLifecycle lifecycle = new SubnetLifecycle(state.protocol, state.subnets);
        final long[] arrivals = arrivalBlocks(seed);
        final int firstSlot = state.reserveSlots(maxCount);
        final int[] next = new int[1];
        return block -> {
            // two arrivals can fall on one block: the chain takes them one after the other (the second is then
            // refused by the rate limit unless it is 0)
            while (next[0] < maxCount && arrivals[next[0]] <= block) {
                if (arrivals[next[0]] == block) {
                    lifecycle.register(state, firstSlot + next[0], block);
                }
                next[0]++;
            }
        };
    }
}
