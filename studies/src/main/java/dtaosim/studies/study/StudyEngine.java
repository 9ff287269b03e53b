package dtaosim.studies.study;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * Another way to run a study's paths than the local {@link StudyExecutor}, found at run time with
 * {@link java.util.ServiceLoader} (the Spark runner of the {@code studies/spark} module is one). An engine cuts
 * the path range its own way, but runs the ordinary engine on every piece and finishes with
 * {@link StudyJob#finishFromParts}, so every figure equals the local runner's.
 */
public interface StudyEngine {
    /** The engine's name, as {@code study --engine NAME} selects it. */
    String name();

    /**
     * Runs a study and writes its outputs.
     *
     * @param job what to run and where to write it
     * @param out where the answer is printed
     * @param err progress, or null for none
     * @return the exit code
     */
    int run(Job job, PrintWriter out, PrintStream err) throws Exception;

    /**
     * A study as plain strings, so that workers can rebuild it (see {@code StudyCommand.configOf}).
     *
     * @param configArgs     the arguments that fix the numbers ({@code NAME} and options, no scenario)
     * @param scenario       a built-in name, a file path or a URI the engine can read
     * @param out            output folder path or URI, or null for {@code out/<study>-<time>}
     * @param partitions     pieces of the path range, or 0 for the engine's default
     * @param threadsPerTask worker threads inside one piece
     */
    record Job(List<String> configArgs, String scenario, String out, int partitions, int threadsPerTask) {
        /** Copies the list. */
        public Job {
            configArgs = List.copyOf(configArgs);
        }
    }
}
