package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.report.JsonReader;
import dtaosim.studies.scenario.BuiltInScenarios;
import dtaosim.studies.stats.Quantiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dtaosim run} and {@code dtaosim scenarios}: the reference scenario gives the reference command's numbers
 * exactly, options override the file, the state dump is one JSON object, built-ins run and print, and bad
 * options exit with 2 before anything runs or is written.
 */
class RunCommandTest {
    /** The smallest network of the scenario files below: two log-spaced pools of 1,000 and 100 TAO. */
    private static final String TWO_POOLS = """
            subnets:
              profile: log-spaced
              count: 2
              maxTao: 1000
              minTao: 100
              priceSum: 1.0
            """;

    private static final String PATHS = "8"; // the reference workload at 8 of its 1,000 paths: 7.4 M updates

    @Test
    void referenceScenarioShouldGiveExactlyTheReferenceCommandsNumbers(@TempDir final Path dir) throws IOException {
        final Path dump = dir.resolve("state.json");
        final CliRun run = CliRun.of("run", "reference", "--paths", PATHS, "--dump-state", dump.toString());
        assertEquals(0, run.exitCode(), run.err());
        final CliRun reference = CliRun.of("reference", "--paths", PATHS, "--json");
        assertEquals(0, reference.exitCode(), reference.err());
        final Map<String, Object> expected = JsonReader.readObject(reference.out());

        // the peer's summary keys (ReferenceWorkload.summary), recomputed from the dump in the same order
        final List<Map<String, Object>> perPath = perPath(JsonReader.readObject(Files.readString(dump)));
        assertEquals(8, perPath.size());
        assertEquals(expected.get("checksum_tao"), sum(perPath, "poolTao"));
        assertEquals(expected.get("checksum_alpha_in"), sum(perPath, "alphaIn"));
        assertEquals(expected.get("checksum_alpha_out"), sum(perPath, "alphaOut"));
        assertEquals(expected.get("checksum_mp"), sum(perPath, "movingPrice"));
        assertEquals(expected.get("root_divs_total"), sum(perPath, "rootDividends"));
        assertEquals(expected.get("pump_pnl_q05_q50_q95"), quantiles(perPath, "pump.pnl"));
        assertEquals(expected.get("target_cum_tao_emission_q05_q50_q95"),
                quantiles(perPath, "subnet127.cumTaoEmission"));
        assertEquals(expected.get("target_mean_share_q05_q50_q95"), quantiles(perPath, "subnet127.meanShare"));
        assertEquals(expected.get("target_max_price_q05_q50_q95"), quantiles(perPath, "subnet127.maxPrice"));
        final List<?> tao = (List<?>) perPath.get(0).get("taoReserve");
        final List<?> alpha = (List<?>) perPath.get(0).get("alphaIn");
        double spot = 0.0;
        for (int i = 0; i < tao.size(); i++) {
            spot += (Double) tao.get(i) / (Double) alpha.get(i);
        }
        assertEquals(expected.get("sum_final_spot_prices_path0"), spot);

        // and the summary prints the same pump median as the reference command
        final List<?> pnl = (List<?>) expected.get("pump_pnl_q05_q50_q95");
        final double largest = pnl.stream().mapToDouble(v -> Math.abs((Double) v)).max().getAsDouble();
        final String median = RunCommand.cell((Double) pnl.get(1), largest);
        assertTrue(run.out().lines().anyMatch(l -> l.contains("pump PnL (TAO)") && l.contains(median)), run.out());
    }

