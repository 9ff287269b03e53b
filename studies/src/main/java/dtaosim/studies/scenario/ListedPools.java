package dtaosim.studies.scenario;

import dtaosim.engine.model.Network;
import java.util.Arrays;

/**
 * Subnets whose reserves and prices a scenario lists, in its own lists or in a CSV file. Values were checked
 * when the file was read (reserves finite and &gt; 0, alpha_out and moving price finite and ≥ 0).
 *
 * @param origin      where the values come from, e.g. {@code lists} or {@code pools.csv}
 * @param taoReserve  SubnetTAO per subnet
 * @param alphaIn     SubnetAlphaIn per subnet
 * @param alphaOut    SubnetAlphaOut per subnet
 * @param movingPrice SubnetMovingPrice per subnet
 */
public record ListedPools(String origin, double[] taoReserve, double[] alphaIn, double[] alphaOut,
                          double[] movingPrice) implements SubnetSet {
    /** Copies the arrays. */
    public ListedPools {
        taoReserve = taoReserve.clone();
        alphaIn = alphaIn.clone();
        alphaOut = alphaOut.clone();
        movingPrice = movingPrice.clone();
    }

    @Override
    public int count() {
        return taoReserve.length;
    }

    @Override
    public String describe() {
        return count() + " subnets from " + origin;
    }

    @Override
    public Network network(final double rootStakeTao, final double totalIssuanceTao) {
        return new Network(taoReserve, alphaIn, alphaOut, movingPrice, new long[count()], rootStakeTao,
                totalIssuanceTao);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ListedPools other && origin.equals(other.origin)
                && Arrays.equals(taoReserve, other.taoReserve) && Arrays.equals(alphaIn, other.alphaIn)
                && Arrays.equals(alphaOut, other.alphaOut) && Arrays.equals(movingPrice, other.movingPrice);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Arrays.hashCode(taoReserve);
    }

    @Override
    public String toString() {
        return "ListedPools[" + describe() + "]";
    }
}
