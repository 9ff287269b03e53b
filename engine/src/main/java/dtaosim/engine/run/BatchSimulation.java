package dtaosim.engine.run;

import dtaosim.engine.kernel.BlockStep;
import dtaosim.engine.kernel.CappedEraStep;
import dtaosim.engine.kernel.LaunchEraStep;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.market.Actor;
import dtaosim.engine.market.Behaviour;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.state.BatchState;
import dtaosim.engine.yuma.YumaSubnets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One batch of paths of a scenario, ready to step: the state, the era's block step, the bound behaviours and
 * probes. {@link #runBlocks} is the per-block loop; it allocates nothing.
 */
public final class BatchSimulation {
    private final Scenario scenario;
    private final BatchState state;
    private BlockStep step;
    private final RowKernels kernels;
    private int nextEraChange;
    private final Actor[] actors;
    private final Actor[] observers;
    private final YumaSubnets yuma;
    private long nextBlock;

    /**
     * Builds the batch of global paths [firstPath, firstPath + paths) of the scenario.
     *
     * @param scenario  the scenario
     * @param firstPath global index of the first path
     * @param paths     paths in the batch
     * @param kernels   hot loops
     */
    public BatchSimulation(final Scenario scenario, final long firstPath, final int paths, final RowKernels kernels) {
        this.scenario = scenario;
        this.state = new BatchState(scenario.network(), scenario.protocol(), firstPath, paths, scenario.paths(),
                scenario.slots());
        state.recordLastRegistration(scenario.startBlock());
        this.kernels = kernels;
        this.step = stepFor(scenario.protocol(), kernels);
        this.actors = new Actor[scenario.behaviours().size()];
        for (int k = 0; k < actors.length; k++) {
            final Behaviour behaviour = scenario.behaviours().get(k);
            actors[k] = behaviour.bind(state, kernels, scenario.seed());
        }
        this.yuma = scenario.yuma() == null ? null : YumaSubnets.bind(state, scenario.yuma(), scenario.seed());
        this.observers = new Actor[scenario.probes().size()];
        for (int k = 0; k < observers.length; k++) {
            observers[k] = scenario.probes().get(k).bind(state);
        }
        this.nextBlock = scenario.startBlock();
    }

    /** The era's block step; chosen once per batch, so the per-element loops carry no rule checks. */
    private static BlockStep stepFor(final ProtocolParams protocol, final RowKernels kernels) {
        return switch (protocol.era()) {
            case LAUNCH_2025_02, EMA_RAMP_2025_03 -> new LaunchEraStep(kernels, protocol);
            default -> new CappedEraStep(kernels, protocol);
        };
    }

    /** The batch's state. */
    public BatchState state() {
        return state;
    }

    /** Block number the next call to {@link #runBlocks} starts at. */
    public long nextBlock() {
        return nextBlock;
    }

    /** Simulates the next {@code count} blocks: chain step, behaviours, probes. */
    public void runBlocks(final int count) {
        final BatchState s = state;
        final Actor[] act = actors;
        final Actor[] obs = observers;
        long block = nextBlock;
        final List<EraChange> changes = scenario.eraChanges();
        for (int b = 0; b < count; b++, block++) {
            if (nextEraChange < changes.size() && block == changes.get(nextEraChange).block()) {
                // a runtime upgrade: the next block runs the new era's step on the same state
                final ProtocolParams next = changes.get(nextEraChange++).protocol();
                s.switchProtocol(next);
                step = stepFor(next, kernels);
            }
            step.run(s, block);
            if (yuma != null) {
                yuma.afterChainStep(block); // splits what drained before the market sees it
            }
            for (final Actor actor : act) {
                actor.onBlock(block);
            }
            for (final Actor observer : obs) {
                observer.onBlock(block);
            }
        }
        nextBlock = block;
    }

    /**
     * Runs the scenario's whole horizon, then checks that every pool is finite.
     *
     * @throws NonFiniteStateException naming the first path and subnet whose pool is not
     */
    public void runAll() {
        runAll(Integer.MAX_VALUE, blocks -> { });
    }

    /**
     * {@link #runAll()} in slices of at most {@code slice} blocks, telling {@code ran} after each how many blocks it
     * ran (for progress; the numbers do not depend on the slices).
     */
    public void runAll(final int slice, final IntConsumer ran) {
        final long end = scenario.startBlock() + scenario.blocks();
        while (nextBlock < end) {
            final int count = (int) Math.min(slice, end - nextBlock);
            runBlocks(count);
            ran.accept(count);
        }
        requireFinitePools();
    }

    /**
     * NaN and infinities spread through every later block of their cell, so one look after the run finds a pool
     * that broke down at any block. (Outcomes may hold NaN by design: a probe's missing value.)
     */
    private void requireFinitePools() {
        final BatchState s = state;
        for (int i = 0; i < s.subnets; i++) {
            for (int p = 0; p < s.paths; p++) {
                final int c = i * s.paths + p;
                if (s.live[c] && !(Double.isFinite(s.taoReserve[c]) && Double.isFinite(s.alphaIn[c])
                        && Double.isFinite(s.alphaOut[c]) && Double.isFinite(s.movingPrice[c])
                        && Double.isFinite(s.pendingAlpha[c]) && Double.isFinite(s.pendingOwner[c])
                        && Double.isFinite(s.pendingRootAlpha[c]) && Double.isFinite(s.rootClaimable[c]))) {
                    throw new NonFiniteStateException("path " + (s.firstPath + p) + ", subnet " + i
                            + ": the pool is not finite at the end of the run (taoReserve " + s.taoReserve[c]
                            + ", alphaIn " + s.alphaIn[c] + ", alphaOut " + s.alphaOut[c] + ", pending alpha "
                            + s.pendingAlpha[c] + "): a reserve fell to about 0, which the model's doubles cannot"
                            + " divide by. The chain refuses swaps that would leave a pool under its minimum reserve"
                            + " (1e6 rao = 0.001); the model has no such guard (engine/MODEL.md, Simplifications),"
                            + " so keep pools well above it");
                }
            }
        }
    }

    /** Per-path outcomes of the batch: the state's totals, then each actor's and probe's own. */
    public PathOutcomes outcomes() {
        final BatchState s = state;
        final PathOutcomes out = new PathOutcomes(s.paths);
        final double[] poolTao = out.column(RunResult.POOL_TAO);
        final double[] alphaIn = out.column(RunResult.ALPHA_IN);
        final double[] alphaOut = out.column(RunResult.ALPHA_OUT);
        final double[] movingPrice = out.column(RunResult.MOVING_PRICE);
        final double[] rootTaoSold = out.column(RunResult.ROOT_TAO_SOLD);
        for (int p = 0; p < s.paths; p++) {
            rootTaoSold[p] = s.rootDividends[p] + s.rootClaimTao[p];
            for (int i = 0; i < s.subnets; i++) {
                final int c = i * s.paths + p;
                poolTao[p] += s.taoReserve[c];
                alphaIn[p] += s.alphaIn[c];
                alphaOut[p] += s.alphaOut[c];
                movingPrice[p] += s.movingPrice[c];
                rootTaoSold[p] += s.pendingRootTao[c];
            }
        }
        System.arraycopy(s.taoEmitted, 0, out.column(RunResult.TAO_EMITTED), 0, s.paths);
        System.arraycopy(s.taoStaked, 0, out.column(RunResult.TAO_STAKED), 0, s.paths);
        System.arraycopy(s.taoUnstaked, 0, out.column(RunResult.TAO_UNSTAKED), 0, s.paths);
        System.arraycopy(s.rootDividends, 0, out.column(RunResult.ROOT_DIVIDENDS), 0, s.paths);
        System.arraycopy(s.totalIssuance, 0, out.column(RunResult.TOTAL_ISSUANCE), 0, s.paths);
        System.arraycopy(s.alphaMinted, 0, out.column(RunResult.ALPHA_MINTED), 0, s.paths);
        System.arraycopy(s.alphaRecycled, 0, out.column(RunResult.ALPHA_RECYCLED), 0, s.paths);
        System.arraycopy(s.alphaBurned, 0, out.column(RunResult.ALPHA_BURNED), 0, s.paths);
        System.arraycopy(s.taoFees, 0, out.column(RunResult.TAO_FEES), 0, s.paths);
        System.arraycopy(s.taoRecycled, 0, out.column(RunResult.TAO_RECYCLED), 0, s.paths);
        System.arraycopy(s.taoUnissued, 0, out.column(RunResult.TAO_UNISSUED), 0, s.paths);
        if (s.subnets > s.initialSubnets) {
            System.arraycopy(s.taoLocked, 0, out.column(RunResult.TAO_LOCKED), 0, s.paths);
            System.arraycopy(s.taoDissolved, 0, out.column(RunResult.TAO_DISSOLVED), 0, s.paths);
            System.arraycopy(s.alphaDestroyed, 0, out.column(RunResult.ALPHA_DESTROYED), 0, s.paths);
            System.arraycopy(s.registrations, 0, out.column(RunResult.REGISTRATIONS), 0, s.paths);
            System.arraycopy(s.prunings, 0, out.column(RunResult.PRUNINGS), 0, s.paths);
            System.arraycopy(s.refusedRegistrations, 0, out.column(RunResult.REFUSED_REGISTRATIONS), 0, s.paths);
            System.arraycopy(s.lastLockTao, 0, out.column(RunResult.LAST_LOCK), 0, s.paths);
        }
        if (yuma != null) {
            yuma.collect(out);
        }
        for (final Actor actor : actors) {
            actor.collect(out);
        }
        for (final Actor observer : observers) {
            observer.collect(out);
        }
        return out;
    }

    /** Copies the final per-subnet state into {@code into}, at path offset {@code offset}. */
    public void copyFinalState(final FinalState into, final int offset) {
        final BatchState s = state;
        final int n = s.subnets;
        for (int p = 0; p < s.paths; p++) {
            for (int i = 0; i < n; i++) {
                final int from = i * s.paths + p;
                final int to = (offset + p) * n + i;
                into.taoReserve()[to] = s.taoReserve[from];
                into.alphaIn()[to] = s.alphaIn[from];
                into.alphaOut()[to] = s.alphaOut[from];
                into.movingPrice()[to] = s.movingPrice[from];
                into.pendingAlpha()[to] = s.pendingAlpha[from];
                into.pendingOwner()[to] = s.pendingOwner[from];
                into.pendingRootTao()[to] = s.pendingRootTao[from];
                into.taoFlowEma()[to] = s.taoFlowEma[from];
                into.protocolFlowEma()[to] = s.protocolFlowEma[from];
            }
        }
    }
}
