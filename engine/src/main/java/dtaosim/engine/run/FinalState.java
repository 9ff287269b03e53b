package dtaosim.engine.run;

/**
 * Every path's per-subnet state at the end of a run, laid out {@code [path * subnets + subnet]} (path-major,
 * as users read it; the kernel's batch layout is subnet-major).
 *
 * @param subnets      subnet slots
 * @param taoReserve   SubnetTAO
 * @param alphaIn      SubnetAlphaIn
 * @param alphaOut     SubnetAlphaOut
 * @param movingPrice  SubnetMovingPrice
 */
public record FinalState(int subnets, double[] taoReserve, double[] alphaIn, double[] alphaOut,
                         double[] movingPrice) {

    /** Zeroed state for {@code paths} paths. */
    public static FinalState allocate(final int paths, final int subnets) {
        final int cells = Math.multiplyExact(paths, subnets);
        return new FinalState(subnets, new double[cells], new double[cells], new double[cells], new double[cells]);
    }

    /** Number of paths held. */
    public int paths() {
        return taoReserve.length / subnets;
    }

    /** Spot price TAO per alpha of (path, subnet). */
    public double spotPrice(final int path, final int subnet) {
        final int c = path * subnets + subnet;
        return taoReserve[c] / alphaIn[c];
    }
}
