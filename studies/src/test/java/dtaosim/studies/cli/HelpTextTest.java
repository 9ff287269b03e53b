package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import picocli.CommandLine;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every subcommand's help renders: picocli formats descriptions as format strings, and a bare {@code %} makes it
 * warn on the process's stderr and fall back to the raw text; no description line is longer than the help's
 * width, which picocli would break wherever the width falls, leaving a word or two on a line of their own; and
 * the first line, which the top-level command list shows alone, is a whole sentence.
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"reference", "run", "scenarios", "eras", "quote", "calibrate", "study", "resume", "merge"})
    void helpShouldRenderWithoutRawFormatSpecifiers(final String command) {
        final PrintStream stderr = System.err;
        final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        final CliRun run;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            run = CliRun.of(command, "--help");
        } finally {
            System.setErr(stderr);
        }
        assertAll(
                () -> assertEquals("", warnings.toString(StandardCharsets.UTF_8)),
                () -> assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err()),
                () -> assertTrue(run.out().startsWith("Usage: dtaosim " + command), run.out()),
                () -> assertFalse(run.out().contains("%n"), run.out()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "run", "scenarios", "eras", "quote", "calibrate", "study", "resume", "merge"})
    void descriptionLinesShouldFitTheHelpWidth(final String command) {
        final CommandLine cli = new CommandLine(Main.class).getSubcommands().get(command);
        final int width = cli.getUsageHelpWidth();
        final String[] description = cli.getCommandSpec().usageMessage().description();
        // the top-level command list shows the first line alone
        assertTrue(description[0].endsWith("."), () -> command + "'s first line is not a sentence: " + description[0]);
        for (final String line : description) {
            final String shown = String.format(line);
            assertTrue(shown.length() < width, () -> command + ": " + shown.length() + " characters, over "
                    + (width - 1) + ": " + shown);
        }
    }
}
