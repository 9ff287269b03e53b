package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.report.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studies end to end on small built-in cases: every output is written; thread count, shards and merge do
 * not change a figure; a shard runs only its own paths; bad input writes nothing.
 */
class StudyCommandTest {
    /** A small meme-capture: meme-loop-demo, 12 paths, 0.2 days, the default capital grid of 5 cells. */
    static final String SMALL_PATHS = "12";
    static final String[] SMALL = {"study", "meme-capture", "meme-loop-demo", "--paths", SMALL_PATHS, "--blocks",
        "1440", "--samples", "12", "--quiet"};

    @TempDir
    Path tmp;

    static CliRun study(final Path out, final String... extra) {
        final List<String> args = new ArrayList<>(List.of(SMALL));
        args.addAll(List.of(extra));
        args.add("--out");
        args.add(out.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    /** summary.json without its stamp. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> figures(final Path dir) throws IOException {
        final Map<String, Object> summary = JsonReader.readObject(Files.readString(dir.resolve("summary.json")));
        summary.remove("stamp");
        return summary;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stamp(final Path dir) throws IOException {
        return (Map<String, Object>) JsonReader.readObject(Files.readString(dir.resolve("summary.json"))).get("stamp");
    }

    @Test
    void memeCaptureShouldWriteEveryOutputAndAnswer() throws IOException {
        final Path out = tmp.resolve("mc");
        final CliRun run = study(out);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("emission share reached"), run.out());
        assertTrue(run.out().contains("report: " + out.resolve("report.html")), run.out());
        for (final String f : List.of("summary.json", "timeseries.csv", "paths.csv", "distributions.hlog",
                "report.html", "manifest.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        final Map<String, Object> summary = figures(out);
        assertEquals(5, ((List<?>) summary.get("cells")).size(), "default capital grid");
        // paths.csv: a header and one row per cell and path
        assertEquals(1 + 5 * 12, Files.readAllLines(out.resolve("paths.csv")).size());
        // timeseries.csv: one row per cell, series and sample
        final long series = Files.readAllLines(out.resolve("timeseries.csv")).stream().skip(1)
                .map(l -> l.split(",")[1]).distinct().count();
        assertEquals(1 + 5 * series * 12, Files.readAllLines(out.resolve("timeseries.csv")).size());
        assertTrue(Files.readString(out.resolve("distributions.hlog")).contains("Tag=cell0/net.gini"));
        // the capture probabilities and Wilson intervals, recomputed from paths.csv
        final List<String> lines = Files.readAllLines(out.resolve("paths.csv"));
        final List<String> header = List.of(lines.get(0).split(",", -1));
        final List<?> thresholds = (List<?>) summary.get("thresholds");
        final List<?> cells = (List<?>) ((Map<?, ?>) summary.get("figures")).get("cells");
        for (int c = 0; c < 5; c++) {
            for (int k = 0; k < thresholds.size(); k++) {
                final int column = header.indexOf("target.captureBlock" + k);
                int captured = 0;
                for (final String line : lines.subList(1 + 12 * c, 1 + 12 * (c + 1))) {
                    captured += line.split(",", -1)[column].isEmpty() ? 0 : 1;
                }
                final Map<?, ?> t = (Map<?, ?>) ((List<?>) ((Map<?, ?>) cells.get(c)).get("capture")).get(k);
                assertEquals(captured, ((Number) t.get("captured")).intValue());
                assertEquals(captured / 12.0, ((Number) t.get("probability")).doubleValue(), 1e-15);
                final double[] wilson = dtaosim.studies.stats.Intervals.wilson(captured, 12);
                assertEquals(wilson[0], ((Number) t.get("wilsonLow")).doubleValue(), 1e-15);
            }
        }
        // 0.2 days: the cohort spends less than the smallest capital (cell 0's), and the answer says what that means
        final int spentColumn = header.indexOf("meme.spent");
        double mostSpent = 0.0;
        for (final String line : lines.subList(1, lines.size())) {
            mostSpent = Math.max(mostSpent, Double.parseDouble(line.split(",", -1)[spentColumn]));
        }
        final double smallest = Double.parseDouble((String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) summary.get("cells"))
                .get(0)).get("coordinates")).get("behaviours[2].capitalTao"));
        assertTrue(mostSpent < smallest, mostSpent + " < " + smallest);
        assertTrue(((String) summary.get("answer")).contains("below the smallest capital swept ("
                + dtaosim.studies.study.Analysis.g3(smallest) + " TAO), so the capital cells are the same run."),
                (String) summary.get("answer"));
    }

    /** A study says, as run does, what its scenario asks for that will not happen, with --quiet too. */
    @Test
    void registrationsOutsideTheStudysBlocksShouldBeWarnedAbout(@TempDir final Path dir) throws IOException {
        final PrintStream stderr = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        final CliRun run;
        final CliRun quiet;
        final String err;
        final String quietErr;
        try {
            run = CliRun.of("study", "distribution", "taoflow-demo", "--days", "0.1", "--paths", "2", "--out",
                    dir.resolve("out").toString());
            err = captured.toString(StandardCharsets.UTF_8);
            captured.reset();
            quiet = CliRun.of("study", "distribution", "taoflow-demo", "--days", "0.1", "--paths", "2", "--out",
                    dir.resolve("quiet").toString(), "--quiet");
            quietErr = captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, quiet.exitCode(), quiet.err());
        final String warning = "warning: behaviours[2] (subnet-registrations): 4 of 4 attempts fall outside the"
                + " run's blocks [6800000, 6800720) and are not made";
        assertTrue(err.contains(warning), err);
        // taoflow-demo's flow EMA: f = 1e-3 a block, half-life ln 2 / f = 693 blocks = 0.0963 days
        final String cold = "warning: taoflow-2025-11 weighs emission by each subnet's EMA of users' net TAO flow,"
                + " which the run starts at 0 for every subnet (half-life 0.0963 days): early shares rest on the first"
                + " trades, and a block with no inflow anywhere emits nothing";
        assertEquals(cold + System.lineSeparator() + warning + System.lineSeparator(), quietErr,
                "--quiet drops the progress, not the warnings");
    }

    @Test
    void threadCountShouldNotChangeAnyFigure() throws IOException {
        assertEquals(0, study(tmp.resolve("t1"), "--threads", "1").exitCode());
        assertEquals(0, study(tmp.resolve("t2"), "--threads", "2").exitCode());
        assertEquals(figures(tmp.resolve("t1")), figures(tmp.resolve("t2")));
        assertEquals(Files.readString(tmp.resolve("t1/timeseries.csv")), Files.readString(tmp.resolve("t2/timeseries.csv")));
        assertEquals(Files.readString(tmp.resolve("t1/paths.csv")), Files.readString(tmp.resolve("t2/paths.csv")));
    }

    @Test
    void mergedShardsShouldEqualTheUnshardedRun() throws IOException {
        assertEquals(0, study(tmp.resolve("whole")).exitCode());
        final List<String> merge = new ArrayList<>(List.of("merge"));
        for (int k = 0; k < 3; k++) {
            final Path shard = tmp.resolve("shard" + k);
            final CliRun run = study(shard, "--shard", k + "/3");
            assertEquals(0, run.exitCode(), run.err());
            assertFalse(Files.exists(shard.resolve("summary.json")), "a shard writes a partial result only");
            // a shard simulates its own paths and no others: 4 paths in each of the 5 cells
            final Map<String, Object> stamp = JsonReader.readObject(Files.readString(shard.resolve("shard.json")));
            assertEquals(5L * 4, ((Number) stamp.get("executedPaths")).longValue());
            try (Stream<Path> files = Files.list(shard.resolve("partial/cell-0"))) {
                assertEquals(List.of((4 * k) + "-" + (4 * k + 4) + ".bin"),
                        files.map(p -> p.getFileName().toString()).toList());
            }
            merge.add(shard.toString());
        }
        merge.add("--out");
        merge.add(tmp.resolve("merged").toString());
        final CliRun merged = CliRun.of(merge.toArray(String[]::new));
        assertEquals(0, merged.exitCode(), merged.err());
        assertEquals(figures(tmp.resolve("whole")), figures(tmp.resolve("merged")));
        for (final String f : List.of("timeseries.csv", "paths.csv", "distributions.hlog", "manifest.json")) {
            assertEquals(Files.readString(tmp.resolve("whole").resolve(f)),
                    Files.readString(tmp.resolve("merged").resolve(f)), f);
        }
        // the merged outputs go to a new or empty folder only, never onto a shard's or another study's
        merge.set(merge.size() - 1, tmp.resolve("shard1").toString());
        final CliRun ontoShard = CliRun.of(merge.toArray(String[]::new));
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, ontoShard.exitCode()),
                () -> assertTrue(ontoShard.err().contains("--out: " + tmp.resolve("shard1") + " is not empty"),
                        ontoShard.err()),
                () -> assertFalse(Files.exists(tmp.resolve("shard1/summary.json"))));
    }

