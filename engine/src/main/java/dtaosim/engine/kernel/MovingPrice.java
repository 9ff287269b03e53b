package dtaosim.engine.kernel;

import dtaosim.engine.model.ProtocolParams;

/** mechanics §2a: the moving price's EMA factor of one subnet at one block. */
public final class MovingPrice {
    private MovingPrice() {
    }

    /**
     * The EMA factor a: SubnetMovingAlpha, ramped by {@code b/(b+H)} with b = block − (FirstEmissionBlockNumber
     * − 1) when the era ramps (from 2025-03-19; the engine starts a subnet's age at its start_call, which is
     * also its registration here).
     */
    public static double factor(final ProtocolParams protocol, final long firstEmissionBlock, final long block) {
        final double alpha = protocol.subnetMovingAlpha();
        if (!protocol.movingPriceRamp()) {
            return alpha;
        }
        final double b = Math.max(0L, block - (firstEmissionBlock - 1L));
        return alpha * b / (b + protocol.emaPriceHalvingBlocks());
    }
}
