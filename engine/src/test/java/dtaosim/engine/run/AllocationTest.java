package dtaosim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.CapitalInflow;
import dtaosim.engine.market.GhostTown;
import dtaosim.engine.market.MomentumSpeculators;
import dtaosim.engine.market.RevenueBuybacks;
import dtaosim.engine.market.RoleEmissionSellers;
import dtaosim.engine.market.Intervention;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.PoissonNoiseTraders;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.yuma.YumaParams;
import dtaosim.engine.yuma.YumaSetup;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-block loop must not allocate (style guide, "Guard the hot loop against allocation"): a batch of realistic
 * size (128 subnets × 64 paths) with every behaviour of the library, two watches and the daily prices is warmed
 * up, then
 * {@code ThreadMXBean.getCurrentThreadAllocatedBytes()} must not grow over thousands more blocks, net of what
 * the measurement itself allocates.
 *
 * <p>Warm-up first steps 10,000 blocks one call at a time (the first pump buys and dumps in there; the second one
 * buys throughout), so that {@code runBlocks} itself gets a regular C2 compilation by invocation count; then it
 * runs chunks of 500 blocks until two chunks in a row allocate nothing (at most 40 chunks), since the JIT works in
 * the background and Vector API code allocates until C2 has compiled it. Warm-up matters because some JIT steps
 * allocate on the thread that triggers them (HotSpot resolves a class's string constants before a C2 compilation
 * of one of its methods). Seen here before this warm-up: a one-off 328 bytes at the block where the C2 OSR
 * compilation of {@code BatchSimulation.runBlocks} was queued (LogCompilation), and nothing at all over the same
 * blocks with {@code -Xint}. A loop that allocates every block never has a quiet chunk, and the final
 * measurement over 4000 blocks fails either way. Behaviours' one-off events (the intervention, the first
 * momentum trades, the ghost town's first exits) are placed inside the warm-up, since a first run of a branch
 * deoptimises compiled code and the Vector API allocates until C2 has compiled it again. Pools are placed far
 * from any halving so that no rare branch
 * first runs inside the measured window.
 *
 * <p>Runs in a JVM of its own (surefire execution {@code allocation-test} in {@code engine/pom.xml}): with the
 * JIT history of the other tests, the vector kernels sometimes lose Vector API intrinsics and allocate every block
 * (an engine finding, reproduced by {@link VectorKernelJitFragilityTest}).
 */
class AllocationTest {
    private static final int SUBNETS = 128;
    private static final int PATHS = 64;
    private static final int WARM_UP_BLOCKS = 10_000;
    private static final int CHUNK_BLOCKS = 500;
    private static final int MAX_CHUNKS = 40;
    private static final int MEASURED_BLOCKS = 4000;
    private static final int MEASURED_WINDOWS = 3;

    static Scenario scenario() {
        return scenario(Era.LAUNCH_2025_02.defaults().withMovingPriceRamp(true));
    }

    /** The batch above under the given era's rules. */
    static Scenario scenario(final ProtocolParams protocol) {
        final double[] tao = new double[SUBNETS];
        final double[] alphaIn = new double[SUBNETS];
        final double[] movingPrice = new double[SUBNETS];
        for (int i = 0; i < SUBNETS; i++) {
            tao[i] = 1000.0 * Math.pow(100.0, 1.0 - (double) i / (SUBNETS - 1));  // 1e5 … 1e3 TAO
            final double price = 0.05 + 0.9 * i / (SUBNETS - 1);
            alphaIn[i] = tao[i] / price;                                         // ≤ 2e6 alpha: far from 10.5 M
            movingPrice[i] = price;
        }
        final Network network = new Network(tao, alphaIn, alphaIn.clone(), movingPrice, new long[SUBNETS], 3e6, 0.0);
        return new Scenario(protocol, network, 0, 1_000_000, PATHS, 42L,
                List.of(new EmissionSellers(0.5), new UniformNoiseTraders(0.002),
                        new PoissonNoiseTraders(0.05, -7, 1.0, 0.5),
                        new MemeCohort(5, 0.01, 1.0, 2.1e7, 360, 5.0, 2.0, 100.0, true, true, 0.4, 0.05),
                        new Intervention(5, 0.0, 2_000, 100.0, true),
                        new RoleEmissionSellers(0.5, 0.3, 0.3),
                        new RevenueBuybacks(3, 100.0, 0.5, 0.3, 360, true),
                        new MomentumSpeculators(720, 0.02, 0.01, 1.0, 2.1e7, 30),
                        new GhostTown(1e-4, 0.1, 0.1, 360),
                        new CapitalInflow(1e-5, 100, 1_000, 1_000, 3_000, 10),
                        new PumpAndDump(SUBNETS - 1, 1.0, 100, 1500, 2000),
                        new PumpAndDump(SUBNETS - 2, 0.5, 0, 1_000_000, 2_000_000)),
                List.of(new SubnetWatch(SUBNETS - 1), new SubnetWatch(0), new DailyPrices(0, 139)));
    }

