package dtaosim.studies.scenario;

import dtaosim.engine.market.PoissonNoiseTraders;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.Intervention;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.NeuronRegistrations;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario files read into records: every field of the schema, the three ways to give subnets, overrides, and
 * bad input beyond the fifty files of {@code BadScenarioFilesTest} (the message names the field path).
 */
class ScenarioParserTest {
    /** One file using every top-level field. */
    static final String FULL = """
            description: |
              Every field.
              A second line.
            era: taoflow-2025-11
            parameters:
              movingAlpha: 1.0e-4
              tempo: 100
              subnetLimit: 6
            switches:
              excess-buy: false
            movingPriceRamp: false
            startBlock: 1000
            days: 0.5
            paths: 7
            seed: -3
            subnets:
              taoReserve: [1000, 500, 100]
              alphaIn: [2000, 1000, 1000]
            rootStake: 5.0e5
            totalIssuance: 1.0e7
            behaviours:
              - type: uniform-noise-traders
                sigma: 0.01
              - type: emission-sellers
                sellFraction: 0.25
              - type: pump-and-dump
                subnet: 2
                rateTao: 0.5
                buyFrom: 1100
                buyUntil: 1200
                dumpAt: 1300
              - type: subnet-registrations
                firstBlock: 1010
                everyBlocks: 100
                count: 2
              - type: neuron-registrations
                burnTao: 0.1
                everyBlocks: 50
            watch: [2, 4]
            """;

    /** The smallest valid file, to which the bad cases below add or change one thing. */
    static final String SMALL = """
            era: launch-2025-02
            blocks: 1
            paths: 1
            seed: 1
            subnets:
              profile: log-spaced
              count: 2
              maxTao: 1000
              minTao: 100
              priceSum: 1.0
            """;

    /** Anchored mappings and lists are read as if written out where their aliases and merge keys stand. */
    @Test
    void aliasesAndMergeKeysShouldReadAsTheValuesTheyName() {
        final String written = SMALL + """
                behaviours:
                  - {type: emission-sellers, sellFraction: 0.5}
                  - {type: uniform-noise-traders, sigma: 0.01}
                  - {type: uniform-noise-traders, sigma: 0.02}
                watch: [0, 1]
                """;
        final String anchored = SMALL + """
                behaviours:
                  - &sellers {type: emission-sellers, sellFraction: 0.5}
                  - &noise {type: uniform-noise-traders, sigma: 0.01}
                  - <<: *noise
                    sigma: 0.02
                watch: &both [0, 1]
                """;
        final Scenario expected = parse(written).resolve(Overrides.NONE);
        final Scenario actual = parse(anchored).resolve(Overrides.NONE);
        assertEquals(expected.behaviours(), actual.behaviours());
        assertEquals(3, actual.behaviours().size());
        assertEquals(expected.probes().size(), actual.probes().size());
        // an alias of a whole list, and a merge of two mappings where the first one wins
        final Scenario aliasedList = parse(SMALL + """
                parameters: {tempo: &t 99}
                behaviours:
                  - <<: [{type: emission-sellers, sellFraction: 0.5}, {sellFraction: 0.9, type: pump-and-dump}]
                """).resolve(Overrides.NONE);
        assertEquals(List.of(new EmissionSellers(0.5, true)), aliasedList.behaviours());
        assertEquals(99, aliasedList.protocol().tempo());
        // single values: numbers, text and a key's anchor, the latest definition winning
        final Scenario scalars = parse(SMALL.replace("blocks: 1", "blocks: &n 7").replace("paths: 1", "paths: *n")
                .replace("seed: 1", "seed: &n 1") + """
                behaviours:
                  - {type: &kind uniform-noise-traders, sigma: &s 0.02}
                  - {type: *kind, sigma: *s}
                watch: [*n]
                """).resolve(Overrides.NONE);
        assertEquals(7, scalars.paths());
        assertEquals(1L, scalars.seed());
        assertEquals(List.of(new SubnetWatch(1)), scalars.probes(), "watch: [*n] is the later &n, 1");
        assertEquals(List.of(new UniformNoiseTraders(0.02, true), new UniformNoiseTraders(0.02, true)),
                scalars.behaviours());
    }

