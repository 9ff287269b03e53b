package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.report.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtaosim run} with a {@code yuma:} section: the summary rows and the dump of undefined ratios. */
class YumaRunTest {
    private static final String SCENARIO = """
            description: Yuma on one subnet, honest validators only.
            era: price-burn-2026-06
            blocks: 800
            paths: 2
            seed: 5
            subnets:
              profile: log-spaced
              count: 3
              maxTao: 10000
              minTao: 1000
              priceSum: 1.0
            yuma:
              subnets: [1]
              validators: 8
              miners: 16
              ownerMiners: 1
              ownerWeight: 0.5
            """;

    @Test
    void yumaRunShouldPrintItsRowsAndDumpUndefinedRatiosAsNull(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("yuma.yaml");
        Files.writeString(file, SCENARIO);
        final Path dump = dir.resolve("dump.json");
        final CliRun run = CliRun.of("run", file.toString(), "--dump-state", dump.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (final String row : List.of("Yuma validator earnings (TAO)", "Yuma miner earnings (TAO)",
                "copier return / honest", "copier return / honest, commit-reveal", "share of incentive clipped",
                "MinerBurned")) {
            assertTrue(run.out().contains(row), row + " in\n" + run.out());
        }
        // no copiers: their relative return is undefined on every path
        assertTrue(run.out().lines().anyMatch(l -> l.contains("copier return / honest ") && l.contains("n/a")),
                run.out());
        assertFalse(run.out().contains("NaN"), run.out());
        final Map<String, Object> json = JsonReader.readObject(Files.readString(dump));
        @SuppressWarnings("unchecked")
        final Map<String, Object> outcomes = (Map<String, Object>) ((Map<String, Object>)
                ((List<Object>) json.get("perPath")).get(0)).get("outcomes");
        assertTrue(outcomes.containsKey("yuma.copierRelativeReturn"), outcomes.keySet().toString());
        assertEquals(null, outcomes.get("yuma.copierRelativeReturn"));
        final double burned = ((Number) outcomes.get("yuma.minerBurned")).doubleValue();
        assertTrue(burned > 0.4 && burned < 0.6, "MinerBurned " + burned);
    }
}
