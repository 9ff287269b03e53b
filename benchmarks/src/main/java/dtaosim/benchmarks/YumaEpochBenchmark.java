package dtaosim.benchmarks;

import dtaosim.engine.yuma.BondsMode;
import dtaosim.engine.yuma.YumaEpoch;
import dtaosim.engine.yuma.YumaParams;
import java.util.SplittableRandom;
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
 * One Yuma epoch (mechanics §4) at 64 validators × 256 miners, in µs per epoch: a batch of {@code paths} paths,
 * each with its own weights, stakes, permits and bonds, run one path after the other through one
 * {@link YumaEpoch} workspace as the engine runs a subnet's epoch. Each epoch copies the path's raw weights into
 * the workspace (the behaviours write them there), so that cost is counted. Epochs per second = 1e6 / score.
 * yuma-simulation (Python/torch, one thread) ran 1,671–1,686 epochs/s at this size on this project's machine
 * (Yuma3, liquid alpha off; the issue quotes 1,300); see benchmarks/README.md. The epoch's loops are the Vector API
 * twin when the module is present ({@code -Ddtaosim.kernels=scalar} measures the scalar twin).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class YumaEpochBenchmark {
    /** Validators V. */
    static final int VALIDATORS = 64;
    /** Miners M. */
    static final int MINERS = 256;
    /** Paths per batch; one epoch per path per invocation. */
    static final int PATHS = 16;

    /** "yuma3" (the chain's default for new subnets), "yuma3-liquid" (liquid alpha on) or "classic". */
    @Param({"yuma3", "yuma3-liquid", "classic"})
    String bonds;

    private YumaEpoch epoch;
    private double[] rawWeights;
    private double[] stake;
    private boolean[] permit;
    private boolean[] active;
    private double[] bondState;
    private double[] initialBonds;

    @Setup(Level.Trial)
    public void setUpTrial() {
        YumaParams params = YumaParams.defaults(VALIDATORS, MINERS);
        if (bonds.equals("classic")) {
            params = params.withBondsMode(BondsMode.CLASSIC);
        } else if (bonds.equals("yuma3-liquid")) {
            params = params.withLiquidAlpha(true, YumaParams.DEFAULT_ALPHA_LOW, YumaParams.DEFAULT_ALPHA_HIGH);
        }
        epoch = new YumaEpoch(params);
        final int cells = VALIDATORS * MINERS;
        final SplittableRandom rnd = new SplittableRandom(42);
        rawWeights = new double[PATHS * cells];
        stake = new double[PATHS * VALIDATORS];
        permit = new boolean[PATHS * VALIDATORS];
        active = new boolean[PATHS * VALIDATORS];
        initialBonds = new double[PATHS * cells];
        for (int p = 0; p < PATHS; p++) {
            for (int i = 0; i < VALIDATORS; i++) {
                stake[p * VALIDATORS + i] = 1e6 / Math.pow(i + 1, 1.1); // Zipf-like stakes
                permit[p * VALIDATORS + i] = true;
                active[p * VALIDATORS + i] = true;
                for (int j = 0; j < MINERS; j++) {
                    // honest validators: a common quality per miner plus 20 % noise, on the u16 scale
                    final double quality = 1.0 + Math.sin(j * 0.37 + p);
                    rawWeights[p * cells + i * MINERS + j] = Math.floor(65_535 * 0.5 * quality
                            * (0.8 + 0.4 * rnd.nextDouble()));
                    initialBonds[p * cells + i * MINERS + j] = 0.1 * rnd.nextDouble();
                }
            }
        }
        bondState = initialBonds.clone();
    }

    /** JMH sample 38: bonds start from the same state each iteration. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        System.arraycopy(initialBonds, 0, bondState, 0, initialBonds.length);
        for (int k = 0; k < permit.length; k++) {
            permit[k] = true;
        }
    }

    @Benchmark
    @OperationsPerInvocation(PATHS)
    public double epoch() {
        final int cells = VALIDATORS * MINERS;
        final YumaEpoch e = epoch;
        final double[] w = e.weights();
        double sink = 0.0;
        for (int p = 0; p < PATHS; p++) {
            System.arraycopy(rawWeights, p * cells, w, 0, cells);
            e.run(stake, p * VALIDATORS, permit, active, bondState, p * cells);
            sink += e.dividends()[0] + e.incentive()[MINERS - 1];
        }
        return sink;
    }
}
