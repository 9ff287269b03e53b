package dtaosim.studies.spark;

import static dtaosim.studies.spark.SparkTesting.MEME;
import static dtaosim.studies.spark.SparkTesting.figures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance on {@code local[2,2]} (two threads, a failed task retried once): the task of piece 1 throws
 * on its first attempt, Spark runs it again, and the figures are still the local runner's.
 */
class SparkRetryTest {
    @TempDir
    static Path tmp;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTesting.spark("local[2,2]", SparkStudy.FAIL_FIRST_ATTEMPT, "1",
                SparkStudy.ATTEMPT_MARKERS, tmp.resolve("attempts").toString());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aPieceThatFailsOnceShouldBeRetriedAndGiveTheSameFigures() throws IOException {
        final Path out = tmp.resolve("retried");
        final SparkStudy.Outcome outcome = SparkTesting.onSpark(spark, MEME, out, 3);
        // the first attempt of piece 1 ran (and threw), then a second attempt ran and its result was kept
        final List<String> markers;
        try (Stream<Path> files = Files.list(tmp.resolve("attempts"))) {
            markers = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("attempt-0-0", "attempt-1-0", "attempt-1-1", "attempt-2-0"), markers);
        assertEquals(List.of(0, 1, 0), outcome.tasks().stream().map(PartitionResult::attempt).toList());
        assertEquals(1, outcome.tasks().get(1).sparkPartition());
        assertTrue(outcome.tasks().get(1).thread().startsWith("Executor task launch worker"));

        SparkTesting.cli(MEME, tmp.resolve("local"));
        assertEquals(figures(tmp.resolve("local")), figures(out));
        for (final String f : List.of("timeseries.csv", "paths.csv", "distributions.hlog")) {
            assertEquals(Files.readString(tmp.resolve("local").resolve(f)), Files.readString(out.resolve(f)), f);
        }
    }
}
