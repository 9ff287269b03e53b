package dtaosim.studies.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunResult;
import dtaosim.studies.report.AtomicFiles;
import dtaosim.studies.report.Json;
import dtaosim.studies.report.ShutdownNotice;
import dtaosim.studies.scenario.ScenarioSource;
import dtaosim.studies.scenario.ScenarioWarnings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study from start to folder: checks everything, writes the manifest (what the study is, so it can be resumed
 * or merged), runs the missing chunks, then analyses and writes the outputs; or, for a shard, leaves its
 * mergeable partial result. Also the resume and merge of such folders.
 */
public final class StudyJob {
    /** The manifest of an output folder. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How a study runs; none of it changes a figure.
     *
     * @param threads         worker threads
     * @param out             output folder, or null for {@code out/<study>-<time>}
     * @param shard           {k, n} to run only shard k of n, or null
     * @param checkpointEvery paths per stored chunk, 0 for one per cell, or {@link #DEFAULT_CHECKPOINT} for
     *                        {@link StudyExecutor#defaultCheckpointEvery}
     */
    public record Execution(int threads, Path out, int[] shard, int checkpointEvery) {
        /** The checkpoint value that asks for the default chunk size, set when the study starts. */
        public static final int DEFAULT_CHECKPOINT = -1;
    }

    private StudyJob() {
    }

    /**
     * Starts a study in a new (or empty) folder. What the scenario asks for that will not happen is said on
     * stderr first, also without progress ({@code err} null).
     */
    public static int start(final StudyConfig config, final Execution execution, final List<String> configArgs,
                            final PrintWriter out, final PrintStream err) throws IOException {
        final StudyPlan plan = StudyPlan.of(config);
        ScenarioWarnings.ofCells(plan.base(), plan.cells().stream().map(Cell::scenario).toList())
                .forEach(err != null ? err::println : System.err::println);
        if (execution.shard() != null && execution.shard()[1] > plan.paths()) {
            // an empty shard would write a folder that merge refuses
            throw new IllegalArgumentException("--shard: " + execution.shard()[0] + "/" + execution.shard()[1]
                    + " cuts " + plan.paths() + " paths into more shards than paths; give at most " + plan.paths()
                    + " shards");
        }
        final Path dir = newFolder(config, execution.out());
        final Execution chunked = execution.checkpointEvery() != Execution.DEFAULT_CHECKPOINT ? execution
                : new Execution(execution.threads(), execution.out(), execution.shard(),
                        StudyExecutor.defaultCheckpointEvery(execution.threads(), plan.paths()));
        writeManifest(dir, plan, configArgs, chunked);
        return execute(plan, dir, chunked, false, out, err);
    }