    @Test
    void mergeShouldRefuseAnIncompleteSetOfShards() throws IOException {
        assertEquals(0, study(tmp.resolve("s0"), "--shard", "0/3").exitCode());
        assertEquals(0, study(tmp.resolve("s2"), "--shard", "2/3").exitCode());
        final CliRun run = CliRun.of("merge", tmp.resolve("s0").toString(), tmp.resolve("s2").toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("gap"), run.err());
        assertFalse(Files.exists(tmp.resolve("m")), "a failed merge leaves no folder it made");
        // the ranges are named as paths [from, to): a shard given twice, and the last one missing
        assertEquals(0, study(tmp.resolve("s1"), "--shard", "1/3").exitCode());
        final CliRun twice = CliRun.of("merge", tmp.resolve("s0").toString(), tmp.resolve("s1").toString(),
                tmp.resolve("s1").toString(), tmp.resolve("s2").toString(), "--out", tmp.resolve("m").toString());
        final CliRun noLast = CliRun.of("merge", tmp.resolve("s0").toString(), tmp.resolve("s1").toString(), "--out",
                tmp.resolve("m").toString());
        final long third = Long.parseLong(SMALL_PATHS) / 3;
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, twice.exitCode()),
                () -> assertTrue(twice.err().contains("expected a part starting at path " + 2 * third + ", found ["
                        + third + ", " + 2 * third + ")"), twice.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, noLast.exitCode()),
                () -> assertTrue(noLast.err().contains("the shards cover paths [0, " + 2 * third + "), not all of [0, "
                        + SMALL_PATHS + ")"), noLast.err()));
    }

    /**
     * A damaged manifest, a merge into a folder nobody may write, or more shards than paths is bad input named as
     * such, not a crash or a folder merge would refuse later.
     */
    @Test
    void resumeAndMergeShouldRefuseDamagedManifestsAndUnwritableOut() throws IOException {
        assertEquals(0, study(tmp.resolve("d0"), "--shard", "0/2").exitCode());
        assertEquals(0, study(tmp.resolve("d1"), "--shard", "1/2").exitCode());
        final CliRun unwritable = CliRun.of("merge", tmp.resolve("d0").toString(), tmp.resolve("d1").toString(),
                "--out", "/proc/dtaosim-merge");
        final Path manifest = tmp.resolve("d1/manifest.json");
        Files.writeString(manifest, "");
        final CliRun empty = CliRun.of("resume", tmp.resolve("d1").toString(), "--quiet");
        Files.writeString(manifest, "{bad json");
        final CliRun broken = CliRun.of("merge", tmp.resolve("d0").toString(), tmp.resolve("d1").toString(), "--out",
                tmp.resolve("dm").toString());
        final CliRun emptyShard = study(tmp.resolve("many"), "--shard", "0/4096");
        final List<String> emptyOutArgs = new ArrayList<>(List.of(SMALL));
        emptyOutArgs.addAll(List.of("--out", ""));
        final CliRun emptyOut = CliRun.of(emptyOutArgs.toArray(String[]::new));
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, emptyShard.exitCode(), emptyShard.err()),
                () -> assertTrue(emptyShard.err().contains("--shard: 0/4096 cuts"), emptyShard.err()),
                () -> assertFalse(Files.exists(tmp.resolve("many"))),
                () -> assertEquals(Main.EXIT_BAD_INPUT, emptyOut.exitCode(), emptyOut.err()),
                () -> assertTrue(emptyOut.err().contains("--out: an empty name is not a folder"), emptyOut.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, unwritable.exitCode(), unwritable.err()),
                () -> assertTrue(unwritable.err().contains("--out: cannot create files in /proc/dtaosim-merge"),
                        unwritable.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, empty.exitCode(), empty.err()),
                () -> assertTrue(empty.err().contains(manifest + " is damaged (no field args)"), empty.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, broken.exitCode(), broken.err()),
                () -> assertTrue(broken.err().contains(manifest + " is damaged (not JSON: "), broken.err()),
                () -> assertFalse(Files.exists(tmp.resolve("dm"))));
    }

    /**
     * A scenario's pools CSV is read again on resume and merge; a changed file would mix paths of two markets, so a
     * study keeps a fingerprint of its starting pools and refuses to go on with others.
     */
    @Test
    void resumeAndMergeShouldRefusePoolsThatChangedSinceTheStart() throws IOException {
        final Path dir = Files.createDirectory(tmp.resolve("csv"));
        final Path pools = Files.writeString(dir.resolve("pools.csv"), "taoReserve,alphaIn\n1000,2000\n500,4000\n");
        final Path scenario = Files.writeString(dir.resolve("two.yaml"), """
                era: launch-2025-02
                subnets: {csv: pools.csv}
                behaviours:
                  - {type: uniform-noise-traders, sigma: 0.002}
                """);
        final String[] args = {"study", "distribution", scenario.toString(), "--paths", "8", "--blocks", "20",
            "--seed", "3", "--quiet"};
        final List<String> shard0 = new ArrayList<>(List.of(args));
        shard0.addAll(List.of("--shard", "0/2", "--out", tmp.resolve("p0").toString()));
        assertEquals(0, CliRun.of(shard0.toArray(String[]::new)).exitCode());
        Files.writeString(pools, "taoReserve,alphaIn\n1000,2000\n600,4000\n");
        final List<String> shard1 = new ArrayList<>(List.of(args));
        shard1.addAll(List.of("--shard", "1/2", "--out", tmp.resolve("p1").toString()));
        assertEquals(0, CliRun.of(shard1.toArray(String[]::new)).exitCode());
        final CliRun merge = CliRun.of("merge", tmp.resolve("p0").toString(), tmp.resolve("p1").toString(), "--out",
                tmp.resolve("pm").toString());
        // shard 0 resumed (as after a stop) once its pools file has changed
        final CliRun resumeBack = CliRun.of("resume", tmp.resolve("p0").toString(), "--quiet");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, merge.exitCode()),
                () -> assertTrue(merge.err().contains("DIR: " + tmp.resolve("p0") + ": the scenario's starting pools"
                        + " are not those this study started with"), merge.err()),
                () -> assertFalse(Files.exists(tmp.resolve("pm"))),
                () -> assertEquals(Main.EXIT_BAD_INPUT, resumeBack.exitCode()),
                () -> assertTrue(resumeBack.err().contains("the scenario's starting pools are not those"),
                        resumeBack.err()));
        final CliRun noThreads = CliRun.of("resume", tmp.resolve("p0").toString(), "--threads", "0");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, noThreads.exitCode()),
                () -> assertTrue(noThreads.err().contains("--threads: 0 is not in [1, 4096]"), noThreads.err()));
    }

    @Test
    void erasAndDistributionStudiesShouldRun() throws IOException {
        final CliRun eras = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "6", "--blocks", "720",
                "--era", "launch-2025-02,taoflow-2025-11,price-burn-2026-06", "--quiet", "--out",
                tmp.resolve("eras").toString());
        assertEquals(0, eras.exitCode(), eras.err());
        final List<?> cells = (List<?>) ((Map<?, ?>) figures(tmp.resolve("eras")).get("figures")).get("cells");
        assertEquals(3, cells.size());
        final Map<?, ?> second = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) cells.get(1)).get("measures")).get("gini");
        assertTrue(second.containsKey("pairedDifference"), second.toString());
        // root stakers' TAO per TAO emitted (rootDividendsPerTaoEmitted): the paired mean difference, recomputed
        // from paths.csv
        final List<String> lines = Files.readAllLines(tmp.resolve("eras/paths.csv"));
        final List<String> header = List.of(lines.get(0).split(",", -1));
        final int root = header.indexOf("rootTaoSold");
        final int emitted = header.indexOf("taoEmitted");
        double sum = 0.0;
        for (int p = 0; p < 6; p++) {
            final String[] base = lines.get(1 + p).split(",", -1);
            final String[] other = lines.get(1 + 6 + p).split(",", -1);
            sum += Double.parseDouble(other[root]) / Double.parseDouble(other[emitted])
                    - Double.parseDouble(base[root]) / Double.parseDouble(base[emitted]);
        }
        final Map<?, ?> rootShare = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) cells.get(1)).get("measures"))
                .get("rootDividendsPerTaoEmitted");
        assertEquals(sum / 6, ((Number) rootShare.get("pairedDifference")).doubleValue(), 1e-12);
        final CliRun dist = CliRun.of("study", "distribution", "meme-loop-demo", "--paths", "6", "--blocks", "720",
                "--quiet", "--out", tmp.resolve("dist").toString());
        assertEquals(0, dist.exitCode(), dist.err());
        assertTrue(Files.readString(tmp.resolve("dist/report.html")).contains("net.sumPrice"));
    }

    /** The answer names what each difference is taken against: one baseline era, or each sweep setting's. */
    @Test
    void erasStudyAnswerShouldNameTheBaselineOfASweep() throws IOException {
        final CliRun plain = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "4", "--blocks", "360",
                "--era", "launch-2025-02,capped-2025-12", "--quiet", "--out", tmp.resolve("plain").toString());
        final CliRun swept = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "4", "--blocks", "360",
                "--era", "launch-2025-02,capped-2025-12", "--sweep", "parameters.ownerCut=0.1,0.2", "--quiet",
                "--out", tmp.resolve("swept").toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, swept.exitCode(), swept.err());
        final String plainAnswer = (String) figures(tmp.resolve("plain")).get("answer");
        final String sweptAnswer = (String) figures(tmp.resolve("swept")).get("answer");
        assertAll(
                () -> assertTrue(plainAnswer.contains("relative to launch-2025-02: "), plainAnswer),
                () -> assertTrue(sweptAnswer.contains("relative to each sweep setting's launch-2025-02 cell: "),
                        sweptAnswer));
    }

    @Test
    void sparkEngineWithoutTheRunnerShouldSayHowToGetIt() {
        final Path out = tmp.resolve("spark");
        final CliRun spark = study(out, "--engine", "spark");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, spark.exitCode()),
                () -> assertTrue(spark.err().contains("-Pspark"), spark.err()),
                () -> assertTrue(spark.err().contains("spark-submit"), spark.err()),
                () -> assertFalse(Files.exists(out)));
        final CliRun partitions = study(out, "--partitions", "4");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, partitions.exitCode()),
                () -> assertTrue(partitions.err().contains("--partitions: only with --engine spark"), partitions.err()));
        final CliRun engine = study(out, "--engine", "flink");
        assertEquals(Main.EXIT_BAD_INPUT, engine.exitCode());
        final CliRun shard = study(out, "--engine", "spark", "--shard", "0/2");
        assertTrue(shard.err().contains("--shard: not with --engine spark"), shard.err());
    }

    /** An output folder that cannot be made is refused before any path runs, in words and naming --out. */
    @Test
    void anOutFolderThatCannotBeMadeShouldBeRefusedNamingOut() throws IOException {
        final Path file = Files.writeString(tmp.resolve("a-file"), "x");
        final CliRun run = CliRun.of("study", "distribution", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--quiet", "--out", file.resolve("sub").toString());
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, run.exitCode()),
                () -> assertTrue(run.err().startsWith("error: --out: cannot create files in " + file.resolve("sub")),
                        run.err()),
                () -> assertFalse(run.err().contains("Exception"), run.err()));
    }

    @Test
    void badInputShouldNameTheFieldAndWriteNothing() {
        final Path out = tmp.resolve("bad");
        final CliRun sweep = study(out, "--sweep", "behaviours[2].capitalTao=100,-5");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, sweep.exitCode()),
                () -> assertTrue(sweep.err().contains("behaviours[2].capitalTao"), sweep.err()),
                () -> assertFalse(Files.exists(out)));
        final CliRun key = study(out, "--sweep", "behaviours[9].capitalTao=1");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, key.exitCode()),
                () -> assertTrue(key.err().contains("behaviours[9]"), key.err()));
        final CliRun oneEra = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--era", "launch-2025-02", "--quiet", "--out", out.toString());
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, oneEra.exitCode()),
                () -> assertTrue(oneEra.err().contains("--era: the eras study compares two or more eras, given only "
                        + "launch-2025-02"), oneEra.err()),
                () -> assertFalse(Files.exists(out)));
        final CliRun sameTwice = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--sweep", "era=taoflow-2025-11,taoflow-2025-11", "--quiet", "--out", out.toString());
        final CliRun both = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--era", "launch-2025-02", "--sweep", "era=taoflow-2025-11,capped-2025-12", "--quiet", "--out",
                out.toString());
        final CliRun single = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--sweep", "era=taoflow-2025-11", "--quiet", "--out", out.toString());
        final CliRun noEra = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--era", ",", "--quiet", "--out", out.toString());
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, sameTwice.exitCode()),
                () -> assertTrue(sameTwice.err().contains("--sweep era: the value taoflow-2025-11 is given twice"),
                        sameTwice.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, single.exitCode()),
                () -> assertTrue(single.err().contains("--sweep era: the eras study compares two or more eras"),
                        single.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, noEra.exitCode()),
                () -> assertTrue(noEra.err().contains("--era: no era given"), noEra.err()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, both.exitCode()),
                () -> assertTrue(both.err().contains("--era: given together with --sweep era; give one"), both.err()),
                () -> assertFalse(Files.exists(out)));
        // --sweep era alone compares its eras (the eras study's default of all seven does not clash with it)
        final CliRun swept = CliRun.of("study", "eras", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--sweep", "era=launch-2025-02,capped-2025-12", "--quiet", "--out", tmp.resolve("eraSweep").toString());
        assertEquals(0, swept.exitCode(), swept.err());
        final CliRun threshold = study(out, "--thresholds", "0.5,1.5");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, threshold.exitCode()),
                () -> assertTrue(threshold.err().contains("--thresholds: 1.5 is not in (0, 1]"), threshold.err()));
        final CliRun name = CliRun.of("study", "nope");
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, name.exitCode()),
                () -> assertTrue(name.err().contains("meme-capture, eras, distribution"), name.err()));
        final CliRun shard = study(out, "--shard", "3/3");
        assertEquals(Main.EXIT_BAD_INPUT, shard.exitCode());
        assertFalse(Files.exists(out));
    }

    /**
     * What a study's plan can tell is refused before any path runs, leaving no folder: a capture window past the
     * horizon or outside meme-capture, a sweep of what every cell shares, a target slot with no starting subnet.
     */
    @Test
    void aPlanThatCannotWorkShouldBeRefusedBeforeTheRun() {
        final Path out = tmp.resolve("refused");
        final CliRun within = study(out, "--within", "1");
        final CliRun distributionWithin = CliRun.of("study", "distribution", "meme-loop-demo", "--paths", "2",
                "--blocks", "10", "--within", "0.001", "--quiet", "--out", out.toString());
        final CliRun seed = CliRun.of("study", "distribution", "meme-loop-demo", "--paths", "2", "--blocks", "10",
                "--seed", "1", "--sweep", "seed=5,6", "--quiet", "--out", out.toString());
        final CliRun slot = CliRun.of("study", "meme-capture", "taoflow-demo", "--paths", "2", "--blocks", "10",
                "--subnet", "15", "--quiet", "--out", out.toString());
        // meme-loop-demo's cohort (behaviours[2]) gives the target: sweeping its subnet would leave the target
        final CliRun cohortSubnet = study(out, "--sweep", "behaviours[2].subnet=2,3");
        assertAll(
                () -> assertRefused(within, "--within: 1.0 days is not in (0, "),
                () -> assertRefused(distributionWithin, "--within: only the meme-capture study"),
                () -> assertRefused(seed, "--sweep seed: every cell of a study shares"),
                () -> assertRefused(slot, "--subnet: slot 15 holds no subnet at the start"),
                () -> assertRefused(cohortSubnet, "--sweep behaviours[2].subnet: the study follows that behaviour's"
                        + " subnet"),
                () -> assertFalse(Files.exists(out)));
    }

    private static void assertRefused(final CliRun run, final String message) {
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }
}
