package dtaosim.engine.model;

/**
 * The protocol's parameters for one run: the era's rule set plus every governance-set number, each with
 * the era's default ({@link Era#defaults()}) and overridable per scenario. All amounts in TAO (alpha).
 *
 * @param era                   the rule set
 * @param blockEmissionTao      DefaultBlockEmission before halvings (mechanics §1), TAO per block
 * @param subnetMovingAlpha     SubnetMovingAlpha, the moving-price EMA factor (mechanics §2a)
 * @param movingPriceRamp       whether the EMA factor is scaled by {@code b/(b+H)} (mechanics §2a, from 2025-03-19)
 * @param emaPriceHalvingBlocks H of the ramp, EMAPriceHalvingBlocks (mechanics §2a)
 * @param ownerCut              SubnetOwnerCut as a fraction of alpha_out (mechanics §4)
 * @param taoWeight             TaoWeight, the weight of root stake in the root proportion (mechanics §4)
 * @param tempo                 blocks per epoch; pending emission drains every tempo + 1 blocks (mechanics §4)
 * @param stakeFeeTao           flat fee per stake or unstake, kept in the pool (mechanics §5, constant-product era)
 */
public record ProtocolParams(
        Era era,
        double blockEmissionTao,
        double subnetMovingAlpha,
        boolean movingPriceRamp,
        long emaPriceHalvingBlocks,
        double ownerCut,
        double taoWeight,
        int tempo,
        double stakeFeeTao) {

    /** Validates every field once, at the boundary. */
    public ProtocolParams {
        if (era == null) {
            throw new IllegalArgumentException("era: missing");
        }
        Checks.inRange("blockEmission", blockEmissionTao, 0.0, 1e6);
        Checks.inRange("movingAlpha", subnetMovingAlpha, 0.0, 1.0);
        Checks.inRange("emaPriceHalvingBlocks", emaPriceHalvingBlocks, 1L, Long.MAX_VALUE / 4);
        Checks.inRange("ownerCut", ownerCut, 0.0, 1.0);
        Checks.inRange("taoWeight", taoWeight, 0.0, 1.0);
        Checks.inRange("tempo", tempo, 1L, 1_000_000L);
        Checks.inRange("stakeFee", stakeFeeTao, 0.0, 1e6);
    }

    /** A copy with another block emission. */
    public ProtocolParams withBlockEmission(final double value) {
        return new ProtocolParams(era, value, subnetMovingAlpha, movingPriceRamp, emaPriceHalvingBlocks, ownerCut,
                taoWeight, tempo, stakeFeeTao);
    }

    /** A copy with another moving-price EMA factor. */
    public ProtocolParams withMovingAlpha(final double value) {
        return new ProtocolParams(era, blockEmissionTao, value, movingPriceRamp, emaPriceHalvingBlocks, ownerCut,
                taoWeight, tempo, stakeFeeTao);
    }

    /** A copy with the moving-price ramp on or off. */
    public ProtocolParams withMovingPriceRamp(final boolean value) {
        return new ProtocolParams(era, blockEmissionTao, subnetMovingAlpha, value, emaPriceHalvingBlocks, ownerCut,
                taoWeight, tempo, stakeFeeTao);
    }

    /** A copy with another tao weight. */
    public ProtocolParams withTaoWeight(final double value) {
        return new ProtocolParams(era, blockEmissionTao, subnetMovingAlpha, movingPriceRamp, emaPriceHalvingBlocks,
                ownerCut, value, tempo, stakeFeeTao);
    }

    /** A copy with another tempo. */
    public ProtocolParams withTempo(final int value) {
        return new ProtocolParams(era, blockEmissionTao, subnetMovingAlpha, movingPriceRamp, emaPriceHalvingBlocks,
                ownerCut, taoWeight, value, stakeFeeTao);
    }

    /** A copy with another flat stake fee. */
    public ProtocolParams withStakeFee(final double value) {
        return new ProtocolParams(era, blockEmissionTao, subnetMovingAlpha, movingPriceRamp, emaPriceHalvingBlocks,
                ownerCut, taoWeight, tempo, value);
    }
}
