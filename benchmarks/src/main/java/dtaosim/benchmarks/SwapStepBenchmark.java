package dtaosim.benchmarks;

import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.market.Actor;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
import dtaosim.studies.reference.ReferenceWorkload;
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
 * The reference workload's noise traders on one batch, in ns per subnet-path update: one constant-product
 * trade per (path, subnet) per block, x = 2u − 1 with u from the counter stream (mechanics §5, fee 0), i.e.
 * {@code RowKernels.uniformNoise} on every subnet row, called as the simulation calls it (the bound
 * {@link UniformNoiseTraders} actor). The block number advances every block so the draws are fresh (a repeated
 * draw would push every pool the same way); every iteration restarts from the reference pools at block 0.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SwapStepBenchmark {
    /** Paths per batch. */
    @Param({"16", "64", "256"})
    int paths;
    /** Subnets. */
    @Param({"32", "128"})
    int subnets;
    /** "scalar" or "vector". */
    @Param({"scalar", "vector"})
    String kernel;
    /** "held": unstakes cut to holders' alpha (scenario files); "peer": the numpy peer's trader. */
    @Param({"held", "peer"})
    String noise;

    private Actor traders;
    private BatchState initial;
    private BatchState state;
    private StateCopy reset;
    private int blocks;
    private long block;

    @Setup(Level.Trial)
    public void setUpTrial() {
        final RowKernels kernels = Fixtures.kernels(kernel);
        blocks = Fixtures.blocksPerInvocation(paths, subnets);
        final ReferenceWorkload workload = Fixtures.workload(paths, subnets);
        final Scenario scenario = workload.scenario();
        initial = new BatchState(scenario.network(), scenario.protocol(), 0, paths, paths);
        state = new BatchState(scenario.network(), scenario.protocol(), 0, paths, paths);
        traders = new UniformNoiseTraders(workload.sigma(), noise.equals("held")).bind(state, kernels,
                workload.seed());
        reset = new StateCopy();
    }

    /** JMH sample 38: restore the mutated state before each iteration, outside the measured time. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        reset.copy(initial, state);
        block = 0;
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.ELEMENTS_PER_INVOCATION)
    public double uniformNoise() {
        final Actor a = traders;
        long bl = block;
        for (int b = 0; b < blocks; b++) {
            a.onBlock(bl++);
        }
        block = bl;
        return state.taoReserve[state.taoReserve.length - 1];
    }
}
