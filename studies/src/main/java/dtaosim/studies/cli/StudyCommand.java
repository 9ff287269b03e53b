package dtaosim.studies.cli;

import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.studies.scenario.ScenarioSource;
import dtaosim.studies.study.StudyConfig;
import dtaosim.studies.study.StudyEngine;
import dtaosim.studies.study.StudyJob;
import dtaosim.studies.study.StudyPlan;
import dtaosim.studies.study.Studies;
import dtaosim.studies.study.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dtaosim study NAME [SCENARIO]}: runs a study and writes its folder (summary.json, timeseries.csv,
 * paths.csv, distributions.hlog, report.html). Every option is checked before anything runs.
 */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a study (meme-capture, eras, distribution or yuma) and writes its outputs.",
            "The scenario defaults to the built-in sn28-2025-02 (yuma-demo for yuma).",
            "The outputs go to out/<study>-<time>/ (or --out): summary.json,",
            "timeseries.csv, paths.csv, distributions.hlog and report.html. Studies:",
            "  meme-capture  probability the meme subnet's emission share reaches each",
            "                threshold (Wilson intervals), time to capture, cohort PnL,",
            "                cost-to-capture curve",
            "  eras          the same scenario and seeds under several eras, paired",
            "                differences",
            "  distribution  quantile bands over time and end-of-horizon histograms",
            "  yuma          Yuma consensus inside subnets (default scenario yuma-demo):",
            "                returns of copiers with and without commit-reveal,",
            "                over-raters, holdings-scorers relative to honest validators,",
            "                clipping, MinerBurned"})
