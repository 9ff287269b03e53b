package dtaosim.engine.market;

import dtaosim.engine.kernel.ConstantProductPool;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.Checks;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * The holders of a meme subnet's alpha, as in the SN28 episode of February 2025: the subnet's validators score
 * miners by their alpha holdings, so the cohort receives the subnet's miner incentive in proportion to its
 * share of the alpha outstanding; and new buyers join at a rate that grows with the price's momentum, with the
 * subnet's emission share relative to its start, and with the holders' reward yield. That is the reflexive
 * loop: buy → price ↑ → emission share ↑ (through the moving price) → holder rewards ↑ → more buying, until
 * the budget is spent or the price falls {@code panicDrawdown} below its peak (or validators withdraw support,
 * see {@link Intervention}), when the cohort sells {@code exitFraction} of its holdings every block.
 *
 * <p>Arrival rate per block: {@code λ = λ0 · (1 + momentumGain·max(m, 0)) · (share/share0)^shareGain ·
 * (1 + yieldGain·yield)}, with m the EMA (over {@code momentumBlocks}) of the per-block log return times
 * {@code momentumBlocks}, share the subnet's emission share this block, share0 the first block's, and yield the
 * cohort's reward alpha over its holdings per day (EMA). Each arrival buys {@code buyTao}. The loops switch off
 * one by one: {@code holderRewards} (no incentive to holders, no yield), {@code shareFeedback} (no share term).
 *
 * @param subnet          the meme subnet's slot
 * @param arrivalsPerBlock λ0, base probability of a buyer per block
 * @param buyTao          TAO each buyer stakes
 * @param capitalTao      the cohort's whole budget per path
 * @param momentumBlocks  EMA window of the momentum, in blocks
 * @param momentumGain    weight of positive momentum in the arrival rate
 * @param shareGain       exponent of the emission-share ratio in the arrival rate
 * @param yieldGain       weight of the holders' daily reward yield in the arrival rate
 * @param holderRewards   whether holders receive the miner incentive (the SN28 design)
 * @param shareFeedback   whether arrivals react to the emission share
 * @param panicDrawdown   fall from the peak price that starts the exit, in (0, 1]
 * @param exitFraction    fraction of holdings sold per block while exiting
 */
