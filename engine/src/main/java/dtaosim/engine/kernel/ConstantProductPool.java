package dtaosim.engine.kernel;

import dtaosim.engine.state.BatchState;

/**
 * mechanics §5: users' swaps on one pool cell of a batch, x·y = k (the constant-product pool, and the V3
 * full-range position and Balancer pool at weight ½, which trade on the same curve), with the era's fee:
 * <ul>
 *   <li>flat fee (2025-02 → 06-30): a stake swaps {@code t − f} and the fee stays in SubnetTAO; an unstake pays
 *       the swap's proceeds less {@code f}, which stays too;</li>
 *   <li>fee rate r (V3 and Balancer): {@code r} of the input is the fee; it stays in the pool's liquidity until
 *       2026-03-11 and goes to the block author after (a TAO fee directly, an alpha fee re-sold fee-free for
 *       TAO).</li>
 * </ul>
 * Used by behaviours that trade a few rows per block; the all-rows hot loop is {@link RowKernels#uniformNoise}.
 * Each swap updates the path's flow totals, so the accounting identity of the batch holds.
 */
public final class ConstantProductPool {
    private ConstantProductPool() {
    }

    /** Stakes {@code tao} TAO into a cell's pool; returns the alpha bought (0 if the stake does not cover the fee). */
    public static double stake(final BatchState s, final int cell, final int path, final double tao) {
        final double rateFee = tao * s.feeRate;
        final double net = tao - s.stakeFeeTao - rateFee;
        if (!(net > 0.0) || !s.live[cell]) {
            return 0.0;
        }
        final double taoReserve = s.taoReserve[cell];
        final double alphaIn = s.alphaIn[cell];
        final double bought = alphaIn * net / (taoReserve + net);
        final double toAuthor = s.feesLeavePool ? rateFee : 0.0;
        s.taoReserve[cell] = taoReserve + (tao - toAuthor); // the fee stays unless it goes to the author
        // mechanics §2b: users' flow counts the stake after its fee, so the flow baseline takes the fee kept
        s.taoAfterStep[cell] += tao - toAuthor - net;
        s.alphaIn[cell] = alphaIn - bought;
        s.alphaOut[cell] += bought;
        s.taoStaked[path] += tao;
        s.taoFees[path] += toAuthor;
        return bought;
    }

    /** Unstakes {@code alpha} from a cell's pool; returns the TAO paid (0 if the proceeds do not cover the fee). */
    public static double unstake(final BatchState s, final int cell, final int path, final double alpha) {
        if (!s.live[cell]) {
            return 0.0;
        }
        final double alphaFee = alpha * s.feeRate;
        final double net = alpha - alphaFee;
        double taoReserve = s.taoReserve[cell];
        double alphaIn = s.alphaIn[cell];
        final double paid = taoReserve * net / (alphaIn + net) - s.stakeFeeTao;
        if (!(paid > 0.0)) {
            return 0.0;
        }
        taoReserve -= paid;
        alphaIn += net;
        if (alphaFee > 0.0) {
            if (s.feesLeavePool) {
                // the alpha fee is sold fee-free and its TAO goes to the block author (mechanics §5)
                final double authorTao = taoReserve * alphaFee / (alphaIn + alphaFee);
                taoReserve -= authorTao;
                s.taoFees[path] += authorTao;
            }
            alphaIn += alphaFee;
        }
        s.taoReserve[cell] = taoReserve;
        s.alphaIn[cell] = alphaIn;
        s.alphaOut[cell] -= alpha;
        s.taoUnstaked[path] += paid;
        return paid;
    }
}
