package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * A large holder stepping in against a subnet, as the foundation did with SN28: once the subnet's price reaches
 * {@code triggerPriceMultiple} times its first price (or at {@code triggerBlock}), it unstakes
 * {@code sellAlpha} of the subnet's alpha (at most half of AlphaOut) and, with {@code withdrawSupport}, its
 * validators stop supporting the subnet's scheme ({@link BatchState#supportWithdrawn}), which ends the holder
 * rewards of a {@link MemeCohort} and starts its exit. Once per path.
 *
 * @param subnet               the subnet's slot
 * @param triggerPriceMultiple price multiple of the first price that triggers (0: off)
 * @param triggerBlock         block that triggers (-1: off)
 * @param sellAlpha            alpha sold at the trigger
 * @param withdrawSupport      whether validators withdraw their support
 */
public record Intervention(int subnet, double triggerPriceMultiple, long triggerBlock, double sellAlpha,
                           boolean withdrawSupport) implements Behaviour {
    /** Outcome: block of the intervention, -1 if it did not happen. */
    public static final String BLOCK = "intervention.block";
    /** Outcome: the largest fall of the price within nine hours (2,700 blocks) after the trigger, as a fraction. */
    public static final String CRASH_9H = "intervention.crash9h";
    /** Blocks in nine hours, the SN28 crash's span (shared/data/README.md). */
    public static final long NINE_HOURS = 2700;

    /** Validates the parameters. */
    public Intervention {
        Checks.inRange("subnet", subnet, 0, 4095);
        Checks.inRange("triggerPriceMultiple", triggerPriceMultiple, 0.0, 1e9);
        Checks.inRange("triggerBlock", triggerBlock, -1L, Long.MAX_VALUE / 4);
        Checks.amount("sellAlpha", sellAlpha);
        if (triggerPriceMultiple == 0.0 && triggerBlock < 0) {
            throw new IllegalArgumentException("trigger: give triggerPriceMultiple > 0 or triggerBlock ≥ 0");
        }
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        if (subnet >= state.subnets) {
            throw new IllegalArgumentException("subnet: " + subnet + " is not in [0, " + (state.subnets - 1) + "]");
        }
        final double[] firstPrice = new double[state.paths];
        final double[] when = new double[state.paths];
        final double[] triggerPrice = new double[state.paths];
        final double[] lowestAfter = new double[state.paths];
        java.util.Arrays.fill(when, -1.0);
        return new Actor() {
            @Override
            public void onBlock(final long block) {
                for (int p = 0; p < state.paths; p++) {
                    final int c = state.cell(subnet, p);
                    if (!state.live[c]) {
                        continue;
                    }
                    final double price = state.taoReserve[c] / state.alphaIn[c];
                    if (when[p] >= 0.0) {
                        if (block - when[p] <= NINE_HOURS) {
                            lowestAfter[p] = Math.min(lowestAfter[p], price);
                        }
                        continue;
                    }
                    if (firstPrice[p] == 0.0) {
                        firstPrice[p] = price;
                    }
                    final boolean byPrice = triggerPriceMultiple > 0.0 && price >= triggerPriceMultiple * firstPrice[p];
                    final boolean byBlock = triggerBlock >= 0 && block >= triggerBlock;
                    if (byPrice || byBlock) {
                        when[p] = block;
                        triggerPrice[p] = price;
                        lowestAfter[p] = price;
                        if (withdrawSupport) {
                            state.supportWithdrawn[c] = true;
                        }
                        final double sold = state.sellable(c, Math.min(sellAlpha, 0.5 * state.alphaOut[c]));
                        if (sold > 0.0) {
                            ConstantProductPool.unstake(state, c, p, sold);
                        }
                    }
                }
            }

            @Override
            public void collect(final PathOutcomes outcomes) {
                System.arraycopy(when, 0, outcomes.column(BLOCK), 0, state.paths);
                final double[] crash = outcomes.column(CRASH_9H);
                for (int p = 0; p < state.paths; p++) {
                    crash[p] = when[p] >= 0.0 ? 1.0 - lowestAfter[p] / triggerPrice[p] : 0.0;
                }
            }
        };
    }
}
