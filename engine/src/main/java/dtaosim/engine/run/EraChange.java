package dtaosim.engine.run;

import dtaosim.engine.model.ProtocolParams;

/**
 * A runtime upgrade during a run: from {@code block} on, the chain runs under {@code protocol} (mechanics §9
 * lists the real network's). Pools, stakes and pending emission carry over.
 *
 * @param block    first block under the new rules
 * @param protocol the new era's parameters
 */
public record EraChange(long block, ProtocolParams protocol) {
    /** Validates the parameters. */
    public EraChange {
        if (protocol == null) {
            throw new IllegalArgumentException("eraChange.protocol: missing");
        }
    }
}
