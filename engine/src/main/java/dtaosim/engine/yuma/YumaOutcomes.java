package dtaosim.engine.yuma;

/**
 * Names of the per-path outcome columns a run with Yuma subnets adds ({@code PathOutcomes.get(name)}); sums over
 * the Yuma subnets and the run's epochs. TAO values are alpha paid times the subnet's spot price at the epoch.
 * Ratios are NaN on a path where their denominator is 0 (for instance no copier on subnets with commit-reveal).
 */
public final class YumaOutcomes {
    /** TAO value of the alpha paid to validators (hotkey take and nominators together). */
    public static final String VALIDATOR_EARNINGS_TAO = "yuma.validatorEarningsTao";
    /** TAO value of the validators' take (their own part of the dividends). */
    public static final String VALIDATOR_TAKE_TAO = "yuma.validatorTakeTao";
    /** TAO value of the alpha paid to miners (owner miners' burned incentive excluded). */
    public static final String MINER_EARNINGS_TAO = "yuma.minerEarningsTao";
    /** Honest validators' dividends per unit of stake per epoch (alpha per alpha-equivalent stake). */
    public static final String HONEST_YIELD = "yuma.honestYield";
    /** Copiers' yield over honest validators' on subnets without commit-reveal. */
    public static final String COPIER_RELATIVE_RETURN = "yuma.copierRelativeReturn";
    /** Copiers' yield over honest validators' on subnets with commit-reveal. */
    public static final String COPIER_RELATIVE_RETURN_COMMIT_REVEAL = "yuma.copierRelativeReturnCommitReveal";
    /** Over-raters' yield over honest validators' (all Yuma subnets). */
    public static final String OVER_RATER_RELATIVE_RETURN = "yuma.overRaterRelativeReturn";
    /** Holdings-scorers' yield over honest validators' (all Yuma subnets). */
    public static final String HOLDINGS_SCORER_RELATIVE_RETURN = "yuma.holdingsScorerRelativeReturn";
    /** Mean over epochs of the share of the stake-weighted weight mass that clipping at consensus removed. */
    public static final String CLIPPED_SHARE = "yuma.clippedShare";
    /** Share of the over-raters' weight mass clipped at consensus. */
    public static final String OVER_RATER_CLIPPED_SHARE = "yuma.overRaterClippedShare";
    /** Alpha of owner-owned miners' incentive, burned. */
    public static final String MINER_BURNED_ALPHA = "yuma.minerBurnedAlpha";
    /** MinerBurned over the run: burned alpha over the miners' incentive alpha. */
    public static final String MINER_BURNED = "yuma.minerBurned";
    /** Yuma epochs run (summed over the Yuma subnets). */
    public static final String EPOCHS = "yuma.epochs";

    private YumaOutcomes() {
    }
}