    @Test
    void scalarBlockLoopShouldNotAllocateAfterWarmUp() {
        assertBlockLoopDoesNotAllocate(Kernels.scalar());
    }

    @Test
    void vectorBlockLoopShouldNotAllocateAfterWarmUp() {
        assertBlockLoopDoesNotAllocate(Kernels.vector().orElseThrow(
                () -> new AssertionError("the Vector API kernels are missing: surefire must add jdk.incubator.vector")));
    }

    /**
     * The later eras run kernels of their own (capped coinbase lanes with root claims or root sales, flow EMAs,
     * fee-rate swaps); their block loop must not allocate either.
     */
    @ParameterizedTest
    @ValueSource(strings = {"subsidy-2025-07", "taoflow-2025-11", "capped-2025-12", "netflow-2026-05",
        "price-burn-2026-06"})
    void laterErasBlockLoopShouldNotAllocateAfterWarmUp(final String era) {
        assertBlockLoopDoesNotAllocate(scenario(Era.byId(era).defaults()), Kernels.best());
    }

    /**
     * With Yuma on two subnets (16 validators × 64 miners, every validator role, commit-reveal on one): the
     * epochs, weight setting and payouts must not allocate either.
     */
    @Test
    void blockLoopWithYumaSubnetsShouldNotAllocateAfterWarmUp() {
        final YumaSetup yuma = new YumaSetup(List.of(3, 40), List.of(40), YumaParams.defaults(16, 64), 2, 2, 1, 1,
                0.2, 0.5, 0.3, 1, 0.3, 2, 4.0, 1.0, 0.5, 0.1);
        assertBlockLoopDoesNotAllocate(scenario().withYuma(yuma), Kernels.best());
    }

    static void assertBlockLoopDoesNotAllocate(final RowKernels kernels) {
        assertBlockLoopDoesNotAllocate(scenario(), kernels);
    }

    static void assertBlockLoopDoesNotAllocate(final Scenario scenario, final RowKernels kernels) {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);

        final BatchSimulation simulation = new BatchSimulation(scenario, 0, PATHS, kernels);
        for (int block = 0; block < WARM_UP_BLOCKS; block++) {
            simulation.runBlocks(1);
        }
        final long overhead = measurementOverhead(threads);
        int chunks = 0;
        int quietInARow = 0;
        long lastChunk = 0;
        while (quietInARow < 2 && chunks < MAX_CHUNKS) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            simulation.runBlocks(CHUNK_BLOCKS);
            lastChunk = threads.getCurrentThreadAllocatedBytes() - before - overhead;
            quietInARow = lastChunk > 0 ? 0 : quietInARow + 1;
            chunks++;
        }

        // A loop that allocates per block allocates in every window; a JIT transient (a deoptimisation and the
        // recompilation after it) in at most one. So the loop passes when one of three windows allocates nothing.
        final long[] windows = new long[MEASURED_WINDOWS];
        long least = Long.MAX_VALUE;
        for (int w = 0; w < MEASURED_WINDOWS && least > 0; w++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            simulation.runBlocks(MEASURED_BLOCKS);
            windows[w] = Math.max(threads.getCurrentThreadAllocatedBytes() - before - overhead, 0L);
            least = Math.min(least, windows[w]);
        }
        assertEquals(0L, least, kernels.name() + ": bytes allocated in windows of " + MEASURED_BLOCKS
                + " blocks " + java.util.Arrays.toString(windows) + " after " + (WARM_UP_BLOCKS + chunks * CHUNK_BLOCKS)
                + " warm-up blocks (last warm-up chunk: " + lastChunk + " bytes)");
    }

    /** Bytes that two back-to-back readings differ by with nothing in between (the largest of a few tries). */
    private static long measurementOverhead(final com.sun.management.ThreadMXBean threads) {
        long overhead = 0;
        for (int k = 0; k < 10; k++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            final long after = threads.getCurrentThreadAllocatedBytes();
            overhead = Math.max(overhead, after - before);
        }
        return overhead;
    }
}
