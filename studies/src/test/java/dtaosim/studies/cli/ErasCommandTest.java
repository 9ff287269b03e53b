package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code dtaosim eras [NAME]}: the seven eras with the dates their rules reached subtensor's main
 * (mechanics §9 and research/eras-spec.md's merge list), one era's dated switches and parameter defaults
 * (mechanics §7 and the eras-spec table "Governance-set numbers and defaults by era"), and bad names. Expected
 * values are the spec's, in its units (rao converted at 1e9 per TAO), not the command's output.
 */
class ErasCommandTest {
    private static final Pattern ERA_ROW = Pattern.compile("^(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(.*)$");
    private static final Pattern SWITCH_ROW = Pattern.compile(
            "^  (\\S+)\\s+(\\d{4}-\\d{2}-\\d{2})\\s+default (on|off)\\s*$");
    private static final Pattern PARAMETER_ROW = Pattern.compile("^  (\\S+)\\s+(-?[0-9][0-9.e+-]*)\\s");
    private static final double RAO = 1e9;

    /** The era table: name → rest of the row (from date and pool), in listing order. */
    private static Map<String, String[]> listedEras() {
        final CliRun run = CliRun.of("eras");
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
        final Map<String, String[]> rows = new LinkedHashMap<>();
        for (final String line : run.out().split("\\R")) {
            final Matcher m = ERA_ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        return rows;
    }

    @Test
    void listShouldNameTheSevenErasInOrderWithTheDayTheirRulesReachedMain() {
        final Map<String, String[]> rows = listedEras();
        // mechanics §9 / eras-spec: e2b8367b8 02-13, b61dd3020 03-19, 6309d3592 07-29, 6218ecc5c 11-04,
        // 8834a7c73 12-12 (2025), 486037ba4 2026-05-27
        assertEquals(List.of("launch-2025-02", "ema-ramp-2025-03", "subsidy-2025-07", "taoflow-2025-11",
                "capped-2025-12", "netflow-2026-05", "price-burn-2026-06"), List.copyOf(rows.keySet()));
        assertAll(
                () -> assertEquals("2025-02-13", rows.get("launch-2025-02")[0]),
                () -> assertEquals("2025-03-19", rows.get("ema-ramp-2025-03")[0]),
                () -> assertEquals("2025-07-29", rows.get("subsidy-2025-07")[0]),
                () -> assertEquals("2025-11-04", rows.get("taoflow-2025-11")[0]),
                () -> assertEquals("2025-12-12", rows.get("capped-2025-12")[0]),
                () -> assertEquals("2026-05-27", rows.get("netflow-2026-05")[0]));
    }

    /** The rules column starts where its heading does, after at least two spaces, on every era's row. */
    @Test
    void listColumnsShouldNotRunTogether() {
        final List<String> lines = List.of(CliRun.of("eras").out().split("\\R"));
        final int rules = lines.get(0).indexOf("rules");
        for (final String line : lines.subList(1, 8)) {
            assertAll(line,
                    () -> assertEquals("  ", line.substring(rules - 2, rules)),
                    () -> assertTrue(line.charAt(rules) != ' '));
        }
    }

    /** The list shows every parameter's default in every era, as each era's own page does, - where unused. */
    @Test
    void listShouldShowEveryParametersDefaultInEveryEra() {
        final CliRun run = CliRun.of("eras");
        final Map<String, String[]> table = new LinkedHashMap<>();
        for (final String line : run.out().split("\\R")) {
            final String[] cells = line.trim().split("\\s+");
            if (cells.length == 1 + Era.values().length) {
                table.put(cells[0], java.util.Arrays.copyOfRange(cells, 1, cells.length));
            }
        }
        assertEquals("launch ema-ramp subsidy taoflow capped netflow price-burn",
                String.join(" ", table.get("parameter")));
        for (final Parameter p : Parameter.values()) {
            final String[] row = table.get(p.id());
            for (final Era era : Era.values()) {
                final ProtocolParams defaults = era.defaults();
                final String cell = row[era.ordinal()];
                if (p.noEffectIn(defaults) != null && p != Parameter.MIN_STAKE) {
                    assertEquals("-", cell, p.id() + " in " + era.id());
                } else {
                    assertEquals(defaults.get(p), Double.parseDouble(cell), 5e-6 * Math.abs(defaults.get(p)),
                            p.id() + " in " + era.id());
                }
            }
        }
        // mechanics §6, §9: start_call from 2025-03-28 with 50,400 blocks, delay 0 from 2026-01-21
        assertEquals("0 50400 50400 50400 0 0 0", String.join(" ", table.get("startCallDelay")));
        assertEquals("- - - 3.20901e-06 3.20901e-06 3.20901e-06 -", String.join(" ", table.get("flowSmoothing")));
        // mechanics §5 DefaultMinStake: 500,000 rao, 2,000,000 from 2025-09-24 (quote's guard)
        assertEquals("0.0005 0.0005 0.002 0.002 0.002 0.002 0.002", String.join(" ", table.get("minStake")));
    }

    /** mechanics §5: flat 50,000-rao fee, then the V3 pool at 33/65535, then the Balancer pool. */
    @Test
    void listShouldShowEachErasPool() {
        final Map<String, String[]> rows = listedEras();
        assertAll(
                () -> assertTrue(rows.get("launch-2025-02")[1].startsWith("x·y=k, flat 50,000 rao fee")),
                () -> assertTrue(rows.get("ema-ramp-2025-03")[1].startsWith("x·y=k, flat 50,000 rao fee")),
                () -> assertTrue(rows.get("subsidy-2025-07")[1].startsWith("x·y=k (V3 full range), 33/65535")),
                () -> assertTrue(rows.get("netflow-2026-05")[1].startsWith("x·y=k (V3 full range), 33/65535")),
                () -> assertTrue(rows.get("price-burn-2026-06")[1].startsWith("Balancer weighted, 33/65535")));
    }

    /**
     * Issue 3's era table dates price-burn-2026-06 from 2026-06-30 (bb3591e7, root_prop removed from the share
     * weight); mechanics §9 has its rules reach main in steps from 2026-06-22 ("back to price-EMA shares ×
     * root_prop × (1−MinerBurned)", then 06-23 new subnets emission-disabled, 06-25 Balancer pool and dynamic
     * tempo). The list keeps the issue's date and the era's page names the first step.
     */
    @Test
    void priceBurnShouldBeListedFromJuneThirtiethAndItsPageShouldNameTheFirstStep() {
        final String page = CliRun.of("eras", "price-burn-2026-06").out();
        assertAll(
                () -> assertEquals("2026-06-30", listedEras().get("price-burn-2026-06")[0]),
                () -> assertTrue(page.startsWith("price-burn-2026-06 (from 2026-06-30; its rules reached main in"
                        + " steps from 2026-06-22"), page),
                () -> assertFalse(CliRun.of("eras", "netflow-2026-05").out().contains("in steps"),
                        "an era whose rules came at once names one date"));
    }

    /** A parameter an era does not read says so on the era's page, with the reason (here: flow shares). */
    @Test
    void parametersAnEraDoesNotReadShouldBeMarked() {
        final String launch = CliRun.of("eras", "launch-2025-02").out();
        final String taoflow = CliRun.of("eras", "taoflow-2025-11").out();
        assertAll(
                () -> assertTrue(launch.lines().anyMatch(l -> l.startsWith("  flowExponent ")
                        && l.endsWith("; no effect here: shares follow the moving price in launch-2025-02")), launch),
                () -> assertTrue(taoflow.lines().anyMatch(l -> l.startsWith("  flowExponent ")
                        && !l.contains("no effect")), taoflow),
                () -> assertTrue(taoflow.lines().anyMatch(l -> l.startsWith("  minerBurned ")
                        && l.contains("no effect here")), taoflow));
    }

    /**
     * Every dated switch lies between its era's first step and the next era's first step (mechanics §9): a
     * change before an era's first rule or after the next era began belongs to another era.
     */
    @Test
    void everySwitchShouldBeDatedInsideItsEra() {
        final Map<String, String[]> rows = listedEras();
        final List<String> names = List.copyOf(rows.keySet());
        final List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            final EraPage page = EraPage.of(names.get(i));
            final String first = firstStep(page.text(), rows.get(names.get(i))[0]);
            final String next = i + 1 < names.size()
                    ? firstStep(EraPage.of(names.get(i + 1)).text(), rows.get(names.get(i + 1))[0]) : "9999-12-31";
            for (final Map.Entry<String, String> s : page.switches().entrySet()) {
                final String date = s.getValue().substring(0, 10);
                final String where = names.get(i) + " " + s.getKey() + " " + date;
                checks.add(() -> assertTrue(date.compareTo(first) >= 0 && date.compareTo(next) < 0,
                        where + " not in [" + first + ", " + next + ")"));
            }
        }
        assertFalse(checks.isEmpty());
        assertAll(checks);
    }

    private static String firstStep(final String page, final String from) {
        final Matcher m = Pattern.compile("in steps from (\\d{4}-\\d{2}-\\d{2})").matcher(page);
        return m.find() ? m.group(1) : from;
    }

    /** One era's page: switch rows (name → "date on|off") and parameter rows (name → value). */
    private record EraPage(String text, Map<String, String> switches, Map<String, Double> parameters) {
        static EraPage of(final String name) {
            final CliRun run = CliRun.of("eras", name);
            assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
            final Map<String, String> switches = new LinkedHashMap<>();
            final Map<String, Double> parameters = new LinkedHashMap<>();
            boolean inParameters = false;
            for (final String line : run.out().split("\\R")) {
                inParameters |= line.startsWith("parameters");
                final Matcher s = SWITCH_ROW.matcher(line);
                final Matcher p = PARAMETER_ROW.matcher(line);
                if (!inParameters && s.matches()) {
                    switches.put(s.group(1), s.group(2) + " " + s.group(3));
                } else if (inParameters && p.find()) {
                    parameters.put(p.group(1), Double.parseDouble(p.group(2)));
                }
            }
            return new EraPage(run.out(), switches, parameters);
        }

        /** The command prints 6 significant digits. */
        Executable shows(final String parameter, final double expected) {
            return () -> {
                assertTrue(parameters.containsKey(parameter), parameter + " missing from\n" + text);
                assertEquals(expected, parameters.get(parameter), 5e-6 * Math.abs(expected), parameter);
            };
        }
    }

    @Test
    void launchEraShouldShowItsTwoSwitchesAndTheChainsDefaults() {
        final EraPage page = EraPage.of("launch-2025-02");
        assertAll(
                () -> assertTrue(page.text().startsWith("launch-2025-02 (from 2025-02-13)"), page.text()),
                // no ramp before b61dd3020 (2025-03-19)
                () -> assertTrue(page.text().contains("moving-price ramp a·b/(b+H): off"), page.text()),
                // eras-spec launch 8: clip f95810a25 2025-02-13, dividend fix 5073ade60 2025-02-24
                () -> assertEquals(Map.of("ema-clip-at-one", "2025-02-15 on", "dividend-fix", "2025-02-24 on"),
                        page.switches()),
                // mechanics §7 and the eras-spec table, launch column
                page.shows("blockEmission", 1e9 / RAO),
                page.shows("movingAlpha", 3e-6),
                page.shows("emaPriceHalvingBlocks", 201_600),
                page.shows("flowSmoothing", 29_597_889_189_277.0 / 9.223372036854775807e18), // ≈ 3.2090e-6
                page.shows("ownerCut", 11_796.0 / 65_535.0), // ≈ 0.179995
                page.shows("taoWeight", 0.18),
                page.shows("tempo", 360),
                page.shows("stakeFee", 50_000 / RAO),
                page.shows("feeRate", 0),
                page.shows("minStake", 500_000 / RAO),
                page.shows("minLock", 1),
                page.shows("lockReductionInterval", 100_800),
                page.shows("networkRateLimit", 7_200),
                page.shows("subnetLimit", 128));
    }

    @Test
    void priceBurnEraShouldShowItsThreeSwitchesAndTheChainsDefaults() {
        final EraPage page = EraPage.of("price-burn-2026-06");
        assertAll(
                () -> assertTrue(page.text().contains("moving-price ramp a·b/(b+H): on"), page.text()),
                // eras-spec price-burn 8: bb3591e7 06-30, e367ae647 06-23, 06032d518 06-25
                () -> assertEquals(Map.of("shares-without-root-proportion", "2026-06-30 on",
                        "new-subnets-emission-disabled", "2026-06-23 on", "dynamic-tempo", "2026-06-25 on"),
                        page.switches()),
                // mechanics §5 FeeRate 33; the eras-spec table, price-burn column (migrations of 2025-09-24, 10-07)
                page.shows("feeRate", 33),
                page.shows("stakeFee", 0),
                page.shows("minStake", 2_000_000 / RAO),
                page.shows("lastLock", 1_250),
                page.shows("lockReductionInterval", 57_600),
                page.shows("networkRateLimit", 28_800),
                page.shows("immunityPeriod", 864_000),
                page.shows("tempo", 360));
    }

    @Test
    void unknownEraShouldExitWithTwoAndNameTheSevenAllowed() {
        final CliRun run = CliRun.of("eras", "dtao-2024");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), () -> "stdout: " + run.out() + " stderr: " + run.err());
        assertAll(
                () -> assertTrue(run.err().contains("'dtao-2024'"), run.err()),
                () -> assertTrue(run.err().contains("launch-2025-02, ema-ramp-2025-03, subsidy-2025-07, "
                        + "taoflow-2025-11, capped-2025-12, netflow-2026-05, price-burn-2026-06"), run.err()),
                () -> assertEquals("", run.out()));
    }
}
