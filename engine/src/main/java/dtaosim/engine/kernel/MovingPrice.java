package dtaosim.engine.kernel;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;

/** mechanics §2a: the moving price's EMA factor of one subnet at one block. */
public final class MovingPrice {
    private MovingPrice() {
    }

    /**
     * The EMA factor a: SubnetMovingAlpha, ramped by {@code b/(b+H)} when the era ramps (from 2025-03-19), with
     * b = block − (FirstEmissionBlockNumber − 1) (saturating), the blocks since start_call; before 2025-04-04
     * (switch ema-age-from-start-call off, {@link #ageFromRegistration}) b counts from registration, which the
     * caller passes as {@code NetworkRegisteredAt + 1}.
     *
     * @param ageOrigin the subnet's FirstEmissionBlockNumber (start_call + 1), or its registration block + 1
     */
    public static double factor(final ProtocolParams protocol, final long ageOrigin, final long block) {
        final double alpha = protocol.subnetMovingAlpha();
        if (!protocol.movingPriceRamp()) {
            return alpha;
        }
        // both subtractions saturate at 0, as the chain's u64 ones do (stake_utils.rs update_moving_price): an origin
        // of 0 counts from block 0, one after the block gives b = 0
        final double b = Math.max(0L, block - Math.max(ageOrigin - 1L, 0L));
        return alpha * b / (b + protocol.emaPriceHalvingBlocks());
    }

    /** Whether the ramp's age counts from registration: ema-ramp-2025-03 before its 2025-04-04 switch. */
    public static boolean ageFromRegistration(final ProtocolParams protocol) {
        return protocol.era() == Era.EMA_RAMP_2025_03 && !protocol.on(Switch.EMA_AGE_FROM_START_CALL);
    }
}
