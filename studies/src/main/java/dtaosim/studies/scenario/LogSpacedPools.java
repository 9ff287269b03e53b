package dtaosim.studies.scenario;

import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Network;

/**
 * Pools log-spaced in depth, the profile of the reference workload (the numpy peer's {@code initial_state(N)}):
 * subnet 0 holds {@code maxTao} TAO and subnet N−1 {@code minTao}, the depths in between evenly spaced in
 * log10; spot prices are proportional to depth and sum to {@code priceSum}; alpha_out = alpha_in and the
 * moving price starts at the spot price. The reference workload is count N, 100,000 → 1,000 TAO, Σ price 1.4.
 *
 * @param count    subnets N, in [1, 4096] (one subnet holds maxTao)
 * @param maxTao   TAO in the deepest pool (subnet 0), finite and &gt; 0
 * @param minTao   TAO in the shallowest pool (subnet N−1), in [0.001, maxTao] (the chain's minimum reserve)
 * @param priceSum Σ spot prices in TAO per alpha, finite and &gt; 0, and small enough that every pool's
 *                 alpha, Σ taoReserve / priceSum, is at least 0.001
 */
public record LogSpacedPools(int count, double maxTao, double minTao, double priceSum) implements SubnetSet {
    /** The profile's name in scenario files. */
    public static final String PROFILE = "log-spaced";

    /** Validates the profile; errors name the field as scenario files do. */
    public LogSpacedPools {
        Checks.inRange("count", count, 1L, 4096L);
        Checks.positive("maxTao", Checks.amount("maxTao", maxTao));
        Checks.poolReserve("minTao", minTao);
        if (minTao > maxTao) {
            throw new IllegalArgumentException("minTao: " + minTao + " is not in [" + ChainConstants.MIN_POOL_RESERVE
                    + ", maxTao = " + maxTao + "]");
        }
        Checks.positive("priceSum", priceSum);
    }

    @Override
    public String describe() {
        return String.format("%s profile: %d subnets, %s → %s TAO, Σ price %s", PROFILE, count, Fields.plain(maxTao),
                Fields.plain(minTao), Fields.plain(priceSum));
    }

    @Override
    public Network network(final double rootStakeTao, final double totalIssuanceTao) {
        // taoReserve_i = minTao · 10^(d·(1 − i/(N−1))), d = log10(maxTao/minTao) decades. log10 is exact at
        // powers of ten, so 100k → 1k gives the peer's 1000·10^(2·(1 − i/(N−1))) to the bit.
        final double decades = Math.log10(maxTao / minTao);
        final double[] tao = new double[count];
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            final double fromDeepest = count == 1 ? 0.0 : (double) i / (count - 1);
            tao[i] = minTao * Math.pow(10.0, decades * (1.0 - fromDeepest));
            sum += tao[i];
        }
        // spot price ∝ depth, Σ price = priceSum; alpha_in = tao / price
        final double[] alphaIn = new double[count];
        final double[] price = new double[count];
        for (int i = 0; i < count; i++) {
            price[i] = priceSum * tao[i] / sum;
            alphaIn[i] = tao[i] / price[i];
        }
        // every pool holds Σ tao / priceSum alpha
        if (!(alphaIn[0] >= ChainConstants.MIN_POOL_RESERVE)) {
            throw new IllegalArgumentException("subnets.priceSum: " + priceSum + " puts " + alphaIn[0] + " alpha"
                    + " (Σ taoReserve / priceSum) in every pool, below the chain's minimum pool reserve "
                    + ChainConstants.MIN_POOL_RESERVE + "; priceSum may be at most "
                    + sum / ChainConstants.MIN_POOL_RESERVE);
        }
        return new Network(tao, alphaIn, alphaIn.clone(), price, new long[count], rootStakeTao, totalIssuanceTao);
    }
}