public final class StudyCommand implements Callable<Integer> {
    /** The scenario a study runs when none is given. */
    public static final String DEFAULT_SCENARIO = "sn28-2025-02";
    /** The scenario the yuma study runs when none is given. */
    public static final String DEFAULT_YUMA_SCENARIO = "yuma-demo";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "meme-capture, eras, distribution or yuma")
    private String name;
    @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIO",
            description = "a scenario file or built-in name (default: " + DEFAULT_SCENARIO + ")")
    private String scenario;
    @Option(names = "--paths", description = "paths P (default: the scenario's)")
    private Long paths;
    @Option(names = "--blocks", description = "blocks simulated (default: the scenario's)")
    private Integer blocks;
    @Option(names = "--days", description = "days simulated, 7,200 blocks each (instead of --blocks)")
    private Double days;
    @Option(names = "--seed", description = "seed (default: the scenario's)")
    private Long seed;
    @Option(names = "--era", split = ",", paramLabel = "ERA[,ERA...]",
            description = "one era to run under, or several to compare (eras study default: all)")
    private List<String> eras = new ArrayList<>();
    @Option(names = "--sweep", paramLabel = "KEY=V1,V2,...",
            description = "a grid dimension over a scenario parameter path, e.g. parameters.movingAlpha=3e-6,3e-5 or"
                    + " behaviours[2].capitalTao=1000,3000 (repeatable; common random numbers in every cell)")
    private List<String> sweeps = new ArrayList<>();
    @Option(names = "--subnet", description = "target subnet slot (default: the meme cohort's or pump's)")
    private Integer subnet;
    @Option(names = "--thresholds", split = ",", paramLabel = "X[,X...]",
            description = "meme-capture emission-share thresholds in (0, 1] (default: 1.25, 1.5, 2 and 3 times the"
                    + " target's starting price share)")
    private List<Double> thresholds = new ArrayList<>();
    @Option(names = "--within", paramLabel = "DAYS", description = "meme-capture window (default: the horizon)")
    private Double within;
    @Option(names = "--samples", description = "sampled points of the time series (default: 120)")
    private int samples = StudyConfig.DEFAULT_SAMPLES;
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<study>-<time>); with"
            + " --engine spark also a URI (hdfs://, s3a://, file:...)")
    private String out;
    @Option(names = "--shard", paramLabel = "k/n", description = "run only shard k of n of the paths and write a"
            + " mergeable partial result (dtaosim merge)")
    private String shard;
    @Option(names = "--checkpoint-every", paramLabel = "N", description = "store progress every N finished paths"
            + " of a cell (default: 256 × --threads, or a sixteenth of --paths if more; 0: each finished cell);"
            + " dtaosim resume DIR continues after a kill")
    private Integer checkpointEvery;
    @Option(names = "--quiet", description = "no progress on stderr")
    private boolean quiet;
    @Option(names = "--engine", paramLabel = "local|spark", description = "local (default): this JVM's threads;"
            + " spark: partitions of the path range on Apache Spark (in-process local[*] unless spark-submit gives"
            + " a master), same figures")
    private String engine = "local";
    @Option(names = "--partitions", paramLabel = "N", description = "with --engine spark: contiguous path ranges,"
            + " one Spark task each (default: 2 x Spark's default parallelism)")
    private int partitions;

    /** Name of the engine that runs a study on Apache Spark. */
    public static final String SPARK = "spark";

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("local") && !engine.equals(SPARK)) {
            throw new IllegalArgumentException("--engine: '" + engine + "' is not local or spark");
        }
        Checks.inRange("--partitions", partitions, 0L, 1_000_000L);
        if (engine.equals(SPARK)) {
            return runOnSpark();
        }
        if (partitions != 0) {
            throw new IllegalArgumentException("--partitions: only with --engine spark");
        }
        final StudyConfig config = config(ScenarioSource.load(scenarioOrDefault()));
        final StudyJob.Execution execution = execution();
        return StudyJob.start(config, execution, configArgs(), spec.commandLine().getOut(),
                quiet ? null : System.err);
    }

    private int runOnSpark() throws Exception {
        if (shard != null || (checkpointEvery != null && checkpointEvery != 0)) {
            throw new IllegalArgumentException((shard != null ? "--shard" : "--checkpoint-every")
                    + ": not with --engine spark (Spark retries a failed partition itself)");
        }
        Checks.inRange("--threads", threads, 1L, 4096L);
        final StudyEngine spark = ServiceLoader.load(StudyEngine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals(SPARK)).findFirst().orElse(null);
        if (spark == null) {
            throw new IllegalArgumentException("--engine spark: the Spark runner is not on the class path. Run"
                    + " through ./dtaosim, which builds it (./mvnw -Pspark -pl studies/spark -am package, downloading"
                    + " Spark on first use), or submit studies/spark/target/dtaosim-spark.jar with spark-submit"
                    + " --class dtaosim.studies.spark.SparkStudy");
        }
        final String scenarioArg = scenarioOrDefault();
        // what fixes the numbers is checked here, before Spark starts, when the scenario is a local one
        if (!scenarioArg.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) { // not a URI (hdfs://, file:/, ...)
            StudyPlan.of(config(ScenarioSource.load(scenarioArg)));
        }
        // threads: per Spark task; the engine's default is one thread per task (a task per core)
        final boolean threadsGiven = spec.commandLine().getParseResult().hasMatchedOption("--threads");
        return spark.run(new StudyEngine.Job(configArgs(), scenarioArg, out, partitions, threadsGiven ? threads : 1),
                spec.commandLine().getOut(), quiet ? null : System.err);
    }

    /**
     * The configuration that {@code args} ({@link #configArgs()} of a study) give with {@code source} as the
     * scenario, checked as the study command checks it: how a manifest or a Spark task rebuilds a study.
     */
    public static StudyConfig configOf(final List<String> args, final ScenarioSource source) {
        final StudyCommand command = new StudyCommand();
        new CommandLine(command).parseArgs(args.toArray(new String[0]));
        return command.config(source);
    }

    /** The study's configuration with {@code source} as its scenario; every value checked. */
    StudyConfig config(final ScenarioSource source) {
        Studies.byName(name);
        final Integer horizon = HorizonOption.blocks(blocks, days);
        final List<Era> eraList = new ArrayList<>();
        if (eras.isEmpty() && spec != null && spec.commandLine().getParseResult().hasMatchedOption("--era")) {
            throw new IllegalArgumentException("--era: no era given (e.g. --era launch-2025-02,capped-2025-12)");
        }
        for (final String e : eras) {
            try {
                eraList.add(Era.byId(e.strip()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--" + ex.getMessage());
            }
        }
        final List<Sweep> grid = new ArrayList<>();
        for (final String s : sweeps) {
            grid.add(Sweep.parse(s));
        }
        Checks.inRange("--samples", samples, 1L, 10_000L);
        if (within != null) {
            Checks.positive("--within", within);
        }
        return new StudyConfig(name, source, paths, horizon, seed, eraList, grid, subnet, thresholds, within, samples);
    }

    StudyJob.Execution execution() {
        Checks.inRange("--threads", threads, 1L, 4096L);
        if (checkpointEvery != null) {
            Checks.inRange("--checkpoint-every", checkpointEvery, 0L, Integer.MAX_VALUE);
        }
        final int every = checkpointEvery != null ? checkpointEvery : StudyJob.Execution.DEFAULT_CHECKPOINT;
        int k = 0;
        int n = 1;
        if (shard != null) {
            final String[] kn = shard.split("/", -1);
            try {
                k = Integer.parseInt(kn[0].strip());
                n = Integer.parseInt(kn[1].strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--shard: '" + shard + "' is not k/n (e.g. 0/3)", e);
            }
            if (kn.length != 2 || n < 1 || k < 0 || k >= n) {
                throw new IllegalArgumentException("--shard: '" + shard + "' is not k/n with 0 ≤ k < n");
            }
        }
        if (out != null && out.isBlank()) {
            throw new IllegalArgumentException("--out: an empty name is not a folder; leave --out out for the default"
                    + " out/<study>-<time>");
        }
        return new StudyJob.Execution(threads, out == null ? null : Path.of(out), shard == null ? null
                : new int[] {k, n}, every);
    }

    /** The scenario given, or the study's default. */
    private String scenarioOrDefault() {
        if (scenario != null) {
            return scenario;
        }
        return Studies.YUMA.equals(name) ? DEFAULT_YUMA_SCENARIO : DEFAULT_SCENARIO;
    }

    /** The options that fix the numbers, as arguments (kept in the manifest for resume and merge). */
    List<String> configArgs() {
        final List<String> a = new ArrayList<>();
        a.add(name);
        add(a, "--paths", paths);
        add(a, "--blocks", blocks);
        add(a, "--days", days);
        add(a, "--seed", seed);
        if (!eras.isEmpty()) {
            a.add("--era");
            a.add(String.join(",", eras));
        }
        for (final String s : sweeps) {
            a.add("--sweep");
            a.add(s);
        }
        add(a, "--subnet", subnet);
        if (!thresholds.isEmpty()) {
            a.add("--thresholds");
            a.add(String.join(",", thresholds.stream().map(String::valueOf).toList()));
        }
        add(a, "--within", within);
        a.add("--samples");
        a.add(Integer.toString(samples));
        return a;
    }

    private static void add(final List<String> a, final String option, final Object value) {
        if (value != null) {
            a.add(option);
            a.add(value.toString());
        }
    }
}
