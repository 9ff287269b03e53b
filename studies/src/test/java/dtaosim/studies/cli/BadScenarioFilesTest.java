package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed scenario files of {@code src/test/resources/scenarios/bad/}, each with one fault (a wrong type,
 * a negative, an unknown key, a missing field, an empty file, text that is not YAML), listed with the fragments
 * their error must contain in {@code expected.tsv}. {@code dtaosim run FILE --dump-state …} must exit with 2,
 * print {@code error: <field path>: …} on stderr and nothing on stdout, and leave no file behind. Each file is
 * otherwise a 1-path, 1-block run, so a check that failed to fire would not start a long simulation.
 */
class BadScenarioFilesTest {
    static final int FILES = 55;

    static Path badDir() {
        try {
            return Path.of(BadScenarioFilesTest.class.getResource("/scenarios/bad/expected.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String[]> expectations() {
        try {
            return Files.readAllLines(badDir().resolve("expected.tsv")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> badFiles() {
        return expectations().stream()
                .map(cols -> Arguments.of(cols[0], List.of(Arrays.copyOfRange(cols, 1, cols.length))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileShouldExitWithTwoNameTheFieldOnStderrAndWriteNothing(final String file, final List<String> fragments,
                                                                   @TempDir final Path out) throws IOException {
        final Path dump = out.resolve("state.json");
        final CliRun run = CliRun.of("run", badDir().resolve(file).toString(), "--dump-state", dump.toString());
        final List<Path> left;
        try (Stream<Path> files = Files.list(out)) {
            left = files.collect(Collectors.toList());
        }
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), () -> "exit code; stderr: " + run.err()),
                () -> assertEquals("", run.out(), "stdout"),
                () -> assertTrue(run.err().startsWith("error: "), () -> "stderr: " + run.err()),
                () -> assertEquals(1, run.err().strip().lines().count(), () -> "one line on stderr: " + run.err()),
                () -> assertTrue(fragments.stream().allMatch(run.err()::contains),
                        () -> "stderr should contain " + fragments + ": " + run.err()),
                () -> assertEquals(List.of(), left, "files left in the output directory"));
    }

    @Test
    void everyBadFileShouldBeListedOnceAndThereShouldBeFiftyOne() throws IOException {
        final List<String> listed = new ArrayList<>();
        expectations().forEach(cols -> listed.add(cols[0]));
        final Set<String> onDisk;
        try (Stream<Path> files = Files.list(badDir())) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .collect(Collectors.toSet());
        }
        assertEquals(listed.size(), new HashSet<>(listed).size(), "a file listed twice");
        assertEquals(onDisk, new HashSet<>(listed), "files on disk vs expected.tsv");
        assertEquals(FILES, listed.size());
    }

    @Test
    void eachBadFileShouldFaultADifferentField() {
        // the field path is what the message starts with (up to the first ": "), or the file itself
        final List<String> fields = new ArrayList<>();
        for (final String[] cols : expectations()) {
            final String first = cols[1];
            final int colon = first.indexOf(": ");
            fields.add(colon < 0 || first.contains("YAML") ? "(file) " + cols[0] : first.substring(0, colon));
        }
        assertEquals(fields.size(), new HashSet<>(fields).size(), () -> "fields faulted twice: " + fields);
    }
}
