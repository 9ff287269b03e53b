package dtaosim.engine.kernel;

import dtaosim.engine.state.BatchState;

/** The protocol's part of one block for a batch: everything the chain does before users trade. */
public interface BlockStep {
    /** Advances every path of the batch through the chain's per-block work at {@code block}. */
    void run(BatchState s, long block);
}
