package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dtaosim.engine.run.DailyPrices;
import dtaosim.engine.run.PricePanel;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.Overrides;
import dtaosim.studies.scenario.ScenarioParser;
import dtaosim.studies.stats.CalibrationFacts;
import dtaosim.studies.stats.OhlcCsv;
import dtaosim.studies.stats.StylisedFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dtaosim calibrate}: one row per stylised fact with the simulated value (median over paths), the observed
 * value, their ratio and whether it is within 20 %; the observed column equals the statistics computed here
 * directly from the price file and the simulated column those of the run's daily prices, with the definitions
 * written out again (days counted from 2025-02-20 by hand); facts a short run does not reach are n/a; bad input
 * exits with 2 naming the option. The tests need {@code ../shared/data} next to the repository and are skipped
 * without it.
 */
class CalibrateCommandTest {
    /** Three subnets, two paths, 252 days: 1.8 M blocks of 6 cells, about a second. */
    /**
     * Noise that sells a little more often than it buys: holders can sell only what they hold, so even odds drift
     * the thin pools' prices above 1 over the 252 days, and subnets priced above 1 have no pump or drawdown facts.
     */
    private static final String TINY = """
            description: Three subnets and two paths over the observed period (a test of the table, not a calibration).
            era: launch-2025-02
            days: %d
            paths: 2
            seed: 11
            subnets:
              taoReserve: [3000, 2000, 1000]
              alphaIn: [30000, 40000, 50000]
            rootStake: 1.0e5
            behaviours:
              - {type: emission-sellers, sellFraction: 0.5}
              - {type: poisson-noise-traders, tradesPerBlock: 0.05, logSizeMean: -6, logSizeSigma: 1.0, buyProbability: 0.4}
            """;
    private static final String HEADER = "fact";
    private static Path data;

    @TempDir
    static Path dir;

    @BeforeAll
    static void needTheObservedData() {
        // the repository root is the module directory's parent (surefire runs in studies/)
        data = Path.of("").toAbsolutePath().getParent().resolve("../shared/data").normalize();
        assumeTrue(Files.isRegularFile(data.resolve(OhlcCsv.FILE_NAME)), "no observed data at " + data + "; skipping");
    }

    private static Path tiny(final int days) throws IOException {
        final Path file = dir.resolve("tiny-" + days + ".yaml");
        Files.writeString(file, String.format(Locale.ROOT, TINY, days));
        return file;
    }

    /** The table's rows, each split into its columns (two or more spaces apart). */
    private static List<String[]> rows(final String out) {
        final List<String> lines = out.lines().toList();
        int at = 0;
        while (!lines.get(at).strip().startsWith(HEADER + " ")) {
            at++;
        }
        assertEquals(List.of("fact", "simulated", "observed", "ratio", "within 20 %"),
                Arrays.asList(lines.get(at).strip().split("\\s{2,}")), "header");
        final List<String[]> rows = new ArrayList<>();
        for (int k = 1; k <= CalibrationFacts.ALL.size(); k++) {
            rows.add(lines.get(at + k).strip().split("\\s{2,}"));
        }
        return rows;
    }

    /**
     * The facts of shared/data/README.md on a panel, written out from the README and calibration.md: volatility of
     * the subnets with a price on 2025-02-25 (day 5) over days 15–69, 70–161, 162–251; pumps and drawdowns of the
     * subnets whose high stays below 1; Σ closes below 1 on days 0, 70, 193, 251.
     */
    private static double[] direct(final PricePanel panel) {
        final boolean[] launch = StylisedFacts.withPriceOn(panel, 5);
        final boolean[] clean = StylisedFacts.alwaysBelow(panel, 1.0);
        final double[] pumps = StylisedFacts.largestPump(panel, clean, 3);
        final double[] drawdowns = StylisedFacts.worstDrawdown(panel, clean, 30);
        return new double[] {
            StylisedFacts.quantile(StylisedFacts.logReturnVolatility(panel, launch, 15, 69), 0.5),
            StylisedFacts.quantile(StylisedFacts.logReturnVolatility(panel, launch, 70, 161), 0.5),
            StylisedFacts.quantile(StylisedFacts.logReturnVolatility(panel, launch, 162, 251), 0.5),
            StylisedFacts.quantile(pumps, 0.5),
            StylisedFacts.quantile(pumps, 0.9),
            StylisedFacts.fractionAtLeast(pumps, 5.0),
            StylisedFacts.quantile(drawdowns, 0.5),
            StylisedFacts.quantile(drawdowns, 0.75),
            StylisedFacts.spotPriceSum(panel, 0, 1.0),
            StylisedFacts.spotPriceSum(panel, 70, 1.0),
            StylisedFacts.spotPriceSum(panel, 193, 1.0),
            StylisedFacts.spotPriceSum(panel, 251, 1.0),
        };
    }

