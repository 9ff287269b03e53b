package dtaosim.studies.spark;

import static dtaosim.studies.spark.SparkTesting.ERAS;
import static dtaosim.studies.spark.SparkTesting.MEME;
import static dtaosim.studies.spark.SparkTesting.figures;
import static dtaosim.studies.spark.SparkTesting.onSpark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.scenario.ScenarioSource;
import dtaosim.studies.study.StudyEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies on {@code local[2]} Spark against the local runner (meme-capture, eras, distribution): every figure
 * of summary.json and every byte of timeseries.csv, paths.csv and distributions.hlog equal for any partition
 * count; the partitions run as Spark tasks; paths.parquet holds what paths.csv holds.
 */
class SparkStudyTest {
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkTesting.spark("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static void assertSameOutputs(final Path local, final Path distributed) throws IOException {
        assertEquals(figures(local), figures(distributed), "summary.json figures");
        for (final String f : List.of("timeseries.csv", "paths.csv", "distributions.hlog")) {
            assertEquals(Files.readString(local.resolve(f)), Files.readString(distributed.resolve(f)), f);
        }
        assertTrue(Files.size(distributed.resolve("report.html")) > 0);
        assertTrue(Files.exists(distributed.resolve("manifest.json")));
    }

    /** Asserts each piece ran once, as the Spark task of its own partition, on an executor thread. */
    private static void assertRanAsTasks(final SparkStudy.Outcome outcome, final int pieces) {
        assertEquals(pieces, outcome.tasks().size());
        for (int k = 0; k < pieces; k++) {
            final PartitionResult task = outcome.tasks().get(k);
            assertEquals(k, task.piece());
            assertEquals(k, task.sparkPartition(), "TaskContext.partitionId() of piece " + k);
            assertEquals(0, task.attempt(), "first attempt");
            assertTrue(task.thread().startsWith("Executor task launch worker"), task.thread());
            assertNotEquals(Thread.currentThread().getName(), task.thread(), "not the driver's thread");
        }
        assertEquals(pieces, outcome.tasks().stream().mapToLong(PartitionResult::taskAttemptId).distinct().count());
    }

    @Test
    void memeCaptureShouldGiveTheLocalFiguresForEveryPartitionCount() throws IOException {
        SparkTesting.cli(MEME, tmp.resolve("meme-local"), "--threads", "2");
        for (final int pieces : new int[] {1, 3, 7}) {
            final Path out = tmp.resolve("meme-spark-" + pieces);
            final SparkStudy.Outcome outcome = onSpark(spark, MEME, out, pieces);
            assertSameOutputs(tmp.resolve("meme-local"), out);
            assertRanAsTasks(outcome, pieces);
            // the pieces tile [0, 12) in order
            assertEquals(0, outcome.tasks().get(0).from());
            assertEquals(12, outcome.tasks().get(pieces - 1).to());
            IntStream.range(1, pieces).forEach(k ->
                    assertEquals(outcome.tasks().get(k - 1).to(), outcome.tasks().get(k).from()));
        }
    }

    @Test
    void erasStudyShouldGiveTheLocalFiguresForEveryPartitionCount() throws IOException {
        SparkTesting.cli(ERAS, tmp.resolve("eras-local"));
        for (final int pieces : new int[] {1, 4}) {
            final Path out = tmp.resolve("eras-spark-" + pieces);
            assertRanAsTasks(onSpark(spark, ERAS, out, pieces), pieces);
            assertSameOutputs(tmp.resolve("eras-local"), out);
        }
    }

    @Test
    void distributionStudyShouldGiveTheLocalFigures() throws IOException {
        final List<String> distribution = List.of("distribution", "--paths", "5", "--blocks", "720", "--samples", "6");
        SparkTesting.cli(distribution, tmp.resolve("dist-local"));
        assertRanAsTasks(onSpark(spark, distribution, tmp.resolve("dist-spark"), 3), 3);
        assertSameOutputs(tmp.resolve("dist-local"), tmp.resolve("dist-spark"));
    }

    @Test
    void studyCommandWithEngineSparkShouldRunOnTheActiveSession() throws IOException {
        final String answer = SparkTesting.cli(MEME, tmp.resolve("cli-spark"), "--engine", "spark",
                "--partitions", "2");
        assertTrue(answer.contains("report: "), answer);
        SparkTesting.cli(MEME, tmp.resolve("cli-local"));
        assertSameOutputs(tmp.resolve("cli-local"), tmp.resolve("cli-spark"));
        assertTrue(figures(tmp.resolve("cli-spark")).has("figures"));
    }

    @Test
    void scenarioAndOutputUrisShouldGoThroughHadoopFileSystems() throws IOException {
        final Path scenario = tmp.resolve("uri/my-demo.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, ScenarioSource.load(SparkTesting.SCENARIO).text());
        final Path out = tmp.resolve("uri/out");
        final String outUri = out.toUri().toString(); // file:///..., not yet a folder
        final SparkStudy.Outcome outcome;
        final StringWriter answer = new StringWriter();
        try (PrintWriter pw = new PrintWriter(answer, true)) {
            outcome = SparkStudy.run(spark, new StudyEngine.Job(MEME, scenario.toUri().toString(),
                    outUri, 2, 1), pw, null);
        }
        assertEquals(outUri, outcome.out());
        assertTrue(answer.toString().contains("report: " + outUri.replaceFirst("/$", "") + "/report.html"),
                answer.toString());
        assertEquals("my-demo", figures(out).get("scenario").get("name").asText());
        for (final String f : List.of("manifest.json", "timeseries.csv", "paths.csv", "distributions.hlog",
                "report.html", "summary.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.isDirectory(out.resolve("paths.parquet")));
        SparkTesting.cli(MEME, tmp.resolve("uri-local"));
        assertEquals(figures(tmp.resolve("uri-local")).get("figures"), figures(out).get("figures"));
        assertEquals(Files.readString(tmp.resolve("uri-local/paths.csv")), Files.readString(out.resolve("paths.csv")));
    }

    @Test
    void parquetOutcomesShouldMatchPathsCsv() throws IOException {
        final Path out = tmp.resolve("parquet");
        onSpark(spark, MEME, out, 3);
        final List<String> csv = Files.readAllLines(out.resolve("paths.csv"));
        final String[] header = csv.get(0).split(",", -1);
        final List<Row> rows = spark.read().parquet(out.resolve("paths.parquet").toString())
                .orderBy("cell", "path").collectAsList();
        assertEquals(csv.size() - 1, rows.size());
        assertEquals(List.of(header), List.of(rows.get(0).schema().fieldNames()), "the same columns in order");
        for (int r = 0; r < rows.size(); r++) {
            final String[] fields = csv.get(r + 1).split(",", -1);
            final Row row = rows.get(r);
            assertEquals(Integer.parseInt(fields[0]), row.getInt(0));
            assertEquals(Long.parseLong(fields[1]), row.getLong(1));
            for (int k = 2; k < header.length; k++) {
                if (fields[k].isEmpty()) {
                    assertNull(row.get(k), header[k]);
                } else {
                    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(fields[k])),
                            Double.doubleToRawLongBits(row.getDouble(k)), header[k] + " of row " + r);
                }
            }
        }
    }
}
