package dtaosim.studies.cli;

import dtaosim.engine.run.NonFiniteStateException;
import dtaosim.studies.report.AtomicFiles;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code ./dtaosim <command>}: the command line of dtaosim. */
@Command(name = "dtaosim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Monte Carlo engine for Bittensor's Dynamic TAO economy.",
        subcommands = {ReferenceCommand.class, RunCommand.class, CalibrateCommand.class, ScenariosCommand.class,
            ErasCommand.class, QuoteCommand.class, StudyCommand.class, ResumeCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for bad input (a field out of range, an unknown option). */
    public static final int EXIT_BAD_INPUT = 2;
    /** A decimal number in ASCII: digits, an optional sign, point and exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** What a run that outgrew the heap prints instead of a stack trace. */
    private static final String OUT_OF_MEMORY = "error: the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB) is too small for this run: give fewer --paths or --threads, or a larger heap, e.g."
            + " DTAOSIM_JAVA_OPTS=-Xmx16g";

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
        cli.registerConverter(BigDecimal.class, Main::decimal);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            // A value that is not a number says nothing about the range; the option's description does.
            if (e.getArgSpec() instanceof OptionSpec && e.getArgSpec().description().length > 0) {
                final OptionSpec option = (OptionSpec) e.getArgSpec();
                e.getCommandLine().getErr().println("  " + option.longestName() + " "
                        + option.paramLabel() + ": " + String.join(" ", option.description()));
            }
            final String command = e.getCommandLine().getCommandName();
            e.getCommandLine().getErr().println("see: " + (command.equals("dtaosim") ? "dtaosim" : "dtaosim "
                    + command) + " --help");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof IllegalArgumentException) {
                c.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            final String brokenPool = nonFinite(e);
            if (brokenPool != null) {
                c.getErr().println("error: " + brokenPool);
                return 1;
            }
            if (e instanceof java.io.IOException io) {
                c.getErr().println("error: " + AtomicFiles.describe(io));
                return 1;
            }
            if (e instanceof java.io.UncheckedIOException io) {
                c.getErr().println("error: " + AtomicFiles.describe(io.getCause()));
                return 1;
            }
            if (outOfMemory(e)) {
                c.getErr().println(OUT_OF_MEMORY);
                return 1;
            }
            throw e;
        });
        try {
            return cli.execute(args);
        } catch (final OutOfMemoryError e) {
            cli.getErr().println(OUT_OF_MEMORY);
            return 1;
        }
    }

    /** Whether {@code e} or a cause of it (a worker thread's) is an {@link OutOfMemoryError}. */
    private static boolean outOfMemory(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message of a {@link NonFiniteStateException} behind {@code e}: itself, a cause (a
     * worker thread's), or quoted in a cause's message, as Spark reports a task's failure; else null.
     */
    static String nonFinite(final Throwable e) {
        final String name = NonFiniteStateException.class.getName() + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NonFiniteStateException) {
                return t.getMessage();
            }
            final String message = t.getMessage();
            final int at = message == null ? -1 : message.indexOf(name);
            if (at >= 0) {
                final String rest = message.substring(at + name.length());
                final int end = rest.indexOf('\n');
                return end < 0 ? rest : rest.substring(0, end);
            }
        }
        return null;
    }

    /**
     * A finite decimal number such as {@code 12.5} or {@code 1e6}; NaN, infinities, words and digits of other
     * scripts (which {@link BigDecimal} would read) are refused.
     */
    private static BigDecimal decimal(final String text) {
        final String trimmed = text.trim();
        if (DECIMAL.matcher(trimmed).matches()) {
            try {
                return new BigDecimal(trimmed);
            } catch (final NumberFormatException e) {
                // an exponent beyond an int: refused below
            }
        }
        throw new TypeConversionException("'" + text + "' is not a finite decimal number (e.g. 12.5 or 1e6)");
    }
}
