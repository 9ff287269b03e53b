package dtaosim.studies.cli;

import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.reference.ReferenceWorkload;
import dtaosim.studies.report.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dtaosim reference}: the fixed workload of the numpy peer, for comparing engines. */
@Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the reference workload of shared/peers/dtao_numpy.py (launch era, fee 0).",
            "With --json prints exactly the peer's summary keys plus wall_seconds,",
            "updates_per_second, threads and java_version."})
final class ReferenceCommand implements Callable<Integer> {
    private static final ReferenceWorkload D = ReferenceWorkload.DEFAULT;

    @Spec
    private CommandSpec spec;

    @Option(names = "--paths", description = "paths P (default ${DEFAULT-VALUE})")
    private long paths = D.paths();
    @Option(names = "--subnets", description = "subnets N, ≥ 2 (default ${DEFAULT-VALUE})")
    private int subnets = D.subnets();
    @Option(names = "--blocks", description = "blocks B (default ${DEFAULT-VALUE})")
    private int blocks = D.blocks();
    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    private long seed = D.seed();
    @Option(names = "--tempo", description = "tempo in blocks (default ${DEFAULT-VALUE})")
    private int tempo = D.tempo();
    @Option(names = "--block-emission", description = "TAO per block (default ${DEFAULT-VALUE})")
    private double blockEmission = D.blockEmission();
    @Option(names = "--moving-alpha", description = "moving-price EMA factor (default ${DEFAULT-VALUE})")
    private double movingAlpha = D.movingAlpha();
    @Option(names = "--tao-weight", description = "tao weight (default ${DEFAULT-VALUE})")
    private double taoWeight = D.taoWeight();
    @Option(names = "--root-tao", description = "TAO staked on root (default ${DEFAULT-VALUE})")
    private double rootTao = D.rootTao();
    @Option(names = "--sigma", description = "noise trade size / pool depth (default ${DEFAULT-VALUE})")
    private double sigma = D.sigma();
    @Option(names = "--sell-frac", description = "fraction of each epoch payout sold (default ${DEFAULT-VALUE})")
    private double sellFrac = D.sellFrac();
    @Option(names = "--pump-rate", description = "mean TAO per block of the pump (default ${DEFAULT-VALUE})")
    private double pumpRate = D.pumpRate();
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--json", description = "print one JSON object on stdout (messages go to stderr)")
    private boolean json;

    @Override
    public Integer call() {
        final ReferenceWorkload workload;
        final Scenario scenario;
        try {
            workload = new ReferenceWorkload(paths, subnets, blocks, seed, tempo, blockEmission, movingAlpha,
                    taoWeight, rootTao, sigma, sellFrac, pumpRate);
            scenario = workload.scenario();
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(optionNamed(e.getMessage()), e);
        }
        final RunOptions options;
        try {
            options = RunOptions.defaults().withThreads(threads).withFinalState(true);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(optionNamed(e.getMessage()), e);
        }
        final long start = System.nanoTime();
        final RunResult result = Runner.run(scenario, options);
        final double wall = (System.nanoTime() - start) / 1e9;
        final Map<String, Object> summary = new LinkedHashMap<>(workload.summary(result));
        summary.put("wall_seconds", wall);
        summary.put("updates_per_second", workload.updates() / wall);
        summary.put("threads", threads);
        summary.put("java_version", System.getProperty("java.version"));
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(summary));
        } else {
            out.printf("reference workload: %d paths x %d subnets x %d blocks, seed %d, launch-2025-02 (fee 0)%n",
                    paths, subnets, blocks, seed);
            out.printf("  kernels %s, %d threads, Java %s%n", options.kernels().name(), threads,
                    System.getProperty("java.version"));
            out.printf("  wall %.3f s, %.1f M subnet-block-path updates/s%n", wall, workload.updates() / wall / 1e6);
            out.printf("  pump PnL q05/q50/q95 (TAO): %s%n", triple(summary.get("pump_pnl_q05_q50_q95")));
            out.printf("  pumped subnet mean emission share q05/q50/q95: %s%n",
                    triple(summary.get("target_mean_share_q05_q50_q95")));
            out.printf("  pumped subnet max price q05/q50/q95 (TAO/alpha): %s%n",
                    triple(summary.get("target_max_price_q05_q50_q95")));
            out.printf("  root dividends, all paths: %.6f TAO; checksum TAO in pools %.6f%n",
                    (Double) summary.get("root_divs_total"), (Double) summary.get("checksum_tao"));
        }
        out.flush();
        return 0;
    }

    private static String triple(final Object values) {
        final double[] v = (double[]) values;
        return String.format("%.6g / %.6g / %.6g", v[0], v[1], v[2]);
    }

    /** The workload's and engine's field names (e.g. {@code sellFraction: …}) as this command's options. */
    private static String optionNamed(final String message) {
        final Map<String, String> options = Map.ofEntries(Map.entry("paths", "--paths"),
                Map.entry("subnets", "--subnets"), Map.entry("blocks", "--blocks"), Map.entry("tempo", "--tempo"),
                Map.entry("blockEmission", "--block-emission"), Map.entry("movingAlpha", "--moving-alpha"),
                Map.entry("taoWeight", "--tao-weight"), Map.entry("rootTao", "--root-tao"),
                Map.entry("sigma", "--sigma"), Map.entry("sellFraction", "--sell-frac"),
                Map.entry("pumpRate", "--pump-rate"), Map.entry("threads", "--threads"));
        final int colon = message.indexOf(": ");
        final String option = colon < 0 ? null : options.get(message.substring(0, colon));
        return option == null ? message : option + message.substring(colon);
    }
}
