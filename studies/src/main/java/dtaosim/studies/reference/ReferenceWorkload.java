package dtaosim.studies.reference;

import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.studies.scenario.LogSpacedPools;
import dtaosim.studies.stats.Quantiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference workload used to compare engines: the exact workload of the numpy peer
 * ({@code shared/peers/dtao_numpy.py}), expressed as an ordinary scenario of the launch era with fee 0.
 * Pools start log-spaced from 100k TAO (subnet 0) to 1k TAO (subnet N−1), with spot prices proportional to
 * depth summing to 1.4, alpha_out = alpha_in and moving price = spot. Behaviours, in order: emission sellers
 * ({@code sellFrac} of each epoch payout), uniform noise traders (σ), a pump on the smallest subnet at
 * {@code pumpRate·(0.5 + u)} TAO per block over [B/6, B/2) dumped at 2B/3. Total issuance starts at 0.
 *
 * @param paths         P
 * @param subnets       N (≥ 2)
 * @param blocks        B
 * @param seed          seed of the counter streams
 * @param tempo         epoch length
 * @param blockEmission TAO per block
 * @param movingAlpha   moving-price EMA factor
 * @param taoWeight     tao weight
 * @param rootTao       TAO staked on root
 * @param sigma         noise trade size as a fraction of pool depth
 * @param sellFrac      fraction of each payout sold at the epoch
 * @param pumpRate      mean TAO per block of the pump
 */
public record ReferenceWorkload(long paths, int subnets, int blocks, long seed, int tempo, double blockEmission,
                                double movingAlpha, double taoWeight, double rootTao, double sigma,
                                double sellFrac, double pumpRate) {
    /** The peer's defaults: 1000 paths × 128 subnets × 7200 blocks. */
    public static final ReferenceWorkload DEFAULT = new ReferenceWorkload(1000, 128, 7200, 20250215L, 360, 1.0,
            3e-6, 0.18, 3e6, 0.002, 0.5, 1.0);

    /** TAO in the deepest pool (subnet 0). */
    public static final double POOLS_MAX_TAO = 100_000.0;
    /** TAO in the shallowest pool (subnet N−1). */
    public static final double POOLS_MIN_TAO = 1_000.0;
    /** Σ spot prices at the start. */
    public static final double POOLS_PRICE_SUM = 1.4;

    /** Validates the sizes; the engine's records check the rest. */
    public ReferenceWorkload {
        // one run holds every path's outcomes in int-indexed arrays (Runner, PathOutcomes)
        Checks.inRange("paths", paths, 1L, Integer.MAX_VALUE);
        Checks.inRange("subnets", subnets, 2L, 4096L);
        Checks.inRange("blocks", blocks, 1L, 100_000_000L);
        Checks.amount("rootTao", rootTao);
        Checks.amount("pumpRate", pumpRate);
    }

    /** Index of the pumped (smallest) subnet. */
    public int target() {
        return subnets - 1;
    }

    /** The initial pools of the peer's {@code initial_state(N)}: {@link #POOLS_MAX_TAO} → {@link #POOLS_MIN_TAO}. */
    public Network network() {
        return pools().network(rootTao, 0.0);
    }

    /** The pool profile: N subnets log-spaced from 100k to 1k TAO, spot prices summing to 1.4. */
    public LogSpacedPools pools() {
        return new LogSpacedPools(subnets, POOLS_MAX_TAO, POOLS_MIN_TAO, POOLS_PRICE_SUM);
    }

    /** The workload as an engine scenario. */
    public Scenario scenario() {
        final ProtocolParams protocol = Era.LAUNCH_2025_02.defaults()
                .withBlockEmission(blockEmission)
                .withMovingAlpha(movingAlpha)
                .withTaoWeight(taoWeight)
                .withTempo(tempo)
                .withStakeFee(0.0);
        return new Scenario(protocol, network(), 0L, blocks, paths, seed,
                List.of(new EmissionSellers(sellFrac, false), // the peer's sellers: no cut to holders' alpha
                        new UniformNoiseTraders(sigma, false), // the peer's trader: no cut to holders' alpha
                        new PumpAndDump(target(), pumpRate, blocks / 6, blocks / 2, (2L * blocks) / 3)),
                List.of(new SubnetWatch(target())));
    }

    /** The peer's summary keys, computed from a run over all paths kept with its final state. */
    public Map<String, Object> summary(final RunResult result) {
        final FinalState state = result.finalState();
        if (state == null || result.range().from() != 0 || result.range().to() != paths) {
            throw new IllegalArgumentException("the reference summary needs every path and the final state");
        }
        final SubnetWatch watch = new SubnetWatch(target());
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("checksum_tao", sum(result.outcome(RunResult.POOL_TAO)));
        out.put("checksum_alpha_in", sum(result.outcome(RunResult.ALPHA_IN)));
        out.put("checksum_alpha_out", sum(result.outcome(RunResult.ALPHA_OUT)));
        out.put("checksum_mp", sum(result.outcome(RunResult.MOVING_PRICE)));
        out.put("root_divs_total", sum(result.outcome(RunResult.ROOT_DIVIDENDS)));
        out.put("pump_pnl_q05_q50_q95", quantiles(result.outcome(PumpAndDump.PNL)));
        out.put("target_cum_tao_emission_q05_q50_q95",
                quantiles(result.outcome(watch.outcome(SubnetWatch.CUM_TAO_EMISSION))));
        out.put("target_mean_share_q05_q50_q95", quantiles(result.outcome(watch.outcome(SubnetWatch.MEAN_SHARE))));
        out.put("target_max_price_q05_q50_q95", quantiles(result.outcome(watch.outcome(SubnetWatch.MAX_PRICE))));
        double spot = 0.0;
        for (int i = 0; i < subnets; i++) {
            spot += state.spotPrice(0, i);
        }
        out.put("sum_final_spot_prices_path0", spot);
        return out;
    }

    /** Subnet-block-path updates of the whole workload. */
    public double updates() {
        return (double) paths * subnets * blocks;
    }

    private static double sum(final double[] values) {
        double sum = 0.0;
        for (final double v : values) {
            sum += v;
        }
        return sum;
    }

    private static double[] quantiles(final double[] values) {
        return Quantiles.of(values, 0.05, 0.5, 0.95);
    }
}