    @Test
    void tableShouldCompareEachFactsSimulatedMedianWithTheSameStatisticOfTheObservedFile() throws IOException {
        final Path file = tiny(252);
        final CliRun run = CliRun.of("calibrate", file.toString(), "--data", data.toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        final List<String[]> rows = rows(run.out());

        final double[] observed = direct(OhlcCsv.read(data.resolve(OhlcCsv.FILE_NAME)));
        // the run again, its daily prices without the dates the file lacks (2025-02-27 … 03-06, days 7–14)
        final Scenario scenario = ScenarioParser.read(file).resolve(Overrides.NONE);
        final DailyPrices probe = DailyPrices.covering(scenario);
        final RunResult result = Runner.run(scenario.withProbe(probe), RunOptions.defaults().withThreads(1));
        final double[][] perPath = new double[observed.length][2];
        for (int p = 0; p < 2; p++) {
            final PricePanel panel = probe.panel(result, p);
            for (int i = 0; i < panel.subnets(); i++) {
                for (int d = 7; d <= 14; d++) {
                    final int k = panel.index(i, d);
                    panel.open()[k] = panel.high()[k] = panel.low()[k] = panel.close()[k] = Double.NaN;
                }
            }
            final double[] facts = direct(panel);
            for (int f = 0; f < facts.length; f++) {
                perPath[f][p] = facts[f];
            }
        }

        int within = 0;
        for (int f = 0; f < observed.length; f++) {
            final CalibrationFacts.Fact fact = CalibrationFacts.ALL.get(f);
            final String[] row = rows.get(f);
            final double simulated = StylisedFacts.quantile(perPath[f], 0.5);
            final double ratio = simulated / observed[f];
            assertEquals(5, row.length, Arrays.toString(row));
            assertEquals(fact.name(), row[0]);
            assertEquals(CalibrateCommand.format(fact, observed[f]), row[2], fact.name() + ": observed");
            assertFalse(Double.isNaN(simulated), fact.name() + ": a whole-period run has every fact");
            assertEquals(CalibrateCommand.format(fact, simulated), row[1], fact.name() + ": simulated");
            assertEquals(Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a", row[3],
                    fact.name() + ": ratio");
            assertEquals(Math.abs(ratio - 1.0) <= 0.2 ? "yes" : "no", row[4], fact.name() + ": within 20 %");
            within += row[4].equals("yes") ? 1 : 0;
        }
        assertTrue(run.out().contains("2025-02-20…2025-10-29"), run.out());
        assertFalse(run.out().contains("n/a"), run.out());
        assertTrue(within < observed.length, "three subnets of noise do not look like mainnet: " + run.out());
    }

    /**
     * Day d is compared with 2025-02-20 + d whatever the start block; a start block on another mainnet day is
     * said (block 4,964,237 is 2025-02-20 00:00 UTC, 7,200 blocks a day), and the scenario's own warnings too.
     */
    @Test
    void aStartBlockOnAnotherDayShouldBeWarnedAbout() throws IOException {
        final Path later = dir.resolve("later.yaml");
        Files.writeString(later, String.format(Locale.ROOT, TINY, 1) + "startBlock: 6109037\n");
        final Path first = dir.resolve("first.yaml");
        Files.writeString(first, String.format(Locale.ROOT, TINY, 1) + "startBlock: 4971436\n"
                + "parameters: {flowExponent: 2}\n");
        final CliRun laterRun = CliRun.of("calibrate", later.toString(), "--data", data.toString(), "--paths", "1");
        final CliRun firstRun = CliRun.of("calibrate", first.toString(), "--data", data.toString(), "--paths", "1");
        assertAll(
                () -> assertEquals(0, laterRun.exitCode(), laterRun.err()),
                () -> assertTrue(laterRun.err().contains("warning: startBlock 6109037 is about 2025-07-29 on mainnet,"
                        + " but calibrate compares day d of the run with the observed 2025-02-20 + d"), laterRun.err()),
                () -> assertEquals(0, firstRun.exitCode(), firstRun.err()),
                () -> assertFalse(firstRun.err().contains("warning: startBlock"), "the last block of 2025-02-20"),
                () -> assertTrue(firstRun.err().contains("warning: parameters.flowExponent has no effect in this run"),
                        firstRun.err()));
    }

    @Test
    void factsBeyondAShortRunsLastDayShouldBeNotAvailable() throws IOException {
        final CliRun run = CliRun.of("calibrate", tiny(3).toString(), "--data", data.toString(), "--paths", "3");
        assertEquals(0, run.exitCode(), run.err());
        final List<String[]> rows = rows(run.out());
        for (int f = 0; f < rows.size(); f++) {
            final String[] row = rows.get(f);
            if (f == 8) { // Σ spot prices on 2025-02-20, day 0
                assertTrue(row[1].matches("\\d+\\.\\d{3}"), Arrays.toString(row));
            } else {
                assertEquals(List.of("n/a", "n/a", "no"), List.of(row[1], row[3], row[4]), Arrays.toString(row));
            }
        }
        assertTrue(run.out().contains("n/a: the run does not reach the fact's last date (it ends on 2025-02-22)"),
                run.out());
        assertTrue(run.out().contains("3 paths x 3 subnets x 21600 blocks"), "--paths replaces the file's");
    }

    @Test
    void defaultDataFolderShouldBeSharedDataNextToTheRepository() throws IOException {
        final CliRun byDefault = CliRun.of("calibrate", tiny(3).toString());
        final CliRun given = CliRun.of("calibrate", tiny(3).toString(), "--data", data.toString());
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertTrue(byDefault.out().contains("observed: " + data.resolve(OhlcCsv.FILE_NAME)), byDefault.out());
        assertEquals(given.out().replaceAll("wall [0-9.]+ s", ""), byDefault.out().replaceAll("wall [0-9.]+ s", ""));
    }

    @Test
    void badInputShouldExitWithTwoNamingTheOptionBeforeRunning() throws IOException {
        final String scenario = tiny(3).toString();
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        final Path malformed = Files.createDirectories(dir.resolve("malformed"));
        Files.writeString(malformed.resolve(OhlcCsv.FILE_NAME),
                "date,netuid,open,high,low,close\n20250220,1,0.5,0.6,0.4,abc\n");
        final String[][] cases = {
            {"--paths", "0", "--paths"},
            {"--paths", "x", "--paths"},
            {"--seed", "1.5", "--seed"},
            {"--threads", "0", "--threads"},
            {"--blocks", "0", "--blocks: 0 is not in [1, 100000000]"},
            {"--days", "-1", "--days: -1"},
            {"--data", dir.resolve("absent").toString(), "--data"},
            {"--data", empty.toString(), "--data: " + empty + " has no " + OhlcCsv.FILE_NAME},
            {"--data", malformed.toString(), "--data: " + malformed.resolve(OhlcCsv.FILE_NAME) + ":2: close 'abc'"},
        };
        for (final String[] c : cases) {
            final CliRun run = CliRun.of("calibrate", scenario, c[0], c[1]);
            assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), String.join(" ", c) + ": " + run.err());
            assertTrue(run.err().contains(c[2]), run.err() + " should name " + c[2]);
            assertEquals("", run.out(), "nothing on stdout");
        }
        final CliRun unknown = CliRun.of("calibrate", "no-such-scenario");
        assertEquals(Main.EXIT_BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("SCENARIO"), unknown.err());
    }

    @Test
    void batchesShouldKeepEveryThreadBusyInWholeVectorsOfPaths() {
        assertEquals(8, CalibrateCommand.batchPaths(8, 2), "8 paths: one batch of 8, not two of 4");
        assertEquals(8, CalibrateCommand.batchPaths(16, 2));
        assertEquals(16, CalibrateCommand.batchPaths(18, 2), "9 per thread, rounded up to 16");
        assertEquals(64, CalibrateCommand.batchPaths(1000, 2));
        assertEquals(8, CalibrateCommand.batchPaths(1, 1));
    }
}
