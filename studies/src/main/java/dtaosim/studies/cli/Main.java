package dtaosim.studies.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./dtaosim <command>}: the command line of dtaosim. */
@Command(name = "dtaosim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Monte Carlo engine for Bittensor's Dynamic TAO economy.",
        subcommands = {ReferenceCommand.class, RunCommand.class, CalibrateCommand.class, ScenariosCommand.class,
            ErasCommand.class, QuoteCommand.class, StudyCommand.class, ResumeCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for bad input (a field out of range, an unknown option). */
    public static final int EXIT_BAD_INPUT = 2;

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on the process's stdout and stderr and returns its exit code. */
    public static int execute(final String... args) {
        return execute(null, null, args);
    }

    /**
     * Runs the command line and returns its exit code, printing results to {@code out} and messages to
     * {@code err} (each {@code null} for the process's own stream); for tests and embedding.
     */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args) {
        final CommandLine cli = new CommandLine(new Main());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? EXIT_BAD_INPUT : 1);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("see: dtaosim " + e.getCommandLine().getCommandName() + " --help");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof IllegalArgumentException) {
                c.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
