package dtaosim.engine.yuma;

import dtaosim.engine.model.Checks;
import java.util.List;

/**
 * Which subnets of a scenario run Yuma consensus at their epoch and how their neurons behave (mechanics §4).
 * Subnets not listed keep the aggregate split. Validator slots are filled by stake rank: honest validators take
 * the largest stakes, then holdings-scorers, over-raters and copiers the smallest (so the special roles never
 * hold the consensus majority). Miner slots: the first {@code ownerMiners} belong to the subnet owner (their
 * incentive is burned and counted in MinerBurned), the next {@code overRatedMiners} to the over-raters.
 *
 * @param subnets             subnet slots that run Yuma
 * @param commitRevealSubnets those of them with commit-reveal on (copiers see weights {@code revealDelay} tempos late)
 * @param params              epoch parameters (validator and miner slot counts, κ, bonds, take …)
 * @param revealDelay         commit-reveal delay in tempos (the chain's RevealPeriodEpochs, default 1)
 * @param copiers             validators that copy consensus
 * @param overRaters          validators that inflate their own miners
 * @param holdingsScorers     validators that weight miners by their alpha holdings
 * @param weightNoise         honest validators' relative noise: weight = quality·max(0, 1 + noise·√3·(2u − 1))
 * @param qualitySpread       σ of the miners' initial log quality
 * @param qualityVolatility   σ of the per-epoch Gaussian step of each miner's log quality
 * @param ownerMiners         miner slots owned by the subnet owner
 * @param ownerWeight         share of every validator's weight on the owner's miners (the chain's burn convention)
 * @param overRatedMiners     miner slots owned by the over-raters
 * @param overRating          factor over-raters multiply their own miners' weights by
 * @param stakeConcentration  validator alpha and root stakes ∝ 1/(rank + 1)^this (Zipf)
 * @param stakedFraction      share of the subnet's initial AlphaOut staked to its validators
 * @param rootShare           share of the root stake R whose validators also validate this subnet
 */
public record YumaSetup(List<Integer> subnets, List<Integer> commitRevealSubnets, YumaParams params,
                        int revealDelay, int copiers, int overRaters, int holdingsScorers, double weightNoise,
                        double qualitySpread, double qualityVolatility, int ownerMiners, double ownerWeight,
                        int overRatedMiners, double overRating, double stakeConcentration, double stakedFraction,
                        double rootShare) {

    /** Validates every field; errors name it ({@code yuma.validatorMix.copiers: 70 is not in [0, 64]}). */
    public YumaSetup {
        subnets = List.copyOf(subnets);
        commitRevealSubnets = List.copyOf(commitRevealSubnets);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("yuma.subnets: an empty list; give at least one subnet slot");
        }
        for (int k = 0; k < subnets.size(); k++) {
            Checks.inRange("yuma.subnets[" + k + "]", subnets.get(k), 0, Integer.MAX_VALUE);
            if (subnets.indexOf(subnets.get(k)) != k) {
                throw new IllegalArgumentException("yuma.subnets[" + k + "]: " + subnets.get(k) + " is listed twice");
            }
        }
        for (int k = 0; k < commitRevealSubnets.size(); k++) {
            if (!subnets.contains(commitRevealSubnets.get(k))) {
                throw new IllegalArgumentException("yuma.commitRevealSubnets[" + k + "]: " + commitRevealSubnets.get(k)
                        + " is not one of yuma.subnets " + subnets);
            }
        }
        final int v = params.validators();
        final int m = params.miners();
        Checks.inRange("yuma.revealDelay", revealDelay, 1, 64);
        Checks.inRange("yuma.validatorMix.copiers", copiers, 0, v);
        Checks.inRange("yuma.validatorMix.overRaters", overRaters, 0, v - copiers);
        Checks.inRange("yuma.validatorMix.holdingsScorers", holdingsScorers, 0, v - copiers - overRaters);
        Checks.inRange("yuma.weightNoise", weightNoise, 0.0, 1.0 / Math.sqrt(3.0));
        Checks.inRange("yuma.qualitySpread", qualitySpread, 0.0, 5.0);
        Checks.inRange("yuma.qualityVolatility", qualityVolatility, 0.0, 5.0);
        Checks.inRange("yuma.ownerMiners", ownerMiners, 0, m - 1);
        Checks.inRange("yuma.ownerWeight", ownerWeight, 0.0, ownerMiners > 0 ? 1.0 : 0.0);
        Checks.inRange("yuma.overRatedMiners", overRatedMiners, 0, m - ownerMiners - 1);
        Checks.inRange("yuma.overRating", overRating, 1.0, 1e6);
        Checks.inRange("yuma.stakeConcentration", stakeConcentration, 0.0, 5.0);
        Checks.inRange("yuma.stakedFraction", stakedFraction, 0.0, 1.0);
        Checks.inRange("yuma.rootShare", rootShare, 0.0, 1.0);
    }

    /** Honest validators: the rest. */
    public int honest() {
        return params.validators() - copiers - overRaters - holdingsScorers;
    }

    /** The role of validator slot {@code i} (slots in decreasing stake). */
    public ValidatorRole role(final int i) {
        final int h = honest();
        if (i < h) {
            return ValidatorRole.HONEST;
        }
        if (i < h + holdingsScorers) {
            return ValidatorRole.HOLDINGS_SCORER;
        }
        if (i < h + holdingsScorers + overRaters) {
            return ValidatorRole.OVER_RATER;
        }
        return ValidatorRole.COPIER;
    }

    /** Consensus lag a copier sees on {@code subnet}, in epochs. */
    public int copierLag(final int subnet) {
        return commitRevealSubnets.contains(subnet) ? 1 + revealDelay : 1;
    }

    /**
     * Bytes of Yuma state per path for all selected subnets: bonds (8·V·M), the copier's consensus history
     * (8·M·(1 + revealDelay)) and per-neuron vectors; the V×M weights are one scratch matrix per batch.
     */
    public long bytesPerPath() {
        final long v = params.validators();
        final long m = params.miners();
        return subnets.size() * (8 * v * m + 8 * m * (3L + revealDelay) + 8 * 3 * v + 16);
    }

    /** Checks the subnet slots against the network's size. */
    public void checkSlots(final int networkSubnets) {
        for (int k = 0; k < subnets.size(); k++) {
            Checks.inRange("yuma.subnets[" + k + "]", subnets.get(k), 0, networkSubnets - 1);
        }
    }
}
