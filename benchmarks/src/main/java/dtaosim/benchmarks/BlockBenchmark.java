package dtaosim.benchmarks;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.BatchSimulation;
import dtaosim.engine.run.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole blocks of the reference workload on one batch, in ns per subnet-path update:
 * {@link BatchSimulation#runBlocks} with the chain's step (emission, coinbase, epoch drain) and every behaviour
 * and probe of {@code ReferenceWorkload.scenario()} (emission sellers, noise traders, pump-and-dump, watch of
 * the pumped subnet). This is what one worker thread of {@code dtaosim reference} does per batch.
 *
 * <p>Each iteration builds a fresh batch at block 0 (the actors keep private state, so it cannot be copied
 * back); that allocation happens once per iteration, outside the timed invocations, and shows in
 * {@code gc.alloc.rate.norm} only divided by the iteration's millions of updates. An iteration runs well past
 * the workload's 7,200 blocks (the runner never does): the pump's one row then idles, while drains and noise go
 * on as before, so the cost per update stays that of the workload.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class BlockBenchmark {
    /** Paths per batch (the runner's default is 64). */
    @Param({"16", "64", "256"})
    int paths;
    /** Subnets. */
    @Param({"32", "128"})
    int subnets;
    /** "scalar" or "vector". */
    @Param({"scalar", "vector"})
    String kernel;
    /**
     * The protocol era (e.g. {@code -p era=launch-2025-02,subsidy-2025-07,price-burn-2026-06}): the reference
     * workload's market under that era's rules and default parameters (the launch era with fee 0, as the peer).
     */
    @Param({"launch-2025-02"})
    String era;
    /**
     * "era": the era's own swap fees (the launch era's workload keeps fee 0, as the peer); "zero": fee rate and
     * stake fee 0 in every era, so that eras differ only in their emission and injection rules.
     */
    @Param({"era"})
    String fees;
    /**
     * "held": the noise traders sell at most holders' alpha, as scenario files run them; "peer": the numpy peer's
     * traders without that cut (the {@code reference} command).
     */
    @Param({"held"})
    String noise;

    private RowKernels kernels;
    private Scenario scenario;
    private int blocks;
    private BatchSimulation batch;

    @Setup(Level.Trial)
    public void setUpTrial() {
        kernels = Fixtures.kernels(kernel);
        blocks = Fixtures.blocksPerInvocation(paths, subnets);
        final Scenario reference = Fixtures.workload(paths, subnets).scenario();
        final Era rules = Era.byId(era);
        if (!fees.equals("era") && !fees.equals("zero")) {
            throw new IllegalArgumentException("fees must be era or zero, not " + fees);
        }
        final ProtocolParams protocol = fees.equals("zero")
                ? rules.defaults().with(Parameter.FEE_RATE, 0.0).with(Parameter.STAKE_FEE, 0.0)
                : rules.defaults();
        if (!noise.equals("held") && !noise.equals("peer")) {
            throw new IllegalArgumentException("noise must be held or peer, not " + noise);
        }
        final List<Behaviour> behaviours = new ArrayList<>();
        for (final Behaviour behaviour : reference.behaviours()) {
            behaviours.add(behaviour instanceof UniformNoiseTraders traders
                    ? new UniformNoiseTraders(traders.sigma(), noise.equals("held")) : behaviour);
        }
        scenario = new Scenario(rules == Era.LAUNCH_2025_02 ? reference.protocol() : protocol, reference.network(),
                reference.startBlock(), reference.blocks(), reference.paths(), reference.seed(), behaviours,
                reference.probes());
    }

    /** JMH sample 38: a fresh batch at the scenario's first block before each iteration. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        batch = new BatchSimulation(scenario, 0, paths, kernels);
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.ELEMENTS_PER_INVOCATION)
    public long runBlocks() {
        final BatchSimulation b = batch;
        b.runBlocks(blocks);
        return b.nextBlock();
    }
}