    @Test
    void dumpStateShouldHoldEveryPathsSubnetsAndOutcomes(@TempDir final Path dir) throws IOException {
        final Path dump = dir.resolve("taoflow.json");
        final CliRun run = CliRun.of("run", "taoflow-demo", "--paths", "3", "--dump-state", dump.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("final state of every path: " + dump), run.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dump), files.collect(Collectors.toList()), "only the dump, no temporary file");
        }
        final Map<String, Object> json = JsonReader.readObject(Files.readString(dump));
        assertEquals(List.of("scenario", "era", "paths", "subnets", "slots", "startBlock", "blocks", "seed", "perPath"),
                new ArrayList<>(json.keySet()));
        assertEquals("taoflow-demo", json.get("scenario"));
        assertEquals("taoflow-2025-11", json.get("era"));
        assertEquals(3.0, json.get("paths"));
        assertEquals(12.0, json.get("subnets"));
        assertEquals(16.0, json.get("slots"), "twelve subnets and four registration slots");
        assertEquals(14_400.0, json.get("blocks"));
        final List<Map<String, Object>> perPath = perPath(json);
        for (int p = 0; p < 3; p++) {
            final Map<String, Object> path = perPath.get(p);
            assertEquals((double) p, path.get("path"));
            for (final String field : List.of("taoReserve", "alphaIn", "alphaOut", "movingPrice", "pendingAlpha",
                    "pendingOwner", "pendingRootTao", "taoFlowEma", "protocolFlowEma")) {
                assertEquals(16, ((List<?>) path.get(field)).size(), field);
            }
            // mid-tempo some emission is pending, and the noise traders' stakes moved the flow EMAs
            assertTrue(((List<?>) path.get("pendingAlpha")).stream().anyMatch(v -> (Double) v > 0.0), "pending");
            assertTrue(((List<?>) path.get("taoFlowEma")).stream().anyMatch(v -> (Double) v != 0.0), "flows");
            @SuppressWarnings("unchecked")
            final Map<String, Object> outcomes = (Map<String, Object>) path.get("outcomes");
            assertEquals(4.0, outcomes.get("registrations"), "every scheduled registration happened");
            double poolTao = 0.0;
            for (final Object tao : (List<?>) path.get("taoReserve")) {
                poolTao += (Double) tao;
            }
            assertEquals(outcomes.get("poolTao"), poolTao, "Σ taoReserve is the poolTao outcome, same order");
        }
    }

    @Test
    void optionsShouldOverrideTheFile(@TempDir final Path dir) throws IOException {
        final Path dump = dir.resolve("s.json");
        final CliRun run = CliRun.of("run", "ema-ramp-demo", "--paths", "3", "--blocks", "20", "--seed", "9",
                "--era", "launch-2025-02", "--threads", "1", "--dump-state", dump.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("era launch-2025-02, 3 paths x 6 subnets x 20 blocks from block 5000000, seed 9"),
                run.out());
        assertTrue(run.out().contains(", 1 threads,"), run.out());
        final Map<String, Object> json = JsonReader.readObject(Files.readString(dump));
        assertEquals("launch-2025-02", json.get("era"));
        assertEquals(3.0, json.get("paths"));
        assertEquals(20.0, json.get("blocks"));
        assertEquals(9.0, json.get("seed"));
        assertEquals(3, perPath(json).size());
    }

    @Test
    void summaryShouldNameEveryEraOfASchedule(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, """
                eras:
                  - era: launch-2025-02
                    fromBlock: 0
                  - era: capped-2025-12
                    fromBlock: 5
                blocks: 10
                paths: 1
                seed: 1
                """ + TWO_POOLS);
        final CliRun run = CliRun.of("run", file.toString(), "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(
                "era launch-2025-02, capped-2025-12 from block 5, 1 paths x 2 subnets x 10 blocks from block 0, seed 1"),
                run.out());
    }

    /**
     * A parameter no era of the run reads is accepted with a warning naming why; one that a later era of the
     * schedule reads is not warned about.
     */
    @Test
    void aParameterNoEraOfTheRunReadsShouldBeWarnedAbout(@TempDir final Path dir) throws IOException {
        final String body = """
                blocks: 10
                paths: 1
                seed: 1
                parameters:
                  flowExponent: 2
                  subnetLimit: 12
                """ + TWO_POOLS;
        final Path single = dir.resolve("single.yaml");
        Files.writeString(single, "era: launch-2025-02\n" + body);
        final Path schedule = dir.resolve("schedule.yaml");
        Files.writeString(schedule, "eras:\n  - era: launch-2025-02\n    fromBlock: 0\n"
                + "  - era: capped-2025-12\n    fromBlock: 5\n" + body);
        final CliRun launch = CliRun.of("run", single.toString(), "--threads", "1");
        final CliRun upgraded = CliRun.of("run", schedule.toString(), "--threads", "1");
        assertEquals(0, launch.exitCode(), launch.err());
        assertEquals(0, upgraded.exitCode(), upgraded.err());
        assertTrue(launch.err().contains("warning: parameters.flowExponent has no effect in this run: shares follow"
                + " the moving price in launch-2025-02"), launch.err());
        assertTrue(launch.err().contains("warning: parameters.subnetLimit has no effect in this run: no subnet limit"
                + " before 2025-09-24"), launch.err());
        // the capped era reads both parameters; its change starts the flow EMAs cold, which is said apart
        assertFalse(upgraded.err().contains("warning: parameters."), upgraded.err());
    }

    /**
     * firstEmissionBlock sets the origin of the EMA ramp's age (mechanics §2a): the launch era and the ramp
     * counted from registration (ema-ramp before 2025-04-04) do not read it, and the run says so; one after the
     * run's last block freezes the moving prices, which is said too.
     */
    @Test
    void aFirstEmissionBlockNoEraRampsFromShouldBeWarnedAbout(@TempDir final Path dir) throws IOException {
        final String body = "startBlock: 100\nblocks: 2\npaths: 1\nseed: 1\nfirstEmissionBlock: 50\n" + TWO_POOLS;
        final String warning = "warning: firstEmissionBlock has no effect in this run";
        final Path launch = dir.resolve("launch.yaml");
        Files.writeString(launch, "era: launch-2025-02\n" + body);
        final Path fromRegistration = dir.resolve("registration.yaml");
        Files.writeString(fromRegistration, "era: ema-ramp-2025-03\nswitches:\n  ema-age-from-start-call: false\n"
                + body);
        final Path fromStartCall = dir.resolve("startcall.yaml");
        Files.writeString(fromStartCall, "era: ema-ramp-2025-03\n" + body);
        final Path late = dir.resolve("late.yaml");
        Files.writeString(late, "era: ema-ramp-2025-03\n" + body.replace("firstEmissionBlock: 50",
                "firstEmissionBlock: [50, 102]"));
        final CliRun[] runs = {CliRun.of("run", launch.toString(), "--threads", "1"),
            CliRun.of("run", fromRegistration.toString(), "--threads", "1"),
            CliRun.of("run", fromStartCall.toString(), "--threads", "1"),
            CliRun.of("run", late.toString(), "--threads", "1")};
        assertAll(
                () -> assertEquals(0, runs[0].exitCode(), runs[0].err()),
                () -> assertTrue(runs[0].err().contains(warning), runs[0].err()),
                () -> assertTrue(runs[1].err().contains(warning), runs[1].err()),
                () -> assertEquals(0, runs[2].exitCode(), runs[2].err()),
                () -> assertFalse(runs[2].err().contains("warning: firstEmissionBlock"), runs[2].err()),
                () -> assertEquals(0, runs[3].exitCode(), runs[3].err()),
                () -> assertTrue(runs[3].err().contains("warning: firstEmissionBlock 102 is after the run's last block"
                        + " 101: under a ramp counted from start_call the EMA factor is 0 until then"), runs[3].err()));
    }

    /** A file may leave its horizon, paths and seed to the command line; with neither, the field is named. */
    @Test
    void horizonPathsAndSeedMayComeFromTheCommandLine(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("bare.yaml");
        Files.writeString(file, "era: launch-2025-02\n" + TWO_POOLS);
        final CliRun given = CliRun.of("run", file.toString(), "--paths", "2", "--days", "0.01", "--seed", "7",
                "--threads", "1");
        final CliRun noSeed = CliRun.of("run", file.toString(), "--paths", "2", "--blocks", "5");
        assertAll(
                () -> assertEquals(0, given.exitCode(), given.err()),
                () -> assertTrue(given.out().contains("2 paths x 2 subnets x 72 blocks from block 0, seed 7"),
                        given.out()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, noSeed.exitCode()),
                () -> assertTrue(noSeed.err().contains("seed: missing (give seed: a whole number fixing every draw,"
                        + " or --seed)"), noSeed.err()));
    }

    /** --days is --blocks in days of 7,200 blocks, as in study; the two together are refused. */
    @Test
    void daysShouldSetTheHorizonAsStudyDoes() {
        final CliRun days = CliRun.of("run", "meme-loop-demo", "--paths", "1", "--days", "0.01", "--threads", "1");
        final CliRun both = CliRun.of("run", "meme-loop-demo", "--paths", "1", "--days", "0.01", "--blocks", "72");
        assertEquals(0, days.exitCode(), days.err());
        assertTrue(days.out().contains(" x 72 blocks from block "), days.out());
        assertEquals(Main.EXIT_BAD_INPUT, both.exitCode());
        assertTrue(both.err().contains("--days: given together with --blocks; give one"), both.err());
        // 0.07 days is 504 blocks, though 0.07 × 7200 is 503.99999999999994 in doubles
        final CliRun decimal = CliRun.of("run", "meme-loop-demo", "--paths", "1", "--days", "0.07", "--threads", "1");
        assertEquals(0, decimal.exitCode(), decimal.err());
        assertTrue(decimal.out().contains(" x 504 blocks from block "), decimal.out());
        // a fraction of a block is refused, as a file's days: 0.99999 days is 7,199.928 blocks
        final CliRun fraction = CliRun.of("run", "meme-loop-demo", "--paths", "1", "--days", "0.99999");
        assertEquals(Main.EXIT_BAD_INPUT, fraction.exitCode());
        assertTrue(fraction.err().contains("--days: 0.99999 is not a whole number of blocks (7200 blocks a day)"),
                fraction.err());
    }

    /** {@code run SCENARIO} on one path for 10 blocks with {@code more} options; it must succeed. */
    private static CliRun tenBlocks(final String scenario, final String... more) {
        final List<String> args = new ArrayList<>(List.of("run", scenario, "--paths", "1", "--blocks", "10",
                "--threads", "1"));
        args.addAll(List.of(more));
        final CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** A run that starts weighing emission by TAO flows starts their EMAs at 0, and says so; one by price does not. */
    @Test
    void aColdStartOfTheFlowEmasShouldBeWarnedAbout() {
        final CliRun flows = tenBlocks("meme-loop-demo", "--era", "taoflow-2025-11");
        final CliRun price = tenBlocks("meme-loop-demo");
        // half-life ln 2 / 3.209e-6 blocks = 216,000 blocks = 30.0 days (mechanics §2b)
        assertTrue(flows.err().contains("warning: taoflow-2025-11 weighs emission by each subnet's EMA of users' net"
                + " TAO flow, which the run starts at 0 for every subnet (half-life 30.0 days)"), flows.err());
        assertFalse(price.err().contains("net TAO flow"), price.err());
    }

    /** A schedule that changes into a flow era starts the EMAs at 0 then, and says from which block. */
    @Test
    void aColdStartAtAnEraChangeShouldBeWarnedAboutToo(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("change.yaml");
        Files.writeString(file, "eras:\n  - {era: subsidy-2025-07, fromBlock: 0}\n  - {era: taoflow-2025-11,"
                + " fromBlock: 20}\nparameters:\n  flowSmoothing: 0\nblocks: 30\npaths: 1\nseed: 1\n" + TWO_POOLS);
        final CliRun run = CliRun.of("run", file.toString(), "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: taoflow-2025-11 (from block 20) weighs emission by each subnet's EMA"
                + " of users' net TAO flow, which the run starts at 0 for every subnet (smoothing 0: it never moves)"),
                run.err());
    }

    /** Under --era a switch of another era is dropped, and said so; the file's own era keeps it silently. */
    @Test
    void aSwitchDroppedByEraShouldBeWarnedAbout() {
        final CliRun other = tenBlocks("netflow-demo", "--era", "capped-2025-12");
        final CliRun own = tenBlocks("netflow-demo");
        assertTrue(other.err().contains("warning: switches.protocol-alpha-kept belongs to era netflow-2026-05, which"
                + " this run does not schedule (--era capped-2025-12): it has no effect"), other.err());
        assertFalse(own.err().contains("switches."), own.err());
    }

    /** taoflow-demo registers at 6,801,800 + k·1,800 (k < 4) from block 6,800,000: 1,000 blocks see none. */
    @Test
    void registrationsOutsideTheRunShouldBeWarnedAbout() {
        final CliRun shortRun = CliRun.of("run", "taoflow-demo", "--paths", "1", "--blocks", "1000", "--threads", "1");
        final CliRun longer = CliRun.of("run", "taoflow-demo", "--paths", "1", "--blocks", "5401", "--threads", "1");
        final CliRun whole = CliRun.of("run", "taoflow-demo", "--paths", "1", "--blocks", "7201", "--threads", "1");
        assertEquals(0, shortRun.exitCode(), shortRun.err());
        assertTrue(shortRun.err().contains("warning: behaviours[2] (subnet-registrations): 4 of 4 attempts fall"
                + " outside the run's blocks [6800000, 6801000) and are not made"), shortRun.err());
        assertTrue(longer.err().contains("1 of 4 attempts fall outside the run's blocks [6800000, 6805401)"),
                longer.err());
        assertFalse(whole.err().contains("subnet-registrations"), whole.err());
    }

    /**
     * Behaviours and eras scheduled by blocks outside the run are accepted, and said so before it; so is a switch
     * of an era that starts after the run's last block.
     */
    @Test
    void behavioursAndErasOutsideTheRunShouldBeWarnedAbout(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("late.yaml");
        Files.writeString(file, """
                eras:
                  - era: launch-2025-02
                    fromBlock: 0
                  - era: ema-ramp-2025-03
                    fromBlock: 500
                switches:
                  start-call: false
                paths: 1
                seed: 1
                behaviours:
                  - {type: pump-and-dump, subnet: 0, rateTao: 1.0, buyFrom: 300, buyUntil: 400, dumpAt: 450}
                  - {type: pump-and-dump, subnet: 1, rateTao: 1.0, buyFrom: 10, buyUntil: 20, dumpAt: 250}
                  - {type: intervention, subnet: 0, triggerPriceMultiple: 0, triggerBlock: 260, sellAlpha: 1,
                     withdrawSupport: false}
                  - {type: capital-inflow, buyRatePerBlock: 0.001, buyFrom: 0, buyUntil: 50, sellFrom: 50,
                     sellUntil: 150, everyBlocks: 100}
                """ + TWO_POOLS);
        final CliRun shortRun = CliRun.of("run", file.toString(), "--threads", "1", "--blocks", "200");
        assertEquals(0, shortRun.exitCode(), shortRun.err());
        assertAll(
                () -> assertTrue(shortRun.err().contains("warning: behaviours[0] (pump-and-dump): its buying [300, 400)"
                        + " falls outside the run: it buys nothing (the run's blocks are [0, 200))"), shortRun.err()),
                () -> assertTrue(shortRun.err().contains("warning: behaviours[1] (pump-and-dump): dumpAt 250 is after"
                        + " the run"), shortRun.err()),
                () -> assertTrue(shortRun.err().contains("warning: behaviours[2] (intervention): triggerBlock 260 is"
                        + " after the run: that trigger never fires"), shortRun.err()),
                // orders every 100 blocks: the one at 100 sells all that is left of [50, 150) inside the run
                () -> assertFalse(shortRun.err().contains("capital-inflow"), shortRun.err()),
                () -> assertTrue(shortRun.err().contains("warning: eras[1] (ema-ramp-2025-03) starts at block 500,"
                        + " after the run's last block 199: it has no effect"), shortRun.err()),
                () -> assertTrue(shortRun.err().contains("warning: switches.start-call belongs to era"
                        + " ema-ramp-2025-03, which starts after the run's last block: it has no effect"),
                        shortRun.err()));
        final CliRun whole = CliRun.of("run", file.toString(), "--threads", "1", "--blocks", "600");
        assertEquals(0, whole.exitCode(), whole.err());
        assertFalse(whole.err().contains("warning: behaviours") || whole.err().contains("warning: eras")
                || whole.err().contains("warning: switches"), whole.err());
    }

    /** A run that ends before the pump's dump reports its PnL as realised only (the bought alpha is unsold). */
    @Test
    void aPumpPnlBeforeTheDumpShouldSayItIsRealisedOnly() {
        final CliRun early = CliRun.of("run", "netflow-demo", "--paths", "2", "--blocks", "720", "--threads", "1");
        assertEquals(0, early.exitCode(), early.err());
        assertTrue(early.out().contains("pump PnL (TAO, realised: the dump is after the run)"), early.out());
    }

    @Test
    void aPrintedBuiltInCopiedToAFileShouldRunTheSame(@TempDir final Path dir) throws IOException {
        final CliRun printed = CliRun.of("scenarios", "netflow-demo");
        assertEquals(0, printed.exitCode(), printed.err());
        assertEquals(BuiltInScenarios.text("netflow-demo"), printed.out());
        final Path copy = dir.resolve("my-netflow.yaml");
        Files.writeString(copy, printed.out());
        final Path a = dir.resolve("a.json");
        final Path b = dir.resolve("b.json");
        assertEquals(0, CliRun.of("run", "netflow-demo", "--paths", "2", "--blocks", "720", "--dump-state",
                a.toString()).exitCode());
        assertEquals(0, CliRun.of("run", copy.toString(), "--paths", "2", "--blocks", "720", "--dump-state",
                b.toString()).exitCode());
        final Map<String, Object> fromBuiltIn = JsonReader.readObject(Files.readString(a));
        final Map<String, Object> fromCopy = JsonReader.readObject(Files.readString(b));
        assertEquals("my-netflow", fromCopy.remove("scenario"));
        fromBuiltIn.remove("scenario");
        assertEquals(fromBuiltIn, fromCopy);
    }

    static Stream<String> demos() {
        return BuiltInScenarios.NAMES.stream().filter(n -> !n.equals("reference"));
    }

    @Test
    void summaryCellsShouldShowCountsWholeAndLargeAmountsToTheCent() {
        assertAll(
                () -> assertEquals("4", RunCommand.cell(4.0)),
                () -> assertEquals("0", RunCommand.cell(0.0)),
                () -> assertEquals("10501640.08", RunCommand.cell(10_501_640.0765)),
                () -> assertEquals("-123456.79", RunCommand.cell(-123_456.789)),
                () -> assertEquals("0.0123457", RunCommand.cell(0.012345678)),
                () -> assertEquals("1.00000e+20", RunCommand.cell(1.0000000000000001e20)),
                () -> assertEquals("1.50000e+15", RunCommand.cell(1.5e15)),
                // a row of large amounts shows all its values to the cent
                () -> assertEquals("34040.70", RunCommand.cell(34_040.7, 104_746.22)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void everyDemoShouldRunAndSummarise(final String name) {
        final CliRun run = CliRun.of("run", name, "--paths", "2");
        assertEquals(0, run.exitCode(), run.err());
        final List<String> lines = run.out().lines().collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith("scenario " + name + " (built-in): "), lines.get(0));
        for (final String row : List.of("Σ spot prices", "root dividends", "total issuance", "TAO recycled")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(row)), row + " in\n" + run.out());
        }
        assertFalse(run.out().contains("NaN"), run.out());
    }

    @Test
    void scenariosShouldListEveryBuiltInWithItsEraAndDescription() {
        final CliRun run = CliRun.of("scenarios");
        assertEquals(0, run.exitCode(), run.err());
        for (final String name : BuiltInScenarios.NAMES) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("-20")),
                    name + " in\n" + run.out());
        }
        assertTrue(run.out().contains("taoflow-demo     taoflow-2025-11 "), run.out());
        // mainnet-2025 schedules launch, then the EMA ramp and the subsidy
        assertTrue(run.out().contains("mainnet-2025     launch-2025-02 +2 "), run.out());
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                bad(List.of("run", "reference", "--paths", "0"), "--paths: 0 is not in [1, 2147483647]"),
                bad(List.of("run", "reference", "--blocks", "0"), "--blocks: 0 is not in [1, 100000000]"),
                bad(List.of("run", "reference", "--era", "launch-2024"), "--era: 'launch-2024' is not one of"),
                bad(List.of("run", "reference", "--threads", "0"), "--threads: 0 is not in [1, 4096]"),
                bad(List.of("run", "reference", "--paths", "abc"), "'--paths'", "'abc' is not a long"),
                bad(List.of("run", "no-such-scenario"),
                        "SCENARIO: 'no-such-scenario' is neither a file nor a built-in"),
                bad(List.of("run"), "Missing required parameter: 'SCENARIO'"),
                bad(List.of("scenarios", "nope"), "scenario: 'nope' is not one of reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badOptionsShouldExitWithTwoBeforeRunning(final List<String> args, final List<String> fragments,
                                                  @TempDir final Path dir) throws IOException {
        final List<String> all = new ArrayList<>(args);
        if (args.get(0).equals("run")) {
            all.addAll(List.of("--dump-state", dir.resolve("out.json").toString()));
        }
        assertBadInput(CliRun.of(all.toArray(String[]::new)), fragments, dir);
    }

    @Test
    void dumpStateIntoAMissingDirectoryOrOntoADirectoryShouldExitWithTwo(@TempDir final Path dir) throws IOException {
        assertBadInput(CliRun.of("run", "reference", "--dump-state", dir.resolve("no/such/dir/s.json").toString()),
                List.of("--dump-state:", "does not exist"), dir);
        assertBadInput(CliRun.of("run", "reference", "--dump-state", dir.toString()),
                List.of("--dump-state:", "is a directory"), dir);
        assertBadInput(CliRun.of("run", dir.toString()), List.of("SCENARIO:", "is a directory"), dir);
        // an empty name is not the working directory
        assertBadInput(CliRun.of("run", "reference", "--dump-state", ""), List.of("--dump-state: an empty name"), dir);
        assertBadInput(CliRun.of("run", ""), List.of("SCENARIO: an empty name"), dir);
    }

    /**
     * A pool broken down to NaN stops a run with exit code 1, naming path and subnet (engine: NonFinitePoolTest);
     * a Spark job's driver sees that failure quoted in the task's message. (The pump of 1e20 TAO a block that once
     * broke a pool from a scenario is now refused up front: amounts stay within the supply cap.)
     */
    @Test
    void aPoolBrokenDownToNaNShouldBeReportedFromASparkFailureToo() {
        final String quoted = "path 3, subnet 127: the pool is not finite at the end of the run (…)";
        assertEquals(quoted, Main.nonFinite(new IllegalStateException("Job aborted due to stage failure: Lost task 1.0"
                + " (TID 1): dtaosim.engine.run.NonFiniteStateException: " + quoted + "\n\tat dtaosim.engine.run")));
        assertEquals(null, Main.nonFinite(new IllegalStateException("a batch failed")));
    }

    /** A link is checked where it points, before the run: a loop, or a link into a missing folder. */
    @Test
    void dumpStateThroughABrokenLinkShouldExitWithTwoBeforeTheRun(@TempDir final Path dir) throws IOException {
        final Path links = Files.createDirectory(dir.resolve("links"));
        final Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.createSymbolicLink(links.resolve("a.json"), Path.of("b.json"));
        Files.createSymbolicLink(links.resolve("b.json"), Path.of("a.json"));
        Files.createSymbolicLink(links.resolve("gone.json"), dir.resolve("no/such/dir/s.json"));
        assertBadInput(CliRun.of("run", "reference", "--dump-state", links.resolve("a.json").toString()),
                List.of("--dump-state:", "too many levels of symbolic links"), empty);
        assertBadInput(CliRun.of("run", "reference", "--dump-state", links.resolve("gone.json").toString()),
                List.of("--dump-state:", "(→ " + dir.resolve("no/such/dir/s.json") + ")", "does not exist"), empty);
    }

    private static void assertBadInput(final CliRun run, final List<String> fragments, final Path dir)
            throws IOException {
        final List<Path> left;
        try (Stream<Path> files = Files.list(dir)) {
            left = files.collect(Collectors.toList());
        }
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), () -> "exit code; stderr: " + run.err()),
                () -> assertEquals("", run.out(), "stdout"),
                () -> assertTrue(run.err().startsWith("error: "), () -> "stderr: " + run.err()),
                () -> assertTrue(fragments.stream().allMatch(run.err()::contains),
                        () -> "stderr should contain " + fragments + ": " + run.err()),
                () -> assertEquals(List.of(), left, "files written"));
    }

    private static Arguments bad(final List<String> args, final String... fragments) {
        return Arguments.of(args, List.of(fragments));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> perPath(final Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("perPath");
    }

    @SuppressWarnings("unchecked")
    private static double[] column(final List<Map<String, Object>> perPath, final String outcome) {
        return perPath.stream().mapToDouble(p -> (Double) ((Map<String, Object>) p.get("outcomes")).get(outcome))
                .toArray();
    }

    private static double sum(final List<Map<String, Object>> perPath, final String outcome) {
        double sum = 0.0;
        for (final double v : column(perPath, outcome)) {
            sum += v;
        }
        return sum;
    }

    private static List<Double> quantiles(final List<Map<String, Object>> perPath, final String outcome) {
        final List<Double> out = new ArrayList<>();
        for (final double q : Quantiles.of(column(perPath, outcome), 0.05, 0.5, 0.95)) {
            out.add(q);
        }
        return out;
    }
}
