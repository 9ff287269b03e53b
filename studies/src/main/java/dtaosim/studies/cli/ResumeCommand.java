package dtaosim.studies.cli;

import dtaosim.engine.model.Checks;
import dtaosim.studies.study.StudyConfig;
import dtaosim.studies.study.StudyJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dtaosim resume OUT_DIR}: continues a study that was stopped, from its last stored chunk; paths already
 * stored are not simulated again, and the outputs are those of an uninterrupted run.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues a stopped study in OUT_DIR from its stored progress.",
            "Finished paths are not run again (see study --checkpoint-every)."})
final class ResumeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "the study's output folder")
    private Path dir;
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    private Integer threads;
    @Option(names = "--quiet", description = "no progress on stderr")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            Checks.inRange("--threads", threads, 1L, 4096L);
        }
        return StudyJob.resume(dir, threads, ResumeCommand::config, spec.commandLine().getOut(),
                quiet ? null : System.err);
    }

    /** The configuration a manifest describes, checked as the study command checks it. */
    static StudyConfig config(final StudyJob.Manifest manifest) {
        return StudyCommand.configOf(manifest.args(), manifest.source());
    }
}
