package dtaosim.engine.testing;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.Probe;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Builds randomized launch-era scenarios from a fixed seed, so a failing case can be rebuilt from its seed alone.
 * Each subnet's pool is drawn from a kind that stresses one part of the rules: ordinary pools, tiny pools
 * (≈1e-3 TAO), huge pools (≈1e8 TAO), cheap alpha (the alpha_in cap binds, mechanics §3), and alpha issuance
 * just below a halving threshold (mechanics §1).
 */
public final class RandomScenarios {
    /** Kinds of pool a subnet can start with. */
    public enum PoolKind {
        /** 10 … 1e5 TAO, price 1e-3 … 2. */
        ORDINARY,
        /** About 1e-3 TAO in the pool. */
        TINY,
        /** About 1e8 TAO in the pool. */
        HUGE,
        /** Alpha so cheap that tao_in / price exceeds the alpha emission (the injection cap binds). */
        CHEAP_ALPHA,
        /** Alpha issuance (In + Out) a few dozen alpha below the first halving, 10.5 M. */
        NEAR_FIRST_HALVING,
        /** Alpha issuance a few dozen alpha below the second halving, 15.75 M. */
        NEAR_SECOND_HALVING
    }

    private RandomScenarios() {
    }

    /** A random scenario with every pool kind possible, random parameters and a random set of behaviours. */
    public static Scenario random(final long seed) {
        final SplittableRandom rng = new SplittableRandom(seed);
        final int subnets = 1 + rng.nextInt(14);
        final PoolKind[] kinds = new PoolKind[subnets];
        for (int i = 0; i < subnets; i++) {
            kinds[i] = PoolKind.values()[rng.nextInt(PoolKind.values().length)];
        }
        final long paths = pick(rng, 1, 3, 8, 13, 17, 29, 33);
        return random(rng, kinds, paths, 150 + rng.nextInt(400));
    }

