package dtaosim.engine.reference;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.Probe;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small scalar model of the launch era (2025-02), one path at a time, written from the spec
 * ({@code shared/spec/dtao-mechanics.md}, "mechanics §N") and the behaviours' Javadoc only, for the tests to
 * compare the engine's kernels against. Plain loops over subnets, one object per path, no caches; it is slow
 * on purpose and must never be used to run studies.
 *
 * <p>Per block, in this order: the TAO block emission from total issuance (mechanics §1); every subnet's
 * coinbase with shares from the moving prices as they stood at the start of the block (mechanics §2a, §3, §4);
 * the moving-price update (mechanics §2a); the epoch drain (mechanics §4); the behaviours in scenario order;
 * the probes.
 *
 * <p>Supported: era {@link Era#LAUNCH_2025_02}; behaviours {@link EmissionSellers}, {@link UniformNoiseTraders},
 * {@link PumpAndDump} (at most one); probe {@link SubnetWatch}. Anything else is refused with an
 * {@link IllegalArgumentException}, so a test never silently compares against a model that ignores part of
 * its scenario.
 */
public final class ReferenceModel {
    /** mechanics §1: TotalSupply 21e15 rao = 21 M TAO; the same cap for each subnet's alpha. */
    private static final double SUPPLY = 21_000_000.0;
    /** mechanics §1 (reused for alpha): every subnet's base alpha emission is 1 alpha per block. */
    private static final double ALPHA_BASE_EMISSION = 1.0;
    /** mechanics §4: the root share of the validators' half of alpha_out. */
    private static final double VALIDATOR_HALF = 0.5;
    /** Peer README: SplitMix64 state increment γ. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReferenceModel() {
    }

    /**
     * Simulates path {@code globalPath} of the scenario from its start block over its whole horizon.
     *
     * @throws IllegalArgumentException if the scenario uses an era, behaviour or probe this model lacks, or a
     *                                  network it does not cover (Σ moving price 0; a subnet whose first
     *                                  emission block lies after the start block while the EMA ramp is on)
     */
    public static ReferencePath simulate(final Scenario scenario, final long globalPath) {
        if (globalPath < 0 || globalPath >= scenario.paths()) {
            throw new IllegalArgumentException("path " + globalPath + " is not in [0, " + scenario.paths() + ")");
        }
        final ProtocolParams protocol = scenario.protocol();
        if (!scenario.eraChanges().isEmpty()) {
            throw new IllegalArgumentException("the reference model runs one era; this scenario changes era");
        }
        if (protocol.era() != Era.LAUNCH_2025_02) {
            throw new IllegalArgumentException("the reference model knows only the launch era, not "
                    + protocol.era());
        }
        final PathState path = new PathState(scenario, globalPath);
        final List<Trader> traders = new ArrayList<>();
        int pumps = 0;
        for (final Behaviour behaviour : scenario.behaviours()) {
            if (behaviour instanceof EmissionSellers sellers) {
                traders.add(new Sellers(sellers.sellFraction(), sellers.heldAlphaOnly()));
            } else if (behaviour instanceof UniformNoiseTraders noise) {
                traders.add(new Noise(noise.sigma(), noise.heldAlphaOnly()));
            } else if (behaviour instanceof PumpAndDump pump) {
                if (++pumps > 1) {
                    throw new IllegalArgumentException("the reference model supports one PumpAndDump per scenario");
                }
                checkSubnet("PumpAndDump", pump.subnet(), path.subnets);
                traders.add(new Pump(pump, scenario.seed(), globalPath));
            } else {
                throw new IllegalArgumentException("the reference model does not know the behaviour " + behaviour);
            }
        }
        final List<Watch> watches = new ArrayList<>();
        for (final Probe probe : scenario.probes()) {
            if (probe instanceof SubnetWatch watch) {
                checkSubnet("SubnetWatch", watch.subnet(), path.subnets);
                watches.add(new Watch(watch));
            } else {
                throw new IllegalArgumentException("the reference model does not know the probe " + probe);
            }
        }

        final long end = scenario.startBlock() + scenario.blocks();
        for (long block = scenario.startBlock(); block < end; block++) {
            path.chainStep(block);
            for (final Trader trader : traders) {
                trader.act(path, block);
            }
            for (final Watch watch : watches) {
                watch.observe(path);
            }
        }

        final Map<String, Double> outcomes = new LinkedHashMap<>();
        outcomes.put(RunResult.POOL_TAO, sum(path.tao));
        outcomes.put(RunResult.ALPHA_IN, sum(path.alphaIn));
        outcomes.put(RunResult.ALPHA_OUT, sum(path.alphaOut));
        outcomes.put(RunResult.MOVING_PRICE, sum(path.movingPrice));
        outcomes.put(RunResult.TAO_EMITTED, path.taoEmitted);
        outcomes.put(RunResult.TAO_STAKED, path.taoStaked);
        outcomes.put(RunResult.TAO_UNSTAKED, path.taoUnstaked);
        outcomes.put(RunResult.ROOT_DIVIDENDS, path.rootDividends);
        outcomes.put(RunResult.ROOT_TAO_SOLD, path.rootTaoSold);
        outcomes.put(RunResult.TOTAL_ISSUANCE, path.totalIssuance);
        outcomes.put(RunResult.ALPHA_MINTED, path.alphaMinted);
        // the launch era recycles and burns nothing, and its flat fee stays in the pool (mechanics §1, §5)
        outcomes.put(RunResult.ALPHA_RECYCLED, 0.0);
        outcomes.put(RunResult.ALPHA_BURNED, 0.0);
        outcomes.put(RunResult.TAO_FEES, 0.0);
        outcomes.put(RunResult.TAO_RECYCLED, 0.0);
        outcomes.put(RunResult.TAO_UNISSUED, 0.0); // the launch era issues every block's emission
        for (final Trader trader : traders) {
            trader.report(outcomes);
        }
        for (final Watch watch : watches) {
            watch.report(outcomes);
        }
        return new ReferencePath(globalPath, path.tao.clone(), path.alphaIn.clone(), path.alphaOut.clone(),
                path.movingPrice.clone(), outcomes);
    }

    /**
     * mechanics §1 ({@code block_emission.rs :: get_block_emission_for_issuance}): {@code base / 2^k} with
     * {@code k = floor(log2(1 / (1 − issuance / 21M)))}, and 0 once issuance reaches the supply. The floor of
     * the logarithm is found by halving {@code 1 / (1 − issuance / 21M)} until it is below 2 (exact in binary
     * floating point), not by {@code Math.log}, whose rounding could misplace a halving.
     */
    static double blockEmission(final double issuance, final double base) {
        if (issuance >= SUPPLY) {
            return 0.0;
        }
        double growth = 1.0 / (1.0 - issuance / SUPPLY);
        double emission = base;
        while (growth >= 2.0) {
            growth *= 0.5;
            emission *= 0.5;
        }
        return emission;
    }

    /**
     * Peer README: u(seed, idx) is the SplitMix64 output for the state {@code seed + (idx + 1)·γ}, as a double
     * {@code (z >>> 11)·2^-53} (64-bit wrapping arithmetic throughout).
     */
    static double uniform(final long seed, final long index) {
        long z = seed + (index + 1L) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static double sum(final double[] values) {
        double total = 0.0;
        for (final double value : values) {
            total += value;
        }
        return total;
    }

    private static void checkSubnet(final String what, final int subnet, final int subnets) {
        if (subnet < 0 || subnet >= subnets) {
            throw new IllegalArgumentException(what + ": subnet " + subnet + " is not in [0, " + subnets + ")");
        }
    }

    /** The whole state of one path, per subnet slot, plus its running totals. Amounts in TAO and alpha. */
    static final class PathState {
        final int subnets;
        final long path;
        final long paths;
        final long seed;
        final ProtocolParams protocol;
        final long[] firstEmissionBlock;
        final double rootStake;

        final double[] tao;
        final double[] alphaIn;
        final double[] alphaOut;
        final double[] movingPrice;
        final double[] pendingAlpha;
        final double[] pendingOwner;
        final double[] pendingRootTao;
        /** Root alpha sold since the last epoch, credited again at the epoch without the dividend fix. */
        final double[] rootAlphaSold;
        /** Alpha of the pump's position (BatchState.positionAlpha). */
        final double[] positionAlpha;
        /** eras-spec launch 6: whether the epoch over-credits the sold root share (dividend-fix off). */
        final boolean overCredit;
        /** tao_in of each subnet in the current block. */
        final double[] taoInThisBlock;
        /** Alpha paid out at each subnet's epoch in the current block (0 where no epoch ran). */
        final double[] drainedThisBlock;
        /** TAO block emission of the current block. */
        double emissionThisBlock;

        double totalIssuance;
        double taoEmitted;
        double taoStaked;
        double taoUnstaked;
        /** Σ TAO the root sales took out of the pools. */
        double rootTaoSold;
        double rootDividends;
        double alphaMinted;

        PathState(final Scenario scenario, final long path) {
            final Network network = scenario.network();
            this.subnets = network.subnets();
            this.path = path;
            this.paths = scenario.paths();
            this.seed = scenario.seed();
            this.protocol = scenario.protocol();
            this.firstEmissionBlock = network.firstEmissionBlock().clone();
            this.rootStake = network.rootStakeTao();
            this.tao = network.taoReserve().clone();
            this.alphaIn = network.alphaIn().clone();
            this.alphaOut = network.alphaOut().clone();
            this.movingPrice = network.movingPrice().clone();
            this.pendingAlpha = new double[subnets];
            this.pendingOwner = new double[subnets];
            this.pendingRootTao = new double[subnets];
            this.rootAlphaSold = new double[subnets];
            this.positionAlpha = new double[subnets];
            this.overCredit = !protocol.on(Switch.DIVIDEND_FIX);
            this.taoInThisBlock = new double[subnets];
            this.drainedThisBlock = new double[subnets];
            this.totalIssuance = network.totalIssuanceTao();
            if (!(sum(movingPrice) > 0.0)) {
                throw new IllegalArgumentException("Σ moving price is 0: emission shares are undefined");
            }
            if (protocol.movingPriceRamp()) {
                for (int i = 0; i < subnets; i++) {
                    if (firstEmissionBlock[i] > scenario.startBlock()) {
                        throw new IllegalArgumentException("subnet " + i + " starts emitting at block "
                                + firstEmissionBlock[i] + ", after the start block; not modelled");
                    }
                }
            }
        }

        /** The chain's part of one block (mechanics §1–§4), before any user trades. */
        void chainStep(final long block) {
            // mechanics §1: TAO emission from TotalIssuance, which grows by what is emitted.
            final double emission = blockEmission(totalIssuance, protocol.blockEmissionTao());
            emissionThisBlock = emission;
            totalIssuance += emission;

            // mechanics §2a: share_i = P̄_i / Σ_j P̄_j, with the moving prices as they were before this block.
            final double movingPriceSum = sum(movingPrice);
            final double[] share = new double[subnets];
            for (int i = 0; i < subnets; i++) {
                share[i] = movingPrice[i] / movingPriceSum;
            }

            for (int i = 0; i < subnets; i++) {
                coinbase(i, share[i] * emission);
            }

            // mechanics §2a: P̄ ← a·min(spot, 1) + (1 − a)·P̄ after the coinbase; a ramps by b/(b+H) from 2025-03-19.
            for (int i = 0; i < subnets; i++) {
                double a = protocol.subnetMovingAlpha();
                if (protocol.movingPriceRamp()) {
                    final double b = block - Math.max(firstEmissionBlock[i] - 1, 0L); // saturating, as on chain
                    a = a * (b / (b + protocol.emaPriceHalvingBlocks()));
                }
                final double spot = tao[i] / alphaIn[i];
                movingPrice[i] = a * Math.min(spot, 1.0) + (1.0 - a) * movingPrice[i];
            }

            // mechanics §4: the epoch runs when blocks_until_next_epoch = tempo − (block + netuid + 1) mod (tempo + 1)
            // is 0; the pending alpha (miners, validators, owner) is paid out as stake, and the TAO from root alpha
            // sold since the last epoch goes to root stakers.
            final long period = protocol.tempo() + 1L;
            for (int i = 0; i < subnets; i++) {
                final long netuid = i + 1L;
                if (Math.floorMod(block + netuid + 1L, period) == protocol.tempo()) {
                    // before 2025-02-24 (dividend-fix off) validators were also paid the sold root alpha:
                    // stake no swap backs, so AlphaOut and the minted alpha grow by it
                    drainedThisBlock[i] = pendingAlpha[i] + pendingOwner[i] + rootAlphaSold[i];
                    alphaOut[i] += rootAlphaSold[i];
                    alphaMinted += rootAlphaSold[i];
                    rootAlphaSold[i] = 0.0;
                    rootDividends += pendingRootTao[i];
                    pendingAlpha[i] = 0.0;
                    pendingOwner[i] = 0.0;
                    pendingRootTao[i] = 0.0;
                } else {
                    drainedThisBlock[i] = 0.0;
                }
            }
        }

        /** One subnet's launch-era coinbase: injection (mechanics §3, 2025-02-13 history) and split (§4). */
        private void coinbase(final int i, final double taoIn) {
            // mechanics §1 reused for alpha: the emission depends on alpha issuance = In + Out before minting.
            final double alphaEmission = blockEmission(alphaIn[i] + alphaOut[i], ALPHA_BASE_EMISSION);
            // mechanics §3 (2025-02-13): tao_in = full share; alpha_in = min(tao_in / price, alpha_emission).
            final double price = tao[i] / alphaIn[i];
            final double alphaInjected = Math.min(taoIn / price, alphaEmission);
            alphaIn[i] += alphaInjected;
            alphaOut[i] += alphaEmission;
            tao[i] += taoIn;
            taoInThisBlock[i] = taoIn;
            taoEmitted += taoIn;
            alphaMinted += alphaInjected + alphaEmission;

            // mechanics §4: owner cut first, then root's part of the validators' half.
            final double ownerAlpha = alphaEmission * protocol.ownerCut();
            pendingOwner[i] += ownerAlpha;
            final double rest = alphaEmission - ownerAlpha;
            // mechanics §4: root_prop = tw·R / (tw·R + alpha issuance), issuance taken after this block's mint.
            final double weightedRoot = protocol.taoWeight() * rootStake;
            final double rootProportion = weightedRoot / (weightedRoot + alphaIn[i] + alphaOut[i]);
            final double rootAlpha = rootProportion * rest * VALIDATOR_HALF;
            pendingAlpha[i] += rest - rootAlpha;
            // mechanics §4 (before 2025-11-04): root alpha is sold for TAO every block (no fee, swap x·y = k) and
            // the TAO waits in PendingRootDivs for the epoch.
            final double taoOut = tao[i] * rootAlpha / (alphaIn[i] + rootAlpha);
            alphaIn[i] += rootAlpha;
            alphaOut[i] -= rootAlpha;
            tao[i] -= taoOut;
            pendingRootTao[i] += taoOut;
            rootTaoSold += taoOut;
            if (overCredit) {
                rootAlphaSold[i] += rootAlpha;
            }
        }

        /**
         * {@code BatchState.sellable}: {@code wanted} cut to alpha out less pending emission, root alpha sold
         * since the epoch and the pump's position (no claims or protocol alpha in the launch era).
         */
        double sellable(final int i, final double wanted) {
            double held = alphaOut[i] - pendingAlpha[i] - pendingOwner[i] - rootAlphaSold[i] - positionAlpha[i];
            held = held > 0.0 ? held : 0.0;
            return wanted > held ? held : wanted;
        }

        /**
         * mechanics §5 (constant-product era): stake {@code taoAmount} TAO; the flat fee stays in the pool, the
         * rest buys {@code alphaIn·net/(tao + net)} alpha. Skipped (returns 0) unless the net amount is positive.
         */
        double stake(final int i, final double taoAmount) {
            final double net = taoAmount - protocol.stakeFeeTao();
            if (!(net > 0.0)) {
                return 0.0;
            }
            final double bought = alphaIn[i] * net / (tao[i] + net);
            tao[i] += taoAmount;
            alphaIn[i] -= bought;
            alphaOut[i] += bought;
            taoStaked += taoAmount;
            return bought;
        }

        /**
         * mechanics §5 (constant-product era): unstake {@code alphaAmount} alpha for
         * {@code tao·a/(alphaIn + a)} TAO less the flat fee, which stays in the pool. Skipped (returns 0) unless
         * the payout is positive.
         */
        double unstake(final int i, final double alphaAmount) {
            final double paid = tao[i] * alphaAmount / (alphaIn[i] + alphaAmount) - protocol.stakeFeeTao();
            if (!(paid > 0.0)) {
                return 0.0;
            }
            tao[i] -= paid;
            alphaIn[i] += alphaAmount;
            alphaOut[i] -= alphaAmount;
            taoUnstaked += paid;
            return paid;
        }
    }

    /** A behaviour acting on one path. */
    private interface Trader {
        void act(PathState path, long block);

        default void report(final Map<String, Double> outcomes) {
        }
    }

    /** {@link EmissionSellers}: at each subnet's epoch, sell the fraction of the payout through the pool. */
    private static final class Sellers implements Trader {
        private final double fraction;
        private final boolean heldOnly;

        Sellers(final double fraction, final boolean heldOnly) {
            this.fraction = fraction;
            this.heldOnly = heldOnly;
        }

        @Override
        public void act(final PathState path, final long block) {
            for (int i = 0; i < path.subnets; i++) {
                final double wanted = fraction * path.drainedThisBlock[i];
                final double sold = heldOnly ? path.sellable(i, wanted) : wanted;
                if (sold > 0.0) {
                    path.unstake(i, sold);
                }
            }
        }
    }

    /**
     * {@link UniformNoiseTraders}: one trade per subnet per block, x = 2u − 1 with u the draw at
     * {@code (block·P + path)·N + subnet}; x &gt; 0 stakes {@code x·σ·tao}, otherwise unstakes
     * {@code −x·σ·alphaIn}, at most the alpha holders hold unless {@code heldOnly} is off (the numpy peer).
     */
    private static final class Noise implements Trader {
        private final double sigma;
        private final boolean heldOnly;

        Noise(final double sigma, final boolean heldOnly) {
            this.sigma = sigma;
            this.heldOnly = heldOnly;
        }

        @Override
        public void act(final PathState path, final long block) {
            for (int i = 0; i < path.subnets; i++) {
                final long index = (block * path.paths + path.path) * path.subnets + i;
                final double x = 2.0 * uniform(path.seed, index) - 1.0;
                if (x > 0.0) {
                    path.stake(i, x * sigma * path.tao[i]);
                } else {
                    final double wanted = -x * sigma * path.alphaIn[i];
                    path.unstake(i, heldOnly ? path.sellable(i, wanted) : wanted); // holders sell what they hold
                }
            }
        }
    }

    /**
     * {@link PumpAndDump}: buy {@code rate = rateTao·(0.5 + u)} TAO per block in [buyFrom, buyUntil), u the draw
     * of stream {@code seed ^ 0xABCDEF} at the path index; sell everything bought at dumpAt.
     */
    private static final class Pump implements Trader {
        private final PumpAndDump plan;
        private final double rate;
        private double alphaHeld;
        private double taoSpent;
        private double taoReceived;

        Pump(final PumpAndDump plan, final long seed, final long path) {
            this.plan = plan;
            this.rate = plan.rateTao() * (0.5 + uniform(seed ^ PumpAndDump.RATE_STREAM, path));
        }

        @Override
        public void act(final PathState path, final long block) {
            if (block >= plan.buyFrom() && block < plan.buyUntil()) {
                final double bought = path.stake(plan.subnet(), rate);
                if (bought > 0.0) {
                    alphaHeld += bought;
                    path.positionAlpha[plan.subnet()] += bought;
                    taoSpent += rate;
                }
            } else if (block == plan.dumpAt() && alphaHeld > 0.0) {
                taoReceived += path.unstake(plan.subnet(), alphaHeld);
                path.positionAlpha[plan.subnet()] -= alphaHeld;
                alphaHeld = 0.0;
            }
        }

        @Override
        public void report(final Map<String, Double> outcomes) {
            outcomes.put(PumpAndDump.PNL, taoReceived - taoSpent);
        }
    }

    /** {@link SubnetWatch}: Σ tao_in, mean tao_in / block emission, highest end-of-block spot price. */
    private static final class Watch {
        private final SubnetWatch watch;
        private double cumTaoIn;
        private double cumShare;
        private double maxPrice;
        private long blocks;

        Watch(final SubnetWatch watch) {
            this.watch = watch;
        }

        void observe(final PathState path) {
            final int i = watch.subnet();
            final double taoIn = path.taoInThisBlock[i];
            cumTaoIn += taoIn;
            cumShare += path.emissionThisBlock > 0.0 ? taoIn / path.emissionThisBlock : 0.0;
            maxPrice = Math.max(maxPrice, path.tao[i] / path.alphaIn[i]);
            blocks++;
        }

        void report(final Map<String, Double> outcomes) {
            outcomes.put(watch.outcome(SubnetWatch.CUM_TAO_EMISSION), cumTaoIn);
            outcomes.put(watch.outcome(SubnetWatch.MEAN_SHARE), blocks == 0 ? 0.0 : cumShare / blocks);
            outcomes.put(watch.outcome(SubnetWatch.MAX_PRICE), maxPrice);
        }
    }
}
