package dtaosim.engine.yuma;

import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.Scenario;
import java.util.List;

/** Small scenarios with Yuma subnets for the engine's tests. */
final class YumaScenarios {
    private YumaScenarios() {
    }

    /**
     * Four subnets under the price-burn era, Yuma on slots 1 and 2 (commit-reveal on 2), 16 validators × 32
     * miners with copiers, an over-rater, a holdings-scorer and owner miners; emission sellers and noise traders.
     */
    static Scenario demo(final long paths, final int blocks, final long seed) {
        final double[] tao = {40_000, 20_000, 20_000, 5_000};
        final double[] alphaIn = {400_000, 250_000, 250_000, 100_000};
        final double[] price = new double[4];
        for (int i = 0; i < 4; i++) {
            price[i] = tao[i] / alphaIn[i];
        }
        final Network network = new Network(tao, alphaIn, alphaIn.clone(), price, new long[4], 2e6, 1.1e7);
        final Scenario plain = new Scenario(
                Era.PRICE_BURN_2026_06.defaults().with(Switch.SHARES_WITHOUT_ROOT_PROPORTION, true), network, 0,
                blocks, paths, seed, List.of(new EmissionSellers(0.5), new UniformNoiseTraders(0.001)), List.of());
        return plain.withYuma(setup(16, 32));
    }

    static YumaSetup setup(final int validators, final int miners) {
        return new YumaSetup(List.of(1, 2), List.of(2), YumaParams.defaults(validators, miners), 2, 2, 1, 1, 0.2,
                0.5, 0.3, 1, 0.3, 2, 4.0, 1.0, 0.5, 0.1);
    }
}
