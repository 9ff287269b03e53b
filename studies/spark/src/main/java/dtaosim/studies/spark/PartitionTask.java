package dtaosim.studies.spark;

import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunResult;
import dtaosim.studies.cli.StudyCommand;
import dtaosim.studies.scenario.ScenarioSource;
import dtaosim.studies.study.PartialStore;
import dtaosim.studies.study.StudyExecutor;
import dtaosim.studies.study.StudyPlan;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The work of one Spark task: rebuilds the study from its arguments and scenario text (plain strings, so nothing
 * but them crosses the wire), runs the ordinary engine over the task's contiguous path range for every cell
 * ({@link StudyExecutor#simulate}) and returns the encoded outcomes ({@link PartialStore#encode}). The range
 * is a pure function of the piece number, and every random draw a function of the seed and the global path
 * index, so a retried task gives the same bits.
 */
final class PartitionTask implements Function<Integer, PartitionResult> {
    private static final long serialVersionUID = 1L;

    private final List<String> configArgs;
    private final String scenarioName;
    private final boolean scenarioBuiltIn;
    private final String scenarioText;
    private final String scenarioBaseDir;
    private final long paths;
    private final int pieces;
    private final int threads;
    private final Faults faults;

    /**
     * A test-only fault: the task of piece {@code failPiece} throws on its first attempt; every attempt of every
     * task leaves an empty file {@code attempt-<piece>-<attempt>} in {@code markerDir} when it is not null.
     *
     * @param failPiece piece to fail once, or −1
     * @param markerDir folder (on a file system the executors share) for attempt markers, or null
     */
    record Faults(int failPiece, String markerDir) implements Serializable {
        private static final long serialVersionUID = 1L;

        static final Faults NONE = new Faults(-1, null);
    }

    PartitionTask(final List<String> configArgs, final ScenarioSource source, final long paths, final int pieces,
                  final int threads, final Faults faults) {
        this.configArgs = List.copyOf(configArgs);
        this.scenarioName = source.name();
        this.scenarioBuiltIn = source.builtIn();
        this.scenarioText = source.text();
        this.scenarioBaseDir = source.baseDir();
        this.paths = paths;
        this.pieces = pieces;
        this.threads = threads;
        this.faults = faults;
    }

    /** The path range of piece {@code k} of {@code pieces}: contiguous, in order, tiling {@code [0, paths)}. */
    static PathRange range(final long paths, final int k, final int pieces) {
        return PathRange.shard(paths, k, pieces);
    }

    @Override
    public PartitionResult call(final Integer piece) {
        final TaskContext task = TaskContext.get();
        final int attempt = task == null ? -1 : task.attemptNumber();
        if (faults.markerDir() != null) {
            try {
                Files.createDirectories(Path.of(faults.markerDir()));
                Files.write(Path.of(faults.markerDir(), "attempt-" + piece + "-" + attempt), new byte[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (piece == faults.failPiece() && attempt == 0) {
            throw new IllegalStateException("test fault: piece " + piece + " fails on its first attempt");
        }
        final ScenarioSource source = new ScenarioSource(scenarioName, scenarioBuiltIn, scenarioText,
                scenarioBaseDir);
        final StudyPlan plan = StudyPlan.of(StudyCommand.configOf(configArgs, source));
        if (plan.paths() != paths) {
            throw new IllegalStateException("the executor's study has " + plan.paths() + " paths, the driver's "
                    + paths);
        }
        final PathRange range = range(paths, piece, pieces);
        final List<RunResult> results = new StudyExecutor(plan, null, threads, 0).simulate(range);
        final byte[][] cells = new byte[results.size()][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = PartialStore.encode(results.get(c));
        }
        return new PartitionResult(piece, range.from(), range.to(), task == null ? -1 : task.partitionId(),
                attempt, task == null ? -1L : task.taskAttemptId(), Thread.currentThread().getName(), cells);
    }
}