public record MemeCohort(int subnet, double arrivalsPerBlock, double buyTao, double capitalTao,
                         double momentumBlocks, double momentumGain, double shareGain, double yieldGain,
                         boolean holderRewards, boolean shareFeedback, double panicDrawdown, double exitFraction)
        implements Behaviour {
    /** Stream key of the arrival draws. */
    public static final long STREAM = 0x4D45_4D45_434F_484FL;
    /** Outcome: TAO received + holdings at the final price − TAO spent. */
    public static final String PNL = "meme.pnl";
    /** Outcome: highest price over the first price. */
    public static final String PEAK_MULTIPLE = "meme.peakMultiple";
    /** Outcome: highest emission share of the subnet. */
    public static final String MAX_SHARE = "meme.maxShare";
    /** Outcome: TAO the cohort spent. */
    public static final String SPENT = "meme.spent";
    /** Outcome: block of the highest price. */
    public static final String PEAK_BLOCK = "meme.peakBlock";

    /** Validates the parameters. */
    public MemeCohort {
        Checks.inRange("subnet", subnet, 0, 4095);
        Checks.inRange("arrivalsPerBlock", arrivalsPerBlock, 0.0, 1.0);
        Checks.amount("buyTao", buyTao);
        Checks.amount("capitalTao", capitalTao);
        Checks.inRange("momentumBlocks", momentumBlocks, 1.0, 1e7);
        Checks.inRange("momentumGain", momentumGain, 0.0, 1e6);
        Checks.inRange("shareGain", shareGain, 0.0, 10.0);
        Checks.inRange("yieldGain", yieldGain, 0.0, 1e6);
        Checks.inRange("panicDrawdown", panicDrawdown, 0.0, 1.0);
        Checks.inRange("exitFraction", exitFraction, 0.0, 1.0);
    }

    @Override
    public Actor bind(final BatchState state, final RowKernels kernels, final long seed) {
        if (subnet >= state.subnets) {
            throw new IllegalArgumentException("subnet: " + subnet + " is not in [0, " + (state.subnets - 1) + "]");
        }
        state.recordInjection(subnet);
        return new Cohort(this, state, seed ^ STREAM);
    }

    private static final class Cohort implements Actor {
        private final MemeCohort plan;
        private final BatchState s;
        private final long stream;
        private final double momentumWeight;
        private final double[] holdings;
        private final long[] holdingsRegisteredAt;
        private final double[] spent;
        private final double[] received;
        private final double[] momentum;
        private final double[] lastPrice;
        private final double[] firstPrice;
        private final double[] peakPrice;
        private final double[] peakBlock;
        private final double[] firstShare;
        private final double[] maxShare;
        private final double[] dailyYield;
        private final boolean[] exiting;

        Cohort(final MemeCohort plan, final BatchState s, final long stream) {
            this.plan = plan;
            this.s = s;
            this.stream = stream;
            this.momentumWeight = 1.0 / plan.momentumBlocks;
            final int n = s.paths;
            holdings = new double[n];
            holdingsRegisteredAt = new long[n];
            spent = new double[n];
            received = new double[n];
            momentum = new double[n];
            lastPrice = new double[n];
            firstPrice = new double[n];
            peakPrice = new double[n];
            peakBlock = new double[n];
            firstShare = new double[n];
            maxShare = new double[n];
            dailyYield = new double[n];
            exiting = new boolean[n];
        }

        @Override
        public void onBlock(final long block) {
            final boolean epoch = drainedThisBlock();
            for (int p = 0; p < s.paths; p++) {
                final int c = s.cell(plan.subnet, p);
                if (holdings[p] > 0.0 && (!s.live[c] || holdingsRegisteredAt[p] != s.registeredAt[c])) {
                    holdings[p] = 0.0; // the meme subnet was dissolved: its alpha is gone
                }
                if (!s.live[c]) {
                    continue;
                }
                final double price = s.taoReserve[c] / s.alphaIn[c];
                final double emission = s.blockEmission[p];
                final double share = emission > 0.0 ? s.taoInjected[c] / emission : 0.0;
                if (firstPrice[p] == 0.0) {
                    firstPrice[p] = price;
                    lastPrice[p] = price;
                    peakPrice[p] = price;
                    firstShare[p] = share;
                }
                final double logReturn = StrictMath.log(price / lastPrice[p]);
                momentum[p] += momentumWeight * (plan.momentumBlocks * logReturn - momentum[p]);
                lastPrice[p] = price;
                if (price > peakPrice[p]) {
                    peakPrice[p] = price;
                    peakBlock[p] = block;
                }
                maxShare[p] = Math.max(maxShare[p], share);
                if (epoch && plan.holderRewards && !s.supportWithdrawn[c] && holdings[p] > 0.0) {
                    // validators score miners by holdings: the cohort's share of alpha outstanding earns the
                    // same share of the miner incentive (already minted into AlphaOut; at most what holders
                    // outside the tracked positions still hold, should noise traders have sold the payout)
                    // (AlphaOut can sit at a rounding residue at or below zero: no share of it then)
                    final double holdersShare = s.alphaOut[c] > 0.0 ? Math.min(holdings[p] / s.alphaOut[c], 1.0) : 0.0;
                    final double reward = s.sellable(c, s.drainedMinerAlpha[c] * holdersShare);
                    holdings[p] += reward;
                    s.positionAlpha[c] += reward;
                    final double perDay = reward / holdings[p] * (7200.0 / (s.protocol.tempo() + 1.0));
                    dailyYield[p] += 0.1 * (perDay - dailyYield[p]);
                }
                if (!exiting[p] && (s.supportWithdrawn[c] || price < (1.0 - plan.panicDrawdown) * peakPrice[p])) {
                    exiting[p] = true;
                }
                if (exiting[p]) {
                    final double sell = plan.exitFraction * holdings[p];
                    if (sell > 0.0) {
                        final double tao = ConstantProductPool.unstake(s, c, p, sell);
                        if (tao > 0.0) {
                            received[p] += tao;
                            holdings[p] -= sell;
                            s.positionAlpha[c] -= sell;
                        }
                    }
                } else if (spent[p] + plan.buyTao <= plan.capitalTao
                        && CounterRng.uniform(stream, block * s.totalPaths + s.firstPath + p) < rate(p, share)) {
                    final double bought = ConstantProductPool.stake(s, c, p, plan.buyTao);
                    if (bought > 0.0) {
                        holdings[p] += bought;
                        holdingsRegisteredAt[p] = s.registeredAt[c];
                        s.positionAlpha[c] += bought;
                        spent[p] += plan.buyTao;
                    }
                }
            }
        }

        /** λ = λ0 · (1 + momentumGain·m⁺) · (share/share0)^shareGain · (1 + yieldGain·yield). */
        private double rate(final int p, final double share) {
            double rate = plan.arrivalsPerBlock * (1.0 + plan.momentumGain * Math.max(momentum[p], 0.0));
            if (plan.shareFeedback && firstShare[p] > 0.0 && share > firstShare[p]) {
                rate *= StrictMath.pow(share / firstShare[p], plan.shareGain);
            }
            if (plan.holderRewards) {
                rate *= 1.0 + plan.yieldGain * dailyYield[p];
            }
            return rate;
        }

        private boolean drainedThisBlock() {
            for (int k = 0; k < s.drainedCount; k++) {
                if (s.drainedSubnets[k] == plan.subnet) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final double[] pnl = outcomes.column(PNL);
            final double[] peak = outcomes.column(PEAK_MULTIPLE);
            final double[] share = outcomes.column(MAX_SHARE);
            final double[] cost = outcomes.column(SPENT);
            System.arraycopy(peakBlock, 0, outcomes.column(PEAK_BLOCK), 0, s.paths);
            for (int p = 0; p < s.paths; p++) {
                final int c = s.cell(plan.subnet, p);
                final boolean held = s.live[c] && holdingsRegisteredAt[p] == s.registeredAt[c];
                final double price = held ? s.taoReserve[c] / s.alphaIn[c] : 0.0;
                pnl[p] = received[p] + holdings[p] * price - spent[p];
                peak[p] = firstPrice[p] > 0.0 ? peakPrice[p] / firstPrice[p] : 0.0;
                share[p] = maxShare[p];
                cost[p] = spent[p];
            }
        }
    }
}
