package dtaosim.engine.run;

import dtaosim.engine.market.Actor;
import dtaosim.engine.state.BatchState;

/**
 * A read-only observer of a batch: bound once per batch, called after the behaviours every block, and reports
 * per-path outcomes at the end. It must not change the state nor allocate per block.
 */
public interface Probe {
    /** Creates this probe's per-batch observer. */
    Actor bind(BatchState state);
}
