package dtaosim.engine.model;

import java.util.Arrays;

/**
 * The network at the first simulated block, the same for every path: one entry per subnet slot (netuid =
 * slot + 1; root is netuid 0 and is represented only by its stake). Amounts in TAO and alpha.
 *
 * @param taoReserve         SubnetTAO, TAO in each pool
 * @param alphaIn            SubnetAlphaIn, alpha in each pool
 * @param alphaOut           SubnetAlphaOut, alpha outside the pool (stakes and pending emission)
 * @param movingPrice        SubnetMovingPrice, the EMA price (mechanics §2a)
 * @param firstEmissionBlock FirstEmissionBlockNumber per subnet (start_call + 1), used by the EMA ramp
 * @param rootStakeTao       R, TAO staked on root (constant in the launch era)
 * @param totalIssuanceTao   TotalIssuance at the first block (mechanics §1)
 */
public record Network(double[] taoReserve, double[] alphaIn, double[] alphaOut, double[] movingPrice,
                      long[] firstEmissionBlock, double rootStakeTao, double totalIssuanceTao) {

    /** Validates and copies the arrays, so later changes by the caller do not leak in. */
    public Network {
        final int n = taoReserve.length;
        Checks.inRange("subnets", n, 1, 4096);
        requireLength("alphaIn", alphaIn, n);
        requireLength("alphaOut", alphaOut, n);
        requireLength("movingPrice", movingPrice, n);
        if (firstEmissionBlock.length != n) {
            throw new IllegalArgumentException("firstEmissionBlock: " + firstEmissionBlock.length
                    + " entries, expected one per subnet (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            Checks.positive("taoReserve[" + i + "]", taoReserve[i]);
            Checks.positive("alphaIn[" + i + "]", alphaIn[i]);
            Checks.nonNegative("alphaOut[" + i + "]", alphaOut[i]);
            Checks.nonNegative("movingPrice[" + i + "]", movingPrice[i]);
        }
        Checks.amount("rootStake", rootStakeTao);
        Checks.inRange("totalIssuance", totalIssuanceTao, 0.0, ChainConstants.TOTAL_SUPPLY_TAO);
        taoReserve = taoReserve.clone();
        alphaIn = alphaIn.clone();
        alphaOut = alphaOut.clone();
        movingPrice = movingPrice.clone();
        firstEmissionBlock = firstEmissionBlock.clone();
    }

    private static void requireLength(final String field, final double[] values, final int n) {
        if (values.length != n) {
            throw new IllegalArgumentException(field + ": " + values.length + " entries, expected one per subnet ("
                    + n + ")");
        }
    }

    /** This network with each subnet's FirstEmissionBlockNumber set to {@code blocks[i]}. */
    public Network withFirstEmissionBlock(final long[] blocks) {
        return new Network(taoReserve, alphaIn, alphaOut, movingPrice, blocks, rootStakeTao, totalIssuanceTao);
    }

    /** Number of subnet slots. */
    public int subnets() {
        return taoReserve.length;
    }

    /** Σ SubnetTAO over subnets, the TAO that starts in pools. */
    public double poolTao() {
        double sum = 0.0;
        for (final double tao : taoReserve) {
            sum += tao;
        }
        return sum;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Network other
                && Arrays.equals(taoReserve, other.taoReserve) && Arrays.equals(alphaIn, other.alphaIn)
                && Arrays.equals(alphaOut, other.alphaOut) && Arrays.equals(movingPrice, other.movingPrice)
                && Arrays.equals(firstEmissionBlock, other.firstEmissionBlock)
                && Double.compare(rootStakeTao, other.rootStakeTao) == 0
                && Double.compare(totalIssuanceTao, other.totalIssuanceTao) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(taoReserve) * 31 + Arrays.hashCode(alphaIn);
    }

    @Override
    public String toString() {
        return "Network[subnets=" + subnets() + ", rootStakeTao=" + rootStakeTao + ", totalIssuanceTao="
                + totalIssuanceTao + "]";
    }
}
