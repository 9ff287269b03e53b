package dtaosim.studies.cli;

import dtaosim.studies.study.StudyJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dtaosim merge DIR... --out DIR}: combines shard folders into the outputs of the unsharded study. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combines the folders of a study's shards into the unsharded study's outputs.",
            "The shards come from study --shard k/n; the outputs equal the unsharded",
            "study's, bit for bit."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' output folders")
    private List<Path> dirs;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder of the merged outputs")
    private Path out;

    @Override
    public Integer call() throws Exception {
        return StudyJob.merge(dirs, out, ResumeCommand::config, spec.commandLine().getOut());
    }
}
