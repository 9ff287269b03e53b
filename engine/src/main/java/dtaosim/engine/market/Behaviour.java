package dtaosim.engine.market;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.state.BatchState;

/**
 * A market behaviour as a scenario describes it: an immutable description with parameters. For each batch the
 * runner {@link #bind binds} it to the batch's state, giving an {@link Actor} that trades in the batch's arrays
 * every block. Behaviours run after the chain's block step, in the order the scenario lists them.
 */
public interface Behaviour {
    /**
     * Creates this behaviour's per-batch actor. Allocation belongs here, never in {@link Actor#onBlock}.
     *
     * @param state   the batch it acts on
     * @param kernels the run's hot loops, for behaviours that touch every row each block
     * @param seed    the run's seed
     */
    Actor bind(BatchState state, RowKernels kernels, long seed);

    /** Subnet slots this behaviour needs beyond the network's (for subnets it registers). */
    default int extraSlots() {
        return 0;
    }
}