    /** Log-spaced pools hold Σ taoReserve / priceSum alpha each, which must reach the chain's minimum reserve. */
    @Test
    void aPriceSumThatLeavesPoolsBelowTheMinimumReserveShouldBeRefused() {
        // Σ tao = 1000 + 100: priceSum 1.1e6 leaves 0.001 alpha a pool, 2e6 leaves 0.00055
        assertEquals(0.001, parse(SMALL.replace("priceSum: 1.0", "priceSum: 1.1e6")).resolve(Overrides.NONE)
                .network().alphaIn()[1], 1e-18);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(SMALL.replace("priceSum: 1.0", "priceSum: 2e6")).resolve(Overrides.NONE));
        assertTrue(e.getMessage().startsWith("subnets.priceSum: 2000000 puts 0.00055 alpha"), e.getMessage());
        assertTrue(e.getMessage().contains("priceSum may be at most 1100000"), e.getMessage());
    }

    /** NetTaoFlowEnabled is the chain's bool: true/false or 1/0. */
    @Test
    void aFlagParameterShouldReadTrueFalseOrOneZero() {
        final String netflow = SMALL.replace("era: launch-2025-02", "era: netflow-2026-05");
        assertEquals(0.0, parse(netflow + "parameters:\n  netTaoFlowEnabled: false\n").parameters()
                .get(Parameter.NET_TAO_FLOW_ENABLED));
        assertEquals(1.0, parse(netflow + "parameters:\n  netTaoFlowEnabled: true\n").parameters()
                .get(Parameter.NET_TAO_FLOW_ENABLED));
        assertEquals(0.0, parse(netflow + "parameters:\n  netTaoFlowEnabled: 0\n").parameters()
                .get(Parameter.NET_TAO_FLOW_ENABLED));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(netflow + "parameters:\n  netTaoFlowEnabled: 2\n"));
        assertTrue(e.getMessage().contains("parameters.netTaoFlowEnabled: 2 is not in [0, 1]"), e.getMessage());
    }

    @Test
    void theSummaryLineShouldBeTheFirstSentenceOnOneLine() {
        final String head = SMALL;
        assertEquals("A demo of the loop across two lines, price 0.015 TAO.",
                parse("description: |\n  A demo of the loop across\n  two lines, price 0.015 TAO. Second sentence.\n"
                        + head).summaryLine());
        assertEquals("No full stop at all",
                parse("description: No full stop at all\n" + head).summaryLine());
        assertEquals("Uses e.g. a fast price vs. 0.02 and version 2. 5 pools.",
                parse("description: Uses e.g. a fast price vs. 0.02 and version 2. 5 pools. Next one.\n" + head)
                        .summaryLine());
        assertEquals("", parse(head).summaryLine());
        // a sentence over the width is cut at its last clause that fits, else its last word
        final String clause = "x".repeat(80) + "; " + "y".repeat(60) + ".";
        assertEquals("x".repeat(80) + " …", parse("description: " + clause + "\n" + head).summaryLine());
        // a clause or word too early to keep half the width: cut at the width
        final String early = "A; " + "z".repeat(200) + ".";
        assertEquals(early.substring(0, ScenarioFile.SUMMARY_WIDTH - 2) + " …",
                parse("description: \"" + early + "\"\n" + head).summaryLine());
        final String words = "word ".repeat(40).strip() + ".";
        final String cut = parse("description: " + words + "\n" + head).summaryLine();
        assertTrue(cut.endsWith("word …") && cut.length() <= ScenarioFile.SUMMARY_WIDTH, cut);
    }

    static ScenarioFile parse(final String yaml) {
        return ScenarioParser.parse(yaml, "test.yaml", Path.of("."));
    }

    @Test
    void everyFieldShouldReachTheEngineScenario() {
        final ScenarioFile file = parse(FULL);
        assertEquals("Every field.", file.summaryLine());
        assertEquals(List.of(new EraEntry(Era.TAOFLOW_2025_11, 1000)), file.eras());
        assertEquals(3600, file.blocks(), "half a day");
        // 0.07 × 7200 = 503.99999999999994 in doubles: still the 504 blocks it is
        assertEquals(504, parse(FULL.replace("days: 0.5", "days: 0.07")).blocks());

        final Scenario s = file.resolve(Overrides.NONE);
        assertEquals(Era.TAOFLOW_2025_11, s.protocol().era());
        assertEquals(1e-4, s.protocol().get(Parameter.MOVING_ALPHA));
        assertEquals(100, s.protocol().tempo());
        assertEquals(6, s.protocol().get(Parameter.SUBNET_LIMIT));
        assertEquals(Era.TAOFLOW_2025_11.defaults().get(Parameter.FEE_RATE), s.protocol().get(Parameter.FEE_RATE));
        assertFalse(s.protocol().on(Switch.EXCESS_BUY));
        assertTrue(s.protocol().on(Switch.ROOT_ALPHA_RECYCLED_WITHOUT_SELL_FLAG), "untouched switch at its default");
        assertFalse(s.protocol().movingPriceRamp());
        assertEquals(1000, s.startBlock());
        assertEquals(3600, s.blocks());
        assertEquals(7, s.paths());
        assertEquals(-3, s.seed());

        final Network n = s.network();
        assertArrayEquals(new double[] {1000, 500, 100}, n.taoReserve());
        assertArrayEquals(new double[] {2000, 1000, 1000}, n.alphaIn());
        assertArrayEquals(n.alphaIn(), n.alphaOut(), "alphaOut defaults to alphaIn");
        assertArrayEquals(new double[] {0.5, 0.5, 0.1}, n.movingPrice(), "moving price defaults to spot");
        assertEquals(5e5, n.rootStakeTao());
        assertEquals(1e7, n.totalIssuanceTao());

        assertEquals(List.of(new UniformNoiseTraders(0.01), new EmissionSellers(0.25),
                new PumpAndDump(2, 0.5, 1100, 1200, 1300), new SubnetRegistrations(1010, 100, 2),
                new NeuronRegistrations(0.1, 50)), s.behaviours());
        assertEquals(List.of(new SubnetWatch(2), new SubnetWatch(4)), s.probes(), "slot 4 is a registration's");
        assertEquals(5, s.slots());
    }

    @Test
    void omittedOptionalFieldsShouldTakeTheirDefaults() {
        final ScenarioFile file = parse(SMALL);
        assertEquals("", file.description());
        assertEquals(0, file.startBlock());
        assertNull(file.movingPriceRamp());
        final Scenario s = file.resolve(Overrides.NONE);
        assertEquals(Era.LAUNCH_2025_02.defaults(), s.protocol());
        assertEquals(0.0, s.network().rootStakeTao());
        assertEquals(0.0, s.network().totalIssuanceTao());
        assertEquals(List.of(), s.behaviours());
        assertEquals(List.of(), s.probes());
    }

    /** FirstEmissionBlockNumber of the network's subnets: 0 unless given, one block for all or one per subnet. */
    @Test
    void firstEmissionBlockShouldSetEverySubnetOrEachOne() {
        final String started = SMALL + "startBlock: 5000\n";
        assertAll(
                () -> assertArrayEquals(new long[] {0, 0},
                        parse(started).resolve(Overrides.NONE).network().firstEmissionBlock(), "default"),
                () -> assertArrayEquals(new long[] {4000, 4000}, parse(started + "firstEmissionBlock: 4000\n")
                        .resolve(Overrides.NONE).network().firstEmissionBlock(), "one for all"),
                () -> assertArrayEquals(new long[] {5001, 1}, parse(started + "firstEmissionBlock: [5001, 1]\n")
                        .resolve(Overrides.NONE).network().firstEmissionBlock(), "one each; after the start too"),
                () -> assertEquals(List.of(4000L, 4000L), parse(started + "firstEmissionBlock: 4.0e3\n")
                        .firstEmissionBlock(), "a float with no fraction"));
    }

    /** A key with nothing under it (YAML null) reads as the key left out. */
    @Test
    void emptyOptionalSectionsShouldReadAsOmitted() {
        final Scenario omitted = parse(SMALL).resolve(Overrides.NONE);
        final Scenario empty = parse(SMALL + "parameters:\nswitches:\nbehaviours:\nwatch:\n").resolve(Overrides.NONE);
        assertEquals(omitted.protocol(), empty.protocol());
        assertEquals(List.of(), empty.behaviours());
        assertEquals(List.of(), empty.probes());
    }

    @Test
    void aOneEntryEraScheduleShouldRunThatEra() {
        final ScenarioFile file = parse(SMALL.replace("era: launch-2025-02\n",
                "startBlock: 500\neras:\n  - era: capped-2025-12\n    fromBlock: 200\n"));
        assertEquals(List.of(new EraEntry(Era.CAPPED_2025_12, 200)), file.eras());
        assertEquals(Era.CAPPED_2025_12, file.resolve(Overrides.NONE).protocol().era());
    }

    @Test
    void subnetsShouldReadFromACsvFileNextToTheScenario(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("pools.csv"), """
                # netuid 1..3
                taoReserve, alphaIn, movingPrice
                1000, 2000, 0.4

                500, 1000, 0.45
                100, 1000, 0.09
                """);
        Files.writeString(dir.resolve("s.yaml"), withSubnets("subnets:\n  csv: pools.csv"));
        final Network n = ScenarioParser.read(dir.resolve("s.yaml")).resolve(Overrides.NONE).network();
        assertArrayEquals(new double[] {1000, 500, 100}, n.taoReserve());
        assertArrayEquals(new double[] {2000, 1000, 1000}, n.alphaIn());
        assertArrayEquals(new double[] {2000, 1000, 1000}, n.alphaOut());
        assertArrayEquals(new double[] {0.4, 0.45, 0.09}, n.movingPrice());
    }

    @Test
    void overridesShouldEqualTheSameValuesWrittenInTheFile() {
        final String file = FULL.replace("switches:\n  excess-buy: false\n", "");
        final Scenario overridden = parse(file).resolve(new Overrides(3L, 20, 99L, Era.CAPPED_2025_12));
        final Scenario written = parse(file.replace("era: taoflow-2025-11", "era: capped-2025-12")
                .replace("days: 0.5", "blocks: 20").replace("paths: 7", "paths: 3").replace("seed: -3", "seed: 99"))
                .resolve(Overrides.NONE);
        assertEquals(written, overridden);
        assertEquals(parse(file).resolve(Overrides.NONE), parse(file).resolve(new Overrides(null, null, null, null)));
    }

    @Test
    void anEraOverrideShouldLeaveTheFilesSwitchesOfOtherErasOut() {
        // excess-buy: false belongs to taoflow-2025-11; under --era capped-2025-12 (run, the eras study) the run
        // is capped-2025-12 with its own defaults, as if the file named that era and no switch
        final Scenario overridden = parse(FULL).resolve(new Overrides(null, null, null, Era.CAPPED_2025_12));
        final Scenario written = parse(FULL.replace("switches:\n  excess-buy: false\n", "")
                .replace("era: taoflow-2025-11", "era: capped-2025-12")).resolve(Overrides.NONE);
        assertEquals(written, overridden);
        // without the override the file's own switch applies
        assertFalse(parse(FULL).resolve(Overrides.NONE).protocol().on(Switch.EXCESS_BUY));
    }

    @Test
    void anEraOverrideShouldReplaceASchedule() {
        final ScenarioFile file = parse(SMALL.replace("era: launch-2025-02\n",
                "eras:\n  - era: launch-2025-02\n    fromBlock: 0\n  - era: capped-2025-12\n    fromBlock: 1\n"));
        assertEquals(Era.NETFLOW_2026_05,
                file.resolve(new Overrides(null, null, null, Era.NETFLOW_2026_05)).protocol().era());
    }

    static Stream<Arguments> badOverrides() {
        return Stream.of(
                Arguments.of(new Overrides(0L, null, null, null), "--paths: 0 is not in [1, 2147483647]"),
                Arguments.of(new Overrides(null, 0, null, null), "--blocks: 0 is not in [1, 100000000]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOverrides")
    void badOverridesShouldNameTheOption(final Overrides overrides, final String message) {
        final ScenarioFile file = parse(FULL.replace("excess-buy: false", "excess-buy: true"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file.resolve(overrides)).getMessage()
                .startsWith(message));
    }

    /** Faults beyond the fifty files, each an edit of {@link #SMALL}: (description, edit, message start). */
    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("era and eras", SMALL + "eras:\n  - era: launch-2025-02\n    fromBlock: 0\n",
                        "eras: given together with era"),
                bad("empty schedule", SMALL.replace("era: launch-2025-02\n", "eras: []\n"), "eras: an empty list"),
                bad("entry not a mapping", SMALL.replace("era: launch-2025-02\n", "eras: [launch-2025-02]\n"),
                        "eras[0]: \"launch-2025-02\" is not a mapping"),
                bad("schedule not increasing", SMALL.replace("era: launch-2025-02\n", "eras:\n  - era: launch-2025-02\n"
                        + "    fromBlock: 0\n  - era: capped-2025-12\n    fromBlock: 0\n"),
                        "eras[1].fromBlock: 0 is not after eras[0].fromBlock (0)"),
                bad("era not a string", SMALL.replace("era: launch-2025-02", "era: [launch-2025-02]"),
                        "era: a list is not a string"),
                bad("no horizon", SMALL.replace("blocks: 1\n", ""), "blocks: missing"),
                bad("two horizons", SMALL + "days: 1\n", "days: given together with blocks"),
                bad("days not whole blocks", SMALL.replace("blocks: 1", "days: 0.0001"),
                        "days: 0.0001 is not a whole number of blocks"),
                bad("days negative", SMALL.replace("blocks: 1", "days: -1"), "days: -1 is not in (0, "),
                bad("paths missing", SMALL.replace("paths: 1\n", ""), "paths: missing"),
                bad("first emission of one subnet negative", SMALL + "firstEmissionBlock: [0, -1]\n",
                        "firstEmissionBlock[1]: -1 is not in [0, 2305843009213693951] (FirstEmissionBlockNumber,"
                        + " start_call + 1, from which the EMA ramp counts)"),
                bad("first emission per subnet, too few", SMALL + "firstEmissionBlock: [0]\n",
                        "firstEmissionBlock: 1 entries, expected one block for every subnet or one per subnet (2)"),
                bad("first emission a fraction", SMALL + "startBlock: 10\nfirstEmissionBlock: 2.5\n",
                        "firstEmissionBlock: 2.5 is not a whole number"),
                bad("paths too many", SMALL.replace("paths: 1", "paths: 2147483648"),
                        "paths: 2147483648 is not in [1, 2147483647]"),
                bad("paths null", SMALL.replace("paths: 1", "paths: ~"), "paths: null is not a whole number"),
                bad("seed fraction", SMALL.replace("seed: 1", "seed: 0.5"), "seed: 0.5 is not a whole number"),
                bad("description list", SMALL + "description: [a, b]\n", "description: a list is not a string"),
                bad("switch of an era outside the schedule", SMALL.replace("era: launch-2025-02\n", "eras:\n"
                        + "  - era: launch-2025-02\n    fromBlock: 0\n  - era: ema-ramp-2025-03\n    fromBlock: 5\n")
                        + "switches:\n  excess-buy: false\n",
                        "switches.excess-buy: belongs to era taoflow-2025-11, not launch-2025-02 or ema-ramp-2025-03;"
                        + " switches of launch-2025-02: ema-clip-at-one, dividend-fix; of ema-ramp-2025-03:"
                        + " start-call, ema-age-from-start-call, swap-pallet-v3, fee-rate-cut"),
                bad("switch misspelt", SMALL.replace("era: launch-2025-02", "era: capped-2025-12")
                        + "switches:\n  fees-to-blockauthor: false\n",
                        "switches.fees-to-blockauthor: unknown switch; switches of capped-2025-12:"
                        + " fees-to-block-author, start-call-delay-zero, pool-seed-at-median-price"),
                bad("parameter case", SMALL + "parameters:\n  MovingAlpha: 0.1\n",
                        "parameters.MovingAlpha: unknown field"),
                bad("fee rate negative", SMALL + "parameters:\n  feeRate: -1\n",
                        "parameters.feeRate: -1 is not in [0, 10000]"),
                bad("fee rate fraction", SMALL + "parameters:\n  feeRate: 33.7\n",
                        "parameters.feeRate: 33.7 is not a whole number (x/65535, in [0, 10000])"),
                bad("YAML nan names its field", SMALL.replace("maxTao: 1000", "maxTao: .nan"),
                        "subnets.maxTao: test.yaml: not valid YAML, line 8, column 15: Malformed numeric value"
                                + " '.nan'; every number in a scenario is finite"),
                bad("YAML inf in a list names its field", SMALL + "behaviours:\n  - {type: uniform-noise-traders,"
                        + " sigma: .inf}\n", "behaviours[0].sigma: test.yaml: not valid YAML"),
                bad("profile unknown key", SMALL + "  spacing: log\n", "subnets.spacing: unknown field"),
                bad("profile and lists", SMALL + "  taoReserve: [1, 2]\n", "subnets.taoReserve: unknown field"),
                bad("subnets scalar", withSubnets("subnets: 12"),
                        "subnets: 12 is not a mapping"),
                bad("empty lists", withSubnets("subnets:\n  taoReserve: []\n  alphaIn: []"),
                        "subnets.taoReserve: 0 subnets is not in [1, 4096]"),
                bad("lists without alphaIn", withSubnets("subnets:\n  taoReserve: [1]"),
                        "subnets.alphaIn: missing"),
                bad("root stake text", SMALL + "rootStake: lots\n", "rootStake: \"lots\" is not a number"),
                bad("root stake negative", SMALL + "rootStake: -1\n", "rootStake: -1 is not in [0, 21000000]"),
                bad("behaviour not a mapping", SMALL + "behaviours: [uniform-noise-traders]\n",
                        "behaviours[0]: \"uniform-noise-traders\" is not a mapping"),
                bad("sell fraction text", SMALL + "behaviours:\n  - type: emission-sellers\n    sellFraction: half\n",
                        "behaviours[0].sellFraction: \"half\" is not a number"),
                bad("sell fraction above one",
                        SMALL + "behaviours:\n  - type: emission-sellers\n    sellFraction: 1.5\n",
                        "behaviours[0].sellFraction: 1.5 is not in [0, 1]"),
                bad("dump at fraction", SMALL + "behaviours:\n  - type: pump-and-dump\n    subnet: 0\n    rateTao: 1\n"
                        + "    buyFrom: 0\n    buyUntil: 1\n    dumpAt: 4.5\n",
                        "behaviours[0].dumpAt: 4.5 is not a whole number"),
                bad("pump subnet negative", SMALL + "behaviours:\n  - type: pump-and-dump\n    subnet: -1\n"
                        + "    rateTao: 1\n    buyFrom: 0\n    buyUntil: 1\n    dumpAt: 1\n",
                        "behaviours[0].subnet: -1 is not in [0, 4095]"),
                bad("first block negative", SMALL + "behaviours:\n  - type: subnet-registrations\n    firstBlock: -1\n"
                        + "    everyBlocks: 10\n    count: 1\n", "behaviours[0].firstBlock: -1 is not in [0, "),
                bad("neuron every blocks text", SMALL + "behaviours:\n  - type: neuron-registrations\n    burnTao: 1\n"
                        + "    everyBlocks: often\n", "behaviours[0].everyBlocks: \"often\" is not a whole number"),
                bad("watch scalar", SMALL + "watch: 1\n", "watch: 1 is not a list"),
                bad("watch negative", SMALL + "watch: [-1]\n", "watch[0]: -1 is not in [0, 2147483647]"),
                bad("watch twice", SMALL + "watch: [1, 0, 1]\n", "watch[2]: 1 is already watched (watch[0])"),
                bad("two documents", SMALL + "---\npaths: 2\n", "test.yaml: not valid YAML"),
                bad("alias before its anchor", SMALL.replace("paths: 1", "paths: *one").replace("seed: 1",
                        "seed: &one 1"), "paths: test.yaml: not valid YAML, line 3: alias *one has no anchor &one"
                        + " before it"),
                bad("alias of the value around it", SMALL + "watch: &w [1, *w]\n",
                        "watch[1]: test.yaml: not valid YAML, line 11: alias *w is inside the value &w anchors"),
                bad("merge of a list", SMALL + "watch: &w [1]\nbehaviours:\n  - <<: *w\n",
                        "behaviours[0]: test.yaml: not valid YAML, line 13: a merge key (<<) takes a mapping or a"
                        + " list of mappings, not [1]"),
                bad("alias of a single value, re-anchored", SMALL + "behaviours:\n  - &b {type: emission-sellers,"
                        + " sellFraction: 0.5}\n  - {type: uniform-noise-traders, sigma: &b 0.01}\n  - *b\n",
                        "behaviours[2]: 0.01 is not a mapping"),
                // nested aliases multiply: nine levels of nine copies would be 387 million values ("billion laughs")
                bad("aliases copying too many values", SMALL + "x:\n" + nestedAliases(9),
                        "x[5][0]: test.yaml: not valid YAML, line 17: aliases and merge keys copy more than 100000"
                        + " values"),
                // more TAO a block than will ever exist: once a pool broke down mid-run (exit 1), now refused
                bad("pump beyond the supply cap", SMALL + "behaviours:\n  - {type: pump-and-dump, subnet: 1, rateTao:"
                        + " 1.0e300, buyFrom: 0, buyUntil: 10, dumpAt: 20}\n",
                        "behaviours[0].rateTao: 1.0E300 is not in [0, 21000000], the TAO and alpha supply cap"),
                bad("list as a key", SMALL + "? [a, b]\n: 1\n", "test.yaml: not valid YAML, line 11, column 4: a key"
                        + " must be a single value, not a list or mapping"),
                bad("tab indentation", SMALL.replace("  count: 2", "\tcount: 2"), "test.yaml: not valid YAML, line"));
    }

    /** {@code levels} nested lists, each of nine aliases of the one before. */
    private static String nestedAliases(final int levels) {
        final StringBuilder text = new StringBuilder("  - &l0 [a, a, a, a, a, a, a, a, a]\n");
        for (int l = 1; l < levels; l++) {
            text.append("  - &l").append(l).append(" [").append(String.join(", ", Collections.nCopies(9,
                    "*l" + (l - 1)))).append("]\n");
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void badFieldShouldBeNamedWithItsValue(final String what, final String yaml, final String message) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(yaml).resolve(Overrides.NONE));
        assertTrue(e.getMessage().startsWith(message), () -> "expected '" + message + "…', got: " + e.getMessage());
    }

    static Stream<Arguments> badCsv() {
        return Stream.of(
                Arguments.of("", "subnets.csv: \"pools.csv\" has no subnet rows"),
                Arguments.of("taoReserve,alphaIn\n", "subnets.csv: \"pools.csv\" has no subnet rows"),
                Arguments.of("taoReserve,price\n1,2\n", "subnets.csv: unknown column \"price\""),
                Arguments.of("taoReserve,taoReserve,alphaIn\n1,2,3\n",
                        "subnets.csv: column \"taoReserve\" given twice"),
                Arguments.of("alphaIn,alphaOut\n1,2\n", "subnets.csv: no column \"taoReserve\""),
                Arguments.of("taoReserve,alphaIn\n1,2\n3\n", "subnets.csv[1]: 1 cells, expected 2"),
                Arguments.of("taoReserve,alphaIn\n1,NaN\n", "subnets.csv[0].alphaIn: \"NaN\" is not a number"),
                Arguments.of("taoReserve,alphaIn\n1,2\n-3,4\n",
                        "subnets.csv[1].taoReserve: -3 is not a finite number ≥ 0.001"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badCsv")
    void badCsvShouldNameRowAndColumn(final String csv, final String message, @TempDir final Path dir)
            throws IOException {
        Files.writeString(dir.resolve("pools.csv"), csv);
        Files.writeString(dir.resolve("s.yaml"), withSubnets("subnets:\n  csv: pools.csv"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioParser.read(dir.resolve("s.yaml")));
        assertTrue(e.getMessage().startsWith(message), () -> "expected '" + message + "…', got: " + e.getMessage());
    }

    @Test
    void scenarioRecordsShouldHoldNoJacksonTypes() {
        for (final Class<?> type : List.of(ScenarioFile.class, EraEntry.class, LogSpacedPools.class, ListedPools.class,
                Overrides.class, LoadedScenario.class)) {
            for (final RecordComponent c : type.getRecordComponents()) {
                assertNoJackson(type.getSimpleName() + "." + c.getName(), c.getGenericType());
            }
        }
    }

    private static void assertNoJackson(final String where, final Type type) {
        assertFalse(type.getTypeName().contains("jackson"), where + ": " + type.getTypeName());
        if (type instanceof ParameterizedType p) {
            for (final Type arg : p.getActualTypeArguments()) {
                assertNoJackson(where, arg);
            }
        }
    }

    /** {@link #SMALL} with its subnets replaced. */
    private static String withSubnets(final String subnets) {
        return SMALL.replaceFirst("subnets:(\\n  .*)+", subnets);
    }

    private static Arguments bad(final String what, final String yaml, final String message) {
        return Arguments.of(what, yaml, message);
    }

    @Test
    void marketBehavioursOfTheLibraryShouldParseIntoTheirEngineRecords() {
        final ScenarioFile file = parse(SMALL + """
                behaviours:
                  - {type: poisson-noise-traders, tradesPerBlock: 0.05, logSizeMean: -6, logSizeSigma: 1.5,
                     buyProbability: 0.4}
                  - {type: meme-cohort, subnet: 1, arrivalsPerBlock: 0.002, buyTao: 10, capitalTao: 500,
                     momentumBlocks: 360, momentumGain: 5, shareGain: 6, yieldGain: 400, holderRewards: true,
                     shareFeedback: false, panicDrawdown: 0.4, exitFraction: 0.05}
                  - {type: intervention, subnet: 1, triggerPriceMultiple: 0, triggerBlock: 100, sellAlpha: 5,
                     withdrawSupport: true}
                """);
        assertEquals(List.of(new PoissonNoiseTraders(0.05, -6, 1.5, 0.4),
                new MemeCohort(1, 0.002, 10, 500, 360, 5, 6, 400, true, false, 0.4, 0.05),
                new Intervention(1, 0.0, 100, 5, true)), file.behaviours());
    }

    @Test
    void aMemeCohortWithANonBooleanSwitchShouldBeNamed() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> parse(SMALL + """
                behaviours:
                  - {type: meme-cohort, subnet: 1, arrivalsPerBlock: 0.002, buyTao: 10, capitalTao: 500,
                     momentumBlocks: 360, momentumGain: 5, shareGain: 6, yieldGain: 400, holderRewards: maybe,
                     shareFeedback: false, panicDrawdown: 0.4, exitFraction: 0.05}
                """));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("behaviours[0].holderRewards"),
                e.getMessage());
    }

    @Test
    void parameterMapShouldKeepEveryOverride() {
        final Map<Parameter, Double> parameters = parse(FULL).parameters();
        assertEquals(Map.of(Parameter.MOVING_ALPHA, 1e-4, Parameter.TEMPO, 100.0, Parameter.SUBNET_LIMIT, 6.0),
                parameters);
    }
}
