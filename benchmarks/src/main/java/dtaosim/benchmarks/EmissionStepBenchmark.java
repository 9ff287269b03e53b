package dtaosim.benchmarks;

import dtaosim.engine.kernel.LaunchEraStep;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.state.BatchState;
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
 * The chain's per-block emission step of the launch era on one batch, in ns per subnet-path update:
 * <ul>
 *   <li>{@link #coinbaseRows}: the kernels alone, {@code emissionPerMovingPrice} then {@code coinbase} on every
 *       subnet row (mechanics §1–§4, §2a: injection, alpha_out, owner cut, root sell, moving price);</li>
 *   <li>{@link #launchEraStep}: the whole {@link LaunchEraStep#run}, which adds the per-path TAO halving and the
 *       epoch drain of the subnets whose epoch falls in the block.</li>
 * </ul>
 * The pools start as the reference workload's (log-spaced, {@code ReferenceWorkload.network()}). Every
 * iteration restarts from that state at block 0, so the state cannot drift across iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EmissionStepBenchmark {
    /** Paths per batch (the vector lanes run over paths). */
    @Param({"16", "64", "256"})
    int paths;
    /** Subnets. */
    @Param({"32", "128"})
    int subnets;
    /** "scalar" or "vector" (the Vector API twin, bit-identical). */
    @Param({"scalar", "vector"})
    String kernel;

    private RowKernels kernels;
    private LaunchEraStep step;
    private BatchState initial;
    private BatchState state;
    private StateCopy reset;
    private int blocks;
    private double movingAlpha;
    private long block;

    @Setup(Level.Trial)
    public void setUpTrial() {
        kernels = Fixtures.kernels(kernel);
        blocks = Fixtures.blocksPerInvocation(paths, subnets);
        final Scenario scenario = Fixtures.workload(paths, subnets).scenario();
        final ProtocolParams protocol = scenario.protocol();
        step = new LaunchEraStep(kernels, protocol);
        movingAlpha = protocol.subnetMovingAlpha(); // the launch era does not ramp
        initial = new BatchState(scenario.network(), protocol, 0, paths, paths);
        // coinbaseRows skips the per-path halving step that sets the block emission; give it block 0's
        java.util.Arrays.fill(initial.blockEmission, protocol.blockEmissionTao());
        state = new BatchState(scenario.network(), protocol, 0, paths, paths);
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
    public double coinbaseRows() {
        final RowKernels k = kernels;
        final BatchState s = state;
        final int n = subnets;
        final double a = movingAlpha;
        for (int b = 0; b < blocks; b++) {
            k.emissionPerMovingPrice(s);
            for (int i = 0; i < n; i++) {
                k.coinbase(s, i, a);
            }
        }
        return s.movingPrice[s.movingPrice.length - 1];
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.ELEMENTS_PER_INVOCATION)
    public double launchEraStep() {
        final LaunchEraStep st = step;
        final BatchState s = state;
        long bl = block;
        for (int b = 0; b < blocks; b++) {
            st.run(s, bl++);
        }
        block = bl;
        return s.movingPrice[s.movingPrice.length - 1];
    }
}
