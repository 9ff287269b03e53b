package dtaosim.engine.kernel;

import dtaosim.engine.state.BatchState;

/**
 * mechanics §5, constant-product era (2025-02-13 → 2025-06-30): swaps on one pool cell of a batch, x·y = k,
 * with the era's flat fee per stake or unstake kept in the pool (SubnetTAO). Used by behaviours that trade a
 * few rows per block; the all-rows hot loop is {@link RowKernels#uniformNoise}. Each swap updates the
 * path's TAO-flow totals, so the accounting identity of the batch holds.
 */
public final class ConstantProductPool {
    private ConstantProductPool() {
    }

    /**
     * Stakes {@code tao} TAO into a cell's pool: buys {@code alphaIn·(tao − fee)/(taoReserve + tao − fee)} alpha,
     * which moves from the pool to AlphaOut. Returns the alpha bought, 0 if the stake does not cover the fee.
     */
    public static double stake(final BatchState s, final int cell, final int path, final double tao) {
        final double net = tao - s.stakeFeeTao;
        if (!(net > 0.0)) {
            return 0.0;
        }
        final double taoReserve = s.taoReserve[cell];
        final double alphaIn = s.alphaIn[cell];
        final double bought = alphaIn * net / (taoReserve + net);
        s.taoReserve[cell] = taoReserve + tao;
        s.alphaIn[cell] = alphaIn - bought;
        s.alphaOut[cell] += bought;
        s.taoStaked[path] += tao;
        return bought;
    }

    /**
     * Unstakes {@code alpha} from a cell's pool: pays {@code taoReserve·alpha/(alphaIn + alpha) − fee} TAO, the
     * alpha moving from AlphaOut into the pool. Returns the TAO paid, 0 if the proceeds do not cover the fee.
     */
    public static double unstake(final BatchState s, final int cell, final int path, final double alpha) {
        final double taoReserve = s.taoReserve[cell];
        final double alphaIn = s.alphaIn[cell];
        final double paid = taoReserve * alpha / (alphaIn + alpha) - s.stakeFeeTao;
        if (!(paid > 0.0)) {
            return 0.0;
        }
        s.taoReserve[cell] = taoReserve - paid;
        s.alphaIn[cell] = alphaIn + alpha;
        s.alphaOut[cell] -= alpha;
        s.taoUnstaked[path] += paid;
        return paid;
    }
}
