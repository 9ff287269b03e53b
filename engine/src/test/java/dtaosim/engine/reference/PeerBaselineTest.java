package dtaosim.engine.reference;

import static dtaosim.engine.testing.Compare.assertRelativelyClose;

import dtaosim.engine.kernel.Kernels;
import dtaosim.engine.kernel.RowKernels;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the numpy peer ({@code shared/peers/dtao_numpy.py}): its plain-Python {@code run_scalar}
 * with P = 3, N = 8, B = 2000 and every other argument at its default (seed 20250215, tempo 360, emission 1,
 * moving alpha 3e-6, tao weight 0.18, root 3e6 TAO, σ 0.002, sell fraction 0.5, pump rate 1), the peer's
 * "golden small case" ({@code --mode check --paths 3 --subnets 8 --blocks 2000}). Values per path were printed
 * once with {@code repr()} and are stored below. The peer's workload is the launch era with fee 0; the engine and
 * the reference model must both reproduce it (peer README: ~1e-12 relative).
 */
class PeerBaselineTest {
    private static final int PATHS = 3;
    private static final int SUBNETS = 8;
    private static final int BLOCKS = 2000;
    private static final long SEED = 20250215L;
    private static final double TOLERANCE = 1e-12;

    /** Per path: Σ tao, Σ alpha_in, Σ alpha_out, Σ moving price, root dividends, pump PnL. */
    private static final double[][] PEER_TOTALS = {
        {219304.69943385993, 1164713.1289883307, 1220479.4579902994, 1.4005814084150912, 710.7172121678481,
            28.28828749650961},
        {200106.43977948572, 1228310.727378545, 1157703.634842172, 1.3997695186649293, 652.6710925696775,
            -7.882954552099136},
        {208524.37750949233, 1192432.3118071877, 1193426.1652194276, 1.3998985359539056, 659.1257786150533,
            -17.5185890659734},
    };
    /** Per path, for the pumped subnet N − 1: cumulative tao_in, mean share, highest spot price. */
    private static final double[][] PEER_TARGET = {
        {9.715630680689996, 0.0048578153403449975, 0.026039993186259526},
        {9.716879914693795, 0.004858439957346897, 0.02539063111519286},
        {9.702154332169604, 0.004851077166084802, 0.015307588311821786},
    };
    /** Path 0's final TAO reserve per subnet. */
    private static final double[] PEER_PATH0_TAO = {109433.75682624307, 55941.50566912747, 24853.814505552815,
        14756.44467857484, 7586.449789688582, 3735.9996755194416, 1958.1517934709698, 1038.576495682745};

    /** The peer's {@code initial_state(N)}: log-spaced pools from 100k to 1k TAO, prices summing to 1.4. */
    private static Scenario peerScenario() {
        final double[] tao = new double[SUBNETS];
        double total = 0.0;
        for (int i = 0; i < SUBNETS; i++) {
            tao[i] = 1000.0 * Math.pow(10.0, 2.0 * (1.0 - (double) i / (SUBNETS - 1)));
            total += tao[i];
        }
        final double[] alphaIn = new double[SUBNETS];
        final double[] price = new double[SUBNETS];
        for (int i = 0; i < SUBNETS; i++) {
            price[i] = 1.4 * tao[i] / total;
            alphaIn[i] = tao[i] / price[i];
        }
        final Network network = new Network(tao, alphaIn, alphaIn.clone(), price, new long[SUBNETS], 3e6, 0.0);
        final ProtocolParams protocol = Era.LAUNCH_2025_02.defaults().withStakeFee(0.0);
        final int target = SUBNETS - 1;
        return new Scenario(protocol, network, 0, BLOCKS, PATHS, SEED,
                List.of(new EmissionSellers(0.5), new UniformNoiseTraders(0.002),
                        new PumpAndDump(target, 1.0, BLOCKS / 6, BLOCKS / 2, (2L * BLOCKS) / 3)),
                List.of(new SubnetWatch(target)));
    }

    @Test
    void referenceModelShouldReproduceThePeersGoldenSmallCase() {
        final Scenario scenario = peerScenario();
        final SubnetWatch watch = new SubnetWatch(SUBNETS - 1);
        for (int p = 0; p < PATHS; p++) {
            final ReferencePath path = ReferenceModel.simulate(scenario, p);
            final double[] got = {path.outcome(RunResult.POOL_TAO), path.outcome(RunResult.ALPHA_IN),
                path.outcome(RunResult.ALPHA_OUT), path.outcome(RunResult.MOVING_PRICE),
                path.outcome(RunResult.ROOT_DIVIDENDS), path.outcome(PumpAndDump.PNL),
                path.outcome(watch.outcome(SubnetWatch.CUM_TAO_EMISSION)),
                path.outcome(watch.outcome(SubnetWatch.MEAN_SHARE)),
                path.outcome(watch.outcome(SubnetWatch.MAX_PRICE))};
            assertPeer("reference, path " + p, p, got);
            if (p == 0) {
                for (int i = 0; i < SUBNETS; i++) {
                    assertRelativelyClose("reference, path 0, tao of subnet " + i, PEER_PATH0_TAO[i],
                            path.taoReserve()[i], TOLERANCE);
                }
            }
        }
    }

    @Test
    void engineShouldReproduceThePeersGoldenSmallCase() {
        final Scenario scenario = peerScenario();
        final SubnetWatch watch = new SubnetWatch(SUBNETS - 1);
        final List<RowKernels> kernels = List.of(Kernels.scalar(), Kernels.vector().orElseThrow(
                () -> new AssertionError("the Vector API kernels are missing: surefire must add jdk.incubator.vector")));
        for (final RowKernels k : kernels) {
            final RunResult result = Runner.run(scenario, new RunOptions(1, 2, k, true, null));
            for (int p = 0; p < PATHS; p++) {
                final double[] got = {result.outcome(RunResult.POOL_TAO)[p], result.outcome(RunResult.ALPHA_IN)[p],
                    result.outcome(RunResult.ALPHA_OUT)[p], result.outcome(RunResult.MOVING_PRICE)[p],
                    result.outcome(RunResult.ROOT_DIVIDENDS)[p], result.outcome(PumpAndDump.PNL)[p],
                    result.outcome(watch.outcome(SubnetWatch.CUM_TAO_EMISSION))[p],
                    result.outcome(watch.outcome(SubnetWatch.MEAN_SHARE))[p],
                    result.outcome(watch.outcome(SubnetWatch.MAX_PRICE))[p]};
                assertPeer(k.name() + ", path " + p, p, got);
            }
            for (int i = 0; i < SUBNETS; i++) {
                assertRelativelyClose(k.name() + ", path 0, tao of subnet " + i, PEER_PATH0_TAO[i],
                        result.finalState().taoReserve()[i], TOLERANCE);
            }
        }
    }

    private static void assertPeer(final String what, final int p, final double[] got) {
        final String[] names = {"Σ tao", "Σ alpha_in", "Σ alpha_out", "Σ moving price", "root dividends", "pump PnL",
            "target Σ tao_in", "target mean share", "target max price"};
        for (int k = 0; k < names.length; k++) {
            final double expected = k < 6 ? PEER_TOTALS[p][k] : PEER_TARGET[p][k - 6];
            assertRelativelyClose(what + ", " + names[k], expected, got[k], TOLERANCE);
        }
    }
}
