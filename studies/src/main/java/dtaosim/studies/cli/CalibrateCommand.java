package dtaosim.studies.cli;

import dtaosim.engine.model.Checks;
import dtaosim.engine.run.DailyPrices;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.PricePanel;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.LoadedScenario;
import dtaosim.studies.scenario.Overrides;
import dtaosim.studies.scenario.ScenarioParser;
import dtaosim.studies.scenario.ScenarioWarnings;
import dtaosim.studies.stats.CalibrationCalendar;
import dtaosim.studies.stats.CalibrationFacts;
import dtaosim.studies.stats.CalibrationFacts.Fact;
import dtaosim.studies.stats.OhlcCsv;
import dtaosim.studies.stats.SharedData;
import dtaosim.studies.stats.StylisedFacts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dtaosim calibrate SCENARIO}: runs a scenario with the {@link DailyPrices} probe and prints, for each
 * stylised fact of {@code shared/data/README.md} ({@link CalibrationFacts}), the simulated value (median over paths
 * of each path's value), the value the same code measures on the observed price file, their ratio and whether the
 * simulated value is within 20 % of the observed one. It reports and exits 0; bad input exits 2 before anything
 * runs, naming the option. Paths run in chunks, so memory holds one chunk's daily prices, not every path's.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario and compares its daily spot prices with the observed ones.",
            "Per stylised fact of shared/data/README.md: the simulated value (median over",
            "paths), the observed value measured by the same code from the price file,",
            "their ratio, and whether it is within 20 %%. Day d of the run is the date",
            "2025-02-20 + d (7,200 blocks a day)."})
final class CalibrateCommand implements Callable<Integer> {
    /** Largest relative distance from the observed value that counts as reproduced. */
    static final double TOLERANCE = 0.20;
    /** Smallest batch: the vector kernels' eight lanes (512-bit doubles); fewer paths run as scalar tails. */
    static final int MIN_BATCH_PATHS = 8;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in scenario's name")
    private String scenario;
    @Option(names = "--data", paramLabel = "DIR",
            description = "folder of the observed price file (default: shared/data beside the repository)")
    private Path data;
    @Option(names = "--paths", description = "paths P (default: the file's)")
    private Long paths;
    @Option(names = "--seed", description = "seed (default: the file's)")
    private Long seed;
    @Option(names = "--blocks", description = "blocks simulated (default: the file's blocks or days)")
    private Integer blocks;
    @Option(names = "--days", description = "days simulated, 7,200 blocks each (instead of --blocks)")
    private Double days;
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        // everything that can be wrong with the input is found here, before the run
        final LoadedScenario loaded = ScenarioParser.load(scenario);
        final Scenario plain = loaded.file().resolve(new Overrides(paths, HorizonOption.blocks(blocks, days), seed,
                null));
        Checks.inRange("--threads", threads, 1L, 4096L);
        final Path folder = data == null ? SharedData.defaultFolder() : data;
        final PricePanel observed = readObserved(folder);

        final PrintWriter err = spec.commandLine().getErr();
        ScenarioWarnings.of(loaded.file(), plain, null).forEach(err::println);
        final LocalDate started = CalibrationCalendar.mainnetDate(plain.startBlock());
        if (plain.startBlock() != 0 && !started.equals(CalibrationCalendar.DAY_ZERO)) {
            err.printf("warning: startBlock %d is about %s on mainnet, but calibrate compares day d of the run with"
                    + " the observed %s + d%n", plain.startBlock(), started, CalibrationCalendar.DAY_ZERO);
        }
        err.flush();

        final DailyPrices probe = DailyPrices.covering(plain);
        final Scenario run = plain.withProbe(probe);
        final long start = System.nanoTime();
        final double[][] perPath = factsPerPath(run, probe, observed, threads);
        final double wall = (System.nanoTime() - start) / 1e9;

