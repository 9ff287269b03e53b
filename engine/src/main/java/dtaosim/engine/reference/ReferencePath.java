package dtaosim.engine.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One path simulated by the {@link ReferenceModel}: its final per-subnet state (indexed by subnet slot) and its
 * per-path outcomes under the names the engine uses ({@code RunResult.POOL_TAO}, {@code PumpAndDump.PNL},
 * {@code SubnetWatch.outcome(...)}, …).
 *
 * @param path        global path index
 * @param taoReserve  SubnetTAO per subnet at the end
 * @param alphaIn     SubnetAlphaIn per subnet at the end
 * @param alphaOut    SubnetAlphaOut per subnet at the end
 * @param movingPrice SubnetMovingPrice per subnet at the end
 * @param outcomes    outcome name → value, in the order they were recorded
 */
public record ReferencePath(long path, double[] taoReserve, double[] alphaIn, double[] alphaOut,
                            double[] movingPrice, Map<String, Double> outcomes) {

    /** Copies the outcomes into a read-only map. */
    public ReferencePath {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The value of one outcome, or an error listing the names there are. */
    public double outcome(final String name) {
        final Double value = outcomes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no outcome '" + name + "'; outcomes are " + outcomes.keySet());
        }
        return value;
    }
}
