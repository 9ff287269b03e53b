package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.market.Actor;
import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.rng.CounterRng;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.engine.state.BatchState;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario, one seed, run under each era: each era against its predecessor moves the metric its new rule
 * acts on, path by path (common random numbers make the paths pairs), and the noise traders' draws are the same
 * in every era, keyed by (seed, block, path, subnet) alone.
 *
 * <p>The scenario: three subnets, R = 10,000 TAO, TotalIssuance 11 M (E = ½ TAO, so the capped era's cap binds),
 * <ul>
 *   <li>slot 0, the target: 50 TAO : 5000 alpha (price 0.01), 1000 alpha out, P̄ 0.05, pumped at ≈ 2 TAO per
 *       block from block 20 to 200 and dumped at 250;</li>
 *   <li>slot 1: 1000 : 2000 (price ½), P̄ ½; slot 2: 2000 : 2500 (price 0.8), P̄ 0.8;</li>
 * </ul>
 * noise traders σ = 0.005, emission sellers selling half of each payout; SubnetMovingAlpha 0.01, H = 100,
 * tempo 30, flow smoothing 0.02, root claim rate 0.01; 300 blocks from block 1, 8 paths, seed 42.
 */
class EraComparisonTest {
    static final long SEED = 42L;
    static final int PATHS = 8;
    static final int BLOCKS = 300;
    static final double[] MOVING_PRICE_0 = {0.05, 0.5, 0.8};
    static final Map<Era, RunResult> RUNS = new EnumMap<>(Era.class);

    static Network network() {
        return new Network(new double[] {50.0, 1000.0, 2000.0}, new double[] {5000.0, 2000.0, 2500.0},
                new double[] {1000.0, 2000.0, 3000.0}, MOVING_PRICE_0.clone(), new long[] {1, 1, 1}, 10_000.0,
                11_000_000.0);
    }

    static ProtocolParams params(final Era era) {
        return era.defaults().withMovingAlpha(0.01).with(Parameter.EMA_PRICE_HALVING_BLOCKS, 100).withTempo(30)
                .with(Parameter.FLOW_SMOOTHING, 0.02).with(Parameter.ROOT_CLAIM_RATE, 0.01);
    }

    static Scenario scenario(final Era era, final List<Behaviour> behaviours, final int blocks, final long paths) {
        return new Scenario(params(era), network(), 1, blocks, paths, SEED, behaviours, List.of(new SubnetWatch(0)));
    }

    static List<Behaviour> market() {
        return List.of(new UniformNoiseTraders(0.005), new EmissionSellers(0.5),
                new PumpAndDump(0, 2.0, 20, 200, 250));
    }

    @BeforeAll
    static void runEveryEra() {
        for (final Era era : Era.values()) {
            RUNS.put(era, Runner.run(scenario(era, market(), BLOCKS, PATHS),
                    RunOptions.defaults().withThreads(2).withBatchPaths(4).withKernels(Kernels.scalar())
                            .withFinalState(true)));
        }
    }

    static double[] outcome(final Era era, final String name) {
        return RUNS.get(era).outcome(name);
    }

    static double[] targetMeanTaoInShare(final Era era) {
        return outcome(era, new SubnetWatch(0).outcome(SubnetWatch.MEAN_SHARE));
    }

    /** Asserts {@code larger[p] > smaller[p]} on every path and prints both in the message. */
    static void assertLargerOnEveryPath(final String what, final double[] larger, final double[] smaller) {
        for (int p = 0; p < PATHS; p++) {
            assertTrue(larger[p] > smaller[p], what + " on path " + p + ": " + Arrays.toString(larger) + " vs "
                    + Arrays.toString(smaller));
        }
    }

    /**
     * launch → ema-ramp (mechanics §2a): the factor a·b/(b + H) ≤ a·300/400 over the run slows every moving
     * price, so Σ_i |P̄_i(end) − P̄_i(0)| is smaller on every path.
     */
    @Test
    void emaRampShouldMoveTheMovingPricesLessThanLaunch() {
        assertLargerOnEveryPath("Σ |P̄ end − P̄ start|, launch vs ema-ramp",
                movingPriceTravel(Era.LAUNCH_2025_02), movingPriceTravel(Era.EMA_RAMP_2025_03));
    }

    private static double[] movingPriceTravel(final Era era) {
        final double[] end = RUNS.get(era).finalState().movingPrice();
        final double[] travel = new double[PATHS];
        for (int p = 0; p < PATHS; p++) {
            for (int i = 0; i < 3; i++) {
                travel[p] += Math.abs(end[p * 3 + i] - MOVING_PRICE_0[i]);
            }
        }
        return travel;
    }

    /**
     * ema-ramp → subsidy (mechanics §3 history 2025-07-29): nothing recycles alpha under the launch rules; in
     * the subsidy era the target is subsidised from block 1 (price 0.01 &lt; share 0.05/1.35 ≈ 0.037): its excess
     * E·(0.037 − 0.01) ≈ 0.0135 TAO buys ≈ 5000·0.0135/50.0135 ≈ 1.35 alpha in block 1 alone, recycled.
     */
    @Test
    void subsidyShouldRecycleChainBoughtAlphaWhereEmaRampRecyclesNone() {
        final double share = 0.05 / 1.35;
        final double excess = 0.5 * share - 0.01 * 0.5;
        final double firstBlockBuy = 5000.0 * excess / (50.0 + excess);
        final double[] subsidy = outcome(Era.SUBSIDY_2025_07, RunResult.ALPHA_RECYCLED);
        final double[] emaRamp = outcome(Era.EMA_RAMP_2025_03, RunResult.ALPHA_RECYCLED);
        for (int p = 0; p < PATHS; p++) {
            assertEquals(0.0, emaRamp[p], 0.0, "ema-ramp recycles nothing, path " + p);
            assertTrue(subsidy[p] >= firstBlockBuy, "subsidy recycles at least block 1's buy "
                    + firstBlockBuy + ", path " + p + ": " + subsidy[p]);
        }
        assertLargerOnEveryPath("burned root alpha of subsidised subnets, subsidy vs ema-ramp",
                outcome(Era.SUBSIDY_2025_07, RunResult.ALPHA_BURNED), outcome(Era.EMA_RAMP_2025_03,
                        RunResult.ALPHA_BURNED));
    }

    /**
     * subsidy → taoflow (mechanics §2b): the pump is the largest net inflow, so the target's flow share dwarfs
     * its price share: its mean tao_in/E (SubnetWatch.meanShare) is larger on every path.
     */
    @Test
    void taoflowShouldGiveThePumpedSubnetALargerShareThanSubsidy() {
        assertLargerOnEveryPath("target mean tao_in share, taoflow vs subsidy",
                targetMeanTaoInShare(Era.TAOFLOW_2025_11), targetMeanTaoInShare(Era.SUBSIDY_2025_07));
    }

    /**
     * taoflow → capped (mechanics §3 history 2025-12-12): with E = ½ the cap min(alpha_em, E) = ½ instead of 1,
     * so less alpha_in is minted on every path.
     */
    @Test
    void cappedShouldMintLessAlphaThanTaoflowOnceTheTaoEmissionHalved() {
        assertLargerOnEveryPath("alpha minted, taoflow vs capped", outcome(Era.TAOFLOW_2025_11,
                RunResult.ALPHA_MINTED), outcome(Era.CAPPED_2025_12, RunResult.ALPHA_MINTED));
    }

    /**
     * capped → netflow (mechanics §3 history ~2026-06-01): chain-bought alpha stays in AlphaOut as protocol
     * alpha instead of being recycled, so Σ AlphaOut at the end is larger on every path.
     */
    @Test
    void netflowShouldKeepChainBoughtAlphaOutsideThePoolsWhereCappedRecyclesIt() {
        assertLargerOnEveryPath("Σ AlphaOut at the end, netflow vs capped", outcome(Era.NETFLOW_2026_05,
                RunResult.ALPHA_OUT), outcome(Era.CAPPED_2025_12, RunResult.ALPHA_OUT));
        assertLargerOnEveryPath("alpha recycled, capped vs netflow", outcome(Era.CAPPED_2025_12,
                RunResult.ALPHA_RECYCLED), outcome(Era.NETFLOW_2026_05, RunResult.ALPHA_RECYCLED));
    }

    /**
     * netflow → price-burn (mechanics §2a): shares go back to moving prices, where the target (P̄ from 0.05 of
     * Σ 1.35) weighs little, so its mean tao_in share drops on every path.
     */
    @Test
    void priceBurnShouldGiveThePumpedSubnetASmallerShareThanNetflow() {
        assertLargerOnEveryPath("target mean tao_in share, netflow vs price-burn",
                targetMeanTaoInShare(Era.NETFLOW_2026_05), targetMeanTaoInShare(Era.PRICE_BURN_2026_06));
    }

    // ------------------------------------------------------------------------------------------------------

    static Stream<Era> successors() {
        return Stream.of(Era.values()).skip(1);
    }

    /**
     * Common random numbers: the noise traders' x = 2u − 1 of every (block, path, subnet) is recovered from the
     * pool it traded in (an unstake adds −x·σ·alphaIn alpha to the pool, a stake x·σ·taoReserve TAO, less the
     * fee where it goes to the author) and must equal 2·uniform(seed, (block·P + path)·N + subnet) − 1, a
     * function of those four numbers only, under an era and under its predecessor, although their pools differ.
     * A draw that depended on the state (reserves, prices, the era's rules) would fail it.
     */
    @ParameterizedTest
    @MethodSource("successors")
    void noiseTradersShouldDrawTheSameNumbersUnderAnEraAndItsPredecessor(final Era era) {
        final Era predecessor = Era.values()[era.ordinal() - 1];
        final int blocks = 60;
        final int paths = 4;
        final NoiseAudit before = NoiseAudit.run(predecessor, blocks, paths);
        final NoiseAudit after = NoiseAudit.run(era, blocks, paths);
        // the eras' rules made the pools differ
        double poolDifference = 0.0;
        for (int c = 0; c < before.finalTao.length; c++) {
            poolDifference += Math.abs(before.finalTao[c] - after.finalTao[c]);
        }
        assertTrue(poolDifference > 1e-3, "the two runs' pools should differ: Σ|ΔSubnetTAO| = " + poolDifference);
        int trades = 0;
        for (long block = 1; block <= blocks; block++) {
            for (int p = 0; p < paths; p++) {
                for (int i = 0; i < 3; i++) {
                    // mechanics: UniformNoiseTraders' index (block·P + path)·N + subnet, P = 4, N = 3
                    final double x = 2.0 * CounterRng.uniform(SEED, (block * paths + p) * 3 + i) - 1.0;
                    final double xBefore = before.drawn(block, i, p);
                    final double xAfter = after.drawn(block, i, p);
                    final String at = era.id() + " block " + block + " path " + p + " subnet " + i;
                    assertDrawn(x, xBefore, predecessor.id() + ": " + at);
                    assertDrawn(x, xAfter, at);
                    trades += Double.isNaN(xBefore) || Double.isNaN(xAfter) ? 0 : 1;
                }
            }
        }
        assertTrue(trades > 0.99 * blocks * paths * 3, "trades seen in both runs: " + trades);
    }

    /**
     * The recovered draw equals the counter stream's; a trade too small to cover the launch rules' flat
     * 50,000-rao fee moves nothing (NaN), which needs |x|·σ·reserve ≤ 5e-5 TAO, so |x| &lt; 1e-3 here.
     */
    private static void assertDrawn(final double expected, final double recovered, final String at) {
        if (Double.isNaN(recovered)) {
            assertTrue(Math.abs(expected) < 1e-3, at + ": no trade, but x = " + expected);
        } else {
            assertEquals(expected, recovered, 1e-9, at);
        }
    }

    /**
     * Runs a scenario with the noise traders between two recording behaviours (and the pump and the sellers
     * after them, to make the pools drift) and recovers each trade's x from the pool change.
     */
    static final class NoiseAudit {
        static final double SIGMA = 0.005;
        final int blocks;
        final int paths;
        final double[] x;
        double[] finalTao;

        private NoiseAudit(final int blocks, final int paths) {
            this.blocks = blocks;
            this.paths = paths;
            this.x = new double[blocks * 3 * paths];
        }

        static NoiseAudit run(final Era era, final int blocks, final int paths) {
            final NoiseAudit audit = new NoiseAudit(blocks, paths);
            final double[][] before = new double[2][];
            final Behaviour snapshot = (s, kernels, seed) -> block -> {
                before[0] = s.taoReserve.clone();
                before[1] = s.alphaIn.clone();
            };
            final Behaviour recover = (s, kernels, seed) -> (Actor) block -> audit.recover(s, block, before[0],
                    before[1]);
            final Scenario scenario = scenario(era, List.of(snapshot, new UniformNoiseTraders(SIGMA), recover,
                    new EmissionSellers(0.5), new PumpAndDump(0, 2.0, 5, 40, 50)), blocks, paths);
            final BatchSimulation sim = new BatchSimulation(scenario, 0, paths, Kernels.scalar());
            sim.runAll();
            audit.finalTao = sim.state().taoReserve.clone();
            return audit;
        }

        /**
         * mechanics §5 as the traders use it: an unstake of a alpha adds a to SubnetAlphaIn (fee included); a
         * stake of t TAO adds t to SubnetTAO, or t·(1 − fee rate) where the fee goes to the author. The flat
         * fee of the launch rules can void a tiny trade; then nothing moves and x is taken as 0.
         */
        void recover(final BatchState s, final long block, final double[] taoBefore, final double[] alphaBefore) {
            for (int i = 0; i < 3; i++) {
                for (int p = 0; p < paths; p++) {
                    final int c = s.cell(i, p);
                    final double alphaAdded = s.alphaIn[c] - alphaBefore[c];
                    final double taoAdded = s.taoReserve[c] - taoBefore[c];
                    final double kept = s.feesLeavePool ? 1.0 - s.feeRate : 1.0;
                    final double drawn;
                    if (alphaAdded > 0.0) {
                        drawn = -alphaAdded / (SIGMA * alphaBefore[c]);
                    } else if (alphaAdded < 0.0) {
                        drawn = taoAdded / (SIGMA * taoBefore[c] * kept);
                    } else {
                        drawn = Double.NaN; // no trade
                    }
                    x[index(block, i, p)] = drawn;
                }
            }
        }

        double drawn(final long block, final int subnet, final int path) {
            return x[index(block, subnet, path)];
        }

        private int index(final long block, final int subnet, final int path) {
            return (int) ((block - 1) * 3 + subnet) * paths + path;
        }
    }
}
