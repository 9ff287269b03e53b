package dtaosim.studies.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of the command line through {@link Main#execute(PrintWriter, PrintWriter, String...)},
 * with what it printed.
 *
 * @param exitCode the exit code
 * @param out      everything printed on stdout
 * @param err      everything printed on stderr
 */
record CliRun(int exitCode, String out, String err) {
    /** Runs {@code dtaosim <args>}. */
    static CliRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(o, e, args);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code dtaosim reference <args> [extra…]}. */
    static CliRun reference(final List<String> args, final String... extra) {
        final List<String> all = new ArrayList<>();
        all.add("reference");
        all.addAll(args);
        all.addAll(Arrays.asList(extra));
        return of(all.toArray(String[]::new));
    }
}