        final PrintWriter out = spec.commandLine().getOut();
        header(out, loaded, run, probe, folder, observed, wall);
        table(out, perPath, CalibrationFacts.measure(observed), probe.days());
        out.flush();
        return 0;
    }

    /**
     * Paths per batch: small enough that every thread gets one when paths are few, but a multiple of
     * {@link #MIN_BATCH_PATHS} (measured on mainnet-2025, 8 paths: batches of 4 on 2 threads took 24 s, one batch of
     * 8 on one thread 17 s). The numbers do not depend on the batch size.
     */
    static int batchPaths(final long paths, final int threads) {
        final long perThread = (paths + threads - 1) / threads;
        final long rounded = (perThread + MIN_BATCH_PATHS - 1) / MIN_BATCH_PATHS * MIN_BATCH_PATHS;
        return (int) Math.min(RunOptions.DEFAULT_BATCH_PATHS, rounded);
    }

    private static PricePanel readObserved(final Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--data: " + folder + " is not a folder (the folder of shared/data/"
                    + "README.md)");
        }
        final Path file = folder.resolve(OhlcCsv.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--data: " + folder + " has no " + OhlcCsv.FILE_NAME);
        }
        try {
            return OhlcCsv.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a scenario that carries {@code probe} and measures each fact on each path: {@code [fact][path]}; the
     * command's column is their {@link #simulatedValue}. Tests of built-in scenarios call this too.
     */
    static double[][] factsPerPath(final Scenario run, final DailyPrices probe, final PricePanel observed,
                                   final int threads) {
        final RunOptions options = RunOptions.defaults().withThreads(threads)
                .withBatchPaths(batchPaths(run.paths(), threads));
        return simulate(run, probe, options, observed);
    }

    /** A fact's simulated value: the median over paths. */
    static double simulatedValue(final double[] perPath) {
        return StylisedFacts.quantile(perPath, 0.5);
    }

    /** Whether a simulated value is within {@link #TOLERANCE} of the observed one; false for NaN. */
    static boolean within(final double simulated, final double observed) {
        return Math.abs(simulated / observed - 1.0) <= TOLERANCE;
    }

    private static double[][] simulate(final Scenario run, final DailyPrices probe, final RunOptions options,
                                       final PricePanel observed) {
        final int total = Math.toIntExact(run.paths());
        final double[][] perPath = new double[CalibrationFacts.ALL.size()][total];
        final int chunk = options.threads() * options.batchPaths();
        for (int from = 0; from < total; from += chunk) {
            final PathRange range = new PathRange(from, Math.min(total, from + chunk));
            final RunResult result = Runner.run(run, range, options);
            for (int k = 0; k < range.size(); k++) {
                final double[] facts = CalibrationFacts.measure(
                        CalibrationFacts.sampledLike(probe.panel(result, k), observed));
                for (int f = 0; f < facts.length; f++) {
                    perPath[f][from + k] = facts[f];
                }
            }
        }
        return perPath;
    }

    private static void header(final PrintWriter out, final LoadedScenario loaded, final Scenario run,
                               final DailyPrices probe, final Path folder, final PricePanel observed,
                               final double wall) {
        final String line = loaded.file().summaryLine();
        out.printf("calibrate %s%s%s%n", loaded.name(), loaded.builtIn() ? " (built-in)" : "",
                line.isEmpty() ? "" : ": " + line);
        final int extra = run.slots() - run.network().subnets();
        out.printf("  era %s, %d paths x %d subnets%s x %d blocks from block %d, seed %d; wall %.1f s%n",
                EraLine.of(run), run.paths(), run.network().subnets(),
                extra == 0 ? "" : " (+" + extra + " registration slots)", run.blocks(), run.startBlock(), run.seed(),
                wall);
        out.printf("  simulated: day d = %s + d (%,d blocks a day), %s…%s; per fact the median over paths%n",
                CalibrationCalendar.DAY_ZERO, CalibrationCalendar.BLOCKS_PER_DAY, CalibrationCalendar.date(0),
                CalibrationCalendar.date(probe.days() - 1));
        out.printf("  observed: %s (%d netuids, %s…%s)%n", folder.resolve(OhlcCsv.FILE_NAME), observed.subnets(),
                CalibrationCalendar.date(0), CalibrationCalendar.date(observed.days() - 1));
    }

    private static void table(final PrintWriter out, final double[][] perPath, final double[] observed,
                              final int simulatedDays) {
        out.println();
        out.printf("  %-46s  %10s  %10s  %6s  %s%n", "fact", "simulated", "observed", "ratio", "within 20 %");
        boolean missing = false;
        for (int f = 0; f < observed.length; f++) {
            final Fact fact = CalibrationFacts.ALL.get(f);
            final double simulated = simulatedValue(perPath[f]);
            final double ratio = simulated / observed[f];
            final boolean within = within(simulated, observed[f]);
            missing |= Double.isNaN(simulated);
            out.printf("  %-46s  %10s  %10s  %6s  %s%n", fact.name(), format(fact, simulated),
                    format(fact, observed[f]), Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio)
                            : "n/a", within ? "yes" : "no");
        }
        if (missing) {
            out.printf("  n/a: the run does not reach the fact's last date (it ends on %s)%n",
                    CalibrationCalendar.date(simulatedDays - 1));
        }
    }

    /** A fact's value as the table shows it. */
    static String format(final Fact fact, final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (fact.unit()) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f %%", 100.0 * value);
            case MULTIPLE -> String.format(Locale.ROOT, "%.2f×", value);
            case TAO -> String.format(Locale.ROOT, "%.3f", value);
        };
    }
}