    /**
     * The output folder of a new study, created: {@code out} or {@code out/<study>-<UTC time>}; refused if it
     * already holds a study, is a file or is not empty.
     */
    public static Path newFolder(final StudyConfig config, final Path out) throws IOException {
        final Path dir = out != null ? out
                : Path.of("out", config.study() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC).format(Instant.now()));
        if (Files.exists(dir.resolve(MANIFEST))) {
            throw new IllegalArgumentException("--out: " + dir + " already holds a study; continue it with dtaosim "
                    + "resume " + dir + ", or choose another folder");
        }
        requireNewOrEmpty(dir);
        createWritable(dir);
        return dir;
    }

    /** Creates the folder {@code --out} names, refusing one the JVM may not write (or /proc) before any work. */
    private static void createWritable(final Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".dtaosim-write-check", ".tmp"));
        } catch (final IOException e) {
            throw new IllegalArgumentException("--out: cannot create files in " + dir + " ("
                    + AtomicFiles.describe(e) + ")", e);
        }
    }

    /** Refuses an {@code --out} that is a file or a folder with something in it. */
    private static void requireNewOrEmpty(final Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("--out: " + dir + " is a file, not a folder");
        }
        if (Files.isDirectory(dir)) {
            try (var list = Files.list(dir)) {
                if (list.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out: " + dir + " is not empty; give a new or empty folder");
                }
            }
        }
    }

    /**
     * Writes {@code dir/manifest.json}: what the study is (its arguments, scenario text and a fingerprint of its
     * starting pools) and how it is cut.
     */
    public static void writeManifest(final Path dir, final StudyPlan plan, final List<String> configArgs,
                                     final Execution execution) throws IOException {
        final StudyConfig config = plan.config();
        final Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("dtaosim", Stamp.version());
        manifest.put("study", config.study());
        manifest.put("args", configArgs);
        final Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", config.source().name());
        scenario.put("builtIn", config.source().builtIn());
        scenario.put("baseDir", config.source().baseDir());
        scenario.put("text", config.source().text());
        manifest.put("scenario", scenario);
        manifest.put("pools", plan.poolsFingerprint());
        manifest.put("shard", execution.shard() == null ? null
                : execution.shard()[0] + "/" + execution.shard()[1]);
        manifest.put("checkpointEvery", execution.checkpointEvery());
        AtomicFiles.writeString(dir.resolve(MANIFEST), Json.write(manifest) + "\n");
    }

    /**
     * Continues a study in {@code dir} from its stored chunks; {@code configFor} rebuilds the configuration from
     * the manifest's arguments and scenario.
     */
    public static int resume(final Path dir, final Integer threads,
                             final Function<Manifest, StudyConfig> configFor, final PrintWriter out,
                             final PrintStream err) throws IOException {
        final Manifest manifest = Manifest.read(dir);
        if (Files.exists(dir.resolve(OutputWriter.SUMMARY))) {
            throw new IllegalArgumentException("OUT_DIR: " + dir + " is complete (it has " + OutputWriter.SUMMARY
                    + "); nothing to resume");
        }
        final StudyPlan plan = StudyPlan.of(configFor.apply(manifest));
        manifest.requireSamePools(plan, "OUT_DIR: " + dir);
        final Execution execution = new Execution(threads == null ? Runtime.getRuntime().availableProcessors()
                : threads, dir, manifest.shard(), manifest.checkpointEvery());
        return execute(plan, dir, execution, true, out, err);
    }

    private static int execute(final StudyPlan plan, final Path dir, final Execution execution, final boolean resumed,
                               final PrintWriter out, final PrintStream err) throws IOException {
        final long start = System.nanoTime();
        final String startedAt = Instant.now().toString();
        final PathRange range = execution.shard() == null ? new PathRange(0, plan.paths())
                : PathRange.shard(plan.paths(), execution.shard()[0], execution.shard()[1]);
        final PartialStore store = new PartialStore(dir);
        final StudyExecutor executor = new StudyExecutor(plan, store, execution.threads(),
                execution.checkpointEvery());
        final long pending = executor.pending(range);
        if (err != null) {
            err.printf("dtaosim study %s: %d cell(s) x %,d paths x %,d blocks -> %s%s%n", plan.config().study(),
                    plan.cells().size(), range.size(), plan.blocks(), dir,
                    resumed ? String.format(" (resuming: %,d paths to go)", pending) : "");
        }
        // a kill loses at most the chunks in flight: say what is kept and how to go on
        final PrintStream notice = err != null ? err : System.err;
        final ShutdownNotice interrupted = ShutdownNotice.install(() -> notice.printf(
                "%ndtaosim study %s: interrupted; %,d of %,d paths stored in %s: dtaosim resume %s continues%n",
                plan.config().study(), plan.cells().size() * range.size() - executor.pending(range),
                plan.cells().size() * range.size(), dir, dir));
        final long simulated;
        try {
            simulated = executor.run(range, new Progress(err, pending, plan.blocks()));
        } finally {
            interrupted.remove();
        }
        final Map<String, Object> stamp = Stamp.of(startedAt, start, execution.threads(), simulated, resumed);
        if (execution.shard() != null) {
            AtomicFiles.writeString(dir.resolve("shard.json"), Json.write(stamp) + "\n");
            out.printf("shard %d/%d (paths %d to %d) written to %s; combine the shards with: dtaosim merge DIR... "
                    + "--out DIR%n", execution.shard()[0], execution.shard()[1], range.from(), range.to() - 1, dir);
            out.flush();
            return 0;
        }
        finish(plan, executor.results(range), dir, dir.toString(), stamp, out);
        store.clear();
        return 0;
    }

    /** Merges shard folders into the outputs an unsharded run gives. */
    public static int merge(final List<Path> dirs, final Path target, final Function<Manifest, StudyConfig> configFor,
                            final PrintWriter out) throws IOException {
        final long start = System.nanoTime();
        final String startedAt = Instant.now().toString();
        final Manifest first = Manifest.read(dirs.get(0));
        for (final Path d : dirs) {
            final Manifest m = Manifest.read(d);
            if (!m.args().equals(first.args()) || !m.scenarioText().equals(first.scenarioText())) {
                throw new IllegalArgumentException("DIR: " + d + " holds another study than " + dirs.get(0) + " ("
                        + m.args() + " vs " + first.args() + "); only shards of one study merge");
            }
        }
        final StudyPlan plan = StudyPlan.of(configFor.apply(first));
        for (final Path d : dirs) {
            Manifest.read(d).requireSamePools(plan, "DIR: " + d);
        }
        // a new or empty folder, as for a study (a shard's own folder is not empty)
        requireNewOrEmpty(target);
        final boolean made = !Files.exists(target);
        final List<List<RunResult>> parts = new ArrayList<>();
        for (final Cell cell : plan.cells()) {
            final List<RunResult> cellParts = new ArrayList<>();
            for (final Path d : dirs) {
                cellParts.addAll(new PartialStore(d).load(cell.index()));
            }
            parts.add(cellParts);
        }
        final Map<String, Object> stamp = stamp(startedAt, start, 0, 0);
        stamp.put("mergedFrom", dirs.stream().map(Path::toString).toList());
        createWritable(target);
        try {
            finishFromParts(plan, parts, target, stamp, out);
        } catch (final RuntimeException | IOException e) {
            // shards that do not tile the paths: leave no folder behind that this merge made
            if (made) {
                try (var list = Files.list(target)) {
                    if (list.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
            throw e;
        }
        // the unsharded study's manifest, so that the merged folder is one study's outputs like any other
        writeManifest(target, plan, first.args(), new Execution(0, target, null, first.checkpointEvery()));
        return 0;
    }

    /**
     * Merges every cell's partial results in path order, checks that they tile {@code [0, P)} exactly, then
     * analyses and writes the study's outputs into {@code dir}: what {@code merge} does with shard folders and a
     * distributed runner with its partitions' results.
     *
     * @param parts one list per cell (in cell order) of partial results, in any order
     * @param stamp from {@link #stamp}; completed with the wall time
     */
    public static void finishFromParts(final StudyPlan plan, final List<List<RunResult>> parts, final Path dir,
                                       final Map<String, Object> stamp, final PrintWriter out) throws IOException {
        finishFromParts(plan, parts, dir, dir.toString(), stamp, out);
    }

    /**
     * {@link #finishFromParts(StudyPlan, List, Path, Map, PrintWriter)} for outputs that are copied elsewhere
     * afterwards: the printed report location is {@code shownAs} (a URI, say) instead of {@code dir}.
     */
    public static void finishFromParts(final StudyPlan plan, final List<List<RunResult>> parts, final Path dir,
                                       final String shownAs, final Map<String, Object> stamp, final PrintWriter out)
            throws IOException {
        if (parts.size() != plan.cells().size()) {
            throw new IllegalArgumentException("partial results of " + parts.size() + " cells where the study has "
                    + plan.cells().size());
        }
        final List<RunResult> results = new ArrayList<>();
        for (final Cell cell : plan.cells()) {
            final List<RunResult> cellParts = new ArrayList<>(parts.get(cell.index()));
            if (cellParts.isEmpty()) {
                throw new IllegalArgumentException("DIR: no stored paths of cell " + cell.index());
            }
            cellParts.sort((a, b) -> Long.compare(a.range().from(), b.range().from()));
            final RunResult merged;
            try {
                merged = RunResult.merge(cellParts);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DIR: the shards overlap or leave a gap (" + e.getMessage() + ")",
                        e);
            }
            if (!merged.range().equals(new PathRange(0, plan.paths()))) {
                throw new IllegalArgumentException("DIR: the shards cover paths " + merged.range() + ", not all of [0, "
                        + plan.paths() + "); give every shard's folder");
            }
            results.add(merged);
        }
        finish(plan, results, dir, shownAs, stamp, out);
    }

    /**
     * A run's stamp: what may differ between runs with equal figures (version, commit, Java, host, start time,
     * threads, paths executed); {@link #finishFromParts} adds the wall time since {@code startNanos}.
     */
    public static Map<String, Object> stamp(final String startedAt, final long startNanos, final int threads,
                                            final long executedPaths) {
        return Stamp.of(startedAt, startNanos, threads, executedPaths, false);
    }

    private static void finish(final StudyPlan plan, final List<RunResult> results, final Path dir,
                               final String shownAs, final Map<String, Object> stamp, final PrintWriter out) throws IOException {
        final StudyOutput output = Studies.byName(plan.config().study()).analyse(plan, results);
        stamp.put("wallSeconds", (System.nanoTime() - (long) stamp.remove("startNanos")) / 1e9);
        OutputWriter.write(dir, plan, results, output, stamp);
        out.println(output.answer());
        out.println("report: " + (shownAs.equals(dir.toString()) ? dir.resolve("report.html").toString()
                : shownAs.replaceFirst("/+$", "") + "/report.html"));
        out.flush();
    }

    /**
     * What an output folder's manifest says.
     *
     * @param study           study name
     * @param args            the arguments that fix the numbers
     * @param source          the scenario
     * @param shard           {k, n} or null
     * @param checkpointEvery paths per stored chunk
     */
    public record Manifest(String study, List<String> args, ScenarioSource source, int[] shard, int checkpointEvery,
                           String pools) {
        /** A shard as the manifest stores it, k/n. */
        private static final Pattern SHARD = Pattern.compile("([0-9]{1,9})/([0-9]{1,9})");

        /** The scenario text. */
        public String scenarioText() {
            return source.text();
        }

        /**
         * Refuses a plan whose starting pools are not those the study started with: its scenario text is kept,
         * a pools CSV file it names is read again and may have changed. (A manifest from before the
         * fingerprint has none to compare.)
         */
        public void requireSamePools(final StudyPlan plan, final String what) {
            if (pools != null && !pools.equals(plan.poolsFingerprint())) {
                throw new IllegalArgumentException(what + ": the scenario's starting pools are not those this study"
                        + " started with (has its subnets csv file changed?); its paths cannot be combined with new"
                        + " ones: start a new study");
            }
        }

        /** Reads {@code dir/manifest.json}. */
        public static Manifest read(final Path dir) throws IOException {
            final Path file = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("DIR: " + dir + " has no " + MANIFEST
                        + "; it is not a study's output folder");
            }
            final JsonNode m;
            try {
                m = JSON.readTree(file.toFile());
            } catch (final JsonProcessingException e) {
                throw damaged(file, "not JSON: " + e.getOriginalMessage());
            }
            final List<String> args = new ArrayList<>();
            required(m, "args", file).forEach(a -> args.add(a.asText()));
            final JsonNode s = required(m, "scenario", file);
            final JsonNode baseDir = required(s, "baseDir", file);
            final ScenarioSource source = new ScenarioSource(required(s, "name", file).asText(),
                    required(s, "builtIn", file).asBoolean(), required(s, "text", file).asText(),
                    baseDir.isNull() ? null : baseDir.asText());
            int[] shard = null;
            final JsonNode kn = required(m, "shard", file);
            if (!kn.isNull()) {
                final Matcher k = SHARD.matcher(kn.asText());
                if (!k.matches()) {
                    throw damaged(file, "shard " + kn + " is not k/n");
                }
                shard = new int[] {Integer.parseInt(k.group(1)), Integer.parseInt(k.group(2))};
            }
            final JsonNode pools = m.get("pools");
            return new Manifest(required(m, "study", file).asText(), args, source, shard,
                    required(m, "checkpointEvery", file).asInt(), pools == null || pools.isNull() ? null
                    : pools.asText());
        }

        /** A field every manifest has, else the folder is refused as damaged. */
        private static JsonNode required(final JsonNode node, final String field, final Path file) {
            final JsonNode value = node == null ? null : node.get(field);
            if (value == null) {
                throw damaged(file, "no field " + field);
            }
            return value;
        }

        private static IllegalArgumentException damaged(final Path file, final String why) {
            return new IllegalArgumentException("DIR: " + file + " is damaged (" + why + "); it is not a study's"
                    + " manifest any more: start the study again");
        }
    }

    /** The run's stamps: what may differ between runs with equal figures. */
    static final class Stamp {
        private Stamp() {
        }

        static String version() {
            final String v = StudyJob.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        static Map<String, Object> of(final String startedAt, final long startNanos, final int threads,
                                      final long executedPaths, final boolean resumed) {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("dtaosimVersion", version());
            s.put("gitCommit", gitCommit());
            s.put("javaVersion", System.getProperty("java.version"));
            s.put("host", host());
            s.put("startedAt", startedAt);
            s.put("threads", threads);
            s.put("executedPaths", executedPaths);
            s.put("resumed", resumed);
            s.put("startNanos", startNanos);
            return s;
        }

        private static String host() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** The repository's commit (with "-dirty" if tracked files changed), or "unknown" outside a checkout. */
        static String gitCommit() {
            final String home = System.getProperty("dtaosim.home", System.getProperty("user.dir"));
            try {
                final String head = git(home, "rev-parse", "HEAD");
                if (head.isEmpty()) {
                    return "unknown";
                }
                final String dirty = git(home, "status", "--porcelain", "--untracked-files=no");
                return dirty.isEmpty() ? head : head + "-dirty";
            } catch (IOException e) {
                return "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        private static String git(final String dir, final String... args) throws IOException, InterruptedException {
            final List<String> command = new ArrayList<>(List.of("git", "-C", dir));
            command.addAll(List.of(args));
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String text = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? text : "";
        }
    }
}
