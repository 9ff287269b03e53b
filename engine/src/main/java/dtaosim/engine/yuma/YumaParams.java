package dtaosim.engine.yuma;

import dtaosim.engine.model.Checks;

/**
 * The parameters of one subnet's Yuma epoch (mechanics §4). Defaults are the chain's for a subnet registered at
 * HEAD (subtensor 14bc6f9f): {@code subnets/subnet.rs :: do_register_network} sets 64 validators and Yuma3 on;
 * {@code lib.rs} holds Kappa 32,767, BondsMovingAverage 900,000, BondsPenalty 65,535, StakeThreshold 0,
 * liquid alpha off with AlphaValues (45,875, 58,982) and AlphaSigmoidSteepness 1,000 (runtime), and the default
 * delegate take 11,796/65,535.
 *
 * @param validators            validator slots V (rows of the weight matrix)
 * @param miners                miner slots M (columns)
 * @param kappa                 consensus quantile κ (Kappa/65535)
 * @param bondsMode             Yuma3 or classic bonds
 * @param bondsMovingAverage    BondsMovingAverage/1e6; the EMA takes α = 1 − this of the new bonds
 * @param bondsPenalty          BondsPenalty/65535: bonds follow W + penalty·(W̄ − W)
 * @param liquidAlpha           per-bond α from the sigmoid in [alphaLow, alphaHigh] (Yuma3 only, as on chain)
 * @param alphaLow              liquid alpha's lower bound (AlphaValues.0/65535)
 * @param alphaHigh             liquid alpha's upper bound
 * @param alphaSigmoidSteepness AlphaSigmoidSteepness; the sigmoid's slope is steepness/100
 * @param maxAllowedValidators  validator permits go to the top this many stakes
 * @param stakeThreshold        stakes below this (alpha + tw·root, in alpha) count as 0
 * @param validatorTake         the hotkey's take of its dividends, the rest to nominators pro rata
 */
public record YumaParams(int validators, int miners, double kappa, BondsMode bondsMode, double bondsMovingAverage,
                         double bondsPenalty, boolean liquidAlpha, double alphaLow, double alphaHigh,
                         double alphaSigmoidSteepness, int maxAllowedValidators, double stakeThreshold,
                         double validatorTake) {
    /** Kappa 32,767/65,535 ({@code runtime/src/lib.rs} SubtensorInitialKappa). */
    public static final double DEFAULT_KAPPA = 32_767.0 / 65_535.0;
    /** BondsMovingAverage 900,000 / 1e6 ({@code runtime/src/lib.rs}). */
    public static final double DEFAULT_BONDS_MOVING_AVERAGE = 0.9;
    /** AlphaValues (45,875, 58,982)/65,535 ({@code lib.rs :: DefaultAlphaValues}). */
    public static final double DEFAULT_ALPHA_LOW = 45_875.0 / 65_535.0;
    /** See {@link #DEFAULT_ALPHA_LOW}. */
    public static final double DEFAULT_ALPHA_HIGH = 58_982.0 / 65_535.0;
    /** Default delegate take 11,796/65,535 (mechanics §4, §7). */
    public static final double DEFAULT_TAKE = 11_796.0 / 65_535.0;
    /** Largest validator and miner slot counts a scenario may ask for (MaxAllowedUids 256 bounds the chain). */
    public static final int MAX_SLOTS = 1024;

    /** Validates every field (messages name the field and the allowed range). */
    public YumaParams {
        Checks.inRange("yuma.validators", validators, 1, MAX_SLOTS);
        Checks.inRange("yuma.miners", miners, 1, MAX_SLOTS);
        Checks.inRange("yuma.kappa", kappa, 0.0, 1.0);
        if (bondsMode == null) {
            throw new IllegalArgumentException("yuma.bonds: missing; one of [yuma3, classic]");
        }
        Checks.inRange("yuma.bondsMovingAverage", bondsMovingAverage, 0.0, 1.0);
        Checks.inRange("yuma.bondsPenalty", bondsPenalty, 0.0, 1.0);
        Checks.inRange("yuma.alphaLow", alphaLow, 0.0, 1.0);
        Checks.inRange("yuma.alphaHigh", alphaHigh, alphaLow, 1.0);
        Checks.inRange("yuma.alphaSigmoidSteepness", alphaSigmoidSteepness, -32_768.0, 32_767.0);
        Checks.inRange("yuma.maxAllowedValidators", maxAllowedValidators, 1, MAX_SLOTS);
        Checks.nonNegative("yuma.stakeThreshold", stakeThreshold);
        Checks.inRange("yuma.take", validatorTake, 0.0, 1.0);
    }

    /** The chain's defaults for a new subnet, with {@code validators × miners} slots. */
    public static YumaParams defaults(final int validators, final int miners) {
        return new YumaParams(validators, miners, DEFAULT_KAPPA, BondsMode.YUMA3, DEFAULT_BONDS_MOVING_AVERAGE,
                1.0, false, DEFAULT_ALPHA_LOW, DEFAULT_ALPHA_HIGH, 1000.0, 64, 0.0, DEFAULT_TAKE);
    }

    /** α of the fixed bonds EMA: {@code 1 − BondsMovingAverage/1e6} ({@code compute_disabled_liquid_alpha}). */
    public double bondsAlpha() {
        return 1.0 - bondsMovingAverage;
    }

    /** This with another bonds mode. */
    public YumaParams withBondsMode(final BondsMode mode) {
        return new YumaParams(validators, miners, kappa, mode, bondsMovingAverage, bondsPenalty, liquidAlpha,
                alphaLow, alphaHigh, alphaSigmoidSteepness, maxAllowedValidators, stakeThreshold, validatorTake);
    }

    /** This with liquid alpha on or off, between {@code low} and {@code high}. */
    public YumaParams withLiquidAlpha(final boolean on, final double low, final double high) {
        return new YumaParams(validators, miners, kappa, bondsMode, bondsMovingAverage, bondsPenalty, on, low, high,
                alphaSigmoidSteepness, maxAllowedValidators, stakeThreshold, validatorTake);
    }

    /** This with other bonds EMA and penalty. */
    public YumaParams withBonds(final double movingAverage, final double penalty) {
        return new YumaParams(validators, miners, kappa, bondsMode, movingAverage, penalty, liquidAlpha, alphaLow,
                alphaHigh, alphaSigmoidSteepness, maxAllowedValidators, stakeThreshold, validatorTake);
    }

    /** This with another κ. */
    public YumaParams withKappa(final double k) {
        return new YumaParams(validators, miners, k, bondsMode, bondsMovingAverage, bondsPenalty, liquidAlpha,
                alphaLow, alphaHigh, alphaSigmoidSteepness, maxAllowedValidators, stakeThreshold, validatorTake);
    }

    /** This with another permit count. */
    public YumaParams withMaxAllowedValidators(final int k) {
        return new YumaParams(validators, miners, kappa, bondsMode, bondsMovingAverage, bondsPenalty, liquidAlpha,
                alphaLow, alphaHigh, alphaSigmoidSteepness, k, stakeThreshold, validatorTake);
    }
}
