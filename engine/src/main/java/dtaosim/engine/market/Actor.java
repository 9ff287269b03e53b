package dtaosim.engine.market;

import dtaosim.engine.run.PathOutcomes;

/** A behaviour bound to one batch: trades every block, and may report per-path outcomes at the end. */
public interface Actor {
    /** Acts at {@code block}, after the chain's block step. Must not allocate. */
    void onBlock(long block);

    /** Writes this actor's per-path outcomes (batch-local path slots) at the end of the batch. */
    default void collect(final PathOutcomes outcomes) {
    }
}
