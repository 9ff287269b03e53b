package dtaosim.studies.cli;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.Probe;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.studies.report.AtomicFiles;
import dtaosim.studies.report.ShutdownNotice;
import dtaosim.studies.report.StateDump;
import dtaosim.studies.scenario.BehaviourType;
import dtaosim.studies.scenario.LoadedScenario;
import dtaosim.studies.scenario.Overrides;
import dtaosim.studies.scenario.ScenarioParser;
import dtaosim.studies.scenario.ScenarioWarnings;
import dtaosim.studies.stats.Quantiles;
import dtaosim.studies.study.Progress;
import dtaosim.engine.yuma.YumaOutcomes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dtaosim run SCENARIO}: runs a scenario file or a built-in scenario and prints a short summary. The file
 * is read and checked completely, and the dump's directory checked, before anything runs: bad input exits with
 * code 2, a message on stderr and nothing on stdout or on disk.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario, a YAML file or a built-in by name, and prints a summary.",
            "A file of that name comes before a built-in (dtaosim scenarios). Options",
            "replace the file's values. Prints the era, sizes, wall time, throughput and",
            "per-path quantiles of a few outcomes. --dump-state writes every path's final",
            "state, --checkpoint DIR keeps finished paths across an interruption."})
final class RunCommand implements Callable<Integer> {
    private static final double[] QUANTILES = {0.05, 0.5, 0.95};

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in scenario's name")
    private String scenario;
    @Option(names = "--paths", description = "paths P (default: the file's)")
    private Long paths;
    @Option(names = "--blocks", description = "blocks simulated (default: the file's blocks or days)")
    private Integer blocks;
    @Option(names = "--days", description = "days simulated, 7,200 blocks each (instead of --blocks)")
    private Double days;
    @Option(names = "--seed", description = "seed (default: the file's)")
    private Long seed;
    @Option(names = "--era", description = "run under this era instead of the file's (see dtaosim eras)")
    private String era;
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--dump-state", paramLabel = "FILE",
            description = "write every path's final per-subnet state and outcomes to FILE as JSON")
    private Path dumpState;
    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "keep finished paths in DIR, so that the same command run again after an interruption"
                    + " simulates only the rest (DIR is removed when the run completes)")
    private Path checkpoint;

    /** A run shows its progress on stderr once it has taken this long. */
    private static final double QUIET_SECONDS = 3.0;

    @Override
    public Integer call() throws IOException {
        // everything that can be wrong with the input is found here, before the run
        final LoadedScenario loaded = ScenarioParser.load(scenario);
        final Scenario run = loaded.file().resolve(new Overrides(paths, HorizonOption.blocks(blocks, days), seed,
                era == null ? null : era()));
        Checks.inRange("--threads", threads, 1L, 4096L);
        ScenarioWarnings.of(loaded.file(), run, era).forEach(spec.commandLine().getErr()::println);
        final StateDump dump = dumpState == null ? null : StateDump.to("--dump-state", dumpState);
        final RunCheckpoint kept = checkpoint == null ? null
                : RunCheckpoint.open("--checkpoint", checkpoint, RunIdentity.of(scenario, loaded, run));
        final List<PathRange> ranges = kept == null ? List.of(run.allPaths())
                : RunCheckpoint.ranges(run.paths(), threads, kept.stored());
        final long stored = kept == null ? 0
                : ranges.stream().filter(kept::has).mapToLong(PathRange::size).sum();
        final Progress progress = new Progress(System.err, run.paths() - stored, run.blocks(), QUIET_SECONDS);
        final RunOptions options = RunOptions.defaults().withThreads(threads).withFinalState(true)
                .withProgress(progress);

        final long start = System.nanoTime();
        final ShutdownNotice interrupted = ShutdownNotice.install(() -> System.err.printf(
                "%ndtaosim run: interrupted; %s%n",
                kept == null ? String.format("%,d of %,d paths simulated, nothing written (--checkpoint DIR keeps"
                        + " finished paths for the same command run again)", progress.done(), run.paths())
                        : String.format("%,d of %,d paths kept in %s: run the same command again to continue",
                        kept.keptAfterStop(), run.paths(), kept.dir())));
        final RunResult result;
        try {
            result = kept == null ? Runner.run(run, options) : kept.runMissing(run, options, ranges);
        } finally {
            interrupted.remove();
        }
        final double wall = (System.nanoTime() - start) / 1e9;

        if (dump != null) {
            try {
                dump.write(header(loaded, run), result);
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: --dump-state: cannot write " + dumpState + " ("
                        + AtomicFiles.describe(e) + ")"
                        + (kept == null ? "" : "; every path is kept in " + kept.dir()
                        + ": the same command run again writes it without simulating"));
                return 1;
            }
        }
        final PrintWriter out = spec.commandLine().getOut();
        summary(out, loaded, run, options, result, wall, run.paths() - stored);
        if (dump != null) {
            out.printf("  final state of every path: %s%n", dump.target());
        }
        out.flush();
        if (kept != null) {
            kept.clear();
        }
        return 0;
    }

    private Era era() {
        for (final Era e : Era.values()) {
            if (e.id().equals(era)) {
                return e;
            }
        }
        final List<String> names = new ArrayList<>();
        for (final Era e : Era.values()) {
            names.add(e.id());
        }
        throw new IllegalArgumentException("--era: '" + era + "' is not one of " + String.join(", ", names));
    }

    private static Map<String, Object> header(final LoadedScenario loaded, final Scenario run) {
        final Map<String, Object> header = new LinkedHashMap<>();
        header.put("scenario", loaded.name());
        header.put("era", run.protocol().era().id());
        header.put("paths", run.paths());
        header.put("subnets", run.network().subnets());
        header.put("slots", run.slots());
        header.put("startBlock", run.startBlock());
        header.put("blocks", run.blocks());
        header.put("seed", run.seed());
        return header;
    }

    private static void summary(final PrintWriter out, final LoadedScenario loaded, final Scenario run,
                                final RunOptions options, final RunResult result, final double wall,
                                final long simulated) {
        final String line = loaded.file().summaryLine();
        out.printf("scenario %s%s%s%n", loaded.name(), loaded.builtIn() ? " (built-in)" : "",
                line.isEmpty() ? "" : ": " + line);
        final int extra = run.slots() - run.network().subnets();
        out.printf("  era %s, %d paths x %d subnets%s x %d blocks from block %d, seed %d%n",
                EraLine.of(run), run.paths(), run.network().subnets(),
                extra == 0 ? "" : " (+" + extra + " registration slots)", run.blocks(), run.startBlock(), run.seed());
        final List<String> behaviours = new ArrayList<>();
        for (final Behaviour b : run.behaviours()) {
            behaviours.add(BehaviourType.of(b).id());
        }
        final List<String> watched = new ArrayList<>();
        for (final Probe p : run.probes()) {
            if (p instanceof SubnetWatch w) {
                watched.add(Integer.toString(w.subnet()));
            }
        }
        out.printf("  behaviours: %s; watched subnets: %s%n", behaviours.isEmpty() ? "none" : String.join(", ",
                behaviours), watched.isEmpty() ? "none" : String.join(", ", watched));
        final double updates = (double) simulated * run.slots() * run.blocks();
        final String rate = simulated == 0 ? "all " + run.paths() + " paths from the checkpoint"
                : String.format("%.1f M subnet-block-path updates/s%s", updates / wall / 1e6,
                simulated == run.paths() ? "" : " (" + (run.paths() - simulated) + " paths from the checkpoint)");
        out.printf("  kernels %s, %d threads, Java %s; wall %.3f s, %s%n", options.kernels().name(),
                options.threads(), System.getProperty("java.version"), wall, rate);

        out.printf("  %-36s %14s %14s %14s%n", "per path", "q05", "q50", "q95");
        row(out, "Σ spot prices (TAO/alpha)", spotPriceSums(result.finalState()));
        row(out, "TAO in pools", result.outcome(RunResult.POOL_TAO));
        row(out, "root dividends paid at epochs (TAO)", result.outcome(RunResult.ROOT_DIVIDENDS));
        row(out, "root TAO sold (paid, pending, claims)", result.outcome(RunResult.ROOT_TAO_SOLD));
        row(out, "total issuance (TAO)", result.outcome(RunResult.TOTAL_ISSUANCE));
        row(out, "TAO recycled", result.outcome(RunResult.TAO_RECYCLED));
        final double[] unissued = result.outcome(RunResult.TAO_UNISSUED);
        if (java.util.Arrays.stream(unissued).anyMatch(v -> v != 0.0)) {
            row(out, "TAO emitted but not issued (subsidy)", unissued);
        }
        row(out, "alpha recycled", result.outcome(RunResult.ALPHA_RECYCLED));
        row(out, "alpha burned", result.outcome(RunResult.ALPHA_BURNED));
        final Map<String, double[]> columns = result.outcomes().columns();
        if (columns.containsKey(RunResult.REGISTRATIONS)) {
            row(out, "subnet registrations", result.outcome(RunResult.REGISTRATIONS));
            row(out, "refused registrations", result.outcome(RunResult.REFUSED_REGISTRATIONS));
            row(out, "subnets pruned", result.outcome(RunResult.PRUNINGS));
        }
        if (columns.containsKey(PumpAndDump.PNL)) {
            // realised: TAO received − TAO spent; a run that ends before the dump holds the alpha unsold
            final long end = run.startBlock() + run.blocks();
            final boolean unsold = run.behaviours().stream()
                    .anyMatch(b -> b instanceof PumpAndDump pump && pump.dumpAt() >= end && pump.buyFrom() < end);
            row(out, unsold ? "pump PnL (TAO, realised: the dump is after the run)" : "pump PnL (TAO)",
                    result.outcome(PumpAndDump.PNL));
        }
        if (run.yuma() != null) {
            yumaRows(out, result);
        }
        for (final Probe p : run.probes()) {
            if (p instanceof SubnetWatch w) {
                row(out, "subnet " + w.subnet() + " max price (TAO/alpha)",
                        result.outcome(w.outcome(SubnetWatch.MAX_PRICE)));
                row(out, "subnet " + w.subnet() + " mean emission share",
                        result.outcome(w.outcome(SubnetWatch.MEAN_SHARE)));
            }
        }
    }

    /** Σ over live slots of taoReserve / alphaIn, per path (a slot with no subnet holds zeros and is skipped). */
    private static double[] spotPriceSums(final FinalState state) {
        final double[] sums = new double[state.paths()];
        for (int p = 0; p < sums.length; p++) {
            for (int i = 0; i < state.subnets(); i++) {
                if (state.alphaIn()[p * state.subnets() + i] > 0.0) {
                    sums[p] += state.spotPrice(p, i);
                }
            }
        }
        return sums;
    }

    /** The Yuma subnets' outcomes (column names in {@link YumaOutcomes}); ratios skip paths where they are NaN. */
    private static void yumaRows(final PrintWriter out, final RunResult result) {
        row(out, "Yuma validator earnings (TAO)", result.outcome(YumaOutcomes.VALIDATOR_EARNINGS_TAO));
        row(out, "Yuma validator take (TAO)", result.outcome(YumaOutcomes.VALIDATOR_TAKE_TAO));
        row(out, "Yuma miner earnings (TAO)", result.outcome(YumaOutcomes.MINER_EARNINGS_TAO));
        row(out, "Yuma honest yield per epoch", result.outcome(YumaOutcomes.HONEST_YIELD));
        row(out, "copier return / honest", result.outcome(YumaOutcomes.COPIER_RELATIVE_RETURN));
        row(out, "copier return / honest, commit-reveal",
                result.outcome(YumaOutcomes.COPIER_RELATIVE_RETURN_COMMIT_REVEAL));
        row(out, "over-rater return / honest", result.outcome(YumaOutcomes.OVER_RATER_RELATIVE_RETURN));
        row(out, "holdings-scorer return / honest", result.outcome(YumaOutcomes.HOLDINGS_SCORER_RELATIVE_RETURN));
        row(out, "share of incentive clipped", result.outcome(YumaOutcomes.CLIPPED_SHARE));
        row(out, "over-rater weight clipped", result.outcome(YumaOutcomes.OVER_RATER_CLIPPED_SHARE));
        row(out, "MinerBurned", result.outcome(YumaOutcomes.MINER_BURNED));
        row(out, "miner incentive burned (alpha)", result.outcome(YumaOutcomes.MINER_BURNED_ALPHA));
    }

    private static void row(final PrintWriter out, final String label, final double[] all) {
        final double[] values = java.util.Arrays.stream(all).filter(x -> !Double.isNaN(x)).toArray();
        if (values.length == 0) {
            out.printf("  %-36s %14s %14s %14s%n", label, "n/a", "n/a", "n/a");
            return;
        }
        final double[] q = Quantiles.of(values, QUANTILES);
        final double largest = Math.max(Math.abs(q[0]), Math.max(Math.abs(q[1]), Math.abs(q[2])));
        out.printf("  %-36s %14s %14s %14s%n", label, cell(q[0], largest), cell(q[1], largest), cell(q[2], largest));
    }

    /** {@link #cell(double, double)} of a value alone. */
    static String cell(final double value) {
        return cell(value, Math.abs(value));
    }

    /**
     * One quantile as the summary shows it, in a row whose largest magnitude is {@code largest}: whole numbers
     * (counts) without decimals; in a row of large amounts, to the cent (six significant digits would hide
     * thousands of TAO of issuance); the rest to six significant digits.
     */
    static String cell(final double value, final double largest) {
        if (Math.abs(value) < 1e15 && value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, largest >= 1e5 && largest < 1e15 ? "%.2f" : "%.6g", value);
    }
}
