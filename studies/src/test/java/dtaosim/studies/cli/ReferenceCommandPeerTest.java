package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.report.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from the numpy peer {@code shared/peers/dtao_numpy.py} (sha256 55b44984…, numpy 2.4.6): for each
 * line of {@code src/test/resources/peer/cases.tsv}, {@code <name>.json} holds the peer's {@code --json} summary
 * for those arguments (see the README there). {@code dtaosim reference <same arguments> --json} must print one
 * JSON object with exactly the peer's keys plus the four run keys, every peer value within 1e-9 relative
 * (1e-12 absolute near zero).
 */
class ReferenceCommandPeerTest {
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_TOLERANCE = 1e-12;
    static final Set<String> RUN_KEYS = Set.of("wall_seconds", "updates_per_second", "threads", "java_version");

    static Stream<Arguments> peerCases() {
        return lines(resource("cases.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    final String[] cols = line.split("\t");
                    return Arguments.of(cols[0], List.of(cols[1].trim().split(" +")));
                });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("peerCases")
    void referenceJsonShouldMatchThePeerSummaryForTheSameArguments(final String name, final List<String> args) {
        final Map<String, Object> peer = JsonReader.readObject(resource(name + ".json"));
        final CliRun run = CliRun.reference(args, "--json");
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        final Map<String, Object> ours = JsonReader.readObject(run.out()); // stdout is exactly one object

        final Set<String> expectedKeys = new LinkedHashSet<>(peer.keySet());
        expectedKeys.addAll(RUN_KEYS);
        assertEquals(expectedKeys, ours.keySet(), "keys");

        final List<String> mismatches = new ArrayList<>();
        for (final Map.Entry<String, Object> e : peer.entrySet()) {
            compare(e.getKey(), e.getValue(), ours.get(e.getKey()), mismatches);
        }
        assertTrue(mismatches.isEmpty(), () -> name + ": values off the peer by more than the tolerance:\n"
                + String.join("\n", mismatches));

        assertInstanceOf(Double.class, ours.get("wall_seconds"), "wall_seconds is a number");
        assertInstanceOf(Double.class, ours.get("updates_per_second"), "updates_per_second is a number");
        assertEquals((double) Runtime.getRuntime().availableProcessors(), ours.get("threads"),
                "threads defaults to the available processors");
        assertEquals(System.getProperty("java.version"), ours.get("java_version"));
    }

    /** Compares a peer value (a number or a list of numbers) with ours, recording each mismatch. */
    static void compare(final String key, final Object peer, final Object ours, final List<String> mismatches) {
        if (peer instanceof Double p) {
            if (!(ours instanceof Double o)) {
                mismatches.add(key + ": peer has a number, we have " + ours);
            } else if (!close(o, p)) {
                mismatches.add(String.format("%s: ours %s, peer %s, relative difference %.3e", key, o, p,
                        Math.abs(o - p) / Math.abs(p)));
            }
        } else if (peer instanceof List<?> p) {
            if (!(ours instanceof List<?> o) || o.size() != p.size()) {
                mismatches.add(key + ": peer has " + p + ", we have " + ours);
                return;
            }
            for (int k = 0; k < p.size(); k++) {
                compare(key + "[" + k + "]", p.get(k), o.get(k), mismatches);
            }
        } else {
            mismatches.add(key + ": unexpected peer value " + peer);
        }
    }

    /** |ours − peer| ≤ 1e-9·|peer|, or ≤ 1e-12 for values near zero. */
    static boolean close(final double ours, final double peer) {
        final double diff = Math.abs(ours - peer);
        return diff <= RELATIVE_TOLERANCE * Math.abs(peer) || diff <= ABSOLUTE_TOLERANCE;
    }

    static String resource(final String name) {
        try (InputStream in = ReferenceCommandPeerTest.class.getResourceAsStream("/peer/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource peer/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(final String text) {
        return Arrays.asList(text.split("\n"));
    }
}
