package dtaosim.studies.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar as spark-submit runs it: {@code target/dtaosim-spark.jar} on a JVM whose class path is Spark's
 * jars and nothing of dtaosim (no classes folder, no dtaosim, picocli, HdrHistogram or YAML jars), master
 * {@code local[2]}, main class {@link SparkStudy}. Its relocated Jackson and its ServiceLoader entry must work
 * beside Spark's own Jackson, and the figures equal the in-process run's.
 */
class ClusterJarIT {
    @TempDir
    Path tmp;

    /** Spark and its libraries from the test class path, as a Spark distribution's jars/ folder holds them. */
    private static String sparkClassPath() {
        final String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(testPath.split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar"))
                .filter(e -> {
                    final String name = Path.of(e).getFileName().toString();
                    return !name.startsWith("dtaosim") && !name.startsWith("picocli")
                            && !name.startsWith("HdrHistogram") && !name.startsWith("chart.js")
                            && !name.startsWith("jackson-dataformat-yaml") && !name.startsWith("snakeyaml")
                            && !name.startsWith("junit") && !name.startsWith("opentest4j")
                            && !name.startsWith("apiguardian");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void theClusterJarShouldRunAStudyBesideSparksOwnLibraries() throws IOException, InterruptedException {
        final Path jar = Path.of("target", "dtaosim-spark.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " (built in the package phase)");
        final Path out = tmp.resolve("cluster");
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector"));
        command.addAll(Arrays.asList(System.getProperty("dtaosim.spark.jvm.args").trim().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dlog4j2.configurationFile=" + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath(),
                "-cp", jar + File.pathSeparator + sparkClassPath(), SparkStudy.class.getName()));
        final List<String> study = new ArrayList<>(SparkTesting.MEME);
        study.add(1, SparkTesting.SCENARIO);
        command.addAll(study);
        command.addAll(List.of("--partitions", "3", "--quiet", "--out", out.toUri().toString()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log.txt").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        final Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "finished within 3 minutes");
        final String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(0, process.exitValue(), log);
        assertTrue(log.contains("report: "), log);
        assertTrue(Files.isDirectory(out.resolve("paths.parquet")), log);

        SparkTesting.cli(SparkTesting.MEME, tmp.resolve("local"));
        assertEquals(SparkTesting.figures(tmp.resolve("local")), SparkTesting.figures(out));
        assertEquals(Files.readString(tmp.resolve("local/paths.csv")), Files.readString(out.resolve("paths.csv")));
    }
}
