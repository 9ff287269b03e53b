package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtaosim.studies.report.JsonReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Determinism across thread counts (style.md, invariants): random streams belong to paths and outcomes merge in
 * path order, so {@code --threads 1} and {@code --threads 2} print the same value, to the bit, on every model key.
 */
class ReferenceCommandThreadsTest {
    /** 200 paths are four batches of 64 (RunOptions.DEFAULT_BATCH_PATHS), so two threads really share the work. */
    private static final List<String> ARGS = List.of("--paths", "200", "--subnets", "8", "--blocks", "500",
            "--tempo", "10", "--sigma", "0.01");

    @Test
    void oneAndTwoThreadsShouldPrintIdenticalModelValues() {
        final Map<String, Object> one = modelKeys(run("1"));
        final Map<String, Object> two = modelKeys(run("2"));
        assertEquals(10, one.size(), "the peer's ten summary keys");
        assertEquals(one, two);
    }

    private static Map<String, Object> run(final String threads) {
        final CliRun run = CliRun.reference(ARGS, "--threads", threads, "--json");
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        final Map<String, Object> json = JsonReader.readObject(run.out());
        assertEquals(Double.valueOf(threads), json.get("threads"), "threads key");
        return json;
    }

    private static Map<String, Object> modelKeys(final Map<String, Object> json) {
        final Map<String, Object> model = new LinkedHashMap<>(json);
        model.keySet().removeAll(ReferenceCommandPeerTest.RUN_KEYS);
        return model;
    }
}
