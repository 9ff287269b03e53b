package dtaosim.studies.spark;

import dtaosim.engine.run.RunResult;
import dtaosim.studies.cli.Main;
import dtaosim.studies.cli.StudyCommand;
import dtaosim.studies.scenario.ScenarioSource;
import dtaosim.studies.study.PartialStore;
import dtaosim.studies.study.StudyEngine;
import dtaosim.studies.study.StudyJob;
import dtaosim.studies.study.StudyPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A study on Apache Spark. The driver builds the plan and cuts {@code [0, P)} into N contiguous pieces, one
 * Spark task each ({@link PartitionTask}); every task runs the ordinary engine over its piece for every cell and
 * returns the encoded outcomes; the driver merges them in path order and writes the outputs with exactly the
 * code {@code dtaosim merge} uses ({@link StudyJob#finishFromParts}). The per-path outcomes are also written by
 * the executors as Parquet ({@code paths.parquet}: cell, path, one column per outcome, null where
 * {@code paths.csv} is empty).
 *
 * <p>Entry point of {@code spark-submit --class dtaosim.studies.spark.SparkStudy dtaosim-spark.jar NAME
 * [SCENARIO] [options]}: the options of {@code dtaosim study}; SCENARIO and {@code --out} may be URIs of any
 * Hadoop file system (hdfs://, s3a://, ...).
 */
public final class SparkStudy {
    /** Test-only setting: the piece whose task throws on its first attempt. */
    public static final String FAIL_FIRST_ATTEMPT = "spark.dtaosim.test.failFirstAttemptOfPiece";
    /** Test-only setting: a folder where every task attempt leaves a marker file. */
    public static final String ATTEMPT_MARKERS = "spark.dtaosim.test.attemptMarkers";
    /** The outputs copied to a remote {@code --out}, summary.json last as in a local folder. */
    private static final List<String> OUTPUTS = List.of(StudyJob.MANIFEST, "timeseries.csv", "paths.csv",
            "distributions.hlog", "report.html", "summary.json");
    /** A scheme of two or more characters, so that a Windows drive letter is a path. */
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private SparkStudy() {
    }

    /** {@code spark-submit} entry point: the arguments of {@code dtaosim study}, run with {@code --engine spark}. */
    public static void main(final String[] args) {
        final List<String> all = new ArrayList<>(List.of("study"));
        all.addAll(List.of(args));
        all.add("--engine");
        all.add(StudyCommand.SPARK);
        final int code = Main.execute(all.toArray(String[]::new));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * A finished study on Spark.
     *
     * @param out   the output folder (path or URI)
     * @param tasks what each piece's successful task reported, by piece (its encoded cells released)
     */
    public record Outcome(String out, List<PartitionResult> tasks) {
    }

    /**
     * The session a study runs on: the active one if there is one (tests, notebooks); under spark-submit the
     * master it gives; otherwise an in-process {@code local[*]} bound to 127.0.0.1 with the UI off.
     *
     * @return the session and whether this call started it (and so should stop it)
     */
    static Map.Entry<SparkSession, Boolean> session() {
        final SparkSession active = SparkSession.getActiveSession()
                .getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
        if (active != null) {
            return Map.entry(active, false);
        }
        final SparkConf conf = new SparkConf(); // spark.* system properties, as spark-submit sets them
        final SparkSession.Builder builder = SparkSession.builder().appName("dtaosim study");
        if (!conf.contains("spark.master")) {
            builder.master("local[*]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.debug.maxToStringFields", "1000");
        }
        final SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return Map.entry(spark, true);
    }

    /** Runs {@code job} on {@code spark} and writes its outputs. */
    public static Outcome run(final SparkSession spark, final StudyEngine.Job job, final PrintWriter out,
                              final PrintStream err) throws IOException {
        final long start = System.nanoTime();
        final String startedAt = Instant.now().toString();
        final JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        final Configuration hadoop = context.hadoopConfiguration();
        final ScenarioSource source = scenario(job.scenario(), hadoop);
        final StudyPlan plan = StudyPlan.of(StudyCommand.configOf(job.configArgs(), source));

        // a URI (file: included) is written through Hadoop's FileSystem; a plain path as the local runner writes
        final boolean remote = job.out() != null && isUri(job.out());
        final java.nio.file.Path local;
        if (remote) {
            final Path target = new Path(job.out());
            final FileSystem fs = target.getFileSystem(hadoop);
            if (fs.exists(target) && fs.listStatus(target).length > 0) {
                throw new IllegalArgumentException("--out: " + job.out() + " is not empty; give a new or empty folder");
            }
            local = Files.createTempDirectory("dtaosim-spark-");
        } else {
            local = StudyJob.newFolder(plan.config(), job.out() == null ? null : java.nio.file.Path.of(job.out()));
        }
        final String outUri = (remote ? job.out() : local.toAbsolutePath().toUri().toString())
                .replaceFirst("/+$", "");
        StudyJob.writeManifest(local, plan, job.configArgs(), new StudyJob.Execution(job.threadsPerTask(),
                local, null, 0));

        final int pieces = (int) Math.max(1, Math.min(plan.paths(),
                job.partitions() > 0 ? job.partitions() : 2L * context.defaultParallelism()));
        final SparkConf conf = context.getConf();
        final PartitionTask.Faults faults = new PartitionTask.Faults(conf.getInt(FAIL_FIRST_ATTEMPT, -1),
                conf.get(ATTEMPT_MARKERS, null));
        if (err != null) {
            err.printf("dtaosim study %s on Spark %s (%s): %d cell(s) x %,d paths x %,d blocks in %d partitions"
                    + " -> %s%n", plan.config().study(), spark.version(), context.master(), plan.cells().size(), plan.paths(),
                    plan.blocks(), pieces, outUri);
        }
        final PartitionTask task = new PartitionTask(job.configArgs(), source, plan.paths(), pieces,
                job.threadsPerTask(), faults);
        final JavaRDD<PartitionResult> results = context
                .parallelize(IntStream.range(0, pieces).boxed().toList(), pieces)
                .map(task)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // failed attempts are reported with --quiet too: a retried one leaves no other trace under the launcher
        final PiecesDone progress = new PiecesDone(err, err != null ? err : System.err, pieces);
        spark.sparkContext().addSparkListener(progress);
        try {
            final List<PartitionResult> tasks;
            try {
                tasks = new ArrayList<>(results.collect());
            } finally {
                spark.sparkContext().removeSparkListener(progress);
            }
            tasks.sort(Comparator.comparingInt(PartitionResult::piece));
            final List<List<RunResult>> parts = new ArrayList<>();
            final Set<String> columns = new LinkedHashSet<>();
            for (int c = 0; c < plan.cells().size(); c++) {
                final List<RunResult> cellParts = new ArrayList<>();
                for (final PartitionResult t : tasks) {
                    cellParts.add(PartialStore.decode(t.cells()[c]));
                    t.cells()[c] = null; // the driver holds each path's outcomes once, decoded
                }
                columns.addAll(cellParts.get(0).outcomes().columns().keySet());
                parts.add(cellParts);
            }
            writeParquet(spark, results, List.copyOf(columns), outUri + "/paths.parquet");
            final Map<String, Object> stamp = StudyJob.stamp(startedAt, start, job.threadsPerTask(),
                    plan.paths() * plan.cells().size());
            stamp.put("engine", "spark");
            stamp.put("sparkVersion", spark.version());
            stamp.put("master", context.master());
            stamp.put("partitions", pieces);
            stamp.put("taskAttempts", tasks.stream().map(t -> t.piece() + ":" + t.attempt()).toList());
            StudyJob.finishFromParts(plan, parts, local, remote ? job.out() : local.toString(), stamp, out);
            if (remote) {
                copyOut(local, new Path(job.out()), hadoop);
            }
            return new Outcome(remote ? job.out() : local.toString(), tasks);
        } finally {
            results.unpersist(false);
            if (remote) {
                deleteTree(local); // the local copy of a remote study's outputs, whether it finished or not
            }
        }
    }

    /**
     * Progress on stderr, one plain line per finished piece (Spark's tasks report nothing else to the driver),
     * and one report per failed attempt.
     */
    private static final class PiecesDone extends SparkListener {
        private final PrintStream progress;
        private final PrintStream failures;
        private final int pieces;
        private final long start = System.nanoTime();
        private int done;

        /** @param progress where finished pieces are reported, or null (--quiet) */
        PiecesDone(final PrintStream progress, final PrintStream failures, final int pieces) {
            this.progress = progress;
            this.failures = failures;
            this.pieces = pieces;
        }

        @Override
        public synchronized void onTaskEnd(final SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                failures.print(failure(end.taskInfo().partitionId(), end.taskInfo().attemptNumber(), end.reason()));
            } else if (progress != null) {
                done++;
                progress.printf("dtaosim: %d/%d partitions done (partition %d, attempt %d) after %.1f s%n", done,
                        pieces, end.taskInfo().partitionId(), end.taskInfo().attemptNumber(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Exceptions whose message says all a user needs (bad input, a run that broke down); others are bugs. */
    private static final Set<String> EXPLAINED = Set.of(IllegalArgumentException.class.getName(),
            dtaosim.engine.run.NonFiniteStateException.class.getName());

    /**
     * One failed task attempt in words: the exception's class and message, or for an exception that is not one
     * of the explained ones Spark's whole report of it (stack and causes; Spark's own task logs are off under the
     * launcher), or the reason a task was cancelled.
     */
    static String failure(final int partition, final int attempt, final TaskEndReason reason) {
        final String task = "dtaosim: partition " + partition + ", attempt " + attempt;
        if (reason instanceof TaskKilled killed) {
            return task + " cancelled (" + killed.reason().lines().findFirst().orElse("") + ")\n";
        }
        if (!(reason instanceof ExceptionFailure failure)) {
            return task + " failed (" + reason.toString().lines().findFirst().orElse("") + ")\n";
        }
        final String name = failure.className();
        if (!EXPLAINED.contains(name)) {
            // the whole report, its causes included
            return task + " failed: " + failure.toErrorString().stripTrailing() + "\n";
        }
        return task + " failed: " + name.substring(name.lastIndexOf('.') + 1) + ": " + failure.description() + "\n";
    }

    /** Per-path outcomes as Parquet, written by the executors from the tasks' results. */
    private static void writeParquet(final SparkSession spark, final JavaRDD<PartitionResult> results,
                                     final List<String> columns, final String uri) {
        final JavaRDD<Row> rows = results.flatMap(new OutcomeRows(columns));
        spark.createDataFrame(rows, schema(columns)).write().mode(SaveMode.ErrorIfExists).parquet(uri);
    }

    /** paths.parquet's schema: cell, path, then the outcomes in paths.csv's order. */
    static StructType schema(final List<String> columns) {
        final List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("cell", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("path", DataTypes.LongType, false));
        for (final String name : columns) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(fields.toArray(StructField[]::new));
    }

    /** One row per (cell, path) of a task's piece: NaN outcomes become null, as they are empty in paths.csv. */
    static final class OutcomeRows implements org.apache.spark.api.java.function.FlatMapFunction<PartitionResult, Row> {
        private static final long serialVersionUID = 1L;
        private final List<String> columns;

        OutcomeRows(final List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        @Override
        public java.util.Iterator<Row> call(final PartitionResult task) {
            final List<Row> rows = new ArrayList<>();
            for (int c = 0; c < task.cells().length; c++) {
                final RunResult r = PartialStore.decode(task.cells()[c]);
                final List<double[]> values = new ArrayList<>();
                for (final String name : columns) {
                    values.add(r.outcomes().columns().get(name));
                }
                for (int p = 0; p < r.range().size(); p++) {
                    final Object[] row = new Object[2 + columns.size()];
                    row[0] = c;
                    row[1] = r.range().from() + p;
                    for (int k = 0; k < columns.size(); k++) {
                        final double[] v = values.get(k);
                        row[2 + k] = v == null || Double.isNaN(v[p]) ? null : v[p];
                    }
                    rows.add(RowFactory.create(row));
                }
            }
            return rows.iterator();
        }
    }

    /**
     * The scenario: a built-in name or local file as {@code dtaosim study} reads it, or the text at a URI of any
     * Hadoop file system (a relative {@code subnets.csv} is then not supported: list the pools in the file).
     */
    static ScenarioSource scenario(final String scenario, final Configuration hadoop) throws IOException {
        if (!isUri(scenario)) {
            return ScenarioSource.load(scenario); // a built-in name or a local path
        }
        final Path path = new Path(scenario);
        final String text;
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("SCENARIO: cannot read " + scenario + " (" + e + ")", e);
        }
        // a file: URI keeps its folder for a relative subnets.csv; other file systems have none
        final String baseDir = "file".equals(path.toUri().getScheme())
                ? new java.io.File(path.toUri().getPath()).getAbsoluteFile().getParent() : null;
        return new ScenarioSource(path.getName().replaceFirst("\\.ya?ml$", ""), false, text, baseDir);
    }

    /** Whether {@code text} is a URI with a scheme (hdfs://..., s3a://..., file:/...), not a path or a name. */
    static boolean isUri(final String text) {
        return URI.matcher(text).matches();
    }

    /** Copies the finished outputs to {@code target}, summary.json last (the local copy is deleted by the caller). */
    private static void copyOut(final java.nio.file.Path local, final Path target, final Configuration hadoop)
            throws IOException {
        final FileSystem fs = target.getFileSystem(hadoop);
        fs.mkdirs(target);
        for (final String name : OUTPUTS) {
            final java.nio.file.Path file = local.resolve(name);
            if (Files.exists(file)) {
                fs.copyFromLocalFile(false, true, new Path(file.toUri()), new Path(target, name));
            }
        }
    }

    private static void deleteTree(final java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (final java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