    /** A random scenario whose pools are all of the given kinds (slot i gets kinds[i]). */
    public static Scenario random(final SplittableRandom rng, final PoolKind[] kinds, final long paths,
                                  final int blocks) {
        final int subnets = kinds.length;
        final long startBlock = rng.nextInt(3_000_000);
        final double[] tao = new double[subnets];
        final double[] alphaIn = new double[subnets];
        final double[] alphaOut = new double[subnets];
        final double[] movingPrice = new double[subnets];
        final long[] firstEmission = new long[subnets];
        for (int i = 0; i < subnets; i++) {
            switch (kinds[i]) {
                case ORDINARY -> {
                    tao[i] = logUniform(rng, 10.0, 1e5);
                    alphaIn[i] = tao[i] / logUniform(rng, 1e-3, 2.0);
                    alphaOut[i] = alphaIn[i] * rng.nextDouble(0.0, 2.0);
                }
                case TINY -> {
                    tao[i] = 1e-3 * rng.nextDouble(0.5, 2.0);
                    alphaIn[i] = tao[i] / logUniform(rng, 1e-2, 2.0);
                    alphaOut[i] = alphaIn[i] * rng.nextDouble(0.0, 3.0);
                }
                case HUGE -> {
                    tao[i] = 1e8 * rng.nextDouble(0.5, 2.0);
                    alphaIn[i] = tao[i] / logUniform(rng, 0.05, 5.0);
                    alphaOut[i] = alphaIn[i] * rng.nextDouble(0.0, 1.0);
                }
                case CHEAP_ALPHA -> {
                    tao[i] = rng.nextDouble(0.5, 20.0);
                    alphaIn[i] = logUniform(rng, 1e6, 5e6);
                    alphaOut[i] = rng.nextDouble(0.0, 1e6);
                }
                case NEAR_FIRST_HALVING, NEAR_SECOND_HALVING -> {
                    final double threshold = kinds[i] == PoolKind.NEAR_FIRST_HALVING ? 10_500_000.0 : 15_750_000.0;
                    final double issuance = threshold - rng.nextDouble(5.0, 60.0);
                    alphaIn[i] = issuance * rng.nextDouble(0.2, 0.8);
                    alphaOut[i] = issuance - alphaIn[i];
                    tao[i] = alphaIn[i] * logUniform(rng, 1e-4, 1.5);
                }
                default -> throw new IllegalStateException();
            }
            movingPrice[i] = rng.nextDouble(0.01, 1.2);
            firstEmission[i] = startBlock - rng.nextInt((int) Math.min(startBlock, 5000) + 1);
        }
        final double blockEmission = rng.nextBoolean() ? 1.0 : rng.nextDouble(0.1, 3.0);
        final double totalIssuance;
        switch (rng.nextInt(4)) {
            case 0 -> totalIssuance = 0.0;
            case 1 -> totalIssuance = rng.nextDouble(0.0, 10_000_000.0);
            // TAO issuance crosses the first halving within the run (mechanics §1)
            case 2 -> totalIssuance = 10_500_000.0 - blockEmission * rng.nextDouble(1.0, blocks / 2.0);
            default -> totalIssuance = 15_750_000.0 - 0.5 * blockEmission * rng.nextDouble(1.0, blocks / 2.0);
        }
        final double rootStake = pickDouble(rng, 0.0, 3e6, rng.nextDouble(0.0, 1e7));
        final Network network = new Network(tao, alphaIn, alphaOut, movingPrice, firstEmission, rootStake,
                totalIssuance);

        final double movingAlpha = rng.nextBoolean() ? ChainConstants.SUBNET_MOVING_ALPHA : rng.nextDouble(1e-4, 0.2);
        final boolean ramp = rng.nextBoolean();
        final double halvingBlocks = rng.nextBoolean() ? ChainConstants.EMA_PRICE_HALVING_BLOCKS : 50 + rng.nextInt(2000);
        final double ownerCut = rng.nextBoolean() ? ChainConstants.SUBNET_OWNER_CUT : rng.nextDouble(0.0, 0.5);
        final double taoWeight = rng.nextBoolean() ? ChainConstants.TAO_WEIGHT : rng.nextDouble(0.0, 1.0);
        final int tempo = (int) pick(rng, 1, 2, 3, 7, 30, 360);
        final double stakeFee = pickDouble(rng, 0.0, ChainConstants.LAUNCH_STAKE_FEE_TAO, rng.nextDouble(0.0, 0.01));
        final ProtocolParams protocol = Era.LAUNCH_2025_02.defaults()
                .withBlockEmission(blockEmission)
                .withMovingAlpha(movingAlpha)
                .withMovingPriceRamp(ramp)
                .with(Parameter.EMA_PRICE_HALVING_BLOCKS, halvingBlocks)
                .with(Parameter.OWNER_CUT, ownerCut)
                .withTaoWeight(taoWeight)
                .withTempo(tempo)
                .withStakeFee(stakeFee);

        final List<Behaviour> behaviours = new ArrayList<>();
        if (rng.nextInt(4) != 0) {
            behaviours.add(new EmissionSellers(rng.nextDouble(0.0, 1.0)));
        }
        if (rng.nextInt(4) != 0) {
            behaviours.add(new UniformNoiseTraders(rng.nextDouble(0.0, 0.01)));
        }
        if (rng.nextInt(4) != 0) {
            final long from = startBlock + rng.nextInt(blocks / 3);
            final long until = from + rng.nextInt(blocks / 3);
            final long dump = until + rng.nextInt(blocks / 3);
            behaviours.add(new PumpAndDump(rng.nextInt(subnets), logUniform(rng, 1e-4, 10.0), from, until, dump));
        }
        Collections.shuffle(behaviours, new Random(rng.nextLong()));

        final List<Probe> probes = new ArrayList<>();
        final int first = rng.nextInt(subnets);
        probes.add(new SubnetWatch(first));
        if (subnets > 1 && rng.nextBoolean()) {
            probes.add(new SubnetWatch((first + 1 + rng.nextInt(subnets - 1)) % subnets));
        }
        return new Scenario(protocol, network, startBlock, blocks, paths, rng.nextLong(), behaviours, probes);
    }

    /**
     * A fixed scenario with all three behaviours and a watch, fee on, short tempo: the workhorse of the
     * determinism and invariant tests.
     */
    public static Scenario allBehaviours(final int subnets, final long paths, final int blocks, final long seed) {
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] tao = new double[subnets];
        final double[] alphaIn = new double[subnets];
        final double[] movingPrice = new double[subnets];
        for (int i = 0; i < subnets; i++) {
            tao[i] = logUniform(rng, 100.0, 1e5);
            final double price = logUniform(rng, 0.005, 1.5);
            alphaIn[i] = tao[i] / price;
            movingPrice[i] = Math.min(price, 1.0);
        }
        final Network network = new Network(tao, alphaIn, alphaIn.clone(), movingPrice, new long[subnets], 3e6, 0.0);
        final ProtocolParams protocol = Era.LAUNCH_2025_02.defaults().withTempo(30).withMovingAlpha(1e-3)
                .withMovingPriceRamp(true);
        final int target = subnets - 1;
        return new Scenario(protocol, network, 0L, blocks, paths, seed,
                List.of(new EmissionSellers(0.5), new UniformNoiseTraders(0.003),
                        new PumpAndDump(target, 2.0, blocks / 6, blocks / 2, (2L * blocks) / 3)),
                List.of(new SubnetWatch(target)));
    }

    private static double logUniform(final SplittableRandom rng, final double low, final double high) {
        return Math.exp(rng.nextDouble(Math.log(low), Math.log(high)));
    }

    private static long pick(final SplittableRandom rng, final long... values) {
        return values[rng.nextInt(values.length)];
    }

    private static double pickDouble(final SplittableRandom rng, final double... values) {
        return values[rng.nextInt(values.length)];
    }
}
