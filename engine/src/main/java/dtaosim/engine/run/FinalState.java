package dtaosim.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every path's per-subnet state at the end of a run, laid out {@code [path * subnets + subnet]} (path-major,
 * as users read it; the kernel's batch layout is subnet-major).
 *
 * @param subnets      subnet slots
 * @param taoReserve   SubnetTAO
 * @param alphaIn      SubnetAlphaIn
 * @param alphaOut     SubnetAlphaOut
 * @param movingPrice     SubnetMovingPrice
 * @param pendingAlpha    miners' and validators' alpha pending until the next epoch
 * @param pendingOwner    the owner's alpha pending until the next epoch
 * @param pendingRootTao  root stakers' TAO pending until the next epoch (root alpha sold)
 * @param taoFlowEma      EMA of users' net TAO flow (flow eras, mechanics §2b; 0 before)
 * @param protocolFlowEma EMA of the protocol's TAO flow (net-flow era, mechanics §2b; 0 before)
 */
public record FinalState(int subnets, double[] taoReserve, double[] alphaIn, double[] alphaOut,
                         double[] movingPrice, double[] pendingAlpha, double[] pendingOwner,
                         double[] pendingRootTao, double[] taoFlowEma, double[] protocolFlowEma) {

    /** Zeroed state for {@code paths} paths. */
    public static FinalState allocate(final int paths, final int subnets) {
        final int cells = Math.multiplyExact(paths, subnets);
        return new FinalState(subnets, new double[cells], new double[cells], new double[cells], new double[cells],
                new double[cells], new double[cells], new double[cells], new double[cells], new double[cells]);
    }

    /** Every per-subnet field by name, in declaration order (for copies and reports). */
    public Map<String, double[]> fields() {
        final Map<String, double[]> fields = new LinkedHashMap<>();
        fields.put("taoReserve", taoReserve);
        fields.put("alphaIn", alphaIn);
        fields.put("alphaOut", alphaOut);
        fields.put("movingPrice", movingPrice);
        fields.put("pendingAlpha", pendingAlpha);
        fields.put("pendingOwner", pendingOwner);
        fields.put("pendingRootTao", pendingRootTao);
        fields.put("taoFlowEma", taoFlowEma);
        fields.put("protocolFlowEma", protocolFlowEma);
        return fields;
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
