package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code dtaosim reference} (contract: {@link Main#EXIT_BAD_INPUT}, messages on stderr): exit code 2,
 * a message on stderr that names the field or option and, for a value out of range, the allowed range, and
 * nothing on stdout. Each run is otherwise tiny (1 path × 2 subnets × 1 block), so a check that failed to
 * fire would not start the default workload.
 */
class ReferenceCommandBadInputTest {
    private static final Map<String, String> SMALL = Map.of("--paths", "1", "--subnets", "2", "--blocks", "1");

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(List.of("--paths", "0"), "error: --paths: ", "[1, 2147483647]"),
                bad(List.of("--paths", "2147483648"), "error: --paths: ", "[1, 2147483647]"),
                bad(List.of("--subnets", "1"), "error: --subnets: ", "[2, 4096]"),
                bad(List.of("--blocks", "0"), "error: --blocks: ", "[1, 100000000]"),
                bad(List.of("--sigma", "-1"), "error: --sigma: ", "[0.0, 0.5]"),
                bad(List.of("--sigma", "NaN"), "error: --sigma: ", "[0.0, 0.5]"),
                bad(List.of("--tempo", "0"), "error: --tempo: ", "[1, 50400]"),
                bad(List.of("--sell-frac", "2"), "error: --sell-frac: ", "[0.0, 1.0]"),
                bad(List.of("--block-emission", "-1"), "error: --block-emission: ", "[0.0, 1000000.0]"),
                bad(List.of("--moving-alpha", "2"), "error: --moving-alpha: ", "[0.0, 1.0]"),
                bad(List.of("--tao-weight", "-0.1"), "error: --tao-weight: ", "[0.0, 1.0]"),
                bad(List.of("--root-tao", "-1"), "error: --root-tao: ", "[0, 21000000]"),
                bad(List.of("--root-tao", "Infinity"), "error: --root-tao: ", "supply cap"),
                bad(List.of("--pump-rate", "-1"), "error: --pump-rate: ", "[0, 21000000]"),
                bad(List.of("--pump-rate", "1e300"), "error: --pump-rate: ", "[0, 21000000]"),
                bad(List.of("--threads", "0"), "error: --threads: ", "[1, 4096]"),
                bad(List.of("--bogus"), "Unknown option", "'--bogus'"),
                bad(List.of("--paths", "abc"), "'--paths'", "'abc' is not a long"),
                bad(List.of("--sigma", "0.0o1"), "'--sigma'", "is not a double"),
                bad(List.of("--tempo", "99999999999"), "'--tempo'", "is not an int"),
                bad(List.of("7"), "Unmatched argument", "'7'"),
                bad(List.of("--seed"), "'--seed'", "parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputShouldExitWithTwoAndExplainOnStderrOnly(final List<String> args, final List<String> fragments) {
        final CliRun run = CliRun.reference(withSmallSizes(args), "--json");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), "exit code"),
                () -> assertEquals("", run.out(), "stdout"),
                () -> assertTrue(run.err().startsWith("error: "), () -> "stderr: " + run.err()),
                () -> assertTrue(fragments.stream().allMatch(run.err()::contains),
                        () -> "stderr should name " + fragments + ": " + run.err()));
    }

    private static Arguments bad(final List<String> args, final String... fragments) {
        return Arguments.of(args, List.of(fragments));
    }

    /** 1 path, 2 subnets, 1 block for the sizes the case does not set, then the case's arguments. */
    private static List<String> withSmallSizes(final List<String> args) {
        final List<String> all = new ArrayList<>();
        SMALL.forEach((option, value) -> {
            if (!args.contains(option)) {
                all.add(option);
                all.add(value);
            }
        });
        all.addAll(args);
        return all;
    }
}
